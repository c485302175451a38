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
from orgwrite.rules import punctuation as P
from orgwrite.rules.chars import CHINESE

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
    assert [m.span() for m in P._HALF_RE.finditer(text)] == [m.span() for m in _HALF_PLAIN_RE.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_quick_tests_hold_wherever_the_pattern_matches(text: str) -> None:
    assert P._has_ellipsis(text) == bool(P._ELLIPSIS_RE.search(text))
    assert P._has_quoted_list(text) == bool(P._QUOTED_LIST_RE.search(text))
    if P._ANY_DASH_RE.search(text) or P._DASH_RE.search(text.split("\n")[0]):
        assert P._maybe_dash(text)
    if P._DOUBLE_RE.search(text):
        assert P._DOUBLE_QUICK_RE.search(text)
    if P._RANGE_RE.search(text):
        assert P._RANGE_QUICK_RE.search(text)
    if P._SPACE_RE.search(text):
        assert P._ANY_SPACE_RE.search(text)
    if P._URL_RE.search(text):
        assert P._URL_QUICK_RE.search(text)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_range_prefilter_same_as_search(text: str) -> None:
    doc = read_string(text)
    assert P._no_range(doc) == (P._RANGE_RE.search(doc.text) is None)


def test_range_prefilter_examples() -> None:
    assert not P._no_range(read_string("研究制定2018-2022年规划"))
    assert not P._no_range(read_string("1-6月"))
    assert P._no_range(read_string("电话0571-12345678，第3-5项"))
    assert P._no_range(read_string("12018-2022年"))  # a longer number: not a range of years
