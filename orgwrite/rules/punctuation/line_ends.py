"""P110 and P111: the mark a paragraph or a salutation ends with."""

from __future__ import annotations

from collections.abc import Iterator

from orgwrite.model import BlockKind, Document, Finding
from orgwrite.rules.base import Context, rule
from orgwrite.rules.kinds import SALUTATION

_END_OK = frozenset("。？！…”’）》」』；：—.?!;:)\"'")
_BODY_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.ITEM})


@rule("P110", "missing-final-punctuation", "warning", "段落末尾缺少句末标点", fix="unsafe")
def missing_final_punctuation(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    正文段落应以句末点号（。？！，可带后引号或后括号）结束。标题、小标题、称谓、落款和日期
    行不在此列；只对段内已有句号等、可以确定是正文的段落报告。
    原因：
    段末没有标点，常常说明文字被截断或漏改，须核对原稿。
    错误示例：
    推进组织工作信息化。进一步做好组工宣传和舆情引导等各方面工作
    正确示例：
    推进组织工作信息化。进一步做好组工宣传和舆情引导等各方面工作。
    依据：
    GB/T 15834-2011 第4.1节（句号）。
    """
    # one comprehension picks the paragraphs with an open end (cheaper than a loop with a
    # test per block)
    for block in [b for b in doc.blocks if b.text[-1] not in _END_OK and b.kind in _BODY_KINDS]:
        text = block.text
        if not any(c in text[:-1] for c in "。？！"):
            continue
        n = len(text)
        yield ctx.emit("P110", block, n - 1, n, "段落末尾缺少句末标点（可能被截断）", text[-1] + "。")


# --- P111 salutation colon ----------------------------------------------------------------


@rule("P111", "salutation-colon", "warning", "称谓语后应用冒号", fix="safe")
def salutation_colon(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    讲话、发言开头的称谓语（“同志们”“尊敬的各位领导”）独占一行，末尾用全角冒号。
    原因：
    称谓语后用冒号，表示提起下文。
    错误示例：
    尊敬的各位领导，同志们，
    正确示例：
    尊敬的各位领导，同志们：
    依据：
    GB/T 15834-2011 第4.7.3.1条（称呼语后用冒号）。
    """
    for block in [b for b in doc.blocks if b.kind is SALUTATION]:
        text = block.text
        last = text[-1]
        if last in ":：":
            continue
        if last in "，,、；;。.":
            yield ctx.emit("P111", block, len(text) - 1, len(text), f"称谓语末尾的“{last}”应为冒号", "：")
        else:
            yield ctx.emit("P111", block, len(text) - 1, len(text), "称谓语后缺少冒号", last + "：")
