"""Reporters: the same results as terminal text, JSON, SARIF or GitHub annotations."""

from __future__ import annotations

import importlib
from typing import TextIO

_REPORTERS = {
    "human": "orgwrite.report.human",
    "json": "orgwrite.report.json_report",
    "sarif": "orgwrite.report.sarif",
    "github": "orgwrite.report.github",
}


def render(fmt: str, results: list, out: TextIO, *, statistics: bool = False) -> None:
    """Write ``results`` to ``out`` in format ``fmt``."""
    importlib.import_module(_REPORTERS[fmt]).write(results, out, statistics=statistics)
