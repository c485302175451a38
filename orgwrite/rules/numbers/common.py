"""What the number rules share: the protected spans of a block, the number
pattern and magnitudes.  Computed once per document and kept in ``Context.cache``."""

from __future__ import annotations

import re
from bisect import bisect_right

from orgwrite import lazyre
from orgwrite.model import Block, BlockKind, Document
from orgwrite.numerals import protected_spans
from orgwrite.rules.base import Context
from orgwrite.rules.chars import block_starts, block_text

_TEXT_KINDS = frozenset(BlockKind) - {BlockKind.CHROME}
_PROSE = frozenset({BlockKind.PARAGRAPH, BlockKind.ITEM, BlockKind.CLOSING, BlockKind.HEADING})
_DIGIT_RE = lazyre.compile(r"\d")


def _protected(ctx: Context, block: Block) -> list[tuple[int, int]]:
    """Protected spans of ``block``, computed once per block and shared by the rules."""
    cache = ctx.cache.setdefault("numbers.protected", {})
    key = id(block)
    hit = cache.get(key)
    if hit is None or hit[0] is not block:
        hit = (block, protected_spans(block.text))
        cache[key] = hit
    return hit[1]


_NUM = r"\d+(?:\.\d+)?"


def _after(text: str, i: int, chars: str) -> bool:
    """True when the character before offset ``i`` is one of ``chars`` (a look-behind done in
    Python, so the regexes can start with a literal or a class and scan fast)."""
    return i > 0 and text[i - 1] in chars


#: The factor of a magnitude word after a number.
_MAGNITUDE = {None: 1, "": 1, "万": 10_000, "亿": 100_000_000, "万亿": 1_000_000_000_000}


#: A quotation this long is someone's words reported (a speech, an interview), not a name.
LONG_QUOTE = 20


def _protected_statements(ctx: Context, block: Block) -> list[tuple[int, int]]:
    """Protected spans less the long quotations: a statistic said inside a reported speech
    (“……全区共受理问题线索210件，其中……”) is still stated by the text and must add up."""
    cache = ctx.cache.setdefault("numbers.protected_statements", {})
    key = id(block)
    hit = cache.get(key)
    if hit is None or hit[0] is not block:
        spans = [(a, b) for a, b in _protected(ctx, block) if not (block.text[a] in "“‘" and b - a > LONG_QUOTE)]
        hit = (block, spans)
        cache[key] = hit
    return hit[1]


def _marked_blocks(
    doc: Document,
    ctx: Context,
    needles: tuple[str | re.Pattern[str], ...],
    kinds: frozenset[BlockKind] = _PROSE,
    digits: bool = True,
) -> list[Block]:
    """Blocks of ``kinds`` (with a digit, unless ``digits`` is false), in order, where one of
    ``needles`` occurs: a literal (found with ``str.find``) or a pattern (its ``search``).

    Each needle is looked for over the whole text, jumping to the next block after each hit,
    so the loop turns once per marked block, not once per block.  A block is marked when a
    hit overlaps it.  A pattern must match in the whole text wherever it matches inside one
    block: no look-around that a newline or a neighbouring block could change (a class
    without a newline is safe), no anchors.  A literal must hold no newline.

    The list is kept per document: rules that ask for the same needles share one search.
    """
    hit = ctx.cache.get("numbers.marked")
    if hit is None or hit[0] is not doc:
        hit = (doc, {})
        ctx.cache["numbers.marked"] = hit
    key = (needles, kinds, digits)
    found = hit[1].get(key)
    if found is None:
        found = hit[1][key] = _search_marks(doc, ctx, needles, kinds, digits)
    return found


def _search_marks(
    doc: Document,
    ctx: Context,
    needles: tuple[str | re.Pattern[str], ...],
    kinds: frozenset[BlockKind],
    digits: bool,
) -> list[Block]:
    alltext = block_text(doc, ctx.cache)
    starts = block_starts(doc, ctx.cache)
    last = len(starts) - 1
    marked: set[int] = set()
    for needle in needles:
        pos = 0
        while True:
            if isinstance(needle, str):
                at = alltext.find(needle, pos)
                if at < 0:
                    break
                end = at + len(needle)
            else:
                m = needle.search(alltext, pos)
                if m is None:
                    break
                at, end = m.span()
            i = bisect_right(starts, at) - 1
            j = bisect_right(starts, max(at, end - 1)) - 1
            marked.update(range(i, j + 1))
            if j >= last:
                break
            pos = starts[j + 1]
    blocks = doc.blocks
    return [
        blocks[i]
        for i in sorted(marked)
        if blocks[i].kind in kinds and (not digits or _DIGIT_RE.search(blocks[i].text))
    ]
