"""Load and validate an outline (YAML, or Markdown with YAML front matter).

Every problem names the file, the line and the field, and where a field name looks
mistyped, the field the writer probably meant.  All problems are collected and
reported together as :class:`OutlineError` (exit 2); nothing is drafted from a bad
outline.  Outline values are data: nothing in them is ever evaluated as a template.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from orgwrite.draft.schema import SECTION_FIELDS, SECTION_NAMES, TOP_FIELDS, TOP_NAMES
from orgwrite.errors import InputError, OrgwriteError

MAX_DEPTH = 4
_CN_DATE_RE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
_ISO_DATE_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_TEXT_FIELDS = tuple(f.name for f in TOP_FIELDS if f.kind == "text" and f.name != "genre")
_OPTIONAL_OFF = ("salutation", "addressees", "closing", "subtitle", "speaker", "issuer", "occasion", "opening")


class OutlineError(OrgwriteError):
    """One or more problems in an outline, one Chinese line each with file:line."""


@dataclass(slots=True)
class Problem:
    line: int
    message: str
    field: str = ""

    def render(self, name: str) -> str:
        where = f"{name}:{self.line}" if self.line else name
        return f"{where}：{self.message}" + (f"（字段 {self.field}）" if self.field else "")


@dataclass(slots=True)
class Point:
    """One point: a sentence, or a list of short phrases joined into one sentence."""

    value: str | list[str]
    line: int
    path: str


@dataclass(slots=True)
class Section:
    heading: str
    points: list[Point]
    sections: list[Section]
    line: int
    path: str


@dataclass(slots=True)
class Outline:
    """A validated outline; strings are still raw (markers are expanded when rendering)."""

    path: str
    genre: str  # the genre folder name, resolved
    title: str
    sections: list[Section]
    date: date | None = None
    texts: dict[str, str | None] = field(default_factory=dict)  # subtitle, speaker, …; None = switched off
    attachments: list[str] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # field path → line


# --- loading --------------------------------------------------------------------


def load_outline(path: Path, resolve_genre: Callable[[str], str | None], genre_names: list[str]) -> Outline:
    """Read, parse and validate the outline at ``path``."""
    name = str(path)
    if path.is_dir():
        raise InputError(f"{name}：是文件夹，不是大纲文件")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}：文件不存在") from None
    except OSError as exc:
        raise InputError(f"{name}：无法读取（{exc.strerror or exc.__class__.__name__}）") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            raise InputError(f"{name}：不是 UTF-8 或 GB18030 编码的文本") from None
    return parse_outline(text, name, resolve_genre, genre_names, markdown=path.suffix.lower() in (".md", ".markdown"))


def parse_outline(
    text: str,
    name: str,
    resolve_genre: Callable[[str], str | None],
    genre_names: list[str],
    *,
    markdown: bool = False,
) -> Outline:
    problems: list[Problem] = []
    marks: dict[tuple, int] = {}
    if markdown:
        data = _load_markdown(text, name, marks, problems)
    else:
        data = _load_yaml(text, name, marks, problems, line_offset=1)
    if problems:
        _raise(problems, name)
    outline = _validate(data, marks, name, resolve_genre, genre_names, problems)
    if problems:
        _raise(problems, name)
    return outline


def _raise(problems: list[Problem], name: str) -> None:
    problems.sort(key=lambda p: p.line)
    raise OutlineError("\n".join(p.render(name) for p in problems))


def _load_yaml(text: str, name: str, marks: dict, problems: list[Problem], *, line_offset: int) -> Any:
    import yaml

    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or "格式错误"
        mark = getattr(exc, "problem_mark", None)
        context = getattr(exc, "context_mark", None)
        if context is not None and (mark is None or "end" in problem):
            mark = context  # an unclosed quote or bracket: point at where it opened
        line = min(mark.line, max(text.count("\n"), 0)) + line_offset if mark else 0
        problems.append(Problem(line, f"YAML 语法错误：{_yaml_problem_cn(problem)}"))
        return None
    finally:
        loader.dispose()
    if node is None:
        return {}
    return _build(node, (), marks, loader, problems, line_offset)


_YAML_PROBLEMS = {
    "mapping values are not allowed here": "此处不能有冒号键值（缩进或冒号有误？值中含冒号时请加引号）",
    "could not find expected ':'": "缺少冒号“:”",
    "found character '\\t' that cannot start any token": "不能用制表符缩进，请用空格",
    "expected <block end>, but found '-'": "列表项缩进不一致",
    "found unexpected end of stream": "文件意外结束（引号或括号未闭合？）",
    "found undefined alias": "引用了未定义的锚点",
    "expected ',' or ']'": "方括号列表 [ ] 未闭合或缺少逗号",
    "expected ',' or '}'": "花括号 { } 未闭合或缺少逗号",
    "found unexpected ':'": "多余的冒号（值中含冒号时请加引号）",
    "found unknown escape character": "双引号中有无效的转义字符",
    "expected <block end>": "缩进不一致",
    "expected alphabetic or numeric character": "“*”或“&”后应是锚点名（值以 * 或 & 开头时请加引号）",
}


def _yaml_problem_cn(problem: str) -> str:
    for key, cn in _YAML_PROBLEMS.items():
        if problem.startswith(key):
            return cn
    return problem


def _build(node, path: tuple, marks: dict, loader, problems: list[Problem], offset: int) -> Any:
    import yaml

    marks[path] = node.start_mark.line + offset
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            kpath = (*path, key)
            if key in out:
                problems.append(Problem(key_node.start_mark.line + offset, f"字段“{key}”重复", _field(kpath)))
                continue
            out[key] = _build(value_node, kpath, marks, loader, problems, offset)
            marks[kpath] = key_node.start_mark.line + offset
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), marks, loader, problems, offset) for i, item in enumerate(node.value)]
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, yaml.YAMLError):
        if path and path[-1] == "date":
            return _BadDate(str(node.value))
        return str(node.value)


@dataclass(slots=True)
class _BadDate:
    """A YAML timestamp that is not a real date (2024-02-30)."""

    text: str


# --- Markdown outlines -------------------------------------------------------------

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_BULLET = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$")


def _load_markdown(text: str, name: str, marks: dict, problems: list[Problem]) -> Any:
    lines = text.splitlines()
    data: dict[str, Any] = {}
    start = 0
    if lines and lines[0].strip() == "---":
        for end in range(1, len(lines)):
            if lines[end].strip() in ("---", "..."):
                break
        else:
            problems.append(Problem(1, "文首元数据没有结束行“---”"))
            return None
        loaded = _load_yaml("\n".join(lines[1:end]), name, marks, problems, line_offset=2)
        if problems:
            return None
        if not isinstance(loaded, dict):
            problems.append(Problem(2, "文首元数据应是“字段: 值”的形式"))
            return None
        data = loaded
        start = end + 1
    else:
        problems.append(Problem(1, "Markdown 大纲应以“---”包围的文首元数据开头（写 genre、title 等字段）"))
        return None
    stack: list[tuple[int, dict]] = []  # (heading depth, section dict)
    top: list[dict] = []
    base: int | None = None
    opening: list[str] = []
    last_point: tuple[list, int] | None = None  # (points list, index) for nested phrases
    in_fence = False
    for number in range(start + 1, len(lines) + 1):
        line = lines[number - 1]
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if in_fence or not stripped or stripped.startswith("<!--"):
            continue
        m = _MD_HEADING.match(stripped)
        if m:
            depth = len(m.group(1))
            base = depth if base is None else base
            level = depth - base + 1
            if level < 1:
                problems.append(Problem(number, f"标题层级“{m.group(1)}”比第一个部分标题还高"))
                continue
            while stack and stack[-1][0] >= level:
                stack.pop()
            if level > len(stack) + 1:
                problems.append(Problem(number, "标题跳级（如 # 后直接 ###）"))
                continue
            section: dict[str, Any] = {"heading": m.group(2)}
            if stack:
                parent = stack[-1][1]
                siblings = parent.setdefault("sections", [])
                ppath = parent["__path"]
                marks[(*ppath, "sections")] = number
            else:
                siblings = top
                ppath = ()
                marks[("sections",)] = marks.get(("sections",), number)
            spath = (*ppath, "sections", len(siblings))
            section["__path"] = spath
            siblings.append(section)
            marks[spath] = number
            marks[(*spath, "heading")] = number
            stack.append((level, section))
            last_point = None
            continue
        bullet = _MD_BULLET.match(line)
        if not stack:
            if bullet is None:
                opening.append(stripped)
                marks.setdefault(("opening",), number)
            else:
                problems.append(Problem(number, "第一个部分标题（#）之前的列表项无处归属"))
            continue
        section = stack[-1][1]
        points = section.setdefault("points", [])
        spath = section["__path"]
        marks.setdefault((*spath, "points"), number)
        if bullet and bullet.group(1) and last_point is not None:
            plist, index = last_point
            current = plist[index]
            plist[index] = [*([current] if isinstance(current, str) else current), bullet.group(2).strip()]
            continue
        value = bullet.group(2).strip() if bullet else stripped
        marks[(*spath, "points", len(points))] = number
        points.append(value)
        last_point = (points, len(points) - 1)
    for section in _walk(top):
        section.pop("__path", None)
    if top:
        if "sections" in data:
            problems.append(Problem(marks.get(("sections",), 0), "部分既写在文首元数据中又写在正文标题中，只能用一种"))
        data["sections"] = top
    if opening and "opening" not in data:
        data["opening"] = "\n".join(opening)
    return data


def _walk(sections: list[dict]):
    for s in sections:
        yield s
        yield from _walk(s.get("sections", []))


# --- validation ----------------------------------------------------------------


def _field(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def suggest(key: str, names: tuple[str, ...] | list[str], fields: tuple = ()) -> str | None:
    """The field or name the user probably meant, by spelling or by its Chinese name."""
    for f in fields:
        if key in f.cn:
            return f.name
    lowered = key.lower().replace("-", "_")
    for n in names:
        if n.lower().replace("-", "_") == lowered:
            return n
    close = difflib.get_close_matches(lowered, [n.lower() for n in names], n=1, cutoff=0.6)
    if close:
        return next(n for n in names if n.lower() == close[0])
    return None


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


def parse_date(value: Any) -> date | None:
    """A date from YAML (date object) or text (2024-06-01 / 2024年6月1日); None if invalid."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        m = _ISO_DATE_RE.match(value.strip()) or _CN_DATE_RE.match(value.strip())
        if m:
            try:
                return date(*map(int, m.groups()))
            except ValueError:
                return None
    return None


