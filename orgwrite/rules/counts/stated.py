"""E201: a stated count (“从三个方面”“以下四点”) must match the items listed for it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from orgwrite import lazyre
from orgwrite.model import Block, BlockKind, Document, Finding
from orgwrite.numerals import cn_to_int, inside, number_data
from orgwrite.rules.base import Context, rule
from orgwrite.rules.counts.items import (
    SENTENCE_END,
    Items,
    items_bracketed,
    items_colon,
    items_from_run,
    items_inline,
    items_introduced,
)
from orgwrite.rules.counts.items_before import items_before
from orgwrite.rules.counts.items_below import (
    items_children,
    items_dashed,
    items_headings,
    items_marked_paragraphs,
    items_semicolon_paragraphs,
    next_block,
)
from orgwrite.rules.counts.markers import PROSE, Marker, block_markers, cn_count, marker_runs_by_start
from orgwrite.rules.counts.quoted import BlockQuotes, block_quotes
from orgwrite.rules.counts.scan import candidates, matches_at

#: First marker of each run → the run (block id, offset).
RunIndex = dict[tuple[int, int], list[Marker]]


@cache
def _count_re() -> re.Pattern[str]:
    data = number_data()
    nouns = "|".join(sorted(data["count_nouns"], key=len, reverse=True))
    classifiers = "".join(data["count_classifiers"])
    bare = "".join(data["bare_counts"])
    return lazyre.compile(
        r"(?P<n>[两二三四五六七八九十1-9][十0-9一二三四五六七八九]?)"
        rf"(?:(?P<cls>[{classifiers}])?(?P<noun>{nouns})(?!军)"
        rf"|(?P<bare>[{bare}])(?![\u4e00-\u9fff]?(?:规定|战略|决定|指示|精神|目标|原则|工程)))"
    )


#: The characters the number of each count pattern starts with, and the second character
#: of a number of two (the generic pattern's are :data:`.scan.GENERIC_FIRST`).
_COUNT_FIRST = frozenset("两二三四五六七八九十123456789")
_COUNT_SECOND = frozenset("十0123456789一二三四五六七八九")


def _count_starts(text: str, hits: list[int]) -> list[int]:
    """Where the count pattern can match, given the hits of the document scan (the last
    character of a number): the hit itself, or the character before it when the two make
    a number of two characters."""
    out: list[int] = []
    for h in hits:
        if h and text[h - 1] in _COUNT_FIRST and text[h] in _COUNT_SECOND and (not out or out[-1] < h - 1):
            out.append(h - 1)
        if text[h] in _COUNT_FIRST:
            out.append(h)
    return out


def _count_matches(pattern: re.Pattern[str], text: str, hits: list[int]) -> list[re.Match[str]]:
    """What ``matches_at(pattern, text, _count_starts(text, hits))`` yields, without building
    the list of starts: a start :func:`_count_starts` leaves out as already listed (the
    character before a hit that is itself a hit) was tried with the same answer, or lies
    before the end of the match it gave, so trying it again changes nothing."""
    out: list[re.Match[str]] = []
    end = 0
    match = pattern.match
    for h in hits:
        c = text[h]
        if h > end and c in _COUNT_SECOND and text[h - 1] in _COUNT_FIRST and (m := match(text, h - 1)):
            out.append(m)
            end = m.end()
        if c in _COUNT_FIRST and h >= end and (m := match(text, h)):
            out.append(m)
            end = m.end()
    return out


_LEAD_RE = lazyre.compile(r"(?:以下|如下|下面|下列|从|在|有|抓好|做好|围绕|突出)$")
#: A count of two or more holds one of these: a numeral 两…十 or a digit 2–9, or else it is
#: 10 or 11 (the count pattern's number has at most two characters).
_COUNT_DIGIT_RE = lazyre.compile("[两二三四五六七八九十2-9]|1[01]")
_COUNT_DIGITS = frozenset("两二三四五六七八九十23456789")


#: A count right after these is an ordinal, a larger number or a reference back (这三个方面).
_NOT_BEFORE_COUNT = frozenset("0123456789一二三四五六七八九十百千万第这些前后上")
#: 高三、初二: a school grade (but 提高三项、升高两个 are counts).
_GRADE_RE = lazyre.compile(r"(?:^|[^提抬升增拔最])[高初]$")


def _count_value(m: re.Match[str], text: str) -> tuple[int | None, bool]:
    """The stated count of a match and whether a lead word (以下、从……) stands right before it."""
    raw = m.group("n")
    start = m.start()
    lead = bool(_LEAD_RE.search(text, max(0, start - 2), start))
    arabic = raw[0].isdigit()
    if arabic and (not raw.isdigit() or not (m.group("bare") and lead)):
        return None, lead  # 9项问题 is a statistic; only 以下5点 counts
    if m.group("bare") and not lead and text[m.end() : m.end() + 1] not in ("：", ":"):
        return None, lead  # 两点 needs 以下 before it or a colon after it
    return (int(raw) if arabic else cn_to_int(raw)), lead


@rule("E201", "stated-count", "warning", "文中所称数目（“三个方面”“四项措施”）与实际列出的项数不一致")
def stated_count(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    “从三个方面”“以下四点”“五项措施”“五件大事”之后列出的项数应与所称数目一致。列出的项可以是
    紧随其后的“一是、二是……”“第一、第二……”“首先……”“1、2、……”“①②……”，冒号后以分号分隔
    （或以顿号、“和”连接）的各项，数目后括号里的各项，下面几段开头的同一组序号（中间可有
    说明段落）、编号小标题（一、（一）1.（1））、“——”段落或以分号结尾的段落，写在数目之前、
    以顿号分隔的各项或相连的几个引号（“政治、思想、组织三个方面”“‘三会一课’、主题党日两项
    制度”“‘名校’‘名师’三个内容”），以及标题所称数目与其下各条。以“等”结尾的列举可以少于
    所称数目。引号和书名号里的数目（“五个一批”）是固定提法，不在此列；“这三个方面”“以上
    四点”指前文，也不核对；人数、次数、会议数不是列举的数目。
    原因：
    增删内容后忘记改总述的数目，是综述和讲话稿最常见的硬伤之一。
    错误示例：
    今年重点抓好三个方面工作。一是加强政治建设，二是加强组织建设，三是加强作风建设，四是加强纪律建设。
    总书记的要求概括起来就是两点：坚定理想信念；坚持实事求是；勇于担当作为。
    牢牢抓住政治、思想、组织、作风三个方面。
    认真落实“三会一课”、主题党日、组织生活会两项制度。
    重点做好以下四项工作：\n1、加强政治建设。\n2、加强思想建设。\n3、加强组织建设。
    正确示例：
    今年重点抓好四个方面工作。一是加强政治建设，二是加强组织建设，三是加强作风建设，四是加强纪律建设。
    总书记的要求概括起来就是三点：坚定理想信念；坚持实事求是；勇于担当作为。
    牢牢抓住政治、思想、组织三个方面。
    认真落实“三会一课”、主题党日、组织生活会三项制度。
    重点做好以下三项工作：\n1、加强政治建设。\n2、加强思想建设。\n3、加强组织建设。
    全年召开党委会、常委会、专题会两次会议，选派张三、李四、王五三名同志参加培训。
    依据：
    公文写作常规：总述与分述一致。
    """
    for block, m, stated, items in count_sites(doc, ctx):
        if items is None or items.fits(stated):
            continue
        msg = f"前文称“{m.group(0)}”，实际列出{cn_count(items.count)}项：{items.first}……{items.last}（{items.where}）"
        yield ctx.emit("E201", block, m.start(), m.end(), msg)


