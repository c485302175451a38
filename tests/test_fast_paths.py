"""The fast paths of the rules give exactly what the plain regexes give.

Rules skip a document or a paragraph with a cheap test before running their slow
patterns; those tests must be true wherever the slow pattern matches, or findings would
be lost.  Random texts over an alphabet of the marks involved check that.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from orgwrite.io.read_text import read_string
from orgwrite.rules.chars import CHINESE
from orgwrite.rules.punctuation import doubled, ellipsis_dash, half_width, pairs, quoted_lists, ranges, spaces

_ALPHABET = "中文。，、；：？！“”《》（）,.:;?!()-－~～—–―─…·1209年月日 \u3000\n@w/acomn"
texts = st.text(alphabet=_ALPHABET, max_size=40)

_CN = f"[{CHINESE}]"
#: _HALF_RE as it was first written: four alternatives, each with its own look-behind.
_HALF_PLAIN_RE = re.compile(
    rf"(?<={_CN})[,;:?!]|[,;:](?={_CN})|(?<=[^\x00-\x7f])[?!](?={_CN})|(?<={_CN})\.(?=[{CHINESE} \u3000]|$)"
)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_half_width_marks_same_as_plain_pattern(text: str) -> None:
    assert [m.span() for m in half_width._HALF_RE.finditer(text)] == [m.span() for m in _HALF_PLAIN_RE.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_quick_tests_hold_wherever_the_pattern_matches(text: str) -> None:
    assert ellipsis_dash._has_ellipsis(text) == bool(ellipsis_dash._ELLIPSIS_RE.search(text))
    assert quoted_lists._has_quoted_list(text) == bool(quoted_lists._QUOTED_LIST_RE.search(text))
    if ellipsis_dash._ANY_DASH_RE.search(text) or ellipsis_dash._DASH_RE.search(text.split("\n")[0]):
        assert ellipsis_dash._maybe_dash(text)
    if doubled._DOUBLE_RE.search(text):
        assert doubled._DOUBLE_QUICK_RE.search(text)
    if ranges._RANGE_RE.search(text):
        assert ranges._RANGE_QUICK_RE.search(text)
    if spaces._SPACE_RE.search(text):
        assert spaces._ANY_SPACE_RE.search(text)
    if half_width._URL_RE.search(text):
        assert half_width._URL_QUICK_RE.search(text)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_range_prefilter_same_as_search(text: str) -> None:
    doc = read_string(text)
    assert ranges._no_range(doc) == (ranges._RANGE_RE.search(doc.text) is None)


def test_range_prefilter_examples() -> None:
    assert not ranges._no_range(read_string("研究制定2018-2022年规划"))
    assert not ranges._no_range(read_string("1-6月"))
    assert ranges._no_range(read_string("电话0571-12345678，第3-5项"))
    assert ranges._no_range(read_string("12018-2022年"))  # a longer number: not a range of years


_PAIR_TEXT = st.one_of(
    st.text(alphabet="“”（）《》文", max_size=10), st.text(alphabet="“”‘’（）《》〈〉【】「」『』文a", max_size=16)
)


@settings(max_examples=500, deadline=None)
@given(_PAIR_TEXT, _PAIR_TEXT)
def test_pair_fast_path_changes_no_finding(first: str, second: str) -> None:
    from orgwrite.config import Config
    from orgwrite.rules.base import Context

    doc = read_string(f"正文{first}。\n正文{second}。")

    def findings() -> list[tuple]:
        return [
            (f.line, f.column, f.end_column, f.message) for f in pairs.unbalanced_pairs(doc, Context(config=Config()))
        ]

    fast = findings()
    original = pairs._well_paired
    pairs._well_paired = lambda text: False
    try:
        assert findings() == fast
    finally:
        pairs._well_paired = original


def test_well_paired_examples() -> None:
    assert pairs._well_paired("他说：“要坚持《条例》（试行）。”")
    assert not pairs._well_paired("“外层“内层””")  # a double quote inside a double quote
    assert not pairs._well_paired("《条例（试行》）")
    assert not pairs._well_paired("don’t")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="（(二〇三一十年月日0129)）\n附件谢", max_size=20))
def test_date_line_length_guard(text: str) -> None:
    from orgwrite.io import layout

    if layout._DATE_LINE_RE.match(text):
        assert len(text) <= layout.MAX_DATE_LINE


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.one_of(st.text(alphabet="文字党员", max_size=50), st.sampled_from("，。；1 \n（“")), max_size=8),
    st.integers(min_value=0, max_value=120),
)
def test_clause_before_same_as_regex(pieces: list[str], begin: int) -> None:
    from orgwrite.rules import numbers as N

    text = "".join(pieces)
    begin = min(begin, len(text))
    c = N._CLAUSE_RE.search(text, max(0, begin - 60), begin)
    assert N._clause_before(text, begin) == (c.span() if c else None)
    last = N._LAST_END_RE.match(text, 0, begin)
    assert (last.end() if last else 0) == max(text.rfind(ch, 0, begin) for ch in "。；！？") + 1


def test_lazy_pattern_compiles_on_first_use_and_behaves_as_compiled() -> None:
    from orgwrite.lazyre import LazyPattern, lazy

    p = lazy(r"(\d+)年", re.M)
    assert isinstance(p, LazyPattern)
    assert p.pattern == r"(\d+)年" and p.flags & re.M
    assert p.search("于2023年召开").group(1) == "2023"
    assert [m.span() for m in p.finditer("1年\n22年")] == [(0, 2), (3, 6)]
    assert p.sub("X", "3年") == "X" and p.match("x") is None and p.groups == 1
