"""Stated counts and inline sequences (rule family E, codes E201–E299).

“从三个方面”must be followed by three items; 一是、二是、三是 must not skip or repeat;
“A、B、C分别增长5%、8%” must pair the same number of names and figures.  The numbered
paragraphs (一、（一）1.（1）at the start of a paragraph) are S101's; these rules read the
markers written inside the text.  Everything is one pass over the blocks: each marker is
looked at once, each count phrase looks only at the items right after it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from orgwrite.lazyre import lazy
from orgwrite.model import Block, BlockKind, Document, Finding
from orgwrite.numerals import CN_SMALL, cn_to_int, inside, int_to_cn, number_data, quoted_spans
from orgwrite.rules.base import Context, rule
from orgwrite.rules.chars import block_text

_PROSE = frozenset({BlockKind.PARAGRAPH, BlockKind.ITEM, BlockKind.CLOSING})
_STOP = frozenset({BlockKind.CLOSING, BlockKind.SIGNATURE, BlockKind.DATE, BlockKind.ATTACHMENT, BlockKind.TITLE})

#: Characters after which a clause (and so a list marker) starts.
_CLAUSE_BOUNDARY = frozenset("。；，：！？;:, \u3000\t")
_SENTENCE_BOUNDARY = frozenset("。；：！？;:")

_INVISIBLE = "[\u200b-\u200d\ufeff]?"
#: Inline list markers, one named group per family.  Each pattern starts with a literal or a
#: character class, so the regex engine scans for it at C speed; the "a clause starts here"
#: condition is checked in Python (:data:`_FAMILY_BOUNDARY`).
_MARKER_RES: tuple[re.Pattern[str], ...] = (
    re.compile(rf"(?P<shi>{CN_SMALL})是(?={_INVISIBLE}(?:[，,：:“]|[\u4e00-\u9fff]))"),
    re.compile(rf"(?P<yao>{CN_SMALL})要(?={_INVISIBLE}[“\u4e00-\u9fff])(?!素|件|点|求|务|事)"),
    re.compile(rf"第(?P<di>{CN_SMALL})(?:[，,、：:]|是)"),
    re.compile(rf"[（(](?:(?P<pcn>{CN_SMALL})|(?P<par>\d{{1,2}}))[）)]"),
    re.compile(r"(?P<circ>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])"),
    re.compile(r"(?P<dot>\d{1,2})[.．、](?![\d.．])"),
    re.compile(r"(?P<ord>首先|其次|再次|最后)(?=[，,])"),
)
#: For each pattern above, one that matches wherever it does and starts with a literal or a
#: class of rare characters (a leading 一二三 or digit class makes the engine try a match at
#: every numeral of the text): a paragraph, or a whole document, without it is skipped.
_MARKER_QUICK_RES: tuple[re.Pattern[str], ...] = (
    re.compile(r"是(?<=[一二三四五六七八九十]是)"),
    re.compile(r"要(?<=[一二三四五六七八九十]要)"),
    re.compile(r"第[一二三四五六七八九十]"),
    re.compile(r"[（(][一二三四五六七八九十\d]"),
    _MARKER_RES[4],
    re.compile(r"[.．、](?<=\d[.．、])"),
    re.compile(r"首先|其次|再次|最后"),
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


def _value(family: str, raw: str) -> int | None:
    if family == "①":
        return ord(raw) - 0x2460 + 1
    if family == "首先":
        return _ORDER_VALUE[raw]
    if raw.isdigit():
        return int(raw)
    return cn_to_int(raw)


def _shown(family: str, value: int) -> str:
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


@dataclass(slots=True)
class Marker:
    family: str
    value: int
    block: Block
    start: int
    end: int  # end of the marker itself

    @property
    def text(self) -> str:
        return self.block.text[self.start : self.end]


def _markers(
    block: Block, patterns: tuple[tuple[re.Pattern[str], Callable[[str], object]], ...] = _ALL_MARKERS
) -> list[Marker]:
    """Inline markers of ``block`` in order, outside quotations and titles.

    ``patterns`` are (marker pattern, quick test) pairs: those the document can contain.
    """
    text = block.text
    if block.kind not in _PROSE:
        return []
    quoted: list[tuple[int, int]] | None = None
    out: list[Marker] = []
    matches = [m for pattern, quick in patterns if quick(text) for m in pattern.finditer(text)]
    matches.sort(key=lambda m: m.start())
    for m in matches:
        group = m.lastgroup
        assert group is not None
        family = _GROUP_FAMILY[group]
        start = m.start()
        if start == 0 and block.number:
            continue  # the paragraph's own number: S101's
        boundary = _FAMILY_BOUNDARY[family]
        if boundary is not None and start > 0 and text[start - 1] not in boundary:
            continue
        if family == "1." and block.number and start < len(block.number):
            continue
        if quoted is None:
            quoted = quoted_spans(text)
        if inside(quoted, start):
            continue
        value = _value(family, m.group(group))
        if value is None or value == 0:
            continue
        end = m.end(group) + (1 if family in ("是", "要", "（一）", "（1）", "1.") else 0)
        out.append(Marker(family, value, block, start, end))
    return out


def _block_markers(doc: Document, ctx: Context) -> list[list[Marker]]:
    """Markers of every block, computed once per document and shared by E201 and E202."""
    key = "counts.markers"
    cached = ctx.cache.get(key)
    if cached is not None and cached[0] is doc:
        return cached[1]
    alltext = block_text(doc, ctx.cache)
    patterns = tuple((p, q) for p, q in _ALL_MARKERS if q(alltext))
    markers = [_markers(b, patterns) for b in doc.blocks]
    ctx.cache[key] = (doc, markers)
    return markers


def _runs(doc: Document, markers: list[list[Marker]]) -> list[list[Marker]]:
    """Runs of one family: a run starts at value 1 (or any value after a reset) and goes on in
    the same paragraph and into following paragraphs that begin with the same family."""
    runs: list[list[Marker]] = []
    active: dict[str, list[Marker]] = {}
    for index, block in enumerate(doc.blocks):
        found = markers[index]
        if block.kind not in _PROSE:
            active.clear()
            continue
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


def _opens_nested(outer: Marker, mk: Marker) -> bool:
    """``mk`` (a 1) starts a list inside the paragraph that ``outer`` opens, after a colon."""
    return outer.block is mk.block and outer.start <= 2 and any(c in "：:" for c in mk.block.text[outer.end : mk.start])


def _cn_count(n: int) -> str:
    return "两" if n == 2 else int_to_cn(n)


def _place(mk: Marker) -> str:
    line, column = mk.block.locate(mk.start)
    return f"第{line}行第{column}列"


# --- E202 inline sequences ------------------------------------------------------------------


@rule("E202", "inline-sequence", "warning", "文中的“一是、二是”“第一、第二”等序号跳号、重复或颠倒")
def inline_sequence(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    段落中用“一是、二是……”“第一、第二……”“（一）（二）……”“①②……”“首先、其次、最后”列举时，
    序号应从一起依次递增。一组序号可以接着写到后面以同样序号开头的段落里；从“一是”重新
    开始视为新的一组。跳号、重号和倒序都会报告。
    原因：
    增删内容后没有重排序号，读者会以为漏了一项。
    错误示例：
    加强干部队伍建设，一是严格选拔任用，二是强化教育培训，四是从严管理监督。
    要抓好三件事：第一，学习；第二，调研；第二，检视。
    首先，要提高认识；其次，要压实责任；其次，要强化督导。
    正确示例：
    加强干部队伍建设，一是严格选拔任用，二是强化教育培训，三是从严管理监督。
    要抓好三件事：第一，学习；第二，调研；第三，检视。
    首先，要提高认识；其次，要压实责任；最后，要强化督导。
    依据：
    GB/T 15835-2011；公文写作常规：同一组列举的序号连续、不重复。
    """
    for run in _runs(doc, _block_markers(doc, ctx)):
        if run[0].value != 1:
            continue  # a run that starts in the middle may continue an earlier paragraph
        for prev, mk in itertools.pairwise(run):
            if mk.value == prev.value + 1 or (mk.family == "首先" and mk.value > prev.value):
                continue
            fam = mk.family
            if mk.value == prev.value and fam == "首先":
                msg = f"“{mk.text}”重复：前面已用过“{prev.text}”（{_place(prev)}）"
            elif mk.value == prev.value:
                msg = f"序号重复：前一项已是“{prev.text}”（{_place(prev)}），此处又是“{mk.text}”，应为“{_shown(fam, prev.value + 1)}”"
            elif mk.value < prev.value and fam == "首先":
                msg = f"次序颠倒：“{prev.text}”（{_place(prev)}）之后又出现“{mk.text}”"
            elif mk.value < prev.value:
                msg = f"序号顺序颠倒：前一项是“{prev.text}”（{_place(prev)}），此处是“{mk.text}”"
            else:
                missing = "、".join(f"“{_shown(fam, v)}”" for v in range(prev.value + 1, mk.value))
                msg = f"序号不连续：“{prev.text}”（{_place(prev)}）之后是“{mk.text}”，缺少{missing}"
            yield ctx.emit("E202", mk.block, mk.start, mk.end, msg)
            break  # one finding per run: later numbers follow from the first slip


