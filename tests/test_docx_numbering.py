"""Word lists and heading styles as Word shows them: Chinese counting formats, bad
numbering definitions, heading styles whose level disagrees with the number shown."""

from __future__ import annotations

import json
import zipfile

import pytest

from orgwrite.io.read_docx import read_docx
from orgwrite.pipeline import check_document
from tests.docx_util import W

_LIST_TEXT = ["加强政治建设。", "建强干部队伍。", "夯实基层基础。"]


def _numbered_docx(path, *, fmt="decimal", lvl_text="%1.", ilvl="0", para_ilvl="0", start="1", override=None):
    """A .docx of three list paragraphs using one hand-written numbering definition."""
    import docx

    d = docx.Document()
    d.add_paragraph("全市组织工作要点")
    for text in _LIST_TEXT:
        p = d.add_paragraph(text)
        ppr = p._p.get_or_add_pPr()
        from docx.oxml import parse_xml

        ppr.append(parse_xml(f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{para_ilvl}"/><w:numId w:val="7"/></w:numPr>'))
    d.save(path)
    over = f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{override}"/></w:lvlOverride>' if override else ""
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W}">'
        f'<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{lvl_text}"/></w:lvl></w:abstractNum>'
        f'<w:num w:numId="7"><w:abstractNumId w:val="3"/>{over}</w:num></w:numbering>'
    )
    _replace_part(path, "word/numbering.xml", numbering.encode())
    return path


def _replace_part(path, name, data: bytes) -> None:
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    parts[name] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for k, v in parts.items():
            z.writestr(k, v)


@pytest.mark.parametrize(
    ("fmt", "labels"),
    [
        ("taiwaneseCountingThousand", ["一、", "二、", "三、"]),
        ("chineseCounting", ["一、", "二、", "三、"]),
        ("chineseCountingThousand", ["一、", "二、", "三、"]),
        ("chineseLegalSimplified", ["壹、", "贰、", "叁、"]),
        ("ideographTraditional", ["甲、", "乙、", "丙、"]),
        ("ideographEnclosedCircle", ["㈠", "㈡", "㈢"]),
    ],
)
def test_chinese_list_formats_read_as_word_shows_them(tmp_path, fmt, labels):
    text = "%1" if fmt == "ideographEnclosedCircle" else "%1、"
    path = _numbered_docx(tmp_path / "l.docx", fmt=fmt, lvl_text=text)
    doc = read_docx(path)
    assert doc.lines[1:] == [a + b for a, b in zip(labels, _LIST_TEXT, strict=True)]


def test_libreoffice_counting_list_gives_no_numbering_finding(tmp_path):
    path = _numbered_docx(tmp_path / "lo.docx", fmt="taiwaneseCountingThousand", lvl_text="%1、", start="9")
    assert read_docx(path).lines[1:4] == ["九、加强政治建设。", "十、建强干部队伍。", "十一、夯实基层基础。"]
    path = _numbered_docx(tmp_path / "lo1.docx", fmt="taiwaneseCountingThousand", lvl_text="%1、")
    assert [f.rule for f in check_document(read_docx(path)).findings if f.rule.startswith(("P112", "S1"))] == []


@pytest.mark.parametrize(
    "bad",
    [
        {"ilvl": "x"},
        {"ilvl": "99"},
        {"para_ilvl": "x"},
        {"para_ilvl": "99"},
        {"start": "abc"},
        {"override": "abc"},
    ],
    ids=lambda b: "-".join(f"{k}={v}" for k, v in b.items()),
)
@pytest.mark.parametrize("command", ["check", "annotate", "fix", "export"])
def test_bad_numbering_reads_as_unnumbered_with_a_warning(cli, tmp_path, bad, command):
    path = _numbered_docx(tmp_path / "坏编号.docx", **bad)
    out = tmp_path / "out.docx"
    args = {
        "check": ["check", str(path), "--format", "json"],
        "annotate": ["check", str(path), "--annotate", str(out)],
        "fix": ["fix", str(path), "-o", str(out)],
        "export": ["export", str(path), "-o", str(out)],
    }[command]
    r = cli(*args)
    err = r.stderr.decode()
    assert r.returncode in (0, 1), err
    assert "Traceback" not in err
    assert "自动编号定义有误" in err and "按无编号读取" in err
    if command == "check":
        assert json.loads(r.stdout)["files"][0]["path"] == str(path)
    else:
        assert out.exists()
    assert read_docx(path).lines[1:] == _LIST_TEXT


def test_a_folder_with_one_bad_numbering_still_reports_the_others(cli, tmp_path):
    _numbered_docx(tmp_path / "a-坏.docx", ilvl="x")
    (tmp_path / "b.txt").write_text("全市组织工作要点\n一年来,全市组织工作取得新成效。\n", "utf-8")
    r = cli("check", str(tmp_path), "--format", "json")
    assert r.returncode == 1, r.stderr.decode()
    files = {f["path"].rsplit("/", 1)[-1]: f for f in json.loads(r.stdout)["files"]}
    assert set(files) == {"a-坏.docx", "b.txt"}
    assert [f["rule"] for f in files["b.txt"]["findings"]] == ["P101"]


def test_heading_styles_give_way_to_the_number_shown(tmp_path):
    """pandoc/Word: Heading 4 for 1. and Heading 5 for （1）: no level reversal (S101)."""
    import docx

    d = docx.Document()
    d.add_paragraph("全市组织工作要点", style="Title")
    d.add_paragraph("一、总体要求", style="Heading 1")
    d.add_paragraph("（一）加强政治建设", style="Heading 2")
    d.add_paragraph("1.强化理论武装", style="Heading 4")
    d.add_paragraph("（1）开展专题培训", style="Heading 5")
    d.add_paragraph("全市各级组织部门要坚持以习近平新时代中国特色社会主义思想为指导。")
    d.add_paragraph("（2）抓好实践锻炼", style="Heading 5")
    d.add_paragraph("2.推动基层建设", style="Heading 4")
    path = tmp_path / "h.docx"
    d.save(path)
    doc = read_docx(path)
    assert [(b.level, b.number) for b in doc.blocks[1:] if b.kind.name == "HEADING"] == [
        (1, "一、"),
        (2, "（一）"),
        (3, "1."),
        (4, "（1）"),
        (4, "（2）"),
        (3, "2."),
    ]
    assert [f for f in check_document(doc).findings if f.rule.startswith("S1")] == []


@pytest.mark.parametrize(
    ("n", "fmt", "shown"),
    [
        (10, "chineseCountingThousand", "十"),
        (21, "taiwaneseCountingThousand", "二十一"),
        (101, "chineseCounting", "一百零一"),
        (110, "chineseCountingThousand", "一百一十"),
        (10, "ideographDigital", "一〇"),
        (11, "chineseLegalSimplified", "壹拾壹"),
        (12, "ideographZodiac", "亥"),
        (3, "decimalEnclosedParen", "⑶"),
        (27, "upperLetter", "AA"),
    ],
)
def test_counter_values_in_word_formats(n, fmt, shown):
    from orgwrite.io.list_labels import format_number

    assert format_number(n, fmt) == shown
