"""The five published samples: every listed defect at its exact place, and silence on
the spans the samples' README lists as correct."""

from __future__ import annotations

import pytest

from orgwrite import check
from orgwrite.config import Config
from tests.conftest import sample

NO_P101 = Config(ignore=("P101",))


def spans(prefix: str, config: Config | None = None, *, code: str | None = None) -> list[tuple]:
    found = check(sample(prefix), config or Config())
    return [(f.rule, f.line, f.column, f.end_column) for f in found if code is None or f.rule == code]


def test_004_empty_quotes_and_unmatched_closing_quote():
    found = spans("004", NO_P101)
    assert ("P103", 10, 167, 169) in found
    assert ("P103", 10, 194, 196) in found
    assert ("P103", 21, 13, 15) in found
    assert ("P103", 21, 21, 23) in found
    assert ("P102", 15, 23, 24) in found
    assert [f for f in found if f[0] in ("P102", "P103")] == sorted(
        [
            ("P103", 10, 167, 169),
            ("P103", 10, 194, 196),
            ("P102", 15, 23, 24),
            ("P103", 21, 13, 15),
            ("P103", 21, 21, 23),
        ],
        key=lambda t: (t[1], t[2]),
    )


def test_004_text_of_the_empty_quotes():
    lines = sample("004").read_text("utf-8").splitlines()
    for _rule, line, col, end in spans("004", NO_P101, code="P103"):
        assert lines[line - 1][col - 1 : end - 1] == "“”"


def test_003_hyphen_range_with_replacement():
    found = [f for f in check(sample("003")) if f.rule == "P108"]
    assert len(found) == 1
    f = found[0]
    assert (f.line, f.column, f.end_column, f.replacement) == (14, 173, 183, "2018—2022年")


def test_003_items_and_headings_are_not_flagged():
    found = spans("003", NO_P101)
    # 1.–23. items numbered through unnumbered section headings: no numbering or P112 finding.
    assert not [f for f in found if f[0] in ("S101", "P112", "P109", "P102")]
    # D104: 抓好党政领导干部考核工作条例细化落实 — a regulation's full title without 书名号.
    assert sorted(f[:2] for f in found) == [("D104", 20), ("F101", 32), ("P103", 30), ("P108", 14), ("P110", 32)]


def test_003_last_paragraph_lacks_full_stop():
    (f,) = [f for f in check(sample("003")) if f.rule == "P110"]
    assert f.line == 32 and f.replacement == "作。"


def test_000_dunhao_between_titles_and_quotes():
    found = spans("000", NO_P101, code="P105")
    # one finding per list (line 14 has one list of four titles, line 28 two lists)
    assert [(line) for _, line, _, _ in found] == [13, 14, 24, 28, 28]


def test_001_only_the_footer_apart_from_ascii_marks():
    found = spans("001", NO_P101)
    # 逗硬 (dialect, lines 4 and 5) and 付诸于 (line 5) are the sample's documented wording defects.
    assert found == [("W102", 4, 205, 207), ("W101", 5, 242, 245), ("W102", 5, 502, 504), ("S103", 9, 1, 4)]


def test_002_web_chrome_reported_once():
    found = check(sample("002"), NO_P101)
    chrome = [f for f in found if f.rule == "S103"]
    assert len(chrome) == 1
    assert "第1、5—8、67行" in chrome[0].message
    # 党组织领导下的校长负责制 (line 50) is the sample's documented wording defect.
    assert [(f.rule, f.line) for f in found if f.rule != "S103"] == [("W101", 50)]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_ascii_marks_grouped_once_per_paragraph(prefix):
    found = [f for f in check(sample(prefix)) if f.rule == "P101"]
    lines = [f.line for f in found]
    assert len(lines) == len(set(lines))
    text = sample(prefix).read_text("utf-8").splitlines()
    for f in found:
        original = text[f.line - 1][f.column - 1 : f.end_column - 1]
        assert len(original) == len(f.replacement)
        assert "," not in f.replacement and "(" not in f.replacement


def test_heading_numbers_and_numbers_are_not_half_width_findings():
    found = check("1.推动工作落实，共培训1,200人，会议于9:30开始。\n(1)加强领导。\n")
    assert found == []
