"""P112: the mark after a sequence number (1、 （一）、)."""

from __future__ import annotations

from collections.abc import Iterator

from orgwrite import lazyre
from orgwrite.model import BlockKind, Document, Finding
from orgwrite.rules.base import Context, rule
from orgwrite.rules.punctuation._common import TEXT_KINDS, joined

_SEQ = (
    r"(?:(?P<arabic>\d{1,3})、(?!\d)"
    r"|(?P<paren>[（(](?:[一二三四五六七八九十]{1,3}|\d{1,3})[）)])[、，,.．]"
    r"|(?P<di>第[一二三四五六七八九十]{1,3})、"
    r"|(?P<cn>[一二三四五六七八九十]{1,3})[.．，,](?![一二三四五六七八九十\d]))"
)
_SEQ_RE = lazyre.compile("^" + _SEQ)
#: _SEQ_RE at the start of every block but the first of the joined text: a scan for the
#: line end (a literal) finds them all at once.
_LINE_SEQ_RE = lazyre.compile("\n(?=[\\d（(第一二三四五六七八九十])(?=" + _SEQ + ")")


@rule("P112", "sequence-number-punctuation", "warning", "序次语后的标点不规范（1、 （一）、 第一、）", fix="safe")
def sequence_number_punctuation(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    序次语的标点：“一、”用顿号；“（一）”“（1）”带括号的不再加标点；阿拉伯数字用下脚点“1.”而
    不用顿号；“第一”“首先”后用逗号。
    原因：
    层次序号的写法是公文格式的一部分，不统一会使层次混乱。
    错误示例：
    1、推动各级党组织坚决维护党中央权威。
    （一）、坚持政治引领。
    正确示例：
    1.推动各级党组织坚决维护党中央权威。
    （一）坚持政治引领。
    依据：
    GB/T 15834-2011 第4.5.3.1条、附录A.3；GB/T 9704-2012 第7.3.3条。
    """
    j = joined(doc, ctx.cache)
    if j is None:
        blocks = [b for b in doc.blocks if b.kind is not BlockKind.CHROME]
    else:
        found = {i + 1 for i in j.text_indices(_LINE_SEQ_RE)}
        if _SEQ_RE.match(j.text):
            found.add(0)
        blocks = j.pick(found, TEXT_KINDS)
    for block in blocks:
        m = _SEQ_RE.match(block.text)
        if not m:
            continue
        s = m.group(0)
        if m.group("arabic"):
            fixed = m.group("arabic") + "."
            msg = f"阿拉伯数字序号后用下脚点：“{fixed}”而不是“{s}”"
        elif m.group("paren"):
            fixed = m.group("paren")
            msg = f"带括号的序号“{fixed}”后不再加标点"
        elif m.group("di"):
            fixed = m.group("di") + "，"
            msg = f"“{m.group('di')}”后用逗号：“{fixed}”"
        else:
            fixed = m.group("cn") + "、"
            msg = f"汉字序号后用顿号：“{fixed}”"
        yield ctx.emit("P112", block, 0, len(s), msg, fixed)
