"""The date an undated text speaks as of, from the events it speaks of as past, and T104 (stale congress)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from orgwrite import check
from orgwrite.config import Config
from orgwrite.errors import ConfigError
from orgwrite.events import load_events, shipped_events
from orgwrite.io.read_text import read_string
from orgwrite.pipeline import check_document

TITLE = "全市组织工作情况\n"


def _as_of(body: str) -> tuple[date | None, str | None]:
    r = check_document(read_string(TITLE + body), Config(select=("T101",)))
    return r.as_of, r.as_of_source


def test_plenum_spoken_of_as_past_bounds_the_date_and_the_report_names_it():
    d, source = _as_of("党的二十届三中全会以来，全市深化干部人事制度改革，完善干部考核评价体系。\n")
    assert d == date(2024, 7, 15)
    assert source == "正文提及已召开（开展）的二十届三中全会（2024年7月15日，第2行），文本不早于该日"


def test_latest_event_wins_and_a_later_year_wins_over_an_earlier_event():
    body = "党的二十大以来，全市基层党建不断加强。党纪学习教育开展以来，全市党员干部纪律意识明显增强。\n"
    assert _as_of(body)[0] == date(2024, 4, 1)
    later_years = body + "2025年1月，全市召开组织工作会议。2025年，全市新发展党员1200名。\n"
    d, source = _as_of(later_years)
    assert d == date(2025, 12, 31) and "年份" in source


def test_a_mention_that_looks_forward_sets_no_bound():
    # Before the congress: a provincial congress report plans ahead and welcomes it.
    body = (
        "今后五年，要全面贯彻党的十九大、二十大精神，推动高质量发展。\n"
        "以实际行动迎接党的二十大胜利召开。\n"
        "选举产生出席党的二十大代表。\n"
    )
    assert _as_of(body) == (None, None)


def test_two_mentions_of_the_spirit_are_enough():
    body = "深入学习贯彻党的二十大精神。\n全市举办学习贯彻党的二十大精神专题培训班12期。\n"
    assert _as_of(body)[0] == date(2022, 10, 16)


def test_bound_before_the_switch_keeps_superseded_wording_silent():
    # 党的二十大 (2022-10-16) came before the switch (2023-05-18): the text may predate it.
    body = "党的二十大以来，全市持续深化金融领域监管协作，银保监会分局配合开展专项检查。\n"
    assert [f for f in check(TITLE + body) if f.rule == "T101"] == []


def test_bound_after_the_switch_reports_superseded_wording():
    body = "党纪学习教育开展以来，全市金融系统党员干部纪律意识增强，银保监会分局配合开展专项检查。\n"
    (f,) = [f for f in check(TITLE + body) if f.rule == "T101"]
    assert "本文日期不早于2024年4月1日" in f.message and f.replacement == "国家金融监督管理总局"


def test_no_anachronism_is_inferred_from_a_lower_bound():
    body = "党的十八大以来，全市坚定道路自信、理论自信、制度自信、文化自信，增强“四个自信”。\n"
    assert [f for f in check(TITLE + body) if f.rule == "T103"] == []


def test_json_report_says_how_the_date_was_set(cli, tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(TITLE + "二十届三中全会以来，全市深化干部人事制度改革。\n", encoding="utf-8")
    data = json.loads(cli("check", str(p), "--format", "json").stdout)
    (file,) = data["files"]
    assert file["as_of"] == "2024-07-15"
    assert file["as_of_source"].startswith("正文提及已召开（开展）的二十届三中全会")


# --- T104 stale congress ----------------------------------------------------------------------------------


def _t104(text: str, as_of: str | None = "2023-06-01"):
    cfg = Config(select=("T104",), as_of=date.fromisoformat(as_of) if as_of else None)
    return [f for f in check(text, cfg) if f.rule == "T104"]


@pytest.mark.parametrize(
    "sentence",
    [
        "全市各级党组织深入学习贯彻党的十九大精神，推动基层党建高质量发展。",
        "认真贯彻落实党的十九大和十九届历次全会精神。",
        "把学习宣传贯彻党的十九大精神作为首要政治任务。",
        "2023年以来，全市深入学习贯彻十九大精神。",
        "今年以来，我们坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的十九大和二十届历次全会精神。",
        "过去一年，是全面贯彻党的十九大精神的开局之年。",
        "深入学习贯彻党的十九大、二十届历次全会精神和习近平总书记重要讲话精神。",
        "全面贯彻党的十九大和十九届历次全会以及中央经济工作会议精神，深入贯彻新发展理念。",
    ],
)
def test_stale_congress_is_reported_after_the_next_congress(sentence):
    (f,) = _t104(sentence)
    assert "党的二十大（2022年10月16日）之后" in f.message


def test_stale_congress_replacement_keeps_the_form_of_the_name():
    (f,) = _t104("全市各级党组织深入学习贯彻党的十九大精神。")
    assert f.replacement == "党的二十大精神" and (f.column, f.end_column) == (14, 21)
    (f,) = _t104("深入学习贯彻十九大精神。")
    assert f.replacement == "二十大精神"
    (f,) = _t104("认真贯彻落实党的十九大和十九届历次全会精神。")
    assert f.replacement is None  # the plenums need rewriting too: no mechanical fix


@pytest.mark.parametrize(
    "sentence",
    [
        "党的十九大以来，全市组织工作取得历史性成就。",
        "党的十九大报告指出，要坚持党管干部原则。",
        "党的十九大提出，要建设高素质专业化干部队伍。",
        "五年来，我们深入学习贯彻党的十九大精神，推动各项工作。",
        "过去五年，全市上下全面贯彻党的十九大精神，经济实力大幅跃升。",
        "省第十四次党代会以来的五年极不平凡。我们全面落实党的十九大和十九届历次全会精神，推动各项事业。",
        "2021年，全市深入学习贯彻党的十九大和十九届历次全会精神。",
        "深入学习贯彻党的二十大精神，深入学习贯彻党的十九大以来党中央的决策部署。",
        "全面贯彻党的十八大、十九大、二十大精神。",
    ],
)
def test_history_and_the_current_congress_stay_silent(sentence):
    assert _t104(sentence) == []


def test_before_the_next_congress_the_spirit_is_current():
    assert _t104("全市各级党组织深入学习贯彻党的十九大精神。", "2021-06-01") == []
    assert _t104("全市各级党组织深入学习贯彻党的十九大精神。", None) == []


def test_undated_text_is_judged_by_its_year():
    text = "2023年全市组织工作要点\n全市各级党组织深入学习贯彻党的十九大精神。\n"
    assert len(_t104(text, None)) == 1


# --- the data ---------------------------------------------------------------------------------------------


def test_shipped_events_are_valid_and_congress_names_line_up():
    events = shipped_events()
    assert len({e.id for e in events}) == len(events)
    congresses = [e for e in events if e.kind == "congress"]
    assert [e.name for e in congresses] == ["党的十八大", "党的十九大", "党的二十大"]
    assert all(len(e.names) == 4 and e.names[3] == e.name.removeprefix("党的") for e in congresses)
    assert all(e.source for e in events)


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[[event]]\nid = "EV-x"\nkind = "congress"\nnames = ["x"]\nsource = "s"\n', "缺少必填字段“date”"),
        ('[[event]]\nid = "EV-x"\nkind = "meeting"\nnames = ["x"]\ndate = 2020-01-01\nsource = "s"\n', "kind"),
        ('[[event]]\nid = "EV-x"\nkind = "plenum"\nnames = ["x"]\ndate = "soon"\nsource = "s"\n', "date"),
        (
            '[[event]]\nid = "EV-x"\nkind = "plenum"\nnames = ["x"]\ndate = 2020-01-01\nsource = "s"\nwhen = 1\n',
            "未知字段",
        ),
        (
            '[[event]]\nid = "EV-x"\nkind = "plenum"\nnames = ["x"]\ndate = 2020-01-01\nsource = "s"\npast = "("\n',
            "正则",
        ),
        ("[[event]\n", "TOML"),
    ],
)
def test_bad_event_data_is_refused_with_its_entry(toml, message):
    with pytest.raises(ConfigError, match=message):
        load_events(toml, "x.toml")


def test_plenums_of_the_old_central_committee_after_the_next_congress():
    text = "深入贯彻党的二十大和十九届历次全会精神，全面落实习近平总书记重要讲话精神。"
    (f,) = _t104(text, "2026-01-31")
    assert text[f.column - 1 : f.end_column - 1] == "十九届历次全会" and f.replacement == "二十届历次全会"
    assert _t104("深入贯彻党的二十大和二十届历次全会精神。", "2026-01-31") == []
    assert _t104("深入贯彻党的十九大和十九届历次全会精神。", "2021-06-01") == []
    # one finding for the congress and its plenums together
    assert len(_t104("认真贯彻落实党的十九大和十九届历次全会精神。")) == 1


def test_a_span_of_years_is_history_only_when_it_lies_mostly_before_the_next_congress():
    sentence = "过去五年，我们深入学习贯彻党的十九大精神，推动高质量发展。"
    assert _t104(sentence, "2023-06-01") == []  # 2018–2023: mostly the 十九大's years
    assert len(_t104(sentence, "2026-02-01")) == 1  # 2021–2026: mostly after the 二十大


def test_one_spirit_standing_alone_bounds_the_date_but_not_in_a_list_or_looking_ahead():
    assert _as_of("深入学习贯彻习近平新时代中国特色社会主义思想和党的十九大精神，坚定理想信念。\n")[0] == date(
        2017, 10, 18
    )
    assert _as_of("全面贯彻党的十九大、二十大精神，推动高质量发展。\n")[0] is None
    assert _as_of("今后五年，要认真学习贯彻党的二十大精神。\n")[0] is None


def test_a_plenum_listed_after_its_congress_is_past(cli, tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(TITLE + "深入学习贯彻党的二十大和二十届三中全会精神，推动基层党建提质增效。\n", encoding="utf-8")
    out = cli("check", str(p)).stdout.decode()
    assert "按不早于 2024-07-15 判断时效表述（正文提及已召开（开展）的二十届三中全会" in out
