"""Items written right before the count: “政治、经济、文化三个方面”“‘三会一课’、主题党日两项制度”.

The list is the run of 、-separated items that ends where the count starts.  A quoted item
(“三会一课”) is one item whatever it holds; a count right after one quotation with a
、-list inside (“学、查、改”三个环节) counts the members of that quotation.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from orgwrite import lazyre
from orgwrite.model import Block
from orgwrite.rules.counts.items import JOINERS, MASK, Items, joined_pair
from orgwrite.rules.counts.quoted import QUOTATION_RE, BlockQuotes, may_quote

#: The list runs back to the nearest clause boundary (a quotation mark is part of an item).
_BEFORE_LIST_RE = lazyre.compile(r"([^，。；：,;:（）()！？]{2,80})$")
_JOINERS_RE = lazyre.compile(JOINERS)
#: 中央八项规定、自治区28条配套规定和市委十项要求: an earlier item holds a count of its own,
#: so the count at the end is the last item's.
_NUMBERED_THING_RE = lazyre.compile(r"(?:\d+|[一两二三四五六七八九十]+)[项条个点款大]")
#: 深化改革、抓好三项工作: the count is the object of the verb the last “item” ends in.
_VERB_END_RE = lazyre.compile(
    r"(?:抓好|做好|抓住|抓实|落实|推进|实施|开展|完成|突出|聚焦|围绕|强化|坚持|把握|用好|建立|制定|出台|"
    r"形成|提出|明确|解决|存在|查摆|梳理|整改|体现|包括|涵盖|涉及|分为|做到|实现|有|是|从|在|为|的|了|等|"
    # 违反中央八项规定: the count is named after its owner, it does not total the list
    r"中央|党中央|国务院|省委|市委|县委|区委|我国|全国|全省|全市|全区|全县|"
    # 一条主线、四个阶段和三个里程碑, ……“三月三”及十大赛事: the count is an item of the list
    r"和|及|与|以及|并)$"
)
_MAX_ITEM = 14
#: The last character of a quotation or title (:func:`~orgwrite.numerals.quoted_spans`), and 等.
_QUOTE_ENDS_OR_DENG = frozenset("”》’等")
#: The marks of the quotations :func:`~orgwrite.numerals.quoted_spans` finds.
_QUOTE_MARKS_RE = lazyre.compile("[“”《》‘’]")
#: The last clause boundary of a text (the boundaries are :data:`_BEFORE_LIST_RE`'s).
_LAST_BOUNDARY_RE = lazyre.compile(r"[，。；：,;:（）()！？][^，。；：,;:（）()！？]*\Z")


def _segment_start(text: str, lo: int, end: int) -> int | None:
    """Where :data:`_BEFORE_LIST_RE`'s match in ``text[lo:end]`` starts (``end - lo`` at most
    80), or None.  Its search tries every offset from ``lo`` and runs each to ``end``: the
    first that holds no boundary up to ``end`` is just after the last boundary (or ``lo``),
    and the match needs two characters.  One search for that boundary gives it."""
    m = _LAST_BOUNDARY_RE.search(text, lo, end)
    p = m.start() + 1 if m else lo
    return p if end - p >= 2 else None


def _masked(quotes: BlockQuotes, block: Block, end: int) -> tuple[str, Sequence[tuple[int, int]]]:
    """``block.text[:end]`` with the inside of every quotation closed before ``end`` masked, and
    those quotations (the block is masked once: :meth:`.BlockQuotes.masked`)."""
    full, spans, ends = quotes.masked(block)
    closed = bisect_right(ends, end)  # quotations are sorted and do not overlap
    masked = full[:end]
    if closed < len(spans) and spans[closed][0] < end:  # a quotation still open at ``end``
        a = spans[closed][0]
        masked = masked[: a + 1] + block.text[a + 1 : end]
    return masked, _Prefix(spans, closed)


class _Prefix(Sequence):
    """The first ``n`` items of a list, without copying them."""

    def __init__(self, items: list[tuple[int, int]], n: int) -> None:
        self.items, self.n = items, n

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, k: int) -> tuple[int, int]:  # type: ignore[override]
        if k < 0:
            k += self.n
        if not 0 <= k < self.n:
            raise IndexError(k)
        return self.items[k]


def items_before(block: Block, start: int, quotes: BlockQuotes, *, pairs: bool = True, floor: int = 0) -> Items | None:
    """The 、-list that ends right at ``start`` (the count), or None.  ``pairs``: also read two
    items joined by 和 after a word that introduces them.  ``floor``: where the list may begin at
    the earliest (inside a quotation: after its opening mark).  ``quotes``: the document's
    quotation cache (:func:`.block_quotes`), so a block's quotations are found once."""
    text = block.text
    if start == 0:
        return None
    window = text[max(0, start - 80) : start]
    if (
        "、" not in window
        and text[start - 1] not in _QUOTE_ENDS_OR_DENG
        and not (pairs and ("和" in window or "与" in window or "及" in window))
    ):
        # No list can end here: every list read below has a 、 in the 80 characters before
        # the count (masking only hides marks), ends in a quotation or 等 right before it, or
        # (``pairs``) joins two items with 和/与/及.
        return None
    if not _QUOTE_MARKS_RE.search(window):
        # No quotation ends or opens in the window: masking would change nothing in it, and
        # the list is the run of characters up to the count (the same search on the text).
        # Without a 、 in that run only a pair (``pairs``) could be read: no quotation is there.
        seg = _segment_start(text, max(0, start - 80), start)
        if seg is None or ("、" not in text[seg:start] and not pairs):
            return None
    masked, spans = _masked(quotes, block, start)
    if floor:
        masked, spans = "，" * floor + masked[floor:], []
    seg_start = _segment_start(masked, max(0, len(masked) - 80), len(masked))  # at most 80 long
    if seg_start is None:
        return None
    segment = masked[seg_start:]
    if "、" not in segment:
        if text[start - 1] == "等":  # “工作职责”“做好带头示范”……等五个方面: at least these
            quotes = _adjacent_quotations(block, start - 1, spans)
            if quotes is not None:
                quotes.at_least = True
            return quotes
        return (
            _items_in_quotation(block, start, spans)
            or _adjacent_quotations(block, start, spans)
            or (_pair_after_lead(block, seg_start, start, masked) if pairs else None)
        )
    # A、B、C等九大领域: 等 may stand for more items, never for fewer.
    at_least = segment.endswith("等")
    if at_least:
        start -= 1
        segment = segment[:-1]
    if "等" in segment[-3:] or _VERB_END_RE.search(segment):
        return None
    offsets = [seg_start]
    for i, ch in enumerate(segment):
        if ch == "、":
            offsets.append(seg_start + i + 1)
    parts = [text[a : b - 1] if b < start else text[a:b] for a, b in zip(offsets, [*offsets[1:], start], strict=True)]
    if any(_NUMBERED_THING_RE.search(_unquoted(p)) for p in parts[:-1]):
        return None
    last = parts[-1]
    also: int | None = None
    pair_at_end = False
    if not last.endswith(("”", "’", "》")):
        pieces = [p for p in _JOINERS_RE.split(last) if p]
        if len(pieces) == 2 and all(len(p) >= 2 for p in pieces):
            pair_at_end = True
            if at_least or any(_JOINERS_RE.search(p) for p in parts[:-1]):
                # 低空经济和商业航天、……生物医药和高端医疗器械等: 和 may stand inside an item
                also = len(parts)
            parts[-1:] = pieces
    first = parts[0]
    if "“" in first and first.endswith("”"):
        parts[0] = first[first.rindex("“") :]  # 认真落实“三会一课” → “三会一课”
    elif len(parts) > 1 and len(first) > len(parts[1]):
        parts[0] = first[-len(parts[1]) :]  # 牢牢抓住政治、思想 → 政治
    if any(not p or len(_unquoted(p)) > _MAX_ITEM for p in parts):
        return None
    line, column = block.locate(seg_start + len(first) - len(parts[0]))
    return Items(
        len(parts),
        parts[0],
        parts[-1],
        f"第{line}行第{column}列起",
        at_least=at_least,
        also=also,
        pair_at_end=pair_at_end,
    )


