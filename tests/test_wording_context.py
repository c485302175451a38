"""W101 context-bound entries of issue 12 (既要/即要, 过渡/过度, 反映/反应, 权力/权利, 必须/必需).

Each class: wrong sentences report the exact span and replacement; sentences where the same
characters are right (“即要”meaning “就是要”, 过度留痕, 不良反映, 民主权利, 所必需的) stay silent.
"""

from __future__ import annotations

import pytest

from orgwrite import check
from orgwrite.config import Config


def _w101(text: str) -> list[tuple[str, str | None]]:
    return [(text[f.column - 1 : f.end_column - 1], f.replacement) for f in check(text, Config(select=("W101",)))]


@pytest.mark.parametrize(
    ("sentence", "wrong", "right"),
    [
        ("领导干部即要挂帅，又要出征。", "即要", "既要"),
        ("即要打好防范风险的有准备之战，也要打好化险为夷的战略主动战。", "即要", "既要"),  # window = 40
        ("我们即要敢为天下先，又要脚踏实地。", "即要", "既要"),
        ("过度期内保持主要帮扶政策总体稳定。", "过度", "过渡"),
        ("平稳实现从试点到全面推开的过度。", None, None),  # a noun at the end of the clause: no deciding context
        ("由传统管理方式过度到数字化治理。", "过度", "过渡"),
        ("整治过渡留痕问题。", "过渡", "过度"),
        ("着力解决群众反应强烈的突出问题。", "反应", "反映"),
        ("对群众反应的问题逐一销号。", "反应", "反映"),
        ("建立健全快速反映机制。", "反映", "反应"),
        ("领导干部要慎用手中的权利。", "权利", "权力"),
        ("健全权利运行制约和监督体系。", "权利", "权力"),
        ("依法保障公民的权力。", "权力", "权利"),
        ("必需坚持和加强党的全面领导。", "必需", "必须"),
        ("必需以钉钉子精神抓好落实。", "必需", "必须"),
        ("面对新挑战，各级政府及工作人员必需旗帜鲜明讲政治。", "必需", "必须"),
        ("树牢正确的权利观、政绩观、事业观。", "权利观", "权力观"),
        ("完善不能腐和不想腐的制度体系和权利制约监督机制。", "权利", "权力"),
        ("坚持把权利关进制度的笼子里。", "权利", "权力"),
        ("福址", None, None),
    ],
)
def test_wrong_in_context_is_reported_with_its_replacement(sentence, wrong, right):
    got = _w101(sentence)
    assert got == ([(wrong, right)] if wrong else [])


@pytest.mark.parametrize(
    "sentence",
    [
        "“存古开新”即要引领学校教育，守正创新。",
        "各地随即要求基层报送材料。",
        "坚决纠治督查检查考核过多过频、过度留痕等问题。",
        "防止过度包装、过度宣传。",
        "顺利度过过渡期，平稳过渡到新体制。",
        "对思想、工作、生活、作风和纪律方面存在倾向性问题的，以及群众对其有不良反映的，应当及时进行提醒谈话。",
        "如实向组织反映个人有关事项。",
        "产生了育人的化学反应。",
        "切实保障党员民主权利，规范权力运行。",
        "党员享有党章规定的权利，履行党员义务；坚持权力和责任相统一。",
        "提高做好工作所必需的政治素养。",
        "保障干部教育培训所必需的经费。",
        "保障困难群众生活必需品供应，这些物资是必需的。",
        "各级党委随即要求各地报送材料，也要求按时完成。",
        "增强公民的权利观念。",
        "这一年经过不懈努力，扶贫团队驻村帮扶。",
        "深化经济技术开发区改革开发区管理体制。",
    ],
)
def test_right_in_context_stays_silent(sentence):
    assert _w101(sentence) == []
