"""P113 and P114: characters that do not show (format characters, C0 control characters)."""

from __future__ import annotations

from collections.abc import Iterator

from orgwrite import lazyre
from orgwrite.model import Block, BlockKind, Document, Finding
from orgwrite.rules.base import Context, rule
from orgwrite.rules.punctuation._common import absent, complement_class, joined

_ALL_KINDS = frozenset(BlockKind)

_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
_INVISIBLE_RE = lazyre.compile(f"[{_INVISIBLE}]+")
#: Where _INVISIBLE_RE matches, for a search: a pattern that starts with a repeat makes the
#: engine try every position, one that starts with a class lets it scan for the class.
_INVISIBLE_CHAR_RE = lazyre.compile(f"[{_INVISIBLE}]")
#: A run of visible characters: one match over the skeleton that reaches its end tells it
#: holds no invisible character, at less cost than a search for the class or thirteen ``in``
#: tests of a short text (see :func:`complement_class`).
_NO_INVISIBLE_RE = lazyre.compile(complement_class(_INVISIBLE) + "*+")


def _has_invisible(text: str) -> bool:
    """Exactly when _INVISIBLE_RE matches (thirteen scans for one character beat the class)."""
    return any(c in text for c in _INVISIBLE)


def _invisible_blocks(doc: Document, ctx: Context) -> list[Block]:
    """The blocks that hold an invisible character (the skeleton keeps them all)."""
    j = joined(doc, ctx.cache)
    if j is None:
        return [] if absent(doc, _INVISIBLE_RE, _has_invisible) else doc.blocks
    skeleton = j.skeleton
    if _NO_INVISIBLE_RE.match(skeleton).end() == len(skeleton):
        return []
    return j.skeleton_blocks(_INVISIBLE_CHAR_RE, kinds=_ALL_KINDS)


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
    for block in _invisible_blocks(doc, ctx):
        text = block.text
        if text.isascii() or not _INVISIBLE_RE.search(text):
            continue
        for m in _INVISIBLE_RE.finditer(text):
            names = "、".join(f"U+{ord(c):04X}" for c in dict.fromkeys(m.group(0)))
            yield ctx.emit("P113", block, m.start(), m.end(), f"看不见的字符（{names}），建议删除", "")


# --- P114 control characters --------------------------------------------------------------

#: C0 control characters and DEL, except tab and the line ends the readers turn into lines.
_CONTROL_RE = lazyre.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]+")
#: The characters of _CONTROL_RE: a few ``in`` tests find none faster than a search.
_CONTROLS = "".join(chr(c) for c in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F))
#: A run without a control character (as _NO_INVISIBLE_RE for the invisible ones).
_NO_CONTROL_RE = lazyre.compile(complement_class(_CONTROLS) + "*+")
_CONTROL_NAMES = {
    "\x00": "空字符",
    "\x07": "响铃符",
    "\x08": "退格符",
    "\x0b": "垂直制表符（Word 的手动换行）",
    "\x0c": "换页符",
    "\x1a": "文件结束符",
    "\x1b": "转义符",
    "\x7f": "删除符",
}
#: These carry layout (a page break, a line break): deleting them may join text, so the fix
#: is offered as unsafe; the others carry nothing and are deleted safely.
_LAYOUT_CONTROLS = frozenset("\x0b\x0c")


@rule("P114", "control-character", "warning", "文中有控制字符（换页符、空字符等）", fix="safe")
def control_characters(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    文本中混入了 C0 控制字符：换页符（U+000C）、垂直制表符（U+000B，Word 的手动换行复制到
    纯文本后的样子）、空字符（U+0000）、转义符等。制表符和换行不在此列。建议删除；换页符、
    垂直制表符原是分页、换行，删除时须看前后文字是否连在了一起，所以只作为不安全的修复提供。
    原因：
    控制字符不显示，却会使字数统计、检索出错，Word 文档也不能包含它们（导出时须删去或换成
    分页符），报送前应清除。
    错误示例：
    一是\x00优化食材采购监管。
    正确示例：
    一是优化食材采购监管。
    依据：
    公文用字规范：正文只含可见字符；XML 1.0 第2.2节（文档中允许的字符）。
    """
    j = joined(doc, ctx.cache)
    if absent(doc, _CONTROL_RE) if j is None else _NO_CONTROL_RE.match(j.skeleton).end() == len(j.skeleton):
        return  # control characters are Latin-1: the skeleton keeps them
    for block in doc.blocks:
        text = block.text
        for m in _CONTROL_RE.finditer(text):
            run = m.group(0)
            names = "、".join(f"{_CONTROL_NAMES.get(c, '控制字符')}U+{ord(c):04X}" for c in dict.fromkeys(run))
            safety = "unsafe" if _LAYOUT_CONTROLS.intersection(run) else "safe"
            yield ctx.emit("P114", block, m.start(), m.end(), f"控制字符（{names}），建议删除", "", fix=safety)
