"""Readers (plain text, Markdown, encodings) and inline suppression."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from orgwrite import check
from orgwrite.io.read_text import read_string
from orgwrite.model import BlockKind


def test_suppression_on_the_line_and_the_line_before():
    text = "好干部是“”出来的。【orgwrite: ignore P103】\n【orgwrite: ignore】\n也是“”出来的。\n还是“”出来的。\n"
    found = check(text)
    assert [(f.rule, f.line) for f in found] == [("P103", 4)]


def test_suppression_by_family_and_file():
    text = "<!-- orgwrite: ignore-file P -->\n好干部是“”出来的。\n"
    assert check(text) == []


def test_markdown_positions_point_into_the_file():
    md = "---\ntitle: 综述\ndate: 2015-01-16\n---\n# 全省组织工作综述\n\n## 一、从严治党\n\n- 好干部是**“”**出来的。<!-- orgwrite: ignore P110 -->\n"
    from orgwrite.io.read_text import read_string

    doc = read_string(md, "x.md", format="md")
    assert doc.meta.title == "综述"
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds[0] == (BlockKind.TITLE, "全省组织工作综述")
    assert kinds[1] == (BlockKind.HEADING, "一、从严治党")
    assert kinds[2] == (BlockKind.PARAGRAPH, "好干部是“”出来的。")
    found = check(doc)
    (f,) = [f for f in found if f.rule == "P103"]
    line = md.splitlines()[f.line - 1]
    assert line[f.column - 1 : f.end_column - 1] == "“”"


def test_indentation_is_not_text_but_columns_count_it():
    doc = read_string("\u00a0\u00a0\u3000好干部是“”出来的。\n")
    assert doc.blocks[0].text.startswith("好")
    (f,) = check("\u00a0\u00a0\u3000好干部是“”出来的。\n")
    assert f.column == 8


def test_multi_paragraph_quotation_is_not_unbalanced():
    text = "他指出：“第一段话。\n“第二段话。\n“第三段话。”\n"
    assert [f for f in check(text) if f.rule == "P102"] == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300))
def test_check_never_raises_and_spans_lie_inside_the_text(text):
    from orgwrite.io.decode import split_lines

    lines = split_lines(text)
    for f in check(text):
        assert 1 <= f.line <= f.end_line <= len(lines)
        assert 1 <= f.column
        assert f.end_column - 1 <= len(lines[f.end_line - 1])
        if f.line == f.end_line:
            assert f.column <= f.end_column


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="，。、；：“”‘’（）《》——……,.:;()- 一二三1.2党的工作\n\u3000", max_size=200))
def test_punctuation_heavy_text_never_raises(text):
    check(text)