def count_sites(doc: Document, ctx: Context) -> Iterator[tuple[Block, re.Match[str], int, Items | None]]:
    """Every stated count of ``doc``: its block, its match, its value and the items found for
    it (None when no list is found for it)."""
    # Every count either pattern can report starts at a place the document scan found
    # (scan._count_search), and so does every match that holds such a place: reading the
    # matches at those places gives what the patterns' finditer over the block gives.
    found = candidates(doc, ctx)
    places, generic = found.counts, found.generic
    if not places:
        return
    markers = block_markers(doc, ctx)
    runs_by_start = marker_runs_by_start(doc, ctx)
    quotes = block_quotes(doc, ctx)
    pattern = _count_re()
    blocks = doc.blocks
    for index, starts in places.items():
        block = blocks[index]
        heading = block.kind is BlockKind.HEADING and block.level > 0
        if block.kind not in PROSE and not heading:
            continue
        text = block.text
        # A hit is often such a numeral itself: then the block need not be searched.
        if _COUNT_DIGITS.isdisjoint(map(text.__getitem__, starts)) and not _COUNT_DIGIT_RE.search(text):
            continue
        quoted: list[tuple[int, int]] | None = None
        seen: list[int] = []
        for m in _count_matches(pattern, text, starts):
            start = m.start()
            if start and text[start - 1] in _NOT_BEFORE_COUNT:
                continue
            if start and text[start - 1] in "高初" and _GRADE_RE.search(text, max(0, start - 2), start):
                continue  # 高三重点：一是…… — a school grade, not a count (its pattern ends in 高 or 初)
            stated, lead = _count_value(m, text)
            if stated is None or stated < 2:
                continue
            if quoted is None:
                quoted = quotes.spans(block)
            if inside(quoted, m.start(), m.end()):
                continue
            items = items_children(doc, index) if block.level and _closes(text, m.end()) else None
            if items is None and not heading:
                items = _find_items(doc, index, block, m, stated, lead, markers, runs_by_start, quotes)
            seen.append(m.start())
            yield block, m, stated, items
        shaped = None if heading else generic.get(index)
        if shaped:
            hits = _generic_hits(text, shaped)
            if hits:
                yield from _generic_sites(doc, block, index, hits, seen, markers, runs_by_start, quotes)


