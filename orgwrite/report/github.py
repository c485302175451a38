"""GitHub Actions workflow commands: one annotation per finding."""

from __future__ import annotations

import sys
from typing import TextIO

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape(value: str, *, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def part(result) -> str:
    """One input's annotations, one line per finding."""
    file = _escape(result.path, prop=True)
    lines = []
    for f in result.findings:
        message = f.message + (f"（建议：{f.replacement}）" if f.replacement else "")
        lines.append(
            f"::{_LEVEL[f.severity.value]} file={file},"
            f"line={f.line},col={f.column},endLine={f.end_line},endColumn={f.end_column},"
            f"title={f.rule}::{_escape(message)}\n"
        )
    return "".join(lines)


def write_parts(parts: list, out: TextIO, *, statistics: bool = False) -> None:
    out.write("".join(p.payload for p in parts))
    if statistics:
        from orgwrite.report.stats import write_statistics

        write_statistics(parts, sys.stderr)
