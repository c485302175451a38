"""One item of a named enumeration: is this piece of a clause a member, a known wrong member, or like one?"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from orgwrite.lexicon import Entry

_CLAUSE_BREAK = "。；！？：:;!?（）()《》\n"
_QUOTES = "“”‘’\"'"
_LAST_JOIN_RE = re.compile(r"(以及|和|及|与|同)")
_ANCHOR_BEFORE_RE = re.compile(r"^[”’」]?\s*(?:[，,：:（(]|——)?\s*(?:即|就是|包括|分别是|主要是)?\s*[“‘]?$")
_ANCHOR_AFTER_RE = re.compile(r"^[”’]?(?:的|等|这|这一|即)?[“‘]?$")

CN = "〇一二三四五六七八九十"


@dataclass
class Item:
    start: int
    end: int
    text: str
    index: int | None = None  # member index in canonical order
    wrong: str | None = None  # right member when the item is a known wrong member
    old_until: date | None = None  # the member belongs to a version valid until this date
    member_start: int = 0  # where the matched member text starts (after a verb prefix)
    exact: bool = False


@dataclass
class Chain:
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


def _split_clause(text: str, pos: int, seps: list[str]) -> tuple[int, int]:
    breaks = _CLAUSE_BREAK + ("" if "，" in seps else "，,")
    lo = pos
    while lo > 0 and text[lo - 1] not in breaks:
        lo -= 1
    hi = pos
    while hi < len(text) and text[hi] not in breaks:
        hi += 1
    return lo, hi


def _items(text: str, lo: int, hi: int, seps: list[str]) -> tuple[list[tuple[int, int]], list[str]]:
    """Spans of the items of text[lo:hi] split at the separators, and the separators used."""
    sep_chars = set(seps) | ({"，", ","} if "，" in seps else set())
    spans: list[tuple[int, int]] = []
    used: list[str] = []
    start = lo
    for i in range(lo, hi):
        if text[i] in sep_chars:
            spans.append((start, i))
            used.append(text[i])
            start = i + 1
    spans.append((start, hi))
    return spans, used


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _QUOTES + " \u3000":
        s += 1
    while e > s and text[e - 1] in _QUOTES + " \u3000":
        e -= 1
    return s, e


def _match(entry: Entry, text: str, s: int, e: int, as_of: date | None, lead: int = 4, tail=None) -> Item | None:
    """The item text[s:e] as a member (or known wrong member) of ``entry``, allowing a short verb prefix.

    ``lead`` is the longest prefix allowed before the member (the first item of a clause carries the
    whole lead-in: “完整准确全面贯彻创新”).  ``tail``, given for the last item of a clause, is asked
    whether the member text[s:k] may be followed by the rest of the clause (“共享的新发展理念”).
    """
    raw_s, raw_e = s, e
    while raw_s < raw_e and text[raw_s] in " \u3000":
        raw_s += 1
    s, e = _strip(text, s, e)
    item = text[s:e]
    if not item:
        return None
    if raw_e - raw_s != e - s:
        raw = text[raw_s:raw_e]
        # A member, or a known wrong form of one, that carries its own quotation marks (“三个代表”思想).
        if _match_exact(entry, raw) is not None or raw in entry.get("member_variants", {}):
            s, e, item = raw_s, raw_e, raw
    candidates = _member_candidates(entry)
    best = None
    for m, i, right, until in candidates:
        if item == m or (item.endswith(m) and _lead_ok(item[: len(item) - len(m)], _reach(lead, m))):
            if best is None or len(m) > len(best[0]):
                best = (m, i, right, until)
    if best is None:
        # “在统揽伟大斗争、伟大工程、伟大事业、伟大梦想中”: a locative closes the last member
        for m, i, right, until in candidates:
            if item.startswith(m) and item[len(m) :] in _LOCATIVES and (best is None or len(m) > len(best[0])):
                best = (m, i, right, until)
        if best is None and tail is not None:
            # “……、共享的新发展理念”: the last member, then the rest of the clause
            for m, i, right, until in candidates:
                if item.startswith(m) and (best is None or len(m) > len(best[0])) and tail(s, s + len(m)):
                    best = (m, i, right, until)
            if best is not None:
                m, i, right, until = best
                return Item(s, s + len(m), m, i, right, until, s, True)
        if best is None:
            return None
        m, i, right, until = best
        return Item(s, s + len(m), m, i, right, until, s, False)
    m, i, right, until = best
    return Item(s, e, item, i, right, until, e - len(m), item == m)


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


def _match_exact(entry: Entry, item: str) -> int | None:
    members = entry.get("members")
    return members.index(item) if item in members else None


def _looks_like_member(entry: Entry, text: str) -> bool:
    prefix, suffix = _affix(entry.get("members"))
    if not (prefix or suffix):
        return False
    lengths = [len(m) for m in entry.get("members")]
    if not (min(lengths) - 1 <= len(text) <= max(lengths) + 1):
        return False
    return bool((suffix and text.endswith(suffix)) or (prefix and text.startswith(prefix)))


_CANDIDATES: dict[int, tuple[Entry, list[tuple[str, int, str | None, date | None]]]] = {}


def _member_candidates(entry: Entry) -> list[tuple[str, int, str | None, date | None]]:
    """(text, member index, right text for a wrong variant, until) of every way to write a member,
    built once per entry (an item is matched against them thousands of times in a long text)."""
    cached = _CANDIDATES.get(id(entry))
    if cached is not None and cached[0] is entry:
        return cached[1]
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
    _CANDIDATES[id(entry)] = (entry, candidates)
    return candidates
