"""Word boundaries by jieba, without paying for jieba's whole dictionary in every process.

A boundary is decided on a window of a few dozen characters, for which jieba consults a few
hundred entries of its 350,000-word prefix dictionary; building that dictionary in memory costs
about 0.9 s and 85 MB per process.  Here jieba's own ``Tokenizer`` (the same DAG, the same
route, the same HMM for unknown words) reads its dictionary through :class:`LazyFrequencies`,
which looks each entry up on demand in an SQLite copy of jieba's ``dict.txt``.  That copy is
built once, from jieba's own parser (``Tokenizer.gen_pfdict``), into the cache folder, keyed by
jieba's version and the dictionary file; opening it costs milliseconds and almost no memory,
and every cut is exactly the cut of the full dictionary.  The copy holds the emission table
of jieba's HMM too, read the same way (see :mod:`orgwrite.lexicon.emissions`).  When the cache
folder cannot be written, the full dictionary and table are loaded as before.
"""

from __future__ import annotations

import functools
import os
from typing import Any

from orgwrite.lexicon.jieba_import import LOCK, import_jieba

#: Bump when the layout of the SQLite copy changes.
_COPY_VERSION = 2

_TOKENIZERS: dict[tuple[str, ...], Any] = {}


def is_word(text: str, start: int, end: int, words: list[str] | tuple[str, ...] = ()) -> bool:
    """Whether [start, end) is a whole word of ``text`` (jieba, no HMM, on a small window only)."""
    lo = max(0, start - 10)
    window = text[lo : min(len(text), end + 10)]
    cuts = {0}
    pos = 0
    for token in tokenizer(words).cut(window, HMM=False):
        pos += len(token)
        cuts.add(pos)
    return (start - lo) in cuts and (end - lo) in cuts


def tokenizer(words: list[str] | tuple[str, ...] = ()) -> Any:
    """A jieba ``Tokenizer`` over jieba's dictionary plus ``words`` (built on first use only)."""
    key = tuple(words)
    tok = _TOKENIZERS.get(key)
    if tok is None:
        jieba = import_jieba()
        freq = _lazy_frequencies(jieba)
        tok = _loading_hmm_first(jieba.Tokenizer if freq is None else _on_demand_tokenizer(jieba))()
        if freq is not None:
            tok.FREQ, tok.total = freq, freq.total
            tok.initialized = True
        for w in key:
            tok.add_word(w, freq=2_000_000)
        _TOKENIZERS[key] = tok
    return tok


@functools.cache
def _loading_hmm_first(base: type) -> type:
    """``base`` whose cuts with the HMM (``cut``, and ``lcut``/``tokenize`` through it) load
    it first with :func:`load_hmm`: whoever cuts, no cut meets it half loaded."""

    class LoadingHmmFirst(base):  # type: ignore[misc, valid-type]
        def cut(self, sentence: str, cut_all: bool = False, HMM: bool = True, use_paddle: bool = False) -> Any:
            if HMM:
                load_hmm()
            return super().cut(sentence, cut_all, HMM, use_paddle)

    return LoadingHmmFirst


def load_hmm() -> None:
    """Load jieba's HMM (``jieba.finalseg``) now, before a cut that uses it.

    It loads on first use (see :mod:`orgwrite.lexicon.jieba_import`), and on Python 3.11 a module loading
    that way looks empty to a second thread meanwhile ("no attribute 'cut'"); loaded here,
    once, under the lock, no cut ever sees it half made.  Every tokenizer of :func:`tokenizer`
    calls it before a cut with the HMM.  Its emission table is read character by character
    from the SQLite copy (see :func:`orgwrite.lexicon.emissions.run_finalseg`), which saves
    the 7 ms of unmarshalling jieba's whole table in every process that cuts with the HMM.
    """
    if _HMM:
        return
    jieba = import_jieba()
    with LOCK:
        if not _HMM:
            from orgwrite.lexicon import emissions

            emissions.run_finalseg(jieba, _copy_uri)
            _HMM.append(True)


#: jieba's HMM, once loaded (see :func:`load_hmm`).
_HMM: list[bool] = []

#: An answer not read yet (see :attr:`LazyFrequencies.answers`).
_UNSEEN = object()