#: 民主集中制包括民主和集中两个方面: a pair joined by 和 is read only after a word that
#: introduces the items (加强和改进三项工作 pairs two verbs, not two items).
_PAIR_LEAD_RE = lazyre.compile(r"(?:包括|包含|涵盖|分为|分成|涉及|聚焦|围绕|在|从|就)")
#: A member of a pair is a short name: not a clause (现在的孩子和学校2020学年后续的工作), not
#: several quotations (“是什么”“为什么”和“怎么做”).
_NOT_PAIR_ITEM_RE = lazyre.compile(r"^的|\d|^.{11,}$|”.*“")


def _pair_after_lead(block: Block, seg_start: int, start: int, masked: str) -> Items | None:
    segment = masked[seg_start:start]
    leads = list(_PAIR_LEAD_RE.finditer(segment))
    if not leads:
        return None
    begin = seg_start + leads[-1].end()
    pair = joined_pair(masked[begin:start])
    if pair is None or _VERB_END_RE.search(pair[1]) or any(_NOT_PAIR_ITEM_RE.search(p) for p in pair):
        return None
    text = block.text
    line, column = block.locate(begin)
    first, last = text[begin : begin + len(pair[0])], text[start - len(pair[1]) : start]
    return Items(2, first, last, f"第{line}行第{column}列起")


