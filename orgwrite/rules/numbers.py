"""Numbers by GB/T 15835-2011《出版物上数字用法》 and plain arithmetic (rule family N).

Precision first: digits inside titles (《》), quotations, document numbers (〔2023〕5号),
clause numbers (第十二条), URLs and phone numbers are not statistics and are left alone
(see :func:`orgwrite.numerals.protected_spans`).  Every rule is one or two compiled regexes
run once over each paragraph; a paragraph without a digit costs one ``str`` scan.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import cache

from orgwrite.lazyre import lazy
from orgwrite.model import Block, BlockKind, Document, Finding
from orgwrite.numerals import fmt_number, inside, int_to_cn, number_data, protected_spans
from orgwrite.rules.base import Context, rule
from orgwrite.rules.chars import block_text

_TEXT_KINDS = frozenset(BlockKind) - {BlockKind.CHROME}
_PROSE = frozenset({BlockKind.PARAGRAPH, BlockKind.ITEM, BlockKind.CLOSING, BlockKind.HEADING})
_DIGIT_RE = re.compile(r"\d")


def _numeric_blocks(doc: Document, ctx: Context, kinds: frozenset[BlockKind] = _PROSE) -> list[Block]:
    """Blocks of ``kinds`` that contain a digit (the blocks with digits are found once per
    document and shared by the rules)."""
    return [b for b in _digit_blocks(doc, ctx) if b.kind in kinds]


def _digit_blocks(doc: Document, ctx: Context) -> list[Block]:
    hit = ctx.cache.get("numbers.digit_blocks")
    if hit is None or hit[0] is not doc:
        hit = (doc, [b for b in doc.blocks if _DIGIT_RE.search(b.text)])
        ctx.cache["numbers.digit_blocks"] = hit
    return hit[1]


def _protected(ctx: Context, block: Block) -> list[tuple[int, int]]:
    """Protected spans of ``block``, computed once per block and shared by the rules."""
    cache = ctx.cache.setdefault("numbers.protected", {})
    key = id(block)
    hit = cache.get(key)
    if hit is None or hit[0] is not block:
        hit = (block, protected_spans(block.text))
        cache[key] = hit
    return hit[1]


_NUM = r"\d+(?:\.\d+)?"


def _after(text: str, i: int, chars: str) -> bool:
    """True when the character before offset ``i`` is one of ``chars`` (a look-behind done in
    Python, so the regexes can start with a literal or a class and scan fast)."""
    return i > 0 and text[i - 1] in chars


# --- N101 share over 100% ---------------------------------------------------------------------


@cache
def _share_re() -> re.Pattern[str]:
    words = "|".join(sorted(number_data()["share_words"], key=len, reverse=True))
    return re.compile(rf"(?:{words})[^，。；：,;:\d%]{{0,10}}?(?<![\d.])({_NUM})%")


@rule("N101", "share-over-100", "error", "占比、覆盖率、满意度等比例超过100%")
def share_over_100(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    占比、覆盖率、参与率、满意度、合格率等是部分占整体的比例，不会超过100%。“完成目标任务的
    117%”“增长120%”不是占比，不报告。
    原因：
    多是小数点错位或把增长率写成了占比，是评审最先看的硬伤。
    错误示例：
    全市党员参学率达到103.5%，群众满意度持续提升。
    正确示例：
    全市党员参学率达到98.5%，完成年度目标任务的117%。
    依据：
    常识：比例的分子不大于分母。
    """
    pattern = _share_re()
    for block in _numeric_blocks(doc, ctx):
        if "%" not in block.text:
            continue
        for m in pattern.finditer(block.text):
            value = float(m.group(1))
            if value <= 100 or inside(_protected(ctx, block), m.start(1)):
                continue
            yield ctx.emit("N101", block, m.start(1), m.end(1) + 1, f"“{m.group(0)}”是比例，不应超过100%，请核对数据")


# --- N102 redundant or contradictory approximations ------------------------------------------

_CN_Q = "[一二三四五六七八九十两百千万亿]"
_APPROX_RE = re.compile(
    r"(?P<pre>大约|约|将近|接近|近|超过|逾)"
    rf"(?P<q>(?<![\d.]){_NUM}(?:万亿|亿|万)?|{_CN_Q}{{1,6}})"
    r"(?:(?P<post1>余|多)(?![余多]?次|多余)|(?P<unit>[个名位人项家户所万亿元年天月次期场篇件批]{1,2})(?P<post2>左右|以上|余(?=[，。；、来])|多(?=[，。；、来]))|(?P<post3>左右|以上))"
)
_DOUBLE_RE = re.compile(rf"({_NUM}(?:万亿|亿|万)?)(余多|多余)(?=[个名位人项家户所元次])")
_NOT_APPROX_BEFORE = {"约": "节制契预相邀签公缔违履隐", "近": "最附邻靠亲临就不逼贴走拉新远晚相"}


