"""Punctuation by GB/T 15834-2011《标点符号用法》 (rule family P).

Precision first: each rule fires only where the context makes the mark wrong — ASCII
marks inside numbers, times, URLs and English words, the heading numbers ``1.``/``(1)``,
ranges between place names and quotations running over several paragraphs are left
alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from orgwrite.lazyre import lazy
from orgwrite.model import Block, BlockKind, Document, Finding
from orgwrite.rules.base import Context, rule
from orgwrite.rules.chars import CHINESE, is_chinese

#: Blocks whose text is checked for punctuation (web leftovers are reported once by S103).
_TEXT_KINDS = frozenset(BlockKind) - {BlockKind.CHROME}


def _text_blocks(doc: Document) -> Iterator[Block]:
    return (b for b in doc.blocks if b.kind in _TEXT_KINDS)


def _absent(doc: Document, pattern: re.Pattern[str], quick: Callable[[str], object] | None = None) -> bool:
    """True when ``pattern`` occurs nowhere in the source: the rule has nothing to do.

    One search over the whole text in C is far cheaper than one per paragraph, and most
    clean texts contain none of the marks a punctuation rule looks for.  ``quick(text)`` is
    a cheaper test that is true wherever ``pattern`` matches (a search for a pattern that
    starts with a literal or a character class, or a few ``in`` tests): when it is false,
    ``pattern`` is absent too (a pattern with a leading look-behind makes every position a
    candidate and scans slowly).
    """
    text = doc.text or "\n".join(b.text for b in doc.blocks)
    if quick is not None and not quick(text):
        return True
    return pattern.search(text) is None


# --- P101 half-width marks ---------------------------------------------------------------

_ASCII_MARKS_RE = re.compile(r"[,.:;?!()]")
_FULL = {",": "，", ".": "。", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_URL_RE = lazy(
    r"(?:https?://|www\.)[\w./?=&%#:;,@+~-]*|[\w.-]+@[\w-]+\.[\w.]+|[\w-]+\.(?:com|cn|net|org|gov)\b[\w./?=&%-]*"
)
#: In every match of _URL_RE (which scans slowly: ``[\w.-]+@`` tries every run of letters).
_URL_QUICK_RE = re.compile(r"\.(?:com|cn|net|org|gov)|@|www\.|://")
_LEADING_NUMBER_RE = re.compile(r"^(?:\d{1,3}\.(?!\d)|\(\d{1,3}\)|[一二三四五六七八九十]{1,3}\.)")


_CN = f"[{CHINESE}]"
#: , ; : ? ! and the full stop next to Chinese text (one pass in C; parentheses need pairing):
#: a mark preceded by Chinese; , ; : followed by Chinese; ? ! between a non-ASCII character and
#: Chinese; a full stop after Chinese before Chinese, a space or the end.  Written to start with
#: the class of marks, so the engine scans for a mark at C speed and checks its neighbours only
#: there (a leading look-behind would be tried at every character).
_HALF_RE = lazy(
    rf"[,;:?!.](?:(?<={_CN}[,;:?!])|(?<=[,;:])(?={_CN})|(?<=[^\x00-\x7f][?!])(?={_CN})"
    rf"|(?<={_CN}\.)(?=[{CHINESE} \u3000]|$))"
)
_PAREN_RE = re.compile(r"[()]")
_ANY_HALF_RE = re.compile(r"[,.:;?!()]")


def _half_width_offsets(text: str) -> list[int]:
    """Offsets of ASCII marks that stand in Chinese text."""
    if not _ANY_HALF_RE.search(text):
        return []
    found = [m.start() for m in _HALF_RE.finditer(text)]
    if "(" in text or ")" in text:
        found.extend(_paren_offsets(text))
        found.sort()
    if not found:
        return found
    skip: set[int] = set()
    if _URL_QUICK_RE.search(text):
        for m in _URL_RE.finditer(text):
            skip.update(range(m.start(), m.end()))
    lead = _LEADING_NUMBER_RE.match(text)
    if lead:
        skip.update(range(lead.start(), lead.end()))
    return [i for i in found if i not in skip] if skip else found


def _paren_offsets(text: str) -> list[int]:
    """ASCII parentheses in Chinese context; a ')' goes with its '(' (and vice versa)."""
    lead = _LEADING_NUMBER_RE.match(text)
    first = lead.end() if lead else 0
    found: list[int] = []
    opened: list[tuple[int, bool]] = []
    for m in _PAREN_RE.finditer(text, first):
        i = m.start()
        prev = text[i - 1] if i > 0 else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        near = is_chinese(prev) or is_chinese(nxt)
        if text[i] == "(":
            opened.append((i, near))
            if near:
                found.append(i)
        else:
            j, partner = opened.pop() if opened else (-1, False)
            if near and j >= 0 and not partner:
                found.append(j)
            if near or partner:
                found.append(i)
    return found


@rule("P101", "half-width-punctuation", "error", "中文文本中使用了半角标点（, . : ; ? ! ( )）", fix="safe")
def half_width_punctuation(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    中文文本中的逗号、句号、冒号、分号、问号、叹号和括号应使用全角形式。数字中的分隔符、
    时间（11:37）、网址、英文词句和层次序号“1.”“(1)”不在此列。同一段落的半角标点合并为一条
    报告，建议替换覆盖从第一处到最后一处的文字。
    原因：
    GB/T 15834-2011 规定中文标点占一个字位置；公文格式要求标点使用中文格式。
    错误示例：
    坚持以习近平新时代中国特色社会主义思想为指导,在服务大局中坚守政治站位。
    在各级党校(行政学院)持续开展培训。
    正确示例：
    坚持以习近平新时代中国特色社会主义思想为指导，在服务大局中坚守政治站位。
    会议于9:30开始，共有1,200人参加，详见www.gov.cn。
    依据：
    GB/T 15834-2011《标点符号用法》第5章。
    """
    if _absent(doc, _ANY_HALF_RE):
        return
    for block in _text_blocks(doc):
        offsets = _half_width_offsets(block.text)
        if not offsets:
            continue
        start, end = offsets[0], offsets[-1] + 1
        chars = list(block.text[start:end])
        for i in offsets:
            chars[i - start] = _FULL[block.text[i]]
        marks = "".join(dict.fromkeys(block.text[i] for i in offsets))
        listed = " ".join(f"“{m}”" for m in marks)
        yield ctx.emit(
            "P101",
            block,
            start,
            end,
            f"本段有{len(offsets)}处半角标点（{listed}），中文文本应使用全角标点",
            "".join(chars),
        )


