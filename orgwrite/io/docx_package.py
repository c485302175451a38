"""Open a .docx safely: check the container before any XML parser sees it.

A .docx is a zip of XML parts.  Before reading we check, in this order: the file's first
bytes (an OLE container is an encrypted .docx or a legacy .doc), that the zip is whole,
the number of parts, their compression (stored or deflated, as Word writes) and their
declared uncompressed sizes (zip bombs), that the parts a Word file must have are there,
and that no XML part carries a DTD (entity expansion and external entities are never
resolved).  Parts are inflated in small chunks with a running count, so a header that
lies about a part's size is caught before the part fills memory.  The main part is the
one the package's relationships name (a renamed main part is read and checked as such).
Every failure is one Chinese line naming the file.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from orgwrite.errors import InputError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")

#: Caps that no real Word document reaches.
MAX_PARTS = 5000
MAX_TOTAL_UNCOMPRESSED = 1 << 30  # 1 GiB, images included
MAX_XML_PART = 100 << 20  # 100 MiB for one XML part
MAX_RATIO = 200  # compression ratio above which a part larger than 1 MiB is a bomb

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MAIN_PART = "word/document.xml"
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_CHUNK = 1 << 16


class DocxPackage:
    """The validated bytes of a .docx and its zip directory."""

    def __init__(self, path: Path, data: bytes, zf: zipfile.ZipFile) -> None:
        self.path = path
        self.data = data
        self.zip = zf
        self.names = set(zf.namelist())
        self.main = MAIN_PART

    def read(self, name: str) -> bytes | None:
        """A part's bytes, or None when the part is absent.

        Inflated in chunks: more bytes than the header declares (or than the caps allow)
        is refused as soon as it is seen, never after the whole part is in memory.
        """
        if name not in self.names:
            return None
        info = self.zip.getinfo(name)
        limit = MAX_XML_PART if name.lower().endswith((".xml", ".rels")) else MAX_TOTAL_UNCOMPRESSED
        chunks = []
        size = 0
        try:
            with self.zip.open(info) as fh:
                while chunk := fh.read(_CHUNK):
                    size += len(chunk)
                    if size > info.file_size or size > limit:
                        raise InputError(f"{self.path}：{name} 解压后体积与声明不符（疑似压缩炸弹），拒绝读取")
                    chunks.append(chunk)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError, zlib.error):
            raise InputError(f"{self.path}：文件已损坏，无法解压其中的 {name}") from None
        if size != info.file_size:
            raise InputError(f"{self.path}：文件已损坏，无法解压其中的 {name}")
        return b"".join(chunks)

    def parse(self, name: str):
        """A part parsed with a parser that never loads a DTD or resolves an entity."""
        data = self.read(name)
        if data is None:
            return None
        return parse_xml(data, self.path, name)


_PARSER = None


def _parser():
    global _PARSER
    if _PARSER is None:
        from lxml import etree

        _PARSER = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
        )
    return _PARSER


def has_doctype(data: bytes) -> bool:
    """True when an XML part declares a DTD (in UTF-8 or UTF-16)."""
    head = data.lstrip(b"\xef\xbb\xbf")
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        return True
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00<\x00" in head[:8] or b"<\x00" in head[:4]:
        for enc in ("utf-16",):
            try:
                text = data.decode(enc, errors="ignore")
            except LookupError:  # pragma: no cover
                continue
            if "<!DOCTYPE" in text or "<!ENTITY" in text:
                return True
    return False


def parse_xml(data: bytes, path: Path, name: str):
    from lxml import etree

    if has_doctype(data):
        raise InputError(f"{path}：{name} 含有 XML 文档类型声明（DTD/实体），出于安全考虑拒绝读取")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError:
        raise InputError(f"{path}：文件已损坏（{name} 不是有效的 XML）") from None
    if root.getroottree().docinfo.doctype:
        raise InputError(f"{path}：{name} 含有 XML 文档类型声明（DTD/实体），出于安全考虑拒绝读取")
    return root


def open_docx(path: str | Path, *, check_all_xml: bool = False) -> DocxPackage:
    """Read and validate ``path``; InputError (one Chinese line) on anything unsafe or broken.

    ``check_all_xml`` scans every XML part for a DTD, which callers that hand the whole
    package to another library (annotate, fix) need.
    """
    path = Path(path)
    from orgwrite.io.files import read_input_bytes

    data = read_input_bytes(path)
    return open_docx_bytes(data, path, check_all_xml=check_all_xml)


def open_docx_bytes(data: bytes, path: Path, *, check_all_xml: bool = False) -> DocxPackage:
    if data[:8] == OLE_MAGIC:
        raise InputError(f"{path}：是加密的或旧版 Word 文件（OLE 格式），无法读取；请在 Word 中取消密码或另存为 .docx")
    if not data:
        raise InputError(f"{path}：文件为空，不是有效的 Word 文件")
    if data[:4] not in ZIP_MAGIC:
        raise InputError(f"{path}：不是有效的 Word 文件（.docx 应为 zip 压缩包）")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError):
        raise InputError(f"{path}：文件已损坏或不完整（zip 结构无法读取）") from None
    if len(infos) > MAX_PARTS:
        raise InputError(f"{path}：压缩包内部件过多（{len(infos)} 个，上限 {MAX_PARTS}），拒绝读取")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise InputError(f"{path}：压缩包内容已加密，无法读取")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise InputError(f"{path}：压缩包使用了 Word 不用的压缩方式，不是有效的 Word 文件")
        total += info.file_size
        big_xml = info.filename.endswith((".xml", ".rels")) and info.file_size > MAX_XML_PART
        ratio = info.file_size / max(info.compress_size, 1)
        if big_xml or total > MAX_TOTAL_UNCOMPRESSED or (info.file_size > (1 << 20) and ratio > MAX_RATIO):
            raise InputError(f"{path}：解压后体积异常（疑似压缩炸弹），拒绝读取")
    pkg = DocxPackage(path, data, zf)
    if "[Content_Types].xml" not in pkg.names:
        raise InputError(f"{path}：不是有效的 Word 文件（缺少 [Content_Types].xml）")
    pkg.main = _main_part_name(pkg)
    if pkg.main not in pkg.names:
        raise InputError(f"{path}：不是有效的 Word 文件（缺少正文部件 {pkg.main}）")
    if check_all_xml:
        # Every part, whatever its name: python-docx parses the parts the relationships
        # name, and a renamed part (word/main.XML, word/body.bin) is still XML to it.
        for name in sorted(pkg.names):
            if has_doctype(pkg.read(name) or b""):
                raise InputError(f"{path}：{name} 含有 XML 文档类型声明（DTD/实体），出于安全考虑拒绝读取")
    return pkg


def _main_part_name(pkg: DocxPackage) -> str:
    """The part ``_rels/.rels`` names as the office document (word/document.xml normally)."""
    root = pkg.parse("_rels/.rels")
    if root is None:
        return MAIN_PART
    for rel in root:
        if rel.get("Type") == _OFFICE_DOCUMENT and rel.get("TargetMode") != "External":
            target = (rel.get("Target") or "").lstrip("/")
            if target and not target.startswith("../"):
                return target
    return MAIN_PART


def document_body(pkg: DocxPackage):
    """The parsed main part and its ``w:body`` (InputError when there is none)."""
    root = pkg.parse(pkg.main)
    body = root.find(f"{{{W_NS}}}body") if root is not None else None
    if body is None:
        raise InputError(f"{pkg.path}：不是有效的 Word 文件（{pkg.main} 中没有正文 w:body）")
    return root, body
