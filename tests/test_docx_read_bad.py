"""Reading .docx: order, runs, tables, lists, tracked changes, suppression; bad input."""

from __future__ import annotations

import io
import zipfile

import pytest

from orgwrite.io.read_docx import read_docx
from orgwrite.pipeline import check_document
from tests.docx_util import W


def _tracked(p, inserted: str, deleted: str) -> None:
    from docx.oxml import parse_xml

    p._p.append(parse_xml(f'<w:ins xmlns:w="{W}" w:id="901" w:author="x"><w:r><w:t>{inserted}</w:t></w:r></w:ins>'))
    p._p.append(
        parse_xml(f'<w:del xmlns:w="{W}" w:id="902" w:author="x"><w:r><w:delText>{deleted}</w:delText></w:r></w:del>')
    )


@pytest.fixture
def built(tmp_path):
    import docx

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "页眉文字,不读"
    d.add_paragraph("全省组织工作综述", style="Title")
    d.add_paragraph("总体情况", style="Heading 1")
    p = d.add_paragraph()
    p.add_run("一年来")
    p.add_run(",").bold = True
    p.add_run("全省组织工作取得新成效")
    _tracked(p, "。", "删掉的字")
    d.add_paragraph("")
    d.add_paragraph("推动干部队伍建设。", style="List Number")
    d.add_paragraph("加强基层组织建设。", style="List Number")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "表格第一格"
    t.cell(0, 1).text = "表格第二格,有问题。"
    d.add_paragraph("orgwrite: ignore P101")
    d.add_paragraph("这里的逗号,被忽略。")
    d.add_comment(d.paragraphs[0].runs[0], text="已有批注,不读", author="审稿人")
    path = tmp_path / "built.docx"
    d.save(path)
    return path


def test_paragraph_order_text_and_positions(built):
    doc = read_docx(built)
    assert doc.source.format == "docx"
    assert doc.lines == [
        "全省组织工作综述",
        "总体情况",
        "一年来,全省组织工作取得新成效。",
        "",
        "1.推动干部队伍建设。",
        "2.加强基层组织建设。",
        "表格第一格",
        "表格第二格,有问题。",
        "orgwrite: ignore P101",
        "这里的逗号,被忽略。",
    ]
    kinds = [(b.kind.value, b.level, b.line) for b in doc.blocks]
    assert kinds[:2] == [("title", 0, 1), ("heading", 1, 2)]
    p101 = [(f.line, f.column, f.end_column) for f in check_document(doc).findings if f.rule == "P101"]
    assert p101 == [(3, 4, 5), (8, 6, 7)]


def _docx_bytes(**replace: bytes) -> bytes:
    import docx

    buf = io.BytesIO()
    d = docx.Document()
    d.add_paragraph("正文。")
    d.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            if item.filename in replace:
                if replace[item.filename] is not None:
                    z.writestr(item.filename, replace[item.filename])
            else:
                z.writestr(item, src.read(item.filename))
    return out.getvalue()


def _bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b"\x20" * (1 << 20)
            for _ in range(120):
                fh.write(chunk)
    return out.getvalue()


GOOD = _docx_bytes()
XXE = (
    b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<w:document xmlns:w="' + W.encode() + b'"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>'
)
BAD_INPUTS = {
    "not-a-zip": (b"this is plain text, not a zip", "不是有效的 Word 文件"),
    "truncated": (GOOD[: len(GOOD) // 2], "损坏或不完整"),
    "encrypted-ole": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "加密的或旧版"),
    "zip-bomb": (_bomb(), "压缩炸弹"),
    "doctype-entities": (_docx_bytes(**{"word/document.xml": XXE}), "DTD"),
    "no-body": (
        _docx_bytes(**{"word/document.xml": b'<w:document xmlns:w="' + W.encode() + b'"/>'}),
        "没有正文",
    ),
    "no-document-part": (_docx_bytes(**{"word/document.xml": None}), "缺少正文部件"),
    "many-parts": (None, "部件过多"),
}


def _many_parts() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for i in range(5001):
            z.writestr(f"p{i}.xml", "")
    return out.getvalue()


@pytest.mark.parametrize("case", [*BAD_INPUTS, "legacy-doc"])
@pytest.mark.parametrize("command", ["check", "export", "annotate", "fix"])
def test_bad_input_exit_2_one_chinese_line_nothing_written(cli, tmp_path, case, command):
    if case == "legacy-doc":
        src = tmp_path / "旧文件.doc"
        src.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
        expect = ".doc"
    else:
        data, expect = BAD_INPUTS[case]
        src = tmp_path / "坏文件.docx"
        src.write_bytes(data if data is not None else _many_parts())
    out = tmp_path / "out.docx"
    args = {
        "check": ["check", str(src)],
        "export": ["export", str(src), "-o", str(out)],
        "annotate": ["check", str(src), "--annotate", str(out)],
        "fix": ["fix", str(src), "-o", str(out), "--track-changes"],
    }[command]
    if case == "legacy-doc" and command in ("annotate", "fix"):
        pytest.skip("these commands refuse a .doc by its name before reading it")
    r = cli(*args)
    err = r.stderr.decode("utf-8").strip()
    assert r.returncode == 2, err
    assert len(err.splitlines()) == 1, err
    assert "Traceback" not in err and expect in err and str(src) in err
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err)
    assert not out.exists()
    assert not list(tmp_path.glob(".*.tmp"))
