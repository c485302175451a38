"""Read an input's bytes, turning every failure into one Chinese line.

Every input path (files, standard input, ``fix``, ``export``, Word files) goes through
here, so every one has the same size cap: a 公文 is kilobytes, and 32 MB is a runaway
file or a mistake (a log, a database dump) that would otherwise run for minutes.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from orgwrite.errors import InputError
from orgwrite.io.stamp import FileStamp, stamp_of

#: Inputs larger than this are refused.
MAX_INPUT_BYTES = 32 * 1024 * 1024


def too_large(name: str, max_bytes: int) -> InputError:
    return InputError(f"{name}：文件过大，超过 {max_bytes >> 20} MB 的上限，拒绝读取")


def read_input(path: Path, *, max_bytes: int = MAX_INPUT_BYTES) -> tuple[bytes, FileStamp]:
    """The bytes of ``path`` and its stamp; a folder, a missing or unreadable file, or
    one over ``max_bytes`` raises InputError naming the file."""
    name = str(path)
    if path.is_dir():
        raise InputError(f"{name}：是文件夹，不是文件")
    try:
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            if st.st_size > max_bytes:
                raise too_large(name, max_bytes)
            data = _read_capped(fh, max_bytes, first=st.st_size + 1)  # one that grows is capped too
    except FileNotFoundError:
        raise InputError(f"{name}：文件不存在") from None
    except PermissionError:
        raise InputError(f"{name}：没有读取权限") from None
    except OSError as exc:
        raise InputError(f"{name}：无法读取（{exc.strerror or exc.__class__.__name__}）") from None
    if data is None:
        raise too_large(name, max_bytes)
    return data, stamp_of(data, st)


def read_input_bytes(path: Path, *, max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of ``path`` (see :func:`read_input`)."""
    return read_input(path, max_bytes=max_bytes)[0]


def read_stdin_bytes(*, max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    """Standard input, refused once it passes ``max_bytes`` (never read whole first)."""
    data = _read_capped(sys.stdin.buffer, max_bytes)
    if data is None:
        raise InputError(f"标准输入：超过 {max_bytes >> 20} MB 的上限，拒绝读取")
    return data


def _read_capped(stream, max_bytes: int, *, first: int = 1 << 20) -> bytes | None:
    """All of ``stream``, or None as soon as it passes ``max_bytes``.

    Read in pieces, so memory follows what is actually there (``read(max_bytes)`` would
    allocate the whole cap up front).
    """
    chunks = []
    size = 0
    want = max(1, min(first, max_bytes + 1))
    while chunk := stream.read(want):
        size += len(chunk)
        if size > max_bytes:
            return None
        chunks.append(chunk)
        want = 1 << 20
    return b"".join(chunks)
