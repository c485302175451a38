"""What the punctuation rules share: which blocks they read, and whole-text prefilters.

Most clean texts contain none of the marks a punctuation rule looks for, and a Python
loop that runs a regex per paragraph costs more than the rule's real work.  So each rule
first searches the whole text once, in C, for what it needs, and visits only the
paragraphs that hold a hit.  :class:`Joined` is that whole text, built once per document
and shared by the rules: the block texts joined by ``\\n`` (no block text holds a line
end, so every hit lies inside one block; :func:`joined` returns None otherwise and the
rules visit every block), and its skeleton.

The skeleton keeps the characters the rules look for (every Latin-1 character, the paired
marks, dashes, ellipses, U+3000 and the invisible characters) and turns each run of other
characters into one U+FFFC.  Two kept characters stand side by side in the text exactly
when they do in the skeleton, which is a tenth as long: one scan in C builds it, and a
rule's search for its marks then runs over the skeleton instead of the text.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import partial

from orgwrite import lazyre
from orgwrite.model import Block, BlockKind, Document
from orgwrite.rules.chars import block_text

#: Blocks whose text is checked for punctuation (web leftovers are reported once by S103).
TEXT_KINDS = frozenset(BlockKind) - {BlockKind.CHROME}


def text_blocks(doc: Document) -> Iterator[Block]:
    return (b for b in doc.blocks if b.kind in TEXT_KINDS)


#: Characters the skeleton keeps besides Latin-1: paired marks, dashes, ellipsis, U+3000
#: and the invisible characters of P113.
KEPT = "“”‘’（）《》〈〉【】「」『』…—―─－～–\u3000\u200b-\u200f\u202a-\u202e\u2060\ufeff"


def complement_class(members: str) -> str:
    """A class of every character not in ``members`` (single characters and ``a-b`` ranges
    with an ASCII hyphen, as in a class), written out as ranges.

    The regex engine tests a character against such a class in about half the time it
    takes for the negated class ``[^members]`` (measured on Chinese text: some 1.3 against
    2.9 ns): it stops at the range that holds the character instead of running through the
    whole class and turning the answer round.  The skeleton's split, which visits every
    character of the text with the class, spends most of its time there.
    """
    ranges: list[tuple[int, int]] = []
    i = 0
    while i < len(members):
        if i + 2 < len(members) and members[i + 1] == "-":
            ranges.append((ord(members[i]), ord(members[i + 2])))
            i += 3
        else:
            ranges.append((ord(members[i]), ord(members[i])))
            i += 1
    parts = []
    at = 0  # the first code point not yet known to be a member
    for first, last in sorted(ranges):
        if first > at:
            parts.append(f"\\U{at:08x}-\\U{first - 1:08x}")
        at = max(at, last + 1)
    if at <= sys.maxunicode:
        parts.append(f"\\U{at:08x}-\\U{sys.maxunicode:08x}")
    return "[" + "".join(parts) + "]"


#: A run of the characters the skeleton does not keep.
_SKELETON_RE = lazyre.compile(complement_class(f"\x00-\xff{KEPT}") + "+")
#: What a run of other characters becomes in the skeleton (not a kept character).
PLACEHOLDER = "\ufffc"
STOPS = "，、；：。？！"
_STOP_SET = frozenset(STOPS)
#: The frequent stops but the 顿号, and the pattern for each followed by another (``in``
#: skips an absent mark fast).
_STOP_PAIR_RES = tuple((mark, lazyre.compile(f"{mark}[{STOPS}]")) for mark in "，。")
#: The 顿号 followed by a stop (a stop pair: two characters), or standing between two quoted
#: or two 书名号 items (”、“ 》、《, P105: one character).  The engine scans for the 顿号 as it
#: scans for the other stops, and trying the quoted items at each costs less than a second
#: scan of the text for the two literals.  The alternatives exclude each other (the next
#: character is a stop or an opening mark), and a quoted item's 顿号 follows a closing mark,
#: so no stop pair ends on it: each literal's 顿号 is a match.  The look-ahead for any of
#: the characters that can follow comes first: at almost every 顿号 it is the only test.
_DUNHAO_RE = lazyre.compile(f"、(?=[{STOPS}“《])(?:[{STOPS}]|(?<=”、)(?=“)|(?<=》、)(?=《))")
#: The rare ones (a few per thousand characters): ``str.find`` jumps from one to the next far
#: faster than the regex engine scans for them, and a test in Python at each costs less.
_RARE_STOPS = "；：？！"


class Joined:
    """The block texts of one document joined by ``\\n``, and their skeleton."""

    __slots__ = ("_dunhao", "_skeleton", "_stop_pairs", "blocks", "text")

    def __init__(self, blocks: list[Block], text: str) -> None:
        self.blocks = blocks
        self.text = text
        self._skeleton: str | None = None
        self._stop_pairs: list[int] | None = None
        self._dunhao: tuple[list[int], list[int]] | None = None

    def _dunhao_hits(self) -> tuple[list[int], list[int]]:
        """The offsets of the 顿号 of stop pairs and of those between quoted items, from
        one scan with :data:`_DUNHAO_RE` (a match of two characters is a stop pair)."""
        if self._dunhao is None:
            pairs: list[int] = []
            lists: list[int] = []
            if "、" in self.text:
                for m in _DUNHAO_RE.finditer(self.text):
                    start, end = m.span()
                    (pairs if end - start == 2 else lists).append(start)
            self._dunhao = (pairs, lists)
        return self._dunhao

    def quoted_list_indices(self) -> set[int]:
        """The indices of the blocks whose text holds ”、“ or 》、《 (P105)."""
        return self.indices_at(self._dunhao_hits()[1])

    @property
    def stop_pairs(self) -> list[int]:
        """Offsets where one of ，、；：。？！ is followed by another (P104, and the
        “。。。” “，，，” of P106), as ``finditer`` of “mark, then a stop” gives them for each
        mark: one scan per mark for a literal, which the regex engine runs far faster than a
        scan for a class of marks (and ``str.find`` faster still for a rare mark)."""
        if self._stop_pairs is None:
            text = self.text
            found = [m.start() for mark, p in _STOP_PAIR_RES if mark in text for m in p.finditer(text)]
            found.extend(self._dunhao_hits()[0])
            stops = _STOP_SET
            for mark in _RARE_STOPS:
                find = text.find
                i = find(mark)
                while i >= 0:
                    if text[i + 1 : i + 2] in stops:
                        found.append(i)
                        i = find(mark, i + 2)  # finditer goes on after the match
                    else:
                        i = find(mark, i + 1)
            found.sort()
            self._stop_pairs = found
        return self._stop_pairs

    @property
    def skeleton(self) -> str:
        """The text with each run of characters not in :data:`KEPT` (nor Latin-1) turned
        into one :data:`PLACEHOLDER`; its line ends are the text's, one between blocks."""
        if self._skeleton is None:
            # the kept pieces joined by the placeholder: what ``sub`` gives, built in C with
            # less work per run (``sub`` copies each piece and the replacement into a list)
            self._skeleton = PLACEHOLDER.join(_SKELETON_RE.split(self.text))
        return self._skeleton

    def indices_at(self, offsets: Iterable[int]) -> set[int]:
        """The indices of the blocks that hold one of ``offsets`` of the text (a line end
        counts to the block before it)."""
        text = self.text
        found: set[int] = set()
        line = at = 0
        for offset in sorted(offsets):
            line += text.count("\n", at, offset)
            at = offset
            found.add(line)
        return found

    def text_indices(self, *patterns: re.Pattern[str]) -> set[int]:
        """The indices of the blocks where one of ``patterns`` matches the text (a match that
        starts at a line end counts to the block before it)."""
        return _lines_matching(self.text, patterns)

    def skeleton_literal_indices(self, *needles: str) -> set[int]:
        """The indices of the blocks whose skeleton holds one of ``needles`` (of kept
        characters, without a line end)."""
        return _lines_holding(self.skeleton, needles)

    def skeleton_indices(self, *patterns: re.Pattern[str], needs: str = "") -> set[int]:
        """The indices of the blocks whose skeleton holds a match of one of ``patterns``.

        A pattern over the skeleton must match the skeleton of every block where the rule
        can find something: it names kept characters only (and PLACEHOLDER for the others).
        ``needs``: characters of which every match holds one; when the skeleton holds none
        (a few ``in`` tests, which scan at memory speed) the search is not run.
        """
        skeleton = self.skeleton
        if needs and not any(c in skeleton for c in needs):
            return set()
        return _lines_matching(skeleton, patterns)

    def pick(self, indices: Iterable[int], kinds: frozenset[BlockKind] = TEXT_KINDS) -> list[Block]:
        """The blocks of ``indices`` that are of ``kinds``, in document order."""
        blocks = self.blocks
        return [blocks[i] for i in sorted(indices) if blocks[i].kind in kinds]

    def skeleton_blocks(
        self, *patterns: re.Pattern[str], kinds: frozenset[BlockKind] = TEXT_KINDS, needs: str = ""
    ) -> list[Block]:
        """The blocks (of ``kinds``, in order) whose skeleton holds a match of one of ``patterns``."""
        return self.pick(self.skeleton_indices(*patterns, needs=needs), kinds)


