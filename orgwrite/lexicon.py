"""The lexicon: standard formulations, enumerations, dated wording, confusables, banned wording.

Data lives in TOML files (``lexicon/*.toml`` in a checkout, ``orgwrite/data/lexicon`` in a
wheel; the schema is documented in ``lexicon/README.md``).  This module

* loads and validates them — duplicate ids, conflicting entries, bad dates, unknown fields
  and bad regular expressions are errors naming the file and line;
* compiles every known string once into one Aho–Corasick automaton (:class:`Lexicon`);
* caches the compiled lexicon per process and on disk, keyed by a hash of the data;
* answers the drafting API: :meth:`Lexicon.wording` and :meth:`Lexicon.members`.

Rules use :meth:`Lexicon.scan` (exact hits with a longest-match guard), :meth:`Lexicon.near_misses`
(rapidfuzz on windows around anchors only) and :meth:`Lexicon.is_word` (jieba, imported only
when an entry asks for a word boundary).
"""

from __future__ import annotations

import difflib
import hashlib
import os
import pickle
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from orgwrite.errors import ConfigError

if TYPE_CHECKING:
    from orgwrite.config import Config

#: Bump when the compiled form changes, so stale disk caches are ignored.
FORMAT_VERSION = 5

#: TOML table name of each kind, the file it ships in, and its Chinese name.
KINDS: dict[str, tuple[str, str]] = {
    "formulation": ("formulations.toml", "规范表述"),
    "enumeration": ("enumerations.toml", "列举（数字概括）"),
    "dated": ("dated.toml", "时效表述"),
    "confusable": ("confusables.toml", "易混词"),
    "banned": ("banned.toml", "禁用和慎用词"),
    "document": ("documents.toml", "引用文件"),
}

SEVERITIES = ("error", "warning", "info")
_CONTEXT_KEYS = ("after", "before", "not_after", "not_before")
_COMMON = {"id": str, "source": str, "severity": str, "note": str, "example_wrong": str, "example_right": str}
_COMMON_OPT = {"example_as_of": "date"}

#: field → type for each kind ("date", "regex", "strlist", "table", "versions" are special).
FIELDS: dict[str, dict[str, Any]] = {
    "formulation": {
        "canonical": str,
        "wrong": "strlist",
        "anchors": "strlist",
        "allowed": "strlist",
        "max_distance": int,
        "message": str,
        "since": "date",
        "versions": "versions",
    },
    "enumeration": {
        "abbr": str,
        "aliases": "strlist",
        "members": "strlist",
        "member_variants": "table",
        "alternatives": "table",
        "label": str,
        "wrong_labels": "strlist",
        "verbs": "strlist",
        "wrong_verbs": "strlist",
        "versions": "versions",
        "since": "date",
        "chain": bool,
        "check_missing": bool,
        "separators": "strlist",
    },
    "dated": {
        "term": str,
        "replacement": str,
        "until": "date",
        "since": "date",
        "replacement_since": "date",
        "anachronism": bool,
        "change": str,
        "after": "regex",
        "before": "regex",
        "not_after": "regex",
        "not_before": "regex",
    },
    "confusable": {
        "since": "date",
        "wrong": str,
        "right": str,
        "message": str,
        "boundary": bool,
        "after": "regex",
        "before": "regex",
        "not_after": "regex",
        "not_before": "regex",
        "window": int,
    },
    "banned": {
        "since": "date",
        "text": str,
        "reason": str,
        "suggestion": str,
        "replace": bool,
        "boundary": bool,
        "after": "regex",
        "before": "regex",
        "not_after": "regex",
        "not_before": "regex",
    },
}
FIELDS["document"] = {
    "title": str,
    "issuer": str,
    "adopted": "date",
    "effective": "date",
    "editions": "years",
    "repealed": "date",
    "replaced_by": str,
    "wrong_titles": "strlist",
    "short_names": "strlist",
    "url": str,
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "formulation": ("id", "canonical", "source"),
    "enumeration": ("id", "abbr", "members", "source"),
    "dated": ("id", "term", "replacement", "until", "change", "source"),
    "confusable": ("id", "wrong", "right", "severity", "message", "source"),
    "banned": ("id", "text", "severity", "reason", "source"),
    "document": ("id", "title", "issuer", "adopted", "source"),
}
DEFAULT_SEVERITY = {"formulation": "error", "enumeration": "error", "dated": "warning"}

