"""The compiled lexicon: every known string in one Aho–Corasick automaton.

Built by :func:`orgwrite.lexicon.compiling.compile_entries`.  :meth:`Lexicon.scan` finds
exact hits with a longest-match guard; the drafting API (:meth:`Lexicon.wording`,
:meth:`Lexicon.members`) answers what to write as of a date.
Near-miss search and word boundaries live in :mod:`.nearmiss` and :mod:`.segment`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date
from itertools import accumulate
from operator import itemgetter
from typing import Any, NamedTuple

from orgwrite import lazyre
from orgwrite.lexicon.schema import KINDS, Entry


class Hit(NamedTuple):
    """An occurrence of a known string: [start, end) in the scanned text, and its roles."""

    start: int
    end: int
    text: str
    roles: tuple[tuple[str, str, Any], ...]  # (role, entry id, extra)


BREAKS = frozenset("，。；：！？、“”‘’（）《》,.;:!?()\n")

#: Roles whose hits are dropped when a longer known string covers them.
GUARDED_ROLES = frozenset({"fwrong", "dated", "dated_new", "conf", "ban"})
#: Roles that do not make a longer string a guard (a wrong member or an anchor is no correct text).
_NOT_COVERING = frozenset({"mwrong", "anchor"})


def _hit_order(h: Hit) -> tuple[int, int]:
    return (h.start, -h.end)


_START = itemgetter(0)
_TEXT = itemgetter(2)
#: Keys of :attr:`Lexicon._playing` under which :meth:`Lexicon._formulation_spans` keeps its
#: answers (no role is named so).
_FORMULATION_KNOWN = frozenset({"formulation guard or fwrong"})
_FORMULATION_WRONG_ONLY = frozenset({"formulation fwrong without guard"})
#: Key of :attr:`Lexicon._context` (per process, never an entry id) for :meth:`Lexicon._anchored`.
_ANCHORED = "\0anchored"


def _role_flags(roles: tuple) -> tuple[bool, bool, tuple]:
    """What a pattern's roles mean for the longest-match guard (computed once per pattern)."""
    return (
        any(r[0] in GUARDED_ROLES for r in roles),
        any(r[0] not in _NOT_COVERING for r in roles),
        tuple(r for r in roles if r[0] not in GUARDED_ROLES),
    )


#: The covering entry of a probe in a walker's table (see :meth:`Lexicon.scan_joined`).
_PROBE: tuple = ((), ())


