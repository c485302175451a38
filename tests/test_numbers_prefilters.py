"""The whole-text searches that decide where the number rules look (N105 marks, N110's
statement candidates, the protected spans) find what the rules found block by block: an
error only in the last block, in a heading, in a block that holds a line break, in the
part of a sentence after an ASCII semicolon."""

from __future__ import annotations

import random
import re
import sys

import pytest

from orgwrite import check
from orgwrite.config import Config
from orgwrite.io.read_text import read_string
from orgwrite.numerals import DIGIT_LEAD, protected_spans
from orgwrite.rules.base import all_rules
from orgwrite.rules.numbers.fixed_expressions import digit_anchor
from orgwrite.rules.numbers.same_figure import _TIME_WORDS, _figure_re, _seen_re, _statement_figure_re


def found(text, select: str = "N") -> list[tuple]:
    return [(f.rule, f.line, f.column, f.end_column, f.replacement) for f in check(text, Config(select=(select,)))]


def test_every_n105_part_is_found_when_only_the_last_block_has_it() -> None:
    text = (
        "一、总体情况\n全市党组织建设稳步推进。\n"
        "深入学习贯彻党的20大精神，用了三、四个月时间，二零二三年，全年培训党员3千人次，"
        "３０几人，认真学习“7.1”重要讲话。"
    )
    assert found(text) == [
        ("N105", 3, 7, 12, "党的二十大"),
        ("N105", 3, 17, 22, "三四个月"),
        ("N105", 3, 25, 30, "二〇二三年"),
        ("N105", 3, 37, 39, "3000"),
        ("N105", 3, 42, 44, "30"),
        ("N105", 3, 52, 55, "七一"),
    ]


def test_a_fixed_expression_in_the_first_heading_is_found() -> None:
    assert found("一、深入学习贯彻19届3中全会精神\n全市党组织建设稳步推进。") == [("N105", 1, 9, 16, "十九届三中全会")]


def test_a_block_holding_a_line_break_maps_its_marks_to_itself() -> None:
    doc = read_string("第一段。\n第二段。\n第三段。", "x.txt")
    doc.blocks[1].text = "第一行\n认真学习贯彻19届3中全会精神，培训3千人次"
    assert found(doc) == [("N105", 2, 11, 18, "十九届三中全会"), ("N105", 2, 23, 25, "3000")]


def test_full_width_digits_are_marked_by_the_first_class_scan() -> None:
    """After an ASCII digit, before an anchor character, alone in the last block."""
    text = "全市党组织建设稳步推进。\n共有1２名党员，深入学习党的２０大精神。\n９"
    assert found(text, "N105") == [
        ("N105", 2, 4, 5, "2"),
        ("N105", 2, 13, 18, "党的二十大"),
        ("N105", 2, 15, 17, "20"),
        ("N105", 3, 1, 2, "9"),
    ]


def test_clean_digits_next_to_anchor_characters_give_nothing() -> None:
    assert found("全市3个乡镇、12家单位开展2次培训，第3季度共有5位同志获评，增长7.1%，合计1.5千米。") == []


@pytest.mark.parametrize(
    ("text", "line", "start", "end"),
    [
        # The second statement stands after an ASCII semicolon: its part opens with the moment.
        ("截至2023年底，全市共有党员12.3万名;截至2023年底，全市共有党员12.8万名。", 1, 38, 44),
        # The first sentence opens with 好！: the moment opens the part after it.
        ("好！截至2023年底，全市共有党员12.3万名。\n据统计，截至2023年底，全市共有党员12.8万名。", 2, 20, 26),
        # Undated: the figure is the first digit of its sentence, after one with digits.
        (
            "会议指出，全省共选派驻村第一书记1.2万人，实现全覆盖；其中3人。"
            "在抓党建促乡村振兴中，全省共选派驻村第一书记12300人。",
            1,
            56,
            62,
        ),
    ],
)
def test_n110_reads_the_statements_the_candidates_keep(text: str, line: int, start: int, end: int) -> None:
    assert found(text, "N110") == [("N110", line, start, end, None)]


