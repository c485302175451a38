"""Structure rules (S1xx) on real layouts: restarts of numbering that are legitimate, the
message of a numbering break, titles set on two lines."""

from __future__ import annotations

from orgwrite import check
from orgwrite.config import Config
from tests.conftest import sample

S = Config(select=("S1",))


def found(text: str) -> list[tuple]:
    return [(f.rule, f.line, f.column, f.message) for f in check(text, S)]


# --- S101: legitimate restarts ---------------------------------------------------------------


def test_compiled_reports_restart_after_each_closing_line():
    # 班子成员述职报告汇编 (tests/corpus/*shuzhi*): each report ends with its closing words
    text = (
        "学校班子成员年度述职报告展示\n"
        "一、履行岗位职责情况\n作为专职副书记，配合书记全面实施党组织领导下的校长负责制。\n"
        "二、自身建设情况\n自觉实践廉洁承诺，做到清正廉洁、修身守纪。\n"
        "三、存在问题\n学习理论上还需进一步力行。\n"
        "以上述职，请予评议。\n"
        "一、工作收获和业绩\n我深知只有加强学习，更新知识，增强修养，才能提高工作水平。\n"
        "二、后续努力方向\n坚持常态化深入师生中去发现矛盾和问题。\n"
    )
    assert found(text) == []


def test_a_new_list_under_the_same_heading_may_start_again_at_one():
    text = (
        "2023年度述职报告\n"
        "一、履行岗位职责情况\n"
        "一年来，主要做了以下工作：\n"
        "1.品牌打造，党建引领激活力。深化“博雅”党建品牌建设。\n"
        "2.润德育心，博雅品牌育新人。建立大德育视角下的德育体系。\n"
        "工作中也存在一些不足，主要是：\n"
        "1.学习理论上还需进一步力行。完整系统的理论学习还不够。\n"
        "2.为民服务上还需进一步力行。对师生所思所盼了解不够深入。\n"
    )
    assert found(text) == []


def test_an_attachment_starts_its_own_numbering():
    text = (
        "关于开展干部教育培训的通知\n一、培训对象\n全市科级干部。\n二、培训内容\n党的创新理论。\n"
        "附件：培训课程安排\n一、专题讲座\n邀请专家授课。\n"
    )
    assert found(text) == []


def test_a_restart_that_does_not_begin_a_new_sequence_is_still_reported():
    text = (
        "2023年度述职报告\n一、履行岗位职责情况\n一年来工作扎实。\n二、自身建设情况\n"
        "1.自觉实践廉洁承诺。做到清正廉洁。\n2.努力提高自身素养。善于学习。\n"
        "3.保持良好精神状态。公道处事。\n1.学习理论上还需进一步力行。理论学习还不够。\n"
        "三、存在问题\n仍有差距。\n"
    )
    assert [f[:3] for f in found(text)] == [("S101", 8, 1)]


# --- S101: the message matches what the checker accepts ----------------------------------------


def _sample_003_with(old: str, new: str, tmp_path):
    text = sample("003").read_text("utf-8")
    assert old in text
    copy = tmp_path / "003.txt"
    copy.write_text(text.replace(old, new, 1), "utf-8")
    return [(f.rule, f.line, f.message) for f in check(copy, S)]


def test_continuous_numbering_through_sections_is_named_in_the_message(tmp_path):
    # 2018 湖北组织工作要点 (samples/003): items 1–23 run through the sections; 6. written 7.
    result = _sample_003_with("\n6.高质量", "\n7.高质量", tmp_path)
    assert result[0][:2] == ("S101", 11)
    assert "应为“6.”" in result[0][2] and "“1.”" not in result[0][2]


def test_without_evidence_either_way_the_message_names_both_numbers():
    text = (
        "工作要点\n坚持把政治建设作为根本性建设\n1.推动维护党中央权威。\n2.推动学习贯彻。\n"
        "着力建设高素质干部队伍\n5.加强领导班子建设。\n"
    )
    (f,) = found(text)
    assert f[:2] == ("S101", 6)
    assert f[3] == "三级标题（1.）序号不连续：此处应为“1.”（本部分重新编号）或“3.”（接续上文编号），实际为“5.”"


def test_a_part_that_restarts_makes_restarting_the_expected_numbering():
    text = (
        "工作要点\n坚持把政治建设作为根本性建设\n1.推动维护党中央权威。\n2.推动学习贯彻。\n"
        "着力建设高素质干部队伍\n1.加强领导班子建设。\n2.加强干部队伍建设。\n"
        "全面提升基层党组织组织力\n2.落实党建工作责任制。\n"
    )
    (f,) = found(text)
    assert f[:2] == ("S101", 9)
    assert "应为“1.”" in f[3] and "“3.”" not in f[3]


