"""Near misses of formulations: a span a few edits away from the canonical text, near its anchors.

Only windows around anchor hits are compared (Levenshtein distance, rapidfuzz), and the
known spans a window must not lie in are looked up by bisection, so the work is
proportional to the anchors found, not to the text, however long one paragraph is.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import accumulate
from typing import TYPE_CHECKING

from orgwrite.lexicon.matcher import BREAKS

if TYPE_CHECKING:
    from orgwrite.lexicon.matcher import Hit
    from orgwrite.lexicon.schema import Entry


class KnownSpans:
    """The spans of correct or known-wrong formulations in one text, queried in O(log n).

    ``spans`` are sorted by start (hits come sorted); ``reach[i]`` is the furthest end among
    the first ``i + 1`` spans, so "some span with start ≤ x ends at or after y" is one bisection.
    """

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts = [s for s, _ in spans]
        self.reach = list(accumulate((e for _, e in spans), max))

    def covers(self, start: int, end: int) -> bool:
        """Whether one span holds all of [start, end)."""
        i = bisect_right(self.starts, start)
        return i > 0 and self.reach[i - 1] >= end

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span shares a character with [start, end)."""
        i = bisect_left(self.starts, end)
        return i > 0 and self.reach[i - 1] > start


def _plays_known(h: Hit, entries: dict[str, Entry]) -> bool:
    """Whether a formulation plays guard or fwrong in the hit (a known formulation span)."""
    return any(r[0] in ("guard", "fwrong") and entries[r[1]].kind == "formulation" for r in h.roles)


def _missing(canon: str, window: str) -> int:
    """How many characters of ``canon`` (as a multiset) ``window`` lacks: a lower bound of the
    edit distance between ``canon`` and any part of ``window``."""
    need = Counter(canon)
    need.subtract(window)
    return sum(n for n in need.values() if n > 0)


def near_misses(
    entries: dict[str, Entry],
    text: str,
    hits: list[Hit],
    candidates: tuple[dict[str, tuple[str, ...]], frozenset[str], frozenset[str]] | None = None,
) -> list[tuple[int, int, Entry]]:
    """(start, end, entry) of spans close to, but not equal to, a formulation's canonical text.

    A span must start and end like the canonical text, stay within ``max_distance`` edits,
    and not lie inside (or overlap) a known formulation string.  ``candidates`` may give
    (anchor string → the ids of the entries it anchors, in the order of its roles; the strings
    in which a formulation plays guard or fwrong; those of them in which a formulation plays
    fwrong but no guard): then no hit's roles are read, except those of a string of the last
    kind (the longest-match guard may have taken fwrong away; it never takes an anchor or a
    guard role away).
    """
    if candidates is None:
        anchors = [(h, eid) for h in hits for role, eid, _ in h.roles if role == "anchor"]
    else:
        anchor_ids, known_texts, wrong_only = candidates
        anchors = [(h, eid) for h in hits if h[2] in anchor_ids for eid in anchor_ids[h[2]]]
    if not anchors:
        return []
    if candidates is None:
        spans = [(h.start, h.end) for h in hits if _plays_known(h, entries)]
    else:
        spans = [
            (h[0], h[1]) for h in hits if h[2] in known_texts and (h[2] not in wrong_only or _plays_known(h, entries))
        ]
    spans.sort()
    known = KnownSpans(spans)
    out: list[tuple[int, int, Entry]] = []
    seen: set[tuple[int, int]] = set()
    for h, eid in anchors:
        if known.covers(h.start, h.end):
            continue
        e = entries[eid]
        canon: str = e.get("canonical")
        size = len(canon)
        offset = canon.find(h.text)
        if offset < 0:
            continue
        exp_start = h.start - offset
        exp_end = exp_start + size
        limit = e.get("max_distance") or (1 if size < 10 else 2)
        lo, hi = max(0, exp_start - limit), min(len(text), exp_end + limit)
        if _missing(canon, text[lo:hi]) > limit:
            continue  # every candidate lacks more characters of the canonical text than edits allow
        from rapidfuzz.distance import Levenshtein

        best = None
        for s in range(max(0, exp_start - limit), min(h.start, exp_start + limit) + 1):
            if text[s] != canon[0]:
                continue
            for t in range(max(h.end, exp_end - limit), min(len(text), exp_end + limit) + 1):
                cand = text[s:t]
                if cand[-1] != canon[-1] or any(c in BREAKS and c not in canon for c in cand):
                    continue
                d = Levenshtein.distance(canon, cand, score_cutoff=limit)
                if d == 0 or d > limit:
                    continue
                key = (d, abs(len(cand) - size), abs(s - exp_start))
                if best is None or key < best[0]:
                    best = (key, s, t)
        if best is None:
            continue
        _, s, t = best
        if (s, t) in seen or known.overlaps(s, t):
            continue
        seen.add((s, t))
        out.append((s, t, e))
    return out
