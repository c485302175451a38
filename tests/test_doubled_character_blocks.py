"""W201 searches all block texts at once; each finding must land in its own block, at its place."""

from __future__ import annotations

from orgwrite.pipeline import check


def _w201(text: str) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.replacement) for f in check(text) if f.rule == "W201"]


def test_a_doubled_character_is_found_in_the_last_paragraph_and_in_a_heading():
    text = "关于做好培训工作的通知\n\n一、在在学习中提高\n\n全面加强干部教育培训。\n\n回顾我们改革发展的的历程。\n"
    assert _w201(text) == [(3, 3, "在"), (7, 9, "的")]


def test_two_paragraphs_that_meet_at_the_same_character_are_no_doubling():
    # 的 ends one paragraph and starts the next: joined for the search by a line break only.
    text = "这是我们的\n\n的确是这样，成绩来之不易。\n"
    assert _w201(text) == []


def test_the_aabb_check_stays_inside_one_paragraph():
    # 实实 ends the paragraph before 在在: across the break that is no AABB, so 在在 is reported.
    text = "把工作做得扎扎实实\n\n在在学习教育中走在前列。\n"
    assert _w201(text) == [(3, 1, "在")]
