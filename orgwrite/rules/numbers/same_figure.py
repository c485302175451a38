"""N110: the same statistic stated twice with different values."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from orgwrite import lazyre
from orgwrite.model import Block, BlockKind, Document, Finding
from orgwrite.numerals import DIGIT_LEAD, DIGIT_RANGES, inside, number_data
from orgwrite.rules.base import Context, rule
from orgwrite.rules.chars import block_starts, block_text
from orgwrite.rules.numbers.common import (
    _MAGNITUDE,
    _NUM,
    _PROSE,
    _after,
    _protected,
    _protected_statements,
)

# --- N110 the same figure stated with two values -----------------------------------------------


@cache
def _figure_re() -> re.Pattern[str]:
    units = "|".join(re.escape(u) for u in sorted(number_data()["range_units"], key=len, reverse=True))
    return lazyre.compile(rf"(?P<num>{_NUM})(?P<mag>万亿|亿|万)?(?P<post>余|多)?(?P<unit>{units})(?P<tail>左右|以上)?")


@cache
def _statement_figure_re() -> re.Pattern[str]:
    """_figure_re() less the matches right after a digit or a point, which statements() drops.

    finditer never starts an original match right after a digit (the match would have begun
    one digit earlier), and every place inside a dropped match is after a digit or a point or
    cannot start a number: so the matches are the same, less the dropped ones.  The look-behind
    comes after the first digit, so the scan still starts from digits only, and the first
    digit is :data:`DIGIT_LEAD` (the same character, found faster: the scan over the whole
    text is a third of the rule's time).
    """
    plain = _figure_re().pattern
    pattern = plain.replace("(?P<num>\\d+", f"(?P<num>{DIGIT_LEAD}(?<![\\d.]\\d)\\d*", 1)
    return lazyre.compile(pattern) if pattern != plain else _figure_re()


#: A clause that speaks of a time or a change may give a different value for a different moment.
_TIME_WORDS = (
    "年|月|日|今年|去年|期间|以来|目前|当前|现在|截至|截止|同比|比上|较上|增长|下降|新增|减少|提高|降低|预计|力争|计划|目标|其中|分别|每"
).split("|")


def _seen_re(words: list[str], digits: bool) -> re.Pattern[str]:
    """A pattern whose ``search`` finds something in a range exactly when one of ``words`` (or,
    with ``digits``, a digit) is there; only whether it finds one is meant, not where.

    The alternation of the words has no first character the engine can scan for, so a search
    tries every word at every place; this one is led by a class of their first characters (and
    of :data:`DIGIT_RANGES`), scanned a bitmap test per character, and checks the rest of a
    word only there: a word occurs before the range's end exactly when its first character
    does, followed by the rest.
    """
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(word[1:])
    alone = "".join(f for f, r in rests.items() if "" in r)
    firsts = "".join(rests)
    lead = DIGIT_RANGES + firsts if digits else firsts
    digit = r"\d" if digits else ""
    tests = [f"(?<=[{digit}{alone}])"]
    tests += [f"(?<={f})(?:{'|'.join(r for r in rs if r)})" for f, rs in rests.items() if any(rs)]
    return lazyre.compile(f"[{lead}](?:{'|'.join(tests)})")


_TIME_RE = _seen_re(_TIME_WORDS, digits=False)
#: A digit or a time word: the searches of _DIGIT_RE and _TIME_RE in one.
_DIGIT_OR_TIME_RE = _seen_re(_TIME_WORDS, digits=True)
_LEAD_RE = lazyre.compile(r"^(?:共|累计|全年|先后|已|共有|现有|合计|总计)+")
_CLAUSE_RE = lazyre.compile(r"[^，。；！？：,;:!?、（）()“”《》\d\s]{8,40}$")
#: The characters _CLAUSE_RE stops at; the last one in a range and the last sentence end in
#: a range (a greedy ``.*`` backs up from the end of the range: C speed, no list per block).
_CLAUSE_STOP_RE = lazyre.compile(r"[，。；！？：,;:!?、（）()“”《》\d\s]")
_LAST_STOP_RE = lazyre.compile(r"(?s:.*)[，。；！？：,;:!?、（）()“”《》\d\s]")
_LAST_END_RE = lazyre.compile(r"(?s:.*)[。；！？]")


def _clause_before(text: str, begin: int) -> tuple[int, int] | None:
    """The span ``_CLAUSE_RE.search(text, max(0, begin - 60), begin)`` would match.

    The regex tries each of 60 starting places and scans up to 40 characters from each, for
    every figure.  The match is the run of non-stop characters that ends at ``begin``, cut
    to its last 40 characters, when it has at least 8: found from the last stop character.
    """
    if begin and text[begin - 1] == "\n":
        c = _CLAUSE_RE.search(text, max(0, begin - 60), begin)  # "$" may match before a newline
        return c.span() if c else None
    if begin < 8 or _CLAUSE_STOP_RE.search(text, begin - 8, begin):
        return None
    low = max(0, begin - 40)
    last = _LAST_STOP_RE.match(text, low, begin - 8)
    return (last.end() if last else low), begin


#: A sentence that begins with the moment it speaks of: 截至2023年底，…… / 2023年，…… /
#: 统计数据显示，截至2017年底，…….
_MOMENT_RE = lazyre.compile(
    r"(?:[^，。；：,;:\d]{1,20}[，,：:])?(?:仅|在|于)?(?P<at>)(?:截至|截止到|截止)?(?P<y>\d{4})年(?:(?P<m>\d{1,2})月)?(?:(?P<d>\d{1,2})日)?"
    r"(?P<part>底|末|年底|年末|上半年|下半年|前三季度|[一二三四]季度)?(?:以来)?[，,]?"
)
#: The sentence states a target or a forecast, or the clause a change: not the same statistic.
_TARGET_RE = lazyre.compile(
    r"力争|目标|预计|计划|争取|确保|预期|规划|拟|(?:将|要)(?:达到|实现|新增|建成|突破|完成|超过)"
)
#: Another moment after the first (……，到2025年……): the figure may be of that moment.
_OTHER_MOMENT_RE = lazyre.compile(r"\d{4}年|今年|去年|明年|以来|目前|当前|届时|今后|未来")


def _dated_clause(
    text: str, sentence_start: int, begin: int
) -> tuple[tuple[str, tuple[str, str, str, str]], str] | None:
    """(the moment, the clause) of a figure in a sentence that begins with its moment.

    “截至2023年底，全市共有党员12.3万名” gives
    (("截至2023年底", ("2023", "", "", "底")), "全市共有党员"):
    the same words at the same moment must carry the same value; at another moment (2022年底,
    2023年, 上半年) or in a target (力争、预计) it may differ.
    """
    m = _MOMENT_RE.match(text, sentence_start, begin)
    if m is None:
        return None
    rest_start = m.end()
    if "以来" in m.group(0) or _TARGET_RE.search(text, sentence_start, begin):
        return None
    # The whole sentence after the moment up to the figure: a later clause (“，基层党组织”)
    # keeps the subject and the figures before it, so two towns' sentences never meet.
    clause = text[rest_start:begin]
    if len(clause) < 4 or _OTHER_MOMENT_RE.search(clause):
        return None
    part = {"末": "底", "年末": "底", "年底": "底"}.get(m.group("part") or "", m.group("part") or "")
    shown = text[m.start("at") : m.end()].rstrip("，,")
    return (shown, (m.group("y"), m.group("m") or "", m.group("d") or "", part)), clause


def _rounded(span: tuple[float, float], m: re.Match[str]) -> tuple[float, float]:
    """``span`` widened by half a step of the last digit written before 万 or 亿: 12.3万
    stands for anything from 122500 to 123500, so 123456名 says the same."""
    if not m.group("mag"):
        return span
    digits = m.group("num")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    # Just under half a step, so neighbouring values (4.6万, 4.7万) do not touch.
    half = 0.499 * 10**-decimals * _MAGNITUDE[m.group("mag")]
    return span[0] - half, span[1] + half


_PRE_RE = lazyre.compile(r"(?:大约|约有|约|将近|接近|近|超过|逾)$")
#: _PRE_RE ends in one of these (or "$" matches before a newline): without one right before
#: a figure, no approximation word stands before it, and its clause ends at the figure.
_PRE_LAST = "约有近过逾\n"


def _interval(value: float, m: re.Match[str], pre: str | None) -> tuple[float, float]:
    post, tail = m.group("post"), m.group("tail")
    if post or pre in ("超过", "逾") or tail == "以上":
        digits = m.group("num")
        if "." in digits:
            step = 10 ** -len(digits.split(".")[1])
        else:
            step = 10 ** (len(digits) - len(digits.rstrip("0")))
        return value, value + step * _MAGNITUDE[m.group("mag")]
    if pre in ("近", "将近", "接近"):
        return value * 0.8, value
    if pre or tail == "左右":
        return value * 0.85, value * 1.15
    return value, value


def _sections(doc: Document) -> dict[int, int]:
    """Block id → number of the top-level part it stands in.

    A report reviews last year in one part and sets this year's targets in another, where
    the same words (新建改造高标准农田) carry a new figure: figures are compared within a part.
    Parts begin at a level-one heading (一、) or an unnumbered heading.
    """
    out: dict[int, int] = {}
    part = 0
    for block in doc.blocks:
        if block.kind is BlockKind.HEADING and block.level in (0, 1):
            part += 1
        out[id(block)] = part
    return out


@rule("N110", "figure-mismatch", "warning", "同一指标在文中前后数值不一致")
def figure_mismatch(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    同一句话（主语和谓语完全相同）在文中两次给出不同的数：“全省共选派第一书记1.2万人”与
    “全省共选派第一书记12300人”。“3万余”“近3万”“约3万”按概数的范围比较，不算矛盾。只在
    两处说法一字不差、且不含年份、“今年”“增长”“新增”“目标”等可能指不同时间或口径的词时报告；
    只比较同一部分（一级标题或无编号小标题之下）内的说法，因为报告的回顾部分和任务部分常用同样
    的话说去年的实绩和今年的目标。句子以时点开头（“截至2023年底，”“2023年，”）时，时点完全
    相同、说法相同的两处也要一致（“年底”“年末”视为同一时点，“12.3万名”与“123456名”视为一致）；
    时点不同或一处是目标、预计（到2025年、力争）时不报告。
    原因：
    同一数据前后不一，是综述、报告最容易被挑出的硬伤。
    错误示例：
    全省共选派驻村第一书记1.2万人，实现全覆盖。\n在抓党建促乡村振兴中，全省共选派驻村第一书记12300人。
    截至2023年底，全市共有党员12.3万名。\n截至2023年底，全市共有党员12.8万名。
    正确示例：
    全省共选派驻村第一书记1.2万人，实现全覆盖。\n在抓党建促乡村振兴中，全省共选派驻村第一书记1.2万人。
    截至2023年底，全市共有党员12.3万名。\n截至2022年底，全市共有党员12.8万名。
    依据：
    公文写作常规：同一数据全文一致。
    """
    seen: dict[tuple, Statement] = {}
    for st in statements(doc, ctx):
        first = seen.get(st.key)
        if first is None:
            seen[st.key] = st
            continue
        if st.span[0] <= first.span[1] and first.span[0] <= st.span[1]:
            continue
        line, _ = first.block.locate(first.begin)
        yield ctx.emit(
            "N110",
            st.block,
            st.begin,
            st.end,
            f"“{st.said}”此处为“{st.figure}”，第{line}行为“{first.figure}”，前后不一致，请核对",
        )


class Statement(NamedTuple):
    """One figure with what it says: the key two statements must share to be the same statistic,
    its value range (概数 widened, 万 rounded), and where it stands.

    A named tuple, not a frozen dataclass: N110 and ``orgwrite compare`` only read its
    fields, and the class costs far less to create when a process starts."""

    block: Block
    begin: int
    end: int
    key: tuple
    span: tuple[float, float]
    said: str
    dated: bool

    @property
    def figure(self) -> str:
        return self.block.text[self.begin : self.end]


#: The last ASCII sentence end in a range (greedy: C speed); collected texts may end a
#: sentence with an ASCII ; ! or ?.
_LAST_ASCII_END_RE = lazyre.compile(r"(?s:.*)[;!?]")
#: The next end of a sentence (_LAST_END_RE's class), and of a part of one (with ASCII ends).
_PART_END_RE = lazyre.compile(r"[。；！？]")
_PART_END_ASCII_RE = lazyre.compile(r"[。；！？;!?]")


class _FigureScan:
    """The figures of a document in order, as (block index, offset in the block): one search
    over the whole text, which the reader may send on past the rest of a sentence or a block.

    No class of the pattern holds a newline and its look-behind sees only the character
    before the first digit (a newline at a block's start, as nothing would): so the matches
    over the whole text are those of every block, and ``pattern.match`` at an offset gives
    the match a search of the block gives there.  A match never starts inside another (it
    starts at a digit after no digit or point, and holds no digit after its number), so a
    search from any place finds the next match finditer would give."""

    def __init__(self, doc: Document, ctx: Context, pattern: re.Pattern[str]) -> None:
        self.text = block_text(doc, ctx.cache)
        self.starts = block_starts(doc, ctx.cache)
        self.search = pattern.search
        self.pos = self.low = self.high = 0

    def __iter__(self) -> Iterator[tuple[int, int]]:
        text, starts, search = self.text, self.starts, self.search
        last = len(starts) - 1
        i = -1
        while (m := search(text, self.pos)) is not None:
            at = m.start()
            if at >= self.high:
                i = bisect_right(starts, at) - 1
                self.low = starts[i]
                self.high = starts[i + 1] if i < last else len(text) + 1
            self.pos = m.end()
            yield i, at - self.low

    def skip_to(self, offset: int) -> None:
        """Go on from ``offset`` of the current block (its length + 1: the next block)."""
        self.pos = max(self.pos, self.low + offset)


def statements(doc: Document, ctx: Context) -> Iterator[Statement]:
    """Every figure of ``doc`` that states a statistic, in order (N110 and ``orgwrite compare``)."""
    pattern = _statement_figure_re()
    section: dict[int, int] | None = None
    blocks = doc.blocks
    scan = _FigureScan(doc, ctx, pattern)
    current = -1
    for i, start in scan:
        if i != current:
            current = i
            block = blocks[i]
            text = block.text
            if block.kind not in _PROSE:
                scan.skip_to(len(text) + 1)
                continue
            moments: dict[int, bool] = {}
            ascii_ends = ";" in text or "!" in text or "?" in text
            ends = _PART_END_ASCII_RE if ascii_ends else _PART_END_RE
            sentence_start = scanned = 0
        if start and text[start - 1] in "0123456789.":
            continue
        # The offset after the last sentence end before the figure (0 when none): the
        # last one after the previous figure, else the one found for it.
        last_end = _LAST_END_RE.match(text, scanned, start)
        if last_end:
            sentence_start = last_end.end()
        scanned = start
        # The part of the sentence begins after the last ASCII end in it, if any (an
        # approximation word before the figure holds none).
        last_ascii = _LAST_ASCII_END_RE.match(text, sentence_start, start) if ascii_ends else None
        part_start = last_ascii.end() if last_ascii else sentence_start
        # A part that opens with its moment (memoized per block): else _dated_clause is None.
        # Every match of _MOMENT_RE has its 年 within its first 30 characters.
        opens = moments.get(part_start)
        if opens is None:
            opens = moments[part_start] = (
                text.find("年", part_start, part_start + 30) >= 0 and _MOMENT_RE.match(text, part_start) is not None
            )
        if not opens:
            # Every later figure before the next end of a sentence or of a part has this
            # figure's digits before it in the same sentence and the same part (which does
            # not open with its moment): the test below drops it, so the scan passes it by.
            e = ends.search(text, start)
            scan.skip_to(e.end() if e else len(text) + 1)
            if start < 8 or (text[start - 1] not in _PRE_LAST and _CLAUSE_STOP_RE.search(text, start - 8, start)):
                continue  # no approximation word before it, and _clause_before(start) is None
            if _DIGIT_OR_TIME_RE.search(text, sentence_start, start):
                continue  # undated, with a digit or a time word before it in its sentence: dropped below
        m = pattern.match(text, start)
        p = _PRE_RE.search(text, max(0, start - 2), start) if _after(text, start, _PRE_LAST) else None
        pre = p.group(0) if p else None
        begin = p.start() if p else start
        dated = _dated_clause(text, part_start, begin) if opens else None
        if dated is not None:
            (shown_moment, moment), clause = dated
            key: tuple = (moment, clause, m.group("unit"))
            said = f"{shown_moment}，{clause}"
        else:
            c = _clause_before(text, begin)
            if c is None:
                continue
            clause = _LEAD_RE.sub("", text[c[0] : c[1]])
            if len(clause) < 8 or _TIME_RE.search(clause):
                continue
            if opens and _DIGIT_OR_TIME_RE.search(text, sentence_start, start):
                continue  # (an undated part that does not open with its moment passed this above)
            if section is None:
                section = _sections(doc)
            key = (clause, m.group("unit"), section[id(block)])
            said = clause
        if inside(_protected_statements(ctx, block) if dated is not None else _protected(ctx, block), m.start("num")):
            continue
        value = float(m.group("num")) * _MAGNITUDE[m.group("mag")]
        span = _interval(value, m, pre)
        if dated is not None:
            span = _rounded(span, m)
        yield Statement(block, begin, m.end(), key, span, said, dated is not None)
