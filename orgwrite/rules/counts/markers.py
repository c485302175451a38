"""Inline list markers (一是、第一、（一）、①、1.、首先) and the runs they form.

Shared by the sequence rule (E202) and the stated-count rule (E201): the markers of a
document are found once and cached in the context.  The numbered paragraphs (一、（一）1.（1）
at the start of a paragraph) are S101's; these are the markers written inside the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from operator import methodcaller
from typing import NamedTuple

from orgwrite import lazyre
from orgwrite.model import Block, BlockKind, Document
from orgwrite.numerals import CN_SMALL, cn_to_int, inside, int_to_cn, quoted_spans
from orgwrite.rules.base import Context
from orgwrite.rules.counts.quoted import BlockQuotes, block_quotes
from orgwrite.rules.counts.scan import MARKER_BACK, candidates, matches_at

PROSE = frozenset({BlockKind.PARAGRAPH, BlockKind.ITEM, BlockKind.CLOSING})
#: Characters after which a clause (and so a list marker) starts.
_CLAUSE_BOUNDARY = frozenset("。；，：！？;:, \u3000\t")
_SENTENCE_BOUNDARY = frozenset("。；：！？;:")

_INVISIBLE = "[\u200b-\u200d\ufeff]?"
#: Inline list markers, one named group per family.  Each pattern starts with a literal or a
#: character class, so the regex engine scans for it at C speed; the "a clause starts here"
#: condition is checked in Python (:data:`_FAMILY_BOUNDARY`).
_MARKER_RES: tuple[re.Pattern[str], ...] = (
    lazyre.compile(rf"(?P<shi>{CN_SMALL})是(?={_INVISIBLE}(?:[，,：:“]|[\u4e00-\u9fff]))"),
    lazyre.compile(rf"(?P<yao>{CN_SMALL})要(?={_INVISIBLE}[“\u4e00-\u9fff])(?!素|件|点|求|务|事)"),
    lazyre.compile(rf"第(?P<di>{CN_SMALL})(?:[，,、：:]|是)"),
    lazyre.compile(rf"[（(](?:(?P<pcn>{CN_SMALL})|(?P<par>\d{{1,2}}))[）)]"),
    lazyre.compile(r"(?P<circ>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])"),
    lazyre.compile(r"(?P<dot>\d{1,2})[.．、](?![\d.．])"),
    lazyre.compile(r"(?P<ord>首先|其次|再次|最后)(?=[，,])"),
)
#: For each pattern above, one that matches wherever it does and starts with a literal or a
#: class of rare characters (a leading 一二三 or digit class makes the engine try a match at
#: every numeral of the text): a paragraph, or a whole document, without it is skipped.
_MARKER_QUICK_RES: tuple[re.Pattern[str], ...] = (
    lazyre.compile(r"是(?<=[一二三四五六七八九十]是)"),
    lazyre.compile(r"要(?<=[一二三四五六七八九十]要)"),
    lazyre.compile(r"第[一二三四五六七八九十]"),
    lazyre.compile(r"[（(][一二三四五六七八九十\d]"),
    _MARKER_RES[4],
    lazyre.compile(r"[.．、](?<=\d[.．、])"),
    lazyre.compile(r"首先|其次|再次|最后"),
)
#: (pattern, quick test) pairs; the quick test of 首先/其次 is four scans for a literal.
_ALL_MARKERS: tuple[tuple[re.Pattern[str], Callable[[str], object]], ...] = (
    *((p, q.search) for p, q in zip(_MARKER_RES[:-1], _MARKER_QUICK_RES[:-1], strict=True)),
    (_MARKER_RES[-1], lambda t: "首先" in t or "其次" in t or "再次" in t or "最后" in t),
)
_GROUP_FAMILY = {
    "shi": "是",
    "yao": "要",
    "di": "第",
    "pcn": "（一）",
    "par": "（1）",
    "circ": "①",
    "dot": "1.",
    "ord": "首先",
}
#: Where each family's marker may stand: after a clause boundary, a sentence boundary, anywhere.
_FAMILY_BOUNDARY: dict[str, frozenset[str] | None] = {
    "是": _CLAUSE_BOUNDARY,
    "第": _CLAUSE_BOUNDARY,
    "首先": _CLAUSE_BOUNDARY,
    "要": _SENTENCE_BOUNDARY,
    "（一）": _SENTENCE_BOUNDARY,
    "（1）": _SENTENCE_BOUNDARY,
    "1.": _SENTENCE_BOUNDARY,
    "①": None,
}
_ORDER_VALUE = {"首先": 1, "其次": 2, "再次": 3, "最后": 99}
#: Where a marker ends after its number: 一是、（一）、1. hold one character more.
_END_AFTER_GROUP = {f: 1 if f in ("是", "要", "（一）", "（1）", "1.") else 0 for f in _FAMILY_BOUNDARY}
_START = methodcaller("start")
#: Group name → its family, where its marker may stand and how far it ends after its number.
_GROUP_INFO = {g: (f, _FAMILY_BOUNDARY[f], _END_AFTER_GROUP[f]) for g, f in _GROUP_FAMILY.items()}


@cache
def _value(family: str, raw: str) -> int | None:
    """The value of a marker as written (a function of a few hundred short numerals at most:
    kept once worked out)."""
    if family == "①":
        return ord(raw) - 0x2460 + 1
    if family == "首先":
        return _ORDER_VALUE[raw]
    if raw.isdigit():
        return int(raw)
    return cn_to_int(raw)


def shown(family: str, value: int) -> str:
    if family in ("是", "要"):
        return f"{int_to_cn(value)}{family}"
    if family == "第":
        return f"第{int_to_cn(value)}"
    if family == "（一）":
        return f"（{int_to_cn(value)}）"
    if family == "（1）":
        return f"（{value}）"
    if family == "①":
        return chr(0x2460 + value - 1) if value <= 20 else str(value)
    return f"{value}."


class Marker(NamedTuple):
    """One item marker (一是, 第一, 首先, 1., （1）…) in a block.

    A named tuple, not a dataclass: markers are made and then only read (a run is a list of
    them), and the class costs far less to create when a process starts.
    """

    family: str
    value: int
    block: Block
    start: int
    end: int  # end of the marker itself

    @property
    def text(self) -> str:
        return self.block.text[self.start : self.end]


def markers_of(
    block: Block, patterns: tuple[tuple[re.Pattern[str], Callable[[str], object]], ...] = _ALL_MARKERS
) -> list[Marker]:
    """Inline markers of ``block`` in order, outside quotations and titles.

    ``patterns`` are (marker pattern, quick test) pairs: those the document can contain.
    """
    if block.kind not in PROSE:
        return []
    text = block.text
    return _markers(block, [m for pattern, quick in patterns if quick(text) for m in pattern.finditer(text)])


def _markers(block: Block, matches: list[re.Match[str]], quotes: BlockQuotes | None = None) -> list[Marker]:
    """The markers among ``matches`` of the marker patterns in ``block`` (a prose block).
    ``quotes``: the document's quotation cache, when ``block`` is one of its blocks."""
    text = block.text
    number = block.number
    quoted: list[tuple[int, int]] | None = None
    out: list[Marker] = []
    if len(matches) > 1:
        matches.sort(key=_START)
    for m in matches:
        group = m.lastgroup
        family, boundary, extra = _GROUP_INFO[group]  # type: ignore[index]
        start = m.start()
        if start == 0 and number:
            continue  # the paragraph's own number: S101's
        if boundary is not None and start > 0 and text[start - 1] not in boundary:
            continue
        if family == "1." and number and start < len(number):
            continue
        if quoted is None:
            quoted = quotes.spans(block) if quotes is not None else quoted_spans(text)
        if quoted and inside(quoted, start):
            continue
        value = _value(family, m.group(group))
        if not value:
            continue  # None (not a number) or 0
        out.append(Marker(family, value, block, start, m.end(group) + extra))
    return out


