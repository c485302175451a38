"""The promises of a plan and the paragraphs of a summary, as units to be matched.

A plan's items are its numbered entries at the deepest level it uses (1. items of a 工作要点,
（一） sections of a report's 工作安排), each with the body paragraphs that follow it.  When a
document has both a review and a plan (a 政府工作报告: 一、2017年工作回顾 / 二、2018年工作安排),
only the part whose level-1 heading names the plan (工作安排、工作要点、主要任务、工作打算) is the
plan, and only the part that names the review (回顾、总结、过去、成效) is the summary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orgwrite import lazyre
from orgwrite.model import Block, BlockKind, Document

_PLAN_HEADING_RE = lazyre.compile(r"工作安排|工作要点|主要任务|工作打算|工作思路|工作计划|重点工作|下一步")
_REVIEW_HEADING_RE = lazyre.compile(r"回顾|总结|过去|成效|成绩|进展|完成情况|主要工作")
_BODY = (BlockKind.PARAGRAPH, BlockKind.ITEM, BlockKind.HEADING)


@dataclass(frozen=True, slots=True)
class PlanItem:
    """One promise: its number as written, its head sentence, its whole text, where it starts."""

    number: str
    head: str
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of the summary, with its source line."""

    text: str
    line: int


def _part(doc: Document, pattern: re.Pattern[str]) -> list[Block]:
    """The blocks under the level-1 heading that matches ``pattern``, or every body block."""
    blocks = [b for b in doc.blocks if b.kind in _BODY and b.text.strip()]
    top = [i for i, b in enumerate(blocks) if b.kind is BlockKind.HEADING and b.level == 1]
    for n, i in enumerate(top):
        if pattern.search(blocks[i].text):
            end = top[n + 1] if n + 1 < len(top) else len(blocks)
            return blocks[i + 1 : end]
    return blocks


#: A number written at the start of a paragraph the reader did not take as a list item.
_LEADING_NUMBER_RE = lazyre.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、]|[（(]\d+[）)]|[①-⑳]|[一二三四五六七八九十]是)"
)
#: 一是……二是……三是……: the items of a plan written as one paragraph.
_SHI_RE = lazyre.compile(r"(?<![一二三四五六七八九十])([一二三四五六七八九十])是")
_CN_DIGITS = "一二三四五六七八九十"


def _head(text: str) -> str:
    """The item's head: its first sentence (or clause up to a full stop), number stripped."""
    text = _LEADING_NUMBER_RE.sub("", text)
    m = re.search(r"[。！？；]", text)
    return (text[: m.start()] if m and m.start() >= 4 else text)[:80].strip()


def plan_items(doc: Document) -> list[PlanItem]:
    """Numbered items at the plan's deepest numbered level, each with the text that follows it."""
    blocks = _part(doc, _PLAN_HEADING_RE)
    numbered = [b for b in blocks if b.kind in (BlockKind.HEADING, BlockKind.ITEM) and b.number]
    if not numbered:
        items = []
        for b in blocks:
            if b.kind is not BlockKind.HEADING:
                items.extend(_shi_items(b) or [_unnumbered_item(b)])
        return items
    deepest = max(b.level or 3 for b in numbered)
    items: list[PlanItem] = []
    current: list[Block] = []
    for b in blocks:
        starts = b in numbered and (b.level or 3) == deepest
        if starts:
            if current:
                items.append(_item(current))
            current = [b]
        elif current and not (b.kind is BlockKind.HEADING and (b.level or 3) < deepest):
            current.append(b)
        elif current:
            items.append(_item(current))
            current = []
    if current:
        items.append(_item(current))
    return items


def _unnumbered_item(block: Block) -> PlanItem:
    """A paragraph as an item, with the number it starts with (①, 1、) when it has one."""
    m = _LEADING_NUMBER_RE.match(block.text)
    return PlanItem(m.group(0).strip() if m else "", _head(block.text), block.text, block.line)


def _shi_items(block: Block) -> list[PlanItem]:
    """一是……二是……三是…… in one paragraph: one item each, when they count up from 一是."""
    marks = [m for m in _SHI_RE.finditer(block.text) if m.start() == 0 or block.text[m.start() - 1] in "。；：，"]
    run: list[re.Match[str]] = []
    for m in marks:
        if _CN_DIGITS.index(m.group(1)) == len(run):
            run.append(m)
    if len(run) < 2:
        return []
    ends = [m.start() for m in run[1:]] + [len(block.text)]
    return [
        PlanItem(m.group(0), _head(block.text[m.start() : end]), block.text[m.start() : end], block.line)
        for m, end in zip(run, ends, strict=True)
    ]


def _item(blocks: list[Block]) -> PlanItem:
    first = blocks[0]
    return PlanItem(first.number, _head(first.text), "".join(b.text for b in blocks), first.line)


def summary_paragraphs(doc: Document) -> list[Paragraph]:
    """The summary's body paragraphs (its review part, when it also has a plan)."""
    return [Paragraph(b.text, b.line) for b in _part(doc, _REVIEW_HEADING_RE) if len(b.text) >= 8]
