"""Stated counts (E201), inline sequences (E202), 分别 lists (E203) and the acceptance
checks on the published samples."""

from __future__ import annotations

import pytest

from orgwrite import check
from orgwrite.config import Config
from tests.conftest import sample

E = Config(select=("E2", "S101"))


def found(text: str, config: Config = E) -> list[tuple]:
    return [(f.rule, f.line, f.column, f.end_column, f.message) for f in check(text, config)]


# --- E201 ------------------------------------------------------------------------------------


def test_three_aspects_then_four_items_inline():
    text = "今年重点抓好三个方面工作。一是加强政治建设，二是加强组织建设，三是加强作风建设，四是加强纪律建设。"
    assert found(text) == [
        ("E201", 1, 7, 11, "前文称“三个方面”，实际列出四项：一是……四是（第1行第14列至第1行第41列）"),
    ]


def test_count_matching_items_is_silent():
    text = "今年重点抓好四个方面工作。一是加强政治建设，二是加强组织建设，三是加强作风建设，四是加强纪律建设。"
    assert found(text) == []


def test_items_in_following_paragraphs_beginning_with_markers():
    text = (
        "下面，我就做好今年工作讲三点意见。\n"
        "第一，提高政治站位。要深刻认识组织工作的重要性。\n"
        "第二，突出工作重点。要聚焦主责主业。\n"
        "第三，强化责任落实。要层层压实责任。\n"
        "第四，加强作风建设。要力戒形式主义。\n"
    )
    assert found(text) == [
        ("E201", 1, 13, 17, "前文称“三点意见”，实际列出四项：第一……第四（第2行第1列至第5行第1列）"),
    ]


def test_items_are_numbered_headings_of_the_next_paragraphs():
    text = (
        "组织工作务虚会交流发言\n"
        "下面，我从三个方面作交流汇报。\n"
        "一、坚持政治引领\n全面加强党的政治建设。\n"
        "二、坚持强基固本\n全面提升基层党建质量。\n"
        "三、坚持人才强省\n人才活力竞相迸发。\n"
        "四、坚持从严治部\n打造模范部门。\n"
    )
    assert found(text) == [
        ("E201", 2, 6, 10, "前文称“三个方面”，实际列出四项：一、……四、（第3行第1列至第9行第1列）"),
    ]


def test_headings_at_the_stated_count_are_silent_and_deeper_levels_do_not_count():
    text = (
        "为实现上述目标，要突出抓好以下两个方面的工作：\n"
        "（一）狠抓项目建设\n1.加快推进重点项目。\n2.优化营商环境。\n"
        "（二）着力保障民生\n1.做好就业工作。\n"
    )
    assert found(text) == []


def test_semicolon_list_after_colon():
    text = "总书记的要求概括起来就是两点：坚定理想信念；坚持实事求是；勇于担当作为。"
    (f,) = found(text)
    assert f[:4] == ("E201", 1, 13, 15)
    assert "前文称“两点”，实际列出三项：坚定理想信念……勇于担当作为" in f[4]


def test_list_before_the_count():
    text = "牢牢抓住政治、思想、组织、作风三个方面。"
    assert found(text) == [("E201", 1, 16, 20, "前文称“三个方面”，实际列出四项：政治……作风（第1行第5列起）")]


@pytest.mark.parametrize(
    "text",
    [
        "要坚决做到“两个维护”，牢固树立“四个意识”。",  # named formulations in quotes
        "以上三点意见，供大家参考。一是……二是……",  # refers back, not forward
        "这三个方面相互联系。一是政治建设，二是思想建设。",  # 这 refers back
        "16项中央环保督察反馈问题已整改完成7项，剩余9项问题均取得突破性进展。\n（二）生态环境\n（三）民生",
        "我们在五个方面下功夫，取得了明显成效。",  # no items follow
    ],
)
def test_stated_count_silent_cases(text):
    assert [f for f in found(text) if f[0] == "E201"] == []


def test_a_school_grade_before_a_noun_is_not_a_count():
    # 家长会讲话稿: 高三 is the senior year
    text = "近期，高三重点：一是要着力平衡好语数与选考科目关系；二是要找准首考成绩新的增长点。"
    assert found(text) == []
    assert [f[0] for f in found("要着力提高三个方面的能力：一是学习能力，二是调研能力。")] == ["E201"]


def test_a_count_that_belongs_to_the_last_of_several_numbered_documents():
    # 海拉尔区政府工作报告 (2017)
    text = "严格落实中央八项规定、自治区党委28条配套规定和呼伦贝尔市委十项要求，政府自身建设持续加强。"
    assert found(text) == []


def test_a_list_nested_in_the_paragraph_of_an_outer_item():
    # 全市教育工作会议讲话 (2010): 一是…… opens a paragraph that holds a list of its own
    text = (
        "一年来，我们始终把质量作为一切工作的出发点，在以下四个方面走在全省前列。\n"
        "一是高考成绩走在全省前列。我市有四项指标列全省第一：一是本科上线率全省第一；二是重点上线率全省第一；"
        "三是前100名人数全省第一；四是优秀率全省第一。\n"
        "二是技能竞赛走在全省前列。蝉联团体冠军。\n"
        "三是学科竞赛走在全省前列。获全国一等奖44人。\n"
        "四是优质教育资源覆盖率走在全省前列。覆盖率达85%。\n"
    )
    assert found(text) == []
    wrong = text.replace("三是学科竞赛", "四是学科竞赛", 1).replace("三是前100名", "四是前100名", 1)
    assert [f[:2] for f in found(wrong)] == [("E202", 2), ("E202", 4)]


