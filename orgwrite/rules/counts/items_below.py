"""Items in the paragraphs after the count: “重点做好以下四项工作：” and then the items.

The forms read: paragraphs that begin with the markers of one list (一是/第一，/①/1、, with
paragraphs of detail allowed between them), numbered headings or items (一、（一）1.（1）) of
one level starting at 1, paragraphs that begin with ——, and paragraphs that end in ； up to
one that ends in 。.  A heading that states a count is followed by its own sub-headings.
"""

from __future__ import annotations

from orgwrite import lazyre
from orgwrite.model import Block, BlockKind, Document
from orgwrite.numerals import cn_to_int
from orgwrite.rules.counts.items import Items, items_from_run
from orgwrite.rules.counts.markers import PROSE, Marker, markers_of

_STOP = frozenset({BlockKind.CLOSING, BlockKind.SIGNATURE, BlockKind.DATE, BlockKind.ATTACHMENT, BlockKind.TITLE})
#: Paragraphs of detail that may stand between two items of one list.
_MAX_DETAIL = 12
#: Paragraphs read after a run of —— items: another —— item among them makes the run unclear.
_DASH_LOOKAHEAD = 4


def next_block(doc: Document, index: int) -> int | None:
    """Index of the first block after ``index`` that is not web-page furniture."""
    blocks = doc.blocks
    return next((i for i in range(index + 1, len(blocks)) if blocks[i].kind is not BlockKind.CHROME), None)


def _leading(block: Block, marks: list[Marker]) -> Marker | None:
    """The marker a paragraph begins with; also read in a short unnumbered line the layout
    took for a heading (“第二，突出工作重点”)."""
    if block.kind is BlockKind.HEADING and not block.level:
        read = markers_of(Block(BlockKind.PARAGRAPH, block.text, block.line, block.column, segments=block.segments))
        # The markers must point at the document's own block: the caller looks for it in doc.blocks.
        marks = [Marker(m.family, m.value, block, m.start, m.end) for m in read]
    return marks[0] if marks and marks[0].start <= 2 else None


def items_marked_paragraphs(
    doc: Document, nxt: int, markers: list[list[Marker]], runs_by_start: dict[tuple[int, int], list[Marker]]
) -> Items | None:
    """The list whose first item begins paragraph ``nxt``: its run (inline and in the
    paragraphs right after), then the paragraphs that begin with the next markers of its
    family, read up to the next heading.  None when a later marker of the list stands inside
    a paragraph of detail (the count of items cannot be told)."""
    blocks = doc.blocks
    first = _leading(blocks[nxt], markers[nxt])
    if first is None or first.value != 1:
        return None
    chain = list(runs_by_start.get((id(first.block), first.start), [first]))
    j = _after(blocks, nxt, chain[-1].block)
    detail = 0
    while j < len(blocks):
        block = blocks[j]
        j += 1
        if block.kind is BlockKind.CHROME:
            continue
        heading = block.kind is BlockKind.HEADING and not block.level
        if block.kind in _STOP or (block.kind not in PROSE and not heading):
            break
        lead = _leading(block, markers[j - 1])
        if lead is not None and lead.family == first.family:
            if lead.value != chain[-1].value + 1:
                break
            chain.extend(runs_by_start.get((id(lead.block), lead.start), [lead]))
            j = _after(blocks, j - 1, chain[-1].block)
            detail = 0
            continue
        if heading:
            break
        if any(mk.family == first.family and mk.value == chain[-1].value + 1 for mk in markers[j - 1]):
            return None  # 二是 written inside a paragraph of detail
        detail += 1
        if detail > _MAX_DETAIL:
            break
    return items_from_run(chain)