# --- P102 paired marks -------------------------------------------------------------------

_OPEN = {"“": "”", "‘": "’", "（": "）", "《": "》", "〈": "〉", "【": "】", "「": "」", "『": "』"}
_CLOSE = {v: k for k, v in _OPEN.items()}
_PAIR_RE = re.compile("[" + "".join(_OPEN) + "".join(_CLOSE) + "]")
#: Deletes every pair mark except the double quotes.
_NOT_DOUBLE_QUOTE = str.maketrans("", "", "".join(ch for ch in (*_OPEN, *_CLOSE) if ch not in "“”"))
_NAMES = {
    "“": "引号",
    "‘": "单引号",
    "（": "括号",
    "《": "书名号",
    "〈": "书名号",
    "【": "方头括号",
    "「": "引号",
    "『": "引号",
}


_PAIRS = tuple(o + c for o, c in _OPEN.items())


def _well_paired(text: str) -> bool:
    """True when the marks of ``text`` are paired and nested properly, with no double quote
    inside a double quote and no ’ (which may be an apostrophe): P102 has nothing to say.

    Done on the string of marks alone with ``str.replace`` (C speed): marks nest properly
    exactly when removing adjacent matching pairs again and again leaves nothing.
    """
    marks = "".join(_PAIR_RE.findall(text))
    if "’" in marks:
        return False
    quotes = marks.translate(_NOT_DOUBLE_QUOTE)
    if quotes != "“”" * (len(quotes) // 2):
        return False
    while marks:
        before = len(marks)
        for pair in _PAIRS:
            marks = marks.replace(pair, "")
        if len(marks) == before:
            return False
    return True


def _is_apostrophe(text: str, i: int) -> bool:
    """’ between Latin letters is an apostrophe (don’t), not a quote."""
    return 0 < i < len(text) - 1 and text[i - 1].isascii() and text[i - 1].isalpha() and text[i + 1].isascii()


@rule("P102", "unbalanced-pair", "error", "引号、括号、书名号不成对或嵌套错误")
def unbalanced_pairs(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    引号“”‘’、括号（）、书名号《》〈〉、方头括号【】必须成对，且不能交叉嵌套；引号内再用引号
    时外层用双引号、内层用单引号。引文跨越几个段落时，每段开头用前引号、只在最后一段末尾用
    后引号——这种情况不报告。
    原因：
    缺失一半的引号或括号使引用、注释的范围不清，往往是编辑中删改留下的残缺。
    错误示例：
    着力形成正确的导向和风气。”省委书记对干部工作提出严格要求。
    出台《关于加强干部监督的意见，推动工作落实。
    正确示例：
    他强调：“要坚持‘三严三实’要求。”
    出台《关于加强干部监督的意见》，推动工作落实。
    依据：
    GB/T 15834-2011 第4.8、4.9、4.10节；引号嵌套见第4.8.3.4条。
    """
    prose = [b for b in _text_blocks(doc)]
    for index, block in enumerate(prose):
        text = block.text
        if not _PAIR_RE.search(text) or _well_paired(text):
            continue
        stack: list[int] = []
        for m in _PAIR_RE.finditer(text):
            i = m.start()
            ch = text[i]
            if ch in _OPEN:
                if ch == "“" and any(text[j] == "“" for j in stack):
                    yield ctx.emit(
                        "P102", block, i, i + 1, "引号内又用了双引号：内层引号应为单引号‘’，或此处应为后引号”"
                    )
                stack.append(i)
                continue
            if ch == "’" and _is_apostrophe(text, i):
                continue
            opener = _CLOSE[ch]
            if stack and text[stack[-1]] == opener:
                stack.pop()
                continue
            inner = [j for j in stack if text[j] == opener]
            if inner:
                j = inner[-1]
                crossed = text[stack[-1]]
                yield ctx.emit(
                    "P102",
                    block,
                    stack[-1],
                    i + 1,
                    f"{_NAMES[crossed]}与{_NAMES[opener]}交叉嵌套：“{crossed}”应在“{ch}”之前闭合",
                )
                del stack[stack.index(j) :]
                continue
            yield ctx.emit(
                "P102",
                block,
                i,
                i + 1,
                f"{_NAMES[opener]}不成对：有后{_NAMES[opener]}“{ch}”而无对应的前{_NAMES[opener]}",
            )
        continues = index + 1 < len(prose) and prose[index + 1].text.startswith("“")
        for j in stack:
            ch = text[j]
            if ch == "“" and continues:
                continue  # a quotation running over several paragraphs
            yield ctx.emit(
                "P102", block, j, j + 1, f"{_NAMES[ch]}不成对：前{_NAMES[ch]}“{ch}”在本段内没有对应的“{_OPEN[ch]}”"
            )


# --- P103 empty pairs --------------------------------------------------------------------

_EMPTY_RE = re.compile(
    r"“[ \u3000]*”|‘[ \u3000]*’|《[ \u3000]*》|〈[ \u3000]*〉|（[ \u3000]*）|\([ \u3000]*\)|【[ \u3000]*】|「[ \u3000]*」"
)


@rule("P103", "empty-pair", "error", "引号、书名号或括号内没有内容（内容丢失）")
def empty_pairs(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    成对的引号、书名号、括号中间没有任何文字，几乎总是复制、转换或删改时丢失了内容。
    原因：
    读者无法得知被引用或被标注的是什么，必须补上原文。
    错误示例：
    群众总体评价为“”和“较好”的达99.82%。
    正确示例：
    群众总体评价为“好”和“较好”的达99.82%。
    依据：
    GB/T 15834-2011 第4.8节（引号）、第4.15节（书名号）。
    """
    if _absent(doc, _EMPTY_RE):
        return
    for block in _text_blocks(doc):
        text = block.text
        for m in _EMPTY_RE.finditer(text):
            kind = _NAMES.get(m.group(0)[0], "括号")
            yield ctx.emit("P103", block, m.start(), m.end(), f"空{kind}：{kind}内没有内容，可能丢失了文字")


# --- P104 doubled marks ------------------------------------------------------------------

_DOUBLE_RE = re.compile(r"[，、；：。]{2,}|[，、；：。][？！]|[？！][，、；：。]")
#: Two marks in a row: in every match of _DOUBLE_RE, and found by a fast class scan.
_DOUBLE_QUICK_RE = re.compile(r"[，、；：。？！][，、；：。？！]")


@rule("P104", "doubled-punctuation", "error", "点号重复或冲突（，， 。， ；。）", fix="safe")
def doubled_punctuation(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    两个点号（逗号、顿号、分号、冒号、句号等）连用：或是重复输入，或是改稿时留下了旧标点。
    重复的同一标点建议删去多余的一个；不同标点相冲突时须由作者决定保留哪一个。
    问号、叹号的叠用（？！）属修辞用法，不报告。
    原因：
    一处停顿只能用一个点号。
    错误示例：
    全面加强基层党组织建设，，提升组织力。
    会议强调。，要压实责任。
    正确示例：
    全面加强基层党组织建设，提升组织力。
    这难道不值得深思吗？！
    依据：
    GB/T 15834-2011 第4章（点号的用法）。
    """
    if _absent(doc, _DOUBLE_RE, _DOUBLE_QUICK_RE.search):
        return
    for block in _text_blocks(doc):
        if not _DOUBLE_QUICK_RE.search(block.text):
            continue
        for m in _DOUBLE_RE.finditer(block.text):
            s = m.group(0)
            if len(s) >= 3 and set(s) == {"。"}:
                continue  # "。。。" is a malformed ellipsis: P106 reports it
            if len(set(s)) == 1:
                yield ctx.emit("P104", block, m.start(), m.end(), f"标点“{s[0]}”重复了{len(s)}次", s[0])
            else:
                yield ctx.emit("P104", block, m.start(), m.end(), f"点号“{s}”连用相互冲突，只应保留一个")


# --- P105 顿号 between quoted items ------------------------------------------------------

_QUOTED_LIST_RE = re.compile(r"(?<=”)、(?=“)|(?<=》)、(?=《)")


def _has_quoted_list(text: str) -> bool:
    """Exactly when _QUOTED_LIST_RE matches, without its leading look-behind."""
    return "”、“" in text or "》、《" in text


@rule("P105", "dunhao-between-quotes", "warning", "标有引号或书名号的并列成分之间用了顿号", fix="safe")
def dunhao_between_quotes(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    标有引号的并列成分之间、标有书名号的并列成分之间通常不用顿号；若有其他成分（如括注）
    插在并列的引号或书名号之间，宜用顿号——此时顿号前是括号而不是引号、书名号，本规则不报告。
    原因：
    引号、书名号已把各项分开，再加顿号是多余的停顿。
    错误示例：
    出台《吉林省公务员考核实施办法》、《吉林省公务员平时考核实施办法（试行）》。
    常态化开展“院士专家基层行”、“院士专家吉林行”等活动。
    正确示例：
    出台《吉林省公务员考核实施办法》《吉林省公务员平时考核实施办法（试行）》。
    《作家》（孟十还主编）、《译文》（黄源主编）相继创刊。
    依据：
    GB/T 15834-2011 第4.5.3.5条。
    """
    if _absent(doc, _QUOTED_LIST_RE, _has_quoted_list):
        return
    for block in _text_blocks(doc):
        text = block.text
        if not _has_quoted_list(text):
            continue
        for m in _QUOTED_LIST_RE.finditer(text):
            kind = "引号" if text[m.start() - 1] == "”" else "书名号"
            yield ctx.emit("P105", block, m.start(), m.end(), f"标有{kind}的并列成分之间通常不用顿号", "")


# --- P106 ellipsis -----------------------------------------------------------------------

_ELLIPSIS_RE = re.compile(r"\.{3,}|。{3,}|…+|·{3,}|，{3,}")


def _has_ellipsis(text: str) -> bool:
    """Exactly when _ELLIPSIS_RE matches (five scans for a literal are faster than the regex)."""
    return "…" in text or "..." in text or "。。。" in text or "···" in text or "，，，" in text


@rule("P106", "ellipsis", "error", "省略号应为“……”（六个点，占两个字位置）", fix="safe")
def ellipsis(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    省略号用两个“…”（U+2026）组成的“……”，不用三个西文句点“...”、三个句号“。。。”或单个“…”。
    省略号后不再加“等”“等等”。
    原因：
    GB/T 15834 规定省略号为六连点、占两个字位置；省略号与“等”都表示列举未尽，同用重复。
    错误示例：
    端午节、中秋节、重阳节...都是传统节日。
    端午节、中秋节、重阳节……等传统节日。
    正确示例：
    端午节、中秋节、重阳节……都是传统节日。
    依据：
    GB/T 15834-2011 第4.11节。
    """
    if _absent(doc, _ELLIPSIS_RE, _has_ellipsis):
        return
    for block in _text_blocks(doc):
        text = block.text
        if not _has_ellipsis(text):
            continue
        for m in _ELLIPSIS_RE.finditer(text):
            s = m.group(0)
            before = text[m.start() - 1] if m.start() else ""
            after = text[m.end()] if m.end() < len(text) else ""
            if s == "……":
                if after == "等":
                    end = m.end() + (2 if text[m.end() : m.end() + 2] == "等等" else 1)
                    yield ctx.emit("P106", block, m.start(), end, "省略号后不再用“等”或“等等”", severity="warning")
                continue
            if s.startswith(".") and not (is_chinese(before) or is_chinese(after)):
                continue  # English text or a table of contents
            if s == "……" * (len(s) // 2) and len(s) % 2 == 0:
                continue  # twelve dots for an omitted paragraph
            yield ctx.emit("P106", block, m.start(), m.end(), f"省略号“{s}”不规范，应为“……”", "……")


# --- P107 dash -----------------------------------------------------------------------------

_ANY_DASH_RE = re.compile(r"--|－－|―|──|—{3}|^—|[ \u3000]—", re.M)
_DASH_RE = lazy(r"-{2,}|－{2,}|―{1,2}|─{2}|—{3,}|^—(?!—)|(?<=[ \u3000])—(?!—)(?=[" + CHINESE + r"])")


def _maybe_dash(text: str) -> bool:
    """True wherever _ANY_DASH_RE (and so _DASH_RE) can match: scans for literals only."""
    return (
        "--" in text
        or "－－" in text
        or "―" in text
        or "──" in text
        or "———" in text
        or text.startswith("—")
        or "\n—" in text
        or " —" in text
        or "\u3000—" in text
    )


@rule("P107", "dash", "error", "破折号应为“——”（两个一字线）", fix="safe")
def dash(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    破折号是两个连写的一字线“——”（U+2014），不用西文连字符“--”、全角减号“－－”、
    横线“―”或制表线“──”，也不用单个“—”。两个数字、地名之间表示起止的单个“—”是连接号，
    本规则不报告。
    原因：
    字形不对的破折号在排版中长短、位置都不对，而且检索不到。
    错误示例：
    勇当排头兵--党的十八大以来首府组织工作综述
    正确示例：
    勇当排头兵——党的十八大以来首府组织工作综述
    京沪高铁北京—上海段全线贯通。
    依据：
    GB/T 15834-2011 第4.9节（破折号）、第4.13节（连接号）。
    """
    if _absent(doc, _ANY_DASH_RE, _maybe_dash):
        return
    for block in _text_blocks(doc):
        text = block.text
        if not _maybe_dash(text):
            continue
        for m in _DASH_RE.finditer(text):
            s = m.group(0)
            if (
                s.startswith("-")
                and m.start() > 0
                and not any(is_chinese(c) for c in (text[m.start() - 1 : m.start()] + text[m.end() : m.end() + 1]))
            ):
                continue
            yield ctx.emit("P107", block, m.start(), m.end(), f"破折号“{s}”不规范，应为“——”", "——")


# --- P108 ranges written with a hyphen -----------------------------------------------------

_RANGE_RE = lazy(
    r"(?<![\d.\-/:：])(\d{4}年?)[-－~～—–](\d{4}年)"
    r"|(?<![\d.\-/:：])(\d{1,2}月?)[-－~–](\d{1,2}月)(?!\d)"
    r"|(?<![\d.\-/:：])(\d{1,2}日?)[-－~–](\d{1,2}日)(?!\d)"
)
#: A separator before a digit: in every match of _RANGE_RE, found by a fast class scan.
_RANGE_QUICK_RE = re.compile(r"[-－~～—–]\d")


def _no_range(doc: Document) -> bool:
    """``_absent(doc, _RANGE_RE)``, trying the slow pattern only just before each separator.

    A match of _RANGE_RE is 1–5 characters, a separator, then a digit; so it starts at one
    of the five positions before a hit of _RANGE_QUICK_RE (whose hits cannot overlap: a
    separator is not a digit).
    """
    text = doc.text or "\n".join(b.text for b in doc.blocks)
    for hit in _RANGE_QUICK_RE.finditer(text):
        i = hit.start()
        for start in range(max(0, i - 5), i):
            if _RANGE_RE.match(text, start):
                return False
    return True


@rule("P108", "hyphen-range", "error", "年、月、日的起止用了连字符，应用一字线“—”", fix="safe")
def hyphen_range(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    表示时间起止用一字线“—”：2018—2022年、1—6月。连字符“-”只用于全数字日期（2018-01-15）、
    电话号码、型号等。
    原因：
    GB/T 15834 规定标示时间、地域的起止用一字线；“-”是短横线，意义不同。
    错误示例：
    研究制定2018-2022年全省干部教育培训规划。
    正确示例：
    研究制定2018—2022年全省干部教育培训规划。
    依据：
    GB/T 15834-2011 第4.13.3.2条。
    """
    if _no_range(doc):
        return
    for block in _text_blocks(doc):
        text = block.text
        if not any(c in text for c in "-－~–～") or not _RANGE_QUICK_RE.search(text):
            continue
        for m in _RANGE_RE.finditer(text):
            first, second = next((g, h) for g, h in zip(m.groups()[::2], m.groups()[1::2], strict=True) if g)
            if first.endswith(("年", "月", "日")) is False and second[-1] not in "年月日":
                continue
            if "—" == text[m.start(0) + len(first)]:
                continue
            replacement = f"{first}—{second}"
            yield ctx.emit(
                "P108", block, m.start(), m.end(), f"时间起止“{m.group(0)}”应用一字线：{replacement}", replacement
            )


# --- P109 spaces inside Chinese text ------------------------------------------------------

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
    if _absent(doc, _SPACE_RE, _ANY_SPACE_RE.search):
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


# --- P110 paragraph without closing punctuation -------------------------------------------

_END_OK = set("。？！…”’）》」』；：—.?!;:)\"'")


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
    for block in doc.blocks:
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.ITEM):
            continue
        text = block.text
        if text[-1] in _END_OK or not any(c in text[:-1] for c in "。？！"):
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
    for block in doc.blocks:
        if block.kind is not BlockKind.SALUTATION:
            continue
        text = block.text
        last = text[-1]
        if last in ":：":
            continue
        if last in "，,、；;。.":
            yield ctx.emit("P111", block, len(text) - 1, len(text), f"称谓语末尾的“{last}”应为冒号", "：")
        else:
            yield ctx.emit("P111", block, len(text) - 1, len(text), "称谓语后缺少冒号", last + "：")


# --- P112 punctuation after sequence numbers ------------------------------------------------

_SEQ_RE = re.compile(
    r"^(?:(?P<arabic>\d{1,3})、(?!\d)"
    r"|(?P<paren>[（(](?:[一二三四五六七八九十]{1,3}|\d{1,3})[）)])[、，,.．]"
    r"|(?P<di>第[一二三四五六七八九十]{1,3})、"
    r"|(?P<cn>[一二三四五六七八九十]{1,3})[.．，,](?![一二三四五六七八九十\d]))"
)


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
    for block in doc.blocks:
        if block.kind is BlockKind.CHROME:
            continue
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


# --- P113 invisible characters ----------------------------------------------------------

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
    if _absent(doc, _INVISIBLE_RE, _has_invisible):
        return
    for block in doc.blocks:
        text = block.text
        if text.isascii() or not _INVISIBLE_RE.search(text):
            continue
        for m in _INVISIBLE_RE.finditer(text):
            names = "、".join(f"U+{ord(c):04X}" for c in dict.fromkeys(m.group(0)))
            yield ctx.emit("P113", block, m.start(), m.end(), f"看不见的字符（{names}），建议删除", "")
