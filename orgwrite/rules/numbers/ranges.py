"""N104: value ranges written with ～ and both magnitudes (3万～5万人)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from orgwrite import lazyre
from orgwrite.model import Document, Finding
from orgwrite.numerals import inside, number_data
from orgwrite.rules.base import Context, rule
from orgwrite.rules.numbers.common import (
    _NUM,
    _after,
    _marked_blocks,
    _protected,
)

# --- N104 value ranges ------------------------------------------------------------------------


@cache
def _range_re() -> re.Pattern[str]:
    units = "|".join(re.escape(u) for u in sorted(number_data()["range_units"], key=len, reverse=True))
    return lazyre.compile(
        rf"(?P<a>{_NUM})(?P<ma>万亿|亿|万|%)?"
        rf"(?P<sep>[-－~～—–])(?P<b>{_NUM})(?P<unit>{units})(?![\d\-－])"
    )


_MAGNITUDES = ("万亿", "亿", "万", "%")
#: A range separator before a digit, in every match of _range_re(): one pattern per
#: separator, each led by its literal, which scans faster than the class.
_SEP_DIGIT_RES = tuple(lazyre.compile(re.escape(c) + r"(?=\d)") for c in "-－~～—–")


@rule("N104", "value-range", "warning", "数值范围写法不规范（3-5万、3～5万、15～30%）", fix="safe")
def value_range(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    数值范围用浪纹线“～”连接：3～5人。数值带“万”“亿”或“%”时，两端都要写：3万～5万人、
    15%～30%，不写“3～5万人”“15～30%”（易被理解为从3到5万）。连字符“-”不用于数值范围。
    年、月、日的起止由P108报告，本规则不重复。
    原因：
    “3-5万”既用错了连接号，又可能被误读为“3到50000”。
    错误示例：
    每个村每年安排3-5万元党建工作经费。
    参训干部比例应达到15～30%。
    每期培训3-5天。
    正确示例：
    每个村每年安排3万～5万元党建工作经费，每期培训3～5天，比例达到15%～30%。
    依据：
    GB/T 15835-2011 第5.1.1条（数值范围）；GB/T 15834-2011 第4.13、4.14条（连接号）。
    """
    pattern = _range_re()
    for block in _marked_blocks(doc, ctx, _SEP_DIGIT_RES):
        text = block.text  # a marked block holds a separator right before a digit
        for m in pattern.finditer(text):
            if _after(text, m.start(), "0123456789.-－/:：〔[") or (
                m.start() and text[m.start() - 1].isascii() and text[m.start() - 1].isalpha()
            ):
                continue
            a, ma, sep, b, unit = m.group("a", "ma", "sep", "b", "unit")
            if unit[0] in "月日" or (unit[0] == "年" and len(a) == 4):
                continue  # P108's
            if sep == "—" and len(a) == 4 and len(b) == 4:
                continue  # 1949—2019
            if inside(_protected(ctx, block), m.start(), m.end()):
                continue
            mag = next((x for x in _MAGNITUDES if unit.startswith(x)), "")
            missing = bool(mag) and not ma
            bad_sep = sep not in "～—"
            if not missing and not bad_sep:
                continue
            if ma and mag and ma != mag:
                continue  # 5000万-1亿元: written out already
            fixed = f"{a}{mag if missing else (ma or '')}～{b}{unit}"
            problems = []
            if bad_sep:
                problems.append(f"数值范围不用“{sep}”，应用“～”")
            if missing:
                problems.append(f"前一个数也要带“{mag}”")
            yield ctx.emit(
                "N104", block, m.start(), m.end(), f"“{m.group(0)}”：{'；'.join(problems)}，应写“{fixed}”", fixed
            )
