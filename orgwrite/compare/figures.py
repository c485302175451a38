"""The same statistic stated with different values in two documents of a set.

A statistic is read where its context is explicit: a date (截至2023年底, 2023年), optionally a
scope (全市, 全县), a subject (党员, 基层党组织) and a number with its unit.  Two statements
agree when their values round to each other (12.3万名 and 123000名); a difference is reported
only when date, scope, subject and unit are the same, so last year's figure and this year's
target never meet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orgwrite.model import BlockKind, Document

_STAT_RE = re.compile(
    r"(?:截至|截止到|截止|到)(?P<when>(?:19|20)\d{2}年(?:底|末|\d{1,2}月(?:底|末)?)?)[，,]?"
    r"(?P<scope>全[省市县区州盟旗镇乡]|本[省市县区])?"
    r"(?:共有|共|现有|拥有|累计)?"
    r"(?P<subject>[\u4e00-\u9fff“”]{2,12}?)"
    r"(?:总数|总量)?(?:达到|达|为)?"
    r"(?P<num>\d+(?:\.\d+)?)(?P<mag>万|亿)?(?P<post>余|多)?(?P<unit>名|个|人|家|户|所|支)"
)
_MAG = {"": 1, "万": 10_000, "亿": 100_000_000}


@dataclass(frozen=True, slots=True)
class Statistic:
    """One statement of a figure: what it counts, when, where it stands, and its value range."""

    key: tuple[str, str, str, str]
    low: float
    high: float
    text: str
    path: str
    line: int
    column: int


def statistics_of(doc: Document, path: str) -> list[Statistic]:
    out: list[Statistic] = []
    for block in doc.blocks:
        if block.kind is BlockKind.CHROME:
            continue
        for m in _STAT_RE.finditer(block.text):
            num = m.group("num")
            scale = _MAG[m.group("mag") or ""]
            value = float(num) * scale
            decimals = len(num.split(".")[1]) if "." in num else 0
            half = 0.5 * scale * 10**-decimals if scale > 1 else 0.0
            high = value * 1.5 if m.group("post") else value + half
            line, column = block.locate(m.start())
            key = (m.group("when"), m.group("scope") or "", m.group("subject").strip("“”"), m.group("unit"))
            out.append(Statistic(key, value - half, high, m.group(0), path, line, column))
    return out


def conflicts(stats: list[Statistic]) -> list[tuple[Statistic, Statistic]]:
    """Pairs from different files with the same key whose value ranges do not meet."""
    by_key: dict[tuple, list[Statistic]] = {}
    for s in stats:
        by_key.setdefault(s.key, []).append(s)
    pairs = []
    for group in by_key.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if a.path != b.path and (a.high < b.low or b.high < a.low):
                    pairs.append((a, b))
    return pairs
