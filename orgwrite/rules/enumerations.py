"""Named enumerations (rule family E): 四个意识, 四个自信, 五位一体 and the other lists of the lexicon.

A list is found from the members the lexicon knows: the clause around a member hit is split at
its separators (、, and ， where the entry allows it; 和/及 before the last item) into items, and
the run of items that are members, known wrong members, or look like members (same shared
suffix, such as ……意识) is the list.  It is *anchored* when its abbreviation stands right
before or after it (“四个意识”：…… / ……的新发展理念).  Only anchored lists, or lists long
enough to be unmistakable, are judged, so that two members quoted in passing are left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from orgwrite.lexicon import Entry, Lexicon, cite, context_lexicon, count_word, document_hits, role_hits
from orgwrite.model import Document, Finding
from orgwrite.rules.base import Context, rule

_CLAUSE_BREAK = "。；！？：:;!?（）()《》\n"
_QUOTES = "“”‘’\"'"
_LAST_JOIN_RE = re.compile(r"(以及|和|及|与|同)")
_ANCHOR_BEFORE_RE = re.compile(r"^[”’」]?\s*(?:[，,：:（(]|——)?\s*(?:即|就是|包括|分别是|主要是)?\s*[“‘]?$")
_ANCHOR_AFTER_RE = re.compile(r"^[”’]?(?:的|等|这|这一|即)?[“‘]?$")
#: Every character _ANCHOR_BEFORE_RE can match, besides whitespace (\s is str.isspace).
_ANCHOR_GAP_CHARS = frozenset("”’」，,：:（(—即就是包括分别主要“‘")

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
        quoted = _match_exact(entry, text[raw_s:raw_e])
        if quoted is not None:
            s, e, item = raw_s, raw_e, text[raw_s:raw_e]
    candidates = _member_candidates(entry)
    best = None
    for m, i, right, until in candidates:
        if item == m or (item.endswith(m) and _lead_ok(item[: len(item) - len(m)], lead)):
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


def _lead_ok(lead_in: str, lead: int) -> bool:
    """A lead-in of up to 4 characters always; a longer one (first item of a clause) up to ``lead``,
    unless it ends in 的: in “让群众有更多的安全感、获得感、幸福感” the nouns are described, not quoted."""
    return len(lead_in) <= 4 or (len(lead_in) <= lead and not lead_in.endswith("的"))


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


def _candidates(positions: list[int], has_abbr: bool) -> list[int]:
    """Member hits worth a closer look: two members close together, or any member near the abbreviation.

    Most hits of short members (创新, 民主) stand alone in prose; skipping them keeps the cost of
    this rule proportional to the lists actually present.
    """
    if has_abbr:
        return positions
    keep = []
    for i, p in enumerate(positions):
        near_prev = i > 0 and p - positions[i - 1] <= 24
        near_next = i + 1 < len(positions) and positions[i + 1] - p <= 24
        if near_prev or near_next:
            keep.append(p)
    return keep


_LEAD_IN = 12  # longest lead-in before the first member of a clause (“完整准确全面贯彻创新、……”)


def _rest_ok(lex: Lexicon, entry: Entry, text: str, hi: int):
    """Whether the member text[s:e] that opens the last item may be followed by the rest of the clause.

    It may when the rest is “的……”/“等……” or the abbreviation (“……、精准脱贫三大攻坚战”), or when the
    member is a whole word of four characters or more there (“奢靡之风一起纠”; a short member may
    begin a longer word: “开放型经济”).
    """
    names = [entry.get("abbr"), *entry.get("aliases", [])]

    def ok(s: int, e: int) -> bool:
        rest = text[e:hi].lstrip("”’\"'")
        if not rest:
            return True
        if rest[0] in "的等" or any(n and rest.startswith(n) for n in names):
            return True
        return e - s >= 4 and lex.is_word(text, s, e)

    return ok


def _chains(lex: Lexicon, text: str, hits, as_of: date | None) -> list[Chain]:
    """The enumeration lists of one block."""
    by_entry: dict[str, list[int]] = {}
    abbrs: list[tuple[int, int, Entry]] = []
    for h in hits:
        for role, eid, _ in h.roles:
            if role in ("member", "mwrong"):
                by_entry.setdefault(eid, []).append(h.start)
            elif role == "abbr":
                abbrs.append((h.start, h.end, lex.entries[eid]))
    chains: list[Chain] = []
    abbr_ids = {a[2].id for a in abbrs}
    for eid, positions in by_entry.items():
        entry = lex.entries[eid]
        seps = entry.get("separators", ["、"])
        done: set[tuple[int, int]] = set()
        positions = _candidates(sorted(positions), eid in abbr_ids)
        for pos in positions:
            lo, hi = _split_clause(text, pos, seps)
            if (lo, hi) in done:
                continue
            done.add((lo, hi))
            spans, used = _items(text, lo, hi, seps)
            rest_ok = _rest_ok(lex, entry, text, hi)
            # The last item may be "A和B": split it when B is a member.
            s, e = spans[-1]
            joined = [m for m in _LAST_JOIN_RE.finditer(text, s, e)]
            if joined:
                j = joined[-1]
                tail = _match(entry, text, j.end(), e, as_of, tail=rest_ok)
                if tail is not None and tail.exact:
                    spans[-1] = (s, j.start())
                    spans.append((j.end(), e))
                    used.append(j.group())
            items: list[Item | None] = []
            for k, (s, e) in enumerate(spans):
                many = len(spans) > 1
                lead = _LEAD_IN if many and k == 0 else 4
                it = _match(entry, text, s, e, as_of, lead, rest_ok if many and k == len(spans) - 1 else None)
                if it is None:
                    ss, ee = _strip(text, s, e)
                    if _looks_like_member(entry, text[ss:ee]) and len(spans) > 1:
                        it = Item(ss, ee, text[ss:ee], None, None, None, ss, True)
                items.append(it)
            # Maximal runs of consecutive recognised items that contain a known member.
            run: list[Item] = []
            run_seps: list[str] = []
            for k, it in enumerate([*items, None]):
                if it is not None:
                    if run:
                        run_seps.append(used[k - 1])
                    run.append(it)
                    continue
                if len([i for i in run if i.index is not None]) >= 1 and len(run) >= 1:
                    chains.append(Chain(entry, run, run_seps))
                run, run_seps = [], []
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
    chains.sort(key=lambda c: (c.start, -len(c.known), -(c.anchor is not None and c.anchor[2] is c.entry)))
    kept: list[Chain] = []
    reach = -1  # kept chains start no later than c, so c overlaps one of them iff one ends after c.start
    for c in chains:
        if reach > c.start:
            continue
        kept.append(c)
        reach = max(reach, c.end)
    return [c for c in kept if len(c.items) >= 2 or c.anchor is not None]


def _members_for(entry: Entry, as_of: date | None) -> list[str]:
    if as_of:
        for v in entry.get("versions", []):
            if as_of < v["until"]:
                return list(v["members"])
    return list(entry.get("members"))


def _label(entry: Entry) -> str:
    return f"“{entry.get('abbr')}”"


def _unmistakable(c: Chain) -> bool:
    """A list judged without its abbreviation: three or more members (four when they are one or two characters)."""
    known = len(c.known)
    short = min(len(m) for m in c.entry.get("members")) <= 2
    return known >= (4 if short else 3)


def _block_chains(doc: Document, ctx: Context):
    cached = ctx.cache.get("enumeration.chains")
    if cached is None:
        lex = context_lexicon(ctx)
        cached = [(block, _chains(lex, block.text, hits, ctx.as_of)) for block, hits in document_hits(doc, ctx)]
        ctx.cache["enumeration.chains"] = cached
    return cached


def _anchored_to_own(c: Chain) -> bool:
    return c.anchor is not None and c.anchor[2] is c.entry


@rule("E101", "enumeration-wrong-member", "error", "列举中的成员写错", fix="unsafe")
def enumeration_wrong_member(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    “四个意识”“四个自信”“五位一体”等数字概括的成员是固定的。列举中出现词库记录的错误成员
    （如“全局意识”），或在紧跟简称的列举中出现不属于它的成员时报告，并给出应有的成员。
    原因：
    成员写错会改变提法的含义，是审稿中最常见的硬伤之一。
    错误示例：
    增强“四个意识”，即政治意识、全局意识、核心意识、看齐意识。
    坚决反对形式主义、官僚主义、享乐主义和奢靡主义。
    正确示例：
    增强“四个意识”，即政治意识、大局意识、核心意识、看齐意识。
    坚决反对形式主义、官僚主义、享乐主义和奢靡之风。
    依据：
    各条目的出处（orgwrite lexicon show 编号），如中央政治局会议（2016年1月29日）。
    """
    for block, chains in _block_chains(doc, ctx):
        for c in chains:
            members = _members_for(c.entry, ctx.as_of)
            own = _anchored_to_own(c)
            present = {i.index for i in c.items if i.index is not None and i.wrong is None}
            missing = [m for k, m in enumerate(members) if k not in present]
            unknown = [i for i in c.items if i.index is None]
            for it in c.items:
                if it.wrong is not None and (own or len(present) >= 2):
                    right = members[it.index]
                    yield ctx.emit(
                        "E101",
                        block,
                        it.member_start,
                        it.end,
                        f"{_label(c.entry)}的成员是“{right}”，不是“{block.text[it.member_start : it.end]}”"
                        f"（{cite(c.entry)}）",
                        right,
                    )
            if unknown and (own or len(present) >= len(members) - 1) and len(c.items) <= len(members):
                for it in unknown:
                    replacement = missing[0] if len(unknown) == 1 and len(missing) == 1 else None
                    hint = f"，应为“{replacement}”" if replacement else f"（成员：{'、'.join(members)}）"
                    yield ctx.emit(
                        "E101",
                        block,
                        it.start,
                        it.end,
                        f"“{it.text}”不是{_label(c.entry)}的成员{hint}",
                        replacement,
                    )


