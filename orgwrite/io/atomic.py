"""Write files atomically and never overwrite by accident.

A temporary file in the same folder is written, flushed and renamed over the target,
so an interrupted run leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from orgwrite.errors import OrgwriteError


class OutputExistsError(OrgwriteError):
    """The output file exists and overwriting was not asked for."""


def atomic_write_bytes(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` atomically; refuse an existing file unless ``force``."""
    path = Path(path)
    if path.exists() and not force:
        raise OutputExistsError(f"{path}：文件已存在，未覆盖（如需覆盖请加 --force）")
    if path.is_dir():
        raise OrgwriteError(f"{path}：是文件夹，无法写入")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OrgwriteError(f"{path}：所在文件夹不存在")
    mode = path.stat().st_mode & 0o777 if path.exists() else None
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def atomic_write_text(path: Path, text: str, *, encoding: str = "utf-8", force: bool = False) -> None:
    atomic_write_bytes(path, text.encode(encoding), force=force)
