"""What a file looked like when it was read: size, modification time and content hash.

``check --fix`` compares the stamp taken when it read a file with the file as it is just
before writing, so an edit made meanwhile (in an editor, by a sync client) is never lost.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path
from typing import NamedTuple

#: How many bytes a process hashes with CPython's own SHA-256 before it takes OpenSSL's.
#: The built-in one gives the same digest without importing hashlib, which loads OpenSSL (some
#: 3 ms) in every process that reads a file, as the standard library's random does for its
#: SHA-512; but it is about six times slower (16 against 2.7 ms for 5 MB), so past about a
#: megabyte hashlib's import has paid for itself.
BUILT_IN_UP_TO = 1 << 20
_HASHED = [0]  # bytes hashed so far by the built-in one


@cache
def _builtin_sha256():
    """CPython's own SHA-256 constructor, or None (another Python, or a build without it);
    looked up once per process."""
    if sys.implementation.name != "cpython":
        return None
    try:
        if sys.version_info >= (3, 12):
            from _sha2 import sha256
        else:
            from _sha256 import sha256
    except ImportError:
        return None
    return sha256


def _sha256_hex(data: bytes) -> str:
    if _HASHED[0] + len(data) <= BUILT_IN_UP_TO and (sha256 := _builtin_sha256()) is not None:
        _HASHED[0] += len(data)
        return sha256(data).hexdigest()
    import hashlib

    _HASHED[0] = BUILT_IN_UP_TO  # from now on, OpenSSL's
    return hashlib.sha256(data).hexdigest()


class FileStamp(NamedTuple):
    """Size, modification time (ns) and SHA-256 of a file's content.

    A named tuple rather than a frozen dataclass: it is only made, kept in a document's
    source and compared with another stamp, which a tuple does alike (with the same repr
    and hash), and the class costs a fifth as much to create when a process starts.
    """

    size: int
    mtime_ns: int
    sha256: str


def stamp_of(data: bytes, st: os.stat_result) -> FileStamp:
    """The stamp of ``data`` read from a file whose status is ``st``."""
    return FileStamp(size=st.st_size, mtime_ns=st.st_mtime_ns, sha256=_sha256_hex(data))


def file_stamp(path: Path) -> FileStamp | None:
    """The stamp of the file as it is now (None when it cannot be read)."""
    try:
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            if st.st_size > 1 << 30:
                return FileStamp(st.st_size, st.st_mtime_ns, "")
            return stamp_of(fh.read(), st)
    except OSError:
        return None
