"""Where the items of a stated count are: the finders E201 tries in turn.

Each finder looks at one place and returns the items it sees there, or None when that place
holds no list.  This module has the finders of the count's own paragraph (the markers right
after the count, a ；-list after its colon); :mod:`.items_before` reads a 、-list right before
it, :mod:`.items_below` the paragraphs under it.
"""

from __future__ import annotations

from dataclasses import dataclass

from orgwrite import lazyre
from orgwrite.model import Block
from orgwrite.rules.counts.markers import Marker, place
from orgwrite.rules.counts.quoted import MASK, QUOTATION_RE, may_quote

SENTENCE_END = "。！？"


@dataclass(slots=True, repr=False, eq=False)
class Items:
    """Where the items of a stated count are, and how many they may be.

    Made and read (one finder marks it open-ended afterwards): no generated repr or
    equality, which would make the class cost twice as much to create when a process starts.
    """

    count: int
    first: str
    last: str
    where: str  # place of the first and last item, in words
    at_least: bool = False  # the list ends in 等 (or 首先、其次 without 最后): more items may follow
    #: The count when the 和 before the last item is read as part of that item (生物医药和高端
    #: 医疗器械 is one industry): a stated count that fits either reading is not reported.
    also: int | None = None
    #: The last item is a pair joined by 和 (哈萨尔大街和西头道街两条西出口路): a count of two
    #: may name that pair alone.
    pair_at_end: bool = False

    def fits(self, stated: int) -> bool:
        """True when ``stated`` agrees with the items: either reading, fewer items before 等, or
        a count of two for the pair that ends the list."""
        if stated in (self.count, self.also) or (self.at_least and self.count < stated):
            return True
        return self.pair_at_end and stated == 2


def items_from_run(run: list[Marker]) -> Items:
    """The items of a run of markers.  首先、其次 without 最后 may go on in other words (此外、
    再者), so such a run holds at least its items."""
    open_ended = run[0].family == "首先" and run[-1].text != "最后"
    return Items(len(run), run[0].text, run[-1].text, f"{place(run[0])}至{place(run[-1])}", at_least=open_ended)


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


_SEMICOLON_RE = lazyre.compile(r"[；;]")
_COLON_LIST_RE = lazyre.compile(r"[^，。；：,;:]{0,8}[：:]([^。！？]*)")
#: The words that join the last two items; not 和 in 和谐, 与 in 参与, 及 in 普及/涉及/及时.
JOINERS = r"以及|和(?!谐)|(?<!参)与|(?<![普涉以])及(?!时)"
_JOINERS_RE = lazyre.compile(JOINERS)


def items_colon(block: Block, after: int) -> Items | None:
    """“做到两点：A；B；C。” — items after a colon, separated by ； or, in a short list without
    commas, by 、 (the last two may be joined by 和) or by one 和 between two."""
    m = _COLON_LIST_RE.match(block.text, after)
    if not m:
        return None
    original = m.group(1)
    body = mask_quotations(original)
    if not body.strip():
        return None
    if "；" in body or ";" in body:
        parts = [p for p in _SEMICOLON_RE.split(body) if p.strip()]
        if any(len(p.strip()) < 2 for p in parts):
            return None
    elif "，" in body or "," in body or len(body) > 60:
        return None
    elif "、" in body:
        parts = body.split("、")
        if any(_JOINERS_RE.search(p) for p in parts[:-1]):
            return None
        parts[-1:] = joined_pair(parts[-1]) or parts[-1:]
    else:
        parts = joined_pair(body.rstrip("。！？")) or []
    if len(parts) < 2:
        return None
    line, column = block.locate(m.start(1))
    pos = body.rfind(parts[-1])  # masking keeps lengths: the same place in the original
    first, last = original[: len(parts[0])], original[pos : pos + len(parts[-1])]
    return Items(len(parts), first.strip(), last.strip(), f"第{line}行第{column}列起")


_PAIR_RE = lazyre.compile(r"^([^和与及、]{2,14})(?:和|与|以及|及)([^和与及、]{2,14})$")


def joined_pair(text: str) -> list[str] | None:
    """“民主和集中”“外显的物质环境和内隐的精神环境”: two items joined by one 和/与/及."""
    m = _PAIR_RE.match(text.strip())
    return [m.group(1), m.group(2)] if m else None


def mask_quotations(text: str) -> str:
    """``text`` with the inside of each quotation masked, so a 、 or ； inside it separates nothing.
    A text without an opening mark holds no quotation: it is given back as it is."""
    if not may_quote(text):
        return text
    return QUOTATION_RE.sub(lambda q: q.group(0)[0] + MASK * (len(q.group(0)) - 2) + q.group(0)[-1], text)


#: 七大重点事项（预算、收支、采购……）: the items in brackets right after the counted noun.
_BRACKET_LIST_RE = lazyre.compile(r"[\u4e00-\u9fff]{0,4}[（(]([^（）()，。；：,;:]{3,120})[）)]")


def items_bracketed(block: Block, after: int) -> Items | None:
    """A 、-list in brackets right after the count phrase (a few characters of noun may come first)."""
    m = _BRACKET_LIST_RE.match(block.text, after)
    if not m or "、" not in m.group(1) or "等" in m.group(1)[-2:]:
        return None
    parts = m.group(1).split("、")
    if any(not p or len(p) > 15 for p in parts):
        return None
    line, column = block.locate(m.start(1))
    return Items(len(parts), parts[0], parts[-1], f"第{line}行第{column}列起")


#: 五个标准，即……；三个具体要求，分别是……: a word that introduces the items after the count.
_INTRO_RE = lazyre.compile(r"[^，。；：,;:“”]{0,6}[，,]?(?:即|分别是|分别为|就是|包括)[：:]?(?P<body>[^。；！？;!?]+)")


def items_introduced(block: Block, after: int) -> Items | None:
    """Items after 即/分别是/包括 following the count, up to the first comma: a 、-list (the last
    two may be joined by 和), or one quotation holding a 、-list."""
    ahead = block.text[after : after + 10]  # the word ends at most 10 characters on
    if not ("即" in ahead or "分别" in ahead or "就是" in ahead or "包括" in ahead):
        return None
    m = _INTRO_RE.match(block.text, after)
    if not m:
        return None
    body, start = m.group("body"), m.start("body")
    if body.startswith("“") and "”" in body:
        inner = body[1 : body.index("”")]
        start += 1
    else:
        masked = mask_quotations(body)
        cut = min((i for i in (masked.find("，"), masked.find(",")) if i >= 0), default=len(body))
        inner = body[:cut]
    masked = mask_quotations(inner)
    if "、" not in masked:
        return None
    parts = masked.split("、")
    if any(_JOINERS_RE.search(p) for p in parts[:-1]) or any(not p or len(p) > 25 for p in parts):
        return None
    at_least = parts[-1].endswith("等")
    if at_least:
        parts[-1] = parts[-1][:-1]
    parts[-1:] = joined_pair(parts[-1]) or parts[-1:]
    line, column = block.locate(start)
    first = inner[: len(parts[0])]
    pos = masked.rfind(parts[-1])
    last = inner[pos : pos + len(parts[-1])]
    return Items(len(parts), first, last, f"第{line}行第{column}列起", at_least=at_least)
