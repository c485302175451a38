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


# --- P105 ------------------------------------------------------------------------------------


def test_quoted_item_that_runs_on_past_its_quote_takes_the_dunhao():
    # the items are “主题党日”活动 and “四风”教育, not the quoted words alone
    text = (
        "认真落实“三会一课”、“主题党日”活动、组织生活会等制度。\n"
        # 2023 述职报告 (tests/corpus)
        "多想一想“三严三实”、“四风”教育、“八项”规定等。\n"
    )
    assert found(text) == []


def test_a_word_said_of_every_quoted_item_does_not_make_the_dunhao_right():
    text = (
        "各种“黑天鹅”、“灰犀牛”事件随时可能发生。\n"  # 2023 主题教育讲话 (tests/corpus)
        "巩固“保交楼”、“保交房”成果，有序推动“好房子”建设。\n"  # 2026 福建政府工作报告
        "组织实施党建赋能经济增长“百日奋战行动”、“七个一批”助企纾困等活动。\n"  # samples/000
    )
    assert [f[:3] for f in found(text)] == [("P105", 1, 8), ("P105", 2, 8), ("P105", 3, 21)]


def test_one_finding_per_list_of_quoted_items_with_the_whole_fix():
    # 吉林组织工作综述 (samples/000, line 14 of 2016 海拉尔 report style lists)
    text = "此后又在不同场合提出“三严三实”、“四有”、“四个铁一般”、“五个自觉”等具体要求。\n"
    (f,) = check(text, P)
    assert (f.rule, f.column, f.end_column) == ("P105", 17, 31)
    assert f.message == "标有引号的并列成分之间通常不用顿号（本处列举中有3个）"
    assert f.replacement == "“四有”“四个铁一般”"


def test_list_of_pure_quoted_items_before_a_count_or_de_is_still_found():
    text = (
        "按照“三个先行”、“两个并重”的总体要求推进。\n"
        "落实“三会一课”、“主题党日”两项制度。\n"
        "出台《考核实施办法》、《平时考核实施办法（试行）》。\n"
        "党面临的“四大考验”、“四种危险”将长期存在。\n"  # 2025 中心组学习综述 (tests/corpus)
    )
    found_at = [(f[0], f[1], f[2]) for f in found(text)]
    assert found_at == [("P105", 1, 9), ("P105", 2, 9), ("P105", 3, 11), ("P105", 4, 11)]


def test_padding_inside_a_two_character_name_in_a_list_is_layout():
    # name lists align two-character names with three-character ones: 蒋  明 / 王晓华
    text = (
        "会议选举蒋  明、王晓华、李　军、张  红为区委常委。\n"
        "出席会议的有：王晓华　蒋　明　刘建国等同志。\n"
        "主  任：蒋  明\n"
    )
    assert found(text) == []


def test_space_between_two_words_beside_a_list_mark_is_still_found():
    text = "全面加强基层党组织建设、 深化 改革、完善制度。\n"
    assert [f[:3] for f in found(text)] == [("P109", 1, 13), ("P109", 1, 16)]


# --- P114 ------------------------------------------------------------------------------------


def test_form_feed_between_pages_is_reported_with_an_unsafe_deletion():
    (f,) = check("第一页。\f第二页。\n", P)
    assert (f.rule, f.line, f.column, f.end_column) == ("P114", 1, 5, 6)
    assert f.message == "控制字符（换页符U+000C），建议删除"
    assert (f.replacement, f.fix_safety.value) == ("", "unsafe")


def test_nul_escape_and_a_run_of_controls_are_reported_once_per_run():
    text = "一是\x00优化食材采购监管。\n二是加强\x1b\x1b\x07日常监督。\n"
    result = [(f.line, f.column, f.end_column, f.message, f.fix_safety.value) for f in check(text, P)]
    assert result == [
        (1, 3, 4, "控制字符（空字符U+0000），建议删除", "safe"),
        (2, 5, 8, "控制字符（转义符U+001B、响铃符U+0007），建议删除", "safe"),
    ]


