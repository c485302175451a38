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


def _paragraphs(path):
    """(style id, text with breaks shown as ⏎ and page breaks as ⤓) per body paragraph."""
    body = part(path, "word/document.xml").find("w:body", NS)
    out = []
    for p in body.findall("w:p", NS):
        style = p.find("w:pPr/w:pStyle", NS)
        chars = []
        for e in p.iter(q("t"), q("br"), q("tab")):
            if e.tag == q("t"):
                chars.append(e.text or "")
            elif e.tag == q("tab"):
                chars.append("\t")
            else:
                chars.append("⤓" if e.get(q("type")) == "page" else "⏎")
        out.append((style.get(q("val")) if style is not None else None, "".join(chars)))
    return out


def test_export_maps_form_feed_and_drops_other_control_characters(cli, tmp_path):
    src = tmp_path / "控制符.txt"
    prose = "全市各级组织部门坚持以习近平新时代中国特色社会主义思想为指导。" * 25
    src.write_bytes(f"第一页。\f第二页。\n第三段\x01有\x1b控制符。\n第四段\t末尾\x7f。\n{prose}\n".encode())
    out = tmp_path / "控制符.docx"
    r = cli("export", str(src), "-o", str(out))
    assert r.returncode == 0, r.stderr.decode()
    err = r.stderr.decode()
    assert "Traceback" not in err
    assert "换页符 1 处已转为分页符" in err
    assert "控制字符 2 个（U+0001、U+001B）" in err
    texts = [t for _, t in _paragraphs(out) if t]
    assert texts == ["第一页。⤓第二页。", "第三段有控制符。", "第四段\t末尾\x7f。", prose]


def test_export_of_a_late_nul_is_not_a_crash(cli, tmp_path):
    src = tmp_path / "nul.txt"
    src.write_bytes(("正文。" * 4000 + "\x00末尾。\n").encode())
    out = tmp_path / "nul.docx"
    r = cli("export", str(src), "-o", str(out))
    assert r.returncode == 0, r.stderr.decode()
    assert [t for _, t in _paragraphs(out) if t] == ["正文。" * 4000 + "末尾。"]


def test_long_title_breaks_between_words_with_the_subtitle_on_its_own_line(tmp_path):
    from orgwrite.io.read_text import read_string

    text = "向中心聚焦 为大局聚力 自觉担当从严管党治吏的政治责任 ——全省组织工作综述\n正文第一段。\n"
    out = tmp_path / "t.docx"
    write_docx(read_string(text, "t.txt"), out)
    style, title = _paragraphs(out)[0]
    assert style == "GwTitle"
    assert title.split("⏎") == ["向中心聚焦 为大局聚力 ", "自觉担当从严管党治吏的政治责任 ", "——全省组织工作综述"]
    assert read_docx(out).blocks[0].text == text.splitlines()[0]


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        (
            "勇当排头兵 奋进新征程——党的十八大以来首府组织工作综述",
            ["勇当排头兵 奋进新征程", "——党的十八大以来首府组织工作综述"],
        ),
        (
            "在庆祝中国共产党成立一百周年暨全市优秀共产党员表彰大会上的讲话",
            ["在庆祝中国共产党成立一百周年暨", "全市优秀共产党员表彰大会上的讲话"],
        ),
        (
            "关于进一步加强新时代基层党组织建设推动高质量发展的实施意见",
            ["关于进一步加强新时代基层党组织", "建设推动高质量发展的实施意见"],
        ),
        ("在全市组织工作会议上的讲话", ["在全市组织工作会议上的讲话"]),
    ],
)
def test_title_lines_are_whole_words_and_balanced(title, lines):
    from orgwrite.io.title_lines import TITLE_CAPACITY, title_lines, width

    assert title_lines(title) == lines
    assert all(width(x.strip()) <= TITLE_CAPACITY for x in lines)


