"""The punctuation rules search the whole text once and visit only the paragraphs with a hit.

Whatever paragraphs that search picks, the findings must be those of the plain loop over
every paragraph, which each rule still runs when the text cannot be searched as a whole
(a paragraph holding a line end).  Random documents over the marks involved check that,
and the places where a skip could bite are tried one by one: the first and the last
paragraph, a heading, a Word document, a paragraph with a line end inside.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgwrite.config import Config
from orgwrite.io.read_docx import document_from_texts
from orgwrite.io.read_text import read_string
from orgwrite.model import Block, BlockKind, Document
from orgwrite.rules.base import Context, all_rules
from orgwrite.rules.chars import CHINESE
from orgwrite.rules.punctuation import (
    _common,
    doubled,
    ellipsis_dash,
    half_width,
    invisible,
    pairs,
    quoted_lists,
    ranges,
    sequence_numbers,
    spaces,
)

_MODULES = (doubled, ellipsis_dash, half_width, invisible, pairs, quoted_lists, ranges, sequence_numbers, spaces)
_P_RULES = [r for code, r in all_rules().items() if code.startswith("P")]


def _findings(doc: Document) -> list[tuple]:
    ctx = Context(config=Config())
    return [
        (f.rule, f.line, f.column, f.end_column, f.message, f.replacement) for r in _P_RULES for f in r.func(doc, ctx)
    ]


def _plain_findings(doc: Document) -> list[tuple]:
    """The findings of the loop over every paragraph (the whole-text search switched off)."""
    with pytest.MonkeyPatch.context() as m:
        for module in _MODULES:
            m.setattr(module, "joined", lambda doc, cache: None)
        return _findings(doc)


_ALPHABET = (
    "中文党员。，、；：？！“”‘’《》〈〉【】「」『』（）,.:;?!()-－~～—–―─…·"
    "12090年月日 \u3000\u00a0\t\u200b\u00ad\x0c\x00@w/acomn第条蒋明"
)
_LINE = st.one_of(
    st.text(alphabet=_ALPHABET, min_size=1, max_size=30),
    st.builds(
        lambda head, body: head + body,
        st.sampled_from(["1、", "（一）、", "一，", "第一、", "—", "——", "一、", "1.", "同志们，", "2018-"]),
        st.text(alphabet=_ALPHABET, max_size=20),
    ),
)


_INDENT = st.sampled_from(["", "", "  ", "\t", "\u3000\u3000", "\u00a0", "\ufeff"])
_MARKUP = st.sampled_from(["", "**", "`", "> ", "# ", "- ", "[", "](x)", "<!-- c -->"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_INDENT, _LINE), min_size=1, max_size=6))
def test_whole_text_search_changes_no_finding(lines: list[tuple[str, str]]) -> None:
    doc = read_string("\n".join(indent + line for indent, line in lines) + "\n")
    assert _findings(doc) == _plain_findings(doc)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.one_of(_MARKUP, _LINE), min_size=1, max_size=4), min_size=1, max_size=5))
def test_whole_text_search_changes_no_finding_in_markdown(lines: list[list[str]]) -> None:
    # removed markup brings marks together that stand apart in the source
    doc = read_string("\n".join("".join(pieces) for pieces in lines) + "\n", "x.md", format="md")
    assert _findings(doc) == _plain_findings(doc)


_TRIGGERS = [
    ("P101", "全面加强基层党组织建设,提升组织力。"),
    ("P102", "出台《关于加强干部监督的意见，推动工作落实。"),
    ("P103", "群众总体评价为“”和“较好”的达99.82%。"),
    ("P104", "全面加强基层党组织建设，，提升组织力。"),
    ("P105", "常态化开展“院士专家基层行”、“院士专家吉林行”等活动。"),
    ("P106", "端午节、中秋节、重阳节。。。都是传统节日。"),
    ("P106", "端午节、中秋节、重阳节，，，都是传统节日。"),
    ("P106", "端午节、中秋节、重阳节...都是传统节日。"),
    ("P107", "勇当排头兵--党的十八大以来组织工作综述。"),
    ("P108", "研究制定2018-2022年全省干部教育培训规划。"),
    ("P109", "全面加强 基层党组织建设。"),
    ("P110", "推进组织工作信息化。进一步做好组工宣传工作"),
    ("P113", "一是\u200b优化食材采购监管。"),
    ("P114", "一是\x0c优化食材采购监管。"),
]
_FILLER = ["关于做好干部工作的报告", "一、总体情况", "今年以来，我们坚持问题导向，推动工作落实。"]


def _codes(doc: Document) -> list[str]:
    return [f[0] for f in _findings(doc)]


def test_a_mark_only_in_the_last_paragraph_is_found() -> None:
    for code, sentence in _TRIGGERS:
        doc = read_string("\n".join([*_FILLER, sentence]))
        assert code in _codes(doc), code


def test_a_mark_only_in_the_first_body_paragraph_is_found() -> None:
    for code, sentence in _TRIGGERS:
        doc = read_string("\n".join([_FILLER[0], sentence, *_FILLER[1:]]))
        assert code in _codes(doc), code


def test_a_mark_in_a_word_document_is_found() -> None:
    for code, sentence in _TRIGGERS:
        lines = [*_FILLER, sentence]
        doc = document_from_texts(lines, [(None, 0)] * len(lines), "x.docx")
        assert code in _codes(doc), code
        assert _findings(doc) == _plain_findings(doc)


def test_a_heading_is_checked_where_the_rule_checks_headings() -> None:
    doc = read_string("关于做好干部工作的报告\n一、全面加强 基层党组织建设\n今年以来，我们推动工作落实。\n")
    assert [b.kind for b in doc.blocks][1] is BlockKind.HEADING
    assert "P109" in _codes(doc)
    doc = read_string("1、推动各级党组织坚决维护党中央权威\n今年以来，我们推动工作落实。\n")
    assert "P112" in _codes(doc)


def test_a_paragraph_holding_a_line_end_is_still_checked() -> None:
    # no reader makes such a paragraph today; the rules then loop over every paragraph
    blocks = [
        Block(BlockKind.PARAGRAPH, "今年以来，我们推动工作落实。", 1),
        Block(BlockKind.PARAGRAPH, "全面加强基层党组织建设,\n提升组织力，，全面加强 基层党组织建设。", 2),
    ]
    doc = Document(blocks=blocks, text="")
    assert _common.joined(doc, {}) is None
    assert {"P101", "P104", "P109"} <= set(_codes(doc))
    assert _findings(doc) == _plain_findings(doc)


def test_skeleton_keeps_marks_side_by_side_and_one_placeholder_per_run() -> None:
    doc = read_string("“中文”“ ”—— 2018-2022年\n第二段…")
    j = _common.joined(doc, {})
    assert j is not None
    p = _common.PLACEHOLDER
    assert j.skeleton == f"“{p}”“ ”—— 2018-2022{p}\n{p}…"
    assert j.skeleton_blocks(pairs._EMPTY_RE) == [doc.blocks[0]]


def test_a_paragraph_starting_with_a_dash_is_judged_as_before_whatever_its_indentation() -> None:
    # the source decides whether P107 looks at all: "\t—" holds no form it looks for
    for indent in ("", " ", "\u3000", "\t", "\u00a0", "\ufeff"):
        doc = read_string(f"关于做好干部工作的报告\n{indent}—坚持问题导向。\n")
        assert _findings(doc) == _plain_findings(doc), repr(indent)
    assert "P107" in _codes(read_string("关于做好干部工作的报告\n  —坚持问题导向。\n"))


_CN = f"[{CHINESE}]"
#: The patterns as first written, each with a leading look-behind (or ``^``) that made the
#: engine try it at every character; the rules now use forms that start with a mark.
_PLAIN = {
    "dash": (
        ellipsis_dash._DASH_RE,
        re.compile(rf"-{{2,}}|－{{2,}}|―{{1,2}}|─{{2}}|—{{3,}}|^—(?!—)|(?<=[ \u3000])—(?!—)(?={_CN})"),
    ),
    "space": (spaces._SPACE_RE, re.compile(rf"(?<={_CN})[ \u3000\u00a0\t]+(?={_CN})")),
    "quoted list": (quoted_lists._QUOTED_LIST_RE, re.compile(r"(?<=”)、(?=“)|(?<=》)、(?=《)")),
}


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="中a -－―─—\u3000\u00a0\t，”、“》《", max_size=16))
def test_patterns_that_start_with_a_mark_match_as_the_plain_ones(text: str) -> None:
    for name, (pattern, plain) in _PLAIN.items():
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)], name


_NOT_LATIN = r"[^\x00-\xb6\xb8-\xff]"
#: The skeleton searches as first written (alternatives starting with different classes, or
#: with a repeat, which made the engine try every position), and the forms the rules use.
_SKELETON_PLAIN = {
    "half": (
        half_width._SKELETON_HALF_RE,
        re.compile(
            rf"[,;:()](?:(?<={_NOT_LATIN}.)|(?={_NOT_LATIN}))|[?!](?<=[^\x00-\x7f].)"
            rf"|\.(?<={_NOT_LATIN}.)(?:(?={_NOT_LATIN}|[ \n])|\Z)"
        ),
    ),
    "ellipsis": (ellipsis_dash._KEPT_ELLIPSIS_RE, re.compile(r"\.{3}|…|·{3}")),
    "invisible": (invisible._INVISIBLE_CHAR_RE, invisible._INVISIBLE_RE),
}


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="中\ufffca1 é·.…,;:()?!-－―─—\u3000\n\u200b\x0c", max_size=16))
def test_skeleton_searches_start_where_the_plain_ones_do(text: str) -> None:
    # a rule only asks where a match starts: each line with one is a block to visit
    for name, (pattern, plain) in _SKELETON_PLAIN.items():
        starts = [i for i in range(len(text) + 1) if pattern.match(text, i)]
        assert starts == [i for i in range(len(text) + 1) if plain.match(text, i)], name


def test_a_quoted_list_is_found_among_quotes_joined_otherwise() -> None:
    # the skeleton shows ”和“ as ”、“ is shown: the block test tells them apart
    lines = [*_FILLER, "开展“院士专家基层行”和“院士专家吉林行”活动。", "开展“院士专家基层行”、“院士专家吉林行”活动。"]
    doc = read_string("\n".join(lines))
    assert [f[:2] for f in _findings(doc) if f[0] == "P105"] == [("P105", 5)]
    assert _findings(doc) == _plain_findings(doc)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="，、；：。？！中a\n", max_size=16))
def test_stop_pairs_are_where_a_stop_is_followed_by_another(text: str) -> None:
    # as a search for each mark followed by a stop gives them (after a match it goes on
    # past the two marks)
    plain = [re.compile(f"{mark}[{_common.STOPS}]") for mark in _common.STOPS]
    expected = sorted(m.start() for p in plain for m in p.finditer(text))
    assert _common.Joined([], text).stop_pairs == expected


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="，、；。”“》《中\n", max_size=16))
def test_the_scan_for_the_dunhao_finds_the_quoted_lists_and_the_stop_pairs(text: str) -> None:
    # one scan serves P104 and P105: the lines that hold ”、“ or 》、《 are those of a
    # search for the two literals, and the stop pairs stay what a search per mark gives
    lines = text.split("\n")
    expected = {i for i, line in enumerate(lines) if "”、“" in line or "》、《" in line}
    joined = _common.Joined([], text)
    assert joined.quoted_list_indices() == expected
    plain = [re.compile(f"{mark}[{_common.STOPS}]") for mark in _common.STOPS]
    assert joined.stop_pairs == sorted(m.start() for p in plain for m in p.finditer(text))


def test_a_quoted_list_after_a_stop_pair_is_found() -> None:
    # a stop pair of 顿号 after a closing mark, and a quoted list later in the paragraph
    text = "开展“院士专家基层行”、、“院士专家吉林行”和“基层行”、“吉林行”活动。"
    doc = read_string("\n".join([*_FILLER, text]))
    found = [f[:4] for f in _findings(doc) if f[0] in ("P104", "P105")]
    assert found == [("P104", 4, 12, 14), ("P105", 4, 29, 30)]
    assert _findings(doc) == _plain_findings(doc)


@pytest.mark.parametrize("members", [f"\x00-\xff{_common.KEPT}", "\n“”《》", "a", "\x00", "\U0010ffff", "b-dx-z"])
def test_a_complement_class_holds_every_character_the_negated_class_holds(members: str) -> None:
    # the skeleton's runs are found with the class written out as ranges: the same characters
    negated = re.compile(f"[^{members}]")
    written = re.compile(_common.complement_class(members))
    points = [*range(0x10000), 0x10000, 0x1F600, 0x20000, 0x10FFFE, 0x10FFFF]
    assert [c for c in points if negated.fullmatch(chr(c))] == [c for c in points if written.fullmatch(chr(c))]


def test_an_invisible_or_control_character_at_the_end_of_the_text_is_found() -> None:
    # the run of other characters must stop at the last character of the skeleton
    for mark, code in (("\u200b", "P113"), ("\x1b", "P114")):
        doc = read_string("\n".join([*_FILLER, "推动工作落实。" + mark]))
        assert [f[:4] for f in _findings(doc) if f[0] == code] == [(code, 4, 8, 9)]
        assert _findings(doc) == _plain_findings(doc)


def test_the_characters_a_skeleton_search_needs_are_those_its_matches_start_with() -> None:
    # a search is skipped when the skeleton holds none of them: each must be in the class
    controls = {chr(c) for c in range(0x110) if invisible._CONTROL_RE.fullmatch(chr(c))}
    assert set(invisible._CONTROLS) == controls
    doc = read_string("关于做好干部工作的报告\n今年以来\x7f，我们推动工作落实。\n")
    assert "P114" in _codes(doc)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="蒋明王　 a、：", max_size=20))
def test_padded_names_are_found_from_their_spaces_as_from_their_first_character(text: str) -> None:
    plain = [(m.start(), m.end(), m.start(1)) for m in spaces._PADDED_RE.finditer(text)]
    assert list(spaces._padded_spans(text)) == plain


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="蒋明王·　 ：:（(）等，a", max_size=20))
def test_lists_of_names_are_found_where_they_can_start_as_by_a_search_everywhere(text: str) -> None:
    plain = [m.span() for m in spaces._SPACED_NAMES_RE.finditer(text)]
    assert [m.span() for m in spaces._spaced_names(text)] == plain


def test_the_empty_pairs_looked_for_without_spaces_are_those_of_the_pattern() -> None:
    # a text without spaces is searched for these literals instead of the pattern
    alternatives = pairs._EMPTY_RE.pattern.split("|")
    bare = tuple(re.sub(r"\[ \\u3000\]\*", "", a).replace("\\(", "(").replace("\\)", ")") for a in alternatives)
    assert bare == pairs._EMPTY_PAIRS
    doc = read_string("关于做好干部工作的报告\n今年以来，我们推动（ ）工作落实。\n群众评价为“”。")
    assert [f[:2] for f in _findings(doc) if f[0] == "P103"] == [("P103", 2), ("P103", 3)]
