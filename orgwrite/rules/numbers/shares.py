"""N101: a share (占比、覆盖率、满意度) is never over 100%."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from orgwrite.model import Document, Finding
from orgwrite.numerals import inside, number_data
from orgwrite.rules.base import Context, rule
from orgwrite.rules.numbers.common import (
    _NUM,
    _numeric_blocks,
    _protected,
)

# --- N101 share over 100% ---------------------------------------------------------------------


@cache
def _share_re() -> re.Pattern[str]:
    words = "|".join(sorted(number_data()["share_words"], key=len, reverse=True))
    return re.compile(rf"(?:{words})[^，。；：,;:\d%]{{0,10}}?(?<![\d.])({_NUM})%")


@rule("N101", "share-over-100", "error", "占比、覆盖率、满意度等比例超过100%")
def share_over_100(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    占比、覆盖率、参与率、满意度、合格率等是部分占整体的比例，不会超过100%。“完成目标任务的
    117%”“增长120%”不是占比，不报告。
    原因：
    多是小数点错位或把增长率写成了占比，是评审最先看的硬伤。
    错误示例：
    全市党员参学率达到103.5%，群众满意度持续提升。
    正确示例：
    全市党员参学率达到98.5%，完成年度目标任务的117%。
    依据：
    常识：比例的分子不大于分母。
    """
    pattern = _share_re()
    for block in _numeric_blocks(doc, ctx):
        if "%" not in block.text:
            continue
        for m in pattern.finditer(block.text):
            value = float(m.group(1))
            if value <= 100 or inside(_protected(ctx, block), m.start(1)):
                continue
            yield ctx.emit("N101", block, m.start(1), m.end(1) + 1, f"“{m.group(0)}”是比例，不应超过100%，请核对数据")
