"""Dated wording (rule family T): superseded wording for the text's date, and anachronisms.

The text's date comes from ``--as-of``, the configuration, Markdown front matter or the text
itself (:mod:`orgwrite.asof`).  A date known only by its year is judged as the whole year
(:func:`orgwrite.asof.bounds`), so these rules stay silent when the day matters but is unknown.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Iterator
from datetime import date
from functools import cache

from orgwrite import lazyre
from orgwrite.asof import LOWER_BOUND_MARK, YEAR_MARK, bounds
from orgwrite.lexicon import cite, context_lexicon, role_hits
from orgwrite.model import Document, Finding
from orgwrite.rules.base import Context, rule
from orgwrite.rules.dated_hits import dated_texts, hits_with_text


def _cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _interval(doc: Document, ctx: Context) -> tuple[date, date] | None:
    return bounds(ctx.as_of, doc.meta.as_of_source)


def _when(doc: Document, ctx: Context) -> str:
    """“为2023年3月1日”, “为2023年” or “不早于2022年10月16日”: the text's date as the user should read it."""
    if not ctx.as_of:
        return ""
    source = doc.meta.as_of_source or ""
    when = f"{ctx.as_of.year}年" if YEAR_MARK in source else _cn_date(ctx.as_of)
    return f"不早于{when}" if LOWER_BOUND_MARK in source else f"为{when}"


