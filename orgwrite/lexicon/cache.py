"""The compiled lexicon, cached per process and on disk, keyed by a hash of the data."""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import TYPE_CHECKING

from orgwrite.lexicon.loading import load_entries, shipped_files
from orgwrite.lexicon.matcher import Lexicon, compile_entries

if TYPE_CHECKING:
    from orgwrite.config import Config

#: Bump when the compiled form changes, so stale disk caches are ignored.
FORMAT_VERSION = 12

_MEMORY: dict[str, Lexicon] = {}


def cache_dir() -> Path:
    """Where orgwrite keeps what it compiles once (``$XDG_CACHE_HOME/orgwrite``)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "orgwrite"


def data_hash(paths: list[Path], disabled: tuple[str, ...] = ()) -> str:
    import hashlib

    h = hashlib.sha256(f"v{FORMAT_VERSION}".encode())
    for p in paths:
        h.update(str(p).encode())
        try:
            h.update(p.read_bytes())
        except OSError:
            h.update(b"<missing>")
    h.update("\0".join(sorted(disabled)).encode())
    return h.hexdigest()[:32]


def _stat_key(paths: list[Path], disabled: tuple[str, ...]) -> str:
    """A cheap in-process key (path, size, mtime) so repeated checks do not re-read the data."""
    parts = []
    for p in paths:
        try:
            st = p.stat()
            parts.append(f"{p}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append(f"{p}:missing")
    return "stat:" + "|".join(parts) + "|" + ",".join(sorted(disabled))


def load_lexicon(config: Config | None = None, *, use_disk_cache: bool = True) -> Lexicon:
    """The compiled lexicon: shipped data + the configuration's files, minus disabled entries.

    Compiled once per process and cached on disk (``$XDG_CACHE_HOME/orgwrite``) keyed by
    a hash of the data; an unwritable cache folder is silently skipped.
    """
    paths = shipped_files() + list(config.lexicon_files if config else ())
    disabled = tuple(config.disable_entries) if config else ()
    quick = _stat_key(paths, disabled)
    lex = _MEMORY.get(quick)
    if lex is not None:
        return lex
    key = data_hash(paths, disabled)
    lex = _MEMORY.get(key)
    if lex is not None:
        _MEMORY[quick] = lex
        return lex
    cache_file = cache_dir() / f"lexicon-{key}.pickle"
    if use_disk_cache:
        try:
            with cache_file.open("rb") as fh:
                lex = pickle.load(fh)
            if isinstance(lex, Lexicon) and lex.data_hash == key:
                _MEMORY[key] = _MEMORY[quick] = lex
                return lex
        except Exception:
            lex = None
    lex = compile_entries(load_entries(paths, disabled), key)
    _MEMORY[key] = _MEMORY[quick] = lex
    if use_disk_cache:
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache_file.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump(lex, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, cache_file)
        except Exception:
            pass
    return lex
