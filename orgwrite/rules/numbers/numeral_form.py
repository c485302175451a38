"""N105: Chinese numerals where GB/T 15835 fixes them, Arabic digits written properly."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache

from orgwrite import lazyre
from orgwrite.lazyre import lazy
from orgwrite.model import Block, Document, Finding
from orgwrite.numerals import fmt_number, inside, int_to_cn
from orgwrite.rules.base import Context, rule
from orgwrite.rules.chars import block_starts, block_text
from orgwrite.rules.numbers.common import (
    _DIGIT_RE,
    _TEXT_KINDS,
    _after,
    _protected,
)
from orgwrite.rules.numbers.fixed_expressions import anchored_patterns, fixed_cn_res, fixed_expression_findings

# --- N105 Chinese numerals where they belong, Arabic digits written properly ------------------


_QIAN_RE = lazyre.compile(r"(\d+(?:\.\d+)?)([千百])(?![米克瓦伏帕分赫焦卡兆字]|亿亿)")
_YEAR_ZERO_RE = lazyre.compile(r"([一二三四五六七八九〇零0]{4})年")
#: Exactly where _YEAR_ZERO_RE or _MIXED_DATE_RE can match, written to start with the
#: literal 年 (a leading class of digits would make every digit a candidate).
_YEAR_ZERO_QUICK_RE = lazyre.compile(r"年(?<=[一二三四五六七八九〇零0]{4}年)")
_MIXED_DATE_QUICK_RE = lazyre.compile(
    r"年(?:(?<=[一二三四五六七八九〇零]{4}年)[0-9]|(?<=[0-9]{4}年)[一二三四五六七八九十])"
)
_JI_RE = lazyre.compile(r"([1-9]0)几")
_MIXED_DATE_RE = lazy(
    r"([一二三四五六七八九〇零]{4})年([0-9]{1,2})月(?:([0-9]{1,2})日)?|([0-9]{4})年([一二三四五六七八九十]{1,3})月(?:([一二三四五六七八九十]{1,3})日)?"
)
#: Two adjacent numbers joined by 顿号 before a counting unit: an approximation (三、四个月).
#: Not 1/一 first (一、二等奖, 一、二级 abbreviate lists), not months (1、2月份), not 名
#: (一、二名 are ranks); 年级 and 年度 are lists too.
_ADJ_APPROX_RE = lazyre.compile(
    r"(?P<a>[2-8二三四五六七八两])、(?P<b>[3-9三四五六七八九])"
    r"(?P<unit>个月|个|人|天|次|家|项|条|件|场|篇|岁|小时|周|倍|位|户|年(?![级度代]))"
)
#: In every match of _ADJ_APPROX_RE, led by the literal 、.
_ADJ_QUICK_RE = lazyre.compile(r"、(?<=[2-8二三四五六七八两]、)[3-9三四五六七八九]")
_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"两": 2}
#: Before the first number: an ordinal (第三、四个), a longer list (二、三、四个) or the start
#: of a clause, where “三、” may be an item number (三、四个方面的问题).
_NOT_ADJ_BEFORE = "第0123456789.．、。；;：:！？!?\n \t\u3000"
_FULLWIDTH_RE = lazyre.compile(r"[０-９]+(?:[．.][０-９]+)?")
_FW = str.maketrans("０１２３４５６７８９．", "0123456789.")


@rule(
    "N105",
    "numeral-form",
    "warning",
    "数字形式不当（固定提法用了阿拉伯数字、3千人、二零一五年、全角数字等）",
    fix="safe",
)
def numeral_form(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    GB/T 15835-2011 规定：已定型的含汉字数字的词语用汉字（党的二十大、十九届四中全会、第二十次全国
    代表大会、十四届全国人大二次会议、“七一”、“十四五”、四个意识、三会一课）；统计数据、排名、
    季度和赛会届次（第3季度、第1名、第19届亚运会）可用阿拉伯数字，不报告；阿拉伯数字不与“千”“百”连用（3000人，不写“3千人”）；汉字年份中的零写“〇”
    （二〇二三年）；“几”前的概数用汉字（二十几）；相邻两个数字连用表示概数，用汉字且中间不用
    顿号（三四个月，不写“三、四个月”“3、4个月”；“一、二等奖”是列举，不报告）；数字用半角（2023，
    不用全角“２０２３”）。
    原因：
    数字形式不统一、不规范，是出版物和公文审校的必查项。
    错误示例：
    深入学习贯彻党的20大精神。
    认真学习贯彻19届3中全会精神。
    党的第20次全国代表大会胜利召开。
    “7·1”前夕，走访慰问老党员。
    全年培训党员3千人次。
    二零二三年十月。
    共有２０２３名党员参加。
    二〇二三年10月11日，召开全市组织工作会议。
    整改工作用了三、四个月时间。
    每个支部每年开展3、4次主题党日活动。
    正确示例：
    深入学习贯彻党的二十大精神，全年培训党员3000人次，共有2023名党员参加。
    整改工作用了三四个月时间，获得一、二等奖的支部各有两三个。
    认真学习贯彻党的二十届三中全会精神，“七一”前夕走访慰问老党员。
    全市第3季度地区生产总值增长5.2%，党建考核位列第1名，第19届亚运会在杭州举行。
    依据：
    GB/T 15835-2011 第4.2、4.3、5.1.2、5.2.5条；GB/T 15834-2011 顿号用法（相邻或相近两数字连用
    表示概数通常不用顿号，缩略形式如“一、二等奖”用顿号）。
    """
    blocks = doc.blocks
    for i, marks in sorted(_flagged_blocks(doc, ctx).items()):
        block = blocks[i]
        if block.kind not in _TEXT_KINDS:
            continue
        yield from _block_findings(ctx, block, marks)


