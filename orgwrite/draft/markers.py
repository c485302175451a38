"""What drafting changes in outline text: the markers, and the writer's own heading numbers.

Outline values are data; the only things expanded are ``［lex:ID］`` (a formulation as of
the draft's date), ``［members:ID］`` (an enumeration's members then) and ``［count］``
(the number of top-level sections), by plain string substitution.

An abbreviation such as 两个维护 or 四个意识 is written in quotation marks in official
texts (做到“两个维护”); ``［lex:…］`` gives it with its marks unless the writer already
put the marker in quotes.  A heading the writer numbered (``一、提高站位``) loses that
number when the template numbers headings itself, so it never comes out twice.
"""

from __future__ import annotations

import re
from datetime import date

from orgwrite import lazyre
from orgwrite.draft import formulations, numerals
from orgwrite.draft.outline import Outline, OutlineError, suggest

_MARKER_RE = lazyre.compile(r"［\s*([A-Za-z]+)\s*(?:[:：]\s*([A-Za-z0-9_.-]+))?\s*］")
#: Numbered abbreviations quoted in official usage: 两个维护, 四个意识, 四个自信, 两个确立.
_QUOTED_ABBR_RE = lazyre.compile(r"^[两二三四五六七八九十]+个[\u4e00-\u9fff]{2,4}$")
_OPEN_QUOTES = '“「‘"'
_CLOSE_QUOTES = '”」’"'


class Expander:
    """Replaces the markers in outline text; problems name the outline's file and line."""

    def __init__(self, outline: Outline, as_of: date, count: int):
        self.outline = outline
        self.as_of = as_of
        self.count = count

    def __call__(self, text: str, field: str) -> str:
        if "［" not in text:
            return text

        def replace(m: re.Match) -> str:
            kind, ident = m.group(1), m.group(2)
            try:
                if kind == "count" and ident is None:
                    return numerals.cn_count(self.count)
                if kind == "lex" and ident:
                    return quoted(formulations.wording(ident, self.as_of), text, m.start(), m.end())
                if kind == "members" and ident:
                    return "、".join(formulations.members(ident, self.as_of))
            except formulations.UnknownFormulation as exc:
                hint = suggest(ident or "", formulations.known_ids())
                raise self._error(field, f"{exc}" + (f"，是不是“{hint}”？" if hint and hint != ident else "")) from None
            raise self._error(field, f"无法识别的标记“{m.group(0)}”（可用：［lex:编号］［members:编号］［count］）")

        return _MARKER_RE.sub(replace, text)

    def _error(self, field: str, message: str) -> OutlineError:
        line = self.outline.lines.get(field, 0)
        where = f"{self.outline.path}:{line}" if line else self.outline.path
        return OutlineError(f"{where}：{message}（字段 {field}）")


def quoted(wording: str, text: str, start: int, end: int) -> str:
    """``wording`` in quotation marks when it is a numbered abbreviation not quoted already."""
    if not _QUOTED_ABBR_RE.match(wording):
        return wording
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if before in _OPEN_QUOTES and after in _CLOSE_QUOTES:
        return wording
    return f"“{wording}”"


def own_number(heading: str) -> tuple[str, str]:
    """(the number the writer put before a heading, the heading without it).

    ``一、提高站位`` → (``一、``, ``提高站位``); ``（一）…``, ``1.…``, ``（1）…`` likewise;
    a heading without a number → ("", heading).
    """
    from orgwrite.io.layout import heading_number

    _level, number = heading_number(heading)
    rest = heading[len(number) :].lstrip(" \u3000")
    if not number or not rest:
        return "", heading
    return number, rest


def double_numbered(text: str) -> bool:
    """True for a heading or item that carries two numbers (``一、一、提高站位``, ``二、（二）…``)."""
    number, rest = own_number(text)
    return bool(number) and bool(own_number(rest)[0])
