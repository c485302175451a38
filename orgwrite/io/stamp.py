"""What a file looked like when it was read: size, modification time and content hash.

``check --fix`` compares the stamp taken when it read a file with the file as it is just
before writing, so an edit made meanwhile (in an editor, by a sync client) is never lost.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NamedTuple

# CPython's own SHA-256: the same digest as hashlib's, without importing hashlib, which loads
# OpenSSL (some 3 ms) in every process that reads a file.  The standard library's random does
# the same for its SHA-512.
try:
    if sys.version_info >= (3, 12):
        from _sha2 import sha256
    else:
        from _sha256 import sha256
except ImportError:  # a build without them
    from hashlib import sha256


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
    return FileStamp(size=st.st_size, mtime_ns=st.st_mtime_ns, sha256=sha256(data).hexdigest())


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