def _block_findings(ctx: Context, block: Block, marks: set) -> Iterator[Finding]:
    """N105 findings of one block that :func:`_flagged_blocks` marked, each part only when its
    mark is there (the part cannot match without it) and then exactly as it always ran."""
    text = block.text
    if "fw" in marks:
        for m in _FULLWIDTH_RE.finditer(text):
            ascii_ = m.group(0).translate(_FW)
            yield ctx.emit("N105", block, m.start(), m.end(), f"“{m.group(0)}”是全角数字，应写半角“{ascii_}”", ascii_)
    if "year" in marks and ("零" in text or "〇" in text or "0" in text) and _YEAR_ZERO_QUICK_RE.search(text):
        for m in _YEAR_ZERO_RE.finditer(text):
            if _after(text, m.start(), "一二三四五六七八九十〇零0123456789"):
                continue
            y = m.group(1)
            if ("零" in y or "0" in y) and sum(c in "一二三四五六七八九〇零" for c in y) >= 2:
                fixed = y.replace("零", "〇").replace("0", "〇") + "年"
                yield ctx.emit(
                    "N105", block, m.start(), m.end(), f"汉字年份中的零应写“〇”：“{m.group(0)}”应为“{fixed}”", fixed
                )
    if "adj" in marks and _ADJ_QUICK_RE.search(text):
        yield from _adjacent_approximations(ctx, block)
    if not _DIGIT_RE.search(text):
        return
    if "year" in marks and _MIXED_DATE_QUICK_RE.search(text):
        for m in _MIXED_DATE_RE.finditer(text):
            yield ctx.emit(
                "N105",
                block,
                m.start(),
                m.end(),
                f"“{m.group(0)}”中汉字数字与阿拉伯数字混用，同一日期应统一，公文中一般写阿拉伯数字",
            )
    patterns = [p for k, p in enumerate(fixed_cn_res()) if k in marks]
    if patterns or "day" in marks:
        yield from fixed_expression_findings(ctx, block, patterns, days="day" in marks)
    if "qian" in marks:
        for m in _QIAN_RE.finditer(text):
            if _after(text, m.start(), "0123456789."):
                continue
            if inside(_protected(ctx, block), m.start()):
                continue
            value = float(m.group(1)) * (1000 if m.group(2) == "千" else 100)
            fixed = fmt_number(value)
            yield ctx.emit(
                "N105",
                block,
                m.start(),
                m.end(),
                f"阿拉伯数字不与“{m.group(2)}”连用：“{m.group(0)}”应为“{fixed}”",
                fixed,
            )
    if "ji" in marks:
        for m in _JI_RE.finditer(text):
            if _after(text, m.start(), "0123456789."):
                continue
            fixed = int_to_cn(int(m.group(1))) + "几"
            yield ctx.emit("N105", block, m.start(), m.end(), f"含“几”的概数用汉字：“{m.group(0)}”应为“{fixed}”", fixed)


