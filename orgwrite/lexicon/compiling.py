"""Compiling entries into a :class:`~orgwrite.lexicon.matcher.Lexicon`: the known strings, their
roles, the longer strings that cover each guarded one, and the automaton that finds them."""

from __future__ import annotations

from datetime import date
from typing import Any

from orgwrite.lexicon.matcher import _NOT_COVERING, GUARDED_ROLES, Lexicon
from orgwrite.lexicon.schema import Entry


def automaton(patterns: tuple[tuple[str, Any], ...] | tuple[tuple[str, Any, Any], ...]) -> Any:
    """An Aho–Corasick automaton over the known strings (see :meth:`Lexicon.scan_many`).

    Its overlapping matches are (pattern index, start, end) in characters, in order of their
    ends.  The contiguous NFA builds in about 3 ms (a DFA walks faster but takes 15 ms to
    build in every process, more than it saves on a typical check).
    """
    import ahocorasick_rs

    return ahocorasick_rs.AhoCorasick(
        [p[0] for p in patterns], implementation=ahocorasick_rs.Implementation.ContiguousNFA
    )


def compile_entries(entries: list[Entry], data_hash: str = "") -> Lexicon:
    """Build the automaton over every string the rules look for."""
    entries = _shared(entries)
    patterns: dict[str, list[tuple[str, str, Any]]] = {}

    def add(s: str, role: str, eid: str, extra: Any = None) -> None:
        if s:
            patterns.setdefault(s, []).append((role, eid, extra))

    words: set[str] = set()
    for e in entries:
        if e.kind == "formulation":
            add(e.get("canonical"), "guard", e.id)
            for w in e.get("wrong", []):
                add(w, "fwrong", e.id)
            for a in e.get("anchors", []):
                add(a, "anchor", e.id)
            for a in e.get("allowed", []):
                add(a, "guard", e.id)
            for v in e.get("versions", []):
                if "text" in v:
                    add(v["text"], "guard", e.id)
        elif e.kind == "enumeration":
            add(e.get("abbr"), "abbr", e.id)
            for a in e.get("aliases", []):
                add(a, "abbr", e.id)
            if e.get("chain", True):
                for i, m in enumerate(e.get("members")):
                    add(m, "member", e.id, (i, None))
                    words.add(m)
                for v in e.get("versions", []):
                    for i, m in enumerate(v["members"]):
                        if m != e.get("members")[i]:
                            add(m, "member", e.id, (i, v["until"]))
                for right, alts in e.get("alternatives", {}).items():
                    if right in e.get("members"):
                        for a in [alts] if isinstance(alts, str) else alts:
                            add(a, "member", e.id, (e.get("members").index(right), None))
                for wrong, right in e.get("member_variants", {}).items():
                    add(wrong, "mwrong", e.id, right)
        elif e.kind == "dated":
            add(e.get("term"), "dated", e.id)
            add(e.get("replacement"), "dated_new", e.id)
        elif e.kind == "confusable":
            add(e.get("wrong"), "conf", e.id)
            add(e.get("right"), "guard", e.id)
            if e.get("boundary"):
                words.add(e.get("right"))
        elif e.kind == "banned":
            add(e.get("text"), "ban", e.id)
    kinds = {e.id: e.kind for e in entries}
    indexed = tuple((s, tuple(roles)) for s, roles in patterns.items())
    auto = automaton(indexed)
    lex = Lexicon(
        entries={e.id: e for e in entries},
        patterns=indexed,
        words=sorted(words),
        data_hash=data_hash,
        _covers=_covers(auto, indexed),
        guard_only=frozenset(
            s for s, roles in patterns.items() if all(r[0] == "guard" and kinds[r[1]] == "confusable" for r in roles)
        ),
        role_patterns={
            role: frozenset(s for s, roles in patterns.items() if any(r[0] == role for r in roles))
            for role in {r[0] for roles in patterns.values() for r in roles}
        },
    )
    lex._walkers[(True, ())] = (auto, lex._table(indexed))
    # Worked out here, they are kept in the disk cache with the rest: a check that searches
    # for near misses does not work them out again in each process.
    lex._anchored()
    lex._formulation_spans()
    return lex


def _covers(auto: Any, indexed: tuple[tuple[str, tuple], ...]) -> dict[str, tuple[tuple, tuple]]:
    """For each pattern with a guarded role, the longer covering patterns that contain it.

    The automaton run over each covering pattern finds every known string inside it, with
    its offset; a hit of a listed pattern is covered in a text exactly when one of its
    covering patterns stands there at that offset.
    """
    patterns = dict(indexed)
    found: dict[str, set[tuple[str, int]]] = {}
    for outer, roles in indexed:
        if not any(r[0] not in _NOT_COVERING for r in roles):
            continue
        for index, start, _ in auto.find_matches_as_indexes(outer, overlapping=True):
            inner, inner_roles = indexed[index]
            if inner == outer or not any(r[0] in GUARDED_ROLES for r in inner_roles):
                continue
            offset = start
            found.setdefault(inner, set()).add((outer, offset))
    return {
        inner: (tuple(r for r in patterns[inner] if r[0] not in GUARDED_ROLES), tuple(sorted(pairs)))
        for inner, pairs in found.items()
    }


def _shared(entries: list[Entry]) -> list[Entry]:
    """The entries with equal strings and dates of their data made one object each.

    The TOML parser gives every key and value its own object: the 13 000 strings of the shipped
    entries are some 4 600 distinct ones (keys, severities, sources cited by many entries).
    Pickle writes an object once and refers to it after, so with one object per value the disk
    cache holds half the text and a process that loads it decodes a third of the strings.
    Equal strings and dates are interchangeable (nothing compares them by identity), so the
    entries read the same.
    """
    shared: dict[Any, Any] = {}
    one = shared.setdefault

    def share(value: Any) -> Any:
        if isinstance(value, dict):
            return {one(k, k): share(v) for k, v in value.items()}
        if isinstance(value, list):
            return [share(v) for v in value]
        if isinstance(value, (str, date)):
            return one(value, value)
        return value

    return [Entry(one(e.kind, e.kind), one(e.id, e.id), share(e.data), one(e.file, e.file), e.line) for e in entries]
