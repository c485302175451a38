"""Number rules (family N): exact rule, span, message and replacement on real-looking text."""

from __future__ import annotations

import pytest

from orgwrite import check
from orgwrite.config import Config
from orgwrite.numerals import cn_to_int, inside, protected_spans

N = Config(select=("N",))


def found(text: str) -> list[tuple]:
    return [(f.rule, f.line, f.column, f.end_column, f.message, f.replacement) for f in check(text, N)]


def test_cn_to_int():
    assert [cn_to_int(x) for x in ("三", "十", "十二", "二十三", "一百零五", "三千", "三万", "二〇二三", "两")] == [
        3,
        10,
        12,
        23,
        105,
        3000,
        30000,
        2023,
        2,
    ]
    assert cn_to_int("") is None and cn_to_int("三a") is None


def test_protected_spans():
    text = "根据《2019-2020年工作方案》和〔2023〕5号文件，第十二条，电话0571-87654321，“3-5万”。"
    spans = protected_spans(text)
    assert inside(spans, text.index("2019"))
    assert inside(spans, text.index("〔"))
    assert inside(spans, text.index("0571"))
    assert inside(spans, text.index("3-5"))
    assert not inside(spans, text.index("文件"))


# --- N101 -------------------------------------------------------------------------------------


def test_share_over_100():
    assert found("全市党员参学率达到103.5%，群众满意度持续提升。") == [
        ("N101", 1, 10, 16, "“参学率达到103.5%”是比例，不应超过100%，请核对数据", None)
    ]


@pytest.mark.parametrize(
    "text", ["完成年度目标任务的117%。", "同比增长120%。", "党员参学率达到100%。", "覆盖率98.6%。"]
)
def test_share_silent(text):
    assert found(text) == []


# --- N102 -------------------------------------------------------------------------------------


def test_double_approximations():
    text = "全年共培训基层党员约3万余人次，选派第一书记将近400余名，共组织专题培训1000余多人。"
    assert found(text) == [
        ("N102", 1, 10, 14, "“约3万余”概数重复：“约”与“余”重复，应写“3万余”或去掉“余”", "3万余"),
        (
            "N102",
            1,
            23,
            29,
            "“将近400余”概数重复：“将近”表示不到，“余”表示超过，自相矛盾，应写“400余”或去掉“余”",
            "400余",
        ),
        ("N102", 1, 38, 44, "“1000余多”中“余”与“多”重复，只用其一", "1000余"),
    ]


def test_about_with_zuoyou_after_the_unit():
    (f,) = found("参会人员约300人左右。")
    assert f[:4] == ("N102", 1, 5, 12) and f[5] == "300人左右"


@pytest.mark.parametrize(
    "text",
    [
        "全年培训3万余人次，选派第一书记近400名，约300人列席。",
        "近3年多次获评先进基层党组织。",  # 多次 is “many times”
        "最近3年以上的干部。",  # 最近 is not 近
        "全年节约3万余元。",  # 节约 is not 约
        "多余的环节一律取消。",
        "“约3万余人”是错误写法。",  # quoted
    ],
)
def test_approximation_silent(text):
    assert found(text) == []


# --- N103 -------------------------------------------------------------------------------------


def test_dates():
    text = "会议定于2023年2月30日召开，请于2023年10月11日（星期四）前报送。2023年05月08日，召开会议。2023年13月。"
    assert found(text) == [
        ("N103", 1, 5, 15, "日期“2023年2月30日”不存在：2023年2月没有30日", None),
        (
            "N103",
            1,
            20,
            36,
            "“2023年10月11日（星期四）”星期不符：2023年10月11日是星期三，请核对日期或星期",
            "2023年10月11日（星期三）",
        ),
        ("N103", 1, 40, 51, "“2023年05月08日”月、日不加前导零，应写“2023年5月8日”", "2023年5月8日"),
        ("N103", 1, 57, 65, "“2023年13月”中的月份13不存在，请核对", None),
    ]


def test_leap_day_and_right_weekday_are_fine():
    assert found("2024年2月29日（星期四）召开会议，2023年10月11日（周三）报送。") == []


def test_leading_zero_fix_is_safe():
    (f,) = check("2023年05月08日，召开会议。", N)
    assert f.fix_safety.value == "safe"


# --- N104 -------------------------------------------------------------------------------------