def _validate(
    data: Any,
    marks: dict,
    name: str,
    resolve_genre: Callable[[str], str | None],
    genre_names: list[str],
    problems: list[Problem],
) -> Outline | None:
    def line(*path) -> int:
        while path and path not in marks:
            path = path[:-1]
        return marks.get(path, marks.get((), 1))

    def add(path: tuple, message: str) -> None:
        problems.append(Problem(line(*path), message, _field(path)))

    if not isinstance(data, dict):
        problems.append(Problem(marks.get((), 1), "大纲应是“字段: 值”的映射（如 title: ……）"))
        return None
    meant: set[str] = set()
    for key in data:
        if key not in TOP_NAMES:
            hint = suggest(key, TOP_NAMES, TOP_FIELDS)
            if hint and hint not in data:
                meant.add(hint)
            add(
                (key,),
                f"未知字段“{key}”" + (f"，是不是“{hint}”？" if hint else "（可用字段见 orgwrite outline --schema）"),
            )
    for f in TOP_FIELDS:
        if f.name in meant:
            continue  # reported once, as the misspelt field
        if f.required and (f.name not in data or data[f.name] in (None, "", [])):
            if f.name == "sections" and "sections" in data:
                add(("sections",), "至少要有一个部分")
            else:
                problems.append(Problem(marks.get((), 1), f"缺少必填字段“{f.name}”（{f.help.split('：')[0]}）", f.name))
    genre = None
    if "genre" in data and data["genre"] not in (None, ""):
        raw = data["genre"]
        genre = resolve_genre(str(raw)) if isinstance(raw, str) else None
        if genre is None:
            hint = difflib.get_close_matches(str(raw), genre_names, n=1, cutoff=0.4)
            if not hint and isinstance(raw, str) and resolve_genre(raw[:2] + raw[-2:]):
                hint = [raw[:2] + raw[-2:]]
            add(
                ("genre",),
                f"未知的文种“{raw}”"
                + (f"，是不是“{hint[0]}”？" if hint else "")
                + f"（可用：{'、'.join(genre_names)}）",
            )
    texts: dict[str, str | None] = {}
    for key in _TEXT_FIELDS:
        if key not in data:
            continue
        value = data[key]
        if value is None or value is False:
            if key == "title":
                continue  # reported as missing above
            if key in _OPTIONAL_OFF:
                texts[key] = None
                continue
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            add((key,), f"“{key}”应是一段文字")
            continue
        if key == "title" and not value.strip():
            continue
        texts[key] = value.strip()
    if "salutation" in texts and "addressees" in texts:
        add(("addressees",), "salutation 与 addressees 只能写一个")
    if "addressees" in texts:
        texts.setdefault("salutation", texts.pop("addressees"))
    the_date = None
    if "date" in data and data["date"] is not None:
        raw = data["date"]
        the_date = parse_date(raw)
        if the_date is None:
            shown = raw.text if isinstance(raw, _BadDate) else raw
            add(("date",), f"日期无效：“{shown}”，应写作 2024-06-01 或 2024年6月1日")
    attachments: list[str] = []
    if "attachments" in data and data["attachments"] is not None:
        value = data["attachments"]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(_is_text(v) for v in value):
            add(("attachments",), "附件应是名称列表（每项一个附件名称）")
        else:
            attachments = [v.strip() for v in value]
    options: dict[str, Any] = {}
    if "options" in data and data["options"] is not None:
        if not isinstance(data["options"], dict):
            add(("options",), "options 应是“选项: 值”的映射")
        else:
            options = data["options"]
    sections: list[Section] = []
    if "sections" in data and data["sections"] not in (None, "", []):
        sections = _sections(data["sections"], ("sections",), 1, add, line)
    if problems or genre is None:
        return None
    lines = {_field(path): ln for path, ln in marks.items() if path}
    return Outline(
        path=name,
        genre=genre,
        title=texts.pop("title"),
        sections=sections,
        date=the_date,
        texts=texts,
        attachments=attachments,
        options=options,
        lines=lines,
    )


