"""E101 wrong members and E103 missing members of an anchored list."""

from __future__ import annotations

from collections.abc import Iterator

from orgwrite import lazyre
from orgwrite.asof import bounds
from orgwrite.lexicon import cite
from orgwrite.model import Document, Finding
from orgwrite.rules.base import Context, rule
from orgwrite.rules.enumerations.chains import anchored_to_own, block_chains, members_for, quoted_abbr


@rule("E101", "enumeration-wrong-member", "error", "列举中的成员写错", fix="unsafe")
def enumeration_wrong_member(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    “四个意识”“四个自信”“五位一体”等数字概括的成员是固定的。列举中出现词库记录的错误成员
    （如“全局意识”），或在紧跟简称的列举中出现不属于它的成员时报告，并给出应有的成员。
    原因：
    成员写错会改变提法的含义，是审稿中最常见的硬伤之一。
    错误示例：
    增强“四个意识”，即政治意识、全局意识、核心意识、看齐意识。
    坚决反对形式主义、官僚主义、享乐主义和奢靡主义。
    正确示例：
    增强“四个意识”，即政治意识、大局意识、核心意识、看齐意识。
    坚决反对形式主义、官僚主义、享乐主义和奢靡之风。
    依据：
    各条目的出处（orgwrite lexicon show 编号），如中央政治局会议（2016年1月29日）。
    """
    for block, chains in block_chains(doc, ctx):
        for c in chains:
            members = members_for(c.entry, ctx.as_of)
            own = anchored_to_own(c)
            present = {i.index for i in c.items if i.index is not None and i.wrong is None}
            missing = [m for k, m in enumerate(members) if k not in present]
            unknown = [i for i in c.items if i.index is None]
            for it in c.items:
                if it.wrong is not None and (own or len(present) >= 2):
                    right = members[it.index]
                    yield ctx.emit(
                        "E101",
                        block,
                        it.member_start,
                        it.end,
                        f"{quoted_abbr(c.entry)}的成员是“{right}”，不是“{block.text[it.member_start : it.end]}”"
                        f"（{cite(c.entry)}）",
                        right,
                    )
            if unknown and (own or len(present) >= len(members) - 1) and len(c.items) <= len(members):
                for it in unknown:
                    replacement = missing[0] if len(unknown) == 1 and len(missing) == 1 else None
                    hint = f"，应为“{replacement}”" if replacement else f"（成员：{'、'.join(members)}）"
                    yield ctx.emit(
                        "E101",
                        block,
                        it.start,
                        it.end,
                        f"“{it.text}”不是{quoted_abbr(c.entry)}的成员{hint}",
                        replacement,
                    )


@rule("E103", "enumeration-missing-member", "error", "紧跟简称的列举缺少成员")
def enumeration_missing_member(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    简称后随即列出成员（“四个意识”，即……）时，成员应齐全；缺项时报告缺少的成员。不带简称的
    列举，首项和末项都在、按规范顺序、中间恰好漏了一项时（马克思列宁主义……习近平新时代中国
    特色社会主义思想，中间漏了科学发展观）也报告；只列前几项或后几项的引用不报告。最后一项是
    后来增加的（条目的 last_member_since）时，该日期以后的文稿列出此前的全部成员并接“为指导”，
    也报告缺少最后一项（2017年10月以后“以……科学发展观为指导”）。
    原因：
    写明“四个”却只列三个，读者会以为漏印，也不符合中央提法。
    错误示例：
    增强“四个意识”，即政治意识、大局意识、看齐意识。
    坚持以马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、习近平新时代中国特色社会主义思想为指导。
    2024年1月8日\n坚持以马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、科学发展观为指导。
    正确示例：
    增强“四个意识”，即政治意识、大局意识、核心意识、看齐意识。
    坚持以马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、科学发展观、习近平新时代中国特色社会主义思想为指导。
    2015年1月16日\n坚持以马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、科学发展观为指导。
    依据：
    各条目的出处（orgwrite lexicon show 编号）。
    """
    for block, chains in block_chains(doc, ctx):
        for c in chains:
            if not anchored_to_own(c):
                gap = interior_gap(c) or verb_cited_gap(c, block.text, ctx) or tail_gap(c, block.text, doc, ctx)
                if gap is not None:
                    yield ctx.emit(
                        "E103",
                        block,
                        c.items[0].member_start,
                        c.end,
                        f"{quoted_abbr(c.entry)}共{len(c.entry.get('members'))}项，这里漏了“{gap}”（{cite(c.entry)}）",
                    )
                continue
            members = members_for(c.entry, ctx.as_of)
            if len(c.items) >= len(members):
                continue
            if not c.entry.get("check_missing", True) and (len(c.items) != len(members) - 1 or len(members) < 4):
                continue  # partial citations are usual; one member short of a long list is a slip
            present = {i.index for i in c.items if i.index is not None}
            missing = [m for k, m in enumerate(members) if k not in present]
            if not missing or any(i.index is None for i in c.items):
                continue
            yield ctx.emit(
                "E103",
                block,
                c.start,
                c.end,
                f"{quoted_abbr(c.entry)}共{len(members)}项，这里缺少“{'、'.join(missing)}”（{cite(c.entry)}）",
            )


def interior_gap(c) -> str | None:
    """The one member missing from the middle of a list that has the first and the last, else None.

    A list that runs from the first member to the last in canonical order, with every item a member
    and exactly one left out, is the whole enumeration with a slip; a citation of the first or the
    last few members is not.  Short members (创新、协调) need four items, others three.
    """
    members = c.entry.get("members")
    if len(c.items) != len(members) - 1:
        return None  # the cheapest of the conditions below, which all must hold, first
    indices = [i.index for i in c.items]
    if None in indices or any(i.wrong is not None for i in c.items):
        return None
    if indices != sorted(set(indices)) or indices[0] != 0 or indices[-1] != len(members) - 1:
        return None
    if len(indices) != len(members) - 1 or len(indices) < (4 if min(map(len, members)) <= 2 else 3):
        return None
    return next(m for k, m in enumerate(members) if k not in indices)


def verb_cited_gap(c, text: str, ctx) -> str | None:
    """The one member missing from a list introduced by the enumeration's own verb (牢固树立……意识).

    “牢固树立政治意识、大局意识、核心意识” cites “四个意识” by its verb: with every item a member, in
    order, and one left out, the list is the enumeration with a member dropped.  Judged only where
    the enumeration existed at the text's date.
    """
    verbs = c.entry.get("verbs", [])
    members = c.entry.get("members")
    if not verbs or len(c.items) != len(members) - 1:
        return None  # the cheapest of the conditions below, which all must hold, first
    since = c.entry.get("since")
    if since and ctx.as_of and ctx.as_of < since:
        return None
    first = c.items[0]
    lead = text[max(0, first.start - 6) : first.member_start].rstrip("“‘")
    if not any(lead.endswith(v) for v in verbs):
        return None
    indices = [i.index for i in c.items]
    if None in indices or any(i.wrong is not None for i in c.items) or indices != sorted(set(indices)):
        return None
    if len(indices) != len(members) - 1 or len(indices) < 3:
        return None
    return next(m for k, m in enumerate(members) if k not in indices)


def tail_gap(c, text: str, doc: Document, ctx: Context) -> str | None:
    """The last member, missing from a list that was the whole enumeration before it was added.

    “坚持以马克思列宁主义……科学发展观为指导” was the whole list until 习近平新时代中国特色社会主义思想
    was written into the 党章 (2017-10-24, the entry's ``last_member_since``): in a text of that
    date or later, the same list in its fixed frame (the entry's ``frame_after``: 为指导) has
    dropped the last member.  Judged only when the text's date (its lower bound) is known to be on
    or after that day.  In the frame, a list of every member but the first (坚持以毛泽东思想……为
    指导) has dropped the first, whatever the date.
    """
    since = c.entry.get("last_member_since")
    frame = c.entry.get("frame_after")
    members = c.entry.get("members")
    if since is None or frame is None or any(i.wrong is not None for i in c.items):
        return None
    if not lazyre.compile(frame).match(text[c.end : c.end + 12]):
        return None
    indices = [i.index for i in c.items]
    if indices == list(range(1, len(members))):
        return members[0]  # the first member, always part of the list, dropped inside the frame
    span = bounds(ctx.as_of, doc.meta.as_of_source)
    if span is None or span[0] < since:
        return None
    return members[-1] if indices == list(range(len(members) - 1)) else None