@cache
def _count_terms() -> tuple[str, ...]:
    return tuple(number_data()["count_terms"])


@cache
def _terms_by_char() -> dict[str, tuple[tuple[int, tuple[str, ...]], ...]]:
    """Each character of a named count → (an offset k, the terms whose character at k it is):
    the terms of one offset are tested by one ``str.startswith`` with a tuple."""
    out: dict[str, dict[int, list[str]]] = {}
    for term in _count_terms():
        for k, ch in enumerate(term):
            out.setdefault(ch, {}).setdefault(k, []).append(term)
    return {ch: tuple((k, tuple(terms)) for k, terms in sorted(by.items())) for ch, by in out.items()}


def _in_term(text: str, pos: int) -> bool:
    """True when the count at ``pos`` is part of a named count (中央八项规定、铁人三项): a term
    whose character at some offset k is ``text[pos]`` stands at ``pos - k``."""
    for k, terms in _terms_by_char().get(text[pos], ()):
        if k <= pos and text.startswith(terms, pos - k):
            return True
    return False


#: Any counted noun (三大结构、四个“不放松”): read only where a list stands right before it or
#: right after its colon, so the noun need not be one of numbers.toml's count nouns.  Not 十
#: and above: 十大考古新发现、十大赛事 are rankings named by their number.
_GENERIC_RE = lazyre.compile(
    r"(?P<n>[两三四五六七八九])(?P<cls>[个项条件大种类支])(?P<noun>“[^“”]{1,8}”|[\u4e00-\u9fff]{1,4}(?=[，。；：、,;:（(“”]|$)|[\u4e00-\u9fff]{1,2})"
)
#: Time and measure words after 个: 三个月、两个百分点 are quantities, never counts of items.
_NOT_ITEMS_RE = lazyre.compile(r"^(?:月|小时|星期|工作日|季度|百分点|人|年)")
_COLON_SOON_RE = lazyre.compile(r"[^，。；：,;:]{0,8}[：:]")