def _lines_holding(text: str, needles: Iterable[str]) -> set[int]:
    """The indices of the lines of ``text`` that hold one of ``needles`` (none holds a line end)."""
    return _lines_where(text, [partial(text.find, needle) for needle in needles])


def _lines_matching(text: str, patterns: Iterable[re.Pattern[str]]) -> set[int]:
    """The indices of the lines of ``text`` where a match of one of ``patterns`` starts."""

    def finder(search: Callable) -> Callable[[int], int]:
        return lambda pos: m.start() if (m := search(text, pos)) is not None else -1

    return _lines_where(text, [finder(pattern.search) for pattern in patterns])


def _lines_where(text: str, finders: Iterable[Callable[[int], int]]) -> set[int]:
    """The indices of the lines where a hit of one of ``finders`` (``find(pos)``: where the
    next hit at or after ``pos`` starts, or -1) starts.

    After a hit the search goes on from the next line end, so a line with many hits costs
    one search; lines are counted with ``str.count`` between hits, all in C.
    """
    found: set[int] = set()
    for find in finders:
        line = at = 0
        start = find(0)
        while start >= 0:
            line += text.count("\n", at, start)
            found.add(line)
            at = text.find("\n", start)
            if at < 0:
                break
            start = find(at + 1)
    return found


