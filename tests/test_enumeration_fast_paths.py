"""Enumeration lists whose items are found without a member hit inside them, or through quotation marks."""

from __future__ import annotations

from datetime import date

import pytest

from orgwrite import check
from orgwrite.config import Config


def _found(text: str):
    cfg = Config(select=("E101", "E102", "E103", "E104"), as_of=date(2024, 1, 1))
    return [(f.rule, text[f.column - 1 : f.end_column - 1], f.replacement) for f in check(text, cfg)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A replaced member in the middle, and one replaced last member before the abbreviation:
        # neither holds a member hit, both are items of the list.
        ("坚持创新、协调、低碳、开放、共享的新发展理念。", [("E101", "低碳", "绿色")]),
        ("坚持创新、协调、绿色、开放、发展的新发展理念。", [("E101", "发展", "共享")]),
        # A wrong member that looks like one (……意识) in an anchored list.
        ("增强“四个意识”，即政治意识、全局意识、核心意识、看齐意识。", [("E101", "全局意识", "大局意识")]),
        # A member in its own quotation marks, then the last item joined by 和.
        (
            "坚持以马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、科学发展观和"
            "习近平新时代中国特色社会主义思想为指导。",
            [],
        ),
        # Out of order at the very end of a paragraph.
        (
            "坚持创新、协调、开放、绿色、共享",
            [("E102", "创新、协调、开放、绿色、共享", "创新、协调、绿色、开放、共享")],
        ),
    ],
)
def test_lists_at_their_edges(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The last member closed by a locative: it starts its item, nothing ends there.
        (
            "在统揽伟大斗争、伟大事业、伟大工程、伟大梦想中奋勇前进。",
            [("E102", "伟大斗争、伟大事业、伟大工程、伟大梦想", "伟大斗争、伟大工程、伟大事业、伟大梦想")],
        ),
        # Each member in its own quotation marks, which stand between it and the separator.
        (
            "增强“政治意识”、“大局意识”、“看齐意识”、“核心意识”。",
            [("E102", "政治意识”、“大局意识”、“看齐意识”、“核心意识", "政治意识、大局意识、核心意识、看齐意识")],
        ),
        # The last item after 和, and a wrong last member after 和.
        (
            "增强“四个意识”，即政治意识、大局意识、看齐意识和核心意识。",
            [("E102", "政治意识、大局意识、看齐意识和核心意识", None)],
        ),
        ("坚决反对形式主义、官僚主义、享乐主义和奢靡主义。", [("E101", "奢靡主义", "奢靡之风")]),
        # The second list of a paragraph ends the paragraph; the first one is followed by more words.
        (
            "坚持创新、协调、绿色、开放、共享的发展理念，推动开放、共享、绿色、协调、创新",
            [("E102", "开放、共享、绿色、协调、创新", "创新、协调、绿色、开放、共享")],
        ),
    ],
)
def test_members_at_the_start_or_end_of_their_items(text, expected):
    assert _found(text) == expected


def _found_by_line(text: str):
    cfg = Config(select=("E101", "E102", "E103", "E104"), as_of=date(2024, 1, 1))
    lines = text.split("\n")
    return [
        (f.rule, f.line, lines[f.line - 1][f.column - 1 : f.end_column - 1], f.replacement) for f in check(text, cfg)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Only the last paragraph holds two members of the entry: the first, with one member
        # and no abbreviation, is passed by; the list after it is still judged.
        ("要讲政治意识。\n我们要增强政治意识、全局意识、核心意识。", [("E101", 2, "全局意识", "大局意识")]),
        # One member and the abbreviation in one paragraph: the paragraph is looked at, and the
        # anchored list of one item misses three members.
        ("增强“四个意识”，即政治意识。", [("E103", 1, "即政治意识", None)]),
        # The abbreviation in another paragraph anchors nothing: the lone member is passed by.
        ("一、增强“四个意识”\n即政治意识。", []),
        # A wrong member that is also the last item after 和, in a paragraph without the abbreviation.
        ("增强政治意识、全局意识和核心意识", [("E101", 1, "全局意识", "大局意识")]),
    ],
)
def test_only_paragraphs_where_a_list_may_start_are_looked_at(text, expected):
    assert _found_by_line(text) == expected
