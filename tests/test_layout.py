"""How the frame of a text is recognised: titles, speakers, headings, restarts."""

from __future__ import annotations

from orgwrite import check
from orgwrite.io.read_text import read_string
from orgwrite.model import BlockKind


def kinds(text: str) -> list[BlockKind]:
    return [b.kind for b in read_string(text).blocks]


def test_title_on_several_lines_ending_with_a_quote():
    text = "忠实践行“八八战略”\n坚决做到“两个维护”\n在高质量发展中奋力推进共同富裕先行\n同志们：\n现在，我代表省委作报告。\n"
    assert kinds(text) == [BlockKind.TITLE] * 3 + [BlockKind.SALUTATION, BlockKind.PARAGRAPH]


def test_speech_frame_title_speaker_date():
    text = "在全市组织工作会议上的讲话\n张三\n（2024年1月5日）\n同志们：\n今天召开会议。\n"
    assert kinds(text) == [
        BlockKind.TITLE,
        BlockKind.SPEAKER,
        BlockKind.DATE,
        BlockKind.SALUTATION,
        BlockKind.PARAGRAPH,
    ]


def test_numbering_restarts_under_an_unnumbered_heading():
    text = (
        "2021年度述职报告\n一、履行职责情况\n一年来工作扎实。\n二、存在的不足\n仍有差距。\n"
        "2021年度述廉报告\n李四\n一、廉洁自律情况\n严格遵守规定。\n二、下一步打算\n继续努力。\n"
    )
    assert [f for f in check(text) if f.rule == "S101"] == []


def test_numbering_gap_and_repeat_are_reported():
    text = "工作要点\n一、总体要求\n坚持稳中求进。\n二、重点任务\n抓好落实。\n二、保障措施\n加强领导。\n"
    (f,) = [f for f in check(text) if f.rule == "S101"]
    assert (f.line, f.column, f.end_column) == (6, 1, 3)
    assert "重复" in f.message and "三、" in f.message


def test_malformed_level_one_number_is_still_a_heading():
    text = "报告\n一、情况\n1.做法一。\n2.做法二。\n3.做法三。\n二.下一步努力方向\n1.加强学习。\n"
    found = check(text)
    assert [(f.rule, f.line, f.replacement) for f in found] == [("P112", 6, "二、")]


def test_dash_at_the_start_of_a_subtitle():
    found = [f for f in check("政府工作报告\n----2013年2月28日在区第十五届人民代表大会上\n") if f.rule == "P107"]
    assert [(f.line, f.column, f.end_column, f.replacement) for f in found] == [(2, 1, 5, "——")]


def test_speech_title_with_an_exclamation_and_its_occasion_on_one_line():
    text = (
        "欢迎你为“求真”而来！——在2020级高一新生报到会上的讲话\n"
        "亲爱的同学们：\n"
        "今天，我们在这里欢迎新同学。希望大家珍惜时光。\n"
    )
    assert kinds(text) == [BlockKind.TITLE, BlockKind.SALUTATION, BlockKind.PARAGRAPH]
    assert [f.rule for f in check(text)] == []
    body = "希望大家珍惜时光！——在这里，我们一起成长\n今天，我们在这里欢迎新同学。\n"
    assert kinds(body)[0] is not BlockKind.TITLE
