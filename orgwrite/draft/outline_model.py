"""The data an outline becomes once validated, and the error that reports its problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from orgwrite.errors import OrgwriteError


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


def _field(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
