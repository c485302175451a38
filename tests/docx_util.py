"""Helpers for the Word tests: build .docx files and read their XML back."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def part(path: Path, name: str):
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(name))


def styles_by_name(path: Path) -> dict[str, etree._Element]:
    root = part(path, "word/styles.xml")
    return {s.find("w:name", NS).get(q("val")): s for s in root.iter(q("style"))}


def comment_ranges(path: Path) -> dict[str, str]:
    """comment id → the text between its commentRangeStart and commentRangeEnd."""
    body = part(path, "word/document.xml").find("w:body", NS)
    open_ids: dict[str, list[str]] = {}
    done: dict[str, str] = {}
    for el in body.iter():
        if el.tag == q("commentRangeStart"):
            open_ids[el.get(q("id"))] = []
        elif el.tag == q("commentRangeEnd"):
            cid = el.get(q("id"))
            done[cid] = "".join(open_ids.pop(cid))
        elif el.tag == q("t") and not any(a.tag in (q("del"), q("moveFrom")) for a in el.iterancestors()):
            for chunks in open_ids.values():
                chunks.append(el.text or "")
        elif el.tag == q("tab"):
            for chunks in open_ids.values():
                chunks.append("\t")
    return done


def comments(path: Path) -> list[tuple[str, str, str]]:
    """(id, author, text) of every comment."""
    root = part(path, "word/comments.xml")
    return [
        (c.get(q("id")), c.get(q("author")), "".join(t.text or "" for t in c.iter(q("t"))))
        for c in root.iter(q("comment"))
    ]


def char_formats(path: Path) -> list[list[bytes]]:
    """Per body paragraph, the run properties of each visible character (comments ignored)."""
    body = part(path, "word/document.xml").find("w:body", NS)
    out = []
    for p in body.iter(q("p")):
        chars = []
        for r in p.iter(q("r")):
            rpr = r.find("w:rPr", NS)
            key = etree.tostring(rpr, method="c14n") if rpr is not None else b""
            for t in r.iter(q("t")):
                chars.extend([key] * len(t.text or ""))
        out.append(chars)
    return out


def formatted_docx_from_text(lines: list[str], path: Path) -> None:
    """A .docx with one paragraph per line, the text split into runs of varied formatting."""
    import docx
    from docx.shared import Pt

    d = docx.Document()
    for i, line in enumerate(lines):
        p = d.add_paragraph()
        for k in range(0, len(line), 7):
            r = p.add_run(line[k : k + 7])
            r.bold = (k // 7) % 3 == 1
            r.italic = (k // 7) % 4 == 2
            if (k // 7 + i) % 5 == 0:
                r.font.size = Pt(15)
    d.save(path)
