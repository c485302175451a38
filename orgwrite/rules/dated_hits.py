"""The lexicon hits T103 looks at, picked out by their text.

A document has a few hundred lexicon hits; T103 wants the few that name something with a first
date.  Walking every role of every hit in Python costs more than the rule itself, so it first
keeps the hits whose text can carry what it reads — a set of strings taken from the entries,
tested at C speed — and reads the roles of those only.  (T101 reads the hits that play "dated"
from the index of the document's hits by role, :func:`orgwrite.lexicon.role_hits`.)

The set rests on how :func:`orgwrite.lexicon.compiling.compile_entries` gives roles: "dated_new"
to a dated entry's ``replacement``, "abbr" to an enumeration's ``abbr`` and ``aliases``; T103
reads a formulation's "guard" only on its ``canonical`` text.  ``tests/test_dated_scans.py``
holds every pattern of the shipped lexicon to it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from operator import attrgetter
from typing import Any

from orgwrite.lexicon import Entry, Lexicon, context_lexicon, document_hits
from orgwrite.per_object import per_object

_TEXT = attrgetter("text")


class DatedTexts:
    """What T103 looks for in one lexicon.

    A plain class, not a frozen dataclass: making one costs some 0.4 ms in every process (its
    methods are generated and compiled), and this is only ever read.
    """

    __slots__ = ("first_dated", "latest_since")

    def __init__(self, first_dated: frozenset[str], latest_since: date | None) -> None:
        self.first_dated = first_dated  # texts that may carry a role T103 reads
        self.latest_since = latest_since  # the latest first date T103 may read: a text dated later has none


def _texts(entries: dict[str, Entry]) -> DatedTexts:
    """Read once per process over every entry: their data's own ``get`` (in C), not the entry's."""
    first_dated: set[str] = set()
    sinces: list[date] = []
    for kind, _id, data, _file, _line in entries.values():
        get = data.get
        if kind == "dated":
            first_dated.add(get("replacement"))
        elif kind == "enumeration":
            first_dated.add(get("abbr"))
            first_dated.update(get("aliases", []))
        elif kind == "formulation":
            first_dated.add(get("canonical"))
        for value in (get("replacement_since") or get("until"), get("since")):
            if isinstance(value, date):
                sinces.append(value)
    return DatedTexts(frozenset(first_dated), max(sinces, default=None))


@per_object(4)
def _lexicon_texts(lex: Lexicon) -> DatedTexts:
    return _texts(lex.entries)


def dated_texts(ctx: Any) -> DatedTexts:
    """:class:`DatedTexts` of the check's lexicon, built once per lexicon object."""
    return _lexicon_texts(context_lexicon(ctx))


def hits_with_text(doc: Any, ctx: Any, texts: frozenset[str]) -> Iterator[tuple[Any, Any]]:
    """(block, hit) of the document's hits whose text is in ``texts``, in the order of
    :func:`orgwrite.lexicon.document_hits`.  A block none of whose hits has such a text is passed
    over by one set test."""
    isdisjoint = texts.isdisjoint
    for block, hits in document_hits(doc, ctx):
        if isdisjoint(map(_TEXT, hits)):
            continue
        for h in hits:
            if h.text in texts:
                yield block, h
