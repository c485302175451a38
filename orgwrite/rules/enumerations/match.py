"""One item of a named enumeration: is this piece of a clause a member, a known wrong member, or like one?"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from orgwrite import lazyre
from orgwrite.lexicon import Entry
from orgwrite.per_object import per_object

_CLAUSE_BREAK = "。；！？：:;!?（）()《》\n"
_QUOTES = "“”‘’\"'"
_LAST_JOIN_RE = lazyre.compile(r"(以及|和|及|与|同)")
_ANCHOR_BEFORE_RE = lazyre.compile(r"^[”’」]?\s*(?:[，,：:（(]|——)?\s*(?:即|就是|包括|分别是|主要是)?\s*[“‘]?$")
_ANCHOR_AFTER_RE = lazyre.compile(r"^[”’]?(?:的|等|这|这一|即)?[“‘]?$")

CN = "〇一二三四五六七八九十"


@dataclass(slots=True, repr=False, eq=False)
class Item:
    """One item of a list, and the member it is (if it is one).

    Only made and read: no generated repr or equality, which would make the class cost
    twice as much to create when a process starts.  Not a named tuple: the ``index`` field
    would hide the tuple's method of that name.
    """

    start: int
    end: int
    text: str
    index: int | None = None  # member index in canonical order
    wrong: str | None = None  # right member when the item is a known wrong member
    old_until: date | None = None  # the member belongs to a version valid until this date
    member_start: int = 0  # where the matched member text starts (after a verb prefix)
    exact: bool = False


@dataclass(slots=True, repr=False, eq=False)
class Chain:
    """A run of member items in a block, and the abbreviation it is anchored to.

    Made, anchored and read: no generated repr or equality, which would make the class
    cost twice as much to create when a process starts.
    """

    entry: Entry
    items: list[Item]
    seps: list[str] = field(default_factory=list)
    anchor: tuple[int, int, Entry] | None = None  # (start, end, entry) of the adjacent abbreviation

    @property
    def start(self) -> int:
        return self.items[0].start

    @property
    def end(self) -> int:
        return self.items[-1].end

    @property
    def known(self) -> list[Item]:
        return [i for i in self.items if i.index is not None]


_AFFIX_CACHE: dict[tuple[str, ...], tuple[str, str]] = {}


def _affix(members: list[str]) -> tuple[str, str]:
    """Longest common prefix and suffix of the members (each kept only if ≥ 2 characters)."""
    key = tuple(members)
    if key not in _AFFIX_CACHE:
        _AFFIX_CACHE[key] = _compute_affix(members)
    return _AFFIX_CACHE[key]


def _compute_affix(members: list[str]) -> tuple[str, str]:
    prefix = members[0]
    suffix = members[0]
    for m in members[1:]:
        while not m.startswith(prefix):
            prefix = prefix[:-1]
        while not m.endswith(suffix):
            suffix = suffix[1:]
    return (prefix if len(prefix) >= 2 else ""), (suffix if len(suffix) >= 2 else "")


Candidate = tuple[str, int, "str | None", "date | None"]


def _char_class(chars) -> re.Pattern | None:
    """One character of ``chars`` (single characters only: a longer string never equals one)."""
    singles = sorted({c for c in chars if len(c) == 1})
    return lazyre.compile("[" + "".join(re.escape(c) for c in singles) + "]") if singles else None


class Shape:
    """What matching needs of one enumeration entry, computed once: an item is matched against
    the same entry thousands of times in a long text, and reading its fields each time cost more
    than the matching itself."""

    def __init__(self, entry: Entry) -> None:
        self.entry = entry
        self.members: list[str] = entry.get("members")
        lengths = [len(m) for m in self.members]
        self.min_len, self.max_len = min(lengths), max(lengths)
        self.prefix, self.suffix = _affix(self.members)
        self.names: list[str | None] = [entry.get("abbr"), *entry.get("aliases", [])]
        self.seps: list[str] = entry.get("separators", ["、"])
        self.comma = "，" in self.seps
        #: the separators of _items: the entry's own, and both commas when it allows ，
        self.sep_re = _char_class(set(self.seps) | ({"，", ","} if self.comma else set()))
        self.breaks = _CLAUSE_BREAK + ("" if self.comma else "，,")
        self.break_re = _char_class(self.breaks)
        # What stands after an item's end and before an item's start (read backwards), behind
        # its quotation marks and spaces: a separator, a clause break, the text's edge, or a word
        # joining the last item (_LAST_JOIN_RE; 以及 reversed is 及以).
        edge = re.escape("".join(sorted({c for c in self.seps if len(c) == 1} | {"，", ","} | set(self.breaks))))
        quotes = re.escape(_STRIP_CHARS)
        self.edge_after = lazyre.compile(rf"[{quotes}]*(?:[{edge}]|$|以及|和|及|与|同)")
        self.edge_before = lazyre.compile(rf"[{quotes}]*(?:[{edge}]|$|及以|和|及|与|同)")
        self.variants: dict[str, str] = entry.get("member_variants", {})
        self.member_set = frozenset(self.members)
        self.candidates = _member_candidates(entry)
        # Longest first; among candidates of one length, in the order of ``candidates`` (the
        # first of the longest wins, as in a scan of ``candidates`` that keeps a longer one only).
        # Grouped by last (first) character: only those can end (start) an item.  An empty
        # candidate would end and start every item, so it stands in every group.
        ordered = sorted(self.candidates, key=lambda c: -len(c[0]))
        self.no_char: list[Candidate] = [c for c in ordered if not c[0]]
        self.by_last: dict[str, list[Candidate]] = {}
        self.by_first: dict[str, list[Candidate]] = {}
        for ch in {c[0][-1] for c in ordered if c[0]}:
            self.by_last[ch] = [c for c in ordered if not c[0] or c[0][-1] == ch]
        for ch in {c[0][0] for c in ordered if c[0]}:
            self.by_first[ch] = [c for c in ordered if not c[0] or c[0][0] == ch]
        #: a way to write a member, without quotation marks or spaces at its edges → the first
        #: candidate of that text: what _match finds for an item that is exactly that text (no
        #: longer candidate ends it, a candidate as long ends it only if equal to it)
        self.exact: dict[str, Candidate] = {}
        for c in ordered:
            if c[0] and c[0] == c[0].strip(_STRIP_CHARS):
                self.exact.setdefault(c[0], c)
        self.affix = bool(self.prefix or self.suffix)  # only then can an item look like a member


shape = per_object(4096)(Shape)


def _items(text: str, lo: int, hi: int, sep_re: re.Pattern | None) -> tuple[list[tuple[int, int]], list[str]]:
    """Spans of the items of text[lo:hi] split at the separators (``sep_re``), and the separators used."""
    spans: list[tuple[int, int]] = []
    used: list[str] = []
    start = lo
    if sep_re is not None:
        for m in sep_re.finditer(text, lo, hi):
            i = m.start()
            spans.append((start, i))
            used.append(m.group())
            start = i + 1
    spans.append((start, hi))
    return spans, used


_STRIP_CHARS = _QUOTES + " \u3000"


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    """text[s:e] without the quotation marks and spaces around it."""
    left = text[s:e].lstrip(_STRIP_CHARS)
    if not left:
        return e, e
    s = e - len(left)
    return s, s + len(left.rstrip(_STRIP_CHARS))


def _match(sh: Shape, text: str, s: int, e: int, as_of: date | None, lead: int = 4, tail=None) -> Item | None:
    """The item text[s:e] as a member (or known wrong member) of the entry, allowing a short verb prefix.

    ``lead`` is the longest prefix allowed before the member (the first item of a clause carries the
    whole lead-in: “完整准确全面贯彻创新”).  ``tail``, given for the last item of a clause, is asked
    whether the member text[s:k] may be followed by the rest of the clause (“共享的新发展理念”).
    Of the ways to write a member that fit, the longest wins (the first of them in ``candidates``).
    """
    piece = text[s:e]
    found = sh.exact.get(piece)
    if found is not None:  # the commonest item: a member as it is written
        return Item(s, e, piece, found[1], found[2], found[3], s, True)
    item = piece.strip(_STRIP_CHARS)
    if not item:
        return None
    if len(item) != len(piece):  # else no quotation mark nor space to strip: the item is the piece
        left = piece.lstrip(_STRIP_CHARS)
        s = e - len(left)
        raw = piece.lstrip(" \u3000")
        if len(raw) != len(item) and (raw in sh.member_set or raw in sh.variants):
            # A member, or a known wrong form of one, that carries its own quotation marks (“三个代表”思想).
            s, item = e - len(raw), raw
        else:
            e = s + len(item)
    n = len(item)
    for m, i, right, until in sh.by_last.get(item[-1], sh.no_char):
        if item == m or (item.endswith(m) and _lead_ok(item[: n - len(m)], _reach(lead, m))):
            return Item(s, e, item, i, right, until, e - len(m), item == m)
    starting = sh.by_first.get(item[0], sh.no_char)
    # “在统揽伟大斗争、伟大工程、伟大事业、伟大梦想中”: a locative closes the last member
    for m, i, right, until in starting:
        if item.startswith(m) and item[len(m) :] in _LOCATIVES:
            return Item(s, s + len(m), m, i, right, until, s, False)
    if tail is not None:
        # “……、共享的新发展理念”: the last member, then the rest of the clause
        for m, i, right, until in starting:
            if item.startswith(m) and tail(s, s + len(m)):
                return Item(s, s + len(m), m, i, right, until, s, True)
    return None


_LOCATIVES = frozenset({"中", "之中", "上", "里"})


def _reach(lead: int, member: str) -> int:
    """The longest lead-in before ``member`` at the head of a clause: longer for long members.

    “干部人事档案工作必须坚持以马克思列宁主义”: a member of four characters or more ends a long
    lead-in unmistakably; a short one (创新) may end any word.
    """
    return lead + 8 if lead > 4 and len(member) >= 4 else lead


def _lead_ok(lead_in: str, lead: int) -> bool:
    """A lead-in of up to 4 characters always; a longer one (first item of a clause) up to ``lead``,
    unless it ends in 的: in “让群众有更多的安全感、获得感、幸福感” the nouns are described, not quoted.
    “党的” is the exception: “全面推进党的政治建设、思想建设……” quotes the list."""
    return len(lead_in) <= 4 or (len(lead_in) <= lead and (not lead_in.endswith("的") or lead_in.endswith("党的")))


def _looks_like_member(sh: Shape, text: str) -> bool:
    prefix, suffix = sh.prefix, sh.suffix
    if not (prefix or suffix):
        return False
    if not (sh.min_len - 1 <= len(text) <= sh.max_len + 1):
        return False
    return bool((suffix and text.endswith(suffix)) or (prefix and text.startswith(prefix)))


@per_object(4096)
def _member_candidates(entry: Entry) -> list[tuple[str, int, str | None, date | None]]:
    """(text, member index, right text for a wrong variant, until) of every way to write a member,
    built once per entry (an item is matched against them thousands of times in a long text)."""
    members: list[str] = entry.get("members")
    candidates: list[tuple[str, int, str | None, date | None]] = [(m, i, None, None) for i, m in enumerate(members)]
    for v in entry.get("versions", []):
        for i, m in enumerate(v["members"]):
            if m != members[i]:
                candidates.append((m, i, None, v["until"]))
    for right, alts in entry.get("alternatives", {}).items():
        if right in members:
            for a in [alts] if isinstance(alts, str) else alts:
                candidates.append((a, members.index(right), None, None))
    for wrong, right in entry.get("member_variants", {}).items():
        if right in members:
            candidates.append((wrong, members.index(right), right, None))
    return candidates