#: Count words of abbreviations: 四个意识 → 4, 五位一体 → 5, 两学一做 → None (not a count).
_COUNT_RE = re.compile(r"^(?:[“]?)([一二两三四五六七八九十]+)(?:个|项|条|种|大|位一体)")
_CN_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def count_word(abbr: str) -> int | None:
    """The number an abbreviation states: 四个意识 → 4, 五位一体 → 5, 十个坚持 → 10."""
    m = _COUNT_RE.match(abbr)
    if not m:
        return None
    digits = m.group(1)
    if digits == "十":
        return 10
    if len(digits) == 1:
        return _CN_NUM.get(digits)
    if digits.startswith("十"):
        return 10 + _CN_NUM.get(digits[1], 0)
    return None


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a lexicon file."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}：{self.message}"


class LexiconError(ConfigError):
    """The lexicon files are invalid; ``problems`` lists every one found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = "；".join(str(p) for p in problems[:5])
        more = f"（另有 {len(problems) - 5} 处）" if len(problems) > 5 else ""
        super().__init__(f"词库有误：{shown}{more}")


@dataclass
class Entry:
    """One lexicon entry as loaded: kind, id, fields, and where it was written."""

    kind: str
    id: str
    data: dict[str, Any]
    file: str
    line: int

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    @property
    def severity(self) -> str:
        return self.data.get("severity") or DEFAULT_SEVERITY.get(self.kind, "warning")

    @property
    def source(self) -> str:
        return self.data.get("source", "")


# --- loading and validation ----------------------------------------------------------------

_TOML_LINE_RE = re.compile(r"line (\d+)")
_HEADER_RE = re.compile(r"^\s*\[\[\s*([A-Za-z_]+)\s*\]\]\s*(?:#.*)?$")


def shipped_files() -> list[Path]:
    """The lexicon files shipped with orgwrite, one per kind, in a stable order.

    Only the files of the five kinds: other data in lexicon/ (numbers.toml, read by the
    number rules) has its own schema.
    """
    from orgwrite.resources import data_dir

    folder = data_dir("lexicon")
    return [folder / name for name, _ in KINDS.values() if (folder / name).is_file()]


def _field_line(lines: list[str], start: int, end: int, key: str) -> int:
    """1-based line of ``key = …`` inside an entry spanning lines [start, end)."""
    pat = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for i in range(start, min(end, len(lines))):
        if pat.match(lines[i]):
            return i + 1
    return start + 1


def read_file(path: Path) -> tuple[list[Entry], list[Problem]]:
    """Entries of one file and the problems found in it alone."""
    name = str(path)
    try:
        raw = path.read_text("utf-8")
    except FileNotFoundError:
        return [], [Problem(name, 0, "词库文件不存在")]
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Problem(name, 0, f"无法读取词库文件（{exc.__class__.__name__}）")]
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        m = _TOML_LINE_RE.search(str(exc))
        return [], [Problem(name, int(m.group(1)) if m else 0, f"TOML 格式错误（{exc}），日期须写作 YYYY-MM-DD")]
    lines = raw.splitlines()
    headers: dict[str, list[int]] = {}
    for i, text in enumerate(lines):
        m = _HEADER_RE.match(text)
        if m:
            headers.setdefault(m.group(1), []).append(i)
    all_headers = sorted(i for v in headers.values() for i in v)
    entries: list[Entry] = []
    problems: list[Problem] = []
    for key, value in data.items():
        if key not in KINDS:
            line = headers.get(key, [0])[0] + 1 if key in headers else _field_line(lines, 0, len(lines), key)
            problems.append(Problem(name, line, f"未知的条目类别“{key}”（可用：{'、'.join(KINDS)}）"))
            continue
        if not isinstance(value, list):
            problems.append(Problem(name, _field_line(lines, 0, len(lines), key), f"“{key}”应写作 [[{key}]] 表数组"))
            continue
        starts = headers.get(key, [])
        for n, item in enumerate(value):
            start = starts[n] if n < len(starts) else 0
            later = [h for h in all_headers if h > start]
            end = later[0] if later else len(lines)
            entry, found = _validate_entry(key, item, name, lines, start, end)
            problems.extend(found)
            if entry is not None:
                entries.append(entry)
    return entries, problems


def _validate_entry(
    kind: str, item: dict, name: str, lines: list[str], start: int, end: int
) -> tuple[Entry | None, list[Problem]]:
    problems: list[Problem] = []
    head = _field_line(lines, start, end, "id")

    def bad(key: str, message: str) -> None:
        problems.append(Problem(name, _field_line(lines, start, end, key) if key else head, message))

    ident = item.get("id")
    label = f"条目“{ident}”" if isinstance(ident, str) else f"[[{kind}]] 条目"
    for key in REQUIRED[kind]:
        if key not in item or item[key] in ("", []):
            bad("", f"{label}缺少必填字段“{key}”")
    fields = {**_COMMON, **_COMMON_OPT, **FIELDS[kind]}
    clean: dict[str, Any] = {}
    for key, value in item.items():
        kind_of = fields.get(key)
        if kind_of is None:
            bad(key, f"{label}有未知字段“{key}”")
            continue
        if kind_of == "date":
            if isinstance(value, date):
                clean[key] = value
                continue
            try:
                clean[key] = date.fromisoformat(str(value))
            except ValueError:
                bad(key, f"{label}的日期“{key} = {value}”无效，应为 YYYY-MM-DD")
            continue
        if kind_of == "regex":
            if not isinstance(value, str):
                bad(key, f"{label}的“{key}”应为正则表达式字符串")
                continue
            try:
                re.compile(value)
            except re.error as exc:
                bad(key, f"{label}的正则表达式“{key}”有误：{exc}")
                continue
            clean[key] = value
            continue
        if kind_of == "strlist":
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                bad(key, f"{label}的“{key}”应为非空字符串的列表")
                continue
            clean[key] = value
            continue
        if kind_of == "years":
            if not isinstance(value, list) or not all(isinstance(v, int) and 1900 <= v <= 2100 for v in value):
                bad(key, f"{label}的“{key}”应为年份（整数）的列表，如 [2015, 2018]")
                continue
            clean[key] = sorted(value)
            continue
        if kind_of == "table":
            if not isinstance(value, dict) or not all(
                isinstance(v, str) or (isinstance(v, list) and all(isinstance(x, str) for x in v))
                for v in value.values()
            ):
                bad(key, f"{label}的“{key}”应为表（字符串 → 字符串或字符串列表）")
                continue
            clean[key] = value
            continue
        if kind_of == "versions":
            versions = []
            if not isinstance(value, list):
                bad(key, f"{label}的“{key}”应为表的列表")
                continue
            for v in value:
                if not isinstance(v, dict) or "until" not in v:
                    bad(key, f"{label}的每个版本须有 until 日期")
                    continue
                try:
                    until = v["until"] if isinstance(v["until"], date) else date.fromisoformat(str(v["until"]))
                except ValueError:
                    bad(key, f"{label}的版本日期“{v['until']}”无效，应为 YYYY-MM-DD")
                    continue
                versions.append({**v, "until": until})
            clean[key] = sorted(versions, key=lambda v: v["until"])
            continue
        if not isinstance(value, kind_of):
            bad(key, f"{label}的“{key}”类型有误（应为{ {str: '字符串', int: '整数', bool: '真假值'}[kind_of] }）")
            continue
        clean[key] = value
    sev = item.get("severity")
    if sev is not None and sev not in SEVERITIES:
        bad("severity", f"{label}的级别“{sev}”无效（可用 error、warning、info）")
    if kind == "dated" and isinstance(clean.get("since"), date) and isinstance(clean.get("until"), date):
        if clean["since"] >= clean["until"]:
            bad("since", f"{label}的 since 日期不早于 until 日期")
    if kind == "enumeration" and isinstance(clean.get("members"), list):
        members = clean["members"]
        if len(set(members)) != len(members):
            bad("members", f"{label}的成员有重复")
        seps = clean.get("separators", ["、"])
        if clean.get("chain", True):
            for m in members:
                if any(s in m for s in seps):
                    bad("members", f"{label}的成员“{m}”含分隔符；长句成员请设 chain = false")
        for v in clean.get("versions", []):
            vm = v.get("members")
            if not isinstance(vm, list) or len(vm) != len(members):
                bad("versions", f"{label}的版本成员数应与 members 相同")
    if kind == "document":
        title = clean.get("title", "")
        if "《" in title or "》" in title:
            bad("title", f"{label}的 title 不带书名号：写“{title.strip('《》')}”")
        if isinstance(clean.get("repealed"), date) and isinstance(clean.get("adopted"), date):
            if clean["repealed"] <= clean["adopted"]:
                bad("repealed", f"{label}的废止日期不晚于通过日期")
        if clean.get("repealed") and not clean.get("replaced_by"):
            bad("replaced_by", f"{label}已废止，须写明取代它的文件（replaced_by）")
        if title in clean.get("wrong_titles", []):
            bad("wrong_titles", f"{label}的错误名称与 title 相同：“{title}”")
    if kind == "formulation":
        canonical = clean.get("canonical", "")
        for w in clean.get("wrong", []):
            if w == canonical:
                bad("wrong", f"{label}的错误写法与规范表述相同：“{w}”")
    if problems:
        # An invalid entry still takes part in the duplicate-id check (its id is reported once).
        return (Entry(kind, ident, clean, name, head) if isinstance(ident, str) else None), problems
    return Entry(kind, clean["id"], clean, name, head), problems


def check_entries(entries: list[Entry]) -> list[Problem]:
    """Problems across entries: duplicate ids, conflicting patterns, overlapping contexts."""
    problems: list[Problem] = []
    seen: dict[str, Entry] = {}
    for e in entries:
        if e.id in seen:
            first = seen[e.id]
            problems.append(Problem(e.file, e.line, f"条目编号“{e.id}”重复（已见于 {first.file}:{first.line}）"))
        else:
            seen[e.id] = e
    canonical: dict[str, Entry] = {}
    for e in entries:
        if e.kind == "formulation":
            canonical.setdefault(e.get("canonical"), e)
    wrong_owner: dict[str, Entry] = {}
    for e in entries:
        plain: list[str] = []
        if e.kind == "formulation":
            plain = list(e.get("wrong", []))
        elif e.kind == "banned" and not any(e.get(k) for k in _CONTEXT_KEYS):
            plain = [e.get("text")]
        for w in plain:
            if w in canonical and canonical[w] is not e:
                c = canonical[w]
                problems.append(
                    Problem(
                        e.file,
                        e.line,
                        f"条目“{e.id}”把“{w}”列为错误，而条目“{c.id}”（{c.file}:{c.line}）以它为规范表述",
                    )
                )
            if w in wrong_owner and wrong_owner[w] is not e:
                o = wrong_owner[w]
                problems.append(
                    Problem(e.file, e.line, f"“{w}”已由条目“{o.id}”（{o.file}:{o.line}）处理，与条目“{e.id}”重叠")
                )
            wrong_owner.setdefault(w, e)
    contexts: dict[tuple, Entry] = {}
    for e in entries:
        if e.kind in ("confusable", "banned", "dated"):
            key_text = e.get("wrong") or e.get("text") or e.get("term")
            key = (e.kind, key_text, *(e.get(k) or "" for k in _CONTEXT_KEYS))
            if key in contexts:
                o = contexts[key]
                problems.append(
                    Problem(e.file, e.line, f"条目“{e.id}”与条目“{o.id}”（{o.file}:{o.line}）的文字和语境完全相同")
                )
            else:
                contexts[key] = e
    return problems


def load_entries(paths: list[Path], disabled: tuple[str, ...] = ()) -> list[Entry]:
    """Entries of ``paths`` (validated together), without the disabled ids; raises LexiconError."""
    entries: list[Entry] = []
    problems: list[Problem] = []
    for p in paths:
        found, bad = read_file(p)
        entries.extend(found)
        problems.extend(bad)
    problems.extend(check_entries(entries))
    if problems:
        raise LexiconError(problems)
    known = {e.id for e in entries}
    unknown = [d for d in disabled if d not in known]
    if unknown:
        raise ConfigError(f"disable-entries：未知的词库条目编号“{'、'.join(unknown)}”（用 orgwrite lexicon list 查看）")
    off = set(disabled)
    return [e for e in entries if e.id not in off]


# --- the compiled lexicon ------------------------------------------------------------------


class Hit(NamedTuple):
    """An occurrence of a known string: [start, end) in the scanned text, and its roles."""

    start: int
    end: int
    text: str
    roles: tuple[tuple[str, str, Any], ...]  # (role, entry id, extra)


_BREAKS = frozenset("，。；：！？、“”‘’（）《》,.;:!?()\n")

#: Roles whose hits are dropped when a longer known string covers them.
GUARDED_ROLES = frozenset({"fwrong", "dated", "dated_new", "conf", "ban"})
#: Roles that do not make a longer string a guard (a wrong member or an anchor is no correct text).
_NOT_COVERING = frozenset({"mwrong", "anchor"})


def _hit_order(h: Hit) -> tuple[int, int]:
    return (h.start, -h.end)


def _role_flags(roles: tuple) -> tuple[bool, bool, tuple]:
    """What a pattern's roles mean for the longest-match guard (computed once per pattern)."""
    return (
        any(r[0] in GUARDED_ROLES for r in roles),
        any(r[0] not in _NOT_COVERING for r in roles),
        tuple(r for r in roles if r[0] not in GUARDED_ROLES),
    )


