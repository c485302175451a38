"""The quick tests in front of F103 and F104, and F103's name matching, at the boundaries where they could bite."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from orgwrite import check
from orgwrite.config import Config


def _spans(text: str, code: str):
    return [(f.line, f.column, f.end_column, f.replacement) for f in check(text, Config(select=(code,)))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Names whose number starts at 二 or at 十, at the very start and the very end of a paragraph.
        ("二十大精神", [(1, 1, 4, "党的二十大")]),
        ("学习贯彻十九大", [(1, 5, 8, "党的十九大")]),
        ("学习十八届三中、四中全会精神", [(1, 3, 13, "党的十八届三中、四中全会")]),
        # Behind a numeral or 第 the name is part of something else, from its 二 and from its 十.
        ("第二十大队", []),
        ("第二十大类问题", []),
        ("一十九大项", []),
        ("五二十大", []),
        # A name rejected at 二 is not tried again at its 十 (十大 is no name), and 三十大 is none.
        ("第二十大精神", []),
        ("三十大精神", []),
        # After a rejected candidate the next 十 is still found in the same paragraph.
        ("第二十大类，深入学习贯彻二十大精神", [(1, 13, 16, "党的二十大")]),
        ("二十二十大精神", []),
        # 十 only in a heading, in the last line.
        ("工作总结\n一、学习贯彻二十大精神", [(2, 7, 10, "党的二十大")]),
        # The blocks that may hold a name are found in the whole text: a name is never read
        # across a line break, a block whose 十 starts no name is passed over, and the one
        # after it is still read; 十届 and 十X届 start a plenum as 十X大 starts a congress.
        ("学习贯彻二十\n大精神", []),
        ("十四五规划\n学习贯彻十九届三中全会精神", [(2, 5, 12, "党的十九届三中全会")]),
        ("学习二十届三中全会精神，落实十四五规划", [(1, 3, 10, "党的二十届三中全会")]),
        ("工作总结\n十项任务全部完成\n一、学习贯彻十九大精神", [(3, 7, 10, "党的十九大")]),
    ],
)
def test_congress_names_at_the_edges(text, expected):
    assert _spans(text, "F103") == expected


def test_a_text_without_ten_has_no_congress_name():
    assert _spans("党的大会和全会精神。全国人大和全国政协。", "F103") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("会议\n总结\n出席全国人大十四届三次会议", [(3, 3, 14, "十四届全国人大三次会议")]),
        ("出席十四届全国政协三次会议。", [(1, 3, 14, "全国政协十四届三次会议")]),
        ("出席全国政协十四届三次会议和十四届全国人大三次会议。", []),
        ("全国人民代表大会十四届三次会议。", []),
    ],
)
def test_session_names_anywhere_in_the_text(text, expected):
    assert _spans(text, "F104") == expected


def test_session_name_in_the_last_paragraph_of_a_docx(tmp_path: Path):
    d = docx.Document()
    d.add_paragraph("全省组织工作综述", style="Title")
    d.add_paragraph("一年来，全省组织工作取得新进展。")
    d.add_paragraph("代表团出席全国人大十四届三次会议，学习贯彻二十大精神。")
    path = tmp_path / "综述.docx"
    d.save(path)
    found = sorted((f.rule, f.replacement) for f in check(path, Config(select=("F103", "F104"))))
    assert found == [("F103", "党的二十大"), ("F104", "十四届全国人大三次会议")]


def test_congress_names_are_the_matches_of_the_plain_look_behind_pattern():
    import random
    import re

    from orgwrite.rules.formulations import _CONGRESS_RE, _congress_names

    plain = re.compile(r"(?<![一二三四五六七八九十〇零第\d])" + _CONGRESS_RE.pattern)
    rnd = random.Random(103)
    pieces = ["二", "十", "一", "三", "九", "大", "届", "中", "、", "全会", "第", "学", "0", "党的", "\n"]
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 16)))
        fast = [(m.start(), m.end()) for m in _congress_names(text)]
        assert fast == [(m.start(), m.end()) for m in plain.finditer(text)], text
