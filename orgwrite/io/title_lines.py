"""Break a title into lines the way GB/T 9704 7.3.1 asks: 回行时词意完整、排列对称.

A 2号 title holds 20 characters a line in the 156 mm text block.  A longer title is
broken only between words (jieba on the title alone, loaded only when a title needs
breaking), preferably at a space or a mark, never before a particle that binds to the
word in front (的、之) or after a preposition that opens a phrase (在、关于 …), and the
lines are made as even as those boundaries allow.  A subtitle (``——…``) starts a line
of its own.
"""

from __future__ import annotations

import itertools
import math
import unicodedata

#: Full-width characters of 2号 (22 pt) in 156 mm (442 pt).
TITLE_CAPACITY = 20
#: Longer titles are left to Word's wrapping.
MAX_LINES = 6
#: Cost of a break at a plain word boundary (a space or a mark costs nothing).
WORD_BREAK = 5.0
#: Cost of a break that splits a phrase: before a bound particle or after a preposition.
PHRASE_BREAK = 12.0
_SOFT = " \u3000、，,：:；;"
_BOUND_AFTER = ("的", "之", "地", "得", "了", "着", "和", "与", "及")
_OPENS = ("在", "对", "关于", "为", "把", "以", "从", "向", "于", "就", "围绕", "推动", "坚持")


def width(text: str) -> float:
    """Width in full-width characters (half-width counts one half)."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "FWA" and not c.isascii() else 0.5 for c in text)


def title_lines(text: str, capacity: int = TITLE_CAPACITY) -> list[str]:
    """``text`` as the lines of a centred title; joined they give ``text`` back."""
    cut = text.find("——")
    if cut > 0:
        return _lines(text[:cut], capacity) + _lines(text[cut:], capacity)
    return _lines(text, capacity)


def _lines(text: str, capacity: int) -> list[str]:
    if width(text) <= capacity or len(text) < 2:
        return [text]
    n = math.ceil(width(text.strip()) / capacity)
    if n > MAX_LINES:
        return [text]  # not a title a reader takes in at a glance: Word wraps it
    costs = _break_costs(text)
    for count in (n, n + 1, n + 2):
        cuts = _best_cuts(text, sorted(costs), costs, count, capacity)
        if cuts is not None:
            return [text[a:b] for a, b in zip((0, *cuts), (*cuts, len(text)), strict=True)]
    return [text]  # no word boundary gives lines that fit: let Word wrap it


def _best_cuts(text: str, candidates: list[int], costs: dict[int, float], count: int, capacity: int):
    """The ``count - 1`` break positions that make the lines most even (dynamic programming).

    A line's cost is how far its width is from the mean width, plus the cost of the break
    that starts it; lines wider than ``capacity`` are not allowed.
    """
    mean = width(text.strip()) / count
    points = [0, *candidates, len(text)]
    prefix = [0.0]
    for c in text:
        prefix.append(prefix[-1] + (0.0 if c.isspace() else width(c)))  # spaces at a line end vanish
    inf = float("inf")
    # best[k][j]: cheapest way to set text[:points[j]] as k lines; back[k][j]: previous point
    best = [[inf] * len(points) for _ in range(count + 1)]
    back = [[-1] * len(points) for _ in range(count + 1)]
    best[0][0] = 0.0
    for k in range(1, count + 1):
        for j in range(1, len(points)):
            for i in range(j - 1, -1, -1):
                wid = prefix[points[j]] - prefix[points[i]]
                if wid > capacity:
                    break  # a longer line only gets wider
                if best[k - 1][i] == inf:
                    continue
                cost = best[k - 1][i] + abs(wid - mean) + (costs[points[i]] if i else 0.0)
                if cost < best[k][j]:
                    best[k][j], back[k][j] = cost, i
    last = len(points) - 1
    if best[count][last] == inf:
        return None
    cuts = []
    j = last
    for k in range(count, 0, -1):
        j = back[k][j]
        if k > 1:
            cuts.append(points[j])
    return tuple(reversed(cuts))


def _break_costs(text: str) -> dict[int, float]:
    """Every position a line may start at, with the cost of breaking there."""
    words = _words(text)
    costs: dict[int, float] = {}
    pos = 0
    for prev, word in itertools.pairwise(["", *words]):
        if pos and word:
            if prev and prev[-1] in _SOFT:
                costs[pos] = 0.0
            elif word[0] in _SOFT or word.startswith("—"):
                pass  # a mark never starts a line
            elif word.startswith(_BOUND_AFTER) or prev.endswith(_OPENS):
                costs[pos] = PHRASE_BREAK
            else:
                costs[pos] = WORD_BREAK
        pos += len(word)
    return costs


def _words(text: str) -> list[str]:
    """The title's words: jieba over its on-demand dictionary, shared with the checker."""
    from orgwrite.lexicon.segment import tokenizer

    return list(tokenizer().cut(text, HMM=False))
