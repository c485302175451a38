"""Reporters: the same results as terminal text, JSON, SARIF or GitHub annotations.

A report is made of one :class:`Part` per checked input and a frame around them.  A part
is rendered where the input was checked (in a worker process, with ``--jobs``), so the
parent only joins texts; what the frame needs of the findings travels as
:attr:`Part.counts`.  A run in one process goes through the same functions, which is why
the bytes written do not depend on the number of jobs.
"""

from __future__ import annotations

import importlib
from collections import Counter
from typing import Any, NamedTuple, TextIO

_REPORTERS = {
    "human": "orgwrite.report.human",
    "json": "orgwrite.report.json_report",
    "sarif": "orgwrite.report.sarif",
    "github": "orgwrite.report.github",
}


class Part(NamedTuple):
    """One input's share of a report, and what the report's frame needs to know of it.

    A named tuple, not a dataclass: a part is made once, sent from a worker and read (it
    pickles as the tuple it is), and the class costs less to create when a process starts.
    """

    path: str
    #: the format's own rendering of this input (text, or what the frame completes);
    #: None when it can only be rendered where the report is written (a styled terminal)
    payload: Any
    #: findings per (rule code, severity value): totals, ``--statistics``, ``--fail-on``
    counts: dict[tuple[str, str], int]
    #: the whole result, kept only when ``payload`` is None
    result: Any = None


def _reporter(fmt: str):
    return importlib.import_module(_REPORTERS[fmt])


def style_for(fmt: str, out: TextIO) -> str:
    """What a part for ``out`` must look like: the format, or ``human-styled`` for a terminal."""
    if fmt == "human" and _reporter("human").styled(out):
        return "human-styled"
    return fmt


def make_part(style: str, result) -> Part:
    """The part of ``result`` in ``style`` (see :func:`style_for`)."""
    counts: dict[tuple[str, str], int] = {}
    for f in result.findings:
        key = (f.rule, f.severity.value)
        counts[key] = counts.get(key, 0) + 1
    if style == "human-styled":
        return Part(result.path, None, counts, _slim(result))
    return Part(result.path, _reporter(style).part(result), counts)


def _slim(result):
    """``result`` with only what the terminal report reads of its document (its lines), so
    that sending it back from a worker costs a tenth of sending the whole document."""
    from dataclasses import replace

    from orgwrite.model import Document

    doc = result.document
    if doc is None:
        return result
    return replace(result, document=Document(blocks=[], meta=doc.meta, source=doc.source, lines=doc.lines))


def write_parts(fmt: str, parts: list[Part], out: TextIO, *, statistics: bool = False) -> None:
    """Write the report made of ``parts`` (in input order) to ``out``."""
    _reporter(fmt).write_parts(parts, out, statistics=statistics)


def render(fmt: str, results: list, out: TextIO, *, statistics: bool = False) -> None:
    """Write ``results`` to ``out`` in format ``fmt``."""
    style = style_for(fmt, out)
    write_parts(fmt, [make_part(style, r) for r in results], out, statistics=statistics)


def rule_counts(parts: list[Part]) -> Counter:
    """Findings per rule code over all parts."""
    total: Counter = Counter()
    for p in parts:
        for (rule, _severity), n in p.counts.items():
            total[rule] += n
    return total


def severity_counts(parts: list[Part]) -> Counter:
    """Findings per severity value over all parts."""
    total: Counter = Counter()
    for p in parts:
        for (_rule, severity), n in p.counts.items():
            total[severity] += n
    return total
