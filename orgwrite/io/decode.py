"""Turn the bytes of a text file into str, detecting the encoding, never guessing wildly.

Accepted: UTF-8 with or without BOM, UTF-16 (LE or BE) with BOM, GB18030 (which covers
GBK and GB2312); ``--encoding`` names the encoding when detection gets it wrong.
Anything else — binary data, or bytes no accepted encoding can decode — is refused with
a Chinese message naming the line and byte, because checking mojibake produces only noise.
"""

from __future__ import annotations

import codecs
from typing import NamedTuple

from orgwrite import lazyre
from orgwrite.errors import InputError

#: C0 controls other than tab, LF, CR, FF; their presence means binary data.
_CONTROL_RE = lazyre.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NEWLINE_RE = lazyre.compile(r"\r\n|\r|\n")


#: ``--encoding`` values a user may give, and the codec each one means.
ENCODINGS: dict[str, str] = {
    "utf-8": "utf-8",
    "gb18030": "gb18030",
    "gbk": "gb18030",  # GB18030 is a superset: GBK and GB2312 files decode the same
    "utf-16": "utf-16",
    "utf-16le": "utf-16-le",
    "utf-16be": "utf-16-be",
}
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


class Decoded(NamedTuple):
    """The text of a file and how it was stored.

    A named tuple, not a frozen dataclass: its fields are read once, by the reader that
    decoded the file, and the class costs far less to create when a process starts.
    """

    text: str
    encoding: str  # a codec name that round-trips: utf-8, gb18030, utf-16-le, utf-16-be
    bom: bool
    newline: str


def decode_bytes(data: bytes, name: str, encoding: str | None = None) -> Decoded:
    """Decode ``data`` (the content of file ``name``) or raise InputError.

    ``encoding`` (one of :data:`ENCODINGS`) overrides detection.  Detection refuses to
    guess when it is uncertain: a file that is valid UTF-8 apart from a few bytes is a
    damaged UTF-8 file, not a GB18030 one, and "fixing" it as GB18030 would write
    mojibake, so it is refused with the line and byte offset of the bad bytes.
    """
    if encoding is not None:
        text, codec, bom = _decode_as(data, ENCODINGS.get(encoding.lower(), encoding), name)
    else:
        text, codec, bom = _detect(data, name)
    controls = len(_CONTROL_RE.findall(text[:65536]))
    if controls > 2 and controls * 200 > min(len(text), 65536):
        raise InputError(f"{name}：不是文本文件（含大量控制字符），无法检查")
    return Decoded(text=text, encoding=codec, bom=bom, newline=detect_newline(text))


def _detect(data: bytes, name: str) -> tuple[str, str, bool]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode(data[len(bom) :], codec, name, offset=len(bom)), codec, True
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}：不是文本文件（含二进制数据），无法检查")
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError as exc:
        if _mostly_utf8(data):
            where = _where(data, exc.start, "utf-8")
            raise InputError(
                f"{name}：{where}不是有效的 UTF-8，其余部分是 UTF-8，编码无法确定，未做处理；"
                "请修正该处，或用 --encoding 指定编码（utf-8、gb18030、utf-16）"
            ) from None
    return _decode(data, "gb18030", name), "gb18030", False


def _decode_as(data: bytes, codec: str, name: str) -> tuple[str, str, bool]:
    if codec == "utf-16":
        if data.startswith(codecs.BOM_UTF16_BE):
            codec = "utf-16-be"
        else:
            codec = "utf-16-le"
    for bom, bom_codec in _BOMS:
        if bom_codec == codec and data.startswith(bom):
            return _decode(data[len(bom) :], codec, name, offset=len(bom), forced=True), codec, True
    return _decode(data, codec, name, forced=True), codec, False


#: What UTF-8 Chinese text decodes to: CJK ideographs and punctuation, fullwidth forms,
#: general punctuation (“” —).  GB18030 bytes read as UTF-8 almost never land here: their
#: lead bytes make Latin, Greek or Cyrillic letters when they decode at all.
_CJK_RE = lazyre.compile(r"[\u2010-\u206f\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")


def _mostly_utf8(data: bytes) -> bool:
    """Valid UTF-8 Chinese text apart from a few spots: at least four good CJK characters per bad spot.

    In a real GB18030 file nearly every Chinese character is a bad spot as UTF-8, and the
    few byte pairs that happen to be valid UTF-8 decode to non-CJK letters, so this is False.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    good = len(_CJK_RE.findall(text))
    return bad > 0 and good >= 4 * bad and good >= 4


def _where(data: bytes, index: int, codec: str, offset: int = 0) -> str:
    """第 N 行（字节偏移 X，0xAB）: where the first undecodable byte is.

    ``index`` is into ``data``; ``offset`` is how many bytes (a BOM) precede ``data`` in the file.
    """
    before = data[:index].decode(codec, errors="replace")
    line = len(_NEWLINE_RE.findall(before)) + 1
    return f"第 {line} 行（字节偏移 {index + offset}，0x{data[index]:02X}）"


def _decode(data: bytes, codec: str, name: str, *, offset: int = 0, forced: bool = False) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        shown = {"utf-8": "UTF-8", "gb18030": "GB18030"}.get(codec, codec.upper())
        where = _where(data, exc.start, codec, offset)
        if forced:
            raise InputError(f"{name}：{where}不是有效的 {shown}，请检查 --encoding 指定的编码") from None
        raise InputError(
            f"{name}：无法识别文件编码（支持 UTF-8、GB18030/GBK、带 BOM 的 UTF-16）：{where}无法解码；"
            "可用 --encoding 指定编码，或另存为 UTF-8 后再检查"
        ) from None


def detect_newline(text: str) -> str:
    """The first line end used in ``text`` (LF when there is none)."""
    m = _NEWLINE_RE.search(text)
    return m.group(0) if m else "\n"


def split_lines(text: str) -> list[str]:
    """Lines without their ends, splitting on CRLF, CR and LF only.

    ``str.splitlines`` also splits on U+2028, U+0085 and form feeds, which editors do not
    count as line ends; positions must agree with what a user's editor shows.
    """
    lines = text.split("\n") if "\r" not in text else _NEWLINE_RE.split(text)
    if lines and lines[-1] == "" and len(lines) > 1:
        lines.pop()
    return lines
