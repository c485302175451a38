"""Dated events a text speaks of as past (lexicon/events.toml): a lower bound of an undated text's date.

A text that studies “党的二十大精神” or looks back “二十届三中全会以来” was written after those
meetings opened.  When nothing else dates the text, the latest such event bounds its date from
below (:func:`orgwrite.asof.infer_as_of`), and the dated rules judge it as “no earlier than” that
day.  Only mentions in a past context count: “迎接党的二十大胜利召开” speaks of the future.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from functools import cache
from typing import Any, NamedTuple

from orgwrite import lazyre
from orgwrite.errors import ConfigError
from orgwrite.event_names import Joined, NameScanner

KINDS = ("congress", "plenum", "campaign")
_FIELDS = {"id", "kind", "names", "date", "past", "session", "source", "note"}

#: After a congress or plenum name: what makes the mention one of the past.
DEFAULT_PAST = (
    r"(?:精神|以来|报告|召开以来|胜利召开以来|胜利召开后|召开后|胜利闭幕|闭幕以来|闭幕后|后|作出|提出|强调|指出|"
    r"明确|确立|描绘|绘就|绘制|擘画|部署|审议通过|通过的|修改的|确定|要求|决定|公报|开启|上(?:强调|指出|作|提出|的)|"
    r"的(?:重大|战略|决策|部署|精神|报告|胜利召开|召开))"
)
#: Before the name: a mention that looks forward (迎接党的二十大胜利召开, 党的二十大代表选举).
_FUTURE_BEFORE_RE = lazyre.compile(r"(?:迎接|喜迎|迎|筹备|献礼|向|出席|选举|选出|即将召开的|将召开的)(?:党的)?$")


class Event(NamedTuple):
    """One dated event and the patterns that find it spoken of as past.

    A named tuple, not a frozen dataclass: making one of this many fields costs some 0.5 ms in
    every process (its methods are generated and compiled), a named tuple a third of that.
    """

    id: str
    kind: str
    names: tuple[str, ...]
    date: date
    past: str
    source: str
    session: str = ""  # a congress: the 届 of the Central Committee it elects (十九届)

    @property
    def name(self) -> str:
        """The name shown to the user (the first, the full short form: 党的二十大)."""
        return self.names[0]


class Mention:
    """A name of ``event`` at [start, end) of a text.

    A plain class, not a frozen dataclass: making one costs some 0.4 ms in every process (its
    methods are generated and compiled), and a mention is only ever read.
    """

    __slots__ = ("end", "event", "start")

    def __init__(self, event: Event, start: int, end: int) -> None:
        self.event = event
        self.start = start
        self.end = end


def load_events(text: str, where: str = "events.toml") -> list[Event]:
    """Events from TOML text; a bad entry is a :class:`ConfigError` naming the file and the entry."""
    import tomllib  # the shipped events are read back from the cache folder (see _kept_events)

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}：TOML 格式错误：{exc}") from exc
    events: list[Event] = []
    seen: set[str] = set()
    for k, raw in enumerate(data.get("event", []), 1):
        label = f"{where}：第{k}个条目（{raw.get('id', '无编号')}）"
        unknown = set(raw) - _FIELDS
        if unknown:
            raise ConfigError(f"{label}：未知字段“{'、'.join(sorted(unknown))}”")
        for key in ("id", "kind", "names", "date", "source"):
            if key not in raw:
                raise ConfigError(f"{label}：缺少必填字段“{key}”")
        if raw["id"] in seen:
            raise ConfigError(f"{label}：编号重复")
        seen.add(raw["id"])
        if raw["kind"] not in KINDS:
            raise ConfigError(f"{label}：kind 应为 {'、'.join(KINDS)} 之一")
        if not isinstance(raw["date"], date):
            raise ConfigError(f"{label}：date 应为日期（如 2022-10-16）")
        names = raw["names"]
        if not names or not all(isinstance(n, str) and n for n in names):
            raise ConfigError(f"{label}：names 应为非空的字符串列表")
        past = raw.get("past", DEFAULT_PAST)
        try:
            lazyre.compile(past)
        except re.error as exc:
            raise ConfigError(f"{label}：past 不是有效的正则表达式：{exc}") from exc
        session = raw.get("session", "")
        if session and (raw["kind"] != "congress" or not re.fullmatch(r"[一二三四五六七八九十]{2,3}届", session)):
            raise ConfigError(f"{label}：session 只用于党代会，写作“十九届”")
        events.append(Event(raw["id"], raw["kind"], tuple(names), raw["date"], past, raw["source"], session))
    return events


@cache
def shipped_events() -> tuple[Event, ...]:
    """lexicon/events.toml, read once (its events kept on disk, see :func:`_kept_events`)."""
    from orgwrite.resources import data_dir

    path = data_dir("lexicon") / "events.toml"
    text = path.read_text(encoding="utf-8")
    kept = _kept_events(text)
    if kept is not None:
        return kept
    events = tuple(load_events(text, path.name))
    _keep_events(text, events)
    return events


def _events_file() -> tuple[Any, tuple]:
    """(the file the shipped events are kept in, its key: this Python and this module as it stands)."""
    return lazyre.module_keyed_file("events", __file__, ".pickle")


def _kept_events(text: str) -> tuple[Event, ...] | None:
    """The events :func:`load_events` made of ``text`` in an earlier process, or None.

    Parsing the TOML and checking every entry costs a millisecond or more in each process; the
    events are kept (in the user cache folder, beside the lexicon cache) with the very text they
    were made from, compared whole, in a file keyed by the Python build and by this module's size
    and modification time (as Python keys its compiled modules): the events read back are the
    ones this text gives.  A missing, damaged or stale file gives None.
    """
    try:
        path, key = _events_file()
        stored_key, stored_text, events = lazyre.unpickle(path.read_bytes())
    except Exception:
        return None
    if stored_key != key or stored_text != text or not isinstance(events, tuple):
        return None
    return events if all(type(e) is Event for e in events) else None


def _keep_events(text: str, events: tuple[Event, ...]) -> None:
    """Replace the file of :func:`_kept_events` atomically; an unwritable folder is passed over."""
    import pickle

    try:
        path, key = _events_file()
        data = pickle.dumps((key, text, events), pickle.HIGHEST_PROTOCOL)
    except Exception:
        return
    lazyre.replace_file(path, data)
    lazyre.prune(path, "events*.pickle")


@cache
def _matcher(events: tuple[Event, ...]) -> NameScanner[Event]:
    """The scanner of the names of ``events``, and the event each name stands for."""
    return NameScanner({n: e for e in events for n in e.names})


@cache
def _shipped_matcher() -> NameScanner[Event]:
    """:func:`_matcher` of the shipped events, without hashing the events on every call."""
    return _matcher(shipped_events())


def mentions(text: str, events: tuple[Event, ...] | None = None) -> list[Mention]:
    """Every mention of an event in ``text`` (longest name first), past or not.

    A name right after an ordinal (二十八大, 第二十届) is not a mention.
    """
    matcher = _shipped_matcher() if events is None else _matcher(events)
    return [Mention(e, start, end) for e, start, end in matcher.scan(text)]


def mentions_by_text(texts: list[str], kind: str | None = None) -> list[list[Mention]]:
    """:func:`mentions` of each of ``texts`` (of events of ``kind`` only, if given), from one scan
    of them joined (as :func:`_mentions_in`)."""
    joined = Joined.of([(text, i) for i, text in enumerate(texts)])
    found: list[list[Mention]] = [[] for _ in texts]
    scanner = _kind_matcher(kind) if kind else None
    for event, start, end in (scanner or _shipped_matcher()).scan(joined.text):
        if kind and event.kind != kind:
            continue
        _text, i, at = joined.locate(start)
        found[i].append(Mention(event, at, at + end - start))
    return found


@cache
def _kind_matcher(kind: str) -> NameScanner[Event] | None:
    """A scanner of the names of the shipped events of ``kind`` alone, when it finds what the
    scanner of all names finds of them; otherwise None.

    It does when no name of that kind overlaps a name of another kind (one inside the other, or
    the end of one the start of the other): only then can no other name take the place of one of
    them, in the scan of all names.
    """
    events = shipped_events()
    mine = {n for e in events if e.kind == kind for n in e.names}
    others = {n for e in events if e.kind != kind for n in e.names}
    if names_overlap(mine, others):
        return None
    return _matcher(tuple(e for e in events if e.kind == kind))


def names_overlap(names: Iterable[str], others: Iterable[str]) -> bool:
    """Whether a name of ``names`` and one of ``others`` can share characters in a text: one is
    in the other, or the end of one (at least a character, less than either name) is the start
    of the other.

    The ends and starts are compared as sets, not pair by pair (``a.endswith(b[:k])`` for every
    pair and length took a millisecond for the shipped congresses in every process): an end of
    ``a`` that is a start of ``b`` is shorter than both, as each set holds only shorter pieces.
    """
    names, others = list(names), list(others)
    if any(a in b or b in a for a in names for b in others):
        return True
    return _end_is_start(names, others) or _end_is_start(others, names)


def _end_is_start(firsts: list[str], seconds: list[str]) -> bool:
    ends = {a[-k:] for a in firsts for k in range(1, len(a))}
    return any(b[:k] in ends for b in seconds for k in range(1, len(b)))


def spoken_of_as_past(text: str, m: Mention) -> bool:
    """Whether the mention looks back on the event (党的二十大精神, 二十届三中全会以来)."""
    return _past(text, m.event, m.start, m.end)


@cache
def _past_re(past: str) -> re.Pattern:
    return lazyre.compile(past)


def _past(text: str, event: Event, start: int, end: int) -> bool:
    if not _past_re(event.past).match(text[end : end + 12].lstrip('”’"')):
        return False
    return not _FUTURE_BEFORE_RE.search(text[max(0, start - 8) : start].rstrip('“‘"'))


#: After the name, past contexts that may also look forward: before the 二十大 a provincial
#: congress report plans to “全面贯彻党的十九大、二十大精神” in the coming five years.
_WEAK_PAST_RE = lazyre.compile(r"(?:精神|的精神)")
#: Before a weak mention: it joins a list of congresses (十九大、二十大精神) or the sentence looks ahead.
_LISTED_BEFORE_RE = lazyre.compile(r"(?:大|全会)[、和]$")
_AHEAD_RE = lazyre.compile(r"今后|未来|将要|即将|届时|迎接|喜迎|开好")


def latest_past_event(texts) -> tuple[Event, int] | None:
    """(event, line) of the latest event spoken of as past in ``texts`` (pairs of text and line,
    or the :class:`~orgwrite.event_names.Joined` of them).

    One mention in a plainly past context (以来, 报告指出, 作出的部署……) is enough, and so is one
    “……精神” standing alone; one that joins a list of congresses (党的十九大、二十大精神) or a
    sentence looking ahead (今后五年……) counts only when there is another.
    """
    joined = texts if isinstance(texts, Joined) else Joined.of(list(texts))
    return latest_past_event_of(_mentions_in(joined))


def latest_past_event_of(mentions: Iterable[tuple[str, int, Event, int, int]]) -> tuple[Event, int] | None:
    """:func:`latest_past_event` of its mentions, (text, line, event, start, end) in text order."""
    events: dict[str, Event] = {}
    spoken: dict[str, list[tuple[int, str, int, int, int]]] = {}  # id → (order, text, line, start, end)
    for k, (text, line, event, start, end) in enumerate(mentions):
        events[event.id] = event
        spoken.setdefault(event.id, []).append((k, text, line, start, end))
    # The latest day first: an earlier event is read only when no later one is spoken of as past.
    # Among events of one day the first counts: one with a plain past mention before one known
    # only from two “……精神”, each by its first such mention.
    for day in sorted({e.date for e in events.values()}, reverse=True):
        best: tuple[tuple[int, int], Event, int] | None = None
        for eid, event in events.items():
            if event.date == day and (v := _verdict(event, spoken[eid])) and (best is None or v[0] < best[0]):
                best = (v[0], event, v[1])
        if best is not None:
            return best[1], best[2]
    return None


def _verdict(event: Event, spoken: list[tuple[int, str, int, int, int]]) -> tuple[tuple[int, int], int] | None:
    """((0 or 1, order), line) of the mention that makes ``event`` spoken of as past, or None.

    0 and the first mention in a plainly past context; else 1 and the first of two or more “……精神”
    that may look ahead (see :func:`latest_past_event`).
    """
    weak: list[tuple[int, int]] = []
    for k, text, line, start, end in spoken:
        if not _past(text, event, start, end):
            continue
        after = text[end : end + 4].lstrip('”’"')
        if event.kind != "campaign" and _WEAK_PAST_RE.match(after) and _may_look_ahead(text, event, start):
            weak.append((k, line))
        else:
            return (0, k), line
    if len(weak) >= 2:
        return (1, weak[0][0]), weak[0][1]
    return None


def _mentions_in(joined: Joined) -> Iterator[tuple[str, int, Event, int, int]]:
    """(text, line, event, start, end) of every mention in the joined texts, from one scan.

    No name holds a line break, so none matches across the joint, and the break before a text is
    not an ordinal, as the start of a text is not: each text's mentions are those of
    :func:`mentions` on it alone, shifted.
    """
    for event, start, end in _shipped_matcher().scan(joined.text):
        text, line, at = joined.locate(start)
        yield text, line, event, at, at + end - start


def shipped_scan(text: str) -> list[tuple[Event, int, int]]:
    """(event, start, end) of every name of a shipped event in ``text`` (as :func:`mentions`)."""
    return _shipped_matcher().scan(text)


_SENTENCE_ENDS = "。！？；;!?"


def _may_look_ahead(text: str, event: Event, at: int) -> bool:
    """Whether a “……精神” mention may speak of a congress still to come (see :data:`_WEAK_PAST_RE`)."""
    start = 0  # the sentence's first character
    for c in _SENTENCE_ENDS:
        if (i := text.rfind(c, 0, at)) >= start:
            start = i + 1
    head = text[max(0, at - 4) : at].removesuffix("党的")
    listed = event.kind == "congress" and _LISTED_BEFORE_RE.search(head)  # a plenum's 精神 is past
    return bool(listed or _AHEAD_RE.search(text, start, at))
