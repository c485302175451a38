"""N109: the parts after 其中 do not exceed their stated total."""

from __future__ import annotations

import re
from collections.abc import Iterator

from orgwrite.lazyre import lazy
from orgwrite.model import Document, Finding
from orgwrite.numerals import fmt_number, inside
from orgwrite.rules.base import Context, rule
from orgwrite.rules.numbers.common import (
    _MAGNITUDE,
    _NUM,
    _after,
    _numeric_blocks,
    _protected,
)

# --- N109 parts that exceed their stated total ------------------------------------------------

_UNIT = r"(?P<unit>人次|万人|人|名|个|家|项|户|所|场|期|篇|万元|亿元|元)"
_TOTAL_RE = lazy(
    rf"(?:共|总计|合计|累计|总数)[^，。；\d]{{0,12}}?(?<![\d.])(?P<num>{_NUM})(?P<mag>万亿|亿|万)?(?P<post>余|多)?{_UNIT}"
    r"(?P<rest>[^。；]*?)其中(?P<parts>[^。；]+)"
)
_PART_RE = re.compile(rf"(?P<num>{_NUM})(?P<mag>万亿|亿|万)?(?P<post>余|多)?{_UNIT}")

#: Categories that usually overlap (a woman can also be under 35): no sum check then.
_OVERLAP_RE = re.compile(r"女|少数民族|岁|学历|大专|本科|研究生|硕士|博士|党员|干部|青年|以上|以下|同比|比上年")


def _amount(m: re.Match[str]) -> tuple[float, str]:
    unit = m.group("unit")
    value = float(m.group("num")) * _MAGNITUDE[m.group("mag")]
    for big, factor in (("万", 10_000), ("亿", 100_000_000)):
        if unit.startswith(big) and len(unit) > 1:
            value *= factor
            unit = unit[1:]
    return value, unit


@rule("N109", "parts-exceed-total", "warning", "“其中”各项超过了所称总数")
def parts_exceed_total(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    “共培训3000人，其中……2000人……1500人”：其中任何一项不能大于总数；各项互不交叉时，
    各项之和也不能大于总数。性别、年龄、学历、党员等常相互交叉的分类只核对单项。
    原因：
    分项与总数对不上，说明有数字写错或统计口径不一。
    错误示例：
    全年共培训党员干部3000人次，其中线上培训2000人次，线下培训1500人次。
    今年共发展党员300名，其中农村党员350名。
    正确示例：
    全年共培训党员干部3500人次，其中线上培训2000人次，线下培训1500人次。
    今年共发展党员300名，其中女性党员120名，35岁以下党员200名。
    依据：
    常识：部分不大于整体。
    """
    for block in _numeric_blocks(doc, ctx):
        text = block.text
        if "其中" not in text:
            continue
        for m in _TOTAL_RE.finditer(text):
            if inside(_protected(ctx, block), m.start("num")):
                continue
            total, unit = _amount(m)
            base = m.start("parts")
            parts_text = m.group("parts")
            parts = [
                p
                for p in _PART_RE.finditer(parts_text)
                if _amount(p)[1] == unit and not _after(parts_text, p.start(), "0123456789.第")
            ]
            if not parts:
                continue
            shown_total = text[m.start("num") : m.end("unit")]
            over = next((p for p in parts if _amount(p)[0] > total and not p.group("post")), None)
            if over is not None and not m.group("post"):
                yield ctx.emit(
                    "N109",
                    block,
                    base + over.start(),
                    base + over.end(),
                    f"总数为“{shown_total}”，其中一项“{over.group(0)}”反而更多，请核对",
                )
                continue
            if len(parts) < 2 or m.group("post") or any(p.group("post") for p in parts):
                continue
            if _OVERLAP_RE.search(m.group("parts")):
                continue
            total_parts = sum(_amount(p)[0] for p in parts)
            if total_parts > total:
                listed = "、".join(p.group(0) for p in parts)
                yield ctx.emit(
                    "N109",
                    block,
                    base + parts[0].start(),
                    base + parts[-1].end(),
                    f"总数为“{shown_total}”，其中各项（{listed}）之和为{fmt_number(total_parts)}{unit}，超过总数，请核对",
                )
