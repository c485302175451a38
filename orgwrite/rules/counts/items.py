"""Where the items of a stated count are: the finders E201 tries in turn.

Each finder looks at one place — the markers right after the count, the numbered
paragraphs below it, a ；-list after its colon, a 、-list right before it — and returns the
items it sees there, or None when that place holds no list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orgwrite.model import Block, BlockKind, Document
from orgwrite.rules.counts.markers import Marker, place

SENTENCE_END = "。！？"
_STOP = frozenset({BlockKind.CLOSING, BlockKind.SIGNATURE, BlockKind.DATE, BlockKind.ATTACHMENT, BlockKind.TITLE})


@dataclass(slots=True)
class Items:
    count: int
    first: str
    last: str
    where: str  # place of the first and last item, in words


def items_from_run(run: list[Marker]) -> Items:
    return Items(len(run), run[0].text, run[-1].text, f"{place(run[0])}至{place(run[-1])}")


def items_inline(block: Block, after: int, runs_by_start: dict[tuple[int, int], list[Marker]], mks: list[Marker]):
    """The run that starts at the first marker after ``after`` in the same block, if it starts soon."""
    for mk in mks:
        if mk.start < after:
            continue
        between = block.text[after : mk.start]
        if len(between) > 40 or sum(between.count(c) for c in SENTENCE_END) > 1:
            return None
        if mk.value != 1:
            return None
        return runs_by_start.get((id(mk.block), mk.start))
    return None


def items_headings(doc: Document, index: int) -> Items | None:
    """Numbered paragraphs right after block ``index``: the siblings of the first one."""
    blocks = doc.blocks
    nxt = next((i for i in range(index + 1, len(blocks)) if blocks[i].kind is not BlockKind.CHROME), None)
    if nxt is None:
        return None
    head = blocks[nxt]
    if head.kind not in (BlockKind.HEADING, BlockKind.ITEM) or not head.level:
        return None
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
    first, last = siblings[0], siblings[-1]
    fl, fc = first.locate(0)
    ll, lc = last.locate(0)
    return Items(len(siblings), first.number, last.number, f"第{fl}行第{fc}列至第{ll}行第{lc}列")


_COLON_LIST_RE = re.compile(r"[^，。；：,;:]{0,8}[：:]([^。！？]*)")
_JOINERS_RE = re.compile(r"和|与|及|以及|并")


def items_colon(block: Block, after: int) -> Items | None:
    """“做到两点：A；B；C。” — items separated by ；（or 、 in a short list）after a colon."""
    m = _COLON_LIST_RE.match(block.text, after)
    if not m:
        return None
    body = m.group(1)
    if not body.strip():
        return None
    if "；" in body or ";" in body:
        parts = [p for p in re.split(r"[；;]", body) if p.strip()]
        if any(len(p.strip()) < 2 for p in parts):
            return None
    elif "、" in body and "，" not in body and "," not in body and len(body) <= 60 and not _JOINERS_RE.search(body):
        parts = body.split("、")
    else:
        return None
    if len(parts) < 2:
        return None
    line, column = block.locate(m.start(1))
    return Items(len(parts), parts[0].strip(), parts[-1].strip(), f"第{line}行第{column}列起")


_BEFORE_LIST_RE = re.compile(r"([^，。；：,;:“”（）()]{2,80})$")
_NUMBERED_THING_RE = re.compile(r"(?:\d+|[两二三四五六七八九十]+)[项条个点款]")


def items_before(block: Block, start: int) -> Items | None:
    """“抓好政治、思想、组织三个方面” — a 、 list right before the count."""
    m = _BEFORE_LIST_RE.search(block.text, 0, start)
    if not m:
        return None
    segment = m.group(1)
    if "、" not in segment or "等" in segment[-3:]:
        return None
    parts = segment.split("、")
    if any(_NUMBERED_THING_RE.search(p) for p in parts[:-1]):
        return None  # 中央八项规定、自治区28条配套规定和市委十项要求: the count is the last item's own
    last_parts = _JOINERS_RE.split(parts[-1])
    parts = parts[:-1] + [p for p in last_parts if p]
    if len(parts) > 1 and len(parts[0]) > len(parts[1]):
        parts[0] = parts[0][-len(parts[1]) :]  # 牢牢抓住政治、思想 → 政治
    if any(len(p) > 12 or not p for p in parts):
        return None
    line, column = block.locate(m.start(1))
    return Items(len(parts), parts[0], parts[-1], f"第{line}行第{column}列起")
