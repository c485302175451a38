"""Issue 12 gap 5: near-misses of the core formulation; enumerations with a member dropped or replaced."""

from __future__ import annotations

from datetime import date

import pytest

from orgwrite import check
from orgwrite.config import Config

CORE = "以习近平同志为核心的党中央"


def _found(text: str, codes: tuple[str, ...]):
    cfg = Config(select=codes, as_of=date(2024, 1, 1))
    return [(f.rule, text[f.column - 1 : f.end_column - 1], f.replacement) for f in check(text, cfg)]


@pytest.mark.parametrize(
    ("sentence", "wrong"),
    [
        ("在以习近平同志为首的党中央坚强领导下，全市各项工作取得新成效。", "以习近平同志为首的党中央"),
        ("在以习近平总书记为首的党中央坚强领导下。", "以习近平总书记为首的党中央"),
        ("在以习近平同志为核心的中央坚强领导下。", "以习近平同志为核心的中央"),
        ("在以习近平同志为中心的党中央坚强领导下。", "以习近平同志为中心的党中央"),
        ("紧密团结在以习近平总书记为核心的党中央周围。", "以习近平总书记为核心的党中央"),
        ("在以习近平同志为核心的中共中央坚强领导下。", "以习近平同志为核心的中共中央"),
    ],
)
def test_near_misses_of_the_core_formulation(sentence, wrong):
    got = _found(sentence, ("F101", "F102"))
    assert [(w, r) for _, w, r in got] == [(wrong, CORE)]


@pytest.mark.parametrize(
    "sentence",
    [
        "在以习近平同志为核心的党中央坚强领导下，全市各项工作取得新成效。",
        "以习近平同志为主要代表的中国共产党人，创立了习近平新时代中国特色社会主义思想。",
        "以毛泽东同志为首的党中央领导全国人民取得了革命胜利。",
    ],
)
def test_the_core_formulation_and_its_neighbours_stay_silent(sentence):
    assert _found(sentence, ("F101", "F102")) == []


@pytest.mark.parametrize(
    ("sentence", "rule", "span", "replacement"),
    [
        # dropped from the middle, no abbreviation: the first and the last are there
        (
            "坚持以马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、习近平新时代中国特色社会主义思想为指导。",
            "E103",
            "马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、习近平新时代中国特色社会主义思想",
            None,
        ),
        ("坚定道路自信、理论自信、文化自信。", "E103", "道路自信、理论自信、文化自信", None),
        ("完整准确全面贯彻创新、协调、开放、共享的发展理念。", "E103", "创新、协调、开放、共享", None),
        # dropped, anchored by the abbreviation (three of 四个自信, four of 新发展理念)
        ("坚定“四个自信”，即道路自信、理论自信、制度自信。", "E103", "即道路自信、理论自信、制度自信", None),
        (
            "完整准确全面贯彻创新、协调、绿色、开放的新发展理念。",
            "E103",
            "完整准确全面贯彻创新、协调、绿色、开放",
            None,
        ),
        # replaced: an item stands where a member is missing
        ("完整准确全面贯彻创新、协调、低碳、开放、共享的新发展理念。", "E101", "低碳", "绿色"),
        ("完整准确全面贯彻创新、协调、绿色、开放、发展的新发展理念。", "E101", "发展", "共享"),
        ("坚持创新、协调、低碳、开放、共享的发展理念。", "E101", "低碳", "绿色"),
        ("增强政治意识、大局意识、核心意识、责任意识。", "E101", "责任意识", "看齐意识"),
    ],
)
def test_dropped_or_replaced_members_are_reported(sentence, rule, span, replacement):
    got = [g for g in _found(sentence, ("E101", "E102", "E103", "E104")) if g[0] == rule]
    assert got == [(rule, span, replacement)]


@pytest.mark.parametrize(
    "sentence",
    [
        "坚持以马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、科学发展观、习近平新时代中国特色社会主义思想为指导。",
        "坚持马克思列宁主义、毛泽东思想不动摇。",
        "邓小平理论、“三个代表”重要思想、科学发展观是中国特色社会主义理论体系的重要组成部分。",
        "坚定道路自信、理论自信、制度自信、文化自信。",
        "把创新、协调作为发展的第一动力。",
        "坚持创新、协调、绿色、开放、共享的新发展理念。",
        "推动形成创新、协调、高效、开放的营商环境。",
        "增强政治意识、大局意识、责任意识、服务意识。",
    ],
)
def test_whole_lists_and_partial_citations_stay_silent(sentence):
    assert _found(sentence, ("E101", "E102", "E103", "E104")) == []


