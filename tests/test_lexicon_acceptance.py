"""The issue's acceptance checks on the shared samples, enumerations, as-of inference."""

from __future__ import annotations

import json
from datetime import date

from orgwrite import check
from orgwrite.config import Config
from orgwrite.io.read_text import read_string
from orgwrite.pipeline import check_document
from tests.conftest import findings_json, sample

LEX = ("F", "E", "T", "W")


def _lex(text_or_path, as_of: str | None = None, select=LEX):
    return check(text_or_path, Config(select=select, as_of=date.fromisoformat(as_of) if as_of else None))


def test_004_dated_wording_depends_on_the_inferred_date(cli):
    out = cli("check", "--format", "json", "--fail-on", "never", "--select", "T", str(sample("004")))
    data = json.loads(out.stdout)
    assert data["files"][0]["as_of"] == "2015-01-16"
    assert findings_json(out.stdout) == []
    out = cli(
        "check", "--format", "json", "--fail-on", "never", "--select", "T", "--as-of", "2024-01-01", str(sample("004"))
    )
    found = [(f["line"], f["rule"], f["replacement"]) for f in findings_json(out.stdout)]
    assert (9, "T101", "习近平新时代中国特色社会主义思想") in found
    assert (13, "T101", "四个自信") in found
    msg = next(f["message"] for f in findings_json(out.stdout) if f["line"] == 13)
    assert "自2016年7月1日起为“四个自信”" in msg


def test_004_human_output_shows_the_date_and_where_it_came_from(cli):
    out = cli("check", "--fail-on", "never", str(sample("004")))
    assert "按 2015-01-16 判断时效表述（发布时间（第3行））" in out.stdout.decode()


def test_sample_wording_defects():
    (f,) = [f for f in _lex(sample("001")) if f.rule == "W101"]
    assert (f.line, f.column, f.end_column) == (5, 242, 245)
    (f,) = [f for f in _lex(sample("003")) if f.rule == "F101"]
    assert (f.line, f.severity.value, f.replacement) == (32, "info", "八项规定及其实施细则精神")
    (f,) = [f for f in _lex(sample("004")) if f.rule == "F103"]
    assert (f.line, f.severity.value, f.replacement) == (11, "warning", "党的十八届三中、四中全会")
    lines = sample("004").read_text("utf-8").splitlines()
    assert lines[10][f.column - 1 : f.end_column - 1] == "十八届三中、四中全会"


def test_wrong_member_gets_one_finding_with_the_right_member():
    text = "牢固树立“四个意识”，即政治意识、全局意识、核心意识、看齐意识。"
    found = _lex(text, "2024-01-01")
    assert [(f.rule, text[f.column - 1 : f.end_column - 1], f.replacement) for f in found] == [
        ("E101", "全局意识", "大局意识")
    ]


def test_unknown_member_next_to_the_abbreviation():
    text = "牢固树立“四个意识”，即政治意识、全党意识、核心意识、看齐意识。"
    found = _lex(text, "2024-01-01")
    assert [(f.rule, text[f.column - 1 : f.end_column - 1], f.replacement) for f in found] == [
        ("E101", "全党意识", "大局意识")
    ]


def test_swapped_order_and_count_and_missing_member():
    text = "牢固树立“四个意识”，即政治意识、大局意识、看齐意识、核心意识。"
    (f,) = _lex(text, "2024-01-01")
    assert f.rule == "E102" and f.replacement == "政治意识、大局意识、核心意识、看齐意识"
    assert text[f.column - 1 : f.end_column - 1] == "政治意识、大局意识、看齐意识、核心意识"
    text = "坚定“三个自信”，即道路自信、理论自信、制度自信、文化自信。"
    found = _lex(text, "2015-06-01", select=("E",))
    assert [(f.rule, text[f.column - 1 : f.end_column - 1], f.replacement) for f in found] == [
        ("E104", "三个自信", "四个自信")
    ]
    text = "增强“四个意识”，即政治意识、大局意识、看齐意识。"
    (f,) = _lex(text, "2024-01-01")
    assert f.rule == "E103" and "核心意识" in f.message


def test_members_quoted_in_passing_are_left_alone():
    assert _lex("要增强政治意识、责任意识，强化看齐意识。", "2024-01-01") == []
    assert _lex("反对形式主义、官僚主义。", "2024-01-01") == []


def test_label_verb_and_dated_member():
    text = "统筹推进“五位一体”战略布局，牢固树立“四个自信”。"
    found = [(f.rule, text[f.column - 1 : f.end_column - 1], f.replacement) for f in _lex(text, "2024-01-01")]
    assert found == [("E106", "战略布局", "总体布局"), ("E105", "树立", "坚定")]
    text = "协调推进“四个全面”战略布局，即全面建成小康社会、全面深化改革、全面依法治国、全面从严治党。"
    assert [(f.rule, f.replacement) for f in _lex(text, "2023-01-01")] == [("T102", "全面建设社会主义现代化国家")]
    assert _lex(text, "2019-01-01") == []


def test_near_miss_formulations():
    for text, wrong in (
        ("在以习近平同志为核心的中央坚强领导下。", "以习近平同志为核心的中央"),
        ("学习习近平新时代中国特色社会主意思想。", "习近平新时代中国特色社会主意思想"),
    ):
        (f,) = _lex(text, "2024-01-01")
        assert f.rule == "F102" and text[f.column - 1 : f.end_column - 1] == wrong
    assert _lex("在以习近平同志为总书记的党中央坚强领导下。", "2015-01-01") == []


def test_anachronism_only_with_a_precise_date():
    text = "深刻领悟“两个确立”的决定性意义。"
    assert [f.rule for f in _lex(text, "2019-05-01")] == ["T103"]
    assert _lex(text, "2022-05-01") == []


def test_longest_match_guard():
    # 全面从严治党 contains 从严治党; 全面推进从严治党 is a dated entry but 全面从严治党 is not it.
    assert _lex("坚持全面从严治党。", "2024-01-01") == []


def test_as_of_latest_year_spoken_of_ignores_plan_targets():
    doc = read_string(
        "一、工作回顾\n2022年，我们完成了各项任务。2023年以来，全市上下共同努力。2023年3月召开会议。\n到2035年基本实现现代化。\n"
    )
    result = check_document(doc, Config(select=("T",)))
    assert result.as_of == date(2023, 12, 31)
    assert "正文提及的最近年份" in result.as_of_source
