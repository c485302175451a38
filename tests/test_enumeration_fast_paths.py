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