def test_value_ranges():
    text = "每个村每年安排3-5万元党建工作经费，比例应达到15～30%，每期培训3-5天，覆盖10%-20%的党员。"
    assert found(text) == [
        ("N104", 1, 8, 13, "“3-5万元”：数值范围不用“-”，应用“～”；前一个数也要带“万”，应写“3万～5万元”", "3万～5万元"),
        ("N104", 1, 25, 31, "“15～30%”：前一个数也要带“%”，应写“15%～30%”", "15%～30%"),
        ("N104", 1, 36, 40, "“3-5天”：数值范围不用“-”，应用“～”，应写“3～5天”", "3～5天"),
        ("N104", 1, 43, 50, "“10%-20%”：数值范围不用“-”，应用“～”，应写“10%～20%”", "10%～20%"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "研究制定2018-2022年全省干部教育培训规划。",  # P108's
        "1-6月完成任务。",  # P108's
        "安排3万～5万元经费，培训3～5天，比例为15%～30%。",
        "电话0571-87654321。",
        "2023-10-11发布。",
        "1949—2019年。",
        "根据《2019-2020年3-5万元补助办法》执行。",
        "5000万-1亿元。",
    ],
)
def test_range_silent(text):
    assert found(text) == []


# --- N105 -------------------------------------------------------------------------------------


def test_adjacent_numbers_as_approximation():
    assert found("整改工作用了三、四个月时间。") == [
        ("N105", 1, 7, 12, "相邻两个数字连用表示概数，中间不用顿号：“三、四个月”应为“三四个月”", "三四个月")
    ]
    assert found("整改工作用了3、4个月时间。") == [
        ("N105", 1, 7, 12, "相邻两个数字连用表示概数，中间不用顿号，概数用汉字：“3、4个月”应为“三四个月”", "三四个月")
    ]
    assert found("每个支部每年开展3、4次主题党日活动。") == [
        ("N105", 1, 9, 13, "相邻两个数字连用表示概数，中间不用顿号，概数用汉字：“3、4次”应为“三四次”", "三四次")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "整改工作用了三四个月时间。",
        "获得一、二等奖的支部。",
        "1、2月份完成换届。",
        "完成三、四季度任务。",
        "进入第三、四个阶段。",
        "分为二、三、四个层次。",
        "标题\n\n三、四个方面的问题\n",
        "三、四年级学生。",
        "引进二、三级子公司。",
        "获得二、三名。",
        "他说“三、四个月”就能完成。",
        "用了三、五个月。",
    ],
)
def test_adjacent_numbers_silent(text):
    assert found(text) == []


def test_numeral_forms():
    text = "深入学习贯彻党的20大精神，全年培训党员3千人次，二零二三年十月，共有２０２３名党员参加，十九届4中全会，20几个村。"
    assert found(text) == [
        ("N105", 1, 7, 12, "固定提法中的数字应用汉字：“党的20大”应为“党的二十大”", "党的二十大"),
        ("N105", 1, 21, 23, "阿拉伯数字不与“千”连用：“3千”应为“3000”", "3000"),
        ("N105", 1, 26, 31, "汉字年份中的零应写“〇”：“二零二三年”应为“二〇二三年”", "二〇二三年"),
        ("N105", 1, 36, 40, "“２０２３”是全角数字，应写半角“2023”", "2023"),
        ("N105", 1, 49, 53, "固定提法中的数字应用汉字：“4中全会”应为“四中全会”", "四中全会"),
        ("N105", 1, 54, 57, "含“几”的概数用汉字：“20几”应为“二十几”", "二十几"),
    ]


@pytest.mark.parametrize(
    "text",
    ["党的二十大、二十届三中全会、“十四五”规划。", "新建3千米道路，装机5千瓦。", "二〇二三年十月。", "培训3000人。"],
)
def test_numeral_form_silent(text):
    assert found(text) == []


# --- N106–N109 ---------------------------------------------------------------------------------


def test_negative_growth():
    assert found("全区规模以上工业增加值增长-3.2%。") == [
        ("N106", 1, 12, 19, "“增长-3.2%”即下降3.2%，应直接写“下降3.2%”", "下降3.2%")
    ]


def test_short_year():
    assert found("18年3月，全市召开组织工作会议。") == [
        ("N107", 1, 1, 4, "年份不能简写：“18年”应写全，如“2018年”", "2018年")
    ]
    assert found("工作了18年，2018年3月调任。") == []


def test_percentage_points():
    assert found("党员参学率从85%提高到95%，提高了10%。") == [
        ("N108", 1, 20, 23, "从85%到95%相差的是10个百分点，不是10%", "10个百分点")
    ]
    assert found("党员参学率从85%提高到95%，提高了10个百分点。") == []


@pytest.mark.parametrize(
    "text, col",
    [("由85%提高到90%，提高了5%。", 15), ("从85%提升至90%，增长5%。", 14), ("换届率由85%提升至90%，增长5%。", 17)],
)
def test_percentage_points_with_you_and_zhi(text, col):
    assert found(text) == [("N108", 1, col, col + 2, "从85%到90%相差的是5个百分点，不是5%", "5个百分点")]


