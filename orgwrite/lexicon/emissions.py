"""jieba's HMM emission table, read character by character from the SQLite copy of its dictionary.

jieba's HMM for unknown words (``jieba.finalseg``) imports its emission table, a dict of 4
states × up to 14,600 characters, as the module ``prob_emit``: unmarshalling it costs about
7 ms in every process, though a check runs the HMM over a few short runs of characters only.
The copy that :mod:`orgwrite.lexicon.segment` builds of jieba's dictionary holds the table too,
one row per character (written from jieba's own module, the floats as SQLite REALs, which are
the same IEEE doubles); :class:`OnDemandEmissions` stands in for the table and reads a
character's row when the HMM first asks for it.  jieba's ``viterbi`` reads the table only as
``emit_p[state].get(char, MIN_FLOAT)``, so each state is an object with that ``get``, giving
exactly the value of jieba's table or the default where the table has none.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

#: jieba's HMM states, in the order of the columns of the table ``e`` of the copy.
STATES = "BMES"

#: A character not read yet.
_UNSEEN = object()


def table_file(jieba: Any) -> str | None:
    """The file of jieba's emission table, see :func:`table_in`."""
    return table_in(os.path.join(os.path.dirname(jieba.__file__), "finalseg"))


def table_in(folder: str) -> str | None:
    """``prob_emit.py`` in ``folder``, else ``prob_emit.pyc`` (an install of compiled modules
    only, as ``compileall -b`` leaves it), else None: no file of the table to copy."""
    for name in ("prob_emit.py", "prob_emit.pyc"):
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            return path
    return None


def jiebas_table(path: str) -> dict[str, dict[str, float]]:
    """jieba's emission table, from its module file, as ``jieba.finalseg`` imports it.

    The module is run under a private name and not put in ``sys.modules``: its usual name
    tells :func:`orgwrite.lexicon.segment.load_hmm` whether ``jieba.finalseg`` has run.
    """
    import importlib.util

    spec = importlib.util.spec_from_file_location("_orgwrite_jieba_prob_emit", path)
    if spec is None or spec.loader is None:
        raise OSError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.P


def write_table(db: Any, path: str) -> None:
    """Write jieba's emission table to ``db``: per character, its value in each state or NULL."""
    table = jiebas_table(path)
    columns = [table[s] for s in STATES]
    chars = sorted(set().union(*columns))
    db.execute("CREATE TABLE e (c TEXT PRIMARY KEY, b REAL, m REAL, e REAL, s REAL) WITHOUT ROWID")
    db.executemany("INSERT INTO e VALUES (?, ?, ?, ?, ?)", [(c, *(col.get(c) for col in columns)) for c in chars])


def run_finalseg(jieba: Any, copy_uri: Callable[[Any], str | None]) -> None:
    """Run ``jieba.finalseg`` with its emission table read on demand from the copy, if there is one.

    ``jieba.finalseg`` takes its table by ``from .prob_emit import P``, which finds a module
    already in ``sys.modules`` without loading the file; while it runs, a stand-in there gives
    it :class:`OnDemandEmissions`' table, and is taken out after, so that an
    ``import jieba.finalseg.prob_emit`` of anyone else loads jieba's.  That name already in
    ``sys.modules`` means that ``jieba.finalseg`` has run (with jieba's table): it is left as
    it is.  When ``copy_uri(jieba)`` (the copy's URI, built if need be) is None, or jieba has no
    file of its table to copy, ``jieba.finalseg`` loads its own table.
    """
    import types

    from orgwrite.lexicon.jieba_import import FINALSEG_PATTERNS, FINALSEG_PUTS_OFF, precompile, put_off

    name = "jieba.finalseg.prob_emit"
    stand_in = None
    if name not in sys.modules:
        source = table_file(jieba)
        uri = copy_uri(jieba) if source is not None else None  # without a file, no table was copied
        if uri is not None and source is not None:
            stand_in = types.ModuleType(name)
            stand_in.P = OnDemandEmissions(uri, source).table  # type: ignore[attr-defined]
            sys.modules[name] = stand_in
        precompile(FINALSEG_PATTERNS)
    try:
        with put_off(FINALSEG_PUTS_OFF):
            getattr(jieba.finalseg, "cut", None)  # the first attribute asked for runs the module
    finally:
        if stand_in is not None and sys.modules.get(name) is stand_in:
            del sys.modules[name]


class OnDemandEmissions:
    """jieba's emission table (state → character → log probability), read on demand from the copy.

    :attr:`table` takes the place of ``prob_emit.P``.  When the copy cannot be read any more
    (deleted, damaged), jieba's own table is loaded whole and answers from then on.
    """

    def __init__(self, uri: str, source: str) -> None:
        from orgwrite.lexicon.segment import CopyConnection

        self._connection = CopyConnection(uri)
        self._source = source  # jieba's prob_emit.py, loaded whole if the copy fails mid-run
        self._whole: dict[str, dict[str, float]] | None = None
        self._states = [_StateEmissions(self) for _ in STATES]
        self.table: dict[str, _StateEmissions] = dict(zip(STATES, self._states, strict=True))

    def read(self, char: str) -> None:
        """Record ``char``'s value in each state (None where jieba's table has none)."""
        if self._whole is None:
            import sqlite3

            try:
                row = self._connection().execute("SELECT b, m, e, s FROM e WHERE c = ?", (char,)).fetchone()
            except sqlite3.Error:
                self._whole = jiebas_table(self._source)
            else:
                for state, value in zip(self._states, row or (None,) * len(STATES), strict=True):
                    state.known[char] = value
                return
        for state, name in zip(self._states, STATES, strict=True):
            state.known[char] = self._whole[name].get(char)


class _StateEmissions:
    """One state's row of the table, with the one method jieba's ``viterbi`` uses."""

    __slots__ = ("_table", "known")

    def __init__(self, table: OnDemandEmissions) -> None:
        self.known: dict[str, float | None] = {}
        self._table = table

    def get(self, char: str, default: Any = None) -> Any:
        value = self.known.get(char, _UNSEEN)
        if value is _UNSEEN:
            self._table.read(char)
            value = self.known[char]
        return default if value is None else value