@dataclass
class Lexicon:
    """Entries compiled into one automaton.  Build with :func:`load_lexicon`."""

    entries: dict[str, Entry]
    automaton: Any = None
    words: list[str] = field(default_factory=list)
    data_hash: str = ""
    _regex: dict[str, re.Pattern] = field(default_factory=dict, repr=False)
    #: pattern → (has a guarded role, covers shorter hits, its roles without the guarded ones)
    _flags: dict[str, tuple[bool, bool, tuple]] = field(default_factory=dict, repr=False)

    # -- lookup API for drafting --

    def entry(self, entry_id: str) -> Entry:
        try:
            return self.entries[entry_id]
        except KeyError:
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

    def regex(self, pattern: str) -> re.Pattern:
        r = self._regex.get(pattern)
        if r is None:
            r = self._regex[pattern] = re.compile(pattern)
        return r

    def scan(self, text: str) -> list[Hit]:
        """Every known string in ``text``; guarded roles inside a longer known string are dropped."""
        raw = [
            Hit(end_idx - len(pattern) + 1, end_idx + 1, pattern, roles)
            for end_idx, (pattern, roles) in self.automaton.iter(text)
        ]
        if len(raw) < 2:
            return raw
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
        """Spans close to (but not equal to) a formulation's canonical text, found near its anchors.

        Only windows around anchor hits are compared (Levenshtein distance, rapidfuzz), so the cost
        is proportional to the anchors found, not to the text.  A span must start and end like the
        canonical text, stay within ``max_distance`` edits, and not lie inside a known string.
        """
        anchors = [(h, eid) for h in hits for role, eid, _ in h.roles if role == "anchor"]
        if not anchors:
            return []
        from rapidfuzz.distance import Levenshtein

        known = [
            (h.start, h.end)
            for h in hits
            if any(r[0] in ("guard", "fwrong") and self.entries[r[1]].kind == "formulation" for r in h.roles)
        ]
        out: list[tuple[int, int, Entry]] = []
        seen: set[tuple[int, int]] = set()
        for h, eid in anchors:
            if any(s <= h.start and h.end <= t for s, t in known):
                continue
            e = self.entries[eid]
            canon: str = e.get("canonical")
            size = len(canon)
            offset = canon.find(h.text)
            if offset < 0:
                continue
            exp_start = h.start - offset
            exp_end = exp_start + size
            limit = e.get("max_distance") or (1 if size < 10 else 2)
            best = None
            for s in range(max(0, exp_start - limit), min(h.start, exp_start + limit) + 1):
                if text[s] != canon[0]:
                    continue
                for t in range(max(h.end, exp_end - limit), min(len(text), exp_end + limit) + 1):
                    cand = text[s:t]
                    if cand[-1] != canon[-1] or any(c in _BREAKS and c not in canon for c in cand):
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
            if (s, t) in seen or any(a < t and s < b for a, b in known):
                continue
            seen.add((s, t))
            out.append((s, t, e))
        return out

    def context_ok(self, entry: Entry, text: str, start: int, end: int) -> bool:
        """Whether the entry's after/before/not_after/not_before regexes allow this hit."""
        following = text[end : end + (entry.get("window") or 12)]
        preceding = text[max(0, start - 12) : start]
        if (p := entry.get("after")) and not self.regex(p).match(following):
            return False
        if (p := entry.get("before")) and not self.regex(f"(?:{p})$").search(preceding):
            return False
        if (p := entry.get("not_after")) and self.regex(p).match(following):
            return False
        if (p := entry.get("not_before")) and self.regex(f"(?:{p})$").search(preceding):
            return False
        return True

    def is_word(self, text: str, start: int, end: int) -> bool:
        """Whether [start, end) is a whole word of ``text`` by jieba (run on a small window only)."""
        lo = max(0, start - 10)
        window = text[lo : min(len(text), end + 10)]
        cuts = {0}
        pos = 0
        for token in _jieba(self.words).cut(window, HMM=False):
            pos += len(token)
            cuts.add(pos)
        return (start - lo) in cuts and (end - lo) in cuts