def test_n110_reads_the_clause_before_a_line_break_in_a_block() -> None:
    """The figure stands right after a line break: not a stop that ends the clause there (the
    early drop of a figure with a stop just before it must not take it)."""
    doc = read_string("第一段。\n第二段。", "x.txt")
    doc.blocks[0].text = "会议指出，全省共选派驻村第一书记\n1.2万人，实现全覆盖。"
    doc.blocks[1].text = "在抓党建促乡村振兴中，全省共选派驻村第一书记12300人。"
    assert found(doc, "N110") == [("N110", 2, 23, 29, None)]
    doc.blocks[0].text = "会议指出，全省共选派驻村第一书记\u30001.2万人，实现全覆盖。"
    assert found(doc, "N110") == []
    # An approximation word after the line break: the clause ends before the word, not at a
    # stop within eight characters of the figure.
    doc.blocks[0].text = "会议指出，全省共选派驻村第一书记\n约1.2万人，实现全覆盖。"
    doc.blocks[1].text = "在抓党建促乡村振兴中，全省共选派驻村第一书记15300人。"
    assert found(doc, "N110") == [("N110", 2, 23, 29, None)]


def test_n110_drops_an_undated_figure_with_a_digit_before_it() -> None:
    text = "共3个乡镇选派驻村第一书记1.2万人，实现全覆盖。\n共3个乡镇选派驻村第一书记12300人。"
    assert found(text, "N110") == []


@pytest.mark.parametrize(
    ("pattern", "anchor"),
    [
        (r"党的(\d+)大", "大"),
        (r"第?(\d+)届(?:(\d+)中)?全会", "届"),
        (r"(\d)会(\d)课", "会"),
        (r"“(\d)风”", "风"),
        (r"(?:(?<=人大)|(?<=政协))第?(\d+)次(?:全体)?会议", "次"),
        # Not sure: the digits may be absent, or the next character is itself a digit.
        (r"党的(\d*)大", ""),
        (r"(\d+)?大", ""),
        (r"(\d+)0", ""),
        (r"(\d+|十)大", ""),
        (r"(?i)(\d+)大", ""),
        (r"(?x)(\d+) 大", ""),
        (r"((", ""),
    ],
)
def test_digit_anchor_is_only_given_when_every_match_has_it(pattern: str, anchor: str) -> None:
    assert digit_anchor(pattern) == anchor


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("按（2023）5号文件和[2023]6号、［2021］ 7 号办理", [(1, 9), (12, 20), (21, 31)]),
        ("详见http://a.b/c?d=1 和www.x.cn", [(2, 18), (20, 28)]),
        ("电话010-12345678，手机13912345678", [(2, 14), (17, 28)]),
        ("第3条规定《意见3》“4个”‘5’", [(0, 3), (5, 10), (10, 14), (14, 17)]),
    ],
)
def test_protected_spans_with_and_without_a_dash(text: str, spans: list[tuple[int, int]]) -> None:
    assert protected_spans(text) == spans


_N_CODES = sorted(code for code in all_rules() if code.startswith("N"))
_CLEAN = "一、总体情况\n全市党组织建设稳步推进。\n"


def _unlined(message: str) -> str:
    """N110 names the line of the first statement: two lines down after the clean blocks."""
    return re.sub(r"第(\d+)行", lambda m: f"第{int(m.group(1)) + 2}行", message)


@pytest.mark.parametrize("code", _N_CODES)
def test_wrong_examples_fire_the_same_after_clean_blocks(code: str) -> None:
    """A wrong example placed after two clean blocks gives the same findings, two lines down:
    the whole-text searches map every hit to the right block, the last one included."""
    wrong, _ = all_rules()[code].examples()
    for example in wrong:
        text = example.replace("\\n", "\n")
        alone = [(f.line + 2, f.column, f.end_column, _unlined(f.message)) for f in check(text, Config(select=(code,)))]
        after = [(f.line, f.column, f.end_column, f.message) for f in check(_CLEAN + text, Config(select=(code,)))]
        assert alone and after == alone


@pytest.mark.parametrize(
    "text",
    [
        "1.2.3人",
        "共3.5.6万人，增长7.2%",
        "x.٣٤人",
        "٣3人",
        "１２3名",
        "12345号和678人",
        "3.人 .5人 5.人",
        "共\U0001d7d1\U0001d7d0人",  # digits beyond U+FFFF
        "共\U0001f600人，·3人，×5名",  # characters the digit class holds that are not digits
    ],
)
def test_statement_figures_are_the_figures_statements_keep(text: str) -> None:
    kept = [m.span() for m in _figure_re().finditer(text) if not (m.start() and text[m.start() - 1] in "0123456789.")]
    assert [m.span() for m in _statement_figure_re().finditer(text)] == kept


