"""Character classes shared by the rules (as regex fragments and sets)."""

from __future__ import annotations

from orgwrite.event_names import document_text

#: CJK ideographs (BMP and common extensions).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: Full-width punctuation of Chinese text: CJK symbols, full-width forms, quotes, dashes.
CN_PUNCT = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018\u2019\u201c\u201d\u2014\u2026\u00b7"
#: A character that makes its neighbourhood "Chinese text".
CHINESE = HAN + CN_PUNCT


def is_han(ch: str) -> bool:
    if len(ch) != 1:
        return False
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF


_CN_PUNCT_SET = frozenset("，。、；：？！“”‘’（）《》〈〉【】「」『』—…·～〔〕")


def is_chinese(ch: str) -> bool:
    """A Han character or a full-width Chinese punctuation mark."""
    return is_han(ch) or ch in _CN_PUNCT_SET


CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cn_number(text: str) -> int | None:
    """Value of a Chinese numeral up to 九十九 (一, 十, 十二, 二十, 二十三), else None."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        t = CN_DIGITS.get(tens, None) if tens else 1
        o = CN_DIGITS.get(ones, None) if ones else 0
        if t is None or o is None or len(tens) > 1 or len(ones) > 1:
            return None
        return t * 10 + o
    if len(text) == 1:
        return CN_DIGITS.get(text)
    return None


def block_text(doc, cache: dict) -> str:
    """The texts of all blocks joined by newlines, built once per document (the text of
    :func:`orgwrite.event_names.document_text`, which the dated and document rules read too).

    Every block's text is a substring of it, so a pattern that does not look across a line
    end and is absent here occurs in no block: one search in C decides that a rule has
    nothing to do.
    """
    return document_text(doc, cache).text


def block_starts(doc, cache: dict) -> list[int]:
    """Offset of each block's text in :func:`block_text`: a position of that text belongs to
    block ``bisect_right(starts, position) - 1``."""
    return document_text(doc, cache).starts


def book_title_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The 《…》 span that encloses ``text[start:end]``, if the span stands inside one."""
    opened = text.rfind("《", 0, start + 1)
    if opened < 0 or text.rfind("》", opened, start) >= 0:
        return None
    closed = text.find("》", end - 1)
    if closed < 0 or text.find("《", end, closed) >= 0:
        return None
    return opened, closed + 1
