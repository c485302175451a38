"""Pick the reader by the file's kind; standard input is ``-``."""

from __future__ import annotations

from pathlib import Path

from orgwrite.errors import InputError
from orgwrite.model import Document

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
DOCX_SUFFIXES = (".docx", ".docm")


def read_document(path: str | Path, *, stdin_name: str = "<stdin>", encoding: str | None = None) -> Document:
    """Read any supported input into a Document (InputError on anything else).

    ``encoding`` overrides the detection for text inputs (``--encoding``).
    """
    from orgwrite.io import read_text

    if str(path) == "-":
        from orgwrite.io.files import read_stdin_bytes

        data = read_stdin_bytes()
        fmt = "md" if stdin_name.lower().endswith((".md", ".markdown")) else "txt"
        return read_text.read_bytes(data, stdin_name, format=fmt, encoding=encoding)
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in DOCX_SUFFIXES:
        try:
            from orgwrite.io.read_docx import read_docx
        except ImportError:
            raise InputError(f"{p}：暂不支持读取 Word 文件") from None
        return read_docx(p)
    if suffix == ".doc":
        raise InputError(f"{p}：不支持旧版 Word（.doc）文件，请在 Word 中另存为 .docx 后再检查")
    return read_text.read_path(p, encoding=encoding)
