"""N103 and N107: dates that do not exist, wrong weekdays, leading zeros, two-digit years."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from orgwrite import lazyre
from orgwrite.model import Document, Finding
from orgwrite.numerals import inside
from orgwrite.rules.base import Context, rule
from orgwrite.rules.numbers.common import (
    _PROSE,
    _TEXT_KINDS,
    _after,
    _marked_blocks,
    _protected,
)

# --- N103 dates -------------------------------------------------------------------------------

_DATE_RE = lazyre.compile(r"(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?(?:[（(](?:星期|周)([一二三四五六日天])[）)])?")
_WEEKDAY = "一二三四五六日"
#: In every match of _DATE_RE, led by the literal 年 (a leading digit class is slow).
_DATE_QUICK_RE = lazyre.compile(r"年(?<=\d{4}年)\d")
#: In every match of _SHORT_YEAR_RE (below), led by the literal 年.
_SHORT_YEAR_QUICK_RE = lazyre.compile(r"年(?<=\d{2}年)\d")


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
    # _SHORT_YEAR_QUICK_RE holds wherever _DATE_QUICK_RE does (four digits before 年 end in
    # two): N107 reads the same marks, one search for both rules.
    for block in _marked_blocks(doc, ctx, (_SHORT_YEAR_QUICK_RE,), _TEXT_KINDS):
        if not _DATE_QUICK_RE.search(block.text):
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


# --- N107 two-digit year ----------------------------------------------------------------------

_SHORT_YEAR_RE = lazyre.compile(r"(\d{2})年(?=\d{1,2}月)")


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
    for block in _marked_blocks(doc, ctx, (_SHORT_YEAR_QUICK_RE,), _TEXT_KINDS):
        if block.kind not in _PROSE:  # marked: it holds the short year's quick mark
            continue
        for m in _SHORT_YEAR_RE.finditer(block.text):
            if _after(block.text, m.start(), "0123456789.-/年第"):
                continue
            if inside(_protected(ctx, block), m.start()):
                continue
            yy = int(m.group(1))
            full = f"{2000 + yy if yy <= 50 else 1900 + yy}年"
            yield ctx.emit("N107", block, m.start(), m.end(), f"年份不能简写：“{m.group(0)}”应写全，如“{full}”", full)
