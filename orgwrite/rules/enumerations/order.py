"""E102: the members of a list out of their canonical order."""

from __future__ import annotations

from collections.abc import Iterator

from orgwrite.lexicon import cite
from orgwrite.model import Document, Finding
from orgwrite.rules.base import Context, rule
from orgwrite.rules.enumerations.chains import anchored_to_own, block_chains, members_for, quoted_abbr, unmistakable


@rule("E102", "enumeration-order", "error", "列举成员的顺序与规范顺序不一致", fix="unsafe")
def enumeration_order(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    数字概括的成员有固定顺序（政治意识、大局意识、核心意识、看齐意识）。紧跟简称的列举，或
    成员足够多、不会误认的列举，顺序与规范不同时报告；成员齐全时给出按规范顺序的写法。
    原因：
    顺序是提法的一部分，调换顺序等于改写中央提法。
    错误示例：
    增强“四个意识”：政治意识、大局意识、看齐意识、核心意识。
    坚持创新、协调、开放、绿色、共享的新发展理念。
    正确示例：
    增强“四个意识”：政治意识、大局意识、核心意识、看齐意识。
    坚持创新、协调、绿色、开放、共享的新发展理念。
    依据：
    各条目的出处（orgwrite lexicon show 编号）。
    """
    for block, chains in block_chains(doc, ctx):
        for c in chains:
            indices = [i.index for i in c.items if i.index is not None]
            if len(indices) < 2 or len(set(indices)) != len(indices):
                continue
            if indices == sorted(indices):
                continue
            if not (anchored_to_own(c) or unmistakable(c)):
                continue
            members = members_for(c.entry, ctx.as_of)
            replacement = None
            first = c.items[0]
            plain = all(i.exact and i.wrong is None for i in c.items[1:]) and first.wrong is None
            if plain and len(indices) == len(c.items) and len(set(c.seps)) <= 1:
                sep = c.seps[0] if c.seps else "、"
                if sep in ("、", "，"):
                    replacement = sep.join(members[k] for k in sorted(indices))
            order = "、".join(members[k] for k in sorted(indices))
            yield ctx.emit(
                "E102",
                block,
                first.member_start,
                c.end,
                f"{quoted_abbr(c.entry)}的成员顺序应为：{order}（{cite(c.entry)}）",
                replacement,
            )
