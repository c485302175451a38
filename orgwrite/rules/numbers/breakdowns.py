"""N109: the parts after 其中 do not exceed their stated total.

The total is the nearest figure of the parts' unit before 其中, in the same sentence or, when
其中 begins a sentence, in the one before (“全市共有党员3.2万名，党组织1200个，其中农村党员……名”
takes 3.2万名); a figure that states a change (比上年增加50名) is passed over.  The parts are
the figures of that unit up to the end of the sentence, less those in brackets (含……).
Which parts exclude one another is data (``breakdown_disjoint``,
``breakdown_overlap`` and ``breakdown_not_part`` in lexicon/numbers.toml).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from orgwrite import lazyre
from orgwrite.model import Block, Document, Finding
from orgwrite.numerals import fmt_number, inside, number_data
from orgwrite.rules.base import Context, rule
from orgwrite.rules.numbers.common import _MAGNITUDE, _NUM, _after, _marked_blocks, _protected_statements

_UNIT = r"(?P<unit>人次|万人次|万人|人|名|个(?!百分点)|家|项|户|所|场|期|篇|万元|亿元|元|亩|公里|千米|吨|件|套|台|座|条|辆|处|次|批|支|位|间|栋|平方米)"
_PART_RE = lazyre.compile(rf"(?<![\d.])(?P<num>{_NUM})(?P<mag>万亿|亿|万)?(?P<post>余|多)?{_UNIT}")
_SENTENCE_END_RE = lazyre.compile(r"[。；！？;!?]")
#: Before a figure: it states a change or a comparison, not a total.
_CHANGE_BEFORE_RE = lazyre.compile(r"(?:增加|减少|增长|净增|下降|提高|降低|多|少|超过|超出|比上年|同比)了?$")
#: Between two parts' names: where one name ends and the next begins.
_NAME_STOP = "，、；：（）(),;:"
_PARTY_RE = lazyre.compile(r"党员|干部")
#: 其中, found from its 其 (one literal scans faster than a search for the two).
_QIZHONG_RE = lazyre.compile(r"其(?=中)")


def _amount(m: re.Match[str]) -> tuple[float, str]:
    unit = m.group("unit")
    value = float(m.group("num")) * _MAGNITUDE[m.group("mag")]
    for big, factor in (("万", 10_000), ("亿", 100_000_000)):
        if unit.startswith(big) and len(unit) > 1:
            value *= factor
            unit = unit[1:]
    return value, unit


@cache
def _kinds() -> tuple[tuple[tuple[int, str], ...], re.Pattern[str], re.Pattern[str]]:
    data = number_data()
    kinds = tuple((g, k) for g, group in enumerate(data.get("breakdown_disjoint", [])) for k in group)
    overlap = lazyre.compile("|".join(map(re.escape, data.get("breakdown_overlap", []))) or "(?!)")
    not_part = lazyre.compile("|".join(map(re.escape, data.get("breakdown_not_part", []))) or "(?!)")
    return kinds, overlap, not_part


def _name_of(text: str, part: re.Match[str], lo: int, hi: int) -> str:
    """The words around a part's figure, between the separators before and after it."""
    start = part.start()
    while start > lo and text[start - 1] not in _NAME_STOP:
        start -= 1
    end = part.end()
    while end < hi and text[end] not in _NAME_STOP:
        end += 1
    return text[start : part.start()] + text[part.end() : end]


def _disjoint(names: list[str]) -> bool:
    """True when, for one breakdown_disjoint group, every name is one kind of it, each a
    different kind (农村党员、机关党员 in the group of fields; 党员志愿者、群众 in 党员/群众)."""
    kinds, _, _ = _kinds()
    for group in dict.fromkeys(g for g, _ in kinds):
        members = [k for g, k in kinds if g == group]
        seen: set[str] = set()
        for name in names:
            hits = {k for k in members if k in name}
            # A kind inside another kind's name (社区 in 城市社区) is the same kind.
            hits = {h for h in hits if not any(h != o and h in o for o in hits)}
            if len(hits) != 1 or hits <= seen:
                break
            seen |= hits
        else:
            return True
    return False


_SEGMENT_RE = lazyre.compile(r"[，；,;]")


def _end_of_breakdown(text: str, lo: int, hi: int) -> int:
    """Where the parts after 其中 end: at the first later clause that begins a new statement
    (a verb of breakdown_new_clause) and names no kind of breakdown_disjoint."""
    kinds, _, _ = _kinds()
    verbs = _new_clause_verbs()
    for sep in _SEGMENT_RE.finditer(text, lo, hi):
        head = text[sep.end() : sep.end() + 4]
        if head.startswith(verbs) and not any(head.startswith(k) for _, k in kinds):
            return sep.start()
    return hi


@cache
def _new_clause_verbs() -> tuple[str, ...]:
    return tuple(number_data().get("breakdown_new_clause", []))


def _in_brackets(text: str, lo: int, at: int) -> bool:
    """True when ``at`` is inside brackets opened after ``lo``: “B级证书7人（含副书记1人）”
    — a figure in brackets is a part of a part."""
    depth = 0
    for c in text[lo:at]:
        if c in "（(":
            depth += 1
        elif c in "）)" and depth:
            depth -= 1
    return depth > 0


def _closed_after(text: str, start: int, at: int) -> bool:
    """True when a bracket closes in text[start:at] that did not open there."""
    depth = 0
    for c in text[start:at]:
        if c in "（(":
            depth += 1
        elif c in "）)":
            if not depth:
                return True
            depth -= 1
    return False


