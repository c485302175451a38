"""The document scan of the counts rules (E201–E203): a block is read only where one search
over the whole text found a place for a count, a marker or 分别.  These tests hold the places
where such a skip could bite — the last paragraph, a heading, a .docx (no source text), a
paragraph wrapped over lines, a character outside the BMP before a circled number — and
check that reading matches only at those places gives what the patterns' own finditer gives.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from orgwrite import check
from orgwrite.config import Config
from orgwrite.rules.counts import quoted, respectively, scan, stated
from tests.docx_util import formatted_docx_from_text

E = Config(select=("E2",))
FILLER = "全面从严治党永远在路上，党的自我革命永远在路上。"


def found(text_or_path, config: Config = E) -> list[tuple]:
    return [(f.rule, f.line, f.column, f.end_column, f.message) for f in check(text_or_path, config)]


def test_a_count_in_the_last_paragraph_only_is_checked():
    text = "\n".join(
        [FILLER] * 30 + ["今年重点抓好三个方面工作。一是加强政治建设，二是加强组织建设，三是加强作风建设，四是抓落实。"]
    )
    assert found(text) == [
        ("E201", 31, 7, 11, "前文称“三个方面”，实际列出四项：一是……四是（第31行第14列至第31行第41列）")
    ]


def test_a_slip_in_the_last_paragraph_only_is_reported():
    text = "\n".join([FILLER] * 30 + ["加强干部队伍建设，一是严格选拔任用，二是强化教育培训，四是从严管理监督。"])
    assert found(text) == [
        ("E202", 31, 28, 30, "序号不连续：“二是”（第31行第19列）之后是“四是”，缺少“三是”"),
    ]


def test_a_heading_that_states_a_count_is_read_against_its_sub_headings():
    text = "关于今年工作的安排\n\n一、落实两项重点工作\n\n（一）抓班子。\n\n（二）带队伍。\n\n（三）促发展。\n\n二、其他工作\n\n做好日常工作。\n"
    assert [f[:2] + f[4:] for f in found(text)] == [
        ("E201", 3, "前文称“两项重点”，实际列出三项：（一）……（三）（第5行第1列至第9行第1列）"),
    ]


def test_circled_numbers_after_a_character_outside_the_bmp_are_read():
    # 𠮷 takes two UTF-16 units: the byte search for ①–⑳ must still find what follows.
    text = "\n".join([FILLER, "𠮷祥村的做法：①建强班子；②带好队伍；④办好实事。"])
    assert found(text) == [("E202", 2, 20, 21, "序号不连续：“②”（第2行第14列）之后是“④”，缺少“③”")]


def test_circled_numbers_alone_are_found_in_a_text_of_ascii_and_chinese():
    assert found("要求：①学习；②调研；②检视。") == [
        ("E202", 1, 12, 13, "序号重复：前一项已是“②”（第1行第8列），此处又是“②”，应为“③”")
    ]


def test_a_docx_is_scanned_like_its_text(tmp_path):
    lines = [FILLER] * 5 + [
        "今年重点抓好三个方面工作。一是加强政治建设，二是加强组织建设，三是加强作风建设，四是抓落实。",
        "要抓好三件事：第一，学习；第二，调研；第二，检视。",
        "全区一般公共预算收入、税收收入和非税收入分别增长5.2%、8.1%。",
    ]
    path = tmp_path / "counts.docx"
    formatted_docx_from_text(lines, path)
    from_docx = [(f.rule, f.message) for f in check(path, E)]
    from_text = [(f.rule, f.message) for f in check("\n".join(lines) + "\n", E)]
    assert from_docx == from_text
    assert [rule for rule, _ in from_docx] == ["E201", "E202", "E203"]


def test_a_docx_paragraph_broken_over_lines_is_one_place(tmp_path):
    import docx

    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("今年重点抓好三个方面工作。一是加强政治建设，二是加强组织建设，").add_break()
    p.add_run("三是加强作风建设，四是抓落实。")
    d.add_paragraph("要抓好三件事：第一，学习；第二，调研；")
    p = d.add_paragraph()
    p.add_run("第二，检视。一产、二产分别增长5%、").add_break()
    p.add_run("6%、7%。")
    path = tmp_path / "breaks.docx"
    d.save(path)
    assert found(path) == [
        ("E201", 1, 7, 11, "前文称“三个方面”，实际列出四项：一是……四是（第1行第14列至第1行第41列）"),
        ("E202", 3, 1, 3, "序号重复：前一项已是“第二”（第2行第14列），此处又是“第二”，应为“第三”"),
        ("E203", 3, 16, 24, "“分别”前列出两项（一产、二产），后面有三个数（5%、6%、7%），不能一一对应"),
    ]


# --- the machinery: matches at the scan's places = the pattern's finditer -----------------

_PIECES = st.sampled_from(
    [
        "三个方面", "两点", "以下", "五大", "十二项", "10点", "5点", "14个方面", "1十个", "二三项", "八项规定",
        "两", "三", "一", "十", "0", "1", "个", "项", "条", "大", "支", "方面", "任务", "：", "，", "。", "、",
        "“", "”", "甲乙", "军", "规定", "月",
    ]
)  # fmt: skip


def _scanned(pattern: re.Pattern[str], text: str, generic: bool) -> list[tuple[int, int, str]]:
    hits = [m.start() for m in scan._count_search().finditer(text)]
    if generic:
        hits = [h for h in hits if text[h] in scan.GENERIC_FIRST and text[h + 1 : h + 2] in "个项条件大种类支"]
        matches = scan.matches_at(pattern, text, hits)
    else:
        matches = scan.matches_at(pattern, text, stated._count_starts(text, hits))
    return [(m.start(), m.end(), m.group(0)) for m in matches]


def _reportable(matches: list[tuple[int, int, str]], text: str) -> list[tuple[int, int, str]]:
    """The count matches E201 reads further: those with a value (not 9项 or 两0方面)."""
    pattern = stated._count_re()
    return [m for m in matches if stated._count_value(pattern.match(text, m[0]), text)[0] is not None]


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=25).map("".join))
@example("两0方面")  # a number of a numeral and a digit has no value: read or not, nothing to report
@example("1十个方面")  # the Arabic match holds 十: the scan must not start a count there
def test_count_matches_at_the_scan_places_are_those_of_finditer(text):
    pattern = stated._count_re()
    full = [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]
    scanned = _scanned(pattern, text, generic=False)
    # Every match read is one finditer gives, and every one E201 can report is read.
    assert set(scanned) <= set(full)
    assert _reportable(scanned, text) == _reportable(full, text)
    generic = [(m.start(), m.end(), m.group(0)) for m in stated._GENERIC_RE.finditer(text)]
    assert _scanned(stated._GENERIC_RE, text, generic=True) == generic
    # E201 reads the same matches in one loop over the hits.
    hits = [m.start() for m in scan._count_search().finditer(text)]
    fused = [(m.start(), m.end(), m.group(0)) for m in stated._count_matches(pattern, text, hits)]
    assert fused == scanned


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["①", "②", "⑳", "⑴", "一", "两", "三", "0", "5", "个", "点", "方面", "甲", "\n"]), max_size=20
    )
)
def test_one_scan_finds_the_count_places_and_the_circled_numbers(pieces):
    text = "".join(pieces)
    both = [m.start() for m in scan._count_or_circled_search().finditer(text)]
    counts = [m.start() for m in scan._count_search().finditer(text)]
    circled = [m.start() for m in re.finditer("[①-⑳]", text)]
    assert sorted(counts + circled) == both
    assert [p for p in both if text[p] in scan._CIRCLED_CHARS] == circled


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["三个", "两项", "五大", "三", "个", "十个", "方面", "甲", "、", "①", "\n", "\n\n"]),
        max_size=20,
    )
)
def test_the_generic_count_places_are_the_count_places_before_a_classifier(pieces):
    from orgwrite.io.read_text import read_string
    from orgwrite.rules.base import Context

    doc = read_string("".join(pieces) + "。", "t.txt")
    found = scan.candidates(doc, Context(config=Config()))
    expected = {}
    for i, hits in found.counts.items():
        text = doc.blocks[i].text
        shaped = [h for h in hits if text[h] in "两三四五六七八九" and text[h + 1 : h + 2] in "个项条件大种类支"]
        if shaped:
            expected[i] = shaped
    assert found.generic == expected


_STATEMENT_PIECES = st.sampled_from(
    ["收入", "税收", "、", "和", "，", "。", "分别", "增长", "为", "5%", "8.1%", "12", "个百分点", "左右", "约", "（", "”",
     "甲乙丙丁戊己庚辛壬癸" * 2, "分别达", "及"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_STATEMENT_PIECES, max_size=25).map("".join))
def test_respectively_statements_from_the_places_of_fenbie_are_those_of_finditer(text):
    whole = re.compile(respectively._BEFORE + respectively._AFTER)
    expected = [(m.start(), m.end(), m.group("before"), m.group("values")) for m in whole.finditer(text)]
    places = [m.start() for m in re.finditer("分别", text)]
    got = [(m.start(), m.end(), m.group("before"), m.group("values")) for m in respectively._statements(text, places)]
    assert got == expected


def test_respectively_statement_reads_the_farthest_fenbie_the_names_reach():
    text = "一产、二产分别增长5%分别增长3%、6%。"
    places = [m.start() for m in re.finditer("分别", text)]
    (m,) = respectively._statements(text, places)
    assert (m.group("before"), m.group("values")) == ("一产、二产分别增长5%", "3%、6%")


# --- generic counts left out before their match is read ----------------------------------


def test_a_list_whose_quotation_holds_a_comma_is_read_before_a_generic_count():
    # The comma inside the quotation is masked: the 、-list runs back past it.
    assert found("牢牢抓住政治、思想、“学习，调研”工作两个环境，推动工作落实。") == [
        ("E201", 1, 20, 24, "前文称“两个环境”，实际列出三项：政治……“学习，调研”工作（第1行第5列起）")
    ]


def test_a_clause_boundary_after_the_last_quotation_ends_the_list_before_a_generic_count():
    assert found("牢牢抓住政治、思想、“学习”，调研工作两个环境，推动工作落实。") == []


_GENERIC_PIECES = st.sampled_from(
    [
        "两个", "三项", "四大", "五条", "方面", "环境", "工作", "甲乙", "、", "，", "：", "。", "（", "“", "”", "《", "》",
        "等", "即", "分别", "包括", "就是", "和", "政治", "思想", "一是", "二是", "三是", "\n",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_GENERIC_PIECES, max_size=30).map("".join))
@example("政治、“学习，调研”工作两个环境")
@example("政治、思想两个三项工作")  # a hit left out next to another: finditer's place is kept
def test_generic_counts_left_out_before_matching_change_no_finding(text):
    config = Config(select=("E201",))
    quick = found(text, config)
    saved = stated._no_list_at
    stated._no_list_at = lambda text, h: False  # every hit read
    try:
        assert quick == found(text, config)
    finally:
        stated._no_list_at = saved


def test_a_count_whose_only_other_digit_stands_after_it_is_read():
    # The hit of 10点 is its 0: the block is searched for a digit of 2 to 9, found in 2.
    assert found("会议明确了以下10点：1.学习；2.调研。", Config(select=("E201",))) == [
        ("E201", 1, 8, 11, "前文称“10点”，实际列出两项：1.……2.（第1行第12列至第1行第17列）")
    ]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(["《", "》", "“", "”", "‘", "’", "甲", "乙", "、", "\n", "甲" * 79, "乙" * 199]), max_size=30
    ).map("".join)
)
@example("“ab《cd” ef》")  # a title opened inside a quotation: the quotation is taken, the title not
@example("《a“b》c”“d”")
def test_quotations_found_one_kind_at_a_time_are_those_of_the_whole_pattern(text):
    from orgwrite.numerals import quoted_spans

    assert quoted.quoted_spans(text) == quoted_spans(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["分", "别", "分别", "甲", "，", "\n", "\n\n"]), max_size=20).map("".join))
def test_the_places_of_fenbie_are_those_of_its_finditer(text):
    from orgwrite.io.read_text import read_string
    from orgwrite.rules.base import Context

    doc = read_string(text + "。", "t.txt")
    places = scan.candidates(doc, Context(config=Config())).respectively
    expected = {}
    for i, block in enumerate(doc.blocks):
        found = [m.start() for m in re.finditer("分别", block.text)]
        if found:
            expected[i] = found
    assert places == expected