@rule("T101", "superseded-wording", "warning", "按文本日期已被新提法取代的表述", fix="unsafe")
def superseded_wording(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    某些提法在某日之后被新提法取代（三个自信 → 四个自信，自2016年7月1日起）。文本日期在
    取代日期之后时报告并给出新提法；文本日期之前的文稿用旧提法是正确的，不报告。无法确定
    文本日期时不检查（可用 --as-of 指定）。
    原因：
    沿用旧提法是文稿“过时”的最明显标志，也是审稿必查的内容。
    错误示例：
    2024年1月8日\n进一步坚定“三个自信”。\n2024年1月8日
    正确示例：
    2015年1月16日\n进一步坚定“三个自信”。\n2015年1月16日
    依据：
    各条目记载的变更及出处（orgwrite lexicon list --kind dated）。
    """
    span = _interval(doc, ctx)
    if span is None:
        return
    lo, _hi = span
    lex = context_lexicon(ctx)
    # The hits in which an entry plays "dated", in the order of the hits and of their roles:
    # the word rules ask for the same index of the document's hits by role.
    for block, h, e in role_hits(doc, ctx, "dated"):
        if lo < e.get("until") or not lex.context_ok(e, block.text, h.start, h.end):
            continue
        yield ctx.emit(
            "T101",
            block,
            h.start,
            h.end,
            f"{e.get('change')}；本文日期{_when(doc, ctx)}，应为“{e.get('replacement')}”",
            e.get("replacement"),
            severity=e.severity,
        )


@rule("T102", "superseded-member", "warning", "按文本日期已变更的列举成员", fix="unsafe")
def superseded_member(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    有的数字概括在某日后更换了成员：“四个全面”的第一项自2020年10月29日起为“全面建设社会主义
    现代化国家”。文本日期在变更之后、列举中仍用旧成员时报告。
    原因：
    成员随中央提法更新，列举中的旧成员说明文稿沿用了过时的材料。
    错误示例：
    2023年5月6日\n协调推进“四个全面”战略布局，即全面建成小康社会、全面深化改革、全面依法治国、全面从严治党。
    正确示例：
    2018年5月6日\n协调推进“四个全面”战略布局，即全面建成小康社会、全面深化改革、全面依法治国、全面从严治党。
    依据：
    党的十九届五中全会公报（2020年10月29日）；lexicon-facts A7。
    """
    span = _interval(doc, ctx)
    if span is None:
        return
    lo, _hi = span
    from orgwrite.rules.enumerations.chains import block_chains

    for block, chains in block_chains(doc, ctx):
        for c in chains:
            old = [it for it in c.items if it.old_until is not None and lo >= it.old_until]
            if not old or (len(c.known) < 3 and not (c.anchor and c.anchor[2] is c.entry)):
                continue
            members = c.entry.get("members")
            for it in old:
                right = members[it.index]
                yield ctx.emit(
                    "T102",
                    block,
                    it.member_start,
                    it.end,
                    f"自{_cn_date(it.old_until)}起“{c.entry.get('abbr')}”的这一项为“{right}”；"
                    f"本文日期{_when(doc, ctx)}（{cite(c.entry)}）",
                    right,
                )


@rule("T103", "anachronism", "warning", "文本日期之前尚未出现的提法")
def anachronism(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    文本日期早于某一提法首次出现的日期时报告（如2015年的文稿写“四个自信”“两个确立”），多半是
    文本日期推断有误、或文稿被后来改写过，值得核对。仅检查词库中标明了起始日期的提法。
    原因：
    时间错位的提法会让人怀疑整篇文稿的真实性和严谨性。
    错误示例：
    2015年1月16日\n进一步坚定“四个自信”。\n2015年1月16日
    正确示例：
    2017年1月16日\n进一步坚定“四个自信”。\n2017年1月16日
    依据：
    各条目记载的首次提出日期（orgwrite lexicon show 编号）。
    """
    span = _interval(doc, ctx)
    if span is None:
        return
    _lo, hi = span
    texts = dated_texts(ctx)
    if texts.latest_since is None or hi >= texts.latest_since:
        return  # no entry's first date lies after the text's latest possible date
    lex = context_lexicon(ctx)
    current = None
    reported: set[tuple[int, int]] = set()  # per block
    for block, h in hits_with_text(doc, ctx, texts.first_dated):
        if block is not current:
            current, reported = block, set()
        for role, eid, _ in h.roles:
            e = lex.entries[eid]
            since = None
            if role == "dated_new" and e.get("anachronism"):
                since = e.get("replacement_since") or e.get("until")
            elif (role == "abbr" and e.kind == "enumeration") or (
                role == "guard" and e.kind == "formulation" and h.text == e.get("canonical")
            ):
                since = e.get("since")
            if since is None or hi >= since or (h.start, h.end) in reported:
                continue
            reported.add((h.start, h.end))
            yield ctx.emit(
                "T103",
                block,
                h.start,
                h.end,
                f"“{h.text}”自{_cn_date(since)}起才使用，早于本文日期{_when(doc, ctx).removeprefix('为')}（{cite(e)}）；"
                "请核对文本日期或提法",
            )


_STUDY_BEFORE_RE = lazyre.compile(r"(?:学习|贯彻|落实|领会|宣传|宣讲|践行|把|按照|以)[^，,。；;！？：:]{0,10}$")
#: After the congress: the plenums joined to it, then another meeting's 精神 (以及中央经济工作会议精神).
_SPIRIT_AFTER_RE = lazyre.compile(r"(?:[和、][^，,。；;、]{0,16}全会)?(?:(?:以及|和|、|及)[^，,。；;]{0,12}会议)?精神")
_SERIES_RE = lazyre.compile(r"(?P<session>[一二三四五六七八九十]{2,3})届历次全会")
_SERIES_SPIRIT_RE = lazyre.compile(r"(?:(?:以及|和|、|及)[^，,。；;]{0,12}会议)?精神")
_CN = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
#: A look back: a span of years (五年来, 过去五年), an earlier year, a past congress or plenum, 当时.
#: 今年以来, 过去一年 and 2023年以来 look back over the last months only.
_HISTORY_RE = lazyre.compile(
    r"(?P<year>(?:19|20)\d{2})年|(?P<span>[两三四五六七八九十])年(?:来|间|以来)|(?:过去|这|近)(?P<span2>[两三四五六七八九十])年|"
    r"(?:十[六七八九]|二十)(?:大|届[一二三四五六七八九]中全会)以来|(?:党代会|换届|上届|本届)以来|"
    r"当时|那时|曾经|时任|回顾|历届|先后"
)
_SENTENCE_END = "。！？；;!?\n"


def _context(text: str, start: int) -> str:
    """The paragraph's first sentence and the sentence of the mention up to it: where a look back is told."""
    lo = max(text.rfind(c, 0, start) for c in _SENTENCE_END) + 1
    first = [i for i in (text.find(c) for c in _SENTENCE_END) if 0 <= i < lo]
    return (text[: min(first)] + "。" if first else "") + text[lo:start]


def _history(context: str, successor, as_of: date, *, named: bool = True) -> bool:
    """A passage that tells the past (五年来……深入学习贯彻党的十九大精神) keeps the old congress.

    A span of years counts when most of it lies before the next congress: “过去五年” in a report of
    2023 looks back on the old congress's years, in a report of 2026 mostly on the new one's.
    """
    for m in _HISTORY_RE.finditer(context):
        if m.group("year"):
            if int(m.group("year")) <= successor.date.year:
                return True
            continue
        span = m.group("span") or m.group("span2")
        if span:
            years = 2 if span == "两" else _CN[span]
            before = (successor.date - date(as_of.year - years, as_of.month, min(as_of.day, 28))).days / 365.25
            if before > years / 2:
                return True
            continue
        return True
    # 党的十八大、十九大、二十大精神: the old congress listed with the new one (not for the plenums:
    # 党的二十大和十九届历次全会精神 is the slip itself).
    return named and any(n in context for n in successor.names)


@rule(
    "T104",
    "stale-congress",
    "warning",
    "文本日期已在下一次党代会之后，仍以上一次党代会精神为当前学习贯彻的内容",
    fix="unsafe",
)
def stale_congress(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    文本日期在下一次党的全国代表大会召开之后（2022年10月16日党的二十大之后），仍写“深入学习
    贯彻党的十九大精神”，把上一次党代会的精神当作当前学习贯彻的内容时报告。回顾历史的说法
    （党的十九大以来、党的十九大报告指出、党的十九大提出、五年来深入学习贯彻党的十九大精神）
    不报告。文本无日期时，按正文提及的年份和已召开的会议推断的下限判断。
    原因：
    这是沿用旧材料最常见的痕迹：新一届党代会召开后，学习贯彻的对象是新一届党代会精神。
    错误示例：
    2023年3月1日\n全市各级党组织深入学习贯彻党的十九大精神。\n2023年3月1日
    正确示例：
    2023年3月1日\n全市各级党组织深入学习贯彻党的二十大精神，党的十九大以来的成就令人鼓舞。\n2023年3月1日
    依据：
    中国共产党第二十次全国代表大会（2022年10月16日至22日）；lexicon/events.toml。
    """
    span = _interval(doc, ctx)
    if span is None:
        return
    lo, _hi = span
    congresses = _congresses()
    successor = {a.id: b for a, b in itertools.pairwise(congresses) if lo >= b.date}
    if not successor:
        return
    sessions = {e.session: (e, successor[e.id]) for e in congresses if e.id in successor and e.session}
    for block, stale in _stale_mentions(doc, ctx, successor):
        text = block.text
        reported: list[tuple[int, int]] = []
        for m in stale:
            nxt = successor[m.event.id]
            spirit = _SPIRIT_AFTER_RE.match(text, m.end)
            if spirit is None or not _STUDY_BEFORE_RE.search(text[max(0, m.start - 12) : m.start]):
                continue
            if _history(_context(text, m.start), nxt, lo):
                continue
            name = text[m.start : m.end]
            right = nxt.names[m.event.names.index(name)] if name in m.event.names else nxt.name
            plain = spirit.end() - m.end == len("精神")
            reported.append((m.start, spirit.end()))
            yield ctx.emit(
                "T104",
                block,
                m.start,
                spirit.end(),
                f"本文日期{_when(doc, ctx)}，已在{nxt.name}（{_cn_date(nxt.date)}）之后，当前学习贯彻的应是"
                f"“{nxt.name}精神”，不是“{text[m.start : spirit.end()]}”",
                f"{right}精神" if plain else None,
            )
        for m in _SERIES_RE.finditer(text) if "历次全会" in text else ():
            old_new = sessions.get(m.group("session") + "届")
            if old_new is None or not _SERIES_SPIRIT_RE.match(text, m.end()):
                continue
            if any(a <= m.start() < b for a, b in reported):
                continue  # inside the stale congress already reported
            if not _STUDY_BEFORE_RE.search(text[max(0, m.start() - 16) : m.start()]):
                continue
            _old, nxt = old_new
            if _history(_context(text, m.start()), nxt, lo, named=False):
                continue
            yield ctx.emit(
                "T104",
                block,
                m.start(),
                m.end(),
                f"本文日期{_when(doc, ctx)}，已在{nxt.name}（{_cn_date(nxt.date)}）之后，当前学习贯彻的是"
                f"“{nxt.session}历次全会精神”，不是“{m.group()}精神”",
                f"{nxt.session}历次全会",
            )


@cache
def _congresses() -> list:
    """The shipped congresses, in order of date."""
    from orgwrite.events import shipped_events

    return sorted((e for e in shipped_events() if e.kind == "congress"), key=lambda e: e.date)


def _stale_mentions(doc: Document, ctx: Context, successor: dict) -> Iterator[tuple]:
    """(block, mentions of a congress that has a successor) of each block that may hold a finding.

    A finding needs 精神 after the congress (:data:`_SPIRIT_AFTER_RE`) or after 历次全会
    (:data:`_SERIES_SPIRIT_RE`), so only the blocks that hold 精神 are read (found in the
    document's whole text), and mentions of a congress that has no successor are passed over;
    a block with 历次全会 comes even without such a mention.  The mentions are those of the
    one scan of the whole text for event names when the as-of step made it
    (:attr:`orgwrite.event_names.DocumentText.events`), else of one scan of those blocks for
    congresses (:func:`orgwrite.events.mentions_by_text`): no name holds a line break and the
    break before a block is not an ordinal, so each block's mentions are its own either way,
    and among the names of every event those of a congress are the ones a scan for
    congresses alone finds.
    """
    from orgwrite.event_names import document_text
    from orgwrite.events import Mention, mentions_by_text

    whole = document_text(doc, ctx.cache)
    spirit = whole.blocks_with("精神")
    if not spirit:
        return
    blocks = doc.blocks
    if whole.scanned:
        starts = whole.starts
        found: dict[int, list[Mention]] = {}  # block index → its mentions, in order
        for event, start, end in whole.events:
            if event.id in successor:  # successor holds congresses only
                i = bisect_right(starts, start) - 1
                at = start - starts[i]
                found.setdefault(i, []).append(Mention(event, at, at + end - start))
        stale = [found.get(i, []) for i in spirit]
    else:
        scanned = mentions_by_text([blocks[i].text for i in spirit], "congress")
        stale = [[m for m in ms if m.event.id in successor] for ms in scanned]
    for i, ms in zip(spirit, stale, strict=True):
        block = blocks[i]
        if ms or "历次全会" in block.text:
            yield block, ms