#: Family names of :mod:`.scan` → index of the family's pattern in :data:`_MARKER_RES`.
_SCAN_FAMILY = {"shi": 0, "yao": 1, "di": 2, "paren": 3, "circ": 4, "dot": 5, "ord": 6}
#: The families whose match starts at the hit of the document scan (group name of each).
_STARTS_AT_HIT = {"di": "di", "paren": "pcn", "circ": "circ"}
#: The characters a family's match can start with, where that saves trying a match.
_MARKER_FIRST = {
    "shi": frozenset("一二三四五六七八九十"),
    "yao": frozenset("一二三四五六七八九十"),
    "ord": frozenset("首其再最"),
}


def block_markers(doc: Document, ctx: Context) -> list[list[Marker]]:
    """Markers of every block, computed once per document and shared by E201 and E202.

    Only the places where the document scan (:mod:`.scan`) found that a family's marker can
    start are tried, each with its family's pattern: what its finditer over the block gives."""
    key = "counts.markers"
    cached = ctx.cache.get(key)
    if cached is not None and cached[0] is doc:
        return cached[1]
    per_block: dict[int, list[tuple[int, str, list[int]]]] = {}
    blocks = doc.blocks
    for family, places in candidates(doc, ctx).markers.items():
        k = _SCAN_FAMILY[family]
        for i, hits in places.items():
            block = blocks[i]
            if family == "dot" and block.number:
                # A marker inside the paragraph's own number (1. of “1.推动……”) is skipped
                # below: a mark before the number's end cannot start a marker.
                hits = [h for h in hits if h >= len(block.number)]
            elif family in _STARTS_AT_HIT:
                # These start at their hit and hold no other: one that _markers skips for
                # the place it stands (the paragraph's number, no boundary before it) need
                # not be read.
                boundary = _FAMILY_BOUNDARY[_GROUP_FAMILY[_STARTS_AT_HIT[family]]]
                text = block.text
                hits = [
                    h
                    for h in hits
                    if (h or not block.number) and (boundary is None or not h or text[h - 1] in boundary)
                ]
            if not hits:
                continue
            per_block.setdefault(i, []).append((k, family, hits))
    # One empty list stands for every block without markers: nobody adds to a block's list.
    markers: list[list[Marker]] = [[]] * len(blocks)
    quotes = block_quotes(doc, ctx)
    for i, found in per_block.items():
        block = blocks[i]
        if block.kind not in PROSE:
            continue
        text = block.text
        found.sort()
        markers[i] = _markers(
            block,
            [
                m
                for k, family, hits in found
                for m in matches_at(_MARKER_RES[k], text, hits, MARKER_BACK[family], _MARKER_FIRST.get(family))
            ],
            quotes,
        )
    ctx.cache[key] = (doc, markers)
    return markers


