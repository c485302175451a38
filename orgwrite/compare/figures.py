"""The same statistic stated with different values in two documents of a set.

The statements are read by the same machinery as N110 inside one text
(:func:`orgwrite.rules.numbers.same_figure.statements`): only those whose sentence opens with
their moment (截至2023年底，全市共有党员12.3万名) are compared across files, since a figure
without a date may be of another year in another document.  Two statements agree when their
value ranges meet (12.3万名 and 123000名; 概数 as ranges).
"""

from __future__ import annotations

from dataclasses import dataclass

from orgwrite.model import Document


@dataclass(frozen=True, slots=True)
class Statistic:
    """One dated statement of a figure in one file, and where it stands."""

    key: tuple
    low: float
    high: float
    text: str
    path: str
    line: int
    column: int


def statistics_of(doc: Document, path: str) -> list[Statistic]:
    from orgwrite.config import Config
    from orgwrite.rules.base import Context
    from orgwrite.rules.numbers.same_figure import statements

    out = []
    for st in statements(doc, Context(config=Config())):
        if not st.dated:
            continue
        line, column = st.block.locate(st.begin)
        out.append(Statistic(st.key, st.span[0], st.span[1], f"{st.said}{st.figure}", path, line, column))
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
