"""Enumeration lists written inside running text: a long lead-in, a tail after the last member."""

from __future__ import annotations

import pytest

from orgwrite import check
from orgwrite.config import Config


def _e1(text: str):
    return [(f.rule, f.line, f.column, f.end_column, f.replacement) for f in check(text, config=Config(select=("E1",)))]


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start + 1, start + len(part) + 1


@pytest.mark.parametrize(
    ("wrong", "listed", "replacement", "right"),
    [
        (
            "完整准确全面贯彻创新、协调、开放、绿色、共享的新发展理念。",
            "创新、协调、开放、绿色、共享",
            "创新、协调、绿色、开放、共享",
            "完整准确全面贯彻创新、协调、绿色、开放、共享的新发展理念。",
        ),
        (
            "引导党员干部学纪、明纪、知纪、守纪。",
            "学纪、明纪、知纪、守纪",
            "学纪、知纪、明纪、守纪",
            "引导党员干部学纪、知纪、明纪、守纪。",
        ),
        (
            "享乐主义、形式主义、官僚主义和奢靡之风一起纠。",
            "享乐主义、形式主义、官僚主义和奢靡之风",
            None,
            "形式主义、官僚主义、享乐主义和奢靡之风一起纠。",
        ),
        (
            "打好防范化解重大风险、污染防治、精准脱贫三大攻坚战。",
            "防范化解重大风险、污染防治、精准脱贫",
            "防范化解重大风险、精准脱贫、污染防治",
            "打好防范化解重大风险、精准脱贫、污染防治三大攻坚战。",
        ),
    ],
)
def test_order_of_a_list_inside_running_text_is_checked(wrong, listed, replacement, right):
    start, end = _span(wrong, listed)
    assert _e1(wrong) == [("E102", 1, start, end, replacement)]
    assert _e1(right) == []


def test_members_described_after_de_are_left_alone():
    # “更多的安全感、获得感、幸福感”: the nouns are described, not the formula quoted
    assert _e1("让人民群众有更多的安全感、获得感、幸福感。") == []


def test_a_member_that_begins_a_longer_word_does_not_close_the_list():
    # “开放型经济” is not the member 开放: 协调、创新、绿色 alone are too few short members to judge
    assert _e1("推动协调、创新、绿色、开放型经济发展。") == []


def test_the_whole_good_cadre_standard_before_de_is_complete():
    assert _e1("选拔信念坚定、为民服务、勤政务实、敢于担当、清正廉洁的好干部。") == []
    assert _e1("坚持信念坚定、为民服务、勤政务实、敢于担当、清正廉洁的好干部标准。") == []


def test_the_subject_before_the_first_feature_of_chinese_modernization_is_not_a_member():
    text = (
        "中国式现代化是人口规模巨大的现代化、全体人民共同富裕的现代化、物质文明和精神文明相协调的现代化、"
        "人与自然和谐共生的现代化、走和平发展道路的现代化。"
    )
    assert _e1(text) == []
    swapped = text.replace("全体人民共同富裕的现代化、物质文明", "物质文明").replace(
        "人与自然和谐共生的现代化、", "人与自然和谐共生的现代化、全体人民共同富裕的现代化、"
    )
    found = _e1(swapped)
    assert [(r, c) for r, _, c, _, _ in found] == [("E102", len("中国式现代化是") + 1)]


def test_the_roles_read_once_per_string_are_never_taken_by_the_guard():
    """document_roles reads member, mwrong, abbr and anchor once per known string: that holds only
    while the longest-match guard cannot drop them from a hit (a guarded fwrong is read per hit)."""
    from orgwrite.lexicon.matcher import GUARDED_ROLES
    from orgwrite.rules.enumerations.roles import STABLE

    assert STABLE == {"member", "mwrong", "abbr", "anchor"}
    assert STABLE.isdisjoint(GUARDED_ROLES)
    assert "fwrong" in GUARDED_ROLES


def test_a_wrong_formulation_inside_a_longer_known_string_is_not_listed():
    """The same string as a wrong formulation alone and inside a longer known string: only the
    hit that stands alone plays fwrong (the guard took it from the other), though every hit of
    the string shares what it says as member, abbreviation or anchor."""
    from orgwrite.io.read_text import read_string
    from orgwrite.lexicon import load_lexicon
    from orgwrite.rules.base import Context
    from orgwrite.rules.enumerations.roles import document_roles

    cfg = Config()
    lex = load_lexicon(cfg)
    roles_of = dict(lex.patterns)
    inner, outer = next(
        (inner, outer)
        for inner, (_, pairs) in sorted(lex._covers.items())
        if any(r[0] == "fwrong" for r in roles_of[inner])
        for outer, _ in pairs
    )
    doc = read_string(f"{inner}\n{outer}\n", "x.txt")
    found = document_roles(doc, Context(config=cfg)).by_role["fwrong"]
    assert [(b.text, h.start) for b, h, _ in found if h.text == inner] == [(inner, 0)]