def marker_runs(doc: Document, markers: list[list[Marker]]) -> list[list[Marker]]:
    """Runs of one family: a run starts at value 1 (or any value after a reset) and goes on in
    the same paragraph and into following paragraphs that begin with the same family."""
    runs: list[list[Marker]] = []
    active: dict[str, list[Marker]] = {}
    previous = -2
    # A block without markers ends every run (a paragraph not led by the family, or not
    # prose): only the blocks with markers need be read, each knowing whether it follows one.
    for index in [i for i, found in enumerate(markers) if found]:
        found = markers[index]
        if index != previous + 1 or doc.blocks[index].kind not in PROSE:
            active.clear()
        previous = index
        first = found[0] if found and found[0].start <= 2 else None
        for family in list(active):
            if first is None or first.family != family:
                del active[family]
        inner: dict[str, list[Marker]] = {}
        for mk in found:
            run = inner.get(mk.family)
            if run is not None and not (mk.value == 1 and run[-1].value != 1):
                run.append(mk)
                continue
            run = active.get(mk.family)
            if run is not None and mk.value == 1 and _opens_nested(run[-1], mk):
                # 一是高考成绩走在全省前列……有四项指标列全省第一：一是……二是……: a list nested in
                # the paragraph its outer item opens; the outer list goes on in the next paragraphs.
                inner[mk.family] = [mk]
                runs.append(inner[mk.family])
            elif run is None or (mk.value == 1 and run[-1].value != 1):
                run = [mk]
                active[mk.family] = run
                runs.append(run)
            else:
                run.append(mk)
    return runs


def document_runs(doc: Document, ctx: Context) -> list[list[Marker]]:
    """:func:`marker_runs` of the document's :func:`block_markers`, found once per document."""
    cached = ctx.cache.get("counts.runs")
    if cached is None or cached[0] is not doc:
        cached = (doc, marker_runs(doc, block_markers(doc, ctx)))
        ctx.cache["counts.runs"] = cached
    return cached[1]


def marker_runs_by_start(doc: Document, ctx: Context) -> dict[tuple[int, int], list[Marker]]:
    """Each run of :func:`document_runs` by its first marker (block id, offset)."""
    cached = ctx.cache.get("counts.runs_by_start")
    if cached is None or cached[0] is not doc:
        cached = (doc, {(id(r[0].block), r[0].start): r for r in document_runs(doc, ctx)})
        ctx.cache["counts.runs_by_start"] = cached
    return cached[1]


def _opens_nested(outer: Marker, mk: Marker) -> bool:
    """``mk`` (a 1) starts a list inside the paragraph that ``outer`` opens, after a colon."""
    return outer.block is mk.block and outer.start <= 2 and any(c in "：:" for c in mk.block.text[outer.end : mk.start])


def cn_count(n: int) -> str:
    return "两" if n == 2 else int_to_cn(n)


def place(mk: Marker) -> str:
    line, column = mk.block.locate(mk.start)
    return f"第{line}行第{column}列"
