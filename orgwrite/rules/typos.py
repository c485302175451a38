"""Typing slips no dictionary catches (rule family W, codes W2xx)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from functools import cache
from itertools import accumulate

from orgwrite import lazyre
from orgwrite.lexicon.hits import DOUBLED_CHARACTERS
from orgwrite.model import Document, Finding
from orgwrite.rules.base import Context, rule

#: Function words that are never doubled in written Chinese, except in the set phrases below
#: and in AABB reduplication (实实在在, 的的确确, 是是非非), which the rule recognises itself.
#: Where two words merely meet (为了|了解, 首都|都市圈, 针对|对象) word segmentation decides.
_DOUBLED = DOUBLED_CHARACTERS
_DOUBLED_RE = lazyre.compile(rf"([{_DOUBLED}])\1")
_WINDOW = 8
_SET_PHRASES = lazyre.compile(r"不了了之|了了无几|一一|对对子|对对碰|将将就就|将将|就就")


@rule("W201", "doubled-character", "warning", "虚词重复输入（的的、在在、是是）", fix="unsafe")
def doubled_character(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    “的”“了”“在”“是”“和”“与”“对”“被”“将”“从”等虚词连写两次，几乎总是输入时多打了一个字。
    AABB式重叠（实实在在、的的确确、是是非非、和和美美）、“不了了之”等固定说法，以及两个词恰好
    相接（为了了解、首都都市圈、针对对象，由分词判断）都不报告。
    原因：
    重复的字读来不通，校对时容易看漏。
    错误示例：
    回顾我们改革发展的的历程，成绩来之不易。
    努力在在学习教育中走在前列。
    正确示例：
    回顾我们改革发展的历程，成绩来之不易。
    实实在在为群众办实事，的的确确解决了问题，决不能不了了之。
    为了了解情况，加快建设现代化首都都市圈，针对对象分类施策。
    依据：
    现代汉语书面语规范；校对常规。
    """
    for block in _candidate_blocks(doc, ctx):
        text = block.text
        for m in _DOUBLED_RE.finditer(text):
            i = m.start()
            if _judged_a_slip(text, i):
                ch = m.group(1)
                yield ctx.emit("W201", block, i, i + 2, f"“{ch}”重复了，应删去一个", ch)


def _judged_a_slip(text: str, i: int) -> bool:
    """Whether the doubled character at ``text[i:i + 2]`` is a typing slip (see the rule)."""
    if i >= 2 and text[i - 2] == text[i - 1] and text[i - 1] != text[i]:
        return False  # second half of AABB: 实实在在
    if i + 3 < len(text) and text[i + 2] == text[i + 3] and text[i + 2] != text[i]:
        return False  # first half of AABB: 的的确确
    window = text[max(0, i - 2) : i + 4]
    if _SET_PHRASES.search(window):
        return False
    return _two_words(text, i)


def _candidate_blocks(doc: Document, ctx: Context) -> list:
    """The text blocks in which a character of the class stands twice, in document order.

    The document scan of the lexicon looks for the doubled characters in its walk (see
    :func:`orgwrite.lexicon.hits.doubled_blocks`); without it (W201 alone selected), one walk
    of a small automaton over the text the scan would walk (see
    :func:`orgwrite.lexicon.document_text`) finds every occurrence of each doubled character.
    A match of ``_DOUBLED_RE`` is such an occurrence, so a block with none has no match;
    chrome and empty blocks hold no match either.
    """
    from orgwrite.lexicon.hits import document_text, doubled_blocks

    found_by_the_scan = doubled_blocks(doc, ctx)
    if found_by_the_scan is not None:
        return found_by_the_scan
    joined = document_text(doc, ctx)
    found = _doubles().find_matches_as_indexes(joined.text, overlapping=True)
    if not found:
        return []
    ends = list(accumulate(len(t) + 1 for t in joined.texts))  # one past each text's line break
    picked: list = []
    limit = 0
    for _, start, _ in found:
        if start < limit:
            continue
        k = bisect_right(ends, start)
        picked.append(joined.blocks[k])
        limit = ends[k]
    return picked


@cache
def _doubles():
    """An automaton over each character of ``_DOUBLED`` written twice (built on first use)."""
    import ahocorasick_rs

    return ahocorasick_rs.AhoCorasick([c + c for c in _DOUBLED], implementation=ahocorasick_rs.Implementation.DFA)


def _two_words(text: str, i: int) -> bool:
    """True when segmentation reads text[i] and text[i + 1] as two one-character words."""
    start = max(0, i - _WINDOW)
    window = text[start : i + 2 + _WINDOW]
    at = i - start
    singles = {s for word, s, e in _tokenizer().tokenize(window) if e - s == 1}
    return at in singles and at + 1 in singles


def _tokenizer():
    """jieba over its whole dictionary, read on demand (see :mod:`orgwrite.lexicon.segment`)."""
    from orgwrite.lexicon.segment import tokenizer

    return tokenizer()