def _unquoted(part: str) -> str:
    """An item with its quotation shortened to one character: the quoted text is a name.
    Most items hold no opening mark, so no quotation: they are given back as they are."""
    if not may_quote(part):
        return part
    return QUOTATION_RE.sub(MASK, part)


def _items_in_quotation(block: Block, start: int, spans: Sequence[tuple[int, int]]) -> Items | None:
    """“学、查、改”三个环节: the members of the quotation that ends right at the count."""
    if not spans or spans[-1][1] != start or block.text[spans[-1][0]] != "“":
        return None
    a, b = spans[-1]
    inner = block.text[a + 1 : b - 1]
    if "、" not in inner or any(c in inner for c in "，。；：,;:"):
        return None
    parts = inner.split("、")
    if any(not p or len(p) > 20 for p in parts):
        return None
    pieces = [p for p in _JOINERS_RE.split(parts[-1]) if p]
    if len(pieces) == 2 and all(len(p) >= 2 for p in pieces) and not any(_JOINERS_RE.search(p) for p in parts[:-1]):
        parts[-1:] = pieces  # 激发创新活力、促进创新协同和维护公平竞争: three
    line, column = block.locate(a + 1)
    return Items(len(parts), parts[0], parts[-1], f"第{line}行第{column}列起")


def _adjacent_quotations(block: Block, start: int, spans: Sequence[tuple[int, int]]) -> Items | None:
    """“名校”“名师”“骄子”三个内容, 《…方案》《…方案》四个工程, “是什么”“为什么”和“怎么做”
    三个方面: quotations or titles written one after another (the last may follow 和), one item each."""
    text = block.text
    run: list[tuple[int, int]] = []
    end = start
    for a, b in reversed(spans):
        gap = text[b:end]
        if text[a] not in "“《" or not (gap == "" or (len(run) == 1 and gap in ("和", "与", "及", "以及"))):
            break
        run.append((a, b))
        end = a
    if len(run) < 2:
        return None
    run.reverse()
    line, column = block.locate(run[0][0])
    return Items(len(run), text[run[0][0] : run[0][1]], text[run[-1][0] : run[-1][1]], f"第{line}行第{column}列起")
