"""The quotations of each block, found once per document for the rules of this package.

E201 asks for a block's quotations when it reads a count, its list finder (:mod:`.items_before`)
when it masks them, and the marker reader (:mod:`.markers`) when it places a marker: the spans
of a block are found the first time one of them asks, and kept for the others.  The cache lives
in ``ctx.cache`` for one document only (blocks are told apart by identity, which holds while
their document is checked).
"""

from __future__ import annotations

import re

from orgwrite import lazyre
from orgwrite.model import Block, Document
from orgwrite.numerals import QUOTED_RE
from orgwrite.rules.base import Context

#: Placeholder for the characters inside a quotation: none of the separators.
MASK = "\u25a0"

#: A whole quotation of any length, for masking the inside of the quotations of an item or list.
QUOTATION_RE = lazyre.compile(r"“[^“”]*”|《[^《》]*》|‘[^‘’]*’")


def may_quote(text: str) -> bool:
    """Whether ``text`` holds an opening mark, without which it holds no quotation to mask."""
    return "“" in text or "《" in text or "‘" in text


#: The branches of :data:`~orgwrite.numerals.QUOTED_RE` (《…》, “…”, ‘…’), each with the
#: opening mark it starts with: a search led by one literal runs at C speed, where the whole
#: pattern, led by a class of the three marks, tests every character against the class.
_QUOTE_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (branch[0], lazyre.compile(branch)) for branch in QUOTED_RE.pattern.split("|")
)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """What :func:`~orgwrite.numerals.quoted_spans` gives, from one search per kind of
    quotation the text holds.

    At each offset the whole pattern can only take the branch its opening mark leads, and a
    match holds no other opening mark of its own kind (its class excludes both marks), so
    the search of one kind finds a match at every offset the whole pattern would for that
    kind.  The whole pattern's finditer takes, from where its last match ended, the first
    offset where a match starts: the first of the kinds' matches that starts there or later.
    """
    found = [pattern for mark, pattern in _QUOTE_KINDS if mark in text]
    if not found:
        return []
    if len(found) == 1:
        return [m.span() for m in found[0].finditer(text)]
    spans: list[tuple[int, int]] = []
    end = 0
    for span in sorted([m.span() for pattern in found for m in pattern.finditer(text)]):
        if span[0] >= end:
            spans.append(span)
            end = span[1]
    return spans


class BlockQuotes:
    """Per block: its quotation spans (:func:`~orgwrite.numerals.quoted_spans`), and its text
    with the inside of each masked."""

    __slots__ = ("_masked", "_spans")

    def __init__(self) -> None:
        self._spans: dict[int, list[tuple[int, int]]] = {}
        self._masked: dict[int, tuple[str, list[tuple[int, int]], list[int]]] = {}

    def spans(self, block: Block) -> list[tuple[int, int]]:
        found = self._spans.get(id(block))
        if found is None:
            found = self._spans[id(block)] = quoted_spans(block.text)
        return found

    def masked(self, block: Block) -> tuple[str, list[tuple[int, int]], list[int]]:
        """The block's text with what each quotation encloses masked (its marks kept), the
        spans, and their ends.  Masked once per block: a long paragraph holds many counts."""
        found = self._masked.get(id(block))
        if found is None:
            text = block.text
            spans = self.spans(block)
            pieces: list[str] = []
            kept = 0  # text[kept:] is still to be copied
            for a, b in spans:  # sorted, not overlapping: keep each mark, mask what it encloses
                pieces.append(text[kept : a + 1])
                pieces.append(MASK * (b - a - 2))
                kept = b - 1
            pieces.append(text[kept:])
            found = self._masked[id(block)] = ("".join(pieces), spans, [b for _, b in spans])
        return found


def block_quotes(doc: Document, ctx: Context) -> BlockQuotes:
    """The quotation cache of ``doc`` (kept in ``ctx.cache``)."""
    hit = ctx.cache.get("counts.quoted")
    if hit is None or hit[0] is not doc:
        hit = (doc, BlockQuotes())
        ctx.cache["counts.quoted"] = hit
    return hit[1]
