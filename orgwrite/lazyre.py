"""Regular expressions compiled once per machine, or on first use.

CPython's ``re`` parses and compiles every pattern again in every process, and a class
of every Han character costs milliseconds in its charset optimiser: a check run from the
command line paid some 80 ms for its 200 patterns before reading a word.  :func:`compile`
keeps the compiled code ``re`` produced in an earlier process in the user cache folder
(``$XDG_CACHE_HOME/orgwrite``, beside the lexicon cache) and builds the pattern object from
it directly, which costs microseconds.

Why this gives exactly the pattern ``re.compile`` gives:

- A record is written only after it was checked: the pattern built from the recorded code
  must compare equal to ``re.compile``'s (``re.Pattern.__eq__`` compares pattern, flags
  and the compiled code word by word) and have the same group names.
- The cache file is keyed by the exact Python build and the regex engine's version
  (``sys.version``, ``_sre.MAGIC``, its code word size and limits) and carries a checksum;
  the engine validates the code of every pattern it builds.
- Any failure — a missing, stale, damaged or unwritable file, another Python, an engine
  that refuses the code — falls back silently to ``re.compile``.

A pattern that only runs after a cheap test has found something is declared with
:func:`lazy` and compiled (through the same cache) the first time one of its methods is used.
"""

from __future__ import annotations

import _sre
import os
import re
import sys
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: Bump when the record layout changes.
FORMAT = 1
#: A cache holding more records, or more bytes of code, than this is rewritten with only the
#: ones this process used: patterns built from user data (or left by older data) must not make
#: it grow without end, and every process reads the whole file (some 0.3 ms for 200 KB).
MAX_RECORDS = 3000
MAX_CODE_BYTES = 1 << 20

#: The array type code of the engine's code words (``_sre.CODESIZE`` bytes each).
_WORD = next(c for c in "HILQ" if array(c).itemsize == _sre.CODESIZE)
_HEADER = (FORMAT, sys.version, sys.byteorder, _WORD, _sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS)

Key = tuple[str | bytes, int]
#: What ``_sre.compile`` needs besides the pattern — flags, code, groups, groupindex,
#: indexgroup — with the code as the bytes of an array of words (marshal reads one bytes
#: object far faster than a list of a thousand ints).
Record = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]


def cache_file() -> Path:
    """The cache of compiled patterns for this Python (same folder as the lexicon cache)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "orgwrite" / f"regex-{sys.implementation.cache_tag}.marshal"


class PatternStore:
    """Compiled patterns of one process, backed by one cache file."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.patterns: dict[Key, re.Pattern] = {}
        self._records: dict[Key, Record] | None = None
        #: Keys in the order this process first used them (a dict keeps that order).
        self._used: dict[Key, None] = {}
        self._added = False

    def compile(self, pattern: str | bytes, flags: int = 0) -> re.Pattern:
        """``re.compile(pattern, flags)``, built from the cached code when there is one."""
        flags = int(flags)
        key = (pattern, flags)
        try:
            return self.patterns[key]
        except (KeyError, TypeError):
            pass
        compiled = self._from_record(key)
        if compiled is None:
            compiled = re.compile(pattern, flags)
            self._remember(key, compiled)
        self.patterns[key] = compiled
        return compiled

    def records(self) -> dict[Key, Record]:
        if self._records is None:
            self._records = read_records(self.path) if self.path else {}
        return self._records

    def _from_record(self, key: Key) -> re.Pattern | None:
        record = self.records().get(key)
        if record is None:
            return None
        try:
            flags, code, groups, groupindex, indexgroup = record
            compiled = _sre.compile(key[0], flags, array(_WORD, code).tolist(), groups, groupindex, indexgroup)
        except Exception:
            return None
        self._used.setdefault(key)
        return compiled

    def _remember(self, key: Key, compiled: re.Pattern) -> None:
        if self.path is None or key[1] & re.DEBUG:
            return
        record = make_record(key[0], key[1], compiled)
        if record is None:
            return
        if not self._added:
            import atexit

            atexit.register(self.save)
        self.records()[key] = record
        self._used.setdefault(key)
        self._added = True

    def save(self) -> None:
        """Write the records (merged with what other processes wrote meanwhile), atomically."""
        if not self._added or self.path is None:
            return
        merged = read_records(self.path)
        merged.update(self.records())
        if len(merged) > MAX_RECORDS or sum(len(record[1]) for record in merged.values()) > MAX_CODE_BYTES:
            # What this process used, first used first (the patterns compiled at import come first and
            # every process needs them), up to the limits: a long-lived process that compiled thousands
            # of patterns must not leave a file that every later process pays to read.
            kept: dict[Key, Record] = {}
            code = 0
            for k in self._used:
                record = merged.get(k)
                if record is None:
                    continue
                code += len(record[1])
                if kept and (len(kept) >= MAX_RECORDS or code > MAX_CODE_BYTES):
                    break
                kept[k] = record
            merged = kept
        write_records(self.path, merged)
        self._added = False


