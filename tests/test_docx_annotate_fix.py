"""--annotate (comments on exact spans) and fix --track-changes (accept all == text fix)."""

from __future__ import annotations

import hashlib
import json

import pytest

from orgwrite.fix import fix_text
from orgwrite.io.read_docx import read_docx
from orgwrite.pipeline import check_document
from tests.conftest import sample
from tests.docx_util import NS, char_formats, comment_ranges, comments, formatted_docx_from_text, part, q


@pytest.fixture
def doc004(tmp_path):
    """A .docx made from sample 004, its text split into runs of varied formatting."""
    lines = sample("004").read_text("utf-8").splitlines()
    path = tmp_path / "004.docx"
    formatted_docx_from_text(lines, path)
    return path


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_annotate_one_comment_per_finding_on_its_exact_span(cli, doc004, tmp_path):
    before = _sha(doc004)
    out = tmp_path / "审阅.docx"
    r = cli("check", str(doc004), "--format", "json", "--annotate", str(out))
    assert r.returncode == 1, r.stderr.decode()
    findings = json.loads(r.stdout)["files"][0]["findings"]
    assert len(findings) > 20
    assert _sha(doc004) == before
    lines = read_docx(doc004).lines
    notes = comments(out)
    assert len(notes) == len(findings)
    assert {a for _, a, _ in notes} == {"orgwrite"}
    ranges = comment_ranges(out)
    by_id = {cid: text for cid, _, text in notes}
    for (cid, _, _text), f in zip(notes, findings, strict=True):
        span = lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1]
        assert ranges[cid] == span, (f, ranges[cid])
        assert by_id[cid].startswith(f"{f['rule']} {f['message']}")
        if f["replacement"]:
            assert f"建议改为“{f['replacement']}”" in by_id[cid]
    # the text and every character's formatting are as before
    assert read_docx(out).lines == lines
    assert char_formats(out) == char_formats(doc004)


def test_reannotating_replaces_orgwrite_comments_and_keeps_others(cli, doc004, tmp_path):
    import docx

    d = docx.Document(doc004)
    d.add_comment(d.paragraphs[2].runs[0], text="请核实", author="审稿人", initials="SG")
    d.save(doc004)
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    assert cli("check", str(doc004), "--annotate", str(first)).returncode == 1
    assert cli("check", str(first), "--annotate", str(second)).returncode == 1
    a, b = comments(first), comments(second)
    assert len(a) == len(b)
    assert [x for x in b if x[1] == "审稿人"] == [x for x in a if x[1] == "审稿人"]
    assert sorted(t for _, _, t in a) == sorted(t for _, _, t in b)
    assert len(comment_ranges(second)) == len(b)
    assert char_formats(second) == char_formats(doc004)


def test_annotate_refuses_existing_output_and_non_docx(cli, doc004, tmp_path):
    out = tmp_path / "out.docx"
    out.write_bytes(b"old")
    r = cli("check", str(doc004), "--annotate", str(out))
    assert r.returncode == 2 and out.read_bytes() == b"old"
    r = cli("check", str(sample("004")), "--annotate", str(tmp_path / "x.docx"))
    assert r.returncode == 2 and "--annotate" in r.stderr.decode()
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.parametrize("track", [True, False])
def test_fix_docx_accept_all_equals_text_fix(cli, doc004, tmp_path, track):
    doc = read_docx(doc004)
    expected, edits = fix_text(doc.text, check_document(doc).findings)
    assert len(edits) > 10
    out = tmp_path / "fixed.docx"
    args = ["fix", str(doc004), "-o", str(out)] + (["--track-changes"] if track else [])
    r = cli(*args)
    assert r.returncode == 0, r.stderr.decode()
    assert read_docx(out).text == expected
    body = part(out, "word/document.xml").find("w:body", NS)
    ins = list(body.iter(q("ins")))
    dels = list(body.iter(q("del")))
    if track:
        assert ins and dels
        assert {e.get(q("author")) for e in ins + dels} == {"orgwrite"}
        # rejecting all gives the original text back
        rejected = "\n".join(
            "".join(
                (t.text or "")
                for t in p.iter(q("t"), q("delText"))
                if not any(a.tag == q("ins") for a in t.iterancestors())
            )
            for p in body.iter(q("p"))
        )
        assert rejected == doc.text
    else:
        assert not ins and not dels