class Lexicon:
    """Entries compiled into one automaton.  Build with :func:`load_lexicon`.

    A plain class, not a dataclass: making a dataclass of this many fields costs some 0.5 ms in
    every process (its methods are generated and compiled), and a lexicon is built in one place
    (:func:`~orgwrite.lexicon.compiling.compile_entries`) and never compared.
    """

    def __init__(
        self,
        entries: dict[str, Entry],
        *,
        patterns: tuple[tuple[str, tuple], ...] = (),
        words: list[str] | None = None,
        data_hash: str = "",
        _covers: dict[str, tuple[tuple, tuple[tuple[str, int], ...]]] | None = None,
        guard_only: frozenset[str] = frozenset(),
        role_patterns: dict[str, frozenset[str]] | None = None,
    ) -> None:
        self.entries = entries
        #: (known string, its roles) for each pattern of the automaton, by its index there
        self.patterns = patterns
        #: (with the guard-only strings or without them, probes) → (automaton, its patterns by
        #: index); built on first use in each process (see :meth:`_walker`)
        self._walkers: dict[tuple[bool, tuple[str, ...]], tuple[Any, tuple]] = {}
        self.words = [] if words is None else words
        self.data_hash = data_hash
        self._regex: dict[str, re.Pattern] = {}
        #: pattern → (has a guarded role, covers shorter hits, its roles without the guarded ones)
        self._flags: dict[str, tuple[bool, bool, tuple]] = {}
        #: pattern with a guarded role → (its roles without the guarded ones, the (longer covering
        #: pattern, offset of this one in it) pairs); see :func:`_covers`
        self._covers = {} if _covers is None else _covers
        #: Known strings whose only role is to guard a confusable's right word (作为, 部署): what
        #: they cover is listed in :attr:`_covers`, and no rule reads their hits.
        self.guard_only = guard_only
        #: role → the patterns in which some entry plays it
        self.role_patterns = {} if role_patterns is None else role_patterns
        self._playing: dict[frozenset[str], frozenset[str]] = {}
        #: entry id → its context tests, built on first use (see :meth:`context_ok`)
        self._context: dict[str, tuple] = {}

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        # The context tests are closures, built again on first use; the anchored table is data.
        anchored = self._context.get(_ANCHORED)
        state["_context"] = {} if anchored is None else {_ANCHORED: anchored}
        state["_walkers"] = {}  # automata do not pickle; built again from the patterns in 2 ms
        # Plain tuples load faster than the entries do (pickle would call Entry's __new__ for
        # each, in Python), and a check loads the compiled lexicon in every process: the
        # entries are made again from them at once, by tuple's own __new__.
        state["entries"] = tuple(map(tuple, self.entries.values()))
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        new = tuple.__new__
        width = len(Entry._fields)
        if any(len(fields) != width for fields in state["entries"]):
            # tuple.__new__ checks no length: entries pickled for another Entry would fail
            # only when a missing field is read.  Raised here, the cache is a miss.
            raise ValueError("compiled lexicon made for another Entry")
        state["entries"] = {fields[1]: new(Entry, fields) for fields in state["entries"]}
        self.__dict__.update(state)

    # -- lookup API for drafting --

    def entry(self, entry_id: str) -> Entry:
        try:
            return self.entries[entry_id]
        except KeyError:
            import difflib

            close = difflib.get_close_matches(entry_id, list(self.entries), n=3, cutoff=0.5)
            hint = f"；相近的编号：{'、'.join(close)}" if close else "；用 orgwrite lexicon list 查看全部编号"
            raise KeyError(f"词库中没有条目“{entry_id}”{hint}") from None

    def wording(self, entry_id: str, as_of: date) -> str:
        """The wording valid on ``as_of`` for a dated entry, formulation or enumeration."""
        e = self.entry(entry_id)
        if e.kind == "dated":
            return e.get("term") if as_of < e.get("until") else e.get("replacement")
        if e.kind == "formulation":
            for v in e.get("versions", []):
                if as_of < v["until"] and "text" in v:
                    return v["text"]
            return e.get("canonical")
        if e.kind == "enumeration":
            for v in e.get("versions", []):
                if as_of < v["until"] and "abbr" in v:
                    return v["abbr"]
            return e.get("abbr")
        if e.kind == "confusable":
            return e.get("right")
        raise KeyError(f"条目“{entry_id}”是{KINDS[e.kind][1]}，没有随日期变化的表述")

    def members(self, entry_id: str, as_of: date) -> list[str]:
        """An enumeration's members valid on ``as_of``, in canonical order."""
        e = self.entry(entry_id)
        if e.kind != "enumeration":
            raise KeyError(f"条目“{entry_id}”不是列举条目（类别：{KINDS[e.kind][1]}）")
        for v in e.get("versions", []):
            if as_of < v["until"]:
                return list(v["members"])
        return list(e.get("members"))

    def by_kind(self, kind: str) -> list[Entry]:
        return [e for e in self.entries.values() if e.kind == kind]

    # -- matching --

    def patterns_playing(self, roles: frozenset[str]) -> frozenset[str]:
        """The known strings in which some entry plays one of ``roles`` (computed once per set)."""
        found = self._playing.get(roles)
        if found is None:
            found = self._playing[roles] = frozenset().union(*(self.role_patterns.get(r, ()) for r in roles))
        return found

    def regex(self, pattern: str) -> re.Pattern:
        r = self._regex.get(pattern)
        if r is None:
            r = self._regex[pattern] = lazyre.compile(pattern)
        return r

    def scan(self, text: str) -> list[Hit]:
        """Every known string in ``text``; guarded roles inside a longer known string are dropped."""
        return self.scan_many([text])[0]

    def scan_many(self, texts: list[str], *, guard_only: bool = True) -> list[list[Hit]]:
        """:meth:`scan` of each text, with one walk of the automaton over all of them.

        With ``guard_only=False`` the hits of :attr:`guard_only` strings are left out: they
        decide the longest-match guard (which needs no hit of theirs, see below) and nothing
        else, and they are a third of all hits in a typical text; an automaton without them
        walks the text (every other string's occurrences are found all the same).

        Known strings never contain a line break, so the texts are joined by ``\\n`` and each
        hit falls inside one text; positions are relative to the text it falls in.

        The automaton walks the UTF-8 bytes of the text (its Rust side reports character
        positions): with thousands of distinct first characters a walk over characters spends
        its time choosing among the children of the root, a walk over bytes chooses among a
        few.  (A walk over UTF-16 bytes is faster on a text alone but slower in a check, where
        the other rules leave the processor's caches cold for its larger automaton.)

        The longest-match guard is decided as each hit is found: a known string with a guarded
        role is covered exactly when one of the longer covering strings that contain it
        (listed once, when the lexicon is compiled) stands in the text around it — the same
        answer as :meth:`_guard`'s sweep over all hits, without sorting them first.
        """
        if not texts:
            return []
        return self.scan_joined(texts, "\n".join(texts), guard_only=guard_only)

    def scan_joined(
        self,
        texts: list[str],
        joined: str,
        *,
        guard_only: bool = True,
        probes: tuple[str, ...] = (),
        probed: list[int] | None = None,
    ) -> list[list[Hit]]:
        """:meth:`scan_many` of ``texts``, given ``joined`` (them joined by ``\\n``), which the
        caller keeps for other searches of the same text.

        ``probes`` are strings that are no known strings (a caller must make sure of that),
        looked for in the same walk on behalf of a rule that only needs to know which texts
        hold one: the index of each such text is appended to ``probed`` (in order, repeated
        for each occurrence); they give no hit.
        """
        out: list[list[Hit]] = [[] for _ in texts]
        if not texts:
            return out
        auto, table = self._walker(guard_only, probes)
        found = auto.find_matches_as_indexes(joined, overlapping=True)
        if not found:
            return out
        ends = list(accumulate(len(t) + 1 for t in texts))  # one past each text's line break
        new = tuple.__new__
        k, base, limit = 0, 0, ends[0]
        bucket, text = out[0], texts[0]
        for index, start, end in found:
            if start >= limit:
                k = bisect_right(ends, start, k)
                base, limit = ends[k - 1], ends[k]
                bucket, text = out[k], texts[k]
            start -= base
            pattern, roles, cover = table[index]
            if cover is not None:
                if cover is _PROBE:
                    probed.append(k)  # type: ignore[union-attr]  # a probe is only walked for probed
                    continue
                for outer, offset in cover[1]:
                    at = start - offset
                    if at >= 0 and text.startswith(outer, at):
                        roles = cover[0]
                        break
                if not roles:
                    continue
            bucket.append(new(Hit, (start, end - base, pattern, roles)))
        for hits in out:
            if len(hits) > 1:
                # Found in order of their ends; reversed, a stable sort by start leaves the
                # hits of one start longest first, the order of _hit_order.
                hits.reverse()
                hits.sort(key=_START)
        return out

    def _walker(self, guard_only: bool, probes: tuple[str, ...] = ()) -> tuple[Any, tuple[tuple[str, tuple, Any], ...]]:
        """(automaton, (pattern, roles, its entry in :attr:`_covers` or None) by its index) over
        every known string, or every one but the :attr:`guard_only` strings, then ``probes``
        (each with the entry ``_PROBE``)."""
        found = self._walkers.get((guard_only, probes))
        if found is None:
            patterns = self.patterns
            if not guard_only:
                patterns = tuple(p for p in patterns if p[0] not in self.guard_only)
            from orgwrite.lexicon.compiling import automaton

            table = self._table(patterns) + tuple((p, (), _PROBE) for p in probes)
            found = self._walkers[(guard_only, probes)] = (automaton(table), table)
        return found

    def _table(self, patterns: tuple[tuple[str, tuple], ...]) -> tuple[tuple[str, tuple, Any], ...]:
        covers = self._covers
        return tuple((p, roles, covers.get(p)) for p, roles in patterns)

    def _guard(self, raw: list[Hit]) -> list[Hit]:
        """Drop guarded roles of hits inside a longer known string (the longest-match guard).

        The reference form of the guard, over hits in any order (:meth:`scan_many` decides
        it hit by hit with the same result).
        """
        raw.sort(key=_hit_order)
        flags = self._flags
        # One sweep: hits are ordered by start, longer first; a hit is covered when an earlier
        # covering hit reaches at least as far (patterns are unique, so that hit is longer).
        out: list[Hit] = []
        reach = -1
        for h in raw:
            f = flags.get(h.text)
            if f is None:
                f = flags[h.text] = _role_flags(h.roles)
            guarded, covering, unguarded = f
            if reach >= h.end and guarded:
                if unguarded:
                    out.append(Hit(h.start, h.end, h.text, unguarded))
            else:
                out.append(h)
            if covering and h.end > reach:
                reach = h.end
        return out

    def near_misses(self, text: str, hits: list[Hit]) -> list[tuple[int, int, Entry]]:
        """Spans close to (but not equal to) a formulation's canonical text (see :mod:`.nearmiss`).

        Only a hit of an anchor string can start the search; most texts have none, which one
        set operation over the hits' strings tells.
        """
        anchors = self.role_patterns.get("anchor")
        if not anchors or anchors.isdisjoint(map(_TEXT, hits)):
            return []
        from orgwrite.lexicon.nearmiss import near_misses

        return near_misses(self.entries, text, hits, (self._anchored(), *self._formulation_spans()))

    def _anchored(self) -> dict[str, tuple[str, ...]]:
        """Anchor string → the ids of the entries it anchors, in the order of its roles (once per process)."""
        found = self._context.get(_ANCHORED)
        if found is None:
            anchored = {p: tuple(r[1] for r in roles if r[0] == "anchor") for p, roles in self.patterns}
            found = self._context[_ANCHORED] = ({p: ids for p, ids in anchored.items() if ids},)  # type: ignore[assignment]
        return found[0]

    def _formulation_spans(self) -> tuple[frozenset[str], frozenset[str]]:
        """(the strings in which a formulation plays guard or fwrong, those in which it plays
        fwrong but not guard), worked out once per process (kept in :attr:`_playing`)."""
        known = self._playing.get(_FORMULATION_KNOWN)
        wrong_only = self._playing.get(_FORMULATION_WRONG_ONLY)
        if known is None or wrong_only is None:
            entries = self.entries

            def plays(roles: tuple, role: str) -> bool:
                return any(r[0] == role and entries[r[1]].kind == "formulation" for r in roles)

            guard = {p for p, roles in self.patterns if plays(roles, "guard")}
            wrong = {p for p, roles in self.patterns if plays(roles, "fwrong")}
            known = self._playing[_FORMULATION_KNOWN] = frozenset(guard | wrong)
            wrong_only = self._playing[_FORMULATION_WRONG_ONLY] = frozenset(wrong - guard)
        return known, wrong_only

    def context_ok(self, entry: Entry, text: str, start: int, end: int) -> bool:
        """Whether the entry's after/before/not_after/not_before patterns allow this hit."""
        tests = self._context.get(entry.id)
        if tests is None or tests[0] is not entry:
            tests = self._context[entry.id] = self._context_tests(entry)
        _, window, after, before, not_after, not_before = tests
        if after is not None or not_after is not None:
            following = text[end : end + window]
            if after is not None and not after(following):
                return False
            if not_after is not None and not_after(following):
                return False
        if before is not None or not_before is not None:
            preceding = text[max(0, start - 12) : start]
            if before is not None and not before(preceding):
                return False
            if not_before is not None and not_before(preceding):
                return False
        return True

    def _context_tests(self, entry: Entry) -> tuple:
        """(entry, window, after, before, not_after, not_before): each test or None (see :mod:`.context`)."""
        from orgwrite.lexicon.context import ends_test, starts_test

        def made(key: str, make) -> Any:
            p = entry.get(key)
            return make(p, self.regex) if p else None

        return (
            entry,
            entry.get("window") or 12,
            made("after", starts_test),
            made("before", ends_test),
            made("not_after", starts_test),
            made("not_before", ends_test),
        )

    def is_word(self, text: str, start: int, end: int) -> bool:
        """Whether [start, end) is a whole word of ``text`` by jieba (run on a small window only)."""
        from orgwrite.lexicon.segment import is_word

        return is_word(text, start, end, self.words)
