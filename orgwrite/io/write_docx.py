"""Write a Document as a .docx laid out by GB/T 9704-2012.

A4, margins 37/35/28/26 mm (版心 156 × 225 mm), a 22-line × 28-character grid, 3号仿宋
body, 2号小标宋 title, 黑体/楷体/仿宋 headings, 4号宋体 page numbers ``— N —`` on the
right of odd pages and the left of even pages.  Every role is a named paragraph style
(公文标题, 公文正文, 一级标题 …), so a user restyles the whole document in Word by changing
one style.  The East Asian font is set in ``w:rFonts w:eastAsia`` (python-docx's
``font.name`` sets only the Latin one).  Line height is exact and equal to the grid pitch,
with no space before/after, no widow control and no keep-with-next, so every full page
holds exactly 22 lines.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from orgwrite.errors import OrgwriteError
from orgwrite.io.atomic import atomic_write_bytes
from orgwrite.model import Block, BlockKind, Document

BODY_PT = 16  # 3号
TITLE_PT = 22  # 2号
PAGENO_PT = 14  # 4号
LINE_TWIPS = 579  # 225 mm / 22 lines
CHAR_SPACE = -848  # 28 characters of 3号 in 156 mm (Word's compressed grid)

F_BODY = "仿宋_GB2312"
F_TITLE = "方正小标宋简体"
F_HEI = "黑体"
F_KAI = "楷体_GB2312"
F_SONG = "宋体"
F_LATIN = "Times New Roman"

#: style id → (name, east-asian font, size pt, alignment, indent, outline level, extra pPr)
#: indent: ("first"|"left"|"right", characters) or None
STYLES: dict[str, dict] = {
    "GwTitle": {"name": "公文标题", "font": F_TITLE, "size": TITLE_PT, "jc": "center", "snap": False, "outline": 0},
    "GwSubtitle": {"name": "副标题", "font": F_KAI, "jc": "center"},
    "GwSpeaker": {"name": "讲话人", "font": F_KAI, "jc": "center"},
    "GwTopDate": {"name": "日期", "font": F_KAI, "jc": "center"},
    "GwSalutation": {"name": "称谓", "font": F_BODY, "jc": "left"},
    "GwBody": {"name": "公文正文", "font": F_BODY, "jc": "both", "ind": ("first", 2)},
    "GwHeading1": {"name": "一级标题", "font": F_HEI, "jc": "both", "ind": ("first", 2), "outline": 1},
    "GwHeading2": {"name": "二级标题", "font": F_KAI, "jc": "both", "ind": ("first", 2), "outline": 2},
    "GwHeading3": {"name": "三级标题", "font": F_BODY, "jc": "both", "ind": ("first", 2), "outline": 3},
    "GwHeading4": {"name": "四级标题", "font": F_BODY, "jc": "both", "ind": ("first", 2), "outline": 4},
    # an unnumbered section heading: not in GB/T 9704's numbering scheme, so body font, bold
    "GwSection": {"name": "小标题", "font": F_BODY, "bold": True, "jc": "both", "ind": ("first", 2)},
    "GwAttachment": {"name": "附件说明", "font": F_BODY, "jc": "left", "ind": ("first", 2)},
    "GwAttachmentMore": {"name": "附件说明续行", "font": F_BODY, "jc": "left", "ind": ("left", 5)},
    "GwSignature": {"name": "落款", "font": F_BODY, "jc": "right", "ind": ("right", 4)},
    "GwDate": {"name": "成文日期", "font": F_BODY, "jc": "right", "ind": ("right", 4)},
    "GwPageNumber": {"name": "页码", "font": F_SONG, "latin": F_SONG, "size": PAGENO_PT, "jc": "right", "snap": False},
}
#: character styles for the lead-in of a numbered body paragraph ("一、……。正文")
CHAR_STYLES = {
    "GwHeading1Char": {"name": "一级标题字符", "font": F_HEI},
    "GwHeading2Char": {"name": "二级标题字符", "font": F_KAI},
}

_LEAD_END = re.compile(r"[。！？]")
_ATTACHMENT_ITEM = re.compile(r"^\d{1,2}[.．]")


def _el(tag: str, **attrs):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn("w:" + k), str(v))
    return e


def _set_child(parent, new, *, first: bool = False):
    """Replace ``parent``'s children of ``new``'s tag with ``new``."""
    for old in parent.findall(new.tag):
        parent.remove(old)
    if first:
        parent.insert(0, new)
    else:
        parent.append(new)
    return new


def _rfonts(east: str, latin: str = F_LATIN):
    return _el("w:rFonts", ascii=latin, hAnsi=latin, eastAsia=east, cs=latin, hint="eastAsia")


def _rpr(east: str, size: float, latin: str = F_LATIN, bold: bool = False):
    rpr = _el("w:rPr")
    rpr.append(_rfonts(east, latin))
    if bold:
        rpr.append(_el("w:b"))
    rpr.append(_el("w:sz", val=int(size * 2)))
    rpr.append(_el("w:szCs", val=int(size * 2)))
    return rpr


def _ppr(spec: dict):
    """Paragraph properties in schema order: snapToGrid, spacing, ind, jc, outlineLvl."""
    ppr = _el("w:pPr")
    if spec.get("snap") is False:
        ppr.append(_el("w:snapToGrid", val=0))
    ppr.append(_el("w:spacing", before=0, after=0, line=LINE_TWIPS, lineRule="exact"))
    ind = spec.get("ind")
    if ind:
        side, chars = ind
        size = spec.get("size", BODY_PT)
        twips = int(chars * size * 20)
        if side == "first":
            ppr.append(_el("w:ind", firstLineChars=chars * 100, firstLine=twips))
        else:
            ppr.append(_el("w:ind", **{f"{side}Chars": chars * 100, side: twips}))
    ppr.append(_el("w:jc", val=spec.get("jc", "both")))
    if spec.get("outline"):
        ppr.append(_el("w:outlineLvl", val=spec["outline"] - 1))
    return ppr


def _add_styles(doc) -> None:
    from docx.oxml.ns import qn

    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr_def = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_child(rpr_def, _rfonts(F_BODY), first=True)
    for tag in ("w:sz", "w:szCs"):
        rpr_def.find(qn(tag)).set(qn("w:val"), str(BODY_PT * 2))
    lang = rpr_def.find(qn("w:lang"))
    lang.set(qn("w:eastAsia"), "zh-CN")
    lang.set(qn("w:val"), "en-US")
    ppr_def = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    _set_child(ppr_def, _el("w:spacing", after=0, line=LINE_TWIPS, lineRule="exact"))

    normal = doc.styles["Normal"].element
    nppr = normal.get_or_add_pPr()
    _set_child(nppr, _el("w:widowControl", val=0), first=True)
    _set_child(normal, _rpr(F_BODY, BODY_PT))

    for sid, spec in STYLES.items():
        s = _el("w:style", type="paragraph", customStyle=1, styleId=sid)
        s.append(_el("w:name", val=spec["name"]))
        s.append(_el("w:basedOn", val="Normal"))
        s.append(_el("w:qFormat"))
        s.append(_ppr(spec))
        s.append(_rpr(spec["font"], spec.get("size", BODY_PT), spec.get("latin", F_LATIN), spec.get("bold", False)))
        styles.append(s)
    for sid, spec in CHAR_STYLES.items():
        s = _el("w:style", type="character", customStyle=1, styleId=sid)
        s.append(_el("w:name", val=spec["name"]))
        s.append(_el("w:qFormat"))
        s.append(_rpr(spec["font"], BODY_PT))
        styles.append(s)


def _page_setup(doc) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Mm

    s = doc.sections[0]
    s.page_width, s.page_height = Mm(210), Mm(297)
    s.top_margin, s.bottom_margin = Mm(37), Mm(35)
    s.left_margin, s.right_margin = Mm(28), Mm(26)
    s.header_distance = Mm(15)
    s.footer_distance = Mm(25)
    sect = s._sectPr
    for old in sect.findall(qn("w:docGrid")):
        sect.remove(old)
    sect.append(_el("w:docGrid", type="linesAndChars", linePitch=LINE_TWIPS, charSpace=CHAR_SPACE))
    doc.settings.odd_and_even_pages_header_footer = True
    _page_number(s.footer, "right")
    _page_number(s.even_page_footer, "left")


def _page_number(footer, side: str) -> None:
    """``— N —`` in 4号宋体, one 4号 character in from the text block's edge."""
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0]
    p.style = STYLES["GwPageNumber"]["name"]
    ppr = p._p.get_or_add_pPr()
    twips = PAGENO_PT * 20
    if side == "right":
        ind = _el("w:ind", rightChars=100, right=twips)
    else:
        ind = _el("w:ind", leftChars=100, left=twips)
    ppr.append(ind)
    ppr.append(_el("w:jc", val=side))

    def run(text: str | None = None, fld: str | None = None, instr: str | None = None):
        r = _el("w:r")
        if fld:
            r.append(_el("w:fldChar", fldCharType=fld))
        elif instr:
            it = _el("w:instrText")
            it.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            it.text = instr
            r.append(it)
        else:
            t = _el("w:t")
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            t.text = text
            r.append(t)
        p._p.append(r)

    run("— ")
    run(fld="begin")
    run(instr=" PAGE ")
    run(fld="separate")
    run("1")
    run(fld="end")
    run(" —")


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