def test_the_digit_lead_finds_every_digit_and_nothing_else() -> None:
    """Over every code point (a digit a later Unicode adds where the class leaves a range
    out would fail here, not slip past the scans that use it)."""
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    digits = [m.start() for m in re.finditer(r"\d", every)]
    assert [m.start() for m in re.finditer(DIGIT_LEAD, every)] == digits
    assert len(digits) > 600


@pytest.mark.parametrize(
    "text",
    [
        "全市党员参学率达到103.5%，群众满意度为98%、101%和99％，覆盖率由85%提高到105%。",
        "覆盖率一二三四五六七八九十一二三四五六105%",  # 16 gap characters: the farthest reach
        "覆盖率一二三四五六七八九十一二三四五六七105%",  # 17: no share
        "35岁以下党员占党员总数的比重为125.6%，占全市的12345678901234.5%",
        "占比1.2.3%和率.5%，率5.%，满意度%，%%，比例９９％",
        "参学率达到10%，增长率为120%，合格率同比提高120%，优良率99%",
    ],
)
def test_n101_share_matches_are_the_matches_of_the_whole_pattern(text: str) -> None:
    """N101 looks for its pattern only just before each percent sign: the same matches."""
    from orgwrite.rules.numbers.shares import _share_matches, _share_re

    whole = [(m.span(), m.groupdict()) for m in _share_re().finditer(text)]
    assert [(m.span(), m.groupdict()) for m in _share_matches(text)] == whole


def test_n101_finds_a_share_sixteen_characters_before_its_figure() -> None:
    assert found("覆盖率在全市各个乡镇街道社区党组织达到105%。", "N101") == [("N101", 1, 20, 24, None)]


def test_rules_that_share_marks_find_each_their_own() -> None:
    """N106 reads N104's marks of - and － before a digit (and looks for − itself), N108 reads
    N101's marks of % and ％, N103 reads N107's marks of 年 after two digits."""
    text = "每期培训3-5天。\n全区工业增加值增长−3.2%。\n利润增长-2%，增长－1.5个百分点。"
    assert found(text, "N106") == [
        ("N106", 2, 8, 15, "下降3.2%"),
        ("N106", 3, 3, 8, "下降2%"),
        ("N106", 3, 9, 19, "下降1.5个百分点"),
    ]
    assert found("比例达到１０％。\n从30%提高到35%，提高了5%。", "N108") == [("N108", 2, 15, 17, "5个百分点")]
    text = "18年3月，召开会议。\n会议定于2023年2月30日召开，2023年05月08日报送。"
    assert found(text) == [
        ("N107", 1, 1, 4, "2018年"),
        ("N103", 2, 5, 15, None),
        ("N103", 2, 18, 29, "2023年5月8日"),
    ]


@pytest.mark.parametrize("digits", [False, True])
def test_seen_re_finds_something_exactly_where_a_word_or_digit_is(digits: bool) -> None:
    """Over every range of random texts of the words' characters, digits of several scripts
    and others, the class-led search finds something exactly when the plain alternation does."""
    fast = _seen_re(_TIME_WORDS, digits)
    plain = re.compile((r"\d|" if digits else "") + "|".join(_TIME_WORDS))
    alphabet = "".join(dict.fromkeys("".join(_TIME_WORDS))) + "3３٣\U0001d7d1·人的，\n\U0001f600"
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        for a in range(len(text)):
            for b in range(a, len(text) + 1):
                assert bool(fast.search(text, a, b)) == bool(plain.search(text, a, b)), (text, a, b)


class _CountingText(str):
    """A text that adds up how many characters its ``find`` calls look through."""

    looked_through = 0

    def find(self, sub, start=0, end=None):  # type: ignore[override]
        found = str.find(self, sub, start, len(self) if end is None else end)
        _CountingText.looked_through += (len(self) if found < 0 else found + 1) - start
        return found


def test_n101_looks_through_a_text_for_its_percent_signs_a_bounded_number_of_times() -> None:
    """Half-width signs with no full-width one after them (or the other way round): each kind
    is looked for again only once the one found has been passed, not at every sign of the
    other kind (which read the rest of the text once per sign: quadratic in a long paragraph)."""
    from orgwrite.rules.numbers.shares import _share_matches, _share_re

    for sign in "%％":
        text = _CountingText(f"参学率达到10{sign}，合格率99{sign}。" * 2000)
        _CountingText.looked_through = 0
        spans = [m.span() for m in _share_matches(text)]
        assert len(spans) == 4000 and spans == [m.span() for m in _share_re().finditer(text)]
        assert _CountingText.looked_through <= 2 * len(text) + 4
