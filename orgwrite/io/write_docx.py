"""Write a Document as a .docx laid out by GB/T 9704-2012.

A4, margins 37/35/28/26 mm (版心 156 × 225 mm), 22 lines × 28 characters, 3号仿宋 body,
2号小标宋 title, 黑体/楷体/仿宋 headings, 4号宋体 page numbers ``— N —`` on the right of
odd pages and the left of even pages (styles and page setup: :mod:`orgwrite.io.docx_styles`).

The body is built as XML directly, one paragraph after another, with each style
referenced by its id: no style lookup by name and no search of the body per paragraph,
so the time grows linearly with the text.  Characters XML cannot hold are mapped (form
feed → page break, vertical tab → line break) or dropped, and :func:`build_docx` says
which in its notes.
"""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

from orgwrite import lazyre
from orgwrite.errors import OrgwriteError
from orgwrite.io.atomic import atomic_write_bytes
from orgwrite.io.docx_styles import BODY_PT, add_styles, page_setup
from orgwrite.io.layout import looks_like_heading
from orgwrite.model import Block, BlockKind, Document

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

_LEAD_END = lazyre.compile(r"[。！？]")
_ATTACHMENT_ITEM = lazyre.compile(r"^\d{1,2}[.．]")
#: Characters a run's text cannot hold as they are: tab, breaks, and what XML 1.0 forbids.
_SPECIAL = lazyre.compile(r"[\x00-\x1f\ud800-\udfff\ufffe\uffff]")


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


class _Body:
    """Appends paragraphs (and tables) to a document body, collecting what was mapped."""

    def __init__(self, body) -> None:
        from lxml import etree

        self._sub = etree.SubElement
        self.body = body
        self.sect = body.find(_w("sectPr"))
        body.remove(self.sect)
        self.page_breaks = 0
        self.line_breaks = 0
        self.dropped: Counter[str] = Counter()

    def finish(self) -> None:
        self.body.append(self.sect)

    def paragraph(self, style: str, parent=None):
        p = self._sub(self.body if parent is None else parent, _w("p"))
        ppr = self._sub(p, _w("pPr"))
        self._sub(ppr, _w("pStyle")).set(_w("val"), style)
        return p

    def text(self, p, text: str, char_style: str | None = None) -> None:
        """Runs for ``text`` in ``p``; tabs, breaks and forbidden characters mapped."""
        if not _SPECIAL.search(text):
            self._run(p, char_style).append(self._t(text))
            return
        r = self._run(p, char_style)
        pos = 0
        for m in _SPECIAL.finditer(text):
            if m.start() > pos:
                r.append(self._t(text[pos : m.start()]))
            pos = m.end()
            ch = m.group()
            if ch == "\t":
                self._sub(r, _w("tab"))
            elif ch == "\f":
                self._sub(r, _w("br")).set(_w("type"), "page")
                self.page_breaks += 1
            elif ch in "\v\n\r":
                self._sub(r, _w("br"))
                self.line_breaks += 1
            else:
                self.dropped[f"U+{ord(ch):04X}"] += 1
        if pos < len(text):
            r.append(self._t(text[pos:]))

    def line_break(self, p) -> None:
        self._sub(self._sub(p, _w("r")), _w("br"))

    def _run(self, p, char_style: str | None):
        r = self._sub(p, _w("r"))
        if char_style:
            self._sub(self._sub(r, _w("rPr")), _w("rStyle")).set(_w("val"), char_style)
        return r

    def _t(self, text: str):
        from lxml import etree

        t = etree.Element(_w("t"))
        t.text = text
        if text[:1].isspace() or text[-1:].isspace():
            t.set(XML_SPACE, "preserve")
        return t

    def notes(self) -> list[str]:
        out = []
        if self.page_breaks:
            out.append(f"换页符 {self.page_breaks} 处已转为分页符")
        if self.line_breaks:
            out.append(f"段内换行符 {self.line_breaks} 处已转为换行")
        if self.dropped:
            names = "、".join(self.dropped)
            out.append(f"已删除 Word 文件不能容纳的控制字符 {sum(self.dropped.values())} 个（{names}）")
        return out


def _style_for(block: Block, top: bool, after_attachment: bool) -> str:
    kind = block.kind
    if after_attachment and kind in _BODY_KINDS and _ATTACHMENT_ITEM.match(block.text):
        return "GwAttachmentMore"
    if kind is BlockKind.TITLE:
        return "GwTitle"
    if kind is BlockKind.SUBTITLE:
        return "GwSubtitle"
    if kind is BlockKind.SPEAKER:
        return "GwSpeaker"
    if kind is BlockKind.SALUTATION:
        return "GwSalutation"
    if kind is BlockKind.HEADING:
        if not looks_like_heading(block.text):
            return "GwBody"  # a whole paragraph styled as a heading: an item, no outline level
        if not block.number:
            return "GwSection"  # unnumbered: bold 仿宋 whatever level a Word style gave it
        return f"GwHeading{block.level}" if 1 <= block.level <= 4 else "GwSection"
    if kind is BlockKind.ATTACHMENT:
        return "GwAttachment"
    if kind is BlockKind.SIGNATURE:
        return "GwSignature"
    if kind is BlockKind.DATE:
        return "GwTopDate" if top else "GwDate"
    return "GwBody"


_BODY_KINDS = frozenset({BlockKind.HEADING, BlockKind.ITEM, BlockKind.PARAGRAPH})


