"""P113: characters that do not show."""

from __future__ import annotations

import re
from collections.abc import Iterator

from orgwrite.model import Document, Finding
from orgwrite.rules.base import Context, rule
from orgwrite.rules.punctuation._common import absent

_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]+")


def _has_invisible(text: str) -> bool:
    """Exactly when _INVISIBLE_RE matches (thirteen scans for one character beat the class)."""
    return any(c in text for c in _INVISIBLE)


@rule("P113", "invisible-character", "warning", "文中有看不见的字符（零宽字符、软连字符等）", fix="safe")
def invisible_characters(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    零宽空格（U+200B）、零宽非连接符（U+200C）、软连字符（U+00AD）、方向控制符等字符不显示，
    却会使检索、字数统计和比对出错。建议删除。
    原因：
    这些字符多由网页复制或输入法带入，打印不可见，但会让“一是”检索不到、词语匹配失败。
    错误示例：
    一是‌优化食材采购监管。
    正确示例：
    一是优化食材采购监管。
    依据：
    公文用字规范：正文只含可见字符。
    """
    if absent(doc, _INVISIBLE_RE, _has_invisible):
        return
    for block in doc.blocks:
        text = block.text
        if text.isascii() or not _INVISIBLE_RE.search(text):
            continue
        for m in _INVISIBLE_RE.finditer(text):
            names = "、".join(f"U+{ord(c):04X}" for c in dict.fromkeys(m.group(0)))
            yield ctx.emit("P113", block, m.start(), m.end(), f"看不见的字符（{names}），建议删除", "")