# --- E201 stated count vs listed items --------------------------------------------------------


@cache
def _count_re() -> re.Pattern[str]:
    data = number_data()
    nouns = "|".join(sorted(data["count_nouns"], key=len, reverse=True))
    classifiers = "".join(data["count_classifiers"])
    bare = "".join(data["bare_counts"])
    return re.compile(
        r"(?P<n>[两二三四五六七八九十1-9][十0-9一二三四五六七八九]?)"
        rf"(?:(?P<cls>[{classifiers}])?(?P<noun>{nouns})"
        rf"|(?P<bare>[{bare}])(?![\u4e00-\u9fff]?(?:规定|战略|决定|指示|精神|目标|原则|工程)))"
    )


@cache
def _count_quick_re() -> re.Pattern[str]:
    """Matches wherever _count_re() does: the character after the number (a classifier, a
    noun's first character or a bare count word) preceded by a numeral.  Led by that class,
    so the engine does not try a match at every numeral of the text."""
    data = number_data()
    follow = "".join(
        sorted(set(data["count_classifiers"]) | {n[0] for n in data["count_nouns"]} | set(data["bare_counts"]))
    )
    follow = re.escape(follow)
    return re.compile(rf"[{follow}](?<=[两一二三四五六七八九十0-9][{follow}])")


