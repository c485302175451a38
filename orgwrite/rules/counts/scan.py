"""Which blocks of a document can hold a count, an inline marker or 分别: one scan per document.

Most paragraphs hold no stated count and no 一是、第一: rather than testing every block with
every pattern, a few searches over the whole text (:func:`~orgwrite.rules.chars.block_text`)
find the places where each pattern could match, and the rules of this package read only the
blocks those places fall in.  Each search below is *implied* by the pattern it stands for
(every match of the pattern contains a match of the search, in the same block), and none of
them looks across a line end, so a block without a hit cannot match.  Searches are led by a
literal wherever one exists (the engine then scans at C speed); the one led by a class finds
the numerals before a counted noun and the circled numbers together, in one scan.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import cache

from orgwrite import lazyre
from orgwrite.model import Document
from orgwrite.numerals import number_data
from orgwrite.rules.base import Context
from orgwrite.rules.chars import block_starts, block_text

_CN = "一二三四五六七八九十"

#: Marker family (see :mod:`.markers`) → searches implied by its pattern, each led by a
#: literal: 一是 → the 是 after a numeral (the match starts up to 3 numerals before it); 1. →
#: the mark after a digit, not before another; 首先，→ the second character.  第一、（一）are
#: searched as written.
MARKER_SEARCHES: dict[str, tuple[re.Pattern[str], ...]] = {
    "shi": (lazyre.compile(rf"是(?<=[{_CN}]是)"),),
    "yao": (lazyre.compile(rf"要(?<=[{_CN}]要)"),),
    "di": (lazyre.compile(rf"第[{_CN}]{{1,3}}(?:[，,、：:]|是)"),),
    "paren": tuple(lazyre.compile(rf"{re.escape(c)}(?:[{_CN}]{{1,3}}|\d{{1,2}})[）)]") for c in "（("),
    # 1. but not 5.2: the decimals of the figures are most dots after a digit
    "dot": tuple(lazyre.compile(rf"{re.escape(c)}(?<=\d{re.escape(c)})(?![\d.．])") for c in "、.．"),
    "ord": (lazyre.compile(r"先(?<=首先)"), lazyre.compile(r"次(?<=[其再]次)"), lazyre.compile(r"后(?<=最后)")),
}
#: How far before its hit a family's match can start (一二三是: three numerals before 是).
MARKER_BACK = {"shi": 3, "yao": 3, "di": 0, "paren": 0, "dot": 2, "ord": 1, "circ": 0}
#: ①–⑳, as the inside of a class and as characters.
_CIRCLED = "①-⑳"
_CIRCLED_CHARS = frozenset(chr(c) for c in range(ord("①"), ord("⑳") + 1))
#: Each 分别, found at its 分: a search led by one character scans faster than one led by two
#: (the engine's loop for a longer literal prefix is slower).
_RESPECTIVELY = lazyre.compile(r"分(?=别)")


@cache
def _count_search_parts() -> tuple[str, str]:
    """:func:`_count_search` as its class of numerals (the inside of the brackets) and the
    conditions that follow it."""
    data = number_data()
    follow = set(data["count_classifiers"]) | {n[0] for n in data["count_nouns"]} | set(data["bare_counts"])
    follow |= set("个项条件大种类支")
    bare = re.escape("".join(sorted(data["bare_counts"])))
    after = re.escape("".join(sorted(follow)))
    # Both branches need a follow character next (the bare count words are among them): the
    # look ahead for it comes first, as most numerals are followed by none and fail there.
    return (
        f"两{_CN}0-9",
        rf"(?=[{after}])(?<![^两二三四五六七八九十1-9][一0])(?:(?<=[两{_CN}])(?=[{after}])|(?=[{bare}]))",
    )


@cache
def _count_search() -> re.Pattern[str]:
    """The last character of the number of a count E201 can report, with what follows it.

    E201's count pattern (:func:`.stated._count_re`) reports a Chinese number followed by a
    classifier, a counted noun or a bare count word, or an Arabic one only before a bare
    count word (以下5点); its generic pattern a Chinese 两–九 before 个/项/….  So the last
    character of the number is a numeral followed by one of those characters — and when it
    is 一 or 0 it is the second character of the number, after another numeral (进一步,
    一个 are not counts)."""
    numerals, conditions = _count_search_parts()
    return lazyre.compile(f"[{numerals}]{conditions}")


@cache
def _count_or_circled_search() -> re.Pattern[str]:
    """The hits of :func:`_count_search` and each ①–⑳, in one scan of the text: the class
    that leads the scan holds both, a circled number needs nothing more, and a numeral the
    conditions of the count search (a circled number is not a numeral, a numeral not a
    circled number: the hits of the two are told apart by their character)."""
    numerals, conditions = _count_search_parts()
    return lazyre.compile(f"[{numerals}{_CIRCLED}](?:(?<=[{_CIRCLED}])|{conditions})")


#: The numerals and classifiers of E201's generic count (:data:`.stated._GENERIC_RE`): it
#: starts with the two.
GENERIC_FIRST = frozenset("两三四五六七八九")
GENERIC_CLASSIFIERS = frozenset("个项条件大种类支")


class Candidates:
    """Where each pattern can match, as block index → sorted offsets in the block's text (in
    block order): ``counts`` the last character of a number (:func:`_count_search`),
    ``generic`` those of them where a generic count starts (a numeral of
    :data:`GENERIC_FIRST` before a classifier), ``markers`` each family's possible match
    starts, ``respectively`` each 分别."""

    __slots__ = ("counts", "generic", "markers", "respectively")

    def __init__(
        self,
        counts: dict[int, list[int]],
        generic: dict[int, list[int]],
        markers: dict[str, dict[int, list[int]]],
        respectively: dict[int, list[int]],
    ) -> None:
        self.counts = counts
        self.generic = generic
        self.markers = markers
        self.respectively = respectively


def _hits(pattern: re.Pattern[str], text: str, starts: list[int]) -> dict[int, list[int]]:
    """Block index → offsets in that block of the hits of ``pattern`` over the joined text."""
    return _by_block([m.start() for m in pattern.finditer(text)], starts)


def _by_block(pos: list[int], starts: list[int]) -> dict[int, list[int]]:
    """Block index → offsets in that block of the sorted offsets ``pos`` of the joined text.
    Most blocks hold one hit (told by the next hit alone), and the last block holds all the
    hits left: both are told without a search."""
    out: dict[int, list[int]] = {}
    k, n, last = 0, len(pos), len(starts) - 1
    while k < n:
        p = pos[k]
        i = bisect_right(starts, p) - 1
        base = starts[i]
        if i == last:
            out[i] = [q - base for q in pos[k:]]
            break
        following = starts[i + 1]
        k += 1
        if k == n or pos[k] >= following:
            out[i] = [p - base]
            continue
        j = bisect_left(pos, following, k)  # the hits in block i
        out[i] = [q - base for q in pos[k - 1 : j]]
        k = j
    return out


def candidates(doc: Document, ctx: Context) -> Candidates:
    """The candidate places of ``doc``, computed once per document (kept in ``ctx.cache``)."""
    hit = ctx.cache.get("counts.scan")
    if hit is not None and hit[0] is doc:
        return hit[1]
    text = block_text(doc, ctx.cache)
    starts = block_starts(doc, ctx.cache)
    markers: dict[str, dict[int, list[int]]] = {}
    for family, searches in MARKER_SEARCHES.items():
        if len(searches) == 1:
            found = _hits(searches[0], text, starts)
        else:
            # The searches of a family lead with different characters: their hits never meet.
            found = _by_block(sorted([m.start() for search in searches for m in search.finditer(text)]), starts)
        if found:
            markers[family] = found
    counts = [m.start() for m in _count_or_circled_search().finditer(text)]
    if not _CIRCLED_CHARS.isdisjoint(map(text.__getitem__, counts)):
        markers["circ"] = _by_block([p for p in counts if text[p] in _CIRCLED_CHARS], starts)
        counts = [p for p in counts if text[p] not in _CIRCLED_CHARS]
    # A count hit is followed by a character of a count (the scan looks ahead for it).
    generic = [p for p in counts if text[p] in GENERIC_FIRST and text[p + 1] in GENERIC_CLASSIFIERS]
    result = Candidates(
        _by_block(counts, starts), _by_block(generic, starts), markers, _hits(_RESPECTIVELY, text, starts)
    )
    ctx.cache["counts.scan"] = (doc, result)
    return result


def matches_at(
    pattern: re.Pattern[str], text: str, hits: list[int], back: int = 0, first: frozenset[str] | None = None
) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` yields of the matches that start at most ``back``
    characters before one of the sorted ``hits`` (all of them, when every match does, or
    when no other match holds such an offset): finditer tries every offset in turn from
    the end of its last match, and the offsets where none of those matches starts can be
    left out.  ``first``: the characters a match can start with.  ``pattern`` must not
    match the empty string."""
    end = 0
    tried = 0
    for h in hits:
        for s in range(max(tried, h - back), h + 1):
            if s >= end and (first is None or text[s] in first) and (m := pattern.match(text, s)):
                yield m
                end = m.end()
        tried = h + 1
