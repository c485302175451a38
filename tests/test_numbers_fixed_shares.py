"""N105 fixed expressions (GB/T 15835 §4.3) and N101 shares over 100%, on real sentences.

The right sentences are published ones (新华社 党内统计公报 2017/2018, 荆州中学党支部 2019,
政府工作报告); the wrong ones are the same sentences with the error a reviewer corrects.
"""

from __future__ import annotations

import re

import pytest

from orgwrite import check
from orgwrite.config import Config
from orgwrite.numerals import number_data
from orgwrite.rules.numbers.fixed_expressions import fixed_cn_res


def found(text: str, select: str = "N") -> list[tuple]:
    return [(f.rule, f.column, f.end_column, f.message, f.replacement) for f in check(text, Config(select=(select,)))]


# --- N105: fixed expressions with Arabic numerals -------------------------------------------


def test_fixed_patterns_led_by_a_digit_match_as_written() -> None:
    """fixed_cn_res() writes a leading (\\d+) as (\\d\\d*): the same matches and groups as the
    patterns as written, for every kind of digit."""
    texts = [
        "党的20大精神，19届4中全会，3会1课，2学1做，4个意识，14五规划，两个维护，“7风”",
        "共1234个意识，x3严3实，١٢个自信，\U0001d7d1\U0001d7d0大以来，３个一百年，23中全会",
    ]
    for compiled, source in zip(fixed_cn_res(), number_data()["fixed_cn"], strict=True):
        plain = re.compile(source)
        for text in texts:
            fast = [(m.span(), m.groups()) for m in compiled[0].finditer(text)]
            assert fast == [(m.span(), m.groups()) for m in plain.finditer(text)], source
    assert sum(p.pattern != s for (p, _), s in zip(fixed_cn_res(), number_data()["fixed_cn"], strict=True)) >= 3


@pytest.mark.parametrize(
    ("text", "written", "fixed"),
    [
        ("荆州中学高二党支部召开了19届4中全会精神学习研讨会。", "19届4中全会", "十九届四中全会"),
        ("深入学习贯彻党的二十届3中全会精神。", "3中全会", "三中全会"),
        ("中国共产党第19届中央委员会第四次全体会议胜利举行。", "第19届", "第十九届"),
        ("党的第20次全国代表大会是在关键时刻召开的一次十分重要的大会。", "第20次全国代表大会", "第二十次全国代表大会"),
        ("认真学习贯彻省第18次党代会精神。", "第18次党代会", "第十八次党代会"),
        ("十一届全国人大1次会议审议通过了政府工作报告。", "1次会议", "一次会议"),
        ("认真学习习近平总书记“7·1”重要讲话精神。", "7·1", "七一"),
        ("在7·1前夕走访慰问老党员、生活困难党员。", "7·1", "七一"),
        ("纪念“12·9”运动。", "12·9", "一二·九"),
        ("深入学习贯彻19大精神。", "19大", "十九大"),
        ("中国共产党第十九届中央委员会第4次全体会议。", "第4次全体会议", "第四次全体会议"),
        ("十四届全国人大2次会议在北京召开。", "2次会议", "二次会议"),
        ("严格落实3会1课制度。", "3会1课", "三会一课"),
        ("全面贯彻落实市3届二次全委（扩大）会议精神。", "3届", "三届"),
        ("扎实开展2学1做学习教育。", "2学1做", "两学一做"),
        ("增强“四个意识”、做到2个维护。", "2个维护", "两个维护"),
        ("统筹推进5位1体总体布局。", "5位1体", "五位一体"),
    ],
)
def test_fixed_expression_with_arabic_numerals(text, written, fixed):
    start = text.index(written) + 1
    assert found(text) == [
        ("N105", start, start + len(written), f"固定提法中的数字应用汉字：“{written}”应为“{fixed}”", fixed)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "党的十九届四中全会于2019年10月28日至31日在北京召开。",
        "中国共产党第十九届中央委员会第四次全体会议胜利举行。",
        "全市第3季度地区生产总值同比增长5.2%。",  # statistics: Arabic ordinals are correct
        "在全省党建工作考核中位列第1名。",  # rankings
        "第19届亚运会在杭州举行。",  # not a Party or state body
        "2019届毕业生中有党员320名。",
        "消费者权益日“3·15”当天开展宣传。",  # not a fixed Chinese-numeral name
        "全年经济增长7.1%左右。",
        "市委常委会第15次会议研究了有关事项。",
        "全市3大攻坚战取得决定性成效。",
        "第2次全国污染源普查顺利完成。",
    ],
)
def test_arabic_numerals_that_are_correct(text):
    assert [f for f in found(text) if "固定提法" in f[3]] == []