def _generic_sites(
    doc: Document,
    block: Block,
    index: int,
    hits: list[int],
    seen: list[int],
    markers: list[list[Marker]],
    runs_by_start: RunIndex,
    quotes: BlockQuotes,
) -> Iterator[tuple[Block, re.Match[str], int, Items | None]]:
    """Counts of any noun where a list is plain to see: a 、-list right before, a list after 即 or
    a colon, or (after a colon that ends the paragraph) the paragraphs below that begin with a
    list's first marker or heading number."""
    text = block.text
    quoted: list[tuple[int, int]] | None = None
    # ``hits``: where a generic count can start and read a list (:func:`_generic_hits`).
    for m in matches_at(_GENERIC_RE, text, hits):
        start, end = m.span()
        if start in seen or (start and text[start - 1] in _NOT_BEFORE_COUNT):
            continue
        if not _list_can_be_near(text, start, end):
            continue
        if _NOT_ITEMS_RE.match(m.group("noun")) or _in_term(text, start):
            continue
        if quoted is None:
            quoted = quotes.spans(block)
        if inside(quoted, start, m.start("noun")):
            # “政府服务环境、产业生态环境、法治保障三个环境”: a list and its count in one quotation
            span = next(q for q in quoted if q[0] <= start < q[1])
            if text[span[0]] == "“":
                items = items_before(block, start, quotes, pairs=False, floor=span[0] + 1)
                if items is not None:
                    yield block, m, cn_to_int(m.group("n")), items
            continue
        items = items_before(block, start, quotes, pairs=False) or items_introduced(block, end)
        colon = _COLON_SOON_RE.match(text, end)
        if items is None and colon:
            run = items_inline(block, end, runs_by_start, markers[index])
            items = items_from_run(run) if run is not None else items_colon(block, end)
        if items is None and colon and not text[colon.end() :].strip():
            nxt = next_block(doc, index)
            if nxt is not None:
                items = items_marked_paragraphs(doc, nxt, markers, runs_by_start) or items_headings(doc, nxt)
        if items is not None:
            yield block, m, cn_to_int(m.group("n")), items


def _generic_hits(text: str, hits: list[int]) -> list[int]:
    """The hits of the document scan where a generic count that can yield items may start.

    A generic count starts at its hit, a numeral followed by its classifier (``hits``:
    those of the scan, :attr:`.Candidates.generic`).  A hit where
    :func:`_no_list_at` proves no list can be read is left out, unless the next hit is
    within 12 characters (a match is at most 12 long: the one at the hit left out could
    have covered that hit, which finditer then skips).  Most blocks hold one hit: it is
    tested without building pairs of neighbours."""
    if len(hits) == 1:
        return [] if _no_list_at(text, hits[0]) else hits
    # Each hit with the next one (the last with none: no hit is that far on).
    return [h for h, n in zip(hits, [*hits[1:], 1 << 60], strict=True) if n < h + 12 or not _no_list_at(text, h)]


#: A clause boundary of items_before's segment (its _BEFORE_LIST_RE) with no closing mark
#: after it up to the end of the search.
_OPEN_BOUNDARY_RE = lazyre.compile("[，。；：,;:（）()！？][^”》’]*\\Z")