# --- F103: a text that writes the bare form throughout ----------------------------------------------------


def _f103(text: str):
    return [(f.line, f.severity.value, f.replacement) for f in check(text, Config(select=("F103",)))]


def test_bare_form_throughout_gives_one_info_finding():
    text = (
        "学习贯彻二十大精神情况汇报\n"
        "十八大以来，全市基层党组织建设不断加强。\n"
        "支部深入学习贯彻二十大精神，组织党员学习十九届六中全会决议。\n"
    )
    ((line, severity, replacement),) = _f103(text)
    assert (line, severity, replacement) == (1, "info", None)
    (f,) = check(text, Config(select=("F103",)))
    assert "全文4处" in f.message and "（二十大、十八大、十九届六中全会）" in f.message


def test_mixed_forms_report_each_bare_one():
    text = (
        "党的十八大以来，全市基层党组织建设不断加强。\n支部深入学习贯彻二十大精神，组织党员学习十九届六中全会决议。\n"
    )
    assert _f103(text) == [(2, "warning", "党的二十大"), (2, "warning", "党的十九届六中全会")]


def test_a_single_bare_name_is_reported_as_before():
    assert _f103("支部深入学习贯彻二十大精神。") == [(1, "warning", "党的二十大")]


@pytest.mark.parametrize(
    ("sentence", "as_of", "rule", "span", "replacement"),
    [
        (
            "积极培育和践行富强、民主、文明、自由、平等、公正、法治、爱国、敬业、诚信、友善的社会主义核心价值观。",
            "2026-01-01",
            "E103",
            None,
            None,
        ),
        ("各级组织人事部门要牢固树立政治意识、大局意识、核心意识，提高政治站位。", "2019-04-01", "E103", None, None),
        (
            "坚定道路自信、理论自信、制度自信、历史自信，不断开创工作新局面。",
            "2022-01-01",
            "E101",
            "历史自信",
            "文化自信",
        ),
        (
            "协调推进全面建设社会主义现代化国家、全面深化改革、全面依法治国、全面从严管党“四个全面”战略布局。",
            "2026-01-01",
            "E101",
            "全面从严管党",
            "全面从严治党",
        ),
        (
            "第三条　党员教育管理工作以马克思列宁主义、邓小平理论、“三个代表”重要思想、科学发展观、"
            "习近平新时代中国特色社会主义思想为指导。",
            "2019-04-01",
            "E103",
            None,
            None,
        ),
        ("一定要以创新、协调、绿色、开放、共赢的内在统一来把握发展、衡量发展。", "2026-01-01", "E101", "共赢", "共享"),
        ("全面推进党的政治建设、组织建设、作风建设、纪律建设，把制度建设贯穿其中。", "2026-01-01", "E103", None, None),
    ],
)
def test_lists_cited_whole_with_a_member_dropped_or_replaced(sentence, as_of, rule, span, replacement):
    cfg = Config(select=("E101", "E102", "E103", "E104"), as_of=date.fromisoformat(as_of))
    got = [(f.rule, sentence[f.column - 1 : f.end_column - 1], f.replacement) for f in check(sentence, cfg)]
    assert len(got) == 1 and got[0][0] == rule
    if span:
        assert got[0][1:] == (span, replacement)


@pytest.mark.parametrize(
    ("sentence", "as_of"),
    [
        ("一定要以创新、协调、绿色、开放、共享的内在统一来把握发展、衡量发展。", "2026-01-01"),
        ("增强政治意识、大局意识、核心意识，提高政治站位。", "2015-06-01"),  # before 四个意识 (2016-01-29)
        ("坚定道路自信、理论自信、制度自信。", "2015-06-01"),  # 三个自信, whole
        (
            "我们必须坚持以马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、科学发展观、"
            "新时代中国特色社会主义思想为指导。",
            "2018-12-18",
        ),
        ("全面推进党的政治建设、思想建设、组织建设、作风建设、纪律建设，把制度建设贯穿其中。", "2026-01-01"),
    ],
)
def test_whole_lists_stay_silent(sentence, as_of):
    cfg = Config(select=("E101", "E102", "E103", "E104"), as_of=date.fromisoformat(as_of))
    assert check(sentence, cfg) == []


