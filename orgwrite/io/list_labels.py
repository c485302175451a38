"""A list counter as Word draws it, for every ``w:numFmt`` a Chinese document uses.

LibreOffice writes its 一、二、三 lists as ``taiwaneseCountingThousand`` or
``chineseCounting``, Word as ``chineseCountingThousand``; legal (壹贰叁), digit
(一〇), stem (甲乙丙), branch (子丑寅) and enclosed (㈠ ⑴ ⒈ ①) forms occur too.
A format not known here is shown as a decimal number, as Word does.
"""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"
_LEGAL_SIMPLIFIED = ("零壹贰叁肆伍陆柒捌玖", "拾佰仟")
_LEGAL_TRADITIONAL = ("零壹貳參肆伍陸柒捌玖", "拾佰仟")
_COUNTING = (_DIGITS, "十百千")

COUNTING_FORMATS = frozenset(
    {
        "chineseCounting",
        "chineseCountingThousand",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
        "japaneseCounting",
        "koreanCounting",
    }
)
DIGIT_FORMATS = frozenset({"ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand", "koreanDigital"})


def counting(n: int, digits: str = _DIGITS, units: str = "十百千", *, drop_leading_one: bool = True) -> str:
    """``n`` (1-9999) in Chinese counting: 十一, 二十, 一百零一, 一千零一十."""
    if not 0 < n < 10000:
        return str(n)
    parts = []
    zero = False
    for power in (3, 2, 1, 0):
        d = n // 10**power % 10
        if d == 0:
            zero = bool(parts)
            continue
        if zero:
            parts.append(digits[0])
            zero = False
        parts.append(digits[d] + (units[power - 1] if power else ""))
    text = "".join(parts)
    if drop_leading_one and 10 <= n < 20:
        text = text[1:]  # 十一, not 一十一
    return text


def _roman(n: int) -> str:
    out = ""
    for value, sym in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out, n = out + sym, n - value
    return out


def format_number(n: int, fmt: str) -> str:
    """Counter value ``n`` in number format ``fmt`` (ST_NumberFormat)."""
    if fmt in COUNTING_FORMATS:
        return counting(n, *_COUNTING)
    if fmt in DIGIT_FORMATS:
        return "".join("〇一二三四五六七八九"[int(c)] for c in str(n)) if n >= 0 else str(n)
    if fmt == "chineseLegalSimplified":
        return counting(n, *_LEGAL_SIMPLIFIED, drop_leading_one=False)
    if fmt == "ideographLegalTraditional":
        return counting(n, *_LEGAL_TRADITIONAL, drop_leading_one=False)
    if n <= 0:
        return str(n)
    if fmt == "ideographTraditional":
        return "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return "子丑寅卯辰巳午未申酉戌亥"[(n - 1) % 12]
    if fmt == "ideographEnclosedCircle" and n <= 10:
        return chr(0x3220 + n - 1)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalEnclosedParen" and n <= 20:
        return chr(0x2474 + n - 1)
    if fmt == "decimalEnclosedFullstop" and n <= 20:
        return chr(0x2488 + n - 1)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    return str(n)