def make_record(pattern: str | bytes, flags: int, compiled: re.Pattern) -> Record | None:
    """The engine's code for ``pattern`` as ``re`` compiles it, or None if it cannot be checked.

    Uses ``re``'s own parser and code generator; the result is kept only when the pattern
    built from it is equal to ``compiled`` (same code, flags, groups).
    """
    try:
        from re import _compiler, _parser

        parsed = _parser.parse(pattern, flags)
        code = array(_WORD, _compiler._code(parsed, flags))
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        final_flags, groups = flags | parsed.state.flags, parsed.state.groups - 1
        rebuilt = _sre.compile(pattern, final_flags, code.tolist(), groups, groupindex, tuple(indexgroup))
        if rebuilt == compiled and rebuilt.groupindex == compiled.groupindex and rebuilt.groups == compiled.groups:
            return final_flags, code.tobytes(), groups, groupindex, tuple(indexgroup)
    except Exception:
        pass
    return None


def read_records(path: Path) -> dict[Key, Record]:
    """The records of a cache file; empty when it is missing, damaged or for another engine."""
    records = read_kept(path, _HEADER)
    return records if isinstance(records, dict) else {}


def write_records(path: Path, records: dict[Key, Record]) -> None:
    """Replace the cache file atomically; an unwritable folder is silently skipped."""
    keep(path, _HEADER, records)


def read_kept(path: Path, key: tuple) -> Any:
    """What :func:`keep` kept in ``path`` for ``key`` (compared whole), or None when the file is
    missing, damaged (its checksum is checked first) or was written for another key."""
    import marshal
    import zlib

    try:
        data = path.read_bytes()
        if len(data) < 4 or zlib.crc32(data[4:]) != int.from_bytes(data[:4], "little"):
            return None
        stored_key, value = marshal.loads(data[4:])
    except Exception:
        return None
    return value if stored_key == key else None


def keep(path: Path, key: tuple, value: Any) -> None:
    """Keep ``value`` (of marshal's types) for ``key`` in the cache file ``path``, behind a
    checksum of its bytes, atomically; a value marshal cannot write, or an unwritable folder, is
    silently passed over."""
    import marshal
    import zlib

    try:
        payload = marshal.dumps((key, value))
    except ValueError:
        return
    replace_file(path, zlib.crc32(payload).to_bytes(4, "little") + payload)


def derived(stem: str, module_file: str, inputs: tuple, work_out: Callable[[], Any]) -> Any:
    """``work_out()``, a pure function of ``inputs``, this Python and the module ``module_file``,
    kept on disk: read back in microseconds when an earlier process worked it out.

    The value is kept with the very ``inputs`` it was worked out from (compared whole), in a
    file keyed by the Python build and by the module's size and modification time (as Python
    keys its compiled modules, see :func:`module_keyed_file`), behind a checksum of its bytes.
    A missing, damaged, stale or unwritable file, or a value of a type marshal cannot write,
    falls back to working it out.
    """
    try:
        path, key = module_keyed_file(stem, module_file, ".marshal")
    except Exception:  # no home folder, no module file
        return work_out()
    key = (*key, inputs)
    value = read_kept(path, key)
    if value is None:
        value = work_out()
        keep(path, key, value)
        prune(path, f"{stem}-*.marshal")
    return value


