"""Markdown outlines: YAML front matter for the fields, headings for sections, lists for points."""

from __future__ import annotations

from typing import Any

from orgwrite import lazyre
from orgwrite.draft.outline_model import Problem
from orgwrite.draft.outline_yaml import _load_yaml

_MD_HEADING = lazyre.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_BULLET = lazyre.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$")


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
