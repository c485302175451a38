"""E201 on the lists a count can announce besides 一是/二是: a 、-list or quotations right
before it, a list in brackets, a colon followed by items on the same line or the next lines
(1、 （1） ① 第一， ——, paragraphs ending in ；), and the sub-items of a heading that states a
count.  Where a comment names a source, the right text is taken from it (abridged where long);
the wrong one is the same text with its count or its list changed."""

from __future__ import annotations

import pytest

from orgwrite import check
from orgwrite.config import Config

E = Config(select=("E201",))


def found(text: str) -> list[tuple]:
    return [(f.rule, f.line, f.column, f.end_column, f.message) for f in check(text, E)]


# --- a list right before the count ------------------------------------------------------------


def test_a_list_with_a_final_he_before_the_count():
    # 晋江市教育意见 (2010)
    right = "着重从优先发展、内涵发展、均衡发展和可持续发展四个方面推动教育的科学发展。"
    assert found(right) == []
    assert found(right.replace("四个方面", "三个方面")) == [
        ("E201", 1, 24, 28, "前文称“三个方面”，实际列出四项：优先发展……可持续发展（第1行第4列起）"),
    ]


def test_a_list_whose_first_item_is_quoted():
    right = "认真落实“三会一课”、主题党日、组织生活会三项制度。"
    assert found(right) == []
    assert found("认真落实“三会一课”、主题党日、组织生活会两项制度。") == [
        ("E201", 1, 22, 26, "前文称“两项制度”，实际列出三项：“三会一课”……组织生活会（第1行第5列起）"),
    ]
    wrong = "严格落实“三会一课”、主题党日、组织生活会、民主评议党员两项制度。"
    assert [f[4][:16] for f in found(wrong)] == ["前文称“两项制度”，实际列出四项"]


def test_the_members_of_one_quotation_before_the_count():
    # 海拉尔区政府工作报告 (2016)
    right = "继续坚持“让利与民、阳光征收、做好群众工作”三项原则，结合呼伦贝尔市开展城市违法建设治理活动。"
    assert found(right) == []
    assert found(right.replace("三项原则", "四项原则")) == [
        ("E201", 1, 23, 27, "前文称“四项原则”，实际列出三项：让利与民……做好群众工作（第1行第6列起）"),
    ]


def test_quotations_written_one_after_another():
    # 绍兴一中班子述职报告 (2022)
    right = "以“百年传薪”为主题，设计“名校”“名师”“骄子”三个内容系列展示学校发展业绩。"
    assert found(right) == []
    assert found(right.replace("三个内容", "两个内容")) == [
        ("E201", 1, 26, 30, "前文称“两个内容”，实际列出三项：“名校”……“骄子”（第1行第14列起）"),
    ]


def test_several_lists_in_one_sentence_each_with_its_count():
    # 海拉尔区政府工作报告 (2018)
    right = "统筹空间、规模、产业三大结构，抓好规划、建设、管理三大环节，完善生产、生活、生态三大功能。"
    assert found(right) == []
    wrong = right.replace("管理三大环节", "管理、服务三大环节")
    assert [f[:4] for f in found(wrong)] == [("E201", 1, 29, 33)]


def test_a_list_ending_in_deng_may_stand_for_more_items_never_for_fewer():
    # 绍兴一中班子述职报告 (2026)
    right = "聚焦学校预算执行、物资采购、职称评聘、招生考试等七大重点领域，健全内控管理制度。"
    assert found(right) == []
    # 绍兴一中班子述职报告 (2021): nine items 等九大领域; eight would be wrong
    wrong = "招生、招师、招标、党务、校务、财务、绩效、评聘、食堂等八大领域各个环节。"
    assert [f[4][:16] for f in found(wrong)] == ["前文称“八大领域”，实际列出九项"]


