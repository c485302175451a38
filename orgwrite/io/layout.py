"""Recognise the frame of a text: title, headings, salutation, closing, web leftovers.

Readers hand over raw paragraphs (text with its place in the source); this module gives
each one its :class:`~orgwrite.model.BlockKind`, heading level and number.  It is shared
by the .txt, .md and .docx readers so every input is understood the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import repeat
from typing import NamedTuple

from orgwrite import lazyre
from orgwrite.model import Block, BlockKind

CN_NUM = "一二三四五六七八九十百零〇两"

#: Heading/item numbers by level (GB/T 9704 §7.3.3): 一、 （一） 1. （1）
NUMBER_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, lazyre.compile(rf"^[{CN_NUM}]{{1,3}}(?:、|[.．](?!\d))")),
    (2, lazyre.compile(rf"^[（(][{CN_NUM}]{{1,3}}[）)]")),
    (3, lazyre.compile(r"^\d{1,3}[.．](?!\d)")),
    (4, lazyre.compile(r"^[（(]\d{1,3}[）)]")),
)

#: Sentence-final marks; a line containing one inside is prose, not a heading.
SENTENCE_END = "。？！"
CLOSING_PUNCT = '。？！…”’）》」』)"'

#: Web-page furniture found anywhere in a short line.  Every alternative begins with a
#: literal, so the engine skips to the candidate characters; the alternatives anchored at
#: the line's start are a second pattern tried once with ``match`` (together they are one
#: alternation: a line is chrome when either finds something).
_CHROME_ANYWHERE = lazyre.compile(
    r"ICP备|ICP证|版权所有|Copyright|©|\(c\)|责任编辑|编辑[:：]|校对[:：]|审核[:：]|"
    r"浏览次数|阅读次数|点击数[:：]|关闭窗口|公网安备|"
    r"记者[^，。；！？]{0,24}摄$|记者[ \u3000]*[\u4e00-\u9fff·]{2,4}$|点击图片"
)
_CHROME_AT_START = lazyre.compile(
    r"^来源[:：]|^作者[:：]|^创建时间[:：]?|^发布时间[:：]?|^发布日期[:：]?|^时间[:：]|"
    r"^评论\s*\d*$|^打印本页|^分享到|"
    r"^【?字号|^扫一扫|^上一篇|^下一篇|^返回顶部|^\[?打印\]?|^主办单位|"
    r"^【?字体[:：]|^[【】]$|^(?:加大|还原|减小|下载|全屏|收藏|大|中|小|默认)$|^(?:您的位置|当前位置|分享|所属栏目)[:：]|"
    r"^[^，。；]{0,30}(?:供图|摄影)$|^》》|^（?责任编辑"
)
_TIMESTAMP_RE = lazyre.compile(
    r"^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4})"
    r"(\s+\d{1,2}:\d{2}(:\d{2})?)?$"
    r"|^\d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}(?:时\d{1,2}分|:\d{2})(?:\d{1,2}秒|:\d{2})?$"
)
_LABEL_ONLY_RE = lazyre.compile(r"^(来源|作者|创建时间|发布时间|发布日期|编辑|责任编辑)[:：]?$")
_SITE_RE = lazyre.compile(r"(网站联盟|网站|首页|频道|门户网|客户端|微信公众号)$")
_SALUTATION_RE = lazyre.compile(
    r"^(尊敬的|各位|同志们|亲爱的|女士们|先生们|老师们|同学们|朋友们)[^。！？]{0,40}[:：,，]?$"
)
_CLOSING_RE = lazyre.compile(r"^(汇报完毕|发言完毕|以上发言|以上汇报|谢谢大家|谢谢)")
_CLOSING_WORDS = ("汇报完毕", "发言完毕", "以上发言", "以上汇报", "谢谢")
_DATE_LINE_RE = lazyre.compile(
    rf"^[（(]?(\d{{4}}|[{CN_NUM}]{{4}})年\d{{1,2}}月\d{{1,2}}日[）)]?$"
    rf"|^[（(]?[{CN_NUM}]{{4}}年[{CN_NUM}]{{1,2}}月[{CN_NUM}]{{1,3}}日[）)]?$"
)
_ATTACHMENT_RE = lazyre.compile(r"^附件[:：\d]")
#: 讲话人 line under a title: a name alone, a post and a name separated by a space
#: (中共××市委书记 张三), or an office ending in a title word and a name (市委常委、组织部部长　张三).
_SPEAKER_RE = lazyre.compile(
    r"^[\u4e00-\u9fff·]{2,4}$"
    r"|^[\u4e00-\u9fff（）()、]{2,30}[ \u3000]+[\u4e00-\u9fff·]{2,4}$"
    r"|^[^，。；：！？,;:!?（）()]{0,24}(书记|部长|主任|市长|省长|常委|局长|主席|厅长|县长|区长|处长|组长|院长|校长)"
    r"[\s\u3000]*[\u4e00-\u9fff·]{2,4}$"
)

#: A line longer than this is never web-page furniture.
MAX_CHROME = 80
#: _DATE_LINE_RE matches at most 15 characters (（二〇二三年十二月三十一日） and a line end).
MAX_DATE_LINE = 17
#: A line this long or longer is never a heading or a title.
MAX_HEADING = 60


#: Block kinds bound once: on Python 3.11 each ``BlockKind.X`` goes through the enum
#: metaclass's attribute hook (some 0.3 µs), and these loops ask for several per block.
_ATTACHMENT = BlockKind.ATTACHMENT
_CHROME = BlockKind.CHROME
_CLOSING = BlockKind.CLOSING
_DATE = BlockKind.DATE
_HEADING = BlockKind.HEADING
_ITEM = BlockKind.ITEM
_PARAGRAPH = BlockKind.PARAGRAPH
_SALUTATION = BlockKind.SALUTATION
_SIGNATURE = BlockKind.SIGNATURE
_SPEAKER = BlockKind.SPEAKER
_SUBTITLE = BlockKind.SUBTITLE
_TITLE = BlockKind.TITLE


class RawParagraph(NamedTuple):
    """A paragraph as a reader found it, before its role is known.

    A named tuple, not a dataclass: a reader makes it and :func:`classify` reads it, nothing
    changes or compares it, and the class costs far less to create when a process starts.
    """

    text: str
    line: int
    column: int = 1
    segments: tuple[tuple[int, int, int], ...] = ()
    hint: BlockKind | None = None  # a reader that knows (Markdown '#', Word style) says so
    level: int = 0


_NO_HINT: tuple[BlockKind | None, int] = (None, 0)

#: The characters a heading number can start with (besides digits).
_NUMBER_START = frozenset(CN_NUM + "（(")

#: NUMBER_PATTERNS as one alternation, group k for level k: ``match`` tries the alternatives
#: in order at the start, as a loop over the four patterns did, and the first that matches wins.
_NUMBER_RE = lazyre.compile("|".join(f"({pattern.pattern[1:]})" for _level, pattern in NUMBER_PATTERNS))


def heading_number(text: str) -> tuple[int, str]:
    """(level, number as written) of a heading/item number at the start of ``text``."""
    if not text or (text[0] not in _NUMBER_START and not text[0].isdigit()):
        return 0, ""  # str.isdigit covers every character \d matches
    m = _NUMBER_RE.match(text)
    return (m.lastindex, m.group(0)) if m else (0, "")


#: _CHROME_AT_START in two: the alternatives that begin with a fixed character (one of
#: _CHROME_START_CHARS), and the one that may begin with anything and must end in 供图 or 摄影.
_CHROME_AT_FIXED_START = lazyre.compile(_CHROME_AT_START.pattern.replace(r"|^[^，。；]{0,30}(?:供图|摄影)$", ""))
_CHROME_PHOTO_CREDIT = lazyre.compile(r"^[^，。；]{0,30}(?:供图|摄影)$")
_CHROME_START_CHARS = frozenset("来作创发时评打分【字扫上下返[主】加还减全收大中小默您当所》（责")


def is_chrome(text: str) -> bool:
    """True for web-page leftovers: footers, bylines, timestamps, counters."""
    if len(text) > MAX_CHROME or not text:
        return False  # page furniture is short; a paragraph of prose never is
    return _chrome_line(text, text[0])


def _chrome_line(text: str, first: str) -> bool:
    r"""is_chrome for a non-empty line of at most MAX_CHROME characters starting with ``first``.

    The anchored pattern's alternatives that begin with a fixed character are tried only
    where the line begins with one of them, its one free-start alternative only where the
    line ends as it must (供图 or 摄影, ``$`` also before a final \n), the timestamp only
    where the stripped line starts with a digit (str.isdigit accepts every character ``\d``
    matches; a line starting with a blank is stripped and asked as before).  Together they
    answer what the one anchored pattern answers: whether one of its alternatives matches.
    """
    if first in _CHROME_START_CHARS and _CHROME_AT_FIXED_START.match(text):
        return True
    last = text[-1]
    if (last == "图" or last == "影" or last == "\n") and _CHROME_PHOTO_CREDIT.match(text):
        return True
    if _CHROME_ANYWHERE.search(text):
        return True
    return (first.isdigit() or first.isspace()) and bool(_TIMESTAMP_RE.match(text.strip()))


#: A speech's title and subtitle on one line: “主题——在……上的讲话”.
_SPEECH_TITLE_RE = lazyre.compile(
    r"^[^。；，]{2,40}—{1,2}\s*在[^。；，！？]{2,60}(?:上|时)的(?:讲话|致辞|发言|报告|主旨演讲)$"
)


def looks_like_heading(text: str) -> bool:
    """Short, with no sentence inside and no final punctuation: a heading or title."""
    if not text or len(text) > MAX_HEADING or "。" in text or "？" in text or "！" in text:
        return False  # three ``in`` look for SENTENCE_END without a regex call
    return text[-1] not in _HEADING_END


_HEADING_END = "，,；;：:、。？！.?!…"

#: A headline is never longer than this (新华社 headlines run to some 80 characters).
MAX_HEADLINE = 100


def _long_headline(text: str) -> bool:
    """A first line longer than a heading but shaped as a headline: no stop, no comma or
    colon inside, no final mark (习近平在……发表重要讲话强调 以更高标准……提供坚强保障)."""
    if len(text) > MAX_HEADLINE or text[-1] in "，,；;：:、。？！.?!…":
        return False
    return not any(ch in text for ch in "。？！，,；;：:")


def _title_broken_at_dunhao(texts: list[str], index: int) -> bool:
    """The first line of a title set on two lines and broken after a 顿号: 关于加强党员发展、
    / 教育管理工作的实施意见 — the next line finishes the title as a heading would."""
    text = texts[index]
    if not text.endswith("、") or not looks_like_heading(text[:-1]) or index + 1 >= len(texts):
        return False
    following = texts[index + 1]
    return looks_like_heading(following) and not heading_number(following)[1]


def classify(raws: list[RawParagraph]) -> list[Block]:
    """Blocks with kinds for the raw paragraphs of one document, in order."""
    return classify_texts(
        [r.text for r in raws],
        [r.line for r in raws],
        [r.column for r in raws],
        [r.segments for r in raws],
        [(r.hint, r.level) for r in raws],
    )


def classify_texts(
    texts: list[str],
    lines: Iterable[int],
    columns: Iterable[int],
    segments: Iterable[tuple[tuple[int, int, int], ...]] | None = None,
    hints: Iterable[tuple[BlockKind | None, int]] | None = None,
) -> list[Block]:
    """:func:`classify` for paragraphs given as parallel sequences (no segments and no
    reader's hints when ``None``): a plain-text reader builds them without an object per line."""
    blocks: list[Block] = []
    append = blocks.append
    chrome_next = False
    seen_body = False  # once the body has begun, the frame kinds (title, speaker…) are over
    title_done = False
    # Names bound once: this loop runs for every paragraph of every text.
    number_start, number_match, chrome_line = _NUMBER_START, _NUMBER_RE.match, _chrome_line
    max_chrome, max_heading, long_kinds, long_first = MAX_CHROME, MAX_HEADING, _LONG_LINE_KINDS, _LONG_LINE_FIRST
    chrome, paragraph, heading, item = _CHROME, _PARAGRAPH, _HEADING, _ITEM
    body_kind, new_block = _body_kind, Block
    if segments is None and hints is None:
        # Once the body has begun a plain text's lines need no frame questions: the loop
        # below stops there and the tighter one after it reads the rest of ``plain``.
        plain = zip(texts, lines, columns, strict=False)
        rows: Iterable = ((text, line, column, (), _NO_HINT) for text, line, column in plain)
    else:
        plain = None
        rows = zip(
            texts,
            lines,
            columns,
            repeat(()) if segments is None else segments,
            repeat(_NO_HINT) if hints is None else hints,
            strict=False,  # the repeats are endless; the sequences given have one entry per text
        )
    for text, line, column, segs, (hint, raw_level) in rows:
        first = text[:1]
        level, number = 0, ""
        if first in number_start or first.isdigit():  # "" is in neither
            m = number_match(text)
            if m:
                level, number = m.lastindex, m.group()
        if hint is chrome or chrome_next or (first and len(text) <= max_chrome and chrome_line(text, first)):
            kind = chrome
            chrome_next = bool(_LABEL_ONLY_RE.match(text.strip()))
        elif seen_body and hint is None:
            # _body_kind, with its commonest answer first: a long line of prose (no date line,
            # no heading, no attachment note or closing word can be this long or start so).
            if len(text) > max_heading and not number and not text.startswith(long_kinds):
                kind = paragraph
            else:
                kind = body_kind(text, number)
        else:
            index = len(blocks)  # one block per paragraph so far
            kind, level, title_done = _frame_kind(
                texts, index, hint, raw_level, blocks, level, number, seen_body, title_done
            )
        if kind is heading or kind is item:
            seen_body = title_done = True
            append(new_block(kind, text, line, column, level, number, segs))
        else:
            if kind is paragraph:
                seen_body = title_done = True
            append(new_block(kind, text, line, column, 0, "", segs))
        if seen_body and plain is not None:
            break
    if plain is not None:
        # The loop above for a paragraph of the body without a hint or segments.
        label_only = _LABEL_ONLY_RE.match
        for text, line, column in plain:
            first = text[:1]
            number = ""
            if first in number_start or first.isdigit():
                m = number_match(text)
                if m:
                    number = m.group()
            size = len(text)
            if chrome_next or (first and size <= max_chrome and chrome_line(text, first)):
                append(new_block(chrome, text, line, column, 0, "", ()))
                chrome_next = bool(label_only(text.strip()))
            elif size > max_heading and number:
                # _body_kind's answer for a numbered line too long to be a heading (nor a date line;
                # a number does not begin with 附件): an item.
                append(new_block(item, text, line, column, m.lastindex, number, ()))
            elif size > max_heading and (first not in long_first or not text.startswith(long_kinds)):
                append(new_block(paragraph, text, line, column, 0, "", ()))
            else:
                kind = body_kind(text, number)
                if number and (kind is heading or kind is item):
                    append(new_block(kind, text, line, column, m.lastindex, number, ()))
                else:
                    append(new_block(kind, text, line, column, 0, "", ()))
    _mark_signature(blocks)
    return blocks


#: How a line of another kind than a paragraph may begin even when it is long.
_LONG_LINE_KINDS = ("附件", *_CLOSING_WORDS)
_LONG_LINE_FIRST = frozenset(word[0] for word in _LONG_LINE_KINDS)
_CLOSING_FIRST = frozenset(word[0] for word in _CLOSING_WORDS)


def _body_kind(text: str, number: str) -> BlockKind:
    """The kind of a paragraph that is not web furniture and carries no reader's hint, by its shape.

    Each pattern is tried only where the line begins with a character it can begin with
    (a date line with a bracket, a digit or a Chinese numeral, as a heading number does).
    """
    first = text[:1]
    if first == "附" and _ATTACHMENT_RE.match(text):
        return _ATTACHMENT
    if len(text) <= MAX_DATE_LINE and (first in _NUMBER_START or first.isdigit()) and _DATE_LINE_RE.match(text):
        return _DATE
    if number:
        return _HEADING if looks_like_heading(text) else _ITEM
    if first in _CLOSING_FIRST and _CLOSING_RE.match(text):
        return _CLOSING
    return _HEADING if looks_like_heading(text) else _PARAGRAPH


def _frame_kind(
    texts: list[str],
    index: int,
    hint: BlockKind | None,
    hint_level: int,
    blocks: list[Block],
    level: int,
    number: str,
    seen_body: bool,
    title_done: bool,
) -> tuple[BlockKind, int, bool]:
    """(kind, level, title_done) of a paragraph with a reader's hint, or before the body began."""
    text = texts[index]
    kind: BlockKind
    front = not seen_body
    if front and index < 3 and len(text) <= 20 and _SITE_RE.search(text):
        kind = _CHROME
    elif hint is not None and hint is not _PARAGRAPH:
        kind = hint
        if kind is _HEADING and hint_level and not level:
            level = hint_level  # the number shown wins over a heading style's level
        if kind is _TITLE:
            title_done = True
    elif not front:
        kind = _body_kind(text, number)
    elif (
        not title_done
        and not number
        and (
            looks_like_heading(text)
            or (index < 3 and _title_broken_at_dunhao(texts, index))
            or (index == 0 and _long_headline(text))
        )
    ):
        kind = _TITLE
        title_done = True
    elif not title_done and index < 3 and _SPEECH_TITLE_RE.search(text):
        kind = _TITLE  # 欢迎你为“求真”而来！——在……上的讲话: a slogan may end in ！
        title_done = True
    elif title_done and text.startswith(("——", "—— ", "--", "—")):
        kind = _SUBTITLE
    elif title_done and _SPEAKER_RE.match(text) and not number:
        kind = _SPEAKER
    elif (
        title_done
        and blocks
        and blocks[-1].kind is _TITLE
        and looks_like_heading(text)
        and not number
        and not _SALUTATION_RE.match(text)
    ):
        kind = _TITLE  # a title set on several lines
    elif len(text) <= MAX_DATE_LINE and _DATE_LINE_RE.match(text):
        kind = _DATE
    elif len(text) <= 40 and _SALUTATION_RE.match(text):
        kind = _SALUTATION
    else:
        kind = _body_kind(text, number)
    return kind, level, title_done


def _mark_signature(blocks: list[Block]) -> None:
    """A short line just before a closing date line is the signature (issuer)."""
    for i in range(len(blocks) - 1, 0, -1):
        if blocks[i].kind is _DATE:
            prev = blocks[i - 1]
            if prev.kind is _HEADING and prev.level == 0 and len(prev.text) <= 30:
                prev.kind = _SIGNATURE
            break
        if blocks[i].kind is not _CHROME:
            break