def test_tabs_and_line_ends_are_not_control_characters_to_report():
    assert [f for f in check("一是优化\t食材采购监管。\r\n二是加强日常监督。\r\n", P) if f.rule == "P114"] == []


def test_a_late_nul_in_a_file_is_reported_and_fix_removes_it(tmp_path):
    from orgwrite import check_path
    from orgwrite.fix import fix_text

    path = tmp_path / "通知.txt"
    body = "全面加强干部教育培训工作。" * 800
    path.write_text(f"关于加强干部教育培训的通知\n{body}\n一是\x00优化食材采购监管。\n", "utf-8")
    found_here = [(f.rule, f.line, f.column) for f in check_path(path, P).findings]
    assert found_here == [("P114", 3, 3)]
    fixed, _edits = fix_text(path.read_text("utf-8"), check_path(path, P).findings)
    assert "\x00" not in fixed and fixed.endswith("一是优化食材采购监管。\n")


def test_spaces_of_bylines_and_padded_names_are_layout():
    text = (
        # 新华社 bylines: the names of a byline are set apart by spaces
        "确保取得扎扎实实的成效。（记者：罗争光 王琦 王鹏 参与采写：周楠 高皓亮 关桂峰 黄浩苑 李铮 李浩）\n"
        # the author of a contribution, in brackets at the end
        "把红色基因传承好，做新时代的追梦人。（文科一党支部 谢澹）\n"
        # two halves of a book title
        "积极参与校本党史学习教育读本《学习中国精神  践行立德树人》的编写。\n"
        # a padded name after a sequence number, before the post in brackets
        "2.蒋  明（党委委员、副校长）\n"
        "（1）朱 雯述职述德述廉报告\n"
        "会上，蒋  明同志作了表态发言。\n"
    )
    assert found(text) == []


def test_stray_spaces_near_bylines_and_item_heads_are_still_found():
    text = (
        # 2026 述职报告: the space after the head of an item is a stray one too
        "1.科学规划，统筹推进。 牵头制定详实的高三学年复习备考方案。\n"
        "把红色基因传承好，做新时代的 追梦人。（文科一党支部谢澹）\n"
        "体育组的党员教师则利用活动课时间 对校队学生进行强化训练指导。\n"
    )
    assert [f[:3] for f in found(text)] == [("P109", 1, 13), ("P109", 2, 15), ("P109", 3, 17)]


def test_a_quotation_cut_by_a_paragraph_broken_in_two_is_not_unbalanced():
    # 2021 学校工作要点 as published: one paragraph broken mid-sentence over two lines
    text = (
        "加强教师队伍建设。四是实施“在教师专业培养基础上打造精干管理队伍，根据学校心理、生涯教育需求，培养\n"
        "教师心理、生涯教育能力”两个“双培养”制度，提升教师综合能力。\n"
    )
    assert [f for f in found(text) if f[0] == "P102"] == []


def test_an_unclosed_quote_before_a_paragraph_that_ends_properly_is_still_found():
    text = (
        "加强教师队伍建设。四是实施“在教师专业培养基础上打造精干管理队伍。\n"
        "教师心理、生涯教育能力”两个“双培养”制度，提升教师综合能力。\n"
    )
    assert [f[:3] for f in found(text) if f[0] == "P102"] == [("P102", 1, 14), ("P102", 2, 12)]


def test_a_quote_turned_the_wrong_way_is_named_where_it_is_with_its_fix():
    # 2020 学校工作报告 (held-out reading): the closing quote of the first item typed as “
    text = "其核心内容包括“必修课程的校本化实施“、“生本课堂教学范式的变革”、“学科问题的发现与解决”等。\n"
    (f,) = check(text, Config(select=("P102",)))
    assert (f.rule, f.column, f.end_column) == ("P102", 19, 20)
    assert f.message == "引号方向用反了：此处应为后引号”"
    assert (f.replacement, f.fix_safety.value) == ("”", "unsafe")
    (g,) = check("坚定维护”两个确立”，做到“两个维护”。\n", P)
    assert (g.column, g.message, g.replacement) == (5, "引号方向用反了：此处应为前引号“", "“")
