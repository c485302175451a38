"""The lists of a block: runs of member items, anchored to an abbreviation right before or after them."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date
from itertools import islice, pairwise
from operator import itemgetter

from orgwrite import lazyre
from orgwrite.lexicon import Entry, Hit, Lexicon, context_lexicon
from orgwrite.model import Block, Document
from orgwrite.rules.base import Context
from orgwrite.rules.enumerations.match import (
    _ANCHOR_AFTER_RE,
    _ANCHOR_BEFORE_RE,
    _LAST_JOIN_RE,
    Chain,
    Item,
    Shape,
    _items,
    _looks_like_member,
    _match,
    _strip,
    shape,
)
from orgwrite.rules.enumerations.roles import document_roles

#: Every character _ANCHOR_BEFORE_RE can match, besides whitespace (\s is str.isspace).
_ANCHOR_GAP_CHARS = frozenset("”’」，,：:（(—即就是包括分别主要“‘")


def _candidates(positions: list[int], has_abbr: bool) -> list[int]:
    """Member hits worth a closer look: two members close together, or any member near the abbreviation.

    Most hits of short members (创新, 民主) stand alone in prose; skipping them keeps the cost of
    this rule proportional to the lists actually present.
    """
    if has_abbr or not positions:
        return positions
    if len(positions) == 2:  # the usual case: both or neither
        return positions if positions[1] - positions[0] <= 24 else []
    kept: list[int] = []
    last = -1  # index of the last hit kept
    for i, (a, b) in enumerate(pairwise(positions), 1):
        if b - a <= 24:  # hits i - 1 and i are close: keep both (i - 1 once)
            if last != i - 1:
                kept.append(a)
            kept.append(b)
            last = i
    return kept


_START = itemgetter(0)  # a Hit's start
_LEAD_IN = 12  # longest lead-in before the first member of a clause (“完整准确全面贯彻创新、……”)


def _rest_ok(lex: Lexicon, sh: Shape, text: str, hi: int, words: dict[tuple[int, int], bool]):
    """Whether the member text[s:e] that opens the last item may be followed by the rest of the clause.

    It may when the rest is “的……”/“等……” or the abbreviation (“……、精准脱贫三大攻坚战”), or when the
    member is a whole word of four characters or more there (“奢靡之风一起纠”; a short member may
    begin a longer word: “开放型经济”).  ``words`` keeps the block's answers of the word test.
    """
    names = sh.names

    def ok(s: int, e: int) -> bool:
        rest = text[e:hi].lstrip("”’\"'")
        if not rest:
            return True
        if rest[0] in "的等" or any(n and rest.startswith(n) for n in names):
            return True
        if e - s < 4:
            return False
        known = words.get((s, e))
        if known is None:
            known = words[(s, e)] = lex.is_word(text, s, e)
        return known

    return ok


_TAIL_RE = lazyre.compile(r"[的等为]")
_NOT_A_MEMBER = lazyre.compile(r"[“”‘’\"'《》（）()【】0-9０-９]")


def _unknown_item(sh: Shape, text: str, s: int, e: int) -> Item | None:
    """text[s:e] as an item that stands where a member should (a replaced member), if it looks like one."""
    ss, ee = _strip(text, s, e)
    if (known := _match(sh, text, ss, ee, None)) is not None and known.exact:
        return known  # the member itself, once what follows it is cut off (共享的内在统一)
    if not (max(1, sh.min_len - 1) <= ee - ss <= sh.max_len + 2) or _NOT_A_MEMBER.search(text, ss, ee):
        return None
    return Item(ss, ee, text[ss:ee], None, None, None, ss, True)


def _fill_gaps(sh: Shape, text: str, spans: list[tuple[int, int]], items: list[Item | None]) -> None:
    """Keep an unrecognised item inside a list when it stands exactly where one member is missing.

    “创新、协调、低碳、开放、共享”: between 协调 (2nd) and 开放 (4th) the third member is missing and
    “低碳” stands in its place, so it is an item of the list (E101 names the member it replaces).  The
    last item is kept the same way when the abbreviation follows it (“……、开放、发展的新发展理念”).
    """
    if None not in items or not any(items):
        return  # no gap, or no recognised item beside one
    names = [n for n in sh.names if n]
    last_member = len(sh.members) - 1
    for k, it in enumerate(items):
        if it is not None:
            continue
        prev = items[k - 1] if k > 0 else None
        nxt = items[k + 1] if k + 1 < len(items) else None
        if prev is None or prev.index is None:
            continue
        s, e = spans[k]
        if nxt is not None and nxt.index is not None and nxt.index - prev.index == 2:
            items[k] = _unknown_item(sh, text, s, e)
        elif (nxt is None or nxt.index is None) and prev.index == last_member - 1:
            ss, ee = _strip(text, s, e)
            body = text[ss:ee]
            at = min((body.find(n) for n in names if n in body), default=-1)
            if at > 0:
                # “……、全面从严管党“四个全面”战略布局”, “……、发展的新发展理念”: the item ends before the name
                cut = ss + at
                while cut > ss and text[cut - 1] in "“‘\"'的":
                    cut -= 1
                items[k] = _unknown_item(sh, text, ss, cut)
                continue
            # No abbreviation: every other member stands before it, in order (创新、协调、绿色、开放、共赢).
            known = [i.index for i in items[:k] if i is not None]
            if last_member >= 3 and known == list(range(last_member)):
                tail = _TAIL_RE.search(text, ss, ee)  # “共赢的内在统一”: the item ends before 的
                items[k] = _unknown_item(sh, text, ss, tail.start() if tail else ee)


def _at_an_edge(sh: Shape, text: str, backwards: str, lo: int, hi: int, starts: list[int], hits: list[Hit]) -> bool:
    """Whether a member hit of the entry in text[lo:hi] ends or starts an item of the clause.

    _match finds a member only at the end of an item (“……政治意识”, the member after its lead-in)
    or at its start (“伟大梦想中”, “共享的……”), and only as a hit of the entry: each way to write
    a member is a known string of the lexicon with the role member or mwrong for the entry,
    roles the longest-match guard never drops.
    An item ends, behind its quotation marks and spaces, at a separator, at the clause's end or
    before a 和/及 that joins the last item; it starts after one of them.  A clause without such
    a hit has no item that is a member, so no list (an unknown item is kept only beside a member).
    """
    size = len(text)
    after, before = sh.edge_after.match, sh.edge_before.match
    for start, end, _, _ in islice(hits, bisect_left(starts, lo), None):
        if start >= hi:
            break
        if end <= hi and (after(text, end) or before(backwards, size - start)):
            return True
    return False


def chains_of(
    lex: Lexicon, text: str, by_entry: dict[str, list[Hit]], abbrs: list[tuple[int, int, Entry]], as_of: date | None
) -> list[Chain]:
    """The enumeration lists of one block, from its member hits (``by_entry``: entry id → its
    member and wrong-member hits, in order of start, as the scan gives them) and its
    abbreviations ((start, end, entry), in order of start)."""
    if not by_entry:
        return []
    chains: list[Chain] = []
    abbr_ids = {a[2].id for a in abbrs} if abbrs else ()
    size = len(text)
    backwards = ""  # text reversed, made for the first clause: the last break before a position is
    # the first break after it there
    words: dict[tuple[int, int], bool] = {}
    entries = lex.entries
    for eid, member_hits in by_entry.items():
        has_abbr = eid in abbr_ids
        if len(member_hits) < 2 and not has_abbr:
            continue  # a lone member in prose (no other member near it, nor the abbreviation)
        if len(member_hits) == 2 and not has_abbr and member_hits[1][0] - member_hits[0][0] > 24:
            continue  # two members far apart: _candidates keeps neither
        starts = list(map(_START, member_hits))
        positions = _candidates(starts, has_abbr)
        if not positions:
            continue
        entry = entries[eid]
        sh = shape(entry)
        affix = sh.affix
        exact = sh.exact
        # Whether a member hit of the entry starts in an item (see _at_an_edge): a way to write a
        # member that is no hit (an empty one) lets every item be asked.
        everywhere = bool(sh.no_char)
        n_starts = len(starts)
        breaks = sh.break_re
        if not backwards:
            backwards = text[::-1]
        done: set[tuple[int, int]] = set()
        lo = hi = -1
        for pos in positions:
            if lo <= pos < hi:
                continue  # in the clause just looked at (no break stands between)
            # The clause around the member: from after the last break before it to the next break.
            before = breaks.search(backwards, size - pos)
            lo = size - before.start() if before else 0
            after = breaks.search(text, pos)
            hi = after.start() if after else size
            if (lo, hi) in done:
                continue
            done.add((lo, hi))
            if not everywhere and not _at_an_edge(sh, text, backwards, lo, hi, starts, member_hits):
                continue  # no item of the clause can be a member
            spans, used = _items(text, lo, hi, sh.sep_re)
            rest_ok = _rest_ok(lex, sh, text, hi, words)
            # The last item may be "A和B": split it when B is a member.
            s, e = spans[-1]
            if _LAST_JOIN_RE.search(text, s, e):
                *_, j = _LAST_JOIN_RE.finditer(text, s, e)
                je = j.end()
                tail = None
                if everywhere or ((i := bisect_left(starts, je)) < n_starts and starts[i] < e):
                    tail = _match(sh, text, je, e, as_of, tail=rest_ok)
                if tail is not None and tail.exact:
                    spans[-1] = (s, j.start())
                    spans.append((je, e))
                    used.append(j.group())
            items: list[Item | None] = []
            many = len(spans) > 1
            last = len(spans) - 1
            for k, (s, e) in enumerate(spans):
                piece = text[s:e]
                found = exact.get(piece)
                if found is not None:
                    # A member as it is written (what _match finds for it; its hit starts at s).
                    items.append(Item(s, e, piece, found[1], found[2], found[3], s, True))
                    continue
                it = None
                if everywhere or ((i := bisect_left(starts, s)) < n_starts and starts[i] < e):
                    lead = _LEAD_IN if many and k == 0 else 4
                    # The last item, or one closed by a comma the entry allows (“……、友善的社会主义核心价值观，”).
                    closing = k == last or used[k] in "，,"
                    it = _match(sh, text, s, e, as_of, lead, rest_ok if many and closing else None)
                if it is None and many and affix:
                    ss, ee = _strip(text, s, e)
                    if _looks_like_member(sh, text[ss:ee]):
                        it = Item(ss, ee, text[ss:ee], None, None, None, ss, True)
                items.append(it)
            _fill_gaps(sh, text, spans, items)
            # Maximal runs of consecutive recognised items that contain a known member.
            run: list[Item] = []
            run_seps: list[str] = []
            for k, it in enumerate(items):
                if it is not None:
                    if run:
                        run_seps.append(used[k - 1])
                    run.append(it)
                    continue
                if run:
                    if any(i.index is not None for i in run):
                        chains.append(Chain(entry, run, run_seps))
                    run, run_seps = [], []
            if run and any(i.index is not None for i in run):
                chains.append(Chain(entry, run, run_seps))
    if not chains:
        return []
    # Anchor each chain to an abbreviation right before or after it.
    abbr_starts = [a[0] for a in abbrs]  # hits come sorted by start
    longest = max((a[1] - a[0] for a in abbrs), default=0)
    for c in chains:
        # Before the list, only "，即" and the like may stand between the abbreviation and the first
        # member: in “纠治“四风”，重点纠治形式主义、官僚主义” the verb picks some of the members.
        first = c.items[0]
        first_member = first.member_start if first.index is not None and first.member_start > first.start else c.start
        # Only abbreviations within reach of the anchor patterns can match (linear in a long paragraph).
        lo = first_member
        while lo > 0 and (text[lo - 1] in _ANCHOR_GAP_CHARS or text[lo - 1].isspace()):
            lo -= 1
        near = abbrs[bisect_left(abbr_starts, lo - longest) : bisect_right(abbr_starts, c.end + 4)]
        for a_start, a_end, a_entry in near:
            if a_end <= c.start and _ANCHOR_BEFORE_RE.match(text[a_end:first_member]):
                c.anchor = (a_start, a_end, a_entry)
            elif a_start >= c.end and _ANCHOR_AFTER_RE.match(text[c.end : a_start]):
                c.anchor = (a_start, a_end, a_entry)
    # Where the same items form lists of several enumerations, keep the one that knows most items.
    # Ties go to the entry whose abbreviation anchors the list, then to the one it completes, then to one it fits (道路、理论、制度、历史自信 is 四个自信's).
    if len(chains) > 1:
        chains.sort(
            key=lambda c: (
                c.start,
                -len(c.known),
                -(c.anchor is not None and c.anchor[2] is c.entry),
                -(len(c.items) == len(c.known) == len(c.entry.get("members"))),
                -(len(c.items) <= len(c.entry.get("members"))),
            )
        )
    kept: list[Chain] = []
    reach = -1  # kept chains start no later than c, so c overlaps one of them iff one ends after c.start
    for c in chains:
        if reach > c.start:
            continue
        kept.append(c)
        reach = max(reach, c.end)
    return [c for c in kept if len(c.items) >= 2 or c.anchor is not None]


def members_for(entry: Entry, as_of: date | None) -> list[str]:
    if as_of:
        for v in entry.get("versions", []):
            if as_of < v["until"]:
                return list(v["members"])
    return list(entry.get("members"))


def quoted_abbr(entry: Entry) -> str:
    return f"“{entry.get('abbr')}”"


def unmistakable(c: Chain) -> bool:
    """A list judged without its abbreviation: three or more members (four when they are one or two characters)."""
    known = len(c.known)
    short = min(len(m) for m in c.entry.get("members")) <= 2
    return known >= (4 if short else 3)


def block_chains(doc: Document, ctx: Context) -> list[tuple[Block, list[Chain]]]:
    """(block, its lists) for each block of the document that has a list, in document order.

    A block without one is left out: every reader only loops over the lists.  chains_of is
    asked only where a list may start (BlockRoles.listing).
    """
    cached = ctx.cache.get("enumeration.chains")
    if cached is None:
        lex = context_lexicon(ctx)
        as_of = ctx.as_of
        cached = []
        for b in document_roles(doc, ctx).blocks:
            if b.listing:
                found = chains_of(lex, b.block.text, b.members, b.abbrs, as_of)
                if found:
                    cached.append((b.block, found))
        ctx.cache["enumeration.chains"] = cached
    return cached


def anchored_to_own(c: Chain) -> bool:
    return c.anchor is not None and c.anchor[2] is c.entry
