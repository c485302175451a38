"""Write files atomically, never overwrite by accident, and never lose what a user owns.

A temporary file in the target's folder is written, flushed and renamed over the target,
so an interrupted run leaves either the old file or the new one, never half of one.
A symbolic link is written through (its target changes, the link stays a link); a file
with several hard links is rewritten in place so every name still shows the new text.
A rewritten file keeps its mode and owner; a new file gets the mode the umask gives
(0644 under 022), as any other program's output would.

:func:`rewrite_file` is for files the user owns and we change in place (``check --fix``):
it also refuses a read-only file and a file that changed since it was read.
"""

from __future__ import annotations

import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from orgwrite.errors import OrgwriteError
from orgwrite.io.stamp import FileStamp, file_stamp


class OutputExistsError(OrgwriteError):
    """The output file exists and overwriting was not asked for."""


class FileChangedError(OrgwriteError):
    """The file was changed by someone else between reading and writing it."""


def atomic_write_bytes(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` atomically; refuse an existing file unless ``force``."""
    path = Path(path)
    if path.is_symlink() and not path.exists():
        raise OrgwriteError(f"{path}：是指向不存在文件的符号链接，未写入")
    if path.exists() and not force:
        raise OutputExistsError(f"{path}：文件已存在，未覆盖（如需覆盖请加 --force）")
    if path.is_dir():
        raise OrgwriteError(f"{path}：是文件夹，无法写入")
    _write(path, data)


def rewrite_file(path: Path, data: bytes, stamp: FileStamp | None) -> None:
    """Replace the content of the user's file ``path`` with ``data``.

    Refused (OrgwriteError, nothing written) when the file is read-only, or when its
    size, modification time or content differ from ``stamp`` (taken when it was read):
    someone edited it meanwhile, and writing would lose that edit.
    """
    path = Path(path)
    real = Path(os.path.realpath(path))
    try:
        st = real.stat()
    except FileNotFoundError:
        raise FileChangedError(f"{path}：文件在检查期间被删除或移走，未写入") from None
    except OSError as exc:
        raise OrgwriteError(f"{path}：无法访问（{exc.strerror or exc.__class__.__name__}），未写入") from None
    if not st.st_mode & stat.S_IWUSR or not os.access(real, os.W_OK):
        raise OrgwriteError(f"{path}：文件是只读的，未修改（如确需修复，请先取消只读属性）")
    if stamp is not None:
        now = file_stamp(real)
        if now != stamp:
            raise FileChangedError(f"{path}：文件在检查期间被修改过，为免丢失改动未写入；请重新运行")
    _write(path, data)


def _write(path: Path, data: bytes) -> None:
    """Write through links to the real file, keeping mode, owner and hard links."""
    real = Path(os.path.realpath(path))
    folder = real.parent
    if not folder.is_dir():
        raise OrgwriteError(f"{path}：所在文件夹不存在")
    try:
        st = real.stat()
    except FileNotFoundError:
        st = None
    try:
        if st is not None and st.st_nlink > 1:
            _write_in_place(real, data)
        else:
            _replace(real, data, st)
    except PermissionError:
        where = "文件" if st is not None and not os.access(real, os.W_OK) else "所在文件夹"
        raise OrgwriteError(f"{path}：没有写入权限（{where}不可写），未写入") from None
    except OSError as exc:
        raise OrgwriteError(f"{path}：写入失败（{exc.strerror or exc.__class__.__name__}），原文件未改动") from None


@contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT) until the block is done, then let it stop the run as usual.

    An interrupt can arrive between any two steps, also right after the temporary file is
    made and before anything could remove it again; held, it comes once the file is whole
    and in place.  Python handles signals in the main thread only, so elsewhere nothing
    changes.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        if callable(previous):
            previous(signal.SIGINT, None)  # Python's own handler raises KeyboardInterrupt
        elif previous == signal.SIG_DFL:
            signal.raise_signal(signal.SIGINT)


def _replace(real: Path, data: bytes, st: os.stat_result | None) -> None:
    with _ctrl_c_held():
        _replace_now(real, data, st)


def _replace_now(real: Path, data: bytes, st: os.stat_result | None) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if st is not None:
            os.chmod(tmp, stat.S_IMODE(st.st_mode))
            if (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid()):
                try:
                    os.chown(tmp, st.st_uid, st.st_gid)
                except OSError:
                    pass  # not ours to give away; the content still goes in
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, real)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _write_in_place(real: Path, data: bytes) -> None:
    """Overwrite the file's own inode, so its other hard links see the new content.

    Not atomic (as with editors that keep hard links), so the data is fully prepared
    before the file is opened, and written, truncated and synced in one go.
    """
    with _ctrl_c_held(), open(real, "r+b") as fh:
        fh.write(data)
        fh.truncate()
        fh.flush()
        os.fsync(fh.fileno())


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def atomic_write_text(path: Path, text: str, *, encoding: str = "utf-8", force: bool = False) -> None:
    atomic_write_bytes(path, text.encode(encoding), force=force)
