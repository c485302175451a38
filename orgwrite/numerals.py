"""Numbers as official texts write them: Chinese numerals, 万/亿, approximations, and the
places where digits are not statistics (titles, quotations, document numbers, URLs).

Shared by the number rules (family N) and the stated-count rules (family E).  Everything
here is pure and compiled once at import; nothing walks a text character by character.
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from pathlib import Path

from orgwrite import lazyre

CN_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}
CN_NUM_CHARS = "〇零一二三四五六七八九十百千两"

#: One decimal digit (what ``\d`` matches), written to lead a pattern that scans a text for
#: its digits: a pattern led by ``\d`` tests each character's Unicode category (a table
#: look-up per character), one led by a class of ranges tests a bitmap, some 40% faster over
#: Chinese text.  The class holds every character ``\d`` matches: it leaves out only blocks
#: that hold no decimal digit and take no new script — ASCII other than 0-9, the Latin, Greek,
#: Cyrillic, Armenian and Hebrew blocks and the start of Arabic (below U+0660), General
#: Punctuation (U+2000-206F), the CJK symbols, kana and ideographs (U+3000-9FFF), Hangul
#: syllables, surrogates, private use and the compatibility and presentation forms
#: (U+AC00-FEFF) and the full-width forms other than ０-９ (tests/test_numbers_prefilters.py
#: checks it against every code point) — and the look-behind then drops what it holds that is
#: not a digit.  The fewer characters it holds, the faster it compiles (a bitmap is built for
#: them in Python).  DIGIT_RANGES is the class without its brackets.
DIGIT_RANGES = r"0-9\u0660-\u1fff\u2070-\u2fff\ua000-\uabff\uff10-\uff19\U00010000-\U0010ffff"
DIGIT_LEAD = rf"[{DIGIT_RANGES}](?<=\d)"

#: One Chinese numeral, e.g. 三, 十二, 二十三.
CN_SMALL = "[一二三四五六七八九十]{1,3}"


def cn_to_int(text: str) -> int | None:
    """Value of a Chinese numeral (三, 十二, 一百零五, 三千, 二〇二三 read digit by digit, 三万), else None."""
    if not text:
        return None
    if all(ch in CN_DIGIT for ch in text):
        if len(text) == 1:
            return CN_DIGIT[text]
        # 二〇二三: digit by digit (years); 两 only stands alone.
        if "两" in text:
            return None
        return int("".join(str(CN_DIGIT[ch]) for ch in text))
    total = 0
    section = 0
    digit: int | None = None
    for ch in text:
        if ch in CN_DIGIT:
            digit = CN_DIGIT[ch]
        elif ch in _CN_UNIT:
            section += (1 if digit is None else digit) * _CN_UNIT[ch]
            digit = None
        elif ch in _CN_BIG:
            section += digit or 0
            total = (total + section) * _CN_BIG[ch]
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


def int_to_cn(value: int) -> str:
    """一 … 九十九 (the ordinals of lists); larger values as Arabic digits."""
    cn = "〇一二三四五六七八九"
    if value < 10:
        return cn[value]
    if value < 20:
        return "十" + (cn[value - 10] if value > 10 else "")
    if value < 100:
        return cn[value // 10] + "十" + (cn[value % 10] if value % 10 else "")
    return str(value)


def number_value(text: str) -> float | None:
    """Value of an Arabic (3, 1.2) or Chinese (三, 十二) number, without magnitude."""
    if not text:
        return None
    if text[0].isdigit():
        try:
            return float(text)
        except ValueError:
            return None
    v = cn_to_int(text)
    return float(v) if v is not None else None


def fmt_number(value: float) -> str:
    """3.0 → 3, 1.25 → 1.25 (no trailing zeros)."""
    if value == int(value):
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


# --- places where digits are not statistics -------------------------------------------------

_DOC_NUMBER = r"\d{4}[〕\]］)）]\s*\d+\s*号"
_URL_TAIL = r"[\w./?=&%#:;,@+~-]*"
#: Every branch begins with a literal character, so the pattern scans only from those
#: characters (one class of openers written as five branches: the same matches).
_PROTECTED_NOT_PHONE = (
    r"《[^《》]{0,80}》"  # titles of documents
    r"|“[^“”]{0,200}”"  # quotations and quoted names
    r"|‘[^‘’]{0,80}’"
    rf"|〔{_DOC_NUMBER}|\[{_DOC_NUMBER}|［{_DOC_NUMBER}|\({_DOC_NUMBER}|（{_DOC_NUMBER}"  # 〔2023〕5号
    r"|第[\d一二三四五六七八九十百零〇]+[条款章节编]"  # clause numbers
    rf"|https?://{_URL_TAIL}|www\.{_URL_TAIL}"  # URLs
)
_PROTECTED_RE = lazyre.compile(_PROTECTED_NOT_PHONE + r"|\d{3,4}[-－]\d{7,8}|1[3-9]\d{9}")  # phone numbers
#: The same without the branch that needs a dash: it cannot match a text without one, and
#: the pattern then starts with characters only (no digit class), which scans faster.
_PROTECTED_NO_DASH_RE = lazyre.compile(_PROTECTED_NOT_PHONE + r"|1[3-9]\d{9}")


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Sorted spans of ``text`` whose digits are not statistics."""
    pattern = _PROTECTED_RE if "-" in text or "－" in text else _PROTECTED_NO_DASH_RE
    return [m.span() for m in pattern.finditer(text)]


def _quote_only_re() -> re.Pattern[str]:
    return lazyre.compile(r"《[^《》]{0,80}》|“[^“”]{0,200}”|‘[^‘’]{0,80}’")


QUOTED_RE = _quote_only_re()


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside 《》, “” and ‘’ only."""
    return [m.span() for m in QUOTED_RE.finditer(text)]


def inside(spans: list[tuple[int, int]], start: int, end: int | None = None) -> bool:
    """True when [start, end) overlaps one of the sorted, non-overlapping ``spans``."""
    if not spans:
        return False
    end = start + 1 if end is None else end
    i = bisect.bisect_right(spans, (start, 1 << 60)) - 1
    if i >= 0 and spans[i][1] > start:
        return True
    return i + 1 < len(spans) and spans[i + 1][0] < end


# --- shipped data ---------------------------------------------------------------------------


@cache
def number_data() -> dict:
    """lexicon/numbers.toml, read once (its parse kept on disk, see :func:`parsed_toml`)."""
    from orgwrite.resources import data_dir

    return parsed_toml(data_dir("lexicon") / "numbers.toml")


def parsed_toml(path: Path) -> dict:
    """``tomllib.load`` of ``path``, kept on disk with the very bytes it was made from (see
    :func:`orgwrite.lazyre.derived`): importing tomllib and parsing the file cost some 3 ms in
    every process that checks numbers."""
    source = path.read_bytes()

    def parse() -> dict:
        import tomllib

        return tomllib.loads(source.decode())

    return lazyre.derived(f"{path.stem}-toml", __file__, (path.name, source), parse)
