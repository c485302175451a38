"""Where the shipped data (lexicon/, templates/) is, installed or in a checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """The folder of shipped data ``name`` ("lexicon", "templates" or "examples").

    In a wheel it is ``orgwrite/data/NAME``; in a source checkout (tests, ``python -m``)
    the top-level ``NAME/`` beside the package.
    """
    installed = _PACKAGE / "data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name