_LEAD_RE = re.compile(r"(?:以下|如下|下面|下列|从|在|有|抓好|做好|围绕|突出)$")
_COUNT_DIGIT_RE = re.compile("[两二三四五六七八九十2-9]")


_SENTENCE_END = "。！？"
#: A count right after these is an ordinal, a larger number or a reference back (这三个方面).
_NOT_BEFORE_COUNT = frozenset("0123456789一二三四五六七八九十百千万第这些前后上")
#: 高三、初二: a school grade (but 提高三项、升高两个 are counts).
_GRADE_RE = re.compile(r"(?:^|[^提抬升增拔最])[高初]$")


@dataclass(slots=True)
class Items:
    count: int
    first: str
    last: str
    where: str  # place of the first and last item, in words


def _items_from_run(run: list[Marker]) -> Items:
    return Items(len(run), run[0].text, run[-1].text, f"{_place(run[0])}至{_place(run[-1])}")


def _items_inline(block: Block, after: int, runs_by_start: dict[tuple[int, int], list[Marker]], mks: list[Marker]):
    """The run that starts at the first marker after ``after`` in the same block, if it starts soon."""
    for mk in mks:
        if mk.start < after:
            continue
        between = block.text[after : mk.start]
        if len(between) > 40 or sum(between.count(c) for c in _SENTENCE_END) > 1:
            return None
        if mk.value != 1:
            return None
        return runs_by_start.get((id(mk.block), mk.start))
    return None


def _items_headings(doc: Document, index: int) -> Items | None:
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


def _items_colon(block: Block, after: int) -> Items | None:
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


