"""Punctuation rules (P1xx) on short realistic paragraphs: false alarms found on unseen
published texts, kept here so that they stay fixed."""

from __future__ import annotations

from orgwrite import check
from orgwrite.config import Config

P = Config(select=("P1",))


def found(text: str, config: Config = P) -> list[tuple]:
    return [(f.rule, f.line, f.column, f.end_column, f.message) for f in check(text, config)]


# --- P109 ------------------------------------------------------------------------------------


def test_space_after_an_article_number_of_a_regulation_is_layout():
    # 《干部人事档案工作条例》 as reposted: the article number is set off by a space
    text = (
        "第一章　总则\n"
        "第一条　为了贯彻新时代党的组织路线，落实从严管理干部要求，制定本条例。\n"
        "第二条 干部人事档案是教育培养、选拔任用、管理监督干部的重要基础。\n"
        "第十一条  中央组织部负责集中管理中央管理干部的人事档案。\n"
    )
    assert found(text) == []


def test_space_after_an_article_number_in_the_middle_of_a_sentence_is_still_found():
    text = "依照条例第一条 规定，干部人事档案工作必须坚持党管干部原则。\n"
    assert found(text) == [("P109", 1, 8, 9, "中文文字之间有多余的空格")]


# --- P102 ------------------------------------------------------------------------------------


def test_two_swapped_quotes_give_one_finding_not_one_per_later_mark():
    # 2024 述职报告 (tests/corpus): “教“与”学“ — the marks after the first wrong one cascade
    text = "努力从平常事抓起，对影响“教“与”学“的各种因素，进行检查、分析，与老师谈心谈话。\n"
    assert found(text) == [("P102", 1, 13, 14, "引号不成对：前引号““”在本段内没有对应的“””")]


def test_one_missing_closing_quote_before_other_quotations_gives_one_finding():
    text = "坚持“两个确立，坚决做到“两个维护”，认真落实“三会一课”“主题党日”等制度。\n"
    assert found(text) == [("P102", 1, 3, 4, "引号不成对：前引号““”在本段内没有对应的“””")]


def test_each_family_of_marks_gets_its_own_finding():
    text = "出台《关于加强干部监督的意见》》，落实《条例》），强调“要抓好落实。\n"
    assert [f[:3] for f in found(text)] == [("P102", 1, 16), ("P102", 1, 24), ("P102", 1, 28)]


def test_double_quotes_nested_in_double_quotes_are_reported_once():
    # 2018 绍兴干部培训讲话 (tests/corpus): a quotation holding two double-quoted terms
    text = "书记强调，“要以思想大解放推动“八八战略”再深化、“最多跑一次”改革再突破”。\n"
    assert [f[:3] for f in found(text)] == [("P102", 1, 16)]