_JIEBA: Any = None


def _jieba(words: list[str]) -> Any:
    """A jieba tokenizer with the lexicon's words added (built on first use only)."""
    global _JIEBA
    if _JIEBA is None:
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)
        tok = jieba.Tokenizer()
        for w in words:
            tok.add_word(w, freq=2_000_000)
        _JIEBA = tok
    return _JIEBA


def compile_entries(entries: list[Entry], data_hash: str = "") -> Lexicon:
    """Build the automaton over every string the rules look for."""
    import ahocorasick

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
    auto = ahocorasick.Automaton()
    for s, roles in patterns.items():
        auto.add_word(s, (s, tuple(roles)))
    auto.make_automaton()
    return Lexicon(entries={e.id: e for e in entries}, automaton=auto, words=sorted(words), data_hash=data_hash)


# --- cached loading ------------------------------------------------------------------------

_MEMORY: dict[str, Lexicon] = {}


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "orgwrite"


def data_hash(paths: list[Path], disabled: tuple[str, ...] = ()) -> str:
    h = hashlib.sha256(f"v{FORMAT_VERSION}".encode())
    for p in paths:
        h.update(str(p).encode())
        try:
            h.update(p.read_bytes())
        except OSError:
            h.update(b"<missing>")
    h.update("\0".join(sorted(disabled)).encode())
    return h.hexdigest()[:32]