def test_unnumbered_headings_are_bold_fangsong_and_only_headings_get_outline_levels(tmp_path):
    import docx

    src = tmp_path / "src.docx"
    d = docx.Document()
    d.add_paragraph("全市组织工作综述", style="Title")
    d.add_paragraph("聚焦政治引领", style="Heading 1")
    d.add_paragraph("正文第一段，内容较长。")
    d.add_paragraph("一、总体要求", style="Heading 1")
    d.add_paragraph("1.推动学习贯彻党的创新理论走深走实。坚持把学习贯彻摆在首位，持续深化。", style="Heading 3")
    d.save(src)
    out = tmp_path / "out.docx"
    write_docx(read_docx(src), out)
    styles = [s for s, t in _paragraphs(out) if t]
    assert styles == ["GwTitle", "GwSection", "GwBody", "GwHeading1", "GwBody"]
    by_id = {el.get(q("styleId")): el for el in styles_by_name(out).values()}
    section = by_id["GwSection"]
    assert section.find("w:rPr/w:rFonts", NS).get(q("eastAsia")) == "仿宋_GB2312"
    assert section.find("w:rPr/w:b", NS) is not None
    assert by_id["GwBody"].find("w:pPr/w:outlineLvl", NS) is None
    assert by_id["GwHeading1"].find("w:pPr/w:outlineLvl", NS).get(q("val")) == "0"


def test_export_of_a_docx_keeps_tables_and_says_what_it_drops(cli, tmp_path):
    import docx

    src = tmp_path / "表格.docx"
    d = docx.Document()
    d.add_paragraph("全市组织工作综述")
    d.add_paragraph("一年来，全市组织工作取得新成效。")
    t = d.add_table(rows=2, cols=3)
    for r, row in enumerate([["单位", "人数", "备注"], ["市委组织部", "12", ""]]):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    d.add_paragraph("下一步，我们将继续努力。")
    d.sections[0].header.paragraphs[0].text = "中共××市委组织部"
    d.save(src)
    # add one footnote part with one real note (python-docx cannot write footnotes)
    import zipfile

    fn = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:footnotes xmlns:w="{NS["w"]}"><w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:t>注释</w:t></w:r></w:p></w:footnote></w:footnotes>'
    )
    with zipfile.ZipFile(src, "a") as z:
        z.writestr("word/footnotes.xml", fn)
    out = tmp_path / "out.docx"
    r = cli("export", str(src), "-o", str(out))
    assert r.returncode == 0, r.stderr.decode()
    assert "未能导出：脚注 1 处、页眉文字 1 处" in r.stderr.decode()
    body = part(out, "word/document.xml").find("w:body", NS)
    kinds = [e.tag.split("}")[1] for e in body if e.tag != q("sectPr")]
    assert kinds[-2:] == ["tbl", "p"]
    tbl = body.find("w:tbl", NS)
    cells = [
        ["".join(t.text for t in tc.iter(q("t"))) for tc in tr.findall("w:tc", NS)] for tr in tbl.findall("w:tr", NS)
    ]
    assert cells == [["单位", "人数", "备注"], ["市委组织部", "12", ""]]
    assert all(tc.find("w:p", NS) is not None for tc in tbl.iter(q("tc")))
    assert read_docx(out).lines[-1] == "下一步，我们将继续努力。"


def test_a_very_long_title_exports_and_is_left_to_word_wrapping(cli, tmp_path):
    src = tmp_path / "长标题.md"
    title = "关于进一步加强新时代基层党组织建设推动高质量发展的实施意见" * 11
    src.write_text(f"# {title}\n\n正文第一段。\n", "utf-8")
    out = tmp_path / "长标题.docx"
    r = cli("export", str(src), "-o", str(out))
    assert r.returncode == 0, r.stderr.decode()
    assert _paragraphs(out)[0] == ("GwTitle", title)
    assert part(out, "docProps/core.xml").findtext("{http://purl.org/dc/elements/1.1/}title") == title[:255]


def test_export_takes_the_encoding_detection_gets_wrong(cli, tmp_path):
    # The writer names the encoding; a name orgwrite does not know is a usage error.
    src = tmp_path / "讲话.txt"
    src.write_bytes("全省组织工作会议讲话\n同志们：\n今天召开会议。\n".encode("gbk"))
    out = tmp_path / "讲话.docx"
    r = cli("export", str(src), "-o", str(out), "--encoding", "gbk")
    assert r.returncode == 0, r.stderr.decode("utf-8")
    from orgwrite.io.read_docx import read_docx

    assert "今天召开会议。" in read_docx(out).lines
    r = cli("export", str(src), "-o", str(tmp_path / "x.docx"), "--encoding", "latin-9")
    assert r.returncode == 2 and "--encoding" in r.stderr.decode("utf-8")