@rule("E102", "enumeration-order", "error", "列举成员的顺序与规范顺序不一致", fix="unsafe")
def enumeration_order(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    数字概括的成员有固定顺序（政治意识、大局意识、核心意识、看齐意识）。紧跟简称的列举，或
    成员足够多、不会误认的列举，顺序与规范不同时报告；成员齐全时给出按规范顺序的写法。
    原因：
    顺序是提法的一部分，调换顺序等于改写中央提法。
    错误示例：
    增强“四个意识”：政治意识、大局意识、看齐意识、核心意识。
    坚持创新、协调、开放、绿色、共享的新发展理念。
    正确示例：
    增强“四个意识”：政治意识、大局意识、核心意识、看齐意识。
    坚持创新、协调、绿色、开放、共享的新发展理念。
    依据：
    各条目的出处（orgwrite lexicon show 编号）。
    """
    for block, chains in _block_chains(doc, ctx):
        for c in chains:
            indices = [i.index for i in c.items if i.index is not None]
            if len(indices) < 2 or len(set(indices)) != len(indices):
                continue
            if indices == sorted(indices):
                continue
            if not (_anchored_to_own(c) or _unmistakable(c)):
                continue
            members = _members_for(c.entry, ctx.as_of)
            replacement = None
            first = c.items[0]
            plain = all(i.exact and i.wrong is None for i in c.items[1:]) and first.wrong is None
            if plain and len(indices) == len(c.items) and len(set(c.seps)) <= 1:
                sep = c.seps[0] if c.seps else "、"
                if sep in ("、", "，"):
                    replacement = sep.join(members[k] for k in sorted(indices))
            order = "、".join(members[k] for k in sorted(indices))
            yield ctx.emit(
                "E102",
                block,
                first.member_start,
                c.end,
                f"{_label(c.entry)}的成员顺序应为：{order}（{cite(c.entry)}）",
                replacement,
            )


@rule("E103", "enumeration-missing-member", "error", "紧跟简称的列举缺少成员")
def enumeration_missing_member(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    简称后随即列出成员（“四个意识”，即……）时，成员应齐全；缺项时报告缺少的成员。
    原因：
    写明“四个”却只列三个，读者会以为漏印，也不符合中央提法。
    错误示例：
    增强“四个意识”，即政治意识、大局意识、看齐意识。
    正确示例：
    增强“四个意识”，即政治意识、大局意识、核心意识、看齐意识。
    依据：
    各条目的出处（orgwrite lexicon show 编号）。
    """
    for block, chains in _block_chains(doc, ctx):
        for c in chains:
            if not _anchored_to_own(c) or not c.entry.get("check_missing", True):
                continue
            members = _members_for(c.entry, ctx.as_of)
            if len(c.items) >= len(members):
                continue
            present = {i.index for i in c.items if i.index is not None}
            missing = [m for k, m in enumerate(members) if k not in present]
            if not missing or any(i.index is None for i in c.items):
                continue
            yield ctx.emit(
                "E103",
                block,
                c.start,
                c.end,
                f"{_label(c.entry)}共{len(members)}项，这里缺少“{'、'.join(missing)}”（{cite(c.entry)}）",
            )


@rule("E104", "enumeration-count", "error", "简称中的数目与所列成员数不符", fix="unsafe")
def enumeration_count(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    简称中的数字（三个、四个、五位）应与随后列出的成员数一致，如“三个自信”后列了四项
    （道路自信、理论自信、制度自信、文化自信）。能确定应有的简称时给出替换。
    原因：
    数目不符多是沿用了旧提法（三个自信 → 四个自信）或漏改简称。
    错误示例：
    坚定“三个自信”，即道路自信、理论自信、制度自信、文化自信。
    正确示例：
    坚定“四个自信”，即道路自信、理论自信、制度自信、文化自信。
    依据：
    各条目的出处（orgwrite lexicon show 编号）。
    """
    for block, chains in _block_chains(doc, ctx):
        for c in chains:
            if c.anchor is None:
                continue
            a_start, a_end, a_entry = c.anchor
            stated = count_word(block.text[a_start:a_end])
            if stated is None or stated == len(c.items):
                continue
            if a_entry is c.entry and len(c.items) < len(c.entry.get("members")):
                continue  # fewer items than the abbreviation says: E103 reports the missing ones
            if a_entry is not c.entry and (
                len(c.known) < len(c.items) or not _introduces(block.text, a_end, c.items[0].member_start or c.start)
            ):
                continue  # another entry's list: only when the abbreviation plainly introduces it
            better = c.entry.get("abbr") if count_word(c.entry.get("abbr")) == len(c.items) else None
            hint = f"，应为“{better}”" if better else ""
            yield ctx.emit(
                "E104",
                block,
                a_start,
                a_end,
                f"“{block.text[a_start:a_end]}”与所列{len(c.items)}项（{'、'.join(i.text for i in c.items)}）数目不符{hint}",
                better,
            )


_INTRODUCES_RE = re.compile(r"[”’\"]?(?:[（(：:]|[，,]?(?:即|就是|也就是|包括|主要是)[：:]?)[“\"]?")


def _introduces(text: str, abbr_end: int, list_start: int) -> bool:
    """True when nothing but "，即" and the like stands between an abbreviation and a list."""
    return list_start >= abbr_end and _INTRODUCES_RE.fullmatch(text[abbr_end:list_start]) is not None


def _abbr_hits(doc: Document, ctx: Context):
    return role_hits(doc, ctx, "abbr")


@rule("E105", "enumeration-head-verb", "warning", "简称前的动词搭配不当", fix="unsafe")
def enumeration_head_verb(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    数字概括有固定的动词搭配：增强（牢固树立）“四个意识”、坚定“四个自信”、坚决做到“两个维护”。
    词库记录的不当搭配（树立“四个自信”、坚定“四个意识”、增强“两个维护”）会被报告。
    原因：
    中央文件的搭配是固定的，“坚定意识”“树立自信”在语义上也不通。
    错误示例：
    牢固树立“四个自信”。
    正确示例：
    坚定“四个自信”，牢固树立“四个意识”。
    依据：
    中央文件通行搭配（lexicon-facts B5）。
    """
    for block, h, e in _abbr_hits(doc, ctx):
        wrong_verbs = e.get("wrong_verbs", [])
        if not wrong_verbs:
            continue
        before = block.text[max(0, h.start - 8) : h.start]
        core = before.rstrip("“‘")
        quote = len(before) - len(core)
        for verb in sorted(wrong_verbs, key=len, reverse=True):
            if core.endswith(verb):
                if any(core.endswith(v) and len(v) > len(verb) for v in e.get("verbs", [])):
                    break
                right = (e.get("verbs") or [None])[0]
                start = h.start - quote - len(verb)
                hint = f"，应为“{right}{_label(e)}”" if right else ""
                yield ctx.emit(
                    "E105",
                    block,
                    start,
                    h.start - quote,
                    f"“{verb}”与{_label(e)}搭配不当{hint}（常用：{'、'.join(e.get('verbs', []))}）",
                    right,
                )
                break


@rule("E106", "enumeration-label", "error", "数字概括的类别名称用错（总体布局/战略布局）", fix="safe")
def enumeration_label(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    “五位一体”是总体布局，“四个全面”是战略布局；类别名称写错时报告并给出正确名称。
    原因：
    党的十八大以来的固定提法是统筹推进“五位一体”总体布局、协调推进“四个全面”战略布局。
    错误示例：
    统筹推进“五位一体”战略布局。
    正确示例：
    统筹推进“五位一体”总体布局，协调推进“四个全面”战略布局。
    依据：
    党的十九大报告（2017年10月18日）；lexicon-facts A6、A7。
    """
    for block, h, e in _abbr_hits(doc, ctx):
        label = e.get("label")
        if not label:
            continue
        after = block.text[h.end : h.end + 8]
        skip = len(after) - len(after.lstrip("”’"))
        for wrong in e.get("wrong_labels", []):
            if after[skip:].startswith(wrong):
                start = h.end + skip
                yield ctx.emit(
                    "E106",
                    block,
                    start,
                    start + len(wrong),
                    f"{_label(e)}是“{label}”，不是“{wrong}”（{cite(e)}）",
                    label,
                )
                break
