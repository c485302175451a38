"""What the punctuation rules share: which blocks they read, and a whole-text prefilter."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from orgwrite.model import Block, BlockKind, Document

#: Blocks whose text is checked for punctuation (web leftovers are reported once by S103).
TEXT_KINDS = frozenset(BlockKind) - {BlockKind.CHROME}


def text_blocks(doc: Document) -> Iterator[Block]:
    return (b for b in doc.blocks if b.kind in TEXT_KINDS)


def absent(doc: Document, pattern: re.Pattern[str], quick: Callable[[str], object] | None = None) -> bool:
    """True when ``pattern`` occurs nowhere in the source: the rule has nothing to do.

    One search over the whole text in C is far cheaper than one per paragraph, and most
    clean texts contain none of the marks a punctuation rule looks for.  ``quick(text)`` is
    a cheaper test that is true wherever ``pattern`` matches (a search for a pattern that
    starts with a literal or a character class, or a few ``in`` tests): when it is false,
    ``pattern`` is absent too (a pattern with a leading look-behind makes every position a
    candidate and scans slowly).
    """
    text = doc.text or "\n".join(b.text for b in doc.blocks)
    if quick is not None and not quick(text):
        return True
    return pattern.search(text) is None
