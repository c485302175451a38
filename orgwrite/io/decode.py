"""Turn the bytes of a text file into str, detecting the encoding, never guessing wildly.

Accepted: UTF-8 with or without BOM, UTF-16 with BOM, GB18030 (which covers GBK and
GB2312).  Anything else — binary data, or bytes no accepted encoding can decode — is
refused with a Chinese message, because checking mojibake produces only noise.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from orgwrite.errors import InputError

#: C0 controls other than tab, LF, CR, FF; their presence means binary data.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NEWLINE_RE = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    bom: bool
    newline: str


def decode_bytes(data: bytes, name: str) -> Decoded:
    """Decode ``data`` (the content of file ``name``) or raise InputError."""
    if data.startswith(codecs.BOM_UTF8):
        text, encoding, bom = _decode(data[3:], "utf-8", name), "utf-8", True
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding, bom = _decode(data, "utf-16", name), "utf-16", True
    else:
        if b"\x00" in data[:8192]:
            raise InputError(f"{name}：不是文本文件（含二进制数据），无法检查")
        bom = False
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _decode(data, "gb18030", name), "gb18030"
    controls = len(_CONTROL_RE.findall(text[:65536]))
    if controls > 2 and controls * 200 > min(len(text), 65536):
        raise InputError(f"{name}：不是文本文件（含大量控制字符），无法检查")
    return Decoded(text=text, encoding=encoding, bom=bom, newline=detect_newline(text))


def _decode(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(f"{name}：无法识别文件编码（支持 UTF-8、GB18030/GBK），请另存为 UTF-8 后再检查") from None


def detect_newline(text: str) -> str:
    """The first line end used in ``text`` (LF when there is none)."""
    m = _NEWLINE_RE.search(text)
    return m.group(0) if m else "\n"


def split_lines(text: str) -> list[str]:
    """Lines without their ends, splitting on CRLF, CR and LF only.

    ``str.splitlines`` also splits on U+2028, U+0085 and form feeds, which editors do not
    count as line ends; positions must agree with what a user's editor shows.
    """
    lines = _NEWLINE_RE.split(text)
    if lines and lines[-1] == "" and len(lines) > 1:
        lines.pop()
    return lines
