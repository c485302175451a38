"""The date a text speaks as of, which decides what wording was current.

Order: an explicit date (``--as-of`` or configuration) → the Markdown front matter
(``as-of`` or ``date``) → what the text itself says (:func:`infer_as_of`).
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date

from orgwrite import lazyre
from orgwrite.model import BlockKind, Document

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_DATE_RE = lazyre.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_DOTTED_RE = lazyre.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_ISO_RE = lazyre.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})\b")
_TITLE_YEAR_RE = lazyre.compile(r"(\d{4})年")
#: Block kinds bound once: each ``BlockKind.X`` goes through the enum metaclass's attribute hook.
_CHROME = BlockKind.CHROME
_DATE_LINE = BlockKind.DATE
_TITLE = BlockKind.TITLE


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def infer_as_of(doc: Document) -> tuple[date | None, str | None]:
    """(date, where it came from in Chinese) from the text, or (None, None)."""
    blocks = doc.blocks
    # 1. A date line or signature date, near the end or right under the title.
    for block in [*reversed(blocks[-4:]), *blocks[:6]]:
        if block.kind is _DATE_LINE:
            m = _DATE_RE.search(block.text)
            if m and (d := _safe_date(*map(int, m.groups()))):
                return d, f"日期行（第{block.line}行）"
    # 2. A dateline left by the publishing web page.
    for block in blocks[:8]:
        if block.kind is _CHROME:
            text = block.text.strip()
            m = _ISO_RE.match(text)
            if m and (d := _safe_date(*map(int, m.groups()))):
                return d, f"发布时间（第{block.line}行）"
            m = _DOTTED_RE.match(text)
            if m:
                day, month, year = map(int, m.groups())
                if d := _safe_date(year, month, day):
                    return d, f"发布时间（第{block.line}行）"
    # 3. The year in the title.
    for block in blocks[:3]:
        if block.kind is _TITLE:
            m = _TITLE_YEAR_RE.search(block.text)
            if m and 1949 <= int(m.group(1)) <= 2100:
                return date(int(m.group(1)), 12, 31), f"标题中的{YEAR_MARK}（第{block.line}行）"
    # 4. What the body speaks of as past: the latest year (not a plan's target year), and the
    #    latest dated event (党的二十大精神, 二十届三中全会以来).  Both are only lower bounds; the
    #    later one wins.
    from orgwrite.event_names import document_text

    whole = document_text(doc)
    latest = _latest_year_in(whole, blocks)
    event = _latest_event_in(whole, blocks)
    if event is not None and (latest is None or event[0].date >= date(latest[0], 1, 1)):
        ev, line = event
        return ev.date, (
            f"正文提及已召开（开展）的{ev.name}（{ev.date.year}年{ev.date.month}月{ev.date.day}日，"
            f"第{line}行），文本{LOWER_BOUND_MARK}该日"
        )
    if latest is not None:
        year, line = latest
        return date(year, 12, 31), f"正文提及的最近{YEAR_MARK}（第{line}行，文本{LOWER_BOUND_MARK}该年）"
    return None, None


def latest_event_spoken_of(doc: Document):
    """(event, line) of the latest event of lexicon/events.toml the body speaks of as past."""
    from orgwrite.event_names import document_text

    return _latest_event_in(document_text(doc), doc.blocks)


def _latest_event_in(whole, blocks):
    """:func:`latest_event_spoken_of` from the scan of the whole text (an ``event_names.DocumentText``
    of ``blocks``), web leftovers left out.

    No name holds a line break and the break before a block is not an ordinal, as the start of
    a block is not: each block's mentions are those of the block alone.
    """
    from orgwrite.events import latest_past_event_of

    return latest_past_event_of(_body_mentions(whole, blocks))


def _body_mentions(whole, blocks):
    """(text, line, event, start, end) of the event names in the blocks that are not web leftovers."""
    starts = whole.starts
    chrome = _CHROME
    for event, start, end in whole.events:
        i = bisect_right(starts, start) - 1
        block = blocks[i]
        if block.kind is chrome:
            continue
        at = start - starts[i]
        yield block.text, block.line, event, at, at + end - start


#: Marks an as-of source that knows only the year (see :func:`bounds`).
YEAR_MARK = "年份"
#: Marks a year that is only a lower bound (the latest year the body speaks of).
LOWER_BOUND_MARK = "不早于"

# A year in the text: 2023年 or 二〇二三年, not part of a longer number.
_YEAR_IN_TEXT_RE = lazyre.compile(r"(?<![\d.])((?:19|20)\d{2})年|([〇零一二三四五六七八九]{4})年")
# Target years: "到2035年", "至2025年", "2035年远景目标", "2025年前", ranges "2018—2022年" (the end).
_TARGET_BEFORE_RE = lazyre.compile(
    r"(?:到|至|迄|—|－|-|～|~|力争|争取|确保|计划|预计|目标|远景|展望|将|将在|将于|要在|定于)\s*(?:在|于)?\s*$"
)
_TARGET_AFTER_RE = lazyre.compile(r"^(?:前|以前|之前|远景|目标|的目标|基本实现|实现|全面建成|建成|达到|要|将)")
_MONTH_AFTER_RE = lazyre.compile(r"^(?:\d{1,2}|[一二三四五六七八九十]{1,2})月")


#: :data:`_YEAR_IN_TEXT_RE` read from its 年: every match is a 年 and the four characters before
#: it, so the same matches, found by scanning for the literal 年 instead of trying a look-behind at
#: every position.  A match is the 年 alone; the year starts four characters before it.
_YEAR_AT_NIAN_RE = lazyre.compile(r"年(?<=(?<![\d.])((?:19|20)\d{2})年|([〇零一二三四五六七八九]{4})年)")


def latest_year_spoken_of(doc: Document) -> tuple[int, int] | None:
    """(year, line) of the latest year the body speaks of as past or present.

    Years after 到/至/确保/力争/a range dash, or followed by 前/远景目标/实现…, are a plan's
    targets and ignored, and so are years later than today.  A year must be mentioned twice,
    or with its month (2021年1月), to count: a single passing mention (“依托2020年冬运会契机”)
    is too often a future event.
    """
    from orgwrite.event_names import document_text

    return _latest_year_in(document_text(doc), doc.blocks)


def _latest_year_in(whole, blocks) -> tuple[int, int] | None:
    """:func:`latest_year_spoken_of` over the whole text (an ``event_names.DocumentText`` of
    ``blocks``), web leftovers left out.

    A year never holds a line break and the break before a block is neither a digit nor a dot,
    as a block's start is not: the matches are each block's own.  What comes before and after a
    year is read in its block only.
    """
    # Where each year stands, by how it is written; then the years from the latest down, each
    # read at its places only until one counts: most places of most years are never read.
    places: dict[tuple[str, str], list[int]] = {}
    for m in _YEAR_AT_NIAN_RE.finditer(whole.text):
        written = m.groups()
        found = places.get(written)
        if found is None:
            places[written] = [m.end() - 5]
        else:
            found.append(m.end() - 5)
    by_year: dict[int, list[int]] = {}
    for (digits, chinese), offsets in places.items():
        year = int(digits) if digits else int("".join(str(_CN_DIGITS[c]) for c in chinese))
        by_year.setdefault(year, []).extend(offsets)
    this_year = date.today().year
    starts = whole.starts
    chrome = _CHROME
    for year in sorted(by_year, reverse=True):
        if not 1949 <= year <= this_year:
            continue
        count, line, with_month = 0, 0, False
        for at in sorted(by_year[year]):  # in text order (a year written two ways is merged)
            i = bisect_right(starts, at) - 1
            block = blocks[i]
            if block.kind is chrome:
                continue
            text, start = block.text, at - starts[i]
            end = start + 5
            before = text[max(0, start - 6) : start]
            after = text[end : end + 6]
            if _TARGET_BEFORE_RE.search(before) or _TARGET_AFTER_RE.match(after):
                continue
            count += 1
            if count == 1:
                line = block.line  # the line of its first mention that counts
            if _MONTH_AFTER_RE.match(after):
                with_month = True
            if count >= 2 or with_month:
                return year, line
    return None


def bounds(as_of: date | None, source: str | None) -> tuple[date, date] | None:
    """The interval the text's date lies in: one day, or the whole year when only the year is known.

    A year-only date (title year, latest year spoken of) is reported as 31 December, but dated
    rules judge it as the interval 1 January – 31 December: superseded wording is reported only if
    the switch came before 1 January of that year, an anachronism only if the term appeared after
    31 December.  Both checks then stay silent on whatever day of the year the text was written,
    which is the choice least likely to cry wolf.  The latest year the body speaks of is only a
    lower bound (a text of 2026 may look back on 2019): its interval is open-ended, so no
    anachronism is ever inferred from it.  So is the day of the latest event it speaks of as past
    (党的二十大精神: no earlier than 16 October 2022), which bounds it from that day on.
    """
    if as_of is None:
        return None
    if source and LOWER_BOUND_MARK in source:
        return (date(as_of.year, 1, 1) if YEAR_MARK in source else as_of), date.max
    if source and YEAR_MARK in source:
        return date(as_of.year, 1, 1), date(as_of.year, 12, 31)
    return as_of, as_of


def front_matter_date(doc: Document) -> date | None:
    """``as-of`` (or ``date``) from Markdown front matter, if it is a valid date."""
    fm = doc.meta.front_matter
    for key in ("as-of", "as_of", "date"):
        value = fm.get(key)
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                continue
    return None
