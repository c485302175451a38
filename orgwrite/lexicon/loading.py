"""Loading and validating lexicon files.

Duplicate ids, conflicting entries, bad dates, unknown fields and bad regular expressions are
errors naming the file and line, collected all at once so a writer fixes them in one pass.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from orgwrite import lazyre
from orgwrite.errors import ConfigError
from orgwrite.lexicon.schema import (
    _COMMON,
    _COMMON_OPT,
    _CONTEXT_KEYS,
    FIELDS,
    KINDS,
    REQUIRED,
    SEVERITIES,
    Entry,
    LexiconError,
    Problem,
)

_TOML_LINE_RE = lazyre.compile(r"line (\d+)")
_HEADER_RE = lazyre.compile(r"^\s*\[\[\s*([A-Za-z_]+)\s*\]\]\s*(?:#.*)?$")


@cache
def _shipped_files() -> tuple[Path, ...]:
    from orgwrite.resources import data_dir

    folder = data_dir("lexicon")
    return tuple(folder / name for name, _ in KINDS.values() if (folder / name).is_file())


def shipped_files() -> list[Path]:
    """The lexicon files shipped with orgwrite, one per kind, in a stable order.

    Only the files of the five kinds: other data in lexicon/ (numbers.toml, read by the
    number rules) has its own schema.  Looked up once per process (a check asks per document).
    """
    return list(_shipped_files())


def _field_line(lines: list[str], start: int, end: int, key: str) -> int:
    """1-based line of ``key = …`` inside an entry spanning lines [start, end)."""
    pat = lazyre.compile(rf"^\s*{re.escape(key)}\s*=")
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
    import tomllib  # only a process that compiles the lexicon (no cache to read) parses its files

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
                lazyre.compile(value)
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
