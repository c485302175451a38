"""The context tests of an entry (``after``, ``before``, ``not_after``, ``not_before``), built once.

Most of these fields are a plain list of words (``截止`` is wrong before ``目前|今年|年底``);
such a field is tested with ``str.startswith``/``str.endswith`` over the tuple of words, which
answers exactly what the regular expression would, without compiling it in every process.
Any other field is compiled as a regular expression, as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: Characters that make a field more than a list of literal words.
_REGEX_SYNTAX = frozenset("\\.^$*+?{}[]()|")

Test = Callable[[str], bool]


def _words(pattern: str) -> tuple[str, ...] | None:
    """The alternatives of ``pattern`` when it is nothing but literal words joined by ``|``."""
    inner = pattern[3:-1] if pattern.startswith("(?:") and pattern.endswith(")") else pattern
    words = tuple(inner.split("|"))
    if any(_REGEX_SYNTAX.intersection(w) for w in words):
        return None
    return words


def starts_test(pattern: str, compile: Callable[[str], re.Pattern]) -> Test:
    """A test of the text after a hit: ``re.match(pattern, following)``."""
    words = _words(pattern)
    if words is None:
        return compile(pattern).match  # type: ignore[return-value]
    return lambda s: s.startswith(words)


def ends_test(pattern: str, compile: Callable[[str], re.Pattern]) -> Test:
    """A test of the text before a hit: ``re.search(f"(?:{pattern})$", preceding)``.

    ``$`` also matches before a line break that ends the string, so a literal test
    looks behind such a break too.
    """
    words = _words(pattern)
    if words is None:
        return compile(f"(?:{pattern})$").search  # type: ignore[return-value]
    return lambda s: s.endswith(words) or (s[-1:] == "\n" and s[:-1].endswith(words))