def build_docx(doc: Document) -> bytes:
    """The .docx bytes for ``doc``."""
    import docx

    out = docx.Document()
    body = out.element.body
    for p in list(body.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p")):
        body.remove(p)
    _add_styles(out)
    _page_setup(out)

    blocks = [b for b in doc.blocks if b.kind is not BlockKind.CHROME]
    top = True
    after_attachment = False
    prev_style = None
    for i, block in enumerate(blocks):
        if block.kind in (BlockKind.PARAGRAPH, BlockKind.ITEM, BlockKind.HEADING, BlockKind.SALUTATION):
            top = False
        style = _style_for(block, top, after_attachment)
        if block.kind is BlockKind.ATTACHMENT:
            after_attachment = True
        elif style != "GwAttachmentMore":
            after_attachment = False
        if _blank_before(style, prev_style):
            out.add_paragraph(style="公文正文")
        p = out.add_paragraph(style=STYLES[style]["name"])
        if style == "GwSignature":
            _centre_over_date(p, block, blocks[i + 1] if i + 1 < len(blocks) else None)
        lead = _lead_in(block) if style == "GwBody" else ""
        if lead:
            r = p.add_run(lead)
            r.style = CHAR_STYLES[f"GwHeading{block.level}Char"]["name"]
            rest = block.text[len(lead) :]
            if rest:
                p.add_run(rest)
        else:
            p.add_run(block.text)
        prev_style = style
    title = doc.meta.title or next((b.text for b in blocks if b.kind is BlockKind.TITLE), "")
    props = out.core_properties
    props.title = title[:255]  # the file property holds 255 characters; the page shows it whole
    props.author = (doc.meta.issuer or "")[:255]
    props.last_modified_by = ""
    props.comments = ""
    props.subject = ""
    props.keywords = ""
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


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
    if block.kind is not BlockKind.ITEM or block.level not in (1, 2) or not block.number:
        return ""
    m = _LEAD_END.search(block.text, len(block.number))
    if m and m.end() <= 60 and m.end() < len(block.text):
        return block.text[: m.end()]
    return block.number


def _centre_over_date(p, block: Block, nxt: Block | None) -> None:
    """The issuer's name centred over the date line (which has 4 characters right)."""
    if nxt is None or nxt.kind is not BlockKind.DATE:
        return
    chars = 4 + (_width(nxt.text) - _width(block.text)) / 2
    if chars <= 0:
        chars = 0
    ppr = p._p.get_or_add_pPr()
    ppr.append(_el("w:ind", rightChars=round(chars * 100), right=round(chars * BODY_PT * 20)))


def write_docx(doc: Document, path: Path, *, force: bool = False) -> None:
    """Write ``doc`` to ``path`` (atomic; refuses an existing file unless ``force``)."""
    path = Path(path)
    if path.suffix.lower() != ".docx":
        raise OrgwriteError(f"{path}：Word 输出文件名应以 .docx 结尾")
    if path.exists() and not force:
        from orgwrite.io.atomic import OutputExistsError

        raise OutputExistsError(f"{path}：文件已存在，未覆盖（如需覆盖请加 --force）")
    atomic_write_bytes(path, build_docx(doc), force=force)