# --- N101: rates and shares over 100% ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown", "figure"),
    [
        ("全国机关、事业单位党组织覆盖率为99.7%和105.2%。", "覆盖率为99.7%和105.2%", "105.2%"),
        ("全市常住人口城镇化率达到102.3％。", "城镇化率达到102.3％", "102.3％"),
        ("全省党员教育平台上线率达到101%。", "上线率达到101%", "101%"),
        ("35岁及以下的161.3万名，占181.4%。", "占181.4%", "181.4%"),
        ("女党员2167.2万名，占党员总数的124.7%。", "占党员总数的124.7%", "124.7%"),
        ("基层党组织按期换届比例达到100.5%。", "比例达到100.5%", "100.5%"),
        ("群众满意度分别达到98%、103%。", "满意度分别达到98%、103%", "103%"),
        ("党组织覆盖率由85%提高到105%。", "覆盖率由85%提高到105%", "105%"),
        ("全市基层党组织覆盖率提升至105%。", "覆盖率提升至105%", "105%"),
        ("第三产业增加值占比112.3%。", "占比112.3%", "112.3%"),
        ("村级党组织书记中致富带头人合格率为147.2%。", "合格率为147.2%", "147.2%"),
    ],
)
def test_share_over_100(text, shown, figure):
    start = text.index(figure) + 1
    assert found(text, "N101") == [
        ("N101", start, start + len(figure), f"“{shown}”是比例，不应超过100%，请核对数据", None)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "全国机关、事业单位党组织覆盖率为99.7%和95.2%，国有企业党组织覆盖率为92.8%。",
        "全年网上办件量同比增长150%，完成年度目标任务的117%。",
        "高新技术产业增加值提高120%。",
        "党员参学率同比提高120%。",
        "全年任务完成率达到105%。",
        "小学毛入学率103.2%，初中毛入学率101.5%。",
        "银行业拨备覆盖率为205%，资本充足率保持稳定。",
        "国有资本保值增值率达到105.6%。",
        "全市粮食自给率达到120%。",
        "各地率先实现120%的增长目标。",
        "利用外资增长120%，是上年的220%。",
        "占全年任务的110%。",
        "政务服务事项网上可办率达到100%。",
    ],
)
def test_share_silent_on_growth_and_rates_that_may_exceed_100(text):
    assert found(text, "N101") == []


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # 2026 政府工作报告 sentences with the share's figure changed
        ("服务业增加值占地区生产总值比重达103%。", "103%"),
        ("省属高校服务新兴产业专业点占比提高到120%。", "120%"),
        ("农业科技进步贡献率100.5%。", "100.5%"),
        ("全省优良天数比率超过100.5%。", "100.5%"),
        ("“一网通办”首办成功率超过103%。", "103%"),
    ],
)
def test_share_over_100_where_a_longer_name_decides(text, figure):
    assert [(f[0], f[1]) for f in found(text, "N101")] == [("N101", text.index(figure) + 1)]


@pytest.mark.parametrize(
    "text",
    [
        "新建项目占地面积120%。",
        "学前教育毛入园率、高等教育毛入学率分别达到103.2%、64.3%。",
        "消费对经济增长的贡献率达到105%。",
    ],
)
def test_share_silent_where_the_name_is_no_share(text):
    assert found(text, "N101") == []


def test_rate_that_may_exceed_100_but_not_its_most():
    # 2026 湖北政府工作报告: 高等教育毛入学率提高到73.4%; the leading digit mistyped
    text = "高等教育毛入学率提高到173.4％，小学毛入学率103.2%。"
    assert found(text, "N101") == [
        ("N101", 12, 18, "“毛入学率提高到173.4％”是比例，超过130%不合常理，请核对数据", None)
    ]
