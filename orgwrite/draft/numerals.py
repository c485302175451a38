"""Numbers and dates in the forms official texts use.

Heading numbers by level (GB/T 9704 §7.3.3: 一、 （一） 1. （1）), Chinese numerals for
stated counts (“从三个方面”), 一是/二是 ordinals, and dates in GB/T 15835 form
(2024年6月1日: Arabic digits, no leading zeros).
"""

from __future__ import annotations

from datetime import date

_DIGITS = "〇一二三四五六七八九"


#: The largest number :func:`cn_numeral` writes; outlines are validated against it.
MAX_NUMERAL = 9999
_UNITS = ("千", "百", "十", "")


def cn_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 101 → 一百零一, 110 → 一百一十, 2024 → 二千零二十四.

    GB/T 15835 style for counts and heading numbers, 1–9999: 零 stands for a run of
    inner zeros, never at the end; 十 alone (not 一十) only at the start (十二, but 一百一十二).
    """
    if not 1 <= n <= MAX_NUMERAL:
        raise ValueError(f"cn_numeral: {n} is outside 1–{MAX_NUMERAL}")
    digits = [int(d) for d in f"{n:04d}"]
    out = ""
    zero = False
    for digit, unit in zip(digits, _UNITS, strict=True):
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        if not (digit == 1 and unit == "十" and not out):
            out += _DIGITS[digit]
        out += unit
    return out


def cn_count(n: int) -> str:
    """A count before a measure word: 2 → 两 (两个方面, 两点意见), otherwise :func:`cn_numeral`."""
    return "两" if n == 2 else cn_numeral(n)


def heading_number(level: int, n: int) -> str:
    """The number of the ``n``-th heading at ``level`` 1–4: 一、 （一） 1. （1）."""
    if level == 1:
        return f"{cn_numeral(n)}、"
    if level == 2:
        return f"（{cn_numeral(n)}）"
    if level == 3:
        return f"{n}."
    if level == 4:
        return f"（{n}）"
    raise ValueError(f"heading level {level} is outside 1–4")


def ordinal_shi(n: int) -> str:
    """一是, 二是, … as used to enumerate points inside a paragraph."""
    return f"{cn_numeral(n)}是"


def gb_date(d: date) -> str:
    """GB/T 15835 date: 2024年6月1日."""
    return f"{d.year}年{d.month}月{d.day}日"
