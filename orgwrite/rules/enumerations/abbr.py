"""E105 head verbs and E106 category labels of an abbreviation (增强“四个意识”, “五位一体”总体布局)."""

from __future__ import annotations

from collections.abc import Iterator

from orgwrite.lexicon import Entry, Lexicon, cite, context_lexicon
from orgwrite.model import Document, Finding
from orgwrite.per_object import per_object
from orgwrite.rules.base import Context, rule
from orgwrite.rules.enumerations.chains import quoted_abbr
from orgwrite.rules.enumerations.roles import listed_hits


def abbr_hits(doc: Document, ctx: Context):
    """(block, hit, entry) of every abbreviation, as ``role_hits(doc, ctx, "abbr")`` gives them."""
    return listed_hits(doc, ctx, "abbr")


@rule("E105", "enumeration-head-verb", "warning", "简称前的动词搭配不当", fix="unsafe")
def enumeration_head_verb(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    数字概括有固定的动词搭配：增强（牢固树立）“四个意识”、坚定“四个自信”、坚决做到“两个维护”。
    词库记录的不当搭配（树立“四个自信”、坚定“四个意识”、增强“两个维护”）会被报告。
    原因：
    中央文件的搭配是固定的，“坚定意识”“树立自信”在语义上也不通。
    错误示例：
    牢固树立“四个自信”。
    正确示例：
    坚定“四个自信”，牢固树立“四个意识”。
    依据：
    中央文件通行搭配（lexicon-facts B5）。
    """
    judged = _judged(context_lexicon(ctx)).head_verbs
    for block, h, e in abbr_hits(doc, ctx):
        if e.id not in judged:
            continue  # no wrong verb listed
        wrong_verbs, verbs = _head_verbs(e)
        before = block.text[max(0, h.start - 8) : h.start]
        core = before.rstrip("“‘")
        if not core.endswith(wrong_verbs):
            continue  # one C-level test for the loop below, which finds nothing then
        quote = len(before) - len(core)
        for verb in wrong_verbs:
            if core.endswith(verb):
                if any(core.endswith(v) and len(v) > len(verb) for v in verbs):
                    break
                right = (verbs or [None])[0]
                start = h.start - quote - len(verb)
                hint = f"，应为“{right}{quoted_abbr(e)}”" if right else ""
                yield ctx.emit(
                    "E105",
                    block,
                    start,
                    h.start - quote,
                    f"“{verb}”与{quoted_abbr(e)}搭配不当{hint}（常用：{'、'.join(verbs)}）",
                    right,
                )
                break


class _Judged:
    """The ids of the entries whose abbreviation E105 (wrong verbs) and E106 (label and wrong
    labels) look at: most abbreviation hits are of other entries, and are passed by."""

    def __init__(self, lex: Lexicon) -> None:
        data = [(e.id, e.data) for e in lex.entries.values()]
        self.head_verbs = frozenset(i for i, d in data if d.get("wrong_verbs"))
        self.labels = frozenset(i for i, d in data if d.get("label") and d.get("wrong_labels"))


_judged = per_object(4)(_Judged)


@per_object(4096)
def _head_verbs(e: Entry) -> tuple[tuple[str, ...], list[str]]:
    """An abbreviation's wrong head verbs, longest first (the order E105 tries them), and its verbs."""
    return tuple(sorted(e.get("wrong_verbs", []), key=len, reverse=True)), e.get("verbs", [])


@rule("E106", "enumeration-label", "error", "数字概括的类别名称用错（总体布局/战略布局）", fix="safe")
def enumeration_label(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    “五位一体”是总体布局，“四个全面”是战略布局；类别名称写错时报告并给出正确名称。
    原因：
    党的十八大以来的固定提法是统筹推进“五位一体”总体布局、协调推进“四个全面”战略布局。
    错误示例：
    统筹推进“五位一体”战略布局。
    正确示例：
    统筹推进“五位一体”总体布局，协调推进“四个全面”战略布局。
    依据：
    党的十九大报告（2017年10月18日）；lexicon-facts A6、A7。
    """
    judged = _judged(context_lexicon(ctx)).labels
    for block, h, e in abbr_hits(doc, ctx):
        if e.id not in judged:
            continue  # no label, or no wrong label listed
        label = e.get("label")
        wrong_labels = e.get("wrong_labels", [])
        after = block.text[h.end : h.end + 8]
        skip = len(after) - len(after.lstrip("”’"))
        for wrong in wrong_labels:
            if after[skip:].startswith(wrong):
                start = h.end + skip
                yield ctx.emit(
                    "E106",
                    block,
                    start,
                    start + len(wrong),
                    f"{quoted_abbr(e)}是“{label}”，不是“{wrong}”（{cite(e)}）",
                    label,
                )
                break