@functools.cache
def _on_demand_tokenizer(jieba: Any) -> Any:
    """jieba's ``Tokenizer`` with its two dictionary loops reading :attr:`LazyFrequencies.answers`.

    ``get_DAG`` and ``calc`` are jieba's own, statement for statement (the same lookups in the
    same order, the same arithmetic, the first of equal routes kept as ``max`` keeps it); only
    each lookup of an entry read before is one ``dict.get`` in C instead of two calls of
    :class:`LazyFrequencies`' methods in Python, which is most of the time of a short cut.
    """
    from math import log

    class OnDemandTokenizer(jieba.Tokenizer):
        def add_word(self, word: str, freq: Any = None, tag: Any = None) -> None:
            """jieba's ``add_word``, except that a prefix of the word is not read from the
            dictionary now: it is marked to read as 0 unless the dictionary has it (what
            jieba's ``if wfrag not in self.FREQ: self.FREQ[wfrag] = 0`` leaves), read when a
            cut first asks for it (most are never asked for)."""
            if freq is None or tag or not isinstance(word, str) or not int(freq):
                return super().add_word(word, freq, tag)
            self.check_initialized()
            self.FREQ[word] = int(freq)
            self.total += int(freq)
            for ch in range(len(word)):
                self.FREQ.zero_unless_known(word[: ch + 1])

        def get_DAG(self, sentence: str) -> dict[int, list[int]]:
            self.check_initialized()
            freq = self.FREQ
            answers = freq.answers
            known = answers.get
            dag = {}
            n = len(sentence)
            for k in range(n):
                found = []
                i = k
                frag = sentence[k]
                while i < n:  # jieba: while i < N and frag in self.FREQ: if self.FREQ[frag]: …
                    v = known(frag, _UNSEEN)
                    if v is _UNSEEN:
                        v = answers[frag] = freq[frag] if frag in freq else None
                    if v is None:
                        break
                    if v:
                        found.append(i)
                    i += 1
                    frag = sentence[k : i + 1]
                if not found:
                    found.append(k)
                dag[k] = found
            return dag

        def calc(self, sentence: str, DAG: dict[int, list[int]], route: dict) -> None:
            freq = self.FREQ
            known = freq.answers.get
            n = len(sentence)
            route[n] = (0, 0)
            logtotal = log(self.total)
            for idx in range(n - 1, -1, -1):
                best = None
                for x in DAG[idx]:
                    frag = sentence[idx : x + 1]
                    v = known(frag, _UNSEEN)
                    if v is _UNSEEN:
                        v = freq.get(frag)
                    here = (log(v or 1) - logtotal + route[x + 1][0], x)
                    if best is None or here > best:
                        best = here
                route[idx] = best

    return OnDemandTokenizer


