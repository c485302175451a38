"""The compiled lexicon, cached per process and on disk, keyed by a hash of the data."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from orgwrite import lazyre
from orgwrite.lexicon.compiling import compile_entries
from orgwrite.lexicon.loading import load_entries, shipped_files
from orgwrite.lexicon.matcher import Lexicon

if TYPE_CHECKING:
    from orgwrite.config import Config

#: Bump when the compiled form changes, so stale disk caches are ignored.
FORMAT_VERSION = 17

_MEMORY: dict[str, Lexicon] = {}


def cache_dir() -> Path:
    """Where orgwrite keeps what it compiles once (``$XDG_CACHE_HOME/orgwrite``)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "orgwrite"


def code_files() -> list[Path]:
    """The modules that make the compiled form (its derived tables included): a cache made by
    other code than these is not used, even if a change forgot to bump FORMAT_VERSION."""
    here = Path(__file__).parent
    return [here / name for name in ("cache.py", "compiling.py", "matcher.py", "schema.py")]


def data_hash(paths: list[Path], disabled: tuple[str, ...] = ()) -> str:
    import hashlib

    h = hashlib.sha256(f"v{FORMAT_VERSION}".encode())
    for p in [*code_files(), *paths]:
        h.update(str(p).encode())
        try:
            h.update(p.read_bytes())
        except OSError:
            h.update(b"<missing>")
    h.update("\0".join(sorted(disabled)).encode())
    return h.hexdigest()[:32]


def _stats(paths: list[Path], disabled: tuple[str, ...]) -> tuple[str, int]:
    """(the stat key, the newest modification time among the files in ns)."""
    parts = []
    newest = 0
    for p in [*code_files(), *paths]:
        try:
            st = p.stat()
            parts.append(f"{p}:{st.st_size}:{st.st_mtime_ns}")
            newest = max(newest, st.st_mtime_ns)
        except OSError:
            parts.append(f"{p}:missing")
    return "stat:" + "|".join(parts) + "|" + ",".join(sorted(disabled)), newest


#: A file modified less than this long before the stat index is written could change again
#: within the file system's timestamp granularity, unseen; no index is written then.
_SETTLED_NS = 2_000_000_000


def _index_file(quick: str) -> Path:
    """Where the data hash of the files as they stand (``quick``) is kept across processes.

    Reading that one file instead of every data file saves hashing them in each process (and
    importing hashlib); the file repeats ``quick`` so that a clash of the short name is seen,
    and the hash it gives is checked against the compiled lexicon it names.
    """
    from zlib import crc32

    return cache_dir() / f"lexstat-v{FORMAT_VERSION}-{crc32(quick.encode()):08x}"


def _indexed_hash(quick: str) -> str | None:
    try:
        key, _, written_for = _index_file(quick).read_text("utf-8").partition("\n")
    except (OSError, UnicodeDecodeError):
        return None
    if written_for != quick or len(key) != 32 or not all(c in "0123456789abcdef" for c in key):
        return None
    return key


def _write_index(quick: str, newest: int, key: str) -> None:
    if time.time_ns() - newest < _SETTLED_NS:
        return
    try:
        path = _index_file(quick)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(f"{key}\n{quick}", "utf-8")
        os.replace(tmp, path)
    except OSError:
        return
    lazyre.prune(path, "lexstat-*", keep=16)


def _read_pickle(cache_file: Path, key: str) -> Lexicon | None:
    """The compiled lexicon in ``cache_file`` if it is one for ``key``, else None.

    The cyclic garbage collector is held off while it loads: the 20 000 objects it makes would
    set off some thirty collections that look through them (a quarter of the load's time), and
    they hold no cycle for one to find; the first collection after it looks at them once.
    """
    import gc

    collecting = gc.isenabled()
    try:
        data = cache_file.read_bytes()
        gc.disable()
        lex = lazyre.unpickle(data)
    except Exception:
        return None
    finally:
        if collecting:
            gc.enable()
    return lex if isinstance(lex, Lexicon) and lex.data_hash == key else None


#: (the configuration's lexicon files, its disabled entries) → (when their files were last
#: looked at, monotonic ns; the stat key then; the lexicon it gave): a check asks per document
_RECENT: dict[tuple[tuple, tuple[str, ...]], tuple[int, str, Lexicon]] = {}
#: How long the files' stats are trusted without looking again (a changed lexicon file is
#: seen by a long-lived process, the language server or ``serve``, within this time).
_RESTAT_NS = 1_000_000_000
_clock = time.monotonic_ns


def load_lexicon(config: Config | None = None, *, use_disk_cache: bool = True) -> Lexicon:
    """The compiled lexicon: shipped data + the configuration's files, minus disabled entries.

    Compiled once per process and cached on disk (``$XDG_CACHE_HOME/orgwrite``) keyed by
    a hash of the data; an unwritable cache folder is silently skipped.  Which hash the files
    have is remembered by their paths, sizes and modification times (as Python does for its
    compiled modules), so a process reads the data files only when one of them changed; and
    those times are looked at again only when a second has passed since the last look (a
    check of many files asks once per document).
    """
    extra = tuple(config.lexicon_files) if config else ()
    disabled = tuple(config.disable_entries) if config else ()
    now = _clock()
    recent = _RECENT.get((extra, disabled))
    if recent is not None and now - recent[0] < _RESTAT_NS and _MEMORY.get(recent[1]) is recent[2]:
        return recent[2]
    quick, lex = _load(shipped_files() + list(extra), disabled, use_disk_cache)
    _RECENT[(extra, disabled)] = (now, quick, lex)
    return lex


def _load(paths: list[Path], disabled: tuple[str, ...], use_disk_cache: bool) -> tuple[str, Lexicon]:
    """(the files' stat key, the compiled lexicon), from memory, the disk cache or the data."""
    quick, newest = _stats(paths, disabled)
    lex = _MEMORY.get(quick)
    if lex is not None:
        return quick, lex
    if use_disk_cache:
        key = _indexed_hash(quick)
        if key is not None:
            lex = _MEMORY.get(key) or _read_pickle(cache_dir() / f"lexicon-{key}.pickle", key)
            if lex is not None:
                _MEMORY[key] = _MEMORY[quick] = lex
                return quick, lex
    key = data_hash(paths, disabled)
    lex = _MEMORY.get(key)
    if lex is not None:
        _MEMORY[quick] = lex
        if use_disk_cache:
            _write_index(quick, newest, key)
        return quick, lex
    cache_file = cache_dir() / f"lexicon-{key}.pickle"
    if use_disk_cache:
        lex = _read_pickle(cache_file, key)
        if lex is not None:
            _MEMORY[key] = _MEMORY[quick] = lex
            _write_index(quick, newest, key)
            return quick, lex
    lex = compile_entries(load_entries(paths, disabled), key)
    _MEMORY[key] = _MEMORY[quick] = lex
    if use_disk_cache:
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache_file.with_suffix(f".{os.getpid()}.tmp")
            import pickle

            with tmp.open("wb") as fh:
                pickle.dump(lex, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, cache_file)
            _write_index(quick, newest, key)
        except Exception:
            pass
        else:  # a lexicon edited, or another unit's: the compiled form of each, 0.3-0.4 MB
            lazyre.prune(cache_file, "lexicon-*.pickle", keep=8)
    return quick, lex
