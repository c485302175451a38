"""Regular expressions compiled on first use.

Compiling a pattern with a large Unicode class (every Han character) costs milliseconds,
and a check run from the command line pays for every pattern at import.  A pattern that
only runs after a cheap test has found something (most texts never need it) is declared
with :func:`lazy` and compiled the first time one of its methods is used; after that its
methods are the compiled pattern's own, with no indirection.
"""

from __future__ import annotations

import re

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "pattern", "flags", "groups")


class LazyPattern:
    """Stands for ``re.compile(pattern, flags)`` and compiles it when first used."""

    __slots__ = ("_source", *_METHODS)

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str):
        compiled = re.compile(*self._source)
        for attr in _METHODS:
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern compiled on first use (typed as a compiled pattern for callers)."""
    return LazyPattern(pattern, flags)  # type: ignore[return-value]
