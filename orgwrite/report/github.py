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


def write(results: list, out: TextIO, *, statistics: bool = False) -> None:
    for r in results:
        for f in r.findings:
            message = f.message + (f"（建议：{f.replacement}）" if f.replacement else "")
            out.write(
                f"::{_LEVEL[f.severity.value]} file={_escape(r.path, prop=True)},"
                f"line={f.line},col={f.column},endLine={f.end_line},endColumn={f.end_column},"
                f"title={f.rule}::{_escape(message)}\n"
            )
    if statistics:
        from orgwrite.report.stats import write_statistics

        write_statistics(results, sys.stderr)
