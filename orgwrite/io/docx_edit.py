"""Edit a .docx at character positions without touching the formatting.

Comments and tracked changes both need a run boundary at an exact character: a run is
split in two there, both halves keeping a copy of the run's properties (``w:rPr``), so
the text looks exactly as before.  Positions are those of :mod:`orgwrite.io.docx_text`
(the reader's), so a finding's line and columns land on the characters it names.
"""

from __future__ import annotations

import copy
import io
from bisect import bisect_right
from pathlib import Path

from orgwrite.errors import InputError
from orgwrite.io.docx_package import DocxPackage, open_docx
from orgwrite.io.docx_text import RPR, Numbering, Paragraph, Styles, paragraphs, w

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
AUTHOR = "orgwrite"


class Anchor:
    """A place between runs: before ``element``, after it, or at the end of a paragraph."""

    __slots__ = ("element", "where")

    def __init__(self, where: str, element) -> None:
        self.where = where  # "before" (a run) | "after_text" (a paragraph's text) | "end" (a w:p)
        self.element = element


class DocxEditor:
    """A .docx opened for editing, with its paragraphs mapped to characters."""

    def __init__(self, path: str | Path) -> None:
        import docx

        self.pkg: DocxPackage = open_docx(path, check_all_xml=True)
        try:
            self.document = docx.Document(io.BytesIO(self.pkg.data))
        except Exception as exc:  # python-docx raises many kinds on odd packages
            raise InputError(f"{path}：无法作为 Word 文档打开（{exc.__class__.__name__}）") from None
        self.body = self.document.element.body
        self.styles = styles = Styles(self.pkg.parse("word/styles.xml"))
        numbering = Numbering(self.pkg.parse("word/numbering.xml"))
        self.paragraphs: list[Paragraph] = paragraphs(self.body, styles, numbering)
        numbering.problems.clear()  # the reader of the same file has warned already
        self._wrappers: dict = {}  # run → the w:del that now holds it
        self._next_id = _max_id(self.document.element) + 1

    # --- positions ------------------------------------------------------------------

    def paragraph(self, line: int) -> Paragraph | None:
        if 1 <= line <= len(self.paragraphs):
            return self.paragraphs[line - 1]
        return None

    def boundary(self, para: Paragraph, pos: int) -> Anchor:
        """Make a run boundary at character ``pos`` of ``para`` and return that place."""
        pieces = para.pieces
        if not pieces:
            return Anchor("end", para.elements[-1])
        i = bisect_right(pieces, pos, key=_piece_end)  # first piece ending after pos
        if i >= len(pieces):
            return Anchor("after_text", para)
        start, end, el = pieces[i]
        if start < pos < end:
            if el.tag != w("t"):
                pos = start  # a tab is one character: anchor before it
            else:
                k = pos - start
                text = el.text or ""
                tail = copy.deepcopy(el)
                el.text, tail.text = text[:k], text[k:]
                el.set(XML_SPACE, "preserve")
                tail.set(XML_SPACE, "preserve")
                el.addnext(tail)
                pieces[i] = [start, pos, el]
                pieces.insert(i + 1, [pos, end, tail])
                i += 1
                el = tail
        start = pieces[i][0]
        if start == pos:
            return Anchor("before", _split_run_before(el))
        return Anchor("before", el.getparent())

    def runs_between(self, para: Paragraph, start: int, end: int) -> list:
        """The runs holding exactly the characters [start, end) (boundaries must exist)."""
        runs = []
        for s, e, el in para.pieces:
            if s >= start and e <= end and e > s:
                r = el.getparent()
                if not runs or runs[-1] is not r:
                    runs.append(r)
        return runs

    # --- inserting --------------------------------------------------------------------

    def insert(self, anchor: Anchor, elements: list) -> None:
        """Insert ``elements`` (in order) at ``anchor``."""
        if anchor.where == "after_text":
            # resolved now: later splits may have moved the paragraph's last characters
            run = anchor.element.pieces[-1][2].getparent()
            target = self._wrappers.get(run, run)
            for e in reversed(elements):
                target.addnext(e)
            return
        target = self._wrappers.get(anchor.element, anchor.element)
        if anchor.where == "before":
            for e in elements:
                target.addprevious(e)
        elif anchor.where == "after":
            for e in reversed(elements):
                target.addnext(e)
        else:
            for e in elements:
                target.append(e)

    def new_id(self) -> int:
        self._next_id += 1
        return self._next_id - 1

    def save(self) -> bytes:
        buf = io.BytesIO()
        self.document.save(buf)
        return buf.getvalue()


def _split_run_before(child):
    """Split ``child``'s run so that a run starts at ``child``; return that run."""
    run = child.getparent()
    content = [c for c in run if c.tag != RPR]
    if content and content[0] is child:
        return run
    new = run.makeelement(run.tag, dict(run.attrib))
    rpr = run.find(RPR)
    if rpr is not None:
        new.append(copy.deepcopy(rpr))
    moving = False
    for c in list(run):
        if c is child:
            moving = True
        if moving:
            new.append(c)
    run.addnext(new)
    return new


def _max_id(root) -> int:
    wid = w("id")
    best = 0
    for el in root.iter():
        v = el.get(wid)
        if v is not None and v.isdigit():
            best = max(best, int(v))
    return best


def el(tag: str, text: str | None = None, **attrs):
    """A new WordprocessingML element (python-docx class lookup applies).

    Made by the parser's ``makeelement``: python-docx's ``OxmlElement`` parses a small
    document for every element, which is most of the time of annotating many findings.
    """
    from docx.oxml.parser import oxml_parser

    e = oxml_parser.makeelement(w(tag.removeprefix("w:")), {w(k): str(v) for k, v in attrs.items()})
    if text is not None:
        e.text = text
        e.set(XML_SPACE, "preserve")
    return e


def text_run(text: str, rpr=None):
    r = el("w:r")
    if rpr is not None:
        r.append(copy.deepcopy(rpr))
    r.append(el("w:t", text))
    return r


def _piece_end(piece: list) -> int:
    return piece[1]
