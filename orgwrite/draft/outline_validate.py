"""Validate parsed outline data: every problem names its line and field, with a suggestion."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from orgwrite import lazyre
from orgwrite.draft.numerals import MAX_NUMERAL, cn_numeral
from orgwrite.draft.outline_model import Outline, Point, Problem, Section, _field
from orgwrite.draft.outline_yaml import _BadDate
from orgwrite.draft.schema import SECTION_FIELDS, SECTION_NAMES, TOP_FIELDS, TOP_NAMES

MAX_DEPTH = 4
_CN_DATE_RE = lazyre.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
_ISO_DATE_RE = lazyre.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_TEXT_FIELDS = tuple(f.name for f in TOP_FIELDS if f.kind == "text" and f.name != "genre")
_OPTIONAL_OFF = ("salutation", "addressees", "closing", "subtitle", "speaker", "issuer", "occasion", "opening")


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
    if len(value) > MAX_NUMERAL:
        add(path, f"同一级的部分过多（{len(value)} 个）：标题序号最多写到{cn_numeral(MAX_NUMERAL)}（{MAX_NUMERAL}）")
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
