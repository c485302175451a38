"""Numbers and dates in the forms official texts use.

Heading numbers by level (GB/T 9704 §7.3.3: 一、 （一） 1. （1）), Chinese numerals for
stated counts (“从三个方面”), 一是/二是 ordinals, and dates in GB/T 15835 form
(2024年6月1日: Arabic digits, no leading zeros).
"""

from __future__ import annotations

from datetime import date

_DIGITS = "〇一二三四五六七八九"


def cn_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (1–99)."""
    if not 1 <= n <= 99:
        raise ValueError(f"cn_numeral: {n} is outside 1–99")
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    head = "" if tens == 1 else _DIGITS[tens]
    return head + "十" + (_DIGITS[ones] if ones else "")


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