def test_a_pair_joined_by_he_after_a_word_that_introduces_items():
    # 新华社 (2018): 中共中央政治局召开民主生活会
    right = "民主集中制包括民主和集中两个方面，两者互为条件、相辅相成、缺一不可。"
    assert found(right) == []
    assert [f[4] for f in found(right.replace("两个方面", "三个方面"))] == [
        "前文称“三个方面”，实际列出两项：民主……集中（第1行第8列起）"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "增强“四个意识”、坚定“四个自信”、做到“两个维护”。",
        "增强四个意识、坚定四个自信、做到两个维护，深刻领悟两个确立的决定性意义。",
        "统筹推进五位一体总体布局、协调推进四个全面战略布局。",
        "全年召开党委会、常委会、专题会两次会议。",  # meetings, not items
        "选派张三、李四、王五三名同志参加培训。",  # people
        "组织开展理论学习、专题研讨、调研走访等三个方面活动。",
        "加强和改进三项工作。",  # two verbs joined by 和, not two items
        "坚持和完善三项制度，深化改革、抓好三项工作。",  # the count is the object of 抓好
        "他在政治、思想方面都有三个方面的进步。",
        # 内蒙古组织工作综述: two things joined by 和 with verbs before each
        "聚焦完成“五大任务”和全方位建设“模范自治区”两件大事,着力推动全市组织工作高质量发展。",
        # 习近平在庆祝改革开放40周年大会上的讲话
        "深刻总结我国社会主义建设正反两方面经验，借鉴世界社会主义历史经验。",
        # 海拉尔区政府工作报告 (2017)
        "严格落实中央八项规定、自治区党委28条配套规定和呼伦贝尔市委十项要求。",
    ],
)
def test_counts_that_are_not_about_a_list_before_them(text):
    assert found(text) == []


# --- items in brackets and after a colon ------------------------------------------------------


def test_items_in_brackets_after_the_count():
    # 绍兴一中班子述职报告 (2025)
    right = "尤其对七大重点事项（预算、收支、采购、资产管理、建设、合同、安全）的内控管理。"
    assert found(right) == []
    assert found(right.replace("安全）", "安全、后勤）")) == [
        ("E201", 1, 4, 8, "前文称“七大重点”，实际列出八项：预算……后勤（第1行第11列起）"),
    ]


def test_five_big_things_then_inline_items():
    assert found("抓好五件大事：一是抓党建，二是抓发展，三是抓民生，四是抓稳定。") == [
        ("E201", 1, 3, 7, "前文称“五件大事”，实际列出四项：一是……四是（第1行第8列至第1行第26列）"),
    ]
    assert found("抓好四件大事：一是抓党建，二是抓发展，三是抓民生，四是抓稳定。") == []


def test_semicolon_items_and_numbered_items_on_the_same_line():
    assert [f[4][:16] for f in found("重点做好三项工作：加强政治建设；加强思想建设；加强组织建设；加强作风建设。")] == [
        "前文称“三项工作”，实际列出四项"
    ]
    assert [
        f[4][:16]
        for f in found("重点做好以下三项工作：1、加强政治建设；2、加强思想建设；3、加强组织建设；4、加强作风建设。")
    ] == ["前文称“三项工作”，实际列出四项"]
    assert found("重点做好四项工作：加强政治建设；加强思想建设；加强组织建设；加强作风建设。") == []


def test_a_pair_after_a_colon():
    # 绍兴一中创建省现代化学校工作汇报 (2020)
    right = "环境文化的建设体现在两个层面：外显的物质环境和内隐的精神环境。"
    assert found(right) == []
    assert [f[4] for f in found(right.replace("两个层面", "三个层面"))] == [
        "前文称“三个层面”，实际列出两项：外显的物质环境……内隐的精神环境（第1行第16列起）"
    ]


# --- items on the next lines --------------------------------------------------------------------

_ITEMS = ("加强政治建设。", "加强思想建设。", "加强组织建设。")


@pytest.mark.parametrize(
    "markers",
    [
        ("1、", "2、", "3、"),
        ("（1）", "（2）", "（3）"),
        ("①", "②", "③"),
        ("第一，", "第二，", "第三，"),
        ("一是", "二是", "三是"),
    ],
)
def test_a_count_announcing_the_items_of_the_next_lines(markers):
    body = "".join(f"{m}{item}\n" for m, item in zip(markers, _ITEMS, strict=True))
    assert found("重点做好以下三项工作：\n" + body) == []
    (f,) = found("重点做好以下四项工作：\n" + body)
    assert f[:4] == ("E201", 1, 7, 11)
    first, last = markers[0].rstrip("，"), markers[2].rstrip("，")
    assert f[4] == f"前文称“四项工作”，实际列出三项：{first}……{last}（第2行第1列至第4行第1列）"


