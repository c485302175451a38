"""What an export of a .docx carries over besides the text: tables, and what it cannot.

The reader gives the body's paragraphs, table cells included, as blocks; exporting them
as plain paragraphs would flatten every table.  :func:`source_tables` maps each
paragraph read from a cell to its table, row and cell, so the writer rebuilds each table
(same rows, cells, spans and column widths, in the 公文 body font) where it stood.
:func:`lost_parts` says in Chinese what the export cannot carry over (footnotes,
endnotes, comments, pictures, text boxes …), for a note on standard error.
"""

from __future__ import annotations

import copy
from pathlib import Path

from orgwrite.io.docx_package import DocxPackage, document_body, open_docx
from orgwrite.io.docx_text import TBL, TC, TR, Numbering, Styles, paragraphs, w

#: The width of the 156 mm text block, in twentieths of a point.
TEXT_WIDTH_TWIPS = 8844


class SourceTables:
    """The tables of a source .docx, rebuilt on demand in the document being written."""

    def __init__(self, cells: dict[int, tuple[int, int, int]], sources: list) -> None:
        self.cells = cells  # paragraph line → (table index, row, cell)
        self.sources = sources  # the source w:tbl elements
        self.built: dict[int, list[list]] = {}
        self.nested = 0

    def cell(self, line: int, writer):
        """The new w:tc that the block read from paragraph ``line`` goes into, or None."""
        ref = self.cells.get(line)
        if ref is None:
            return None
        index, row, col = ref
        if index not in self.built:
            self.built[index] = _rebuild(self.sources[index], writer.body)
        return self.built[index][row][col]

    def finish(self) -> None:
        """Every cell holds a paragraph (Word requires one), empty cells included."""
        from lxml import etree

        for rows in self.built.values():
            for row in rows:
                for tc in row:
                    if tc.find(w("p")) is None:
                        etree.SubElement(tc, w("p"))


def _rebuild(src, body) -> list[list]:
    """An empty copy of table ``src`` appended to ``body``; its cells by row."""
    from lxml import etree

    sub = etree.SubElement
    tbl = sub(body, TBL)
    tpr = sub(tbl, w("tblPr"))
    sub(tpr, w("tblW")).attrib.update({w("w"): "0", w("type"): "auto"})
    borders = sub(tpr, w("tblBorders"))
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        sub(borders, w(side)).attrib.update({w("val"): "single", w("sz"): "4", w("space"): "0", w("color"): "auto"})
    sub(tpr, w("tblLayout")).set(w("type"), "fixed")
    cols = [int(c.get(w("w"), "0") or 0) for c in src.findall(f"{w('tblGrid')}/{w('gridCol')}")]
    grid = sub(tbl, w("tblGrid"))
    total = sum(cols) or 1
    for c in cols:
        sub(grid, w("gridCol")).set(w("w"), str(round(c * TEXT_WIDTH_TWIPS / total)))
    rows = []
    for tr in src.findall(TR):
        new_tr = sub(tbl, TR)
        cells = []
        for tc in tr.findall(TC):
            new_tc = sub(new_tr, TC)
            pr = tc.find(w("tcPr"))
            if pr is not None:
                keep = [copy.deepcopy(e) for e in pr if e.tag in (w("gridSpan"), w("vMerge"), w("vAlign"))]
                if keep:
                    new_pr = sub(new_tc, w("tcPr"))
                    new_pr.extend(keep)
            cells.append(new_tc)
        rows.append(cells)
    return rows


def source_tables(pkg: DocxPackage) -> SourceTables:
    """Where each paragraph read from ``pkg`` stood in a (top-level) table."""
    _, body = document_body(pkg)
    paras = paragraphs(body, Styles(pkg.parse("word/styles.xml")), Numbering(pkg.parse("word/numbering.xml")))
    index_of: dict = {}
    sources: list = []
    cells: dict[int, tuple[int, int, int]] = {}
    tables = SourceTables(cells, sources)
    for line, para in enumerate(paras, start=1):
        tcs = [a for a in para.elements[0].iterancestors(TC)]
        if not tcs:
            continue
        if len(tcs) > 1:
            tables.nested += 1
        tc = tcs[-1]
        tr = tc.getparent()
        tbl = tr.getparent()
        if tr.tag != TR or tbl.tag != TBL:
            continue
        if id(tbl) not in index_of:
            index_of[id(tbl)] = len(sources)
            sources.append(tbl)
        cells[line] = (index_of[id(tbl)], tbl.findall(TR).index(tr), tr.findall(TC).index(tc))
    return tables


def lost_parts(pkg: DocxPackage) -> list[str]:
    """What of ``pkg`` an export leaves out, as Chinese phrases (脚注 2 条 …)."""
    _, body = document_body(pkg)
    found = []

    def count(part: str, tag: str) -> int:
        root = pkg.parse(part)
        if root is None:
            return 0
        return sum(1 for e in root.iter(w(tag)) if e.get(w("type")) in (None, "normal"))

    for what, n in (
        ("脚注", count("word/footnotes.xml", "footnote")),
        ("尾注", count("word/endnotes.xml", "endnote")),
        ("批注", count("word/comments.xml", "comment")),
        ("图片", sum(1 for _ in body.iter(w("drawing"), w("pict"), w("object")))),
        ("文本框", sum(1 for _ in body.iter(w("txbxContent")))),
    ):
        if n:
            found.append(f"{what} {n} 处")
    headers = 0
    for name in sorted(pkg.names):
        if name.startswith("word/header") and name.endswith(".xml"):
            root = pkg.parse(name)
            headers += root is not None and any((t.text or "").strip() for t in root.iter(w("t")))
    if headers:
        found.append(f"页眉文字 {headers} 处")
    nested = sum(1 for t in body.iter(TBL) if any(True for _ in t.iterancestors(TBL)))
    if nested:
        found.append(f"嵌套表格 {nested} 个（内容已并入外层单元格）")
    return found


def open_source(path: str | Path) -> tuple[SourceTables, list[str]]:
    """The tables and the list of parts not carried over of the .docx at ``path``."""
    pkg = open_docx(path)
    return source_tables(pkg), lost_parts(pkg)
