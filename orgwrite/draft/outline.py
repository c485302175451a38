"""Load and validate an outline (YAML, or Markdown with YAML front matter).

Every problem names the file, the line and the field, and where a field name looks
mistyped, the field the writer probably meant.  All problems are collected and
reported together as :class:`OutlineError` (exit 2); nothing is drafted from a bad
outline.  Outline values are data: nothing in them is ever evaluated as a template.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from orgwrite.draft.outline_markdown import _load_markdown
from orgwrite.draft.outline_model import Outline, OutlineError, Point, Problem, Section
from orgwrite.draft.outline_validate import MAX_DEPTH, _validate, parse_date, suggest
from orgwrite.draft.outline_yaml import _load_yaml
from orgwrite.errors import InputError

__all__ = [
    "MAX_DEPTH",
    "Outline",
    "OutlineError",
    "Point",
    "Problem",
    "Section",
    "load_outline",
    "parse_date",
    "parse_outline",
    "suggest",
]


def load_outline(path: Path, resolve_genre: Callable[[str], str | None], genre_names: list[str]) -> Outline:
    """Read, parse and validate the outline at ``path``."""
    name = str(path)
    if path.is_dir():
        raise InputError(f"{name}：是文件夹，不是大纲文件")
    from orgwrite.io.files import read_input_bytes

    raw = read_input_bytes(path)  # the same errors and size cap as every other input
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
