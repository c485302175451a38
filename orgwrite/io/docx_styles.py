"""The named styles and page setup of an exported GB/T 9704 document.

Every role is a paragraph style (公文标题, 公文正文, 一级标题 …) so a user restyles the whole
document in Word by changing one style.  The East Asian font is set in ``w:rFonts
w:eastAsia`` (python-docx's ``font.name`` sets only the Latin one).  Line height is exact
and equal to the grid pitch, with no space before/after and no widow control, so every
full page holds exactly 22 lines.
"""

from __future__ import annotations

BODY_PT = 16  # 3号
TITLE_PT = 22  # 2号
PAGENO_PT = 14  # 4号
LINE_TWIPS = 579  # 225 mm / 22 lines
#: Character spacing (twentieths of a point) that puts 28 3号 characters in 156 mm:
#: 442.2 pt / 28 = 15.79 pt a character, so each 16 pt glyph is condensed by 0.25 pt.
#: Word's compressed character grid (linesAndChars, charSpace -848) does the same in Word
#: only: LibreOffice gives each glyph two grid cells (14 a line), so the grid is 'lines'
#: and the condensing is explicit, which both lay out as 28 a line.
CHAR_SPACING = -5

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
    "GwTableText": {"name": "表格文字", "font": F_BODY, "jc": "left"},
    "GwPageNumber": {"name": "页码", "font": F_SONG, "latin": F_SONG, "size": PAGENO_PT, "jc": "right", "snap": False},
}
#: character styles for the lead-in of a numbered body paragraph ("一、……。正文")
CHAR_STYLES = {
    "GwHeading1Char": {"name": "一级标题字符", "font": F_HEI},
    "GwHeading2Char": {"name": "二级标题字符", "font": F_KAI},
}


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


def _rpr(east: str, size: float, latin: str = F_LATIN, bold: bool = False, spacing: int = CHAR_SPACING):
    """Run properties in schema order: rFonts, b, spacing, sz, szCs."""
    rpr = _el("w:rPr")
    rpr.append(_rfonts(east, latin))
    if bold:
        rpr.append(_el("w:b"))
    rpr.append(_el("w:spacing", val=spacing))
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


def add_styles(doc) -> None:
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
        size = spec.get("size", BODY_PT)
        spacing = CHAR_SPACING if size == BODY_PT else 0  # only the 3号 text fills the 28-character grid
        s.append(_rpr(spec["font"], size, spec.get("latin", F_LATIN), spec.get("bold", False), spacing))
        styles.append(s)
    for sid, spec in CHAR_STYLES.items():
        s = _el("w:style", type="character", customStyle=1, styleId=sid)
        s.append(_el("w:name", val=spec["name"]))
        s.append(_el("w:qFormat"))
        s.append(_rpr(spec["font"], BODY_PT))
        styles.append(s)


def page_setup(doc) -> None:
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
    sect.append(_el("w:docGrid", type="lines", linePitch=LINE_TWIPS))
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
