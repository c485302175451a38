"""Read an input file's bytes, turning every failure into one Chinese line."""

from __future__ import annotations

from pathlib import Path

from orgwrite.errors import InputError


def read_input_bytes(path: Path, *, max_bytes: int | None = None) -> bytes:
    """The bytes of ``path``; a folder, a missing or unreadable file, or one over ``max_bytes``
    raises InputError naming the file."""
    name = str(path)
    if path.is_dir():
        raise InputError(f"{name}：是文件夹，不是文件")
    try:
        if max_bytes is not None and path.stat().st_size > max_bytes:
            raise InputError(f"{name}：文件过大（超过 {max_bytes >> 20} MB），拒绝读取")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}：文件不存在") from None
    except PermissionError:
        raise InputError(f"{name}：没有读取权限") from None
    except OSError as exc:
        raise InputError(f"{name}：无法读取（{exc.strerror or exc.__class__.__name__}）") from None
