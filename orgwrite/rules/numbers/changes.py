"""N106, N108 and N111: how an increase or a decrease is stated (增长-3%, 提高了5%, 下降了一倍)."""

from __future__ import annotations

from collections.abc import Iterator

from orgwrite import lazyre
from orgwrite.model import Block, Document, Finding
from orgwrite.numerals import inside
from orgwrite.rules.base import Context, rule
from orgwrite.rules.numbers.common import (
    _NUM,
    _PROSE,
    _marked_blocks,
    _protected,
)
from orgwrite.rules.numbers.ranges import _SEP_DIGIT_RES

# --- N106 growth with a negative figure --------------------------------------------------------

_NEG_GROWTH_RE = lazyre.compile(rf"(增长|增加|提高|上升|提升)(了)?[-－−]({_NUM})(%|个百分点)?")
#: A minus sign after 长/加/高/升/了 and before a digit: in every match of _NEG_GROWTH_RE.
_NEG_QUICK_RE = lazyre.compile(r"[-－−](?<=[长加高升了][-－−])\d")
#: The same, one pattern per sign: each led by its literal, which scans faster.  The first two
#: hold wherever _SEP_DIGIT_RES do (a sign before a digit).
_NEG_QUICK_RES = tuple(lazyre.compile(rf"{c}(?<=[长加高升了]{c})\d") for c in (r"\-", "－", "−"))


@rule("N106", "negative-growth", "warning", "“增长”后面跟了负数", fix="unsafe")
def negative_growth(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    “增长-3.2%”即下降3.2%，公文中应直接写“下降3.2%”。
    原因：
    “增长”加负号，读者要多转一道弯，也容易被当成排版错误。
    错误示例：
    全区规模以上工业增加值增长-3.2%。
    正确示例：
    全区规模以上工业增加值下降3.2%。
    依据：
    统计公报和政府工作报告的通行写法。
    """
    for block in _negative_growth_blocks(doc, ctx):
        if not _NEG_QUICK_RE.search(block.text):
            continue
        for m in _NEG_GROWTH_RE.finditer(block.text):
            verb = {"增长": "下降", "增加": "减少", "提高": "降低", "上升": "下降", "提升": "下降"}[m.group(1)]
            fixed = f"{verb}{m.group(2) or ''}{m.group(3)}{m.group(4) or ''}"
            yield ctx.emit("N106", block, m.start(), m.end(), f"“{m.group(0)}”即{fixed}，应直接写“{fixed}”", fixed)


def _negative_growth_blocks(doc: Document, ctx: Context) -> list[Block]:
    """The blocks where one of _NEG_QUICK_RES may match, in order.  A - or a － before a digit
    is a range separator N104 looked for already (its marks are kept): only − is searched."""
    blocks = _marked_blocks(doc, ctx, _SEP_DIGIT_RES)
    minus = _marked_blocks(doc, ctx, _NEG_QUICK_RES[2:])
    if not minus:
        return blocks
    if not blocks:
        return minus
    order = {id(b): k for k, b in enumerate(doc.blocks)}
    return sorted({id(b): b for b in [*blocks, *minus]}.values(), key=lambda b: order[id(b)])


# --- N108 percent vs percentage points ---------------------------------------------------------

_POINTS_RE = lazyre.compile(
    rf"[从由]({_NUM})%(?:提高|提升|增长|增加|上升|下降|降低|减少|回落)(?:到|至)({_NUM})%[，,]?"
    rf"(?:提高|提升|增长|增加|上升|下降|降低|减少|回落)了?(?P<c>{_NUM})%"
)


@rule("N108", "percentage-points", "warning", "百分比的差值应称“百分点”", fix="unsafe")
def percentage_points(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    两个百分比相减的差是“百分点”：从（由）30%提高到35%，是提高了5个百分点（相对增长约
    16.7%），不是“提高了5%”。
    原因：
    百分点与百分比混用，会把数据夸大或缩小。
    错误示例：
    党员参学率从85%提高到95%，提高了10%。
    基层党组织按期换届率由85%提升至90%，增长5%。
    正确示例：
    党员参学率从85%提高到95%，提高了10个百分点。
    依据：
    国家统计局统计用语规范。
    """
    # N101's marks: every block with a % (or ％), the same search.
    for block in _marked_blocks(doc, ctx, ("%", "％")):
        if block.text.count("%") < 3:
            continue
        for m in _POINTS_RE.finditer(block.text):
            a, b, c = float(m.group(1)), float(m.group(2)), float(m.group("c"))
            if abs(abs(b - a) - c) > 1e-6:
                continue
            fixed = f"{m.group('c')}个百分点"
            yield ctx.emit(
                "N108",
                block,
                m.start("c"),
                m.end("c") + 1,
                f"从{m.group(1)}%到{m.group(2)}%相差的是{fixed}，不是{m.group('c')}%",
                fixed,
            )


# --- N111 a decrease stated in times ----------------------------------------------------------

_DECREASE_TIMES_RE = lazyre.compile(
    r"(?P<verb>下降|降低|减少|缩小|缩减|减小|缩短|回落)(?P<le>了)?(?P<pre>近|约|超过)?"
    r"(?P<n>[一二两三四五六七八九十]{1,3}|\d+(?:\.\d+)?)(?P<post>多)?倍"
)


@rule("N111", "decrease-in-times", "warning", "减少用了倍数（下降了一倍）", fix="unsafe")
def decrease_in_times(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    倍数只用于增加：“增加了一倍”“增加到两倍”。减少不用倍数，用分数或百分数：“下降了一半”
    “降低了50%”。“下降了一倍”按字面是降到零，读者无法确定实际降了多少。
    原因：
    用倍数说减少，意思不清，是数字表述的常见错误。
    错误示例：
    通过精简会议文件，全年发文数量下降了一倍。
    正确示例：
    通过精简会议文件，全年发文数量下降了一半，办文效率提高了一倍。
    依据：
    出版物编辑和统计用语常规：倍数用于增加，减少用分数或百分数。
    """
    for block in _marked_blocks(doc, ctx, ("倍",), _PROSE, digits=False):  # prose holding 倍
        text = block.text
        for m in _DECREASE_TIMES_RE.finditer(text):
            if inside(_protected(ctx, block), m.start()):
                continue
            n = m.group("n")
            fixed = None
            if n in ("一", "1") and not m.group("pre") and not m.group("post"):
                fixed = f"{m.group('verb')}{m.group('le') or ''}一半"
            hint = f"，如“{fixed}”" if fixed else ""
            yield ctx.emit(
                "N111",
                block,
                m.start(),
                m.end(),
                f"“{m.group(0)}”：倍数只用于增加，减少应用分数或百分数表示{hint}",
                fixed,
            )
