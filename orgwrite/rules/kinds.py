"""Where the blocks of each kind are in a document, found once per document.

The structure and genre rules (S1xx, S2xx) look only at the frame of a text — its title,
headings, items, date line, attachment note, web leftovers — which is a few blocks among
thousands of paragraphs.  Each of them walking every block cost more than all of their
real work; one walk per document, shared through the check's context, serves them all.
"""

from __future__ import annotations

from orgwrite.model import Block, BlockKind, Document
from orgwrite.rules.base import Context

#: Block kinds bound once, for the rules that test the kinds of blocks in loops: on Python
#: 3.11 each ``BlockKind.X`` goes through the enum metaclass's attribute hook (some 0.3 µs).
ATTACHMENT = BlockKind.ATTACHMENT
CHROME = BlockKind.CHROME
CLOSING = BlockKind.CLOSING
DATE = BlockKind.DATE
HEADING = BlockKind.HEADING
ITEM = BlockKind.ITEM
PARAGRAPH = BlockKind.PARAGRAPH
SALUTATION = BlockKind.SALUTATION
SIGNATURE = BlockKind.SIGNATURE
SPEAKER = BlockKind.SPEAKER
SUBTITLE = BlockKind.SUBTITLE
TITLE = BlockKind.TITLE

_CACHE_KEY = "rules.kinds"


class KindIndex:
    """Positions in ``doc.blocks``: every block that is not a plain paragraph, and by kind."""

    __slots__ = ("by_kind", "frame", "paragraphs")

    def __init__(self) -> None:
        self.frame: list[int] = []
        self.by_kind: dict[BlockKind, list[int]] = {}
        self.paragraphs = 0

    def blocks(self, doc: Document, kind: BlockKind) -> list[Block]:
        """The blocks of ``kind``, in document order."""
        blocks = doc.blocks
        return [blocks[i] for i in self.by_kind.get(kind, ())]


def kind_index(doc: Document, ctx: Context) -> KindIndex:
    """The index of ``doc``, built on first use and kept in ``ctx`` for the other rules."""
    cached = ctx.cache.get(_CACHE_KEY)
    if cached is not None and cached[0] is doc and cached[1] == len(doc.blocks):
        return cached[2]
    index = KindIndex()
    frame, by_kind = index.frame, index.by_kind
    paragraph = PARAGRAPH
    for i, block in enumerate(doc.blocks):
        kind = block.kind
        if kind is paragraph:
            continue
        frame.append(i)
        positions = by_kind.get(kind)
        if positions is None:
            by_kind[kind] = [i]
        else:
            positions.append(i)
    index.paragraphs = len(doc.blocks) - len(frame)
    ctx.cache[_CACHE_KEY] = (doc, len(doc.blocks), index)
    return index