def test_items_with_paragraphs_of_detail_between_them():
    text = (
        "我讲三点意见。\n一是提高政治站位。\n要深刻认识组织工作的重要性。\n二是突出工作重点。\n"
        "要聚焦主责主业。\n要抓住关键环节。\n三是强化责任落实。\n要层层压实责任。\n"
    )
    assert found(text) == []
    assert [f[4][:16] for f in found(text.replace("三点意见", "四点意见"))] == ["前文称“四点意见”，实际列出三项"]
    # 二是 written inside a paragraph of detail: the number of items cannot be told
    inside = "我讲三点意见。\n一是提高政治站位。要深刻认识重要性，二是突出重点。\n三是强化责任落实。\n"
    assert found(inside) == []


def test_a_count_closing_its_paragraph_then_numbered_headings():
    # 重庆市政府工作报告 (2026), abridged: 一年来，主要抓了九个方面工作。（一）……
    text = "一年来，主要抓了三个方面工作。\n（一）着力推动政策落地。面对挑战，全面落实。\n（二）着力推动科技创新。组建研究院。\n"
    assert [f[4] for f in found(text)] == ["前文称“三个方面”，实际列出两项：（一）……（二）（第2行第1列至第3行第1列）"]
    assert found(text.replace("三个方面", "两个方面")) == []
    # The next part of the text is not the list of the count
    assert found("主要抓了三个方面工作。\n二、2024年工作安排\n（一）稳增长。\n（二）促改革。\n") == []


def test_dashed_items():
    # 黑龙江省政府工作报告 (2026), abridged
    text = (
        "重点把握好四个方面。\n——坚定信心、用好优势。以习近平同志为核心。\n——深刻领悟规律性认识。充分挖掘潜能。\n"
        "——把握政策取向。抢抓机遇。\n——树立和践行正确政绩观。坚持实干。\n具体抓好八个方面工作。\n"
    )
    assert found(text) == []
    assert [f[4] for f in found(text.replace("四个方面", "三个方面"))] == [
        "前文称“三个方面”，实际列出四项：坚定信心……树立和践行正确政绩观（第2行第1列至第5行第1列）"
    ]
    # —— items with paragraphs between them (海拉尔区政府工作报告 2016): not one run
    gapped = "重点把握好三个方面。\n——坚定信心。\n——领悟规律。\n详细内容。\n——把握政策。\n——践行政绩观。\n"
    assert found(gapped) == []


def test_paragraphs_ending_in_semicolons_after_a_colon():
    text = (
        "要着重把握以下四点：\n加强理论学习，提高政治站位；\n强化责任担当，狠抓工作落实；\n"
        "改进工作作风，密切联系群众；\n严守纪律规矩，永葆清正廉洁。\n"
    )
    assert found(text) == []
    assert [f[4] for f in found(text.replace("四点", "三点"))] == [
        "前文称“三点”，实际列出四项：加强理论学习……严守纪律规矩（第2行第1列至第5行第1列）"
    ]


def test_a_heading_that_states_the_count_of_its_items():
    # 绍兴一中2019学年工作要点 (abridged)
    text = (
        "三、着力破难，落地五项重点工作。\n11.课程设置。针对课程单一。\n12.竞赛辅导。完善办法。\n"
        "13.课堂质量。完善机制。\n14.精准管理。建设平台。\n15.自修提质。加强管理。\n四、着实根本，补强学校短板。\n"
    )
    assert found(text) == []
    wrong = text.replace("15.自修提质。加强管理。\n", "")
    assert [f[4] for f in found(wrong)] == ["前文称“五项重点”，实际列出四项：11.……14.（第2行第1列至第5行第1列）"]


# --- any counted noun when a list stands right before it ---------------------------------------


def test_a_counted_noun_outside_the_count_nouns_with_a_list_before_it():
    # 海拉尔区政府工作报告 (2018): 结构 and 功能 are not count nouns, the lists count anyway
    right = "统筹空间、规模、产业三大结构，抓好规划、建设、管理三大环节，完善生产、生活、生态三大功能。"
    assert found(right) == []
    wrong = right.replace("生态三大功能", "生态、文化三大功能")
    assert [f[4] for f in found(wrong)] == ["前文称“三大功能”，实际列出四项：生产……文化（第1行第33列起）"]
    assert [f[4][:16] for f in found(right.replace("产业三大结构", "产业两大结构"))] == [
        "前文称“两大结构”，实际列出三项"
    ]