@pytest.mark.parametrize(
    "text",
    ["由85%提高到90%，提高了5个百分点。", "由85%提高到90%，增长5.9%。", "理由是参学率达到85%，提高到90%，提高5%。"],
)
def test_percentage_points_silent(text):
    assert found(text) == []


def test_parts_exceed_total():
    assert found("全年共培训党员干部3000人次，其中线上培训2000人次，线下培训1500人次。") == [
        ("N109", 1, 23, 40, "总数为“3000人次”，其中各项（2000人次、1500人次）之和为3500人次，超过总数，请核对", None)
    ]
    assert found("今年共发展党员300名，其中农村党员350名。") == [
        ("N109", 1, 19, 23, "总数为“300名”，其中一项“350名”反而更多，请核对", None)
    ]
    assert found("今年共发展党员300名，其中女性党员120名，35岁以下党员200名。") == []
    assert found("共投入资金1.2亿元，其中省级资金8000万元、市级资金3000万元。") == []
    assert found("共投入资金1.2亿元，其中省级资金9000万元、市级资金5000万元。")[0][0] == "N109"


def test_single_overlapping_part_over_total():
    # 35岁以下 and 女性 overlap, so their sum is not checked; a single part over the total is wrong.
    assert found("今年共发展党员300名，其中35岁以下党员350名。") == [
        ("N109", 1, 22, 26, "总数为“300名”，其中一项“350名”反而更多，请核对", None)
    ]
    assert found("今年共发展党员300名，其中女性党员120名，35岁以下党员350名。") == [
        ("N109", 1, 31, 35, "总数为“300名”，其中一项“350名”反而更多，请核对", None)
    ]
    assert found("共发展党员300名，其中女性党员120名，35岁以下党员200名。") == []
    assert found("共发展党员300名，其中女性党员200名，35岁以下党员250名。") == []


def test_text_without_numbers_is_silent():
    assert found("坚持以习近平新时代中国特色社会主义思想为指导，全面加强党的建设。" * 50) == []


def test_same_figure_with_two_values():
    text = (
        "全省共选派驻村第一书记1.2万人，实现全覆盖。\n"
        "在抓党建促乡村振兴中，全省共选派驻村第一书记12300人。\n"
        "全省共选派驻村第一书记1.2万人。\n"
    )
    assert found(text) == [
        ("N110", 2, 23, 29, "“全省共选派驻村第一书记”此处为“12300人”，第1行为“1.2万人”，前后不一致，请核对", None)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "全省共选派驻村第一书记3万余人。\n全省共选派驻村第一书记32000人。",  # within 3万余
        "全省共选派驻村第一书记近3万人。\n全省共选派驻村第一书记29000人。",
        "今年全省选派驻村第一书记3000人。\n今年全省选派驻村第一书记3500人。",  # time words: maybe two moments
        "全省党员总数达到300万人。\n全省新增党员总数达到30万人。",  # different subjects
    ],
)
def test_same_figure_silent(text):
    assert [f for f in found(text) if f[0] == "N110"] == []


def test_mixed_numerals_in_one_date():
    assert found("二〇二三年10月11日，召开会议。") == [
        (
            "N105",
            1,
            1,
            12,
            "“二〇二三年10月11日”中汉字数字与阿拉伯数字混用，同一日期应统一，公文中一般写阿拉伯数字",
            None,
        )
    ]
    assert found("二〇二三年十月十一日，2023年10月11日。") == []


def test_double_approximation_with_counted_units():
    """人次, 期 and similar counting units are units too: 约……人次左右 doubles the approximation."""
    from orgwrite import check

    found = [f for f in check("全年培训干部约3000人次左右，举办培训班超过120期以上。") if f.rule == "N102"]
    assert [(f.column, f.end_column) for f in found] == [(7, 16), (22, 30)]
    assert not [f for f in check("全年培训干部约3000人次，举办培训班120期以上。") if f.rule == "N102"]


# --- N111 -------------------------------------------------------------------------------------


def test_decrease_in_times():
    assert found("通过精简会议文件，全年发文数量下降了一倍。") == [
        ("N111", 1, 16, 21, "“下降了一倍”：倍数只用于增加，减少应用分数或百分数表示，如“下降了一半”", "下降了一半")
    ]
    assert found("会议数量减少一倍以上。") == [
        ("N111", 1, 5, 9, "“减少一倍”：倍数只用于增加，减少应用分数或百分数表示，如“减少一半”", "减少一半")
    ]
    assert found("办文成本降低了3倍。") == [
        ("N111", 1, 5, 10, "“降低了3倍”：倍数只用于增加，减少应用分数或百分数表示", None)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "办文效率提高了一倍。",
        "发文数量减少了一半。",
        "下降倍数较大。",
        "会议数量下降50%，成倍减少。",
        "他说“下降了一倍”不对。",
    ],
)
def test_decrease_in_times_silent(text):
    assert found(text) == []
