"""P108: ranges of years, months and days written with a hyphen."""

from __future__ import annotations

from collections.abc import Iterator

from orgwrite import lazyre
from orgwrite.lazyre import lazy
from orgwrite.model import Document, Finding
from orgwrite.rules.base import Context, rule
from orgwrite.rules.punctuation._common import joined, text_blocks

_RANGE_RE = lazy(
    r"(?<![\d.\-/:：])(\d{4}年?)[-－~～—–](\d{4}年)"
    r"|(?<![\d.\-/:：])(\d{1,2}月?)[-－~–](\d{1,2}月)(?!\d)"
    r"|(?<![\d.\-/:：])(\d{1,2}日?)[-－~–](\d{1,2}日)(?!\d)"
)
#: A separator before a digit: in every match of _RANGE_RE, found by a fast class scan.
_RANGE_QUICK_RE = lazyre.compile(r"[-－~～—–]\d")


def _no_range(doc: Document) -> bool:
    """``absent(doc, _RANGE_RE)``, trying the slow pattern only just before each separator.

    A match of _RANGE_RE is 1–5 characters, a separator, then a digit; so it starts at one
    of the five positions before a hit of _RANGE_QUICK_RE (whose hits cannot overlap: a
    separator is not a digit).
    """
    text = doc.text or "\n".join(b.text for b in doc.blocks)
    for hit in _RANGE_QUICK_RE.finditer(text):
        i = hit.start()
        for start in range(max(0, i - 5), i):
            if _RANGE_RE.match(text, start):
                return False
    return True


@rule("P108", "hyphen-range", "error", "年、月、日的起止用了连字符，应用一字线“—”", fix="safe")
def hyphen_range(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    表示时间起止用一字线“—”：2018—2022年、1—6月。连字符“-”只用于全数字日期（2018-01-15）、
    电话号码、型号等。
    原因：
    GB/T 15834 规定标示时间、地域的起止用一字线；“-”是短横线，意义不同。
    错误示例：
    研究制定2018-2022年全省干部教育培训规划。
    正确示例：
    研究制定2018—2022年全省干部教育培训规划。
    依据：
    GB/T 15834-2011 第4.13.3.2条。
    """
    j = joined(doc, ctx.cache)
    if j is None:
        blocks = [] if _no_range(doc) else list(text_blocks(doc))
    else:
        blocks = j.skeleton_blocks(_RANGE_QUICK_RE, needs="-－~～—–")  # separators and digits are kept: exact
        if blocks and doc.source.format == "md" and _no_range(doc):
            return  # see _common.source_absent
    for block in blocks:
        text = block.text
        if not any(c in text for c in "-－~–～") or not _RANGE_QUICK_RE.search(text):
            continue
        for m in _RANGE_RE.finditer(text):
            first, second = next((g, h) for g, h in zip(m.groups()[::2], m.groups()[1::2], strict=True) if g)
            if first.endswith(("年", "月", "日")) is False and second[-1] not in "年月日":
                continue
            if "—" == text[m.start(0) + len(first)]:
                continue
            replacement = f"{first}—{second}"
            yield ctx.emit(
                "P108", block, m.start(), m.end(), f"时间起止“{m.group(0)}”应用一字线：{replacement}", replacement
            )