@pytest.mark.parametrize(
    "text",
    [
        # 浙江省政府工作报告 (2026): a ranking named by its number
        "余姚井头山、温州朔门古港、仙居下汤遗址先后入选全国年度十大考古新发现。",
        # 海南省政府工作报告 (2026): the count is an item of the list
        "办好亚洲沙滩运动会、海南岛国际电影节、乒乓球亚洲杯、武术套路世界杯、省运会、省民族运动会、欢乐节、“三月三”及十大赛事、十大演艺等大型活动。",
        # 重庆市政府工作报告 (2026)
        "办好中国杯世界花样滑冰大奖赛、全国青少年三大球运动会等赛事活动。",
        # 新华社 (2018): 违反中央八项规定精神 — the count is named after its owner
        "着力发现违反政治纪律和政治规矩、违反中央八项规定精神、违规选人用人和腐败问题。",
        # 绍兴一中党建新闻: 一条主线、四个阶段和三个里程碑
        "她从党史中梳理了一条主线、四个阶段和三个里程碑，重点突出地展示了党带领人民群众的壮举。",
        # 绍兴一中党建新闻: quotations joined by 和
        "他从“是什么”“为什么”和“怎么做”三个方面介绍了我校成立“北斗科技班”的教育初衷与探索路径。",
        "并对党委班子一年来在“思想政治”“精神状态”和“工作作风”三个方面作了对照检查。",
        # 绍兴一中述职 (2020): the items are separated by commas, not joined by 和
        "下面我就近一年的学校情况，如何看待现在的孩子和学校2020学年后续的工作三个方面作一简要汇报。",
        # 新疆维吾尔自治区政府工作报告 (2026): 和 inside the last item of a list ending in 等
        "扎实开展劳动者就业关爱帮扶、暖心护老、生育养育安心、中小学生关爱、残疾人关爱、安居惠民、安心消费、"
        "医疗卫生惠民、科技文化体育惠民、农村供水工程维修养护和路网优化等十件民生实事。",
        # 安徽省政府工作报告 (2026)
        "大力发展智能网联新能源汽车、新一代信息技术、人工智能、高端装备制造、新能源及绿色低碳、新材料、"
        "低空经济和商业航天、机器人、智能家居、生物医药和高端医疗器械等十大新兴产业。",
        # 绍兴一中党建新闻: a list before the count, then 首先……最后 about some of its items
        "陈雪萍老师从全体性、全面性、前瞻性、鼓舞性、协力性五个方面对班主任对象意识的形成提出了建议。"
        "首先，家长会应当是家长有效了解学生的渠道。其次，要尊重学生。最后，要形成合力。",
        # 首先、其次 without 最后: the list may go on in other words
        "为达此目的父母要做三件事。首先，父母应该向子女解释节目背后的经济动机。其次，父母应该限制看电视的时间。",
        "10月9日，红一、红四方面军在甘肃会宁会师。",
    ],
)
def test_published_sentences_whose_counts_are_not_the_total_of_a_list(text):
    assert found(text) == []


def test_quotations_joined_by_he_count_as_items():
    text = "他从“是什么”“为什么”和“怎么做”两个方面介绍了我校成立“北斗科技班”的教育初衷。"
    assert [f[4] for f in found(text)] == ["前文称“两个方面”，实际列出三项：“是什么”……“怎么做”（第1行第3列起）"]


def test_a_list_and_its_count_inside_one_quotation():
    # 湖北省政府工作报告 (2026) has “政府服务环境、产业生态环境、社会生活环境、法治保障环境”四个方面
    text = "坚持从“政府服务环境、产业生态环境、社会生活环境、法治保障三个环境”着重用力，持续优化营商环境。"
    assert [f[4][:16] for f in found(text)] == ["前文称“三个环境”，实际列出四项"]
    assert found("坚持从“政府服务环境、产业生态环境、社会生活环境、法治保障四个环境”着重用力。") == []
    # a named count inside a quotation stays silent
    assert found("深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”。") == []


def test_a_count_inside_a_longer_list_after_its_items():
    # 天津市政府工作报告 (2026): 推动海工装备、航运金融、临港产业、海洋旅游等市场拓展
    text = "推动海工装备、航运金融、临港两大产业、海洋旅游等市场拓展、聚链延链。"
    assert [f[4][:16] for f in found(text)] == ["前文称“两大产业”，实际列出三项"]


def test_a_classifier_zhi_for_teams():
    # 江苏省政府工作报告 (2026)
    right = "建强用好产业、科技、服务业三支招商队伍，加强项目全周期服务保障。"
    assert found(right) == []
    assert [f[4][:18] for f in found(right.replace("三支", "四支"))] == ["前文称“四支招商队伍”，实际列出三项"]