# --- E202 ------------------------------------------------------------------------------------


def test_shi_sequence_gap():
    text = "加强干部队伍建设，一是严格选拔任用，二是强化教育培训，四是从严管理监督。"
    assert found(text) == [("E202", 1, 28, 30, "序号不连续：“二是”（第1行第19列）之后是“四是”，缺少“三是”")]


def test_di_sequence_repeat():
    text = "要抓好三件事：第一，学习；第二，调研；第二，检视。"
    assert found(text) == [
        ("E202", 1, 20, 22, "序号重复：前一项已是“第二”（第1行第14列），此处又是“第二”，应为“第三”"),
    ]


def test_order_words_repeat_and_inversion():
    assert found("首先，要提高认识；其次，要压实责任；其次，要强化督导。") == [
        ("E202", 1, 19, 21, "“其次”重复：前面已用过“其次”（第1行第10列）"),
    ]
    assert found("首先，要提高认识；最后，要压实责任；其次，要强化督导。") == [
        ("E202", 1, 19, 21, "次序颠倒：“最后”（第1行第10列）之后又出现“其次”"),
    ]


def test_sequence_runs_over_paragraphs_that_begin_with_a_marker():
    text = "一是严格选拔任用。\n二是强化教育培训。\n二是从严管理监督。\n"
    assert found(text) == [
        ("E202", 3, 1, 3, "序号重复：前一项已是“二是”（第2行第1列），此处又是“二是”，应为“三是”"),
    ]


def test_inline_parenthesised_and_circled_numbers():
    assert found("主要做法有：（一）建机制；（二）强队伍；（四）优服务。")[0][:4] == ("E202", 1, 21, 24)
    assert found("工作分三步：①摸底；②部署；②推进。")[0][:4] == ("E202", 1, 15, 16)


@pytest.mark.parametrize(
    "text",
    [
        "一是严格选拔任用，二是强化教育培训。另外，一是加强学习，二是加强调研。",  # a second list restarts
        "其中之一是加强学习，统一是前提。",  # 之一是 / 统一是 are words, not markers
        "针对以上不足，今后一是要学习再深入；二是要调研再深入；三是要行动再提标。",
        "他指出，“一是政治建设，三是作风建设”。",  # inside a quotation
        "二是强化教育培训，三是从严管理监督。",  # starts in the middle: may continue an earlier paragraph
        "五要“一县一策”推动山区高质量发展。六要打造大花园。",
        "首先，要提高认识；其次，要压实责任；再次，要强化督导；最后，要严格考核。",
    ],
)
def test_sequence_silent_cases(text):
    assert [f for f in found(text) if f[0] == "E202"] == []


# --- E203 ------------------------------------------------------------------------------------


def test_respectively_with_fewer_values():
    text = "全区一般公共预算收入、税收收入和非税收入分别增长5.2%、8.1%。"
    assert found(text) == [
        (
            "E203",
            1,
            25,
            34,
            "“分别”前列出三项（全区一般公共预算收入、税收收入、非税收入），后面有两个数（5.2%、8.1%），不能一一对应",
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        "全区一般公共预算收入、税收收入和非税收入分别增长5.2%、8.1%和2.3%。",
        "城乡常住居民人均可支配收入分别达35512元、25689元，同比分别增长6.5%、9.4%。",
        "城镇和农村居民人均可支配收入分别增长7%和8%左右。",
        # 新华社综述 (2024): the last item carries the head noun the three share
        "2023年底，我国城市公共汽电车、巡游出租车和城市物流配送新能源汽车数量分别达到53万辆、41.2万辆和100万辆。",
    ],
)
def test_respectively_silent(text):
    assert found(text) == []


# --- acceptance on the published samples --------------------------------------------------------


def test_sample_003_items_1_to_23_are_one_sequence():
    assert [f for f in check(sample("003"), E)] == []


def test_sample_003_without_item_17_gives_exactly_one_sequence_finding(tmp_path):
    lines = sample("003").read_text("utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.startswith("17."))
    del lines[index]
    copy = tmp_path / "003.txt"
    copy.write_text("".join(lines), "utf-8")
    result = [(f.rule, f.line, f.column, f.end_column) for f in check(copy, E)]
    assert result == [("S101", index + 1, 1, 4)]
    (f,) = check(copy, E)
    assert "此处应为“17.”，实际为“18.”" in f.message


def test_sample_001_with_an_added_paragraph_has_findings_only_there(tmp_path):
    lines = sample("001").read_text("utf-8").splitlines(keepends=True)
    added = (
        "我们从三个方面推进组织工作高质量发展:一是把旗帜举高扛稳,筑牢思想根基;"
        "二是把贤能选优配强,激发澎湃活力;四是把根基夯实筑牢,凝聚红色力量。\n"
    )
    lines.insert(3, added)
    copy = tmp_path / "001.txt"
    copy.write_text("".join(lines), "utf-8")
    before = {(f.rule, f.line if f.line < 4 else f.line + 1, f.column) for f in check(sample("001"))}
    after = check(copy)
    new = [f for f in after if (f.rule, f.line, f.column) not in before]
    assert [(f.rule, f.line, f.column, f.end_column) for f in new if f.rule[0] in "EN"] == [("E202", 4, 54, 56)]
    assert all(f.line == 4 for f in new)
    assert [f for f in after if f.rule[0] in "EN" and f.line != 4] == []
