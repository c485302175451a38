"""Typing slips no dictionary catches (rule family W, codes W2xx)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from itertools import accumulate

from orgwrite import lazyre
from orgwrite.model import BlockKind, Document, Finding
from orgwrite.rules.base import Context, rule

#: Function words that are never doubled in written Chinese, except in the set phrases below
#: and in AABB reduplication (实实在在, 的的确确, 是是非非), which the rule recognises itself.
#: Where two words merely meet (为了|了解, 首都|都市圈, 针对|对象) word segmentation decides.
_DOUBLED_RE = lazyre.compile(r"([的了在是和与及对被将从向于并而就也都其])\1")
_WINDOW = 8
_SET_PHRASES = lazyre.compile(r"不了了之|了了无几|一一|对对子|对对碰|将将就就|将将|就就")
_TEXT_KINDS = frozenset(BlockKind) - {BlockKind.CHROME}


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
    blocks = [b for b in doc.blocks if b.kind in _TEXT_KINDS]
    # One search over the block texts joined by line breaks (the doubled character is never a
    # break, so no match straddles two blocks); each match is then judged in its own block.
    joined = "\n".join(b.text for b in blocks)
    starts: list[int] = []
    for m in _DOUBLED_RE.finditer(joined):
        if not starts:
            starts = list(accumulate((len(b.text) + 1 for b in blocks[:-1]), initial=0))
        k = bisect_right(starts, m.start()) - 1
        block = blocks[k]
        text = block.text
        i = m.start() - starts[k]
        if i >= 2 and text[i - 2] == text[i - 1] and text[i - 1] != text[i]:
            continue  # second half of AABB: 实实在在
        if i + 3 < len(text) and text[i + 2] == text[i + 3] and text[i + 2] != text[i]:
            continue  # first half of AABB: 的的确确
        window = text[max(0, i - 2) : i + 4]
        if _SET_PHRASES.search(window):
            continue
        if not _two_words(text, i):
            continue
        ch = m.group(1)
        yield ctx.emit("W201", block, i, i + 2, f"“{ch}”重复了，应删去一个", ch)


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