def _sections(value: Any, path: tuple, depth: int, add, line) -> list[Section]:
    if not isinstance(value, list):
        add(path, "sections 应是列表，每项以“- heading: ……”开始")
        return []
    out = []
    for i, item in enumerate(value):
        spath = (*path, i)
        if isinstance(item, str):
            add(spath, f"部分应写作“- heading: {item[:20]}”并列出 points")
            continue
        if not isinstance(item, dict):
            add(spath, "部分应是含 heading、points 的映射")
            continue
        for key in item:
            if key not in SECTION_NAMES:
                hint = suggest(key, SECTION_NAMES, SECTION_FIELDS)
                add(
                    (*spath, key),
                    f"未知字段“{key}”" + (f"，是不是“{hint}”？" if hint else "（部分可用 heading、points、sections）"),
                )
        heading = item.get("heading")
        if not _is_text(heading):
            add((*spath, "heading") if "heading" in item else spath, "部分缺少小标题（heading）")
            heading = ""
        points: list[Point] = []
        raw_points = item.get("points")
        if raw_points is not None:
            if isinstance(raw_points, str):
                raw_points = [raw_points]
            if not isinstance(raw_points, list):
                add((*spath, "points"), "points 应是列表，每项一句话或一组短语")
                raw_points = []
            for j, p in enumerate(raw_points):
                ppath = (*spath, "points", j)
                if _is_text(p):
                    points.append(Point(p.strip(), line(*ppath), _field(ppath)))
                elif isinstance(p, list) and p and all(_is_text(x) for x in p):
                    points.append(Point([x.strip() for x in p], line(*ppath), _field(ppath)))
                else:
                    add(ppath, "要点应是一句话，或一组短语（文字列表）")
        children: list[Section] = []
        if item.get("sections") not in (None, []):
            if depth >= MAX_DEPTH:
                add((*spath, "sections"), f"层次过深：最多{MAX_DEPTH}级（一、（一）1.（1））")
            else:
                children = _sections(item["sections"], (*spath, "sections"), depth + 1, add, line)
        if not points and not children and "sections" not in item:
            add((*spath, "points") if "points" in item else spath, "该部分没有要点（points）")
        out.append(Section(heading.strip() if heading else "", points, children, line(*spath), _field(spath)))
    return out