@cache
def _markers() -> tuple[tuple[re.Pattern[str], dict[str, frozenset]], ...]:
    """Patterns over the whole text that find every place where a part of N105 can match,
    each with what a marked character may start.

    Each pattern is one character wide and led by a literal or a short class (an alternation
    of them scans several times slower than each alone).  Each is implied by its part's own
    pattern: a digit before 千/百 (_QIAN_RE), before a month-day separator (the day names) or
    before the character a fixed_cn pattern has after a digit (:func:`digit_anchor`); 年 after
    four Chinese digits (or 0) or after four digits and before a Chinese one (_YEAR_ZERO_RE,
    _MIXED_DATE_RE); 、 between two numbers (_ADJ_APPROX_RE); 几 after 10…90 (_JI_RE); ” after
    “.d” or “.dd” (a quoted day name with a point); a full-width digit.  No class holds a
    newline, so no look-around reaches into another block.  A character marks everything it
    may start, whichever pattern found it.
    """
    by_char, _ = anchored_patterns()
    kinds: dict[str, set] = {c: set(v) for c, v in by_char.items()}
    for c in "千百":
        kinds.setdefault(c, set()).add("qian")
    for c in "·•・．":
        kinds.setdefault(c, set()).add("day")
    digit_led = "".join(re.escape(c) for c in kinds)
    for c in "０１２３４５６７８９":
        kinds.setdefault(c, set()).add("fw")
    kinds.setdefault("年", set()).add("year")
    kinds.setdefault("、", set()).add("adj")
    kinds.setdefault("几", set()).add("ji")
    kinds.setdefault("”", set()).add("day")
    frozen = {c: frozenset(v) for c, v in kinds.items()}
    patterns = (
        # The full-width digits ride on the first class scan: every character costs one test
        # of the class however many it holds, and full-width digits are rare.
        rf"[{digit_led}０-９](?:(?<=\d.)|(?<=[０-９]))",
        r"年(?:(?<=[一二三四五六七八九〇零0]{4}年)|(?<=[0-9]{4}年)(?=[一二三四五六七八九十]))",
        r"、(?<=[2-8二三四五六七八两]、)(?=[3-9三四五六七八九])",
        r"几(?<=[1-9]0几)",
        r"”(?:(?<=\.\d”)|(?<=\.\d\d”))",
    )
    return tuple((lazyre.compile(p), frozen) for p in patterns)


def _flagged_blocks(doc: Document, ctx: Context) -> dict[int, set]:
    """Block index → the marks of :func:`_markers` found in it (a few searches over the whole
    text).  Patterns of fixed_cn without a digit anchor mark every block with a digit."""
    alltext = block_text(doc, ctx.cache)
    starts = block_starts(doc, ctx.cache)
    out: dict[int, set] = {}
    for pattern, kinds in _markers():
        for m in pattern.finditer(alltext):
            i = bisect_right(starts, m.start()) - 1
            marks = out.get(i)
            if marks is None:
                out[i] = set(kinds[m.group()])
            else:
                marks |= kinds[m.group()]
    _, unanchored = anchored_patterns()
    if unanchored:
        for i, b in enumerate(doc.blocks):
            if _DIGIT_RE.search(b.text):
                out.setdefault(i, set()).update(unanchored)
    return out


def _adjacent_approximations(ctx: Context, block: Block) -> Iterator[Finding]:
    """N105 findings for “三、四个月”“3、4个月”: adjacent numbers as an approximation."""
    text = block.text
    for m in _ADJ_APPROX_RE.finditer(text):
        a, b = m.group("a"), m.group("b")
        if m.start() == 0 or text[m.start() - 1] in _NOT_ADJ_BEFORE or a.isdigit() != b.isdigit():
            continue
        if m.end() < len(text) and text[m.end()] in "、0123456789":
            continue
        va = int(a) if a.isdigit() else _CN_DIGIT[a]
        vb = int(b) if b.isdigit() else _CN_DIGIT[b]
        if vb != va + 1 or inside(_protected(ctx, block), m.start()):
            continue
        unit = m.group("unit")
        fixed = ("两" if a == "两" else int_to_cn(va)) + int_to_cn(vb) + unit
        why = "中间不用顿号" if not a.isdigit() else "中间不用顿号，概数用汉字"
        yield ctx.emit(
            "N105",
            block,
            m.start(),
            m.end(),
            f"相邻两个数字连用表示概数，{why}：“{m.group(0)}”应为“{fixed}”",
            fixed,
        )