def items_headings(doc: Document, nxt: int) -> Items | None:
    """Numbered headings or items from block ``nxt`` on: the siblings of the first one."""
    blocks = doc.blocks
    head = blocks[nxt]
    if head.kind not in (BlockKind.HEADING, BlockKind.ITEM) or not head.level:
        return None
    if number_value(head.number) != 1:
        return None  # 二、…: the next part of the text, not a list under the count
    level = head.level
    siblings = [head]
    for b in blocks[nxt + 1 :]:
        if b.kind in _STOP or (b.kind is BlockKind.HEADING and not b.level):
            break
        if b.kind in (BlockKind.HEADING, BlockKind.ITEM) and b.level:
            if b.level < level:
                break
            if b.level == level:
                siblings.append(b)
    return _items_of_blocks(siblings, [b.number for b in siblings])


def items_children(doc: Document, index: int) -> Items | None:
    """The numbered headings or items under heading ``index`` (三、落地五项重点工作 → 11.–15.),
    one level below it, up to the next heading of its level or above."""
    blocks = doc.blocks
    level = blocks[index].level
    children: list[Block] = []
    for b in blocks[index + 1 :]:
        if b.kind in _STOP or (b.kind is BlockKind.HEADING and not b.level):
            break
        if b.kind in (BlockKind.HEADING, BlockKind.ITEM) and b.level:
            if b.level <= level:
                break
            if not children or b.level == children[0].level:
                children.append(b)
            elif b.level < children[0].level:
                return None  # the levels under the heading are not one list
    if len(children) < 2:
        return None
    return _items_of_blocks(children, [b.number for b in children])


def items_dashed(doc: Document, nxt: int) -> Items | None:
    """Paragraphs that begin with ——, one after another from ``nxt`` on: one item each."""
    parts: list[Block] = []
    after: list[Block] = []
    for block in doc.blocks[nxt:]:
        if block.kind is BlockKind.CHROME:
            continue
        dashed = block.kind in PROSE and block.text.lstrip().startswith("——")
        if dashed and after:
            return None  # —— items with paragraphs of detail between them: the count is unclear
        if dashed:
            parts.append(block)
            continue
        after.append(block)
        if len(after) >= _DASH_LOOKAHEAD:
            break
    if len(parts) < 2:
        return None
    return _items_of_blocks(parts, [_head(b.text) for b in parts])


def number_value(number: str) -> int | None:
    """The value of a heading number as written: 一、→ 1, （3）→ 3, 12.→ 12."""
    core = number.strip("（）()、.． ")
    if core.isdigit():
        return int(core)
    return cn_to_int(core) if core else None


def items_semicolon_paragraphs(doc: Document, nxt: int) -> Items | None:
    """Paragraphs that end in ； from ``nxt`` on, closed by one that ends in 。: one item each."""
    parts: list[Block] = []
    for block in doc.blocks[nxt:]:
        if block.kind is BlockKind.CHROME:
            continue
        if block.kind not in PROSE:
            return None
        text = block.text.rstrip()
        if "。" in text[:-1] or len(text) < 4:
            return None
        parts.append(block)
        if text.endswith(("；", ";")):
            continue
        if text.endswith("。") and len(parts) >= 2:
            return _items_of_blocks(parts, [_head(b.text) for b in parts])
        return None
    return None


_LABEL_END_RE = lazyre.compile(r"[，。；：、,;:]")


def _head(text: str) -> str:
    """A short label for an unnumbered item: its text up to the first mark, at most 10 characters."""
    body = text.lstrip().removeprefix("——")
    m = _LABEL_END_RE.search(body)
    return body[: min(m.start() if m else len(body), 10)]


def _after(blocks: list[Block], start: int, block: Block) -> int:
    """Index just after ``block``, searched from ``start`` on."""
    return next(i for i in range(start, len(blocks)) if blocks[i] is block) + 1


def _items_of_blocks(blocks: list[Block], labels: list[str]) -> Items:
    fl, fc = blocks[0].locate(0)
    ll, lc = blocks[-1].locate(0)
    return Items(len(blocks), labels[0], labels[-1], f"第{fl}行第{fc}列至第{ll}行第{lc}列")