def test_fix_text_keeps_encoding_bom_and_newlines(cli, tmp_path):
    src = tmp_path / "a.txt"
    text = "全省组织工作综述\r\n一年来,全省组织工作取得新成效。\r\n"
    src.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    out = tmp_path / "b.txt"
    assert cli("fix", str(src), "-o", str(out)).returncode == 0
    assert out.read_bytes() == b"\xef\xbb\xbf" + text.replace(",", "，").encode("utf-8")
    gb = tmp_path / "gb.txt"
    gb.write_bytes(text.encode("gb18030"))
    out2 = tmp_path / "gb-fixed.txt"
    assert cli("fix", str(gb), "-o", str(out2)).returncode == 0
    assert out2.read_bytes() == text.replace(",", "，").encode("gb18030")
    r = cli("fix", str(src), "-o", str(tmp_path / "c.txt"), "--track-changes")
    assert r.returncode == 2 and not (tmp_path / "c.txt").exists()


def _revisions(path):
    body = part(path, "word/document.xml").find("w:body", NS)
    dels = ["".join(t.text or "" for t in d.iter(q("delText"))) for d in body.iter(q("del"))]
    ins = ["".join(t.text or "" for t in i.iter(q("t"))) for i in body.iter(q("ins"))]
    return dels, ins


def test_tracked_fix_is_the_minimal_change_and_keeps_formatting(cli, tmp_path):
    import docx
    from docx.shared import RGBColor

    src = tmp_path / "格式.docx"
    d = docx.Document()
    d.add_paragraph("全市组织工作综述")
    p = d.add_paragraph()
    p.add_run("一年来,全市")
    bold = p.add_run("组织工作")
    bold.bold = True
    red = p.add_run("取得新成效")
    red.font.color.rgb = RGBColor(0xC0, 0, 0)
    p.add_run(",干部队伍建设持续加强。")
    d.save(src)
    out = tmp_path / "修订.docx"
    r = cli("fix", str(src), "-o", str(out), "--track-changes")
    assert r.returncode == 0, r.stderr.decode()
    assert _revisions(out) == ([",", ","], ["，", "，"])
    assert read_docx(out).lines[1] == "一年来，全市组织工作取得新成效，干部队伍建设持续加强。"
    # the bold and the red runs are untouched, outside any revision
    body = part(out, "word/document.xml").find("w:body", NS)
    runs = {
        "".join(t.text or "" for t in r.iter(q("t"))): r
        for r in body.iter(q("r"))
        if not any(a.tag in (q("ins"), q("del")) for a in r.iterancestors())
    }
    assert runs["组织工作"].find("w:rPr/w:b", NS) is not None
    assert runs["取得新成效"].find("w:rPr/w:color", NS).get(q("val")) == "C00000"
    # accepted: every character keeps the formatting it had
    flat = tmp_path / "直接修复.docx"
    assert cli("fix", str(src), "-o", str(flat)).returncode == 0
    assert char_formats(flat) == char_formats(src)


def test_accepting_all_revisions_equals_the_text_fix_when_one_fix_makes_another(cli, tmp_path):
    from orgwrite.fix import fix_source

    lines = ["全市组织工作综述", "要坚持,,全面从严治党,把党的建设推向深入。"]
    src = tmp_path / "连锁.docx"
    formatted_docx_from_text(lines, src)
    expected, _ = fix_source("\n".join(lines) + "\n", "x.txt", "txt", None)
    assert expected.splitlines()[1] == "要坚持，全面从严治党，把党的建设推向深入。"
    out = tmp_path / "修订.docx"
    r = cli("fix", str(src), "-o", str(out), "--track-changes")
    assert r.returncode == 0, r.stderr.decode()
    assert read_docx(out).lines == expected.splitlines()
    dels, ins = _revisions(out)
    assert "".join(dels) == ",,," and "".join(ins) == "，，"


def test_annotate_numbers_comments_after_the_existing_ones_without_rescanning(doc004, tmp_path, monkeypatch):
    """Comment ids count up from the file's largest; python-docx's id search (a scan of
    every comment per comment, quadratic in the findings) is never used."""
    import docx
    from docx.oxml.comments import CT_Comments

    from orgwrite.io.annotate_docx import annotate_docx

    d = docx.Document(doc004)
    d.add_comment(d.paragraphs[2].runs[0], text="请核实", author="审稿人", initials="SG")
    d.save(doc004)

    def forbidden(self):
        raise AssertionError("comment ids rescanned")

    monkeypatch.setattr(CT_Comments, "_next_available_comment_id", forbidden)
    findings = check_document(read_docx(doc004)).findings
    out = tmp_path / "审阅.docx"
    count = annotate_docx(doc004, findings, out)
    assert count == len(findings) > 20
    ids = [int(cid) for cid, author, _ in comments(out) if author == "orgwrite"]
    others = [int(cid) for cid, author, _ in comments(out) if author != "orgwrite"]
    assert ids == list(range(max(others) + 1, max(others) + 1 + count))
    assert set(comment_ranges(out)) == {str(i) for i in ids + others}
