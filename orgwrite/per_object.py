"""Values worked out once per object — a lexicon, one of its entries — and kept while it is used.

An entry is a named tuple holding a dict, so it cannot be a key of a dict or of
``functools.lru_cache``; entries, and lexicons with them, are filed here under ``id()``, with
the object kept beside its value so the id cannot be reused by another object while the value
is kept.  Each table is bounded: a long-lived process (``serve``, ``server``) that loads a
changed lexicon again and again keeps at most ``limit`` objects, not every lexicon it ever saw.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

R = TypeVar("R")


def per_object(limit: int) -> Callable[[Callable[[Any], R]], Callable[[Any], R]]:
    """Decorate ``make(obj)`` so it runs once per object (by identity), for up to ``limit``
    objects at a time (then the table starts again)."""

    def decorate(make: Callable[[Any], R]) -> Callable[[Any], R]:
        table: dict[int, tuple[Any, R]] = {}

        @functools.wraps(make)
        def get(obj: Any) -> R:
            found = table.get(id(obj))
            if found is None or found[0] is not obj:
                if len(table) >= limit:
                    table.clear()
                found = table[id(obj)] = (obj, make(obj))
            return found[1]

        return get

    return decorate