@rule("N102", "double-approximation", "warning", "概数重复表达（约……余、近……多、余多等）", fix="unsafe")
def double_approximation(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    一个数只用一种概数表达。“约”“近”“超过”与“余”“多”“左右”“以上”不能同时修饰一个数：
    “约3万余人”写“3万余人”或“约3万人”；“近400余人”自相矛盾（近是不到，余是超过）；
    “1000余多人”中“余”“多”重复。建议删去前面的词。
    原因：
    概数词叠用，意思重复甚至相反，是数字表述的常见硬伤。
    错误示例：
    全年共培训基层党员约3万余人次。
    全市选派第一书记将近400余名。
    共组织专题培训1000余多人。
    正确示例：
    全年共培训基层党员3万余人次，选派第一书记近400名，另有约300人列席。
    依据：
    GB/T 15835-2011 第4.2条（概数）；编辑出版常规。
    """
    for block in _numeric_blocks(doc, ctx, _PROSE):
        text = block.text
        for m in _APPROX_RE.finditer(text):
            if _after(text, m.start(), _NOT_APPROX_BEFORE.get(m.group("pre"), "")):
                continue  # 节约、最近、贴近 are words, not approximations
            if inside(_protected(ctx, block), m.start()):
                continue
            post = m.group("post1") or m.group("post2") or m.group("post3")
            pre = m.group("pre")
            quantity = text[m.start("q") : m.end()]
            if pre in ("近", "将近", "接近") and post in ("余", "多", "以上"):
                why = f"“{pre}”表示不到，“{post}”表示超过，自相矛盾"
            else:
                why = f"“{pre}”与“{post}”重复"
            yield ctx.emit(
                "N102",
                block,
                m.start(),
                m.end(),
                f"“{m.group(0)}”概数重复：{why}，应写“{quantity}”或去掉“{post}”",
                quantity,
            )
        if "余多" not in text and "多余" not in text:
            continue  # in every match of _DOUBLE_RE
        for m in _DOUBLE_RE.finditer(text):
            if _after(text, m.start(), "0123456789."):
                continue
            if inside(_protected(ctx, block), m.start()):
                continue
            yield ctx.emit(
                "N102",
                block,
                m.start(),
                m.end(),
                f"“{m.group(0)}”中“余”与“多”重复，只用其一",
                m.group(1) + "余",
            )


# --- N103 dates -------------------------------------------------------------------------------

_DATE_RE = re.compile(r"(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?(?:[（(](?:星期|周)([一二三四五六日天])[）)])?")
_WEEKDAY = "一二三四五六日"
#: In every match of _DATE_RE, led by the literal 年 (a leading digit class is slow).
_DATE_QUICK_RE = re.compile(r"年(?<=\d{4}年)\d")


@rule("N103", "bad-date", "error", "日期不存在、星期与日期不符或月日带前导零", fix="unsafe")
def bad_date(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    检查“2023年2月30日”这类不存在的日期、“13月”这类不存在的月份、括注的星期与日期不符
    （“2023年10月11日（星期四）”，实为星期三），以及“2023年05月08日”中的前导零（应写
    “2023年5月8日”）。
    原因：
    日期错误会直接影响文件效力和工作安排。
    错误示例：
    会议定于2023年2月30日召开。
    请于2023年10月11日（星期四）前报送。
    2023年05月08日，召开全市组织工作会议。
    正确示例：
    请于2023年10月11日（星期三）前报送，2024年2月29日召开会议。
    依据：
    GB/T 15835-2011 第4.1条；公历。
    """
    for block in _numeric_blocks(doc, ctx, _TEXT_KINDS):
        if "年" not in block.text or not _DATE_QUICK_RE.search(block.text):
            continue
        for m in _DATE_RE.finditer(block.text):
            if _after(block.text, m.start(), "0123456789."):
                continue
            if inside(_protected(ctx, block), m.start()):
                continue
            y, mo = int(m.group(1)), int(m.group(2))
            day_raw = m.group(3)
            if not 1 <= mo <= 12:
                yield ctx.emit("N103", block, m.start(), m.end(), f"“{m.group(0)}”中的月份{mo}不存在，请核对")
                continue
            if day_raw is None:
                continue
            d = int(day_raw)
            try:
                real = date(y, mo, d)
            except ValueError:
                yield ctx.emit("N103", block, m.start(), m.end(), f"日期“{m.group(0)}”不存在：{y}年{mo}月没有{d}日")
                continue
            if m.group(4):
                said = _WEEKDAY.index(m.group(4).replace("天", "日"))
                if said != real.weekday():
                    right = _WEEKDAY[real.weekday()]
                    written = m.group(0)
                    fixed = written[: m.start(4) - m.start()] + right + written[m.end(4) - m.start() :]
                    yield ctx.emit(
                        "N103",
                        block,
                        m.start(),
                        m.end(),
                        f"“{written}”星期不符：{y}年{mo}月{d}日是星期{right}，请核对日期或星期",
                        fixed,
                    )
            if m.group(2).startswith("0") or day_raw.startswith("0"):
                fixed = f"{y}年{mo}月{d}日"
                end = m.end(3) + 1
                yield ctx.emit(
                    "N103",
                    block,
                    m.start(),
                    end,
                    f"“{block.text[m.start() : end]}”月、日不加前导零，应写“{fixed}”",
                    fixed,
                    fix="safe",
                )


# --- N104 value ranges ------------------------------------------------------------------------


@cache
def _range_re() -> re.Pattern[str]:
    units = "|".join(re.escape(u) for u in sorted(number_data()["range_units"], key=len, reverse=True))
    return re.compile(
        rf"(?P<a>{_NUM})(?P<ma>万亿|亿|万|%)?"
        rf"(?P<sep>[-－~～—–])(?P<b>{_NUM})(?P<unit>{units})(?![\d\-－])"
    )


_MAGNITUDES = ("万亿", "亿", "万", "%")
#: A range separator before a digit: in every match of _range_re(), led by the class.
_SEP_DIGIT_RE = re.compile(r"[-－~～—–]\d")


@rule("N104", "value-range", "warning", "数值范围写法不规范（3-5万、3～5万、15～30%）", fix="safe")
def value_range(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    数值范围用浪纹线“～”连接：3～5人。数值带“万”“亿”或“%”时，两端都要写：3万～5万人、
    15%～30%，不写“3～5万人”“15～30%”（易被理解为从3到5万）。连字符“-”不用于数值范围。
    年、月、日的起止由P108报告，本规则不重复。
    原因：
    “3-5万”既用错了连接号，又可能被误读为“3到50000”。
    错误示例：
    每个村每年安排3-5万元党建工作经费。
    参训干部比例应达到15～30%。
    每期培训3-5天。
    正确示例：
    每个村每年安排3万～5万元党建工作经费，每期培训3～5天，比例达到15%～30%。
    依据：
    GB/T 15835-2011 第5.1.1条（数值范围）；GB/T 15834-2011 第4.13、4.14条（连接号）。
    """
    pattern = _range_re()
    for block in _numeric_blocks(doc, ctx):
        text = block.text
        if not any(c in text for c in "-－~～—–") or not _SEP_DIGIT_RE.search(text):
            continue
        for m in pattern.finditer(text):
            if _after(text, m.start(), "0123456789.-－/:：〔[") or (
                m.start() and text[m.start() - 1].isascii() and text[m.start() - 1].isalpha()
            ):
                continue
            a, ma, sep, b, unit = m.group("a", "ma", "sep", "b", "unit")
            if unit[0] in "月日" or (unit[0] == "年" and len(a) == 4):
                continue  # P108's
            if sep == "—" and len(a) == 4 and len(b) == 4:
                continue  # 1949—2019
            if inside(_protected(ctx, block), m.start(), m.end()):
                continue
            mag = next((x for x in _MAGNITUDES if unit.startswith(x)), "")
            missing = bool(mag) and not ma
            bad_sep = sep not in "～—"
            if not missing and not bad_sep:
                continue
            if ma and mag and ma != mag:
                continue  # 5000万-1亿元: written out already
            fixed = f"{a}{mag if missing else (ma or '')}～{b}{unit}"
            problems = []
            if bad_sep:
                problems.append(f"数值范围不用“{sep}”，应用“～”")
            if missing:
                problems.append(f"前一个数也要带“{mag}”")
            yield ctx.emit(
                "N104", block, m.start(), m.end(), f"“{m.group(0)}”：{'；'.join(problems)}，应写“{fixed}”", fixed
            )


# --- N105 Chinese numerals where they belong, Arabic digits written properly ------------------


@cache
def _fixed_cn_res() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The fixed_cn patterns, each with a literal that every match of it contains.

    One pattern each: an alternation of patterns that start differently scans slowly.  The
    literal (“党的”, “全会”) is looked for with ``in`` before the pattern is run.
    """
    return tuple((re.compile(p), _required_literal(p)) for p in number_data()["fixed_cn"])


def _required_literal(pattern: str) -> str:
    """The longest run of literal characters at the top level of ``pattern`` ("" if none).

    Top-level items follow one another in every match, so each run occurs in every match.
    """
    from re import _constants, _parser  # the standard parser: exact, and run once per pattern

    try:
        parsed = _parser.parse(pattern)
    except re.error:
        return ""
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return ""
    best, run = "", ""
    for op, arg in parsed:
        if op is _constants.LITERAL:
            run += chr(arg)
            best = max(best, run, key=len)
        else:
            run = ""
    return best


_QIAN_RE = re.compile(r"(\d+(?:\.\d+)?)([千百])(?![米克瓦伏帕分赫焦卡兆字]|亿亿)")
_YEAR_ZERO_RE = re.compile(r"([一二三四五六七八九〇零0]{4})年")
#: Exactly where _YEAR_ZERO_RE or _MIXED_DATE_RE can match, written to start with the
#: literal 年 (a leading class of digits would make every digit a candidate).
_YEAR_ZERO_QUICK_RE = re.compile(r"年(?<=[一二三四五六七八九〇零0]{4}年)")
_MIXED_DATE_QUICK_RE = re.compile(
    r"年(?:(?<=[一二三四五六七八九〇零]{4}年)[0-9]|(?<=[0-9]{4}年)[一二三四五六七八九十])"
)
_JI_RE = re.compile(r"([1-9]0)几")
_MIXED_DATE_RE = lazy(
    r"([一二三四五六七八九〇零]{4})年([0-9]{1,2})月(?:([0-9]{1,2})日)?|([0-9]{4})年([一二三四五六七八九十]{1,3})月(?:([一二三四五六七八九十]{1,3})日)?"
)
#: Two adjacent numbers joined by 顿号 before a counting unit: an approximation (三、四个月).
#: Not 1/一 first (一、二等奖, 一、二级 abbreviate lists), not months (1、2月份), not 名
#: (一、二名 are ranks); 年级 and 年度 are lists too.
_ADJ_APPROX_RE = re.compile(
    r"(?P<a>[2-8二三四五六七八两])、(?P<b>[3-9三四五六七八九])"
    r"(?P<unit>个月|个|人|天|次|家|项|条|件|场|篇|岁|小时|周|倍|位|户|年(?![级度代]))"
)
#: In every match of _ADJ_APPROX_RE, led by the literal 、.
_ADJ_QUICK_RE = re.compile(r"、(?<=[2-8二三四五六七八两]、)[3-9三四五六七八九]")
_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"两": 2}
#: Before the first number: an ordinal (第三、四个), a longer list (二、三、四个) or the start
#: of a clause, where “三、” may be an item number (三、四个方面的问题).
_NOT_ADJ_BEFORE = "第0123456789.．、。；;：:！？!?\n \t\u3000"
_FULLWIDTH_RE = re.compile(r"[０-９]+(?:[．.][０-９]+)?")
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
    GB/T 15835-2011 规定：已定型的含汉字数字的词语用汉字（党的二十大、十九届四中全会、“十四五”、
    四个意识）；阿拉伯数字不与“千”“百”连用（3000人，不写“3千人”）；汉字年份中的零写“〇”
    （二〇二三年）；“几”前的概数用汉字（二十几）；相邻两个数字连用表示概数，用汉字且中间不用
    顿号（三四个月，不写“三、四个月”“3、4个月”；“一、二等奖”是列举，不报告）；数字用半角（2023，
    不用全角“２０２３”）。
    原因：
    数字形式不统一、不规范，是出版物和公文审校的必查项。
    错误示例：
    深入学习贯彻党的20大精神。
    全年培训党员3千人次。
    二零二三年十月。
    共有２０２３名党员参加。
    二〇二三年10月11日，召开全市组织工作会议。
    整改工作用了三、四个月时间。
    每个支部每年开展3、4次主题党日活动。
    正确示例：
    深入学习贯彻党的二十大精神，全年培训党员3000人次，共有2023名党员参加。
    整改工作用了三四个月时间，获得一、二等奖的支部各有两三个。
    依据：
    GB/T 15835-2011 第4.2、4.3、5.1.2、5.2.5条；GB/T 15834-2011 顿号用法（相邻或相近两数字连用
    表示概数通常不用顿号，缩略形式如“一、二等奖”用顿号）。
    """
    # What the document contains at all, found by one search each over its whole text.
    alltext = block_text(doc, ctx.cache)
    has_fullwidth = any(d in alltext for d in "０１２３４５６７８９")  # ten scans beat one class scan
    with_digits = {id(b) for b in _digit_blocks(doc, ctx)}
    has_year_zero = _YEAR_ZERO_QUICK_RE.search(alltext) is not None
    has_mixed = _MIXED_DATE_QUICK_RE.search(alltext) is not None
    fixed_res = [(r, lit) for r, lit in _fixed_cn_res() if lit in alltext]
    has_adjacent = _ADJ_QUICK_RE.search(alltext) is not None
    for block in doc.blocks:
        if block.kind not in _TEXT_KINDS:
            continue
        text = block.text
        if has_fullwidth:
            for m in _FULLWIDTH_RE.finditer(text):
                ascii_ = m.group(0).translate(_FW)
                yield ctx.emit(
                    "N105", block, m.start(), m.end(), f"“{m.group(0)}”是全角数字，应写半角“{ascii_}”", ascii_
                )
        if has_year_zero and ("零" in text or "〇" in text or "0" in text) and _YEAR_ZERO_QUICK_RE.search(text):
            for m in _YEAR_ZERO_RE.finditer(text):
                if _after(text, m.start(), "一二三四五六七八九十〇零0123456789"):
                    continue
                y = m.group(1)
                if ("零" in y or "0" in y) and sum(c in "一二三四五六七八九〇零" for c in y) >= 2:
                    fixed = y.replace("零", "〇").replace("0", "〇") + "年"
                    yield ctx.emit(
                        "N105", block, m.start(), m.end(), f"汉字年份中的零应写“〇”：“{m.group(0)}”应为“{fixed}”", fixed
                    )
        if has_adjacent and "、" in text and _ADJ_QUICK_RE.search(text):
            yield from _adjacent_approximations(ctx, block)
        if id(block) not in with_digits:
            continue
        if has_mixed and _MIXED_DATE_QUICK_RE.search(text):
            for m in _MIXED_DATE_RE.finditer(text):
                yield ctx.emit(
                    "N105",
                    block,
                    m.start(),
                    m.end(),
                    f"“{m.group(0)}”中汉字数字与阿拉伯数字混用，同一日期应统一，公文中一般写阿拉伯数字",
                )
        if fixed_res:
            found = [m for r, lit in fixed_res if lit in text for m in r.finditer(text)]
            for m in sorted(found, key=lambda m: m.start()):
                digits = m.group(1)
                value = int(digits)
                if value > 99:
                    continue
                cn = int_to_cn(value)
                fixed = m.group(0).replace(digits, cn, 1)
                yield ctx.emit(
                    "N105", block, m.start(), m.end(), f"固定提法中的数字应用汉字：“{m.group(0)}”应为“{fixed}”", fixed
                )
        if "千" in text or "百" in text:
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
        if "几" in text:
            for m in _JI_RE.finditer(text):
                if _after(text, m.start(), "0123456789."):
                    continue
                fixed = int_to_cn(int(m.group(1))) + "几"
                yield ctx.emit(
                    "N105", block, m.start(), m.end(), f"含“几”的概数用汉字：“{m.group(0)}”应为“{fixed}”", fixed
                )


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


# --- N106 growth with a negative figure --------------------------------------------------------

_NEG_GROWTH_RE = re.compile(rf"(增长|增加|提高|上升|提升)(了)?[-－−]({_NUM})(%|个百分点)?")
#: A minus sign after 长/加/高/升/了 and before a digit: in every match of _NEG_GROWTH_RE.
_NEG_QUICK_RE = re.compile(r"[-－−](?<=[长加高升了][-－−])\d")


@rule("N106", "negative-growth", "warning", "“增长”后面跟了负数", fix="unsafe")
def negative_growth(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    “增长-3.2%”即下降3.2%，公文中应直接写“下降3.2%”。
    原因：
    “增长”加负号，读者要多转一道弯，也容易被当成排版错误。
    错误示例：
    全区规模以上工业增加值增长-3.2%。
    正确示例：
    全区规模以上工业增加值下降3.2%。
    依据：
    统计公报和政府工作报告的通行写法。
    """
    for block in _numeric_blocks(doc, ctx):
        if not _NEG_QUICK_RE.search(block.text):
            continue
        for m in _NEG_GROWTH_RE.finditer(block.text):
            verb = {"增长": "下降", "增加": "减少", "提高": "降低", "上升": "下降", "提升": "下降"}[m.group(1)]
            fixed = f"{verb}{m.group(2) or ''}{m.group(3)}{m.group(4) or ''}"
            yield ctx.emit("N106", block, m.start(), m.end(), f"“{m.group(0)}”即{fixed}，应直接写“{fixed}”", fixed)


# --- N107 two-digit year ----------------------------------------------------------------------

_SHORT_YEAR_RE = re.compile(r"(\d{2})年(?=\d{1,2}月)")
#: In every match of _SHORT_YEAR_RE, led by the literal 年.
_SHORT_YEAR_QUICK_RE = re.compile(r"年(?<=\d{2}年)\d")


@rule("N107", "short-year", "warning", "年份简写（18年3月）", fix="unsafe")
def short_year(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    年份不能简写：“18年3月”应写“2018年3月”。
    原因：
    简写的年份有歧义，也不合公文规范。
    错误示例：
    18年3月，全市召开组织工作会议。
    正确示例：
    2018年3月，全市召开组织工作会议。
    依据：
    GB/T 15835-1995 第5.1.1.1条“年份一般不用简写”；公文写作常规。
    """
    for block in _numeric_blocks(doc, ctx):
        if not _SHORT_YEAR_QUICK_RE.search(block.text):
            continue
        for m in _SHORT_YEAR_RE.finditer(block.text):
            if _after(block.text, m.start(), "0123456789.-/年第"):
                continue
            if inside(_protected(ctx, block), m.start()):
                continue
            yy = int(m.group(1))
            full = f"{2000 + yy if yy <= 50 else 1900 + yy}年"
            yield ctx.emit("N107", block, m.start(), m.end(), f"年份不能简写：“{m.group(0)}”应写全，如“{full}”", full)


# --- N108 percent vs percentage points ---------------------------------------------------------

_POINTS_RE = re.compile(
    rf"[从由]({_NUM})%(?:提高|提升|增长|增加|上升|下降|降低|减少|回落)(?:到|至)({_NUM})%[，,]?"
    rf"(?:提高|提升|增长|增加|上升|下降|降低|减少|回落)了?(?P<c>{_NUM})%"
)


@rule("N108", "percentage-points", "warning", "百分比的差值应称“百分点”", fix="unsafe")
def percentage_points(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    两个百分比相减的差是“百分点”：从（由）30%提高到35%，是提高了5个百分点（相对增长约
    16.7%），不是“提高了5%”。
    原因：
    百分点与百分比混用，会把数据夸大或缩小。
    错误示例：
    党员参学率从85%提高到95%，提高了10%。
    基层党组织按期换届率由85%提升至90%，增长5%。
    正确示例：
    党员参学率从85%提高到95%，提高了10个百分点。
    依据：
    国家统计局统计用语规范。
    """
    for block in _numeric_blocks(doc, ctx):
        if block.text.count("%") < 3:
            continue
        for m in _POINTS_RE.finditer(block.text):
            a, b, c = float(m.group(1)), float(m.group(2)), float(m.group("c"))
            if abs(abs(b - a) - c) > 1e-6:
                continue
            fixed = f"{m.group('c')}个百分点"
            yield ctx.emit(
                "N108",
                block,
                m.start("c"),
                m.end("c") + 1,
                f"从{m.group(1)}%到{m.group(2)}%相差的是{fixed}，不是{m.group('c')}%",
                fixed,
            )


# --- N109 parts that exceed their stated total ------------------------------------------------

_UNIT = r"(?P<unit>人次|万人|人|名|个|家|项|户|所|场|期|篇|万元|亿元|元)"
_TOTAL_RE = lazy(
    rf"(?:共|总计|合计|累计|总数)[^，。；\d]{{0,12}}?(?<![\d.])(?P<num>{_NUM})(?P<mag>万亿|亿|万)?(?P<post>余|多)?{_UNIT}"
    r"(?P<rest>[^。；]*?)其中(?P<parts>[^。；]+)"
)
_PART_RE = re.compile(rf"(?P<num>{_NUM})(?P<mag>万亿|亿|万)?(?P<post>余|多)?{_UNIT}")
_MAGNITUDE = {None: 1, "": 1, "万": 10_000, "亿": 100_000_000, "万亿": 1_000_000_000_000}
#: Categories that usually overlap (a woman can also be under 35): no sum check then.
_OVERLAP_RE = re.compile(r"女|少数民族|岁|学历|大专|本科|研究生|硕士|博士|党员|干部|青年|以上|以下|同比|比上年")


def _amount(m: re.Match[str]) -> tuple[float, str]:
    unit = m.group("unit")
    value = float(m.group("num")) * _MAGNITUDE[m.group("mag")]
    for big, factor in (("万", 10_000), ("亿", 100_000_000)):
        if unit.startswith(big) and len(unit) > 1:
            value *= factor
            unit = unit[1:]
    return value, unit


@rule("N109", "parts-exceed-total", "warning", "“其中”各项超过了所称总数")
def parts_exceed_total(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    “共培训3000人，其中……2000人……1500人”：其中任何一项不能大于总数；各项互不交叉时，
    各项之和也不能大于总数。性别、年龄、学历、党员等常相互交叉的分类只核对单项。
    原因：
    分项与总数对不上，说明有数字写错或统计口径不一。
    错误示例：
    全年共培训党员干部3000人次，其中线上培训2000人次，线下培训1500人次。
    今年共发展党员300名，其中农村党员350名。
    正确示例：
    全年共培训党员干部3500人次，其中线上培训2000人次，线下培训1500人次。
    今年共发展党员300名，其中女性党员120名，35岁以下党员200名。
    依据：
    常识：部分不大于整体。
    """
    for block in _numeric_blocks(doc, ctx):
        text = block.text
        if "其中" not in text:
            continue
        for m in _TOTAL_RE.finditer(text):
            if inside(_protected(ctx, block), m.start("num")):
                continue
            total, unit = _amount(m)
            base = m.start("parts")
            parts_text = m.group("parts")
            parts = [
                p
                for p in _PART_RE.finditer(parts_text)
                if _amount(p)[1] == unit and not _after(parts_text, p.start(), "0123456789.第")
            ]
            if not parts:
                continue
            shown_total = text[m.start("num") : m.end("unit")]
            over = next((p for p in parts if _amount(p)[0] > total and not p.group("post")), None)
            if over is not None and not m.group("post"):
                yield ctx.emit(
                    "N109",
                    block,
                    base + over.start(),
                    base + over.end(),
                    f"总数为“{shown_total}”，其中一项“{over.group(0)}”反而更多，请核对",
                )
                continue
            if len(parts) < 2 or m.group("post") or any(p.group("post") for p in parts):
                continue
            if _OVERLAP_RE.search(m.group("parts")):
                continue
            total_parts = sum(_amount(p)[0] for p in parts)
            if total_parts > total:
                listed = "、".join(p.group(0) for p in parts)
                yield ctx.emit(
                    "N109",
                    block,
                    base + parts[0].start(),
                    base + parts[-1].end(),
                    f"总数为“{shown_total}”，其中各项（{listed}）之和为{fmt_number(total_parts)}{unit}，超过总数，请核对",
                )


# --- N110 the same figure stated with two values -----------------------------------------------


@cache
def _figure_re() -> re.Pattern[str]:
    units = "|".join(re.escape(u) for u in sorted(number_data()["range_units"], key=len, reverse=True))
    return re.compile(rf"(?P<num>{_NUM})(?P<mag>万亿|亿|万)?(?P<post>余|多)?(?P<unit>{units})(?P<tail>左右|以上)?")


#: A clause that speaks of a time or a change may give a different value for a different moment.
_TIME_RE = re.compile(
    r"年|月|日|今年|去年|期间|以来|目前|当前|现在|截至|截止|同比|比上|较上|增长|下降|新增|减少|提高|降低|预计|力争|计划|目标|其中|分别|每"
)
_LEAD_RE = re.compile(r"^(?:共|累计|全年|先后|已|共有|现有|合计|总计)+")
_CLAUSE_RE = re.compile(r"[^，。；！？：,;:!?、（）()“”《》\d\s]{8,40}$")
#: The characters _CLAUSE_RE stops at; the last one in a range and the last sentence end in
#: a range (a greedy ``.*`` backs up from the end of the range: C speed, no list per block).
_CLAUSE_STOP_RE = re.compile(r"[，。；！？：,;:!?、（）()“”《》\d\s]")
_LAST_STOP_RE = re.compile(r"(?s:.*)[，。；！？：,;:!?、（）()“”《》\d\s]")
_LAST_END_RE = re.compile(r"(?s:.*)[。；！？]")


def _clause_before(text: str, begin: int) -> tuple[int, int] | None:
    """The span ``_CLAUSE_RE.search(text, max(0, begin - 60), begin)`` would match.

    The regex tries each of 60 starting places and scans up to 40 characters from each, for
    every figure.  The match is the run of non-stop characters that ends at ``begin``, cut
    to its last 40 characters, when it has at least 8: found from the last stop character.
    """
    if begin and text[begin - 1] == "\n":
        c = _CLAUSE_RE.search(text, max(0, begin - 60), begin)  # "$" may match before a newline
        return c.span() if c else None
    if begin < 8 or _CLAUSE_STOP_RE.search(text, begin - 8, begin):
        return None
    low = max(0, begin - 40)
    last = _LAST_STOP_RE.match(text, low, begin - 8)
    return (last.end() if last else low), begin


_PRE_RE = re.compile(r"(?:大约|约有|约|将近|接近|近|超过|逾)$")


def _interval(value: float, m: re.Match[str], pre: str | None) -> tuple[float, float]:
    post, tail = m.group("post"), m.group("tail")
    if post or pre in ("超过", "逾") or tail == "以上":
        digits = m.group("num")
        if "." in digits:
            step = 10 ** -len(digits.split(".")[1])
        else:
            step = 10 ** (len(digits) - len(digits.rstrip("0")))
        return value, value + step * _MAGNITUDE[m.group("mag")]
    if pre in ("近", "将近", "接近"):
        return value * 0.8, value
    if pre or tail == "左右":
        return value * 0.85, value * 1.15
    return value, value


def _sections(doc: Document) -> dict[int, int]:
    """Block id → number of the top-level part it stands in.

    A report reviews last year in one part and sets this year's targets in another, where
    the same words (新建改造高标准农田) carry a new figure: figures are compared within a part.
    Parts begin at a level-one heading (一、) or an unnumbered heading.
    """
    out: dict[int, int] = {}
    part = 0
    for block in doc.blocks:
        if block.kind is BlockKind.HEADING and block.level in (0, 1):
            part += 1
        out[id(block)] = part
    return out


@rule("N110", "figure-mismatch", "warning", "同一指标在文中前后数值不一致")
def figure_mismatch(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    同一句话（主语和谓语完全相同）在文中两次给出不同的数：“全省共选派第一书记1.2万人”与
    “全省共选派第一书记12300人”。“3万余”“近3万”“约3万”按概数的范围比较，不算矛盾。只在
    两处说法一字不差、且不含年份、“今年”“增长”“新增”“目标”等可能指不同时间或口径的词时报告；
    只比较同一部分（一级标题或无编号小标题之下）内的说法，因为报告的回顾部分和任务部分常用同样
    的话说去年的实绩和今年的目标。
    原因：
    同一数据前后不一，是综述、报告最容易被挑出的硬伤。
    错误示例：
    全省共选派驻村第一书记1.2万人，实现全覆盖。\n在抓党建促乡村振兴中，全省共选派驻村第一书记12300人。
    正确示例：
    全省共选派驻村第一书记1.2万人，实现全覆盖。\n在抓党建促乡村振兴中，全省共选派驻村第一书记1.2万人。
    依据：
    公文写作常规：同一数据全文一致。
    """
    seen: dict[tuple[str, str, int], tuple[Block, re.Match[str], tuple[float, float], int]] = {}
    pattern = _figure_re()
    section = _sections(doc)
    for block in _numeric_blocks(doc, ctx):
        text = block.text
        for m in pattern.finditer(text):
            start = m.start()
            if _after(text, start, "0123456789."):
                continue
            # _PRE_RE ends in one of these (or "$" matches before a newline).
            p = _PRE_RE.search(text, max(0, start - 2), start) if _after(text, start, "约有近过逾\n") else None
            pre = p.group(0) if p else None
            begin = p.start() if p else start
            c = _clause_before(text, begin)
            if c is None:
                continue
            clause = _LEAD_RE.sub("", text[c[0] : c[1]])
            if len(clause) < 8 or _TIME_RE.search(clause):
                continue
            # The offset after the last sentence end before the figure (0 when none).
            last_end = _LAST_END_RE.match(text, 0, m.start())
            sentence_start = last_end.end() if last_end else 0
            if _TIME_RE.search(text, sentence_start, m.start()) or _DIGIT_RE.search(text, sentence_start, m.start()):
                continue
            if inside(_protected(ctx, block), m.start("num")):
                continue
            unit = m.group("unit")
            value = float(m.group("num")) * _MAGNITUDE[m.group("mag")]
            span = _interval(value, m, pre)
            key = (clause, unit, section[id(block)])
            first = seen.get(key)
            if first is None:
                seen[key] = (block, m, span, begin)
                continue
            other_block, other, other_span, other_begin = first
            if span[0] <= other_span[1] and other_span[0] <= span[1]:
                continue
            line, _ = other_block.locate(other_begin)
            figure = text[begin : m.end()]
            other_figure = other_block.text[other_begin : other.end()]
            yield ctx.emit(
                "N110",
                block,
                begin,
                m.end(),
                f"“{clause}”此处为“{figure}”，第{line}行为“{other_figure}”，前后不一致，请核对",
            )


# --- N111 a decrease stated in times ----------------------------------------------------------

_DECREASE_TIMES_RE = re.compile(
    r"(?P<verb>下降|降低|减少|缩小|缩减|减小|缩短|回落)(?P<le>了)?(?P<pre>近|约|超过)?"
    r"(?P<n>[一二两三四五六七八九十]{1,3}|\d+(?:\.\d+)?)(?P<post>多)?倍"
)


@rule("N111", "decrease-in-times", "warning", "减少用了倍数（下降了一倍）", fix="unsafe")
def decrease_in_times(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    倍数只用于增加：“增加了一倍”“增加到两倍”。减少不用倍数，用分数或百分数：“下降了一半”
    “降低了50%”。“下降了一倍”按字面是降到零，读者无法确定实际降了多少。
    原因：
    用倍数说减少，意思不清，是数字表述的常见错误。
    错误示例：
    通过精简会议文件，全年发文数量下降了一倍。
    正确示例：
    通过精简会议文件，全年发文数量下降了一半，办文效率提高了一倍。
    依据：
    出版物编辑和统计用语常规：倍数用于增加，减少用分数或百分数。
    """
    for block in doc.blocks:
        if block.kind not in _PROSE or "倍" not in block.text:
            continue
        text = block.text
        for m in _DECREASE_TIMES_RE.finditer(text):
            if inside(_protected(ctx, block), m.start()):
                continue
            n = m.group("n")
            fixed = None
            if n in ("一", "1") and not m.group("pre") and not m.group("post"):
                fixed = f"{m.group('verb')}{m.group('le') or ''}一半"
            hint = f"，如“{fixed}”" if fixed else ""
            yield ctx.emit(
                "N111",
                block,
                m.start(),
                m.end(),
                f"“{m.group(0)}”：倍数只用于增加，减少应用分数或百分数表示{hint}",
                fixed,
            )
