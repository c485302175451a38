"""Fixed expressions that keep Chinese numerals (part of N105): 党的二十大, 十九届四中全会,
第二十次全国代表大会, “七一”.  The expressions are data (``fixed_cn`` and ``fixed_cn_days``
in lexicon/numbers.toml); this module matches them and writes their numbers in Chinese.

GB/T 15835-2011 §4.3 keeps Chinese numerals where a text must be 庄重典雅 and in set phrases
(“十一届全国人大一次会议”，不写为“11届全国人大1次会议”).  Arabic ordinals stay where the
standard allows them (第3季度, 第1名, 第19届亚运会): no entry matches those.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import pairwise

from orgwrite import lazyre
from orgwrite.model import Block, Finding
from orgwrite.numerals import int_to_cn, number_data
from orgwrite.rules.base import Context

MESSAGE = "固定提法中的数字应用汉字：“{written}”应为“{fixed}”"


@cache
def fixed_cn_res() -> tuple[tuple[re.Pattern[str], str], ...]:
    r"""The fixed_cn patterns, each with a literal that every match of it contains.

    One pattern each: an alternation of patterns that start differently scans slowly.  The
    literal (“党的”, “全会”) is looked for with ``in`` before the pattern is run.  A leading
    ``(\d+)`` is compiled as ``(\d\d*)``: the same matches, but the engine scans for the first
    digit instead of trying the whole pattern at every place (it finds no first character in a
    repeat).
    """
    patterns = number_data()["fixed_cn"]
    return tuple((lazyre.compile(_digit_led(p)), lit) for p, (lit, _anchor) in zip(patterns, _derived(), strict=True))


@cache
def _derived() -> tuple[tuple[str, str], ...]:
    """(:func:`required_literal`, :func:`digit_anchor`) of each fixed_cn pattern, kept on disk
    (see :func:`orgwrite.lazyre.derived`): parsing the patterns costs a millisecond in every
    process that checks numbers."""
    patterns = tuple(number_data()["fixed_cn"])
    return lazyre.derived(
        "fixed-cn", __file__, patterns, lambda: tuple((required_literal(p), digit_anchor(p)) for p in patterns)
    )


def _digit_led(pattern: str) -> str:
    r"""``pattern`` with a leading ``(\d+)`` written ``(\d\d*)``."""
    return r"(\d\d*)" + pattern[5:] if pattern.startswith(r"(\d+)") else pattern


def required_literal(pattern: str) -> str:
    """The longest run of literal characters at the top level of ``pattern`` ("" if none).

    Top-level items follow one another in every match, so each run occurs in every match.
    """
    from re import _constants

    best, run = "", ""
    for op, arg in _top_level(pattern):
        if op is _constants.LITERAL:
            run += chr(arg)
            best = max(best, run, key=len)
        else:
            run = ""
    return best


@cache
def _days() -> tuple[dict[tuple[int, int], str], re.Pattern[str]]:
    """(month, day) → Chinese name, and the pattern of a month-day name written in digits.

    A name is quoted (“7·1”) or followed by a word that makes it a name (7·1讲话); a decimal
    point is a separator only inside quotes, so 增长7.1% is never a name.
    """
    table: dict[tuple[int, int], str] = {}
    for row in number_data().get("fixed_cn_days", []):
        digits, cn = row.split("=")
        month, day = digits.split("·")
        table[int(month), int(day)] = cn
    pattern = lazyre.compile(
        r"“(?P<qm>\d{1,2})[·•・．.](?P<qd>\d{1,2})”"
        r"|(?<![\d.])(?P<m>\d{1,2})[·•・](?P<d>\d{1,2})(?=重要讲话|讲话|前夕|期间|建党|建军|节|运动|事变|表彰|慰问|勋章|纪念)"
    )
    return table, pattern


#: In every match of the month-day pattern: a separator between digits.
_DAY_QUICK_RE = lazyre.compile(r"\d[·•・．.]\d")


def digit_anchor(pattern: str) -> str:
    """The character that follows a digit in every match of ``pattern`` ("" if none is sure).

    Found at the top level of the parsed pattern: a digit (``\\d``, ``(\\d)``, ``(\\d+)``)
    followed by a literal character.  Top-level items follow one another in every match, so
    wherever the pattern matches, that character stands right after a digit: looking for
    “digit + character” is a test no match can escape.
    """
    from re import _constants

    for item, following in pairwise(_top_level(pattern)):
        if (
            following[0] is _constants.LITERAL
            and not chr(following[1]).isdecimal()
            and _ends_in_digit(item, _constants)
        ):
            return chr(following[1])
    return ""


def _top_level(pattern: str) -> list:
    """The top-level items of ``pattern`` as the standard parser reads it (exact, and run once
    per pattern); none when it cannot be read or a flag changes what its literals match."""
    from re import _parser

    try:
        parsed = _parser.parse(pattern)
    except re.error:
        return []
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return []
    return list(parsed)


def _ends_in_digit(item, constants) -> bool:
    """True when every match of the parsed ``item`` is one or more digits."""
    op, arg = item
    if op is constants.SUBPATTERN:
        _group, add_flags, del_flags, sub = arg
        return not add_flags and not del_flags and len(sub) == 1 and _ends_in_digit(sub[0], constants)
    if op in (constants.MAX_REPEAT, constants.MIN_REPEAT):
        low, _high, sub = arg
        return low >= 1 and len(sub) == 1 and _ends_in_digit(sub[0], constants)
    return op is constants.IN and list(arg) == [(constants.CATEGORY, constants.CATEGORY_DIGIT)]


@cache
def anchored_patterns() -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """(character → indices into fixed_cn_res() of the patterns anchored on it after a digit,
    the indices of the patterns without such an anchor, which every block with a digit must try)."""
    by_char: dict[str, list[int]] = {}
    unanchored = []
    for i, (_literal, c) in enumerate(_derived()):
        if c:
            by_char.setdefault(c, []).append(i)
        else:
            unanchored.append(i)
    return {c: tuple(v) for c, v in by_char.items()}, tuple(unanchored)


def fixed_expression_findings(
    ctx: Context, block: Block, candidates: list[tuple[re.Pattern[str], str]], days: bool = True
) -> Iterator[Finding]:
    """N105 findings for fixed expressions written with Arabic digits in ``block`` (and for the
    day names written in digits, unless ``days`` is false: the caller knows there is none).

    Overlapping matches (“19届3中全会” is matched by the 届 and the 中全会 patterns) give
    one finding, the longest.
    """
    text = block.text
    found = [m for r, lit in candidates if lit in text for m in r.finditer(text)]
    found.sort(key=lambda m: (m.start(), -m.end()))
    taken_until = -1
    for m in found:
        if m.start() < taken_until:
            continue
        if m.start() and (text[m.start() - 1].isdigit() or text[m.start() - 1] == "."):
            continue  # 2019届毕业生, 1.5: part of a longer number
        numbers = [(m.start(g), m.end(g)) for g in range(1, m.re.groups + 1) if m.group(g) is not None]
        if any(int(text[a:b]) > 99 for a, b in numbers):
            continue
        fixed, last = [], m.start()
        for a, b in numbers:
            value = int(text[a:b])
            # 两个维护, 两学一做: two before a classifier is 两.
            cn = "两" if value == 2 and text[b : b + 1] in ("个", "学") else int_to_cn(value)
            fixed += [text[last:a], cn]
            last = b
        fixed.append(text[last : m.end()])
        replacement = "".join(fixed)
        taken_until = m.end()
        yield ctx.emit(
            "N105", block, m.start(), m.end(), MESSAGE.format(written=m.group(0), fixed=replacement), replacement
        )
    if days and _DAY_QUICK_RE.search(text):
        yield from _day_findings(ctx, block)


def _day_findings(ctx: Context, block: Block) -> Iterator[Finding]:
    table, pattern = _days()
    text = block.text
    for m in pattern.finditer(text):
        month, day = (m.group("qm"), m.group("qd")) if m.group("qm") else (m.group("m"), m.group("d"))
        cn = table.get((int(month), int(day)))
        if cn is None:
            continue
        start, end = (m.start() + 1, m.end() - 1) if m.group("qm") else m.span()
        written = text[start:end]
        yield ctx.emit("N105", block, start, end, MESSAGE.format(written=written, fixed=cn), cn)
