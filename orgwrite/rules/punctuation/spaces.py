"""P109: spaces inside Chinese text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from orgwrite.model import BlockKind, Document, Finding
from orgwrite.rules.base import Context, rule
from orgwrite.rules.chars import CHINESE
from orgwrite.rules.punctuation._common import absent

_SPACE_RE = re.compile(rf"(?<=[{CHINESE}])[ \u3000\u00a0\t]+(?=[{CHINESE}])")
_ANY_SPACE_RE = re.compile(r"[ \u3000\u00a0\t]")
_SPACE_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.ITEM, BlockKind.CLOSING, BlockKind.SALUTATION})
# 条例、规定的条文号：“第一条　为了……”“第二章　总则”，条号与正文之间空一格是法规排版格式
_ARTICLE_NO_RE = re.compile(r"第[一二三四五六七八九十百零〇两\d]+[条章节编款]")


@rule("P109", "space-in-chinese", "warning", "中文文字之间有多余的空格", fix="safe")
def space_in_chinese(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    正文中两个汉字（或汉字与中文标点）之间不应有空格。段首缩进不在此列；标题中、引号内的口号中
    用空格隔开的并列短语（“好客山东 好品山东”）是习惯写法，也不报告；条例、规定段首条文号后的
    空格（“第一条　为了……”）是法规条文的排版格式，也不报告。
    原因：
    多余的空格多是从网页、PDF复制或排版对齐留下的，打印出来是一个空白。
    错误示例：
    全面加强 基层党组织建设。
    正确示例：
    全面加强基层党组织建设。
    全面打响“好品山东 商行天下”品牌。
    第一条　为了贯彻新时代党的组织路线，制定本条例。
    依据：
    GB/T 15834-2011 第5章（标点符号的位置和书写形式）；公文排版惯例。
    """
    if absent(doc, _SPACE_RE, _ANY_SPACE_RE.search):
        return
    for block in doc.blocks:
        if block.kind not in _SPACE_KINDS and not (block.kind is BlockKind.HEADING and block.level):
            continue
        text = block.text
        if not _ANY_SPACE_RE.search(text):
            continue
        for m in _SPACE_RE.finditer(text):
            before = text[: m.start()]
            if before.count("“") > before.count("”"):
                continue  # inside a quoted slogan: “好客山东 好品山东” separates its two halves
            if _ARTICLE_NO_RE.fullmatch(before.lstrip(" \u3000\u00a0\t")):
                continue  # “第一条　为了……”: the space after an article number is the layout of rules
            yield ctx.emit("P109", block, m.start(), m.end(), "中文文字之间有多余的空格", "")