def _items_before(block: Block, start: int) -> Items | None:
    """“抓好政治、思想、组织三个方面” — a 、 list right before the count."""
    m = _BEFORE_LIST_RE.search(block.text, max(0, start - 80), start)  # a match is at most 80 long
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
    “从三个方面”“以下四点”“五项措施”之后列出的项数应与所称数目一致。列出的项可以是紧随其后的
    “一是、二是……”“第一、第二……”“首先……”，冒号后以分号分隔的各项，紧接的几段编号小标题
    （一、（一）1.），或写在数目之前、以顿号分隔的各项（“政治、思想、组织三个方面”）。
    引号和书名号里的数目（“五个一批”）是固定提法，不在此列；“这三个方面”“以上四点”指前文，
    也不核对。
    原因：
    增删内容后忘记改总述的数目，是综述和讲话稿最常见的硬伤之一。
    错误示例：
    今年重点抓好三个方面工作。一是加强政治建设，二是加强组织建设，三是加强作风建设，四是加强纪律建设。
    总书记的要求概括起来就是两点：坚定理想信念；坚持实事求是；勇于担当作为。
    牢牢抓住政治、思想、组织、作风三个方面。
    正确示例：
    今年重点抓好四个方面工作。一是加强政治建设，二是加强组织建设，三是加强作风建设，四是加强纪律建设。
    总书记的要求概括起来就是三点：坚定理想信念；坚持实事求是；勇于担当作为。
    牢牢抓住政治、思想、组织三个方面。
    依据：
    公文写作常规：总述与分述一致。
    """
    quick = _count_quick_re()
    if not quick.search(block_text(doc, ctx.cache)):
        return
    markers = _block_markers(doc, ctx)
    runs = _runs(doc, markers)
    runs_by_start = {(id(r[0].block), r[0].start): r for r in runs}
    pattern = _count_re()
    for index, block in enumerate(doc.blocks):
        if block.kind not in _PROSE:
            continue
        text = block.text
        if not _COUNT_DIGIT_RE.search(text) or not quick.search(text):
            continue
        quoted: list[tuple[int, int]] | None = None
        for m in pattern.finditer(text):
            if m.start() and text[m.start() - 1] in _NOT_BEFORE_COUNT:
                continue
            if _GRADE_RE.search(text, max(0, m.start() - 2), m.start()):
                continue  # 高三重点：一是…… — a school grade, not a count
            stated, lead = _count_value(m, text)
            if stated is None or stated < 2:
                continue
            if quoted is None:
                quoted = quoted_spans(text)
            if inside(quoted, m.start(), m.end()):
                continue
            items = _find_items(doc, index, block, m, lead, markers, runs_by_start, stated)
            if items is None or items.count == stated:
                continue
            phrase = m.group(0)
            span_start = m.start()
            msg = f"前文称“{phrase}”，实际列出{_cn_count(items.count)}项：{items.first}……{items.last}（{items.where}）"
            yield ctx.emit("E201", block, span_start, m.end(), msg)


def _find_items(doc, index, block, m, lead, markers, runs_by_start, stated: int) -> Items | None:
    text = block.text
    after = m.end()
    run = _items_inline(block, after, runs_by_start, markers[index])
    if run is not None:
        return _items_from_run(run)
    colon = _items_colon(block, after)
    if colon is not None:
        return colon
    if m.group("noun"):
        before = _items_before(block, m.start())
        if before is not None:
            return before
    rest = text[after:]
    # The count closes its paragraph: the items are the next paragraphs.
    if (
        sum(rest.count(c) for c in _SENTENCE_END) <= 1
        and len(rest) <= 30
        and rest.rstrip()[-1:] in ("：", ":", "。", "")
    ):
        nxt = next((i for i in range(index + 1, len(doc.blocks)) if doc.blocks[i].kind is not BlockKind.CHROME), None)
        if nxt is None:
            return None
        mks = markers[nxt]
        if mks and mks[0].start <= 2 and mks[0].value == 1:
            run = runs_by_start.get((id(mks[0].block), mks[0].start))
            if run:
                items = _items_from_run(run)
                # Fewer paragraphs than stated: the later items may stand after paragraphs of
                # detail under the first ones (一是…… then three paragraphs, then 二是……).
                return items if items.count > stated else None
        if lead or text.rstrip()[-1:] in ("：", ":") or _LEAD_BEFORE_RE.search(text, max(0, m.start() - 4), m.start()):
            return _items_headings(doc, index)
    return None


_LEAD_BEFORE_RE = re.compile(r"(?:以下|如下|下面|下列|从|抓好|做好|围绕|突出|重点|主要|讲|谈|汇报|交流|强调)$")


# --- E203 分别 with two lists of different lengths ------------------------------------------------

_NUMTOK = (
    r"(?:约)?\d+(?:\.\d+)?(?:万亿|亿|万)?(?:%|个百分点|[^\d、和及与，。；,;：:（）()]{0,3})(?:左右|以上|以下|上下)?"
)
_RESPECTIVELY_RE = lazy(
    r"(?P<before>[^，。；：,;:“”（）()]{2,60})分别"
    r"(?P<verb>(?:同比|比上年|较上年)?(?:为|是|达|达到|增长|下降|提高|降低|减少|增加|占|完成|提升到|提高到|上升到|下降到|降至|升至)?了?)"
    rf"(?P<values>{_NUMTOK}(?:[、和及与]{_NUMTOK})+)(?![\d.])"
)
#: Items before 分别 are split at 、; the last may be joined by 和/与/以及 (not a bare 及, which
#: is part of 普及率, 涉及).  A list without any 、 is not checked: 和 inside a name
#: (软件和信息技术服务业) cannot be told from 和 between names.
_LIST_SPLIT_RE = re.compile(r"、")
_LAST_JOIN_RE = re.compile(r"以及|和|与")


@rule("E203", "respectively-mismatch", "warning", "“分别”前后所列项数不一致")
def respectively_mismatch(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    “A、B、C分别增长5%、8%”中，“分别”前列了三项，后面只有两个数，必有一处漏写或多写。本规则
    只在“分别”前面用顿号（最后一项可用“和”“与”“以及”）列出两项以上、后面紧跟两个以上数字时
    核对；只用“和”连接的两项不核对（“软件和信息技术服务业”中的“和”不是并列项之间的连词）。
    原因：
    增删指标后没有同步修改数据，是统计数据表述的常见硬伤。
    错误示例：
    全区一般公共预算收入、税收收入和非税收入分别增长5.2%、8.1%。
    正确示例：
    全区一般公共预算收入、税收收入和非税收入分别增长5.2%、8.1%和2.3%。
    农村供电可靠率、自来水普及率分别达99.9%、94.5%。
    信息传输、租赁和商务服务业增加值分别增长18.6%、13.4%。
    一产、二产、三产增加值分别增长5%左右、5%以上、5%左右。
    依据：
    公文写作常规：“分别”前后一一对应。
    """
    for block in doc.blocks:
        if block.kind not in _PROSE or "分别" not in block.text:
            continue
        text = block.text
        quoted: list[tuple[int, int]] | None = None
        for m in _RESPECTIVELY_RE.finditer(text):
            before = m.group("before")
            if "、" not in before:
                continue
            names = [p for p in _LIST_SPLIT_RE.split(before) if p]
            readings = {len(names)}
            if names:
                # "A、B和C": the last item may hold the final conjunction — or be one name with 和
                # in it (租赁和商务服务业): both readings count, report only when neither fits.
                tail = _LAST_JOIN_RE.split(names[-1])
                # The last part may carry the head noun all items share (……和城市物流配送新能源汽车数量).
                if len(tail) == 2 and 1 < len(tail[0]) <= 12 and 1 < len(tail[1]) <= 20:
                    names[-1:] = tail
                    # A two-character head (租赁和…服务业, 软件和…服务业) is how statistical
                    # category names read; a longer one (税收收入和非税收入) is a second item.
                    readings = {len(names)} if len(tail[0]) >= 3 else readings | {len(names)}
            values = [v for v in re.split(r"(?<=[^\d.])[、和及与](?=约?\d)", m.group("values")) if v]
            if len(names) < 2 or len(values) < 2 or len(values) in readings:
                continue
            if any(len(p) > 20 for p in names):
                continue
            if quoted is None:
                quoted = quoted_spans(text)
            if inside(quoted, m.start(), m.end()):
                continue
            msg = (
                f"“分别”前列出{_cn_count(len(names))}项（{'、'.join(names)}），"
                f"后面有{_cn_count(len(values))}个数（{'、'.join(values)}），不能一一对应"
            )
            yield ctx.emit("E203", block, m.start("values"), m.end("values"), msg)