# --- S102: a title set on two lines ------------------------------------------------------------

_BODY = (
    "一、总体要求\n坚持以习近平新时代中国特色社会主义思想为指导。\n二、重点任务\n全面加强党的政治建设。\n"
    "三、保障措施\n加强组织领导。\n各级党组织要高度重视。\n认真抓好落实。\n"
)


def test_a_title_whose_first_line_ends_in_a_dunhao_is_the_title():
    from orgwrite.io.read_text import read_string
    from orgwrite.model import BlockKind

    text = "关于进一步加强党员发展、\n教育管理工作的实施意见\n" + _BODY
    assert found(text) == []
    kinds = [b.kind for b in read_string(text).blocks[:3]]
    assert kinds == [BlockKind.TITLE, BlockKind.TITLE, BlockKind.HEADING]


def test_a_title_whose_first_line_ends_in_he_is_the_title():
    text = "在全市组织工作会议暨人才工作会议和\n基层党建工作推进会上的讲话\n" + _BODY
    assert found(text) == []


def test_a_first_line_ending_in_a_dunhao_before_a_sentence_is_still_no_title():
    text = "全面加强党的政治建设、\n思想建设，不断提高党员干部的政治判断力。\n" + _BODY
    assert [f[:3] for f in found(text)] == [("S102", 1, 1)]


def test_a_long_headline_on_the_first_line_is_the_title():
    # 新华社 headlines: long, parts set apart by spaces, no stop inside
    for headline in (
        "习近平在二十届中央纪委五次全会上发表重要讲话强调 以更高标准更实举措推进全面从严治党 "
        "为实现“十五五”时期目标任务提供坚强保障",
        "习近平在新进中央委员会的委员、候补委员和省部级主要领导干部学习贯彻习近平新时代中国特色社会主义"
        "思想和党的十九大精神研讨班开班式上发表重要讲话",
    ):
        text = headline + "\n" + _BODY
        assert found(text) == []
        assert [f for f in check(text, Config(select=("P109",)))] == []


def test_a_long_first_line_with_a_comma_is_body_not_a_title():
    text = (
        "党的十八大以来，全省组织工作坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻新时代党的组织路线"
        "和新时代党的建设总要求\n" + _BODY
    )
    assert [f[:3] for f in found(text)] == [("S102", 1, 1)]


def test_numbered_names_above_each_report_are_parts_of_their_own():
    # 2020 述职报告汇编: each report is headed by “1.孙洪亮（……）”, its sections are 一、二、
    text = (
        "1.孙洪亮（党委副书记、纪委书记）\n"
        "一、认真学习提升素养\n坚持把学习作为第一需要。\n二、聚焦立德树人任务\n落实立德树人根本任务。\n"
        "2.蒋  明（党委委员、副校长）\n"
        "一、思想政治方面\n始终坚定理想信念。\n二、工作作风方面\n"
        "1.以身作则是做好工作的基础。\n2.努力学习是提高工作水平保证。\n3.走群众路线是搞好工作的生命。\n"
        "3.俞奇弘（党委委员、副校长）\n"
        "一、自觉提高政治站位\n认真学习党的创新理论。\n二、恪尽职守，认真做好分管工作\n抓好后勤管理。\n"
    )
    assert [f for f in found(text) if f[0] == "S101"] == []


def test_a_number_that_ends_its_list_before_the_next_section_is_not_a_part():
    text = (
        "工作总结\n一、主要做法\n1.抓学习。坚持学习。\n2.抓队伍。建强队伍。\n"
        "二、存在问题\n1.学习不够深入。\n3.作风不够扎实。\n"
    )
    assert [f[:2] for f in found(text)] == [("S101", 7)]


def test_one_mistyped_number_gives_one_finding_not_one_more_for_the_next(tmp_path):
    # 2018 湖北组织工作要点 (samples/003) with 6. written 7.: the real 7. after it is fine
    result = _sample_003_with("\n6.高质量", "\n7.高质量", tmp_path)
    assert [r[:2] for r in result] == [("S101", 11)]


def test_a_skipped_number_and_a_repeated_one_give_one_finding_each():
    skipped = "工作要点\n一、总体要求\n坚持稳中求进。\n二、重点任务\n抓好落实。\n四、保障措施\n加强领导。\n五、其他\n按规定办理。\n"
    assert [f[:2] for f in found(skipped)] == [("S101", 6)]
    repeated = "工作要点\n一、总体要求\n坚持稳中求进。\n二、重点任务\n抓好落实。\n二、保障措施\n加强领导。\n四、其他\n按规定办理。\n"
    assert [f[:2] for f in found(repeated)] == [("S101", 6)]