def joined(doc: Document, cache: dict) -> Joined | None:
    """The shared :class:`Joined` text of ``doc`` (built once, kept in ``cache``), or None
    when a block text holds a line end (then a hit cannot be placed in one block)."""
    hit = cache.get("punctuation.joined")
    if hit is not None and hit[0] is doc:
        return hit[1]
    text = block_text(doc, cache)
    value = Joined(doc.blocks, text) if text.count("\n") == max(len(doc.blocks) - 1, 0) else None
    cache["punctuation.joined"] = (doc, value)
    return value


def source_absent(doc: Document, blocks: list[Block], pattern: re.Pattern[str], quick=None) -> bool:
    """True when the rule found ``blocks`` to visit but ``absent(doc, pattern, quick)``.

    The rules used to decide on the source text whether to look at all.  Markdown markup
    removed from a paragraph can bring two marks side by side that are apart in the source,
    so for Markdown the source must hold the pattern too: the findings stay what they were.
    Only searched when there is something to visit, and only for Markdown (plain text and
    Word paragraphs are the source lines without their indentation).
    """
    return bool(blocks) and doc.source.format == "md" and absent(doc, pattern, quick)


def absent(doc: Document, pattern: re.Pattern[str], quick: Callable[[str], object] | None = None) -> bool:
    """True when ``pattern`` occurs nowhere in the source: the rule has nothing to do.

    One search over the whole text in C is far cheaper than one per paragraph, and most
    clean texts contain none of the marks a punctuation rule looks for.  ``quick(text)`` is
    a cheaper test that is true wherever ``pattern`` matches (a search for a pattern that
    starts with a literal or a character class, or a few ``in`` tests): when it is false,
    ``pattern`` is absent too (a pattern with a leading look-behind makes every position a
    candidate and scans slowly).
    """
    text = doc.text or "\n".join(b.text for b in doc.blocks)
    if quick is not None and not quick(text):
        return True
    return pattern.search(text) is None
