"""N110 with a date context: the same statistic at the same moment carries one value.

Sentences from 中央组织部 党内统计公报 as reported by 新华社 (2017, 2018) and the example of
issue 12; the wrong texts state the same sentence twice with a second value.
"""

from __future__ import annotations

import pytest

from orgwrite import check
from orgwrite.config import Config


def found(text: str) -> list[tuple]:
    return [(f.rule, f.line, f.column, f.end_column, f.message) for f in check(text, Config(select=("N110",)))]


def test_same_moment_two_values():
    text = (
        "截至2023年底，全市共有党员12.3万名，基层党组织5600个。\n"
        "一年来，全市各级党组织认真落实全面从严治党责任。\n"
        "截至2023年底，全市共有党员12.8万名。\n"
    )
    assert found(text) == [
        ("N110", 3, 16, 22, "“截至2023年底，全市共有党员”此处为“12.8万名”，第1行为“12.3万名”，前后不一致，请核对")
    ]


def test_same_moment_in_one_paragraph_and_without_jiezhi():
    text = "2017年底，中国共产党党员总数为8956.4万名。截至2017年末，中国共产党党员总数为8965.4万名。"
    assert [f[4] for f in found(text)] == [
        "“截至2017年末，中国共产党党员总数为”此处为“8965.4万名”，第1行为“8956.4万名”，前后不一致，请核对"
    ]


def test_changes_and_later_clauses_at_the_same_moment():
    text = "2025年，全市新增城镇就业5.7万人。\n推进新型城镇化。2025年，全市新增城镇就业5.2万人。"
    assert [f[4] for f in found(text)] == [
        "“2025年，全市新增城镇就业”此处为“5.2万人”，第1行为“5.7万人”，前后不一致，请核对"
    ]
    text = (
        "截至2023年底，全市共有党员12.3万名，比上年增加0.3万名。截至2023年底，全市共有党员12.3万名，比上年增加0.5万名。"
    )
    assert len(found(text)) == 1


def test_neighbouring_rounded_values_differ():
    text = "2017年，全市累计培训党员干部4.7万人次。会议强调。2017年，全市累计培训党员干部4.6万人次。"
    assert len(found(text)) == 1


def test_moment_after_a_short_lead_word():
    # 中共浙江省委党史研究室文章（2021）中的句子，第二处数字改过
    text = (
        "仅2005年上半年，浙江党员干部就实现了对全省3万名困难党员走访慰问全覆盖。\n"
        "2005年上半年，浙江党员干部就实现了对全省4万名困难党员走访慰问全覆盖。"
    )
    assert [f[1:4] for f in found(text)] == [(2, 23, 26)]


def test_ascii_sentence_ends_of_collected_texts():
    text = "工作取得成效!截至2023年底,全市共有党员12.3万名;截至2023年底,全市共有党员12.8万名。"
    assert [f[4] for f in found(text)] == [
        "“截至2023年底，全市共有党员”此处为“12.8万名”，第1行为“12.3万名”，前后不一致，请核对"
    ]


@pytest.mark.parametrize(
    "text",
    [
        # different moments
        "截至2017年底，中国共产党党员总数为8956.4万名，比上年净增11.7万名。"
        "截至2016年底，中国共产党党员总数为8944.7万名。",
        "截至2023年底，全市共有党员12.3万名。2023年，全市共有党员12.8万名。",
        # one of them a target
        "截至2023年底，全市共有党员12.3万名。到2025年，全市共有党员12.8万名。",
        "截至2023年底，全市共有党员12.3万名。2025年，力争全市共有党员12.8万名。",
        # the same figure rounded
        "截至2023年底，全市共有党员12.3万名。截至2023年底，全市共有党员123456名。",
        # two subjects at the same moment: a later clause keeps its subject
        "截至2023年底，甲县共有党员1.2万名，基层党组织500个。截至2023年底，乙县共有党员1.5万名，基层党组织600个。",
        "2023年，甲县新增城镇就业1.2万人，比上年增加0.3万人。2023年，乙县新增城镇就业1.5万人，比上年增加0.5万人。",
        # a second moment inside the sentence
        "2023年，全市共有党员12.3万名，到2025年全市共有党员12.8万名。",
        # the same value twice
        "截至2023年底，全市共有党员12.3万名。截至2023年底，全市共有党员12.3万名。",
    ],
)
def test_silent_when_moments_differ_or_a_target(text):
    assert found(text) == []
