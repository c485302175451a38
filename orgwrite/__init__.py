"""orgwrite — drafting and checking Chinese official texts.

``from orgwrite import check`` gives the public API.  Names are imported lazily so that
``orgwrite --help`` does not pay for the rules, the lexicon or python-docx.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

_LAZY = {
    "check": ("orgwrite.pipeline", "check"),
    "check_path": ("orgwrite.pipeline", "check_path"),
    "check_document": ("orgwrite.pipeline", "check_document"),
    "Config": ("orgwrite.config", "Config"),
    "Document": ("orgwrite.model", "Document"),
    "Finding": ("orgwrite.model", "Finding"),
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'orgwrite' has no attribute {name!r}")