class CopyConnection:
    """A connection to the SQLite copy, opened on first use in each process (an SQLite
    connection must not cross a fork); calling it gives this process's connection."""

    def __init__(self, uri: str) -> None:
        self._uri = uri
        self._db: Any = None
        self._pid = -1

    def __call__(self) -> Any:
        if self._pid != os.getpid():
            import sqlite3

            self._db = sqlite3.connect(self._uri, uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._db


class LazyFrequencies(dict):
    """jieba's prefix dictionary (word → frequency, prefix → 0), read entry by entry from SQLite.

    jieba only uses ``in``, ``[]``, ``get`` and item assignment (``add_word``); answers are
    kept in the dict itself, absent keys in a set, so each entry is read at most once.
    :attr:`answers` repeats every answer given (an absent key as None) for the tokenizer's
    loops (see :func:`_on_demand_tokenizer`).
    """

    def __init__(self, path: str, total: int, source: str) -> None:
        super().__init__()
        self.total = total
        self._absent: set[str] = set()
        self.answers: dict[str, int | None] = {}
        #: prefixes of added words: 0 unless the dictionary has them (see :meth:`zero_unless_known`)
        self._zero_if_absent: set[str] = set()
        self._connection = CopyConnection(path)
        self._source = source  # jieba's dict.txt, read whole if the copy fails mid-run
        self._complete = False

    def _read(self, key: str) -> bool:
        if self._complete or key in self._absent:
            return False
        import sqlite3

        try:
            row = self._connection().execute("SELECT v FROM f WHERE k = ?", (key,)).fetchone()
        except sqlite3.Error:
            self._read_everything()
            return dict.__contains__(self, key)
        if row is None:
            if key in self._zero_if_absent:
                dict.__setitem__(self, key, 0)
                self.answers[key] = 0
                return True
            self._absent.add(key)
            self.answers[key] = None
            return False
        dict.__setitem__(self, key, row[0])
        self.answers[key] = row[0]
        return True

    def _read_everything(self) -> None:
        """The copy became unreadable (deleted, damaged): load the whole dictionary, as jieba would."""
        jieba = import_jieba()
        with open(self._source, "rb") as fh:
            freq, _ = jieba.Tokenizer.gen_pfdict(fh)
        for key, value in freq.items():
            if not dict.__contains__(self, key):  # words added by add_word keep their frequency
                dict.__setitem__(self, key, value)
        for key in self._zero_if_absent:
            if not dict.__contains__(self, key):
                dict.__setitem__(self, key, 0)
        self._complete = True
        self.answers.clear()  # read again from the whole dictionary

    def zero_unless_known(self, key: str) -> None:
        """``if key not in self: self[key] = 0``, with the lookup put off until ``key`` is asked for."""
        if dict.__contains__(self, key):
            return
        if self._complete or key in self._absent:
            self[key] = 0
        else:
            self._zero_if_absent.add(key)

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or (isinstance(key, str) and self._read(key))

    def __missing__(self, key: str) -> int:
        if self._read(key):
            return dict.__getitem__(self, key)
        raise KeyError(key)

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self else default

    def __setitem__(self, key: str, value: int) -> None:
        self._absent.discard(key)
        dict.__setitem__(self, key, value)
        self.answers[key] = value


def _lazy_frequencies(jieba: Any) -> LazyFrequencies | None:
    """The SQLite copy of jieba's dictionary, built on first use; None when it cannot be."""
    copy = _open_copy(jieba)
    if copy is None:
        return None
    uri, total = copy
    return LazyFrequencies(uri, total, _dictionary_file(jieba))


def _copy_uri(jieba: Any) -> str | None:
    """The copy's URI for the HMM's emission table (which needs no total), None without a copy."""
    copy = _open_copy(jieba)
    return None if copy is None else copy[0]


def _dictionary_file(jieba: Any) -> str:
    return os.path.join(os.path.dirname(jieba.__file__), "dict.txt")


def _open_copy(jieba: Any) -> tuple[str, int] | None:
    """(the URI, jieba's total frequency) of the SQLite copy of jieba's dictionary and emission
    table, built on first use; None when it cannot be.  Its name holds jieba's version and the
    size and time of both files, so that a changed file makes another copy."""
    import sqlite3

    from orgwrite.lexicon import emissions

    source = _dictionary_file(jieba)
    table = emissions.table_file(jieba)  # None: the copy holds the dictionary only
    try:
        stats = [os.stat(f) for f in (source, table) if f is not None]
    except OSError:
        return None
    from orgwrite.lexicon.cache import cache_dir

    keys = "-".join(f"{st.st_size}-{st.st_mtime_ns}" for st in stats)
    path = cache_dir() / f"jieba-{jieba.__version__}-{keys}-v{_COPY_VERSION}.sqlite"
    for attempt in range(2):
        if attempt or not path.is_file():  # absent, or unreadable: (re)build it once
            try:
                _build_copy(jieba, source, table, path)
            except (OSError, sqlite3.Error):
                return None
        uri = f"{path.as_uri()}?mode=ro&immutable=1"
        try:
            db = sqlite3.connect(uri, uri=True)
            try:
                total = db.execute("SELECT v FROM meta WHERE k = 'total'").fetchone()[0]
            finally:
                db.close()
        except (sqlite3.Error, TypeError):
            continue
        return uri, total
    return None


def _build_copy(jieba: Any, source: str, table: str | None, path: Any) -> None:
    """Write jieba's prefix dictionary, parsed by jieba itself, and its emission table (from
    the file ``table``, if there is one) to ``path`` atomically."""
    import sqlite3

    from orgwrite.lexicon import emissions

    path.parent.mkdir(parents=True, exist_ok=True)  # first: an unwritable folder fails before the parse
    with open(source, "rb") as fh:
        freq, total = jieba.Tokenizer.gen_pfdict(fh)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        db = sqlite3.connect(tmp)
        try:
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
            db.execute("CREATE TABLE f (k TEXT PRIMARY KEY, v INTEGER NOT NULL) WITHOUT ROWID")
            db.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v INTEGER NOT NULL)")
            db.executemany("INSERT INTO f VALUES (?, ?)", sorted(freq.items()))
            db.execute("INSERT INTO meta VALUES ('total', ?)", (total,))
            if table is not None:
                emissions.write_table(db, table)
            db.commit()
        finally:
            db.close()
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    from orgwrite import lazyre

    lazyre.prune(path, "jieba-*.sqlite")  # the copies of other (older) installs of jieba
