"""Inputs that would hang or exhaust memory: the size cap on every path, lying zip headers,
and XML declarations hidden in a renamed main part of a .docx."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest

from orgwrite.errors import InputError
from tests.conftest import run_orgwrite

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _one_line(r) -> str:
    err = r.stderr.decode().strip()
    assert r.returncode == 2, err
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    return err


# --- 32 MB on every input path -----------------------------------------------------


def _sparse(path, size: int) -> None:
    with path.open("wb") as fh:
        fh.truncate(size)  # costs no disk


def test_standard_input_over_the_cap_is_refused():
    from orgwrite.io.files import MAX_INPUT_BYTES

    data = ("一年来，全省组织工作取得新成效。\n" * (MAX_INPUT_BYTES // 48 + 2)).encode()
    assert len(data) > MAX_INPUT_BYTES
    r = run_orgwrite("check", "-", input=data)
    assert "标准输入" in _one_line(r) and "32 MB" in _one_line(r)
    assert r.stdout == b""


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
@pytest.mark.parametrize("command", ["fix", "export"])
def test_fix_and_export_refuse_a_file_over_the_cap(tmp_path, command, suffix):
    from orgwrite.io.files import MAX_INPUT_BYTES

    src = tmp_path / f"big{suffix}"
    _sparse(src, MAX_INPUT_BYTES + 1)
    out = tmp_path / ("out" + (suffix if command == "fix" else ".docx"))
    r = run_orgwrite(command, str(src), "-o", str(out))
    err = _one_line(r)
    assert "big" in err and "32 MB" in err
    assert not out.exists()


# --- a zip whose header lies about the size ------------------------------------------


def _lying_docx(real_size: int, claimed: int) -> bytes:
    """A .docx whose word/document.xml inflates to ``real_size`` bytes but claims ``claimed``."""
    import docx

    buf = io.BytesIO()
    docx.Document().save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            if item.filename == "word/document.xml":
                body = b"<w:document xmlns:w='" + W.encode() + b"'><w:body>"
                z.writestr("word/document.xml", body + b" " * (real_size - len(body)))
            else:
                z.writestr(item, src.read(item.filename))
    data = bytearray(out.getvalue())
    # Patch the uncompressed size in the local header and in the central directory.
    name = b"word/document.xml"
    local = data.find(b"PK\x03\x04")
    while local != -1:
        if data[local + 30 : local + 30 + len(name)] == name:
            struct.pack_into("<I", data, local + 22, claimed)
            break
        local = data.find(b"PK\x03\x04", local + 4)
    central = data.find(b"PK\x01\x02")
    while central != -1:
        if data[central + 46 : central + 46 + len(name)] == name:
            struct.pack_into("<I", data, central + 24, claimed)
            break
        central = data.find(b"PK\x01\x02", central + 4)
    return bytes(data)


def test_a_lying_size_header_is_refused_without_inflating_the_part(tmp_path):
    import tracemalloc

    from orgwrite.io.docx_package import open_docx
    from orgwrite.io.read_docx import read_docx

    src = tmp_path / "谎报.docx"
    src.write_bytes(_lying_docx(real_size=96 << 20, claimed=4000))
    assert src.stat().st_size < 1 << 20
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match=r"损坏|炸弹"):
            read_docx(src)
        with pytest.raises(InputError, match=r"损坏|炸弹"):
            open_docx(src, check_all_xml=True)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 << 20  # the 96 MB are never held in memory


@pytest.mark.parametrize("command", ["check", "annotate", "fix"])
def test_a_lying_size_header_is_one_chinese_line(tmp_path, command):
    src = tmp_path / "谎报.docx"
    src.write_bytes(_lying_docx(real_size=8 << 20, claimed=4000))
    out = tmp_path / "out.docx"
    args = {
        "check": ["check", str(src)],
        "annotate": ["check", str(src), "--annotate", str(out)],
        "fix": ["fix", str(src), "-o", str(out)],
    }[command]
    err = _one_line(run_orgwrite(*args))
    assert "谎报.docx" in err
    assert not out.exists()


def test_a_compression_word_never_uses_is_refused(tmp_path):
    import docx

    buf = io.BytesIO()
    docx.Document().save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for item in src.infolist():
            method = zipfile.ZIP_BZIP2 if item.filename == "word/document.xml" else zipfile.ZIP_DEFLATED
            z.writestr(item.filename, src.read(item.filename), compress_type=method)
    f = tmp_path / "bz.docx"
    f.write_bytes(out.getvalue())
    err = _one_line(run_orgwrite("check", str(f)))
    assert "压缩方式" in err


# --- a renamed main part holding a DTD --------------------------------------------------

XXE_MAIN = (
    b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    b'<w:document xmlns:w="'
    + W.encode()
    + b'"><w:body><w:p><w:r><w:t>&xxe;,text</w:t></w:r></w:p></w:body></w:document>'
)


def _renamed_main(new_name: str, keep_decoy: bool) -> bytes:
    import docx

    buf = io.BytesIO()
    d = docx.Document()
    d.add_paragraph("正文,有问题。")
    d.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            data = src.read(item.filename)
            name = item.filename
            if name == "word/document.xml":
                z.writestr(new_name, XXE_MAIN)
                if keep_decoy:
                    z.writestr(name, data)
                continue
            if name == "word/_rels/document.xml.rels":
                name = new_name.replace("word/", "word/_rels/") + ".rels"
            if name in ("_rels/.rels", "[Content_Types].xml"):
                data = data.replace(b"word/document.xml", new_name.encode())
            z.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize("new_name", ["word/main.XML", "word/body.bin", "word/document2.xml"])
@pytest.mark.parametrize("command", ["check", "annotate", "fix"])
def test_a_renamed_main_part_with_a_dtd_is_refused(tmp_path, new_name, command):
    src = tmp_path / "改名.docx"
    src.write_bytes(_renamed_main(new_name, keep_decoy=True))
    out = tmp_path / "out.docx"
    args = {
        "check": ["check", str(src)],
        "annotate": ["check", str(src), "--annotate", str(out)],
        "fix": ["fix", str(src), "-o", str(out), "--track-changes"],
    }[command]
    err = _one_line(run_orgwrite(*args))
    assert "DTD" in err and new_name in err
    assert not out.exists()
