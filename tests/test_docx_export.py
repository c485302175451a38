"""Export to GB/T 9704 .docx: page setup, grid, fonts by role, footers; round trip."""

from __future__ import annotations

import pytest

from orgwrite.io.read import read_document
from orgwrite.io.read_docx import read_docx
from orgwrite.io.write_docx import write_docx
from orgwrite.model import BlockKind
from tests.conftest import ROOT, SAMPLES
from tests.docx_util import NS, part, q, styles_by_name

FRAME = ROOT / "tests" / "docx" / "frame.md"
INPUTS = [*sorted(SAMPLES.glob("*.txt")), FRAME]


@pytest.fixture(scope="module")
def frame_docx(tmp_path_factory):
    out = tmp_path_factory.mktemp("export") / "frame.docx"
    write_docx(read_document(FRAME), out)
    return out


def test_page_setup_and_grid(frame_docx):
    sect = part(frame_docx, "word/document.xml").find("w:body/w:sectPr", NS)
    size = sect.find("w:pgSz", NS)
    assert (size.get(q("w")), size.get(q("h"))) == ("11906", "16838")
    mar = sect.find("w:pgMar", NS)
    mm = {k: round(int(mar.get(q(k))) / 56.6929) for k in ("top", "bottom", "left", "right")}
    assert mm == {"top": 37, "bottom": 35, "left": 28, "right": 26}
    # a line grid and explicit condensing (-0.25 pt a 3号 character): 28 a line in Word and
    # LibreOffice alike; Word's compressed char grid (linesAndChars) LibreOffice sets at 14 a line
    grid = sect.find("w:docGrid", NS)
    assert (grid.get(q("type")), grid.get(q("linePitch")), grid.get(q("charSpace"))) == ("lines", "579", None)
    normal = styles_by_name(frame_docx)["Normal"]
    assert normal.find("w:rPr/w:spacing", NS).get(q("val")) == "-5"
    assert styles_by_name(frame_docx)["公文标题"].find("w:rPr/w:spacing", NS).get(q("val")) == "0"
    settings = part(frame_docx, "word/settings.xml")
    assert settings.find("w:evenAndOddHeaders", NS) is not None


@pytest.mark.parametrize(
    ("name", "east_asia", "size"),
    [
        ("公文标题", "方正小标宋简体", "44"),
        ("公文正文", "仿宋_GB2312", "32"),
        ("一级标题", "黑体", "32"),
        ("二级标题", "楷体_GB2312", "32"),
        ("三级标题", "仿宋_GB2312", "32"),
        ("四级标题", "仿宋_GB2312", "32"),
        ("讲话人", "楷体_GB2312", "32"),
        ("日期", "楷体_GB2312", "32"),
        ("称谓", "仿宋_GB2312", "32"),
        ("附件说明", "仿宋_GB2312", "32"),
        ("落款", "仿宋_GB2312", "32"),
        ("成文日期", "仿宋_GB2312", "32"),
        ("页码", "宋体", "28"),
        ("一级标题字符", "黑体", "32"),
        ("二级标题字符", "楷体_GB2312", "32"),
    ],
)
def test_named_styles_set_the_east_asian_font(frame_docx, name, east_asia, size):
    style = styles_by_name(frame_docx)[name]
    fonts = style.find("w:rPr/w:rFonts", NS)
    assert fonts.get(q("eastAsia")) == east_asia
    assert style.find("w:rPr/w:sz", NS).get(q("val")) == size


def test_title_does_not_snap_to_grid_and_lines_are_exact(frame_docx):
    title = styles_by_name(frame_docx)["公文标题"]
    assert title.find("w:pPr/w:snapToGrid", NS).get(q("val")) == "0"
    spacing = title.find("w:pPr/w:spacing", NS)
    assert (spacing.get(q("line")), spacing.get(q("lineRule"))) == ("579", "exact")


def test_paragraph_styles_follow_the_frame(frame_docx):
    body = part(frame_docx, "word/document.xml").find("w:body", NS)
    names = {s: n for n, s in ((n, el.get(q("styleId"))) for n, el in styles_by_name(frame_docx).items())}
    seen = []
    for p in body.iter(q("p")):
        text = "".join(t.text or "" for t in p.iter(q("t")))
        if text:
            style = p.find("w:pPr/w:pStyle", NS).get(q("val"))
            seen.append((names[style], text[:8]))
    assert seen[:4] == [
        ("公文标题", "在全市组织工作会"),
        ("讲话人", "市委常委、组织部"),
        ("日期", "（2024年1月"),
        ("称谓", "同志们："),
    ]
    styles = [s for s, _ in seen]
    assert styles[:4] == ["公文标题", "讲话人", "日期", "称谓"]
    assert {"一级标题", "二级标题", "三级标题"} <= set(styles)
    assert styles[-4:] == ["附件说明", "附件说明续行", "落款", "成文日期"]
    # a numbered level-2 paragraph keeps its lead-in in the 楷体 character style
    lead = next(p for p in body.iter(q("p")) if "".join(t.text or "" for t in p.iter(q("t"))).startswith("（一）建强"))
    first = lead.find("w:r", NS)
    assert first.find("w:t", NS).text == "（一）建强干部队伍。"
    assert first.find("w:rPr/w:rStyle", NS).get(q("val")) == "GwHeading2Char"


def test_odd_and_even_footers_carry_dashed_page_numbers(frame_docx):
    sect = part(frame_docx, "word/document.xml").find("w:body/w:sectPr", NS)
    rels = part(frame_docx, "word/_rels/document.xml.rels")
    targets = {r.get("Id"): r.get("Target") for r in rels}
    R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    sides = {}
    for ref in sect.findall("w:footerReference", NS):
        footer = part(frame_docx, "word/" + targets[ref.get(R)])
        p = footer.find("w:p", NS)
        text = "".join(t.text or "" for t in p.iter(q("t")))
        instr = "".join(t.text or "" for t in p.iter(q("instrText")))
        sides[ref.get(q("type"))] = (p.find("w:pPr/w:jc", NS).get(q("val")), text, instr.strip())
    assert sides["default"] == ("right", "— 1 —", "PAGE")
    assert sides["even"] == ("left", "— 1 —", "PAGE")


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_round_trip_keeps_paragraphs_and_characters(path, tmp_path):
    doc = read_document(path)
    out = tmp_path / "x.docx"
    write_docx(doc, out)
    back = read_docx(out)
    expected = [b.text for b in doc.blocks if b.kind is not BlockKind.CHROME]
    assert [b.text for b in back.blocks] == expected
    kinds = [b.kind for b in doc.blocks if b.kind is not BlockKind.CHROME]
    assert [b.kind for b in back.blocks] == kinds


def test_export_command_refuses_to_overwrite(cli, tmp_path):
    out = tmp_path / "报告.docx"
    out.write_bytes(b"keep")
    r = cli("export", str(FRAME), "-o", str(out))
    assert r.returncode == 2
    assert "已存在" in r.stderr.decode() and len(r.stderr.decode().strip().splitlines()) == 1
    assert out.read_bytes() == b"keep"
    r = cli("export", str(FRAME), "-o", str(out), "--force")
    assert r.returncode == 0 and out.read_bytes()[:2] == b"PK"
    assert not list(tmp_path.glob(".*.tmp"))


def test_export_command_needs_docx_suffix(cli, tmp_path):
    r = cli("export", str(FRAME), "-o", str(tmp_path / "x.txt"))
    assert r.returncode == 2 and ".docx" in r.stderr.decode()
    assert not (tmp_path / "x.txt").exists()
