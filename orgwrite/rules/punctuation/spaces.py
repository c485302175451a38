"""P109: spaces inside Chinese text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from orgwrite import lazyre
from orgwrite.lazyre import lazy
from orgwrite.model import BlockKind, Document, Finding
from orgwrite.rules.base import Context, rule
from orgwrite.rules.chars import CHINESE
from orgwrite.rules.punctuation._common import absent, joined, source_absent

#: ``(?<=[CHINESE])[ \u3000\u00a0\t]+(?=[CHINESE])`` written to start with the space, so the
#: engine scans for spaces (a leading look-behind is tried at every character).
_SPACE_RE = lazy(rf"[ \u3000\u00a0\t](?<=[{CHINESE}][ \u3000\u00a0\t])[ \u3000\u00a0\t]*(?=[{CHINESE}])")
_ANY_SPACE_RE = lazyre.compile(r"[ \u3000\u00a0\t]")
_SPACE_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.ITEM, BlockKind.CLOSING, BlockKind.SALUTATION})
_CHECKED_KINDS = _SPACE_KINDS | {BlockKind.HEADING}
#: Over the skeleton: spaces between two characters that are not Latin-1 (or ·), as every
#: match of _SPACE_RE stands (a Chinese character stays itself or becomes the placeholder).
_SKELETON_SPACE_RE = lazyre.compile(
    "[ \u3000\u00a0\t](?<=[^\x00-\xb6\xb8-\xff][ \u3000\u00a0\t])[ \u3000\u00a0\t]*[^\x00-\xb6\xb8-\xff]"
)
# 条例、规定的条文号：“第一条　为了……”“第二章　总则”，条号与正文之间空一格是法规排版格式
_ARTICLE_NO_RE = lazy(r"第[一二三四五六七八九十百零〇两\d]+[条章节编款]")
#: A two-character name (or post: 主  任) padded to the width of a three-character one.
_PADDED_RE = lazy(r"[\u4e00-\u9fff]([ \u3000]{1,3})[\u4e00-\u9fff]")
#: _PADDED_RE from its first space on: it starts with the space, so the engine scans for
#: spaces instead of trying the pattern at every Han character.
_PADDING_RE = lazy(r"[ \u3000](?<=[\u4e00-\u9fff][ \u3000])[ \u3000]{0,2}[\u4e00-\u9fff]")


def _padded_spans(text: str) -> Iterator[tuple[int, int, int]]:
    """Start, end and padding start of each match of _PADDED_RE, as ``finditer`` gives them.

    A match of _PADDING_RE at a space is one of _PADDED_RE at the character before it; of
    those, ``finditer`` would not give one whose first character the previous match took.
    """
    taken = 0
    for m in _PADDING_RE.finditer(text):
        padding = m.start()
        if padding - 1 < taken:
            continue
        taken = m.end()
        yield padding - 1, taken, padding


_NAME = r"(?:[\u4e00-\u9fff][ \u3000]{1,3}[\u4e00-\u9fff]|[\u4e00-\u9fff]{2,3})"
#: Words that follow a personal name in our genres: 蒋  明同志, （1）朱 雯述职述廉报告.
_AFTER_A_NAME = ("同志", "述职")
_LIST_MARKS = "、，,：:（( \u3000"
_ITEM_END = _LIST_MARKS + "；;。）)"
#: The next item of a list of names, ending where the list or the sentence goes on.
_NEXT_NAME_RE = lazy(rf"{_NAME}(?=$|[{_ITEM_END}等为])")
#: The item before a 、, itself standing after a list mark.
_PREVIOUS_NAME_RE = lazy(rf"(?:^|[{_LIST_MARKS}]){_NAME}$")


#: A list of names set apart by spaces after a colon, an opening bracket or at the start, up to
#: the end, a bracket or the next label: 王晓华　蒋　明　刘建国等 / （记者：罗争光 王琦 参与采写：…）.
_SPACED_NAMES_RE = lazy(
    r"(?:^|(?<=[：:（(]))(?:[\u4e00-\u9fff·]{1,4}[ \u3000]+)+[\u4e00-\u9fff·]{1,4}(?=$|[等。；;，,：:）)])"
)
#: Where a match of _SPACED_NAMES_RE may start besides the start of the text: just after one
#: of these, which no match holds (so matches found from each stand apart, as ``finditer``'s).
_NAMES_LEAD_RE = lazyre.compile(r"[：:（(]")


def _spaced_names(text: str) -> Iterator[re.Match[str]]:
    """The matches of _SPACED_NAMES_RE, as ``finditer`` gives them, tried only where one can
    start (``finditer`` tries the pattern, which starts with a look-behind, at every character)."""
    m = _SPACED_NAMES_RE.match(text)
    if m:
        yield m
    for lead in _NAMES_LEAD_RE.finditer(text):
        m = _SPACED_NAMES_RE.match(text, lead.end())
        if m:
            yield m


#: The author of a contribution in brackets at the end: （文科一党支部 谢澹）.
_BYLINE_RE = lazy(r"（[^（）]{2,20}?([ \u3000]+)[\u4e00-\u9fff·]{2,4}）$")


def _layout_spaces(text: str, number: str) -> set[int]:
    """Start offsets of spaces that belong to the layout of names and bylines (``number`` is
    the sequence number the block starts with, if any)."""
    found = _padded_names(text, len(number))
    for m in _spaced_names(text):
        found.update(i for i in range(*m.span()) if text[i] in " \u3000" and text[i - 1] not in " \u3000")
    byline = _BYLINE_RE.search(text)
    if byline:
        found.add(byline.start(1))
    return found


def _padded_names(text: str, after_number: int) -> set[int]:
    """Start offsets of the padding inside two-character names of a list of names.

    The padded name stands alone between list marks (王晓华　蒋　明　刘建国, 主  任：), or
    next to a 、 whose other side is a name too: the first item after a verb (选举蒋  明、
    王晓华) and the last before the predicate (王晓华、李　军为……).
    """
    found: set[int] = set()
    for start, end, padding in _padded_spans(text):
        before = text[start - 1] if start and start != after_number else ""
        after = text[end] if end < len(text) else ""
        if (not before or before in _LIST_MARKS) and (not after or after in _ITEM_END):
            found.add(padding)
        elif (not before or before in _LIST_MARKS) and text.startswith(_AFTER_A_NAME, end):
            found.add(padding)  # （1）朱 雯述职报告 / 蒋  明同志
        elif after == "、" and _NEXT_NAME_RE.match(text, end + 1):
            found.add(padding)
        elif before == "、" and _PREVIOUS_NAME_RE.search(text, 0, start - 1):
            found.add(padding)
    return found


@rule("P109", "space-in-chinese", "warning", "中文文字之间有多余的空格", fix="safe")
def space_in_chinese(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    正文中两个汉字（或汉字与中文标点）之间不应有空格。段首缩进不在此列；标题中、引号内的口号中
    用空格隔开的并列短语（“好客山东 好品山东”）是习惯写法，也不报告；条例、规定段首条文号后的
    空格（“第一条　为了……”）是法规条文的排版格式，也不报告；名单中两字人名（或职务）中间为与
    三字人名对齐而加的空格（“蒋  明、王晓华”“主  任：”）、冒号后以空格分隔的名单和署名
    （“记者：罗争光 王琦”“（文科一党支部 谢澹）”）、书名号内隔开书名两部分的空格是排版
    习惯，也不报告。
    原因：
    多余的空格多是从网页、PDF复制或排版对齐留下的，打印出来是一个空白。
    错误示例：
    全面加强 基层党组织建设。
    正确示例：
    全面加强基层党组织建设。
    全面打响“好品山东 商行天下”品牌。
    第一条　为了贯彻新时代党的组织路线，制定本条例。
    会议选举蒋  明、王晓华、李　军为区委常委。
    依据：
    GB/T 15834-2011 第5章（标点符号的位置和书写形式）；公文排版惯例。
    """
    j = joined(doc, ctx.cache)
    if j is None:
        blocks = [] if absent(doc, _SPACE_RE, _ANY_SPACE_RE.search) else doc.blocks
    else:
        blocks = j.skeleton_blocks(_SKELETON_SPACE_RE, kinds=_CHECKED_KINDS, needs=" \u3000\u00a0\t")
        if source_absent(doc, blocks, _SPACE_RE, _ANY_SPACE_RE.search):
            return
    for block in blocks:
        if block.kind not in _SPACE_KINDS and not (block.kind is BlockKind.HEADING and block.level):
            continue
        text = block.text
        if not _ANY_SPACE_RE.search(text):
            continue
        layout = _layout_spaces(text, block.number)
        for m in _SPACE_RE.finditer(text):
            if m.start() in layout:
                continue  # “蒋  明”, a byline: the layout of names
            before = text[: m.start()]
            if before.count("“") > before.count("”") or before.count("《") > before.count("》"):
                continue  # inside a quoted slogan or a title: “好客山东 好品山东” separates its halves
            if _ARTICLE_NO_RE.fullmatch(before.lstrip(" \u3000\u00a0\t")):
                continue  # “第一条　为了……”: the space after an article number is the layout of rules
            yield ctx.emit("P109", block, m.start(), m.end(), "中文文字之间有多余的空格", "")
