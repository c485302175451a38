"""P101: ASCII marks in Chinese text (GB/T 15834 §5)."""

from __future__ import annotations

from collections.abc import Iterator

from orgwrite import lazyre
from orgwrite.lazyre import lazy
from orgwrite.model import Document, Finding
from orgwrite.rules.base import Context, rule
from orgwrite.rules.chars import CHINESE, is_chinese
from orgwrite.rules.punctuation._common import TEXT_KINDS, absent, joined, text_blocks

_FULL = {",": "，", ".": "。", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_URL_RE = lazy(
    r"(?:https?://|www\.)[\w./?=&%#:;,@+~-]*|[\w.-]+@[\w-]+\.[\w.]+|[\w-]+\.(?:com|cn|net|org|gov)\b[\w./?=&%-]*"
)
#: In every match of _URL_RE (which scans slowly: ``[\w.-]+@`` tries every run of letters).
_URL_QUICK_RE = lazyre.compile(r"\.(?:com|cn|net|org|gov)|@|www\.|://")
_LEADING_NUMBER_RE = lazy(r"^(?:\d{1,3}\.(?!\d)|\(\d{1,3}\)|[一二三四五六七八九十]{1,3}\.)")


_CN = f"[{CHINESE}]"
#: , ; : ? ! and the full stop next to Chinese text (one pass in C; parentheses need pairing):
#: a mark preceded by Chinese; , ; : followed by Chinese; ? ! between a non-ASCII character and
#: Chinese; a full stop after Chinese before Chinese, a space or the end.  Written to start with
#: the class of marks, so the engine scans for a mark at C speed and checks its neighbours only
#: there (a leading look-behind would be tried at every character).  The four cases are
#: grouped by the side where Chinese stands, so the big class is compiled three times, not five.
_HALF_RE = lazy(
    rf"[,;:?!.](?:(?<={_CN}.)(?:(?<=[,;:?!])|(?=[{CHINESE} \u3000]|$))"
    rf"|(?={_CN})(?:(?<=[,;:])|(?<=[^\x00-\x7f][?!])))"
)
_PAREN_RE = lazyre.compile(r"[()]")
#: A character of CHINESE is not Latin-1 (but for ·): in the skeleton it stays itself or
#: becomes the placeholder, which is not Latin-1 either.
_NOT_LATIN = r"[^\x00-\xb6\xb8-\xff]"
#: Over the skeleton, each mark in the context _HALF_RE asks of it, with "Chinese" widened to
#: _NOT_LATIN (and "not ASCII" kept): , ; : next to it, ? ! after not-ASCII, . after it and
#: before it, a space, a line end or the end; a parenthesis next to it (a ")" is found only
#: in a block where some parenthesis stands next to Chinese).  Written to start with the
#: class of all the marks, the alternatives telling the mark by a look-behind, so the engine
#: scans for a mark (alternatives that start with different classes make it try every position).
_SKELETON_HALF_RE = lazyre.compile(
    rf"[,;:()?!.](?:(?<=[,;:()])(?:(?<={_NOT_LATIN}.)|(?={_NOT_LATIN}))|(?<=[?!])(?<=[^\x00-\x7f].)"
    rf"|(?<=\.)(?<={_NOT_LATIN}.)(?:(?={_NOT_LATIN}|[ \n])|\Z))"
)
_ANY_HALF_RE = lazyre.compile(r"[,.:;?!()]")


def _half_width_offsets(text: str, urls: bool = True, marked: bool = False) -> list[int]:
    """Offsets of ASCII marks that stand in Chinese text (``urls``: False when the text is
    known to hold nothing _URL_QUICK_RE finds; ``marked``: True when it is known to hold one
    of the marks)."""
    if not marked and not _ANY_HALF_RE.search(text):
        return []
    found = [m.start() for m in _HALF_RE.finditer(text)]
    if "(" in text or ")" in text:
        found.extend(_paren_offsets(text))
        found.sort()
    if not found:
        return found
    skip: set[int] = set()
    if urls and _URL_QUICK_RE.search(text):
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
    j = joined(doc, ctx.cache)
    if j is None:
        visits = [] if absent(doc, _ANY_HALF_RE) else [(block, True) for block in text_blocks(doc)]
    else:
        found = j.skeleton_indices(_SKELETON_HALF_RE)  # each block holds one of the marks
        # _URL_QUICK_RE names kept characters only: it matches a block's skeleton line
        # exactly when it matches the block's text
        urls = j.skeleton_indices(_URL_QUICK_RE) if found else ()
        blocks = j.blocks
        visits = [(blocks[i], i in urls) for i in sorted(found) if blocks[i].kind in TEXT_KINDS]
    for block, url in visits:
        text = block.text
        offsets = _half_width_offsets(text, url, j is not None)
        if not offsets:
            continue
        marks = [text[i] for i in offsets]
        # each mark made full-width, then the text up to the next mark (a slice)
        ends = offsets[1:]
        ends.append(offsets[-1] + 1)
        fixed = "".join([_FULL[mark] + text[i + 1 : k] for mark, i, k in zip(marks, offsets, ends, strict=True)])
        listed = "” “".join(dict.fromkeys(marks))
        yield ctx.emit(
            "P101",
            block,
            offsets[0],
            ends[-1],
            f"本段有{len(offsets)}处半角标点（“{listed}”），中文文本应使用全角标点",
            fixed,
        )
