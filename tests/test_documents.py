"""Cited documents (D101–D104), the documents data, and the 公文 frame rules (S201–S204).

Sentences are from published texts (the held-out 述职报告 of 2020 still cites the 廉洁从政
准则 repealed in 2016; a 求是 article of 2026 writes 推进领导干部能上能下规定 without 书名号)
or follow their wording.
"""

from __future__ import annotations

from datetime import date

import pytest

from orgwrite import check
from orgwrite.config import Config
from orgwrite.io.read_text import read_string
from orgwrite.lexicon import load_lexicon

DOCS = [e for e in load_lexicon().entries.values() if e.kind == "document"]


def found(text: str, select=("D",), as_of: date | None = None) -> list[tuple[str, str, str | None]]:
    findings = check(text, Config(select=select, as_of=as_of))
    lines = text.split("\n")
    return [(f.rule, lines[f.line - 1][f.column - 1 : f.end_column - 1], f.replacement) for f in findings]


def test_the_documents_data_is_big_enough_and_sourced():
    assert len(DOCS) >= 60
    for e in DOCS:
        assert e.get("issuer") and e.get("adopted") and e.source, e.id
        assert "《" not in e.get("title")
        if e.get("repealed"):
            titles = {d.get("title") for d in DOCS}
            assert e.get("replaced_by") in titles, e.id


@pytest.mark.parametrize("entry", [e for e in DOCS if e.get("wrong_titles")], ids=lambda e: e.id)
def test_each_wrong_title_in_book_marks_gets_the_exact_title(entry):
    for wrong in entry.get("wrong_titles"):
        text = f"认真学习《{wrong}》。"
        assert found(text, ("D103",)) == [("D103", wrong, entry.get("title"))], wrong


@pytest.mark.parametrize("entry", DOCS, ids=lambda e: e.id)
def test_the_exact_title_in_book_marks_is_silent_and_bare_is_d104(entry):
    title = entry.get("title")
    before = entry.get("adopted")
    assert found(f"认真学习《{title}》。", as_of=before) == []
    assert found(f"认真学习{title}。", ("D104",)) == [("D104", title, f"《{title}》")]


@pytest.mark.parametrize("entry", [e for e in DOCS if e.get("repealed")], ids=lambda e: e.id)
def test_a_repealed_document_is_reported_from_its_repeal_day_only(entry):
    repealed = entry.get("repealed")
    text = f"认真对照《{entry.get('title')}》抓好落实。"
    got = found(text, ("D101",), repealed)
    assert [g[:2] for g in got] == [("D101", entry.get("title"))]
    assert f"由《{entry.get('replaced_by')}》取代" in check(text, Config(select=("D101",), as_of=repealed))[0].message
    assert found(text, ("D101",), date.fromordinal(repealed.toordinal() - 1)) == []


def test_real_sentences_from_published_texts():
    # 2020 述职报告 (held-out): the 2010 准则 was repealed on 2016-01-01.
    text = "认真学习贯彻《中国共产党党员领导干部廉洁从政若干准则》和中央“八项规定”的要求。"
    assert found(text, ("D101",), date(2020, 1, 16)) == [("D101", "中国共产党党员领导干部廉洁从政若干准则", None)]
    # The same regulation's own text dates its predecessor: history, not a citation in force.
    history = "本条例自2018年11月20日起施行。1991年4月2日中央组织部、国家档案局印发的《干部档案工作条例》同时废止。"
    assert found(history, as_of=date(2019, 1, 1)) == []
    # 求是 2026: a full title without 书名号.
    qiushi = "要严格执行推进领导干部能上能下规定，经常分析研判班子运行情况和干部履职表现。"
    assert found(qiushi, ("D104",)) == [("D104", "推进领导干部能上能下规定", "《推进领导干部能上能下规定》")]
    # 新华社 2024: names listed bare alongside short names are a list of names.
    listed = "从纪律处分条例、问责条例，到关于新形势下党内政治生活的若干准则、党内监督条例，再到首部《中国共产党纪律检查委员会工作条例》。"
    assert found(listed) == []


def test_no_date_no_repeal_check_and_unknown_local_titles_are_left_alone():
    assert found("依照《国家行政机关公文处理办法》规范行文。", ("D101",)) == []
    assert found("认真落实《某某县村级组织工作实施办法（试行）》，学习党章。") == []


def test_edition_years():
    wrong = "依据《中国共产党纪律处分条例》（2016年修订）给予处分。"
    assert found(wrong, ("D102",)) == [("D102", "2016", None)]
    assert found("2016年修订的《中国共产党纪律处分条例》", ("D102",)) == [("D102", "2016", None)]
    for right in (
        "《中国共产党纪律处分条例》（2018年修订）",
        "《中国共产党纪律处分条例》（2023年版）",
        "《中国共产党章程》（2017年修正）",
    ):
        assert found(right, ("D102",)) == [], right
    # The effective year of an edition is accepted as 版, not as 修订.
    assert found("《中国共产党纪律处分条例》（2016年版）", ("D102",)) == []