def _total_before(text: str, lo: int, at: int, unit: str) -> re.Match[str] | None:
    """The nearest figure of ``unit`` in text[lo:at] that is not a change (None if none)."""
    for m in reversed(list(_PART_RE.finditer(text, lo, at))):
        if _amount(m)[1] != unit or _after(text, m.start(), "第") or _closed_after(text, m.end(), at):
            continue  # 骨干教师6.4人（标准1人），其中: the figure in brackets is no total
        if _CHANGE_BEFORE_RE.search(text, max(lo, m.start() - 4), m.start()):
            continue  # 比上年增加50名: the total is further back
        return m
    return None


def _breakdowns(text: str) -> Iterator[tuple[re.Match[str], list[re.Match[str]], list[str], int, int]]:
    """(total, parts, the parts' names, start, end of the parts) for each 其中 in ``text``."""
    _, _, not_part = _kinds()
    for q in re.finditer("其中", text):
        end_m = _SENTENCE_END_RE.search(text, q.end())
        hi = end_m.start() if end_m else len(text)
        before = [e.end() for e in _SENTENCE_END_RE.finditer(text, 0, q.start())]
        lo = before[-1] if before else 0
        if before and lo == q.start():
            # “……党员3000名。其中，……”: the total is in the sentence before.
            lo = before[-2] if len(before) > 1 else 0
        # A later 其中 in the same sentence starts a breakdown of its own.
        nxt = text.find("其中", q.end(), hi)
        if nxt != -1:
            hi = nxt
        hi = _end_of_breakdown(text, q.end(), hi)
        candidates = [
            p
            for p in _PART_RE.finditer(text, q.end(), hi)
            if not _after(text, p.start(), "第") and not _in_brackets(text, q.end(), p.start())
        ]
        if not candidates:
            continue
        if not_part.search(text, lo, hi):
            continue
        # The total counts the unit of one of the parts (其中小型水库7座、调蓄设施993个).
        units = dict.fromkeys(_amount(p)[1] for p in candidates)
        total = next((t for u in units if (t := _total_before(text, lo, q.start(), u)) is not None), None)
        if total is None:
            continue
        unit = _amount(total)[1]
        parts = [p for p in candidates if _amount(p)[1] == unit]
        names = [_name_of(text, p, q.end(), hi) for p in parts]
        yield total, parts, names, q.end(), hi


@rule("N109", "parts-exceed-total", "warning", "“其中”各项超过了所称总数")
def parts_exceed_total(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    “共培训3000人次，其中……2000人次……1500人次”：其中任何一项不能大于总数；各项互不交叉时，
    各项之和也不能大于总数。农村党员、机关党员、“两新”组织党员，线上、线下，正式党员、预备党员
    互不交叉，核对总和；女党员、少数民族党员、35岁以下党员、大专以上学历党员等与其他分类交叉，
    只核对单项。人均、平均、最高等不是分项，不核对。
    原因：
    分项与总数对不上，说明有数字写错或统计口径不一。
    错误示例：
    全年共培训党员干部3000人次，其中线上培训2000人次，线下培训1500人次。
    今年共发展党员300名，其中农村党员350名。
    全市有党员3000名，其中农村党员1800名、机关党员700名、“两新”组织党员600名。
    正确示例：
    全年共培训党员干部3500人次，其中线上培训2000人次，线下培训1500人次。
    今年共发展党员300名，其中女性党员120名，35岁以下党员200名。
    全市有党员3000名，其中农村党员1800名、机关党员700名、“两新”组织党员500名。
    依据：
    常识：部分不大于整体。
    """
    _, overlap, _ = _kinds()
    for block in _marked_blocks(doc, ctx, (_QIZHONG_RE,)):
        text = block.text  # it holds 其中: a match cannot reach past a block's line end
        for total, parts, names, lo, hi in _breakdowns(text):
            if not parts or inside(_protected_statements(ctx, block), total.start()):
                continue
            yield from _check(ctx, block, total, parts, names, overlap.search(text, lo, hi) is not None)


def _in_magnitude_of(total_m: re.Match[str], value: float) -> str:
    """``value`` written in the magnitude the total is written in (1.4亿 beside 1.2亿元)."""
    mag = total_m.group("mag") or next((b for b in ("亿", "万") if total_m.group("unit").startswith(b)), "")
    factor = _MAGNITUDE[mag]
    return fmt_number(value / factor) + mag


def _check(
    ctx: Context, block: Block, total_m: re.Match[str], parts: list[re.Match[str]], names: list[str], crossed: bool
) -> Iterator[Finding]:
    text = block.text
    total, unit = _amount(total_m)
    shown_total = text[total_m.start() : total_m.end()]
    over = next((p for p in parts if _amount(p)[0] > total and not p.group("post")), None)
    if over is not None and not total_m.group("post"):
        yield ctx.emit(
            "N109", block, over.start(), over.end(), f"总数为“{shown_total}”，其中一项“{over.group(0)}”反而更多，请核对"
        )
        return
    if len(parts) < 2 or total_m.group("post") or any(p.group("post") for p in parts):
        return
    if not _disjoint(names) and (crossed or any(_PARTY_RE.search(n) for n in names)):
        return
    total_parts = sum(_amount(p)[0] for p in parts)
    if total_parts > total:
        listed = "、".join(p.group(0) for p in parts)
        shown_sum = _in_magnitude_of(total_m, total_parts) + unit
        yield ctx.emit(
            "N109",
            block,
            parts[0].start(),
            parts[-1].end(),
            f"总数为“{shown_total}”，其中各项（{listed}）之和为{shown_sum}，超过总数，请核对",
        )
