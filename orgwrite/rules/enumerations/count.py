"""E104: the number in an abbreviation (三个自信) against the members listed after it."""

from __future__ import annotations

from collections.abc import Iterator

from orgwrite import lazyre
from orgwrite.lexicon import count_word
from orgwrite.model import Document, Finding
from orgwrite.rules.base import Context, rule
from orgwrite.rules.enumerations.chains import block_chains


@rule("E104", "enumeration-count", "error", "简称中的数目与所列成员数不符", fix="unsafe")
def enumeration_count(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    简称中的数字（三个、四个、五位）应与随后列出的成员数一致，如“三个自信”后列了四项
    （道路自信、理论自信、制度自信、文化自信）。能确定应有的简称时给出替换。
    原因：
    数目不符多是沿用了旧提法（三个自信 → 四个自信）或漏改简称。
    错误示例：
    坚定“三个自信”，即道路自信、理论自信、制度自信、文化自信。
    正确示例：
    坚定“四个自信”，即道路自信、理论自信、制度自信、文化自信。
    依据：
    各条目的出处（orgwrite lexicon show 编号）。
    """
    for block, chains in block_chains(doc, ctx):
        for c in chains:
            if c.anchor is None:
                continue
            a_start, a_end, a_entry = c.anchor
            stated = count_word(block.text[a_start:a_end])
            if stated is None or stated == len(c.items):
                continue
            if a_entry is c.entry and len(c.items) < len(c.entry.get("members")):
                continue  # fewer items than the abbreviation says: E103 reports the missing ones
            if a_entry is not c.entry and (
                len(c.known) < len(c.items) or not _introduces(block.text, a_end, c.items[0].member_start or c.start)
            ):
                continue  # another entry's list: only when the abbreviation plainly introduces it
            better = c.entry.get("abbr") if count_word(c.entry.get("abbr")) == len(c.items) else None
            hint = f"，应为“{better}”" if better else ""
            yield ctx.emit(
                "E104",
                block,
                a_start,
                a_end,
                f"“{block.text[a_start:a_end]}”与所列{len(c.items)}项（{'、'.join(i.text for i in c.items)}）数目不符{hint}",
                better,
            )


_INTRODUCES_RE = lazyre.compile(r"[”’\"]?(?:[（(：:]|[，,]?(?:即|就是|也就是|包括|主要是)[：:]?)[“\"]?")


def _introduces(text: str, abbr_end: int, list_start: int) -> bool:
    """True when nothing but "，即" and the like stands between an abbreviation and a list."""
    return list_start >= abbr_end and _INTRODUCES_RE.fullmatch(text[abbr_end:list_start]) is not None