@pytest.mark.parametrize(
    "text",
    [
        # 海拉尔区政府工作报告 (2012): the count names the pair that ends the list
        "全力推进东、西外环路、机场快速路、哈萨尔大街和西头道街两条西出口路等市区两级重点道路工程的建设。",
        # 广东省政府工作报告 (2026)
        "提高低保、特困人员、孤儿基本生活与残疾人两项补贴和重点群体救助保障水平。",
        # 四川省政府工作报告 (2026): 铁人三项 is the name of a sport
        "办好国际乒联混合团体世界杯、铁人三项世界杯、成都网球公开赛、第十五届省运会等重大赛事。",
    ],
)
def test_more_published_counts_that_are_not_the_total_of_the_list(text):
    assert found(text) == []


def test_items_after_ji_or_fenbie_shi():
    # 习近平党建思想形成的历史脉络 (2018) on the 好干部 standard; 习近平在浙江 (采访实录) on 三个具体要求
    right = "好干部要做到五个标准，即“信念坚定、为民服务、勤政务实、敢于担当、清正廉洁”。"
    assert found(right) == []
    assert [f[4] for f in found(right.replace("五个标准", "四个标准"))] == [
        "前文称“四个标准”，实际列出五项：信念坚定……清正廉洁（第1行第14列起）"
    ]
    right = "提出了三个具体要求，分别是落实科学发展、构建和谐社会、推进党的先进性建设走在全国前列。"
    assert found(right) == []  # 和 in 和谐 joins nothing
    assert [f[4][:18] for f in found(right.replace("三个", "两个"))] == ["前文称“两个具体要求”，实际列出三项"]
    # 就是 introducing an explanation, 分别是 introducing values: no list
    assert found("红军长征取得了四个胜利，就是在遵义举行了扩大的政治局会议。") == []
    assert found("两个指标分别是全市第二，还没有实现真正第一。") == []


def test_any_counted_noun_after_a_colon_ending_its_paragraph():
    # 光山县政府网 (2020): 文殊乡四个“不放松”扎实推进当前重点工作, then 一是……四是 (here after a colon)
    text = (
        "文殊乡扎实推进四个“不放松”：\n一是农村环境整治工作不放松。保洁工作常态化。\n二是安全生产检查工作不放松。\n"
        "三是“三险”征缴工作不放松。\n四是重点工程项目建设不放松。\n"
    )
    assert found(text) == []
    assert [f[4][:19] for f in found(text.replace("四个", "三个"))] == ["前文称“三个“不放松””，实际列出四项"]
    # without the colon a counted noun outside numbers.toml announces nothing
    assert found(text.replace("四个“不放松”：", "四个“不放松”。").replace("四个", "三个")) == []


def test_quotations_before_deng_hold_at_least_their_items():
    # 绍兴一中党史学习教育新闻
    right = "从“工作职责”“做好带头示范”“用好学习平台”“践行学用结合”等五个方面对我校党史学习教育的推进情况作了介绍。"
    assert found(right) == []
    assert [f[4][:16] for f in found(right.replace("五个方面", "三个方面"))] == ["前文称“三个方面”，实际列出四项"]


def test_first_item_read_from_a_short_line_taken_for_a_heading_does_not_crash():
    # “第一，学习（一）调研” is short enough for the layout to read it as an unnumbered heading;
    # its 第一 was read from a copy of the block, and finding the item's end raised
    # StopIteration inside the rule, which stopped the whole check with a traceback.
    from orgwrite import check

    found = [(f.rule, f.line, f.column, f.message) for f in check("讲以下五点：\n第一，学习（一）调研\n")]
    assert found == [("E201", 1, 4, "前文称“五点”，实际列出一项：第一……第一（第2行第1列至第2行第1列）")]


@pytest.mark.parametrize("count", ["10点", "11点"])
def test_a_count_written_only_with_ones_and_noughts_is_checked(count):
    # A paragraph was passed over unless it held a digit 2–9 or a numeral 两…十, so a count of
    # 10 or 11 whose items follow on their own lines was never compared with them.
    text = f"重点做好以下{count}：\n一是加强学习；\n二是改进作风。\n"
    found = [(f.rule, f.line, f.column, f.message) for f in check(text)]
    assert found == [("E201", 1, 7, f"前文称“{count}”，实际列出两项：一是……二是（第2行第1列至第3行第1列）")]
