"""The date a text speaks as of, which decides what wording was current.

Order: an explicit date (``--as-of`` or configuration) → the Markdown front matter
(``as-of`` or ``date``) → what the text itself says (:func:`infer_as_of`).
"""

from __future__ import annotations

import re
from datetime import date

from orgwrite.model import BlockKind, Document

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_DATE_RE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_DOTTED_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_ISO_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})\b")
_TITLE_YEAR_RE = re.compile(r"(\d{4})年")


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
        if block.kind is BlockKind.DATE:
            m = _DATE_RE.search(block.text)
            if m and (d := _safe_date(*map(int, m.groups()))):
                return d, f"日期行（第{block.line}行）"
    # 2. A dateline left by the publishing web page.
    for block in blocks[:8]:
        if block.kind is BlockKind.CHROME:
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
        if block.kind is BlockKind.TITLE:
            m = _TITLE_YEAR_RE.search(block.text)
            if m and 1949 <= int(m.group(1)) <= 2100:
                return date(int(m.group(1)), 12, 31), f"标题中的年份（第{block.line}行）"
    return None, None


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