def unpickle(data: bytes) -> Any:
    """``pickle.loads(data)``, for the caches a check reads: the very function (pickle.py takes
    its ``loads`` from the C module ``_pickle``), without importing pickle.py, whose 80 KB of
    code cost more than a millisecond to load in every process."""
    try:
        from _pickle import loads
    except ImportError:  # a Python without the C module
        from pickle import loads
    return loads(data)


def replace_file(path: Path, data: bytes) -> None:
    """Replace the cache file ``path`` with ``data`` atomically, through a temporary file of
    this process and moment (two threads writing at once write two); an unwritable folder is
    silently skipped and leaves no temporary file behind."""
    import time

    tmp = path.with_name(f".{path.name}.{os.getpid()}.{time.monotonic_ns()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except Exception:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass


def prune(written: Path, family: str, keep: int = 3) -> None:
    """Remove the cache files named like ``family`` (a glob pattern) in ``written``'s folder but
    the ``keep`` written last, and never ``written`` itself.

    Each install, Python, jieba file or lexicon makes cache files of its own (the jieba copy is
    9 MB), and nothing used the old ones again once a virtual environment was rebuilt or a
    lexicon edited: a cache folder grew by hundreds of megabytes.  Called where such a file has
    just been written (once per install or lexicon, not on every run); two installs that share
    the folder each keep theirs while no more than ``keep`` of them alternate.
    """
    try:
        found = []
        for path in written.parent.glob(family):
            if path.name.endswith(".tmp"):  # another process's file, being written
                continue
            try:
                found.append((path.stat().st_mtime_ns, path))
            except OSError:  # removed meanwhile
                continue
        found.sort(reverse=True)
        for _, path in found[keep:]:
            if path != written:
                path.unlink(missing_ok=True)
    except OSError:  # an unreadable or read-only folder keeps what it has
        pass


def module_keyed_file(stem: str, module_file: str, suffix: str) -> tuple[Path, tuple]:
    """(:func:`keyed_file` for what ``module_file`` works out, its key): this Python and the
    module as it stands (its size and modification time, as Python keys compiled modules)."""
    st = os.stat(module_file)
    key = (1, sys.version, st.st_size, st.st_mtime_ns)
    return keyed_file(stem, key, suffix), key


def keyed_file(stem: str, key: tuple, suffix: str) -> Path:
    """A cache file beside the compiled patterns whose name holds a checksum of ``key`` (the
    Python build, the module's size and time...): installs that share a cache folder (two
    Pythons, two virtual environments, two checkouts) keep a file each instead of replacing each
    other's on every run.  The key is kept inside the file too and compared in full."""
    import zlib

    return cache_file().with_name(f"{stem}-{zlib.crc32(repr(key).encode()):08x}{suffix}")


_STORE: PatternStore | None = None


def store() -> PatternStore:
    """The process's pattern store (its cache file is fixed at first use)."""
    global _STORE
    if _STORE is None:
        try:
            path: Path | None = cache_file()
        except Exception:  # no home folder
            path = None
        _STORE = PatternStore(path)
    return _STORE


def compile(pattern: str | bytes, flags: int = 0) -> re.Pattern:
    """Exactly ``re.compile(pattern, flags)``, without recompiling what an earlier process compiled."""
    return (_STORE or store()).compile(pattern, flags)


_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "pattern", "flags", "groups")


class LazyPattern:
    """Stands for ``re.compile(pattern, flags)`` and compiles it when first used."""

    __slots__ = ("_source", *_METHODS)

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str):
        compiled = compile(*self._source)
        for attr in _METHODS:
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern compiled on first use (typed as a compiled pattern for callers)."""
    return LazyPattern(pattern, flags)  # type: ignore[return-value]
