"""The text of a Word body, paragraph by paragraph, with a map back to the XML.

Reading, annotating and fixing a .docx must agree on what "paragraph 12, column 5" is,
so all three use :func:`paragraphs`.  The order is the body's order: paragraphs, then
table cells row by row (nested tables and content controls included).  A paragraph's
text is what Word shows with all tracked changes accepted: runs merged, inserted text
in, deleted text out, hidden text out, a numbered list's label (``一、``, ``1.``) in front
of the text.  Headers, footers, footnotes and comments are not part of the body.

Each paragraph keeps ``pieces``: ``[start, end, element]`` for every run child that
gives text (``w:t``, ``w:tab``), so a character offset finds its run.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from orgwrite.io.list_labels import format_number

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_NS = "http://www.w3.org/XML/1998/namespace"


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


P, R, T, TAB, PTAB = w("p"), w("r"), w("t"), w("tab"), w("ptab")
TBL, TR, TC, SDT, SDT_CONTENT = w("tbl"), w("tr"), w("tc"), w("sdt"), w("sdtContent")
PPR, RPR, PSTYLE, VAL = w("pPr"), w("rPr"), w("pStyle"), w("val")
NO_BREAK_HYPHEN = w("noBreakHyphen")

#: Containers inside a paragraph whose runs are shown (tracked insertions accepted).
_RUN_CONTAINERS = frozenset(
    {w("hyperlink"), w("ins"), w("moveTo"), w("smartTag"), w("customXml"), w("fldSimple"), w("sdt"), w("sdtContent")}
)
#: Block-level containers whose paragraphs are part of the body.
_BLOCK_CONTAINERS = frozenset({w("customXml"), SDT, SDT_CONTENT, TR, TC, TBL, w("ins"), w("moveTo")})


@dataclass
class Paragraph:
    """One paragraph as Word shows it."""

    text: str
    pieces: list[list] = field(default_factory=list)  # [start, end, run child element]
    elements: list = field(default_factory=list)  # the w:p elements (several when a mark is deleted)
    style_id: str | None = None
    label: str = ""  # a numbered list's label as shown, part of text
    outline_level: int | None = None


class Styles:
    """Paragraph style names, outline levels and list numbering from styles.xml."""

    def __init__(self, root=None) -> None:
        self.names: dict[str, str] = {}
        self.based_on: dict[str, str] = {}
        self.outline: dict[str, int] = {}
        self.num: dict[str, tuple[str, int]] = {}
        if root is None:
            return
        for s in root.iter(w("style")):
            sid = s.get(w("styleId"))
            if not sid:
                continue
            name = s.find(w("name"))
            self.names[sid] = name.get(VAL) if name is not None else sid
            b = s.find(w("basedOn"))
            if b is not None and b.get(VAL):
                self.based_on[sid] = b.get(VAL)
            ppr = s.find(PPR)
            if ppr is not None:
                ol = ppr.find(w("outlineLvl"))
                if ol is not None and (ol.get(VAL) or "").isdigit():
                    self.outline[sid] = int(ol.get(VAL))
                num = _num_pr(ppr)
                if num:
                    self.num[sid] = num

    def _chain(self, sid: str | None):
        seen = 0
        while sid and seen < 20:
            yield sid
            sid = self.based_on.get(sid)
            seen += 1

    def outline_level(self, sid: str | None) -> int | None:
        for s in self._chain(sid):
            if s in self.outline:
                return self.outline[s]
        return None

    def numbering(self, sid: str | None) -> tuple[str, int] | None:
        for s in self._chain(sid):
            if s in self.num:
                return self.num[s]
        return None


def _int(value: str | None, default: int | None = None) -> int | None:
    """An integer attribute, or ``default`` when it is missing or not a number."""
    if value is None:
        return default
    v = value.strip()
    if (v[:1] in ("+", "-") and v[1:].isdigit()) or v.isdigit():
        return int(v) if len(v) <= 9 else None
    return None


#: Word has list levels 0-8.
MAX_LEVEL = 8


def _num_pr(ppr) -> tuple[str, int] | None:
    num_pr = ppr.find(w("numPr"))
    if num_pr is None:
        return None
    num_id = num_pr.find(w("numId"))
    ilvl = num_pr.find(w("ilvl"))
    if num_id is None or not num_id.get(VAL) or num_id.get(VAL) == "0":
        return None
    level = _int(ilvl.get(VAL) if ilvl is not None else "0")
    if level is None or not 0 <= level <= MAX_LEVEL:
        return num_id.get(VAL), -1  # a level Word does not have: unnumbered
    return num_id.get(VAL), level


class Numbering:
    """List labels as Word shows them, counted through the document.

    Definitions that make no sense (a level that is not a number or beyond 0-8, a start
    value that is not a number) are left out, so the paragraphs using them read as
    unnumbered; ``problems`` says what was left out, for a warning.
    """

    def __init__(self, root=None) -> None:
        self.abstract: dict[str, dict[int, dict]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, list[int]] = {}
        self.started: set[str] = set()
        self.problems: list[str] = []
        if root is None:
            return
        for a in root.iter(w("abstractNum")):
            levels = {}
            for lvl in a.iter(w("lvl")):
                ilvl = _int(lvl.get(w("ilvl")), 0)
                start_el = lvl.find(w("start"))
                start = _int(start_el.get(VAL), 1) if start_el is not None else 1
                if ilvl is None or not 0 <= ilvl <= MAX_LEVEL or start is None:
                    self.problems.append(f"w:ilvl={lvl.get(w('ilvl'))!r}")
                    continue
                fmt = lvl.find(w("numFmt"))
                text = lvl.find(w("lvlText"))
                levels[ilvl] = {
                    "start": start,
                    "fmt": fmt.get(VAL, "decimal") if fmt is not None else "decimal",
                    "text": text.get(VAL, "") if text is not None else "",
                }
            self.abstract[a.get(w("abstractNumId"), "")] = levels
        for n in root.iter(w("num")):
            a = n.find(w("abstractNumId"))
            overrides: dict[int, int] | None = {}
            for o in n.iter(w("lvlOverride")):
                so = o.find(w("startOverride"))
                if so is None:
                    continue
                lv, start = _int(o.get(w("ilvl")), 0), _int(so.get(VAL), 1)
                if lv is None or not 0 <= lv <= MAX_LEVEL or start is None:
                    self.problems.append(f"w:startOverride={so.get(VAL)!r}")
                    overrides = None  # the list's numbers are unknown: unnumbered
                    break
                overrides[lv] = start
            if overrides is not None:
                self.nums[n.get(w("numId"), "")] = (a.get(VAL, "") if a is not None else "", overrides)

    def label(self, num_id: str, ilvl: int) -> str:
        if num_id not in self.nums or not 0 <= ilvl <= MAX_LEVEL:
            return ""
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abstract_id, [0] * (MAX_LEVEL + 1))
        if num_id not in self.started:
            self.started.add(num_id)
            for lv, start in overrides.items():
                counters[lv] = start - 1
        if counters[ilvl] == 0 and ilvl not in overrides:
            counters[ilvl] = levels[ilvl]["start"] - 1
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, MAX_LEVEL + 1):
            counters[deeper] = 0
        lvl = levels[ilvl]
        if lvl["fmt"] in ("bullet", "none"):
            return ""
        text = lvl["text"]
        for k in range(MAX_LEVEL, -1, -1):
            token = f"%{k + 1}"
            if token in text:
                value = counters[k] or levels.get(k, {"start": 1})["start"]
                text = text.replace(token, format_number(value, levels.get(k, lvl)["fmt"]))
        return text


def warn_numbering(path, numbering: Numbering) -> None:
    """One warning on standard error when bad list definitions were read as unnumbered."""
    if numbering.problems:
        import sys

        what = "、".join(dict.fromkeys(numbering.problems[:5]))
        print(f"orgwrite：{path}：警告：自动编号定义有误（{what}），相关段落按无编号读取", file=sys.stderr)
        numbering.problems.clear()


def _hidden(run) -> bool:
    rpr = run.find(RPR)
    if rpr is None:
        return False
    v = rpr.find(w("vanish"))
    return v is not None and v.get(VAL) not in ("0", "false", "off")


def _mark_deleted(p) -> bool:
    ppr = p.find(PPR)
    if ppr is None:
        return False
    rpr = ppr.find(RPR)
    return rpr is not None and rpr.find(w("del")) is not None


def _collect_runs(parent, parts: list[str], pieces: list[list], pos: int) -> int:
    for child in parent:
        tag = child.tag
        if tag == R:
            if _hidden(child):
                continue
            for c in child:
                ctag = c.tag
                if ctag == T:
                    s = c.text or ""
                elif ctag in (TAB, PTAB):
                    s = "\t"
                elif ctag == NO_BREAK_HYPHEN:
                    s = "-"
                else:
                    continue
                if s:
                    parts.append(s)
                    pieces.append([pos, pos + len(s), c])
                    pos += len(s)
        elif tag in _RUN_CONTAINERS:
            pos = _collect_runs(child, parts, pieces, pos)
    return pos


def paragraphs(body, styles: Styles | None = None, numbering: Numbering | None = None) -> list[Paragraph]:
    """Every paragraph of ``body`` in order (see the module docstring)."""
    styles = styles or Styles()
    numbering = numbering or Numbering()
    out: list[Paragraph] = []
    pending: Paragraph | None = None

    def visit(container) -> None:
        nonlocal pending
        for child in container:
            tag = child.tag
            if tag == P:
                para = _paragraph(child, styles, numbering, pending)
                if _mark_deleted(child):
                    pending = para
                else:
                    pending = None
                    out.append(para)
            elif tag in _BLOCK_CONTAINERS:
                visit(child)

    visit(body)
    if pending is not None:
        out.append(pending)
    return out


def _paragraph(p, styles: Styles, numbering: Numbering, pending: Paragraph | None) -> Paragraph:
    ppr = p.find(PPR)
    sid = None
    num = None
    outline = None
    if ppr is not None:
        ps = ppr.find(PSTYLE)
        sid = ps.get(VAL) if ps is not None else None
        num = _num_pr(ppr)
        ol = ppr.find(w("outlineLvl"))
        if ol is not None and (ol.get(VAL) or "").isdigit():
            outline = int(ol.get(VAL))
    if outline is None:
        outline = styles.outline_level(sid)
    if pending is not None:
        parts = [pending.text]
        pieces = pending.pieces
        pos = _collect_runs(p, parts, pieces, len(pending.text))
        pending.text = "".join(parts)
        pending.elements.append(p)
        return pending
    num = num or styles.numbering(sid)
    if num and num[1] < 0:
        numbering.problems.append("段落的 w:ilvl")
    label = numbering.label(*num) if num else ""
    parts = [label]
    pieces: list[list] = []
    pos = _collect_runs(p, parts, pieces, len(label))
    del pos
    return Paragraph(text="".join(parts), pieces=pieces, elements=[p], style_id=sid, label=label, outline_level=outline)