def _stat_key(paths: list[Path], disabled: tuple[str, ...]) -> str:
    """A cheap in-process key (path, size, mtime) so repeated checks do not re-read the data."""
    parts = []
    for p in paths:
        try:
            st = p.stat()
            parts.append(f"{p}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append(f"{p}:missing")
    return "stat:" + "|".join(parts) + "|" + ",".join(sorted(disabled))


def load_lexicon(config: Config | None = None, *, use_disk_cache: bool = True) -> Lexicon:
    """The compiled lexicon: shipped data + the configuration's files, minus disabled entries.

    Compiled once per process and cached on disk (``$XDG_CACHE_HOME/orgwrite``) keyed by
    a hash of the data; an unwritable cache folder is silently skipped.
    """
    paths = shipped_files() + list(config.lexicon_files if config else ())
    disabled = tuple(config.disable_entries) if config else ()
    quick = _stat_key(paths, disabled)
    lex = _MEMORY.get(quick)
    if lex is not None:
        return lex
    key = data_hash(paths, disabled)
    lex = _MEMORY.get(key)
    if lex is not None:
        _MEMORY[quick] = lex
        return lex
    cache_file = _cache_dir() / f"lexicon-{key}.pickle"
    if use_disk_cache:
        try:
            with cache_file.open("rb") as fh:
                lex = pickle.load(fh)
            if isinstance(lex, Lexicon) and lex.data_hash == key:
                _MEMORY[key] = _MEMORY[quick] = lex
                return lex
        except Exception:
            lex = None
    lex = compile_entries(load_entries(paths, disabled), key)
    _MEMORY[key] = _MEMORY[quick] = lex
    if use_disk_cache:
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache_file.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump(lex, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, cache_file)
        except Exception:
            pass
    return lex


# --- per-document helpers for the rules ---------------------------------------------------


def cite(entry: Entry, limit: int = 60) -> str:
    """A short source for a message: the first part of ``source`` that is not an address."""
    for part in re.split(r"[；;]", entry.source):
        part = part.strip()
        if not part or part.startswith(("http", "lexicon-facts")) or "://" in part[:12]:
            continue
        part = re.sub(r"lexicon-facts\s*\S+[:：]?\s*", "", part).strip("：: ")
        part = re.sub(r"https?://\S+", "", part).strip()
        if part:
            return part if len(part) <= limit else part[: limit - 1] + "…"
    return ""


def document_hits(doc: Any, ctx: Any) -> list[tuple[Any, list[Hit]]]:
    """(block, hits) for every text block of ``doc``, scanned once per check and shared by the rules."""
    cached = ctx.cache.get("lexicon.hits")
    if cached is not None:
        return cached
    from orgwrite.model import BlockKind

    lex = ctx.cache.get("lexicon") or load_lexicon(ctx.config)
    ctx.cache["lexicon"] = lex
    out = []
    for block in doc.blocks:
        if block.kind is BlockKind.CHROME or not block.text:
            continue
        hits = lex.scan(block.text)
        if hits:
            out.append((block, hits))
    ctx.cache["lexicon.hits"] = out
    return out


def role_hits(doc: Any, ctx: Any, role: str) -> Iterator[tuple[Any, Hit, Entry]]:
    """(block, hit, entry) for every hit of ``doc`` in which an entry plays ``role``."""
    entries = context_lexicon(ctx).entries
    for block, hits in document_hits(doc, ctx):
        for h in hits:
            for r, eid, _ in h.roles:
                if r == role:
                    yield block, h, entries[eid]


def context_lexicon(ctx: Any) -> Lexicon:
    lex = ctx.cache.get("lexicon")
    if lex is None:
        lex = ctx.cache["lexicon"] = load_lexicon(ctx.config)
    return lex
