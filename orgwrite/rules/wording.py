"""Word choice (rule family W): confusable words in context, redundant forms, banned and cautious wording.

Every entry carries the neighbouring words that make it wrong (``after``/``before`` and their
negations); entries marked ``boundary`` also need a word boundary, decided by jieba on a small
window around the hit only.
"""

from __future__ import annotations

from collections.abc import Iterator

from orgwrite.asof import bounds
from orgwrite.lexicon import context_lexicon, role_hits
from orgwrite.model import Document, Finding
from orgwrite.rules.base import Context, rule


def _hits(doc: Document, ctx: Context, role: str):
    lex = context_lexicon(ctx)
    span = bounds(ctx.as_of, doc.meta.as_of_source)
    for block, h, e in role_hits(doc, ctx, role):
        since = e.get("since")
        if since and span and span[0] < since:
            continue  # the rule did not exist yet when the text was written
        if not lex.context_ok(e, block.text, h.start, h.end):
            continue
        if e.get("boundary") and not lex.is_word(block.text, h.start, h.end):
            continue
        yield block, h, e


@rule("W101", "confusable-word", "warning", "易混词、错别字和冗余搭配（按上下文判断）", fix="unsafe")
def confusable_word(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    截止/截至、启用/起用、权利/权力、部署/布署、付诸于等易混或冗余的写法，按词库中记录的
    前后文（如“截止”后跟时间）判断，给出正确写法。级别按条目：error 为任何语境都错，warning
    为依规范或惯例应改，info 为推荐写法。
    原因：
    这类错误字面通顺，通读时不易发现，却是审稿的高频问题。
    错误示例：
    截止目前，全省已培训干部3000人。
    推动干部把正确政绩观根植于心、付诸于行。
    正确示例：
    截至目前，全省已培训干部3000人。
    推动干部把正确政绩观根植于心、付诸行动。
    依据：
    《现代汉语词典》（第7版）等，见各条目的出处（orgwrite lexicon show 编号）。
    """
    seen: set[tuple[int, int, int]] = set()
    for block, h, e in _hits(doc, ctx, "conf"):
        key = (block.line, block.column, h.start)
        if key in seen:
            continue
        seen.add(key)
        right = e.get("right")
        yield ctx.emit(
            "W101",
            block,
            h.start,
            h.end,
            f"“{h.text}”应为“{right}”：{e.get('message')}" if right else e.get("message"),
            right,
            severity=e.severity,
            fix="safe" if e.severity == "error" else "unsafe",
        )


@rule("W102", "banned-wording", "warning", "禁用和慎用的词语", fix="unsafe")
def banned_wording(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    新华社《新闻信息报道中的禁用词和慎用词》等规范中不宜在正式文稿中使用的词语，如称领导
    干部为“老板”、称村委会主任为“村长”、“践行‘八荣八耻’”。能确定替换时给出替换，否则在说明
    中给出建议。
    原因：
    这些词语或不合规范称谓，或带有不当色彩，公文中应避免。
    错误示例：
    个别干部把县委书记称为老板书记。
    正确示例：
    个别干部把县委书记称为“一把手”。
    依据：
    新华社《新闻信息报道中的禁用词和慎用词》（2016年7月修订）等，见各条目的出处。
    """
    seen: set[tuple[int, int, int]] = set()
    for block, h, e in _hits(doc, ctx, "ban"):
        key = (block.line, block.column, h.start)
        if key in seen:
            continue
        seen.add(key)
        suggestion = e.get("suggestion") or ""
        replace = bool(e.get("replace")) and bool(suggestion)
        message = e.get("reason")
        if suggestion and not replace:
            message += f"（建议：{suggestion}）"
        yield ctx.emit(
            "W102",
            block,
            h.start,
            h.end,
            message,
            suggestion if replace else None,
            severity=e.severity,
        )