def test_documents_are_listed_searched_and_validated_like_the_other_data(cli, tmp_path):
    out = cli("lexicon", "list", "--kind", "document").stdout.decode("utf-8")
    assert "D-gongwen-tiaoli\tdocument" in out and "《党政机关公文处理工作条例》" in out
    out = cli("lexicon", "search", "党政机关公文处理条例").stdout.decode("utf-8")
    assert out.splitlines()[0].split()[1] == "D-gongwen-tiaoli"
    bad = tmp_path / "本单位文件.toml"
    bad.write_text(
        '[[document]]\nid = "D-local"\ntitle = "《某县实施办法》"\nissuer = "某县"\nadopted = 2020-02-30\n'
        'repealed = 2021-01-01\nsource = "某县印发"\n',
        "utf-8",
    )
    r = cli("lexicon", "validate", str(bad))
    err = (r.stdout + r.stderr).decode("utf-8")
    assert r.returncode == 1
    assert "title 不带书名号" in err or "日期" in err
    assert "本单位文件.toml:5" in err or "本单位文件.toml" in err


# --- S201–S204: the 公文 frame -------------------------------------------------------------


def test_date_line_in_chinese_numerals_or_hao():
    text = "特此报告。\n中共某某县委组织部\n二〇二六年五月一日"
    assert found(text, ("S201",)) == [("S201", "二〇二六年五月一日", "2026年5月1日")]
    text = "特此报告。\n中共某某县委组织部\n2026年5月12号"
    assert found(text, ("S201",)) == [("S201", "2026年5月12号", "2026年5月12日")]
    # Dates in the body are not the date line.
    assert found("会议于2026年5月12号召开，二〇二六年五月一日起施行。\n特此报告。", ("S201",)) == []


def test_date_after_an_explicit_as_of():
    md = "---\nas-of: 2026-05-01\n---\n特此报告。\n\n中共某某县委组织部\n2026年6月1日\n"
    findings = check(read_string(md, format="md"), Config(select=("S202",)))
    assert [f.rule for f in findings] == ["S202"]
    assert "晚于文本日期2026年5月1日" in findings[0].message
    same = md.replace("2026年6月1日", "2026年4月28日")
    assert check(read_string(same, format="md"), Config(select=("S202",))) == []
    # Inferred from the date line itself: nothing to compare with.
    assert found("特此报告。\n中共某某县委组织部\n2026年6月1日", ("S202",)) == []


@pytest.mark.parametrize("request_words", ["妥否，请批示", "请予审批", "请批准", "当否，请批示"])
def test_a_report_carrying_a_request(request_words):
    text = f"关于2025年度干部教育培训工作情况的报告\n今年共举办培训班12期。\n{request_words}。"
    assert [g[:2] for g in found(text, ("S203",))] == [("S203", request_words)]


def test_requests_in_a_request_and_in_speeches_are_fine():
    assert found("关于增加干部培训经费的请示\n妥否，请批示。", ("S203",)) == []
    assert found("2025年度述职报告\n妥否，请批示。", ("S203",)) == []
    assert found("关于2025年度干部教育培训工作情况的报告\n以上报告，请审阅。", ("S203",)) == []


def test_attachment_note():
    text = "特此通知。\n附件：1.2026年度培训计划。\n2.参训人员名单。"
    got = found(text, ("S204",))
    assert [(g[0], g[1]) for g in got] == [("S204", "。"), ("S204", "。")]
    single = "特此通知。\n附件：1.2026年度培训计划"
    assert found(single, ("S204",)) == [("S204", "1.", "")]
    assert found("特此通知。\n附件：1.2026年度培训计划\n2.参训人员名单", ("S204",)) == []
    assert found("特此通知。\n附件：2026年度培训计划", ("S204",)) == []


def test_a_request_with_two_matters():
    text = "关于增设干部监督科和追加干部培训经费的请示\n妥否，请批示。"
    assert [g[0] for g in found(text, ("S205",))] == ["S205"]
    for right in (
        "关于追加干部培训经费的请示\n妥否，请批示。",
        "关于申请召开党员代表大会和选举工作的请示\n妥否，请批示。",
    ):
        assert found(right, ("S205",)) == [], right


def test_a_repealed_document_compared_with_its_successor_is_not_cited_as_in_force():
    for text in (
        "与《中国共产党党员领导干部廉洁从政若干准则》相比，新准则更加简明，更加突出正面倡导。",
        "相较于《中国共产党党员领导干部廉洁从政若干准则》，《中国共产党廉洁自律准则》只有八条。",
        "对比《中国共产党党员领导干部廉洁从政若干准则》可以看出，新准则把党员和党员领导干部分开规范。",
    ):
        assert found(text, ("D101",), date(2020, 1, 16)) == [], text
    # A comparison elsewhere in the paragraph does not hide a citation in force.
    text = "同去年相比，工作更加扎实。认真学习贯彻《中国共产党党员领导干部廉洁从政若干准则》。"
    assert [g[0] for g in found(text, ("D101",), date(2020, 1, 16))] == ["D101"]


def test_principle_is_not_the_word_that_makes_a_mention_historical():
    # 原 marks history (原《准则》, 原来); 原则 and 原因 do not.
    text = "坚持原则，认真学习贯彻《中国共产党党员领导干部廉洁从政若干准则》。"
    assert [g[0] for g in found(text, ("D101",), date(2020, 1, 16))] == ["D101"]
    assert found("原《中国共产党党员领导干部廉洁从政若干准则》同时废止。", ("D101",), date(2020, 1, 16)) == []
