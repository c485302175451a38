"""N109 breakdowns after 其中, on real sentences (中央组织部 党内统计公报 2014 and 2017 as
reported by 新华社; the wrong ones change one figure the way a typing slip does)."""

from __future__ import annotations

import pytest

from orgwrite import check
from orgwrite.config import Config


def found(text: str) -> list[tuple]:
    return [(f.rule, f.column, f.end_column, f.message) for f in check(text, Config(select=("N109",)))]


def test_disjoint_party_member_kinds_are_summed():
    text = "全市有党员3000名，其中农村党员1800名、机关党员700名、“两新”组织党员600名。"
    start = text.index("1800") + 1
    assert found(text) == [
        (
            "N109",
            start,
            text.index("600名") + 5,
            "总数为“3000名”，其中各项（1800名、700名、600名）之和为3100名，超过总数，请核对",
        )
    ]
    assert found(text.replace("600名", "500名")) == []


def test_total_in_the_sentence_before_and_change_passed_over():
    right = "中国共产党现有基层组织436.0万个，比上年增加5.6万个，增幅为1.3%。其中基层党委20.9万个，总支部27.1万个，支部388.0万个。"
    assert found(right) == []
    wrong = right.replace("388.0", "398.0")
    assert [f[3] for f in found(wrong)] == [
        "总数为“436.0万个”，其中各项（20.9万个、27.1万个、398.0万个）之和为446万个，超过总数，请核对"
    ]


def test_person_times_in_ten_thousands():
    text = "全年共培训3.2万人次，其中线上培训2.1万人次，线下培训1.5万人次。"
    assert [f[3] for f in found(text)] == [
        "总数为“3.2万人次”，其中各项（2.1万人次、1.5万人次）之和为3.6万人次，超过总数，请核对"
    ]


def test_breakdown_continues_over_commas_of_its_own_kinds():
    text = "全年新建改造村级活动场所500个，其中新建300个，改造260个。"
    assert [f[3] for f in found(text)] == ["总数为“500个”，其中各项（300个、260个）之和为560个，超过总数，请核对"]
    text = "全市有党员3000名（含预备党员120名），其中农村党员3200名。"
    assert [f[3] for f in found(text)] == ["总数为“3000名”，其中一项“3200名”反而更多，请核对"]


def test_breakdown_inside_a_reported_speech():
    # a statistic said in a long quotation is still stated by the text
    text = "区委书记说：“目前，全区共受理问题线索210件，其中立案审查218件。当前制约发展的问题还很多。”"
    assert [f[3] for f in found(text)] == ["总数为“210件”，其中一项“218件”反而更多，请核对"]


def test_a_single_part_over_the_total_without_gong():
    text = "2017年，全国发展党员198.2万名，比上年增加7.1万名。其中，生产、工作一线的100.6万名，35岁及以下的261.3万名。"
    assert [f[3] for f in found(text)] == ["总数为“198.2万名”，其中一项“261.3万名”反而更多，请核对"]


@pytest.mark.parametrize(
    "text",
    [
        # overlapping kinds: only each part is checked
        "全市有党员3000名，其中女党员1800名、少数民族党员700名、35岁以下党员600名。",
        "全市有党员3000名，其中农村党员1800名、女党员700名、35岁以下党员600名。",
        "2017年，全国发展党员198.2万名，比上年增加7.1万名。其中，生产、工作一线的100.6万名，占50.8%；"
        "大专及以上学历的86.0万名，占43.4%；35岁及以下的161.3万名，占81.4%。",
        # the nearest total is not the change before 其中
        "今年发展党员300名，比上年增加50名，其中农村党员120名。",
        # an average is not a part
        "全体居民人均可支配收入4万元，其中城镇居民5.1万元。",
        # a figure in brackets is a part of a part
        "心理健康教育C证以上持证196人，其中A级证书1人，B级证书7人（含校副书记1人），C级证书188人。",
        # the breakdown ends where a new statement begins (2026 西藏、甘肃 政府工作报告)
        "新增营造林148万亩、其中南北山绿化工程43万亩，修复治理退化草原517万亩，治理水土流失23万亩。",
        "新增铁路运营里程639公里、其中高铁370公里，新增高速（一级）公路2600公里、农村公路3000公里。",
        # a maximum, and a figure in brackets before 其中, are no total
        "全国平均每省144个，其中个别省多达250个。",
        "学校有骨干教师86人（标准1人），其中金牌教练2人，全国金牌教练9人。",
        # a breakdown of a later total
        "全市有党员3000名，党组织120个，其中党委15个、党支部105个。",
    ],
)
def test_breakdowns_that_are_right(text):
    assert found(text) == []
