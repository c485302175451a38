"""Read a .docx into a Document.

The body's paragraphs (table cells included) in order, as Word shows them with tracked
changes accepted (see :mod:`orgwrite.io.docx_text`).  A finding's ``line`` is the 1-based
index of the paragraph in that order, empty paragraphs counted; ``column`` counts
characters in the paragraph's text (a list label such as ``一、`` included).  Headers,
footers, footnotes and comments are not read.  Word styles give the role where they say
it (Title, Heading 1-4, orgwrite's own 公文标题/一级标题…), otherwise the text decides,
exactly as for .txt input.
"""

from __future__ import annotations

from pathlib import Path

from orgwrite import lazyre
from orgwrite.io.docx_package import DocxPackage, document_body, open_docx
from orgwrite.io.docx_text import Numbering, Paragraph, Styles, paragraphs, warn_numbering
from orgwrite.io.layout import RawParagraph, classify
from orgwrite.io.read_text import _TRAILING_DIRECTIVE_RE, _is_directive_only
from orgwrite.model import BlockKind, Document, Metadata, SourceInfo

_INDENT = " \t\u00a0\u3000\ufeff"

#: Style names (lower case) that say what a paragraph is.
STYLE_HINTS: dict[str, tuple[BlockKind, int]] = {
    "title": (BlockKind.TITLE, 0),
    "标题": (BlockKind.TITLE, 0),
    "公文标题": (BlockKind.TITLE, 0),
    "subtitle": (BlockKind.SUBTITLE, 0),
    "副标题": (BlockKind.SUBTITLE, 0),
    "讲话人": (BlockKind.SPEAKER, 0),
    "称谓": (BlockKind.SALUTATION, 0),
    "一级标题": (BlockKind.HEADING, 1),
    "二级标题": (BlockKind.HEADING, 2),
    "三级标题": (BlockKind.HEADING, 3),
    "四级标题": (BlockKind.HEADING, 4),
    "小标题": (BlockKind.HEADING, 0),
    "附件说明": (BlockKind.ATTACHMENT, 0),
    "落款": (BlockKind.SIGNATURE, 0),
    "日期": (BlockKind.DATE, 0),
    "成文日期": (BlockKind.DATE, 0),
}
_HEADING_STYLE_RE = lazyre.compile(r"^(?:heading|标题)\s*([1-9])$")


def style_hint(name: str | None, outline_level: int | None) -> tuple[BlockKind | None, int]:
    """The block kind (and heading level) a Word style name or outline level gives."""
    if name:
        key = name.strip().lower()
        if key in STYLE_HINTS:
            return STYLE_HINTS[key]
        m = _HEADING_STYLE_RE.match(key)
        if m:
            return BlockKind.HEADING, min(int(m.group(1)), 4)
    if outline_level is not None and 0 <= outline_level <= 3:
        return BlockKind.HEADING, outline_level + 1
    return None, 0


def read_package(pkg: DocxPackage) -> tuple[list[Paragraph], Styles]:
    """The body's paragraphs of a validated package, with its styles."""
    _, body = document_body(pkg)
    styles = Styles(pkg.parse("word/styles.xml"))
    numbering = Numbering(pkg.parse("word/numbering.xml"))
    paras = paragraphs(body, styles, numbering)
    warn_numbering(pkg.path, numbering)
    return paras, styles


def read_docx(path: str | Path) -> Document:
    """A Document from a .docx file; InputError (one Chinese line) on unreadable input."""
    pkg = open_docx(path)
    paras, styles = read_package(pkg)
    return document_from_texts([p.text for p in paras], paragraph_hints(paras, styles), path)


def paragraph_hints(paras: list[Paragraph], styles: Styles) -> list[tuple[BlockKind | None, int]]:
    """What each paragraph's Word style says it is (kind, heading level)."""
    return [style_hint(styles.names.get(p.style_id or ""), p.outline_level) for p in paras]


def document_from_texts(lines: list[str], hints: list[tuple[BlockKind | None, int]], path: str | Path) -> Document:
    """The Document of a Word body whose paragraphs read ``lines`` (styles as ``hints``).

    Fixing a .docx re-checks its own output with this, the paragraphs' styles unchanged.
    """
    raws: list[RawParagraph] = []
    for index, (text, (hint, level)) in enumerate(zip(lines, hints, strict=True), start=1):
        body = text.lstrip(_INDENT)
        cut = len(text) - len(body)
        body = body.rstrip(_INDENT)
        if "orgwrite:" in body:
            if _is_directive_only(body):
                continue
            body = _TRAILING_DIRECTIVE_RE.sub("", body).rstrip(_INDENT)
        if not body:
            continue
        raws.append(RawParagraph(text=body, line=index, column=cut + 1, hint=hint, level=level))
    return Document(
        blocks=classify(raws),
        meta=Metadata(),
        source=SourceInfo(path=str(path), format="docx"),
        text="\n".join(lines),
        lines=list(lines),
    )