def test_the_guiding_thought_list_without_its_newest_member_after_2017():
    """2026 provincial government reports (held-out audit hosts) write the whole list; a 2026 text
    that stops at 科学发展观为指导 has dropped the member the 党章 added on 2017-10-24."""
    from datetime import date

    from orgwrite import check
    from orgwrite.config import Config

    five = (
        "坚持以马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、科学发展观为指导，推动各项工作取得新成效。"
    )
    found = [f for f in check(five, Config(select=("E103",), as_of=date(2026, 1, 1)))]
    assert [f.rule for f in found] == ["E103"] and "习近平新时代中国特色社会主义思想" in found[0].message
    assert check(five, Config(select=("E103",), as_of=date(2017, 10, 23))) == []
    assert check(five, Config(select=("E103",))) == []  # no date: no judgement
    told = "党的十八大把科学发展观同马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想一道确立为党的指导思想。"
    assert check(told, Config(select=("E103",), as_of=date(2026, 1, 1))) == []


def test_a_variant_inside_a_cited_documents_title_is_quoted_as_issued():
    """Held-out 2021 学校党建工作计划: the city's rules are titled with the older wording."""
    from orgwrite import check
    from orgwrite.config import Config

    cited = "根据《绍兴市中小学校党组织领导下的校长负责制工作规则（试行）》，完善学校党政融合机制。"
    assert check(cited, Config(select=("F101",))) == []
    bare = "坚持实施党组织领导下的校长负责制，加强校党委的集体领导。"
    assert [f.rule for f in check(bare, Config(select=("F101",)))] == ["F101"]
    # The wrong wording as the whole title in book marks is still the wording itself.
    assert [f.rule for f in check("学习《党组织领导下的校长负责制》。", Config(select=("F101",)))] == ["F101"]


def test_the_party_building_layout_without_discipline_and_the_guiding_thought_variant():
    """2026 北京市政府工作报告 writes the 党的建设 layout whole; dropped 纪律建设 in its frame is a slip.
    The 党章 writes “三个代表”重要思想 in quotation marks; without them it is the wrong member."""
    from datetime import date

    from orgwrite import check
    from orgwrite.config import Config

    later = Config(select=("E",), as_of=date(2026, 1, 1))
    dropped = "全面推进党的政治建设、思想建设、组织建设、作风建设，把制度建设贯穿其中。"
    found = check(dropped, later)
    assert [f.rule for f in found] == ["E103"] and "纪律建设" in found[0].message
    whole = "全面推进党的政治建设、思想建设、组织建设、作风建设、纪律建设，把制度建设贯穿其中。"
    assert check(whole, later) == []
    assert check(dropped, Config(select=("E",), as_of=date(2016, 1, 1))) == []
    variant = "以马克思列宁主义、毛泽东思想、邓小平理论、三个代表重要思想、科学发展观、习近平新时代中国特色社会主义思想为指导。"
    assert [(f.rule, f.replacement) for f in check(variant, later) if f.rule == "E101"] == [
        ("E101", "“三个代表”重要思想")
    ]


def test_a_frame_list_without_its_first_member():
    """干部人事档案工作条例（2018）第四条 writes the whole list; dropping 马克思列宁主义 is a slip."""
    from orgwrite import check
    from orgwrite.config import Config

    text = "干部人事档案工作必须坚持以毛泽东思想、邓小平理论、“三个代表”重要思想、科学发展观、习近平新时代中国特色社会主义思想为指导。"
    found = check(text, Config(select=("E103",)))
    assert [f.rule for f in found] == ["E103"] and "马克思列宁主义" in found[0].message
    partial = "坚持以邓小平理论、“三个代表”重要思想、科学发展观为指导。"
    assert check(partial, Config(select=("E103",))) == []
