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
