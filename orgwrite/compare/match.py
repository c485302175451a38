"""Which summary paragraph reports on each plan item, and how sure that is.

Scoring is two-staged so that it stays cheap on long documents: rapidfuzz compares the item's
key phrases (its clauses of 4–24 characters) with every paragraph, character by character, and
only the three best paragraphs are segmented with jieba and scored by the content words they
share with the item.  The final score (0–100) is the mean of the two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orgwrite import lazyre
from orgwrite.compare.plan import Paragraph, PlanItem

#: Below this score an item counts as not reported on.
REPORTED = 20.0
_PHRASE_SPLIT_RE = lazyre.compile(r"[，。；：、！？（）“”《》\s]+")
#: Words every plan and summary says: they tell nothing about which item is which.
_STOP = frozenset(
    "加强 推进 推动 坚持 持续 深入 全面 进一步 工作 建设 发展 提升 提高 完善 落实 着力 强化 开展 实施 抓好 做好 "
    "不断 切实 扎实 大力 积极 努力 重点 全力 继续 我们 今年 全年 一年 各项 有关 相关 主要 体系 机制 能力 水平".split()
)


@dataclass(frozen=True, slots=True)
class Match:
    """A plan item with its best summary paragraph (None when nothing comes close)."""

    item: PlanItem
    paragraph: Paragraph | None
    score: float

    @property
    def reported(self) -> bool:
        return self.paragraph is not None and self.score >= REPORTED


def key_phrases(text: str) -> list[str]:
    phrases = [p for p in _PHRASE_SPLIT_RE.split(text) if 4 <= len(p) <= 24]
    return phrases[:12] or [text[:24]]


def _words(text: str) -> list[str]:
    """Content words of ``text`` (jieba's on-demand dictionary, loaded on the first candidate only)."""
    from orgwrite.lexicon.segment import tokenizer

    return [w for w in tokenizer().lcut(text, HMM=False) if len(w) >= 2 and w not in _STOP and not w.isdigit()]


def _head(text: str) -> str:
    m = re.search(r"[。！？；]", text)
    return text[: m.start()] if m else text[:40]


def match_items(items: list[PlanItem], paragraphs: list[Paragraph]) -> list[Match]:
    """The best paragraph for each item (paragraphs may serve several items).

    Score = 30% phrase similarity over the whole paragraph + 30% of the item's distinctive
    content words found in the paragraph's head sentence + 40% of them found anywhere in it.
    A word is distinctive when few other items use it: a plan that says 聚焦发力 in every
    heading tells nothing by it (weights are tf × idf over the plan's items).
    """
    if not paragraphs:
        return [Match(item, None, 0.0) for item in items]
    import math
    from collections import Counter

    from rapidfuzz import fuzz

    texts = [p.text for p in paragraphs]
    heads = [_head(t) for t in texts]
    item_words = [Counter(_words(item.head + item.text[:400])) for item in items]
    df = Counter(w for counts in item_words for w in counts)
    n = len(items)
    out: list[Match] = []
    for item, counts in zip(items, item_words, strict=True):
        phrases = list(dict.fromkeys(key_phrases(item.head + "。" + item.text[:300])))
        coarse = [sum(fuzz.partial_ratio(ph, t) for ph in phrases) / len(phrases) for t in texts]
        best = sorted(range(len(texts)), key=lambda j: -coarse[j])[:5]
        weights = {w: c * math.log(1 + n / df[w]) for w, c in counts.items()}
        top = sorted(weights.items(), key=lambda kv: -kv[1])[:15]
        total = sum(v for _, v in top) or 1.0
        scored = []
        for j in best:
            overlap = 100.0 * sum(v for w, v in top if w in texts[j]) / total
            head_sim = 100.0 * sum(v for w, v in top if w in heads[j]) / total
            scored.append((0.3 * coarse[j] + 0.3 * head_sim + 0.4 * overlap, j))
        score, j = max(scored)
        out.append(Match(item, paragraphs[j], round(float(score), 1)))
    return out