def _width(text: str) -> float:
    """Width in 3号 characters: full-width 1, half-width 0.5."""
    import unicodedata

    return sum(1.0 if unicodedata.east_asian_width(c) in "FW" else 0.5 for c in text)


def build_docx(doc: Document, notes: list[str] | None = None, tables=None) -> bytes:
    """The .docx bytes for ``doc``; what had to be changed on the way is added to ``notes``.

    ``tables`` (from :func:`orgwrite.io.docx_carry.source_tables`) puts the blocks read
    from a Word table's cells back into a table of the same shape.
    """
    import docx

    out = docx.Document()
    body = out.element.body
    for p in list(body.findall(_w("p"))):
        body.remove(p)
    add_styles(out)
    page_setup(out)
    writer = _Body(body)

    blocks = [b for b in doc.blocks if b.kind is not BlockKind.CHROME]
    top = True
    after_attachment = False
    prev_style = None
    for i, block in enumerate(blocks):
        cell = tables.cell(block.line, writer) if tables else None
        if cell is not None:
            writer.text(writer.paragraph("GwTableText", cell), block.text)
            prev_style = "GwTableText"
            continue
        if block.kind in (BlockKind.PARAGRAPH, BlockKind.ITEM, BlockKind.HEADING, BlockKind.SALUTATION):
            top = False
        style = _style_for(block, top, after_attachment)
        if block.kind is BlockKind.ATTACHMENT:
            after_attachment = True
        elif style != "GwAttachmentMore":
            after_attachment = False
        if _blank_before(style, prev_style):
            writer.paragraph("GwBody")
        p = writer.paragraph(style)
        if style == "GwSignature":
            _centre_over_date(p, block, blocks[i + 1] if i + 1 < len(blocks) else None)
        if style == "GwTitle":
            _title_text(writer, p, block.text)
            prev_style = style
            continue
        lead = _lead_in(block) if style == "GwBody" else ""
        if lead:
            writer.text(p, lead, f"GwHeading{block.level}Char")
            rest = block.text[len(lead) :]
            if rest:
                writer.text(p, rest)
        else:
            writer.text(p, block.text)
        prev_style = style
    writer.finish()
    if tables:
        tables.finish()
    if notes is not None:
        notes.extend(writer.notes())
    title = doc.meta.title or next((b.text for b in blocks if b.kind is BlockKind.TITLE), "")
    props = out.core_properties
    props.title = _SPECIAL.sub("", title)[:255]  # the file property holds 255 characters; the page shows it whole
    props.author = _SPECIAL.sub("", doc.meta.issuer or "")[:255]
    props.last_modified_by = ""
    props.comments = ""
    props.subject = ""
    props.keywords = ""
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


def _title_text(writer: _Body, p, text: str) -> None:
    """The title, broken into balanced lines at phrase boundaries (GB/T 9704 7.3.1)."""
    from orgwrite.io.title_lines import title_lines

    for k, line in enumerate(title_lines(text)):
        if k:
            writer.line_break(p)
        writer.text(p, line)


_TOP_STYLES = frozenset({"GwTitle", "GwSubtitle", "GwSpeaker", "GwTopDate"})


def _blank_before(style: str, prev: str | None) -> bool:
    """One blank line after the title group, before the attachment note and the signature."""
    if prev is None:
        return False
    if prev in _TOP_STYLES and style not in _TOP_STYLES:
        return True
    if style == "GwAttachment" and prev != "GwAttachment":
        return True
    if style == "GwSignature" or (style == "GwDate" and prev not in ("GwSignature", "GwDate")):
        return True
    return False


def _lead_in(block: Block) -> str:
    """The heading part of a numbered level-1/2 body paragraph, set in the heading font."""
    if block.kind not in (BlockKind.ITEM, BlockKind.HEADING) or block.level not in (1, 2) or not block.number:
        return ""
    m = _LEAD_END.search(block.text, len(block.number))
    if m and m.end() <= 60 and m.end() < len(block.text):
        return block.text[: m.end()]
    return block.number


def _centre_over_date(p, block: Block, nxt: Block | None) -> None:
    """The issuer's name centred over the date line (which has 4 characters right)."""
    from orgwrite.io.docx_styles import _el

    if nxt is None or nxt.kind is not BlockKind.DATE:
        return
    chars = 4 + (_width(nxt.text) - _width(block.text)) / 2
    if chars <= 0:
        chars = 0
    ppr = p.find(_w("pPr"))
    ppr.append(_el("w:ind", rightChars=round(chars * 100), right=round(chars * BODY_PT * 20)))


def write_docx(doc: Document, path: Path, *, force: bool = False, tables=None) -> list[str]:
    """Write ``doc`` to ``path`` (atomic; refuses an existing file unless ``force``).

    Returns the notes of :func:`build_docx` (what was mapped or dropped), in Chinese.
    """
    path = Path(path)
    if path.suffix.lower() != ".docx":
        raise OrgwriteError(f"{path}：Word 输出文件名应以 .docx 结尾")
    if path.exists() and not force:
        from orgwrite.io.atomic import OutputExistsError

        raise OutputExistsError(f"{path}：文件已存在，未覆盖（如需覆盖请加 --force）")
    notes: list[str] = []
    atomic_write_bytes(path, build_docx(doc, notes, tables), force=force)
    return notes