def _no_list_at(text: str, h: int) -> bool:
    """True when no list a generic count starting at ``h`` reads can be there (or the count
    is not read at all: :func:`_generic_sites` skips it after these characters), tested before
    its match is read.  Its end is 3 to 12 characters on, so :func:`_list_can_be_near`'s look
    ahead lies in ``text[h + 3 : h + 22]``.  Not after a closing mark or 等, items_before
    (pairs off) reads only a 、 after the last clause boundary of the 80 characters before
    the count, in the text with the inside of closed quotations masked: a boundary after the
    last 、 and after the last closing mark is not masked, and leaves no 、 after it."""
    if h and text[h - 1] in _NOT_BEFORE_COUNT:
        return True  # an ordinal or a reference back (第三个、这两项): never read as a count
    if h and text[h - 1] in "”》’等":
        return False
    r = text.rfind("、", max(0, h - 80), h)
    # A boundary after the last closing mark after the 、 (one search for both).
    if r >= 0 and _OPEN_BOUNDARY_RE.search(text, r + 1, h) is None:
        return False
    # The look ahead last: its search costs more than the look back.
    return _AHEAD_RE.search(text, h + 3, h + 22) is None


def _list_can_be_near(text: str, start: int, end: int) -> bool:
    """False when none of the lists a generic count reads can be there: no 、 in the 80
    characters before it (items_before), no closing quotation or 等 right before it, no
    即/分别/就是/包括 in the 10 characters after it (items_introduced) and no colon in the 9
    after it (what is read after a colon)."""
    if text.find("、", max(0, start - 80), start) >= 0 or (start and text[start - 1] in "”》’等"):
        return True
    return _AHEAD_RE.search(text, end, end + 10) is not None


_AHEAD_RE = lazyre.compile("[：:即]|分别|就是|包括")


def _find_items(
    doc: Document,
    index: int,
    block: Block,
    m: re.Match[str],
    stated: int,
    lead: bool,
    markers: list[list[Marker]],
    runs_by_start: RunIndex,
    quotes: BlockQuotes,
) -> Items | None:
    """The items of the count ``m`` in block ``index``, tried place by place (see items*.py)."""
    text = block.text
    after = m.end()
    # A list written right before the count is read first: 从全体性、全面性……五个方面……首先……最后
    # — the 首先 that follows may open a discussion of the first items only.
    before = items_before(block, m.start(), quotes) if m.group("noun") else None
    if before is not None and before.fits(stated):
        return before
    run = items_inline(block, after, runs_by_start, markers[index])
    if run is not None:
        return items_from_run(run)
    listed = items_colon(block, after) or items_bracketed(block, after) or items_introduced(block, after)
    if listed is not None:
        return listed
    if before is not None:
        return before
    rest = text[after:]
    # The count closes its paragraph: the items are the next paragraphs.
    if (
        sum(rest.count(c) for c in SENTENCE_END) > 1
        or len(rest) > 30
        or rest.rstrip()[-1:] not in ("：", ":", "。", "")
    ):
        return None
    nxt = next_block(doc, index)
    if nxt is None:
        return None
    marked = items_marked_paragraphs(doc, nxt, markers, runs_by_start)
    if marked is not None:
        return marked
    announces = text.rstrip()[-1:] in ("：", ":")
    closes = _closes(text, after)
    if lead or announces or closes or _LEAD_BEFORE_RE.search(text, max(0, m.start() - 4), m.start()):
        headings = items_headings(doc, nxt)
        if headings is not None:
            return headings
    if announces or closes:
        return items_dashed(doc, nxt) or (items_semicolon_paragraphs(doc, nxt) if announces else None)
    return None


#: What may stand between a count that closes its paragraph and the paragraph's end: the
#: rest of the noun phrase (四个方面的工作、九个方面工作) and the final mark.
_CLOSING_RE = lazyre.compile(r"(?:的)?[\u4e00-\u9fff]{0,4}[。：:]?\s*$")


def _closes(text: str, end: int) -> bool:
    """True when the count at ``end`` is the last thing said in its paragraph."""
    return bool(_CLOSING_RE.fullmatch(text, end))


_LEAD_BEFORE_RE = lazyre.compile(r"(?:以下|如下|下面|下列|从|抓好|做好|围绕|突出|重点|主要|讲|谈|汇报|交流|强调)$")
