"""Numbers by GB/T 15835-2011《出版物上数字用法》 and plain arithmetic (rule family N).

Precision first: digits inside titles (《》), quotations, document numbers (〔2023〕5号),
clause numbers (第十二条), URLs and phone numbers are not statistics and are left alone
(see :func:`orgwrite.numerals.protected_spans`).  Each rule first finds, over the whole
text at once, the places where it can match (a literal, or a short pattern led by one, that
every match of its own patterns holds: ``common._marked_blocks``, N105's marks, N110's figure
scan), then runs its patterns on those blocks only; most paragraphs are never looked at.

One module per rule or close group of rules; importing this package registers them all.
The helpers other rule families use are importable from here under their old names.
"""

from __future__ import annotations

from orgwrite.rules.numbers.approximations import double_approximation
from orgwrite.rules.numbers.breakdowns import _amount, parts_exceed_total
from orgwrite.rules.numbers.changes import decrease_in_times, negative_growth, percentage_points
from orgwrite.rules.numbers.common import (
    _DIGIT_RE,
    _MAGNITUDE,
    _NUM,
    _PROSE,
    _TEXT_KINDS,
    _after,
    _protected,
)
from orgwrite.rules.numbers.dates import bad_date, short_year
from orgwrite.rules.numbers.fixed_expressions import required_literal as _required_literal
from orgwrite.rules.numbers.numeral_form import numeral_form
from orgwrite.rules.numbers.ranges import value_range
from orgwrite.rules.numbers.same_figure import (
    _CLAUSE_RE,
    _LAST_END_RE,
    _clause_before,
    _figure_re,
    _interval,
    _sections,
    figure_mismatch,
)
from orgwrite.rules.numbers.shares import share_over_100

__all__ = [
    "_CLAUSE_RE",
    "_DIGIT_RE",
    "_LAST_END_RE",
    "_MAGNITUDE",
    "_NUM",
    "_PROSE",
    "_TEXT_KINDS",
    "_after",
    "_amount",
    "_clause_before",
    "_figure_re",
    "_interval",
    "_protected",
    "_required_literal",
    "_sections",
    "bad_date",
    "decrease_in_times",
    "double_approximation",
    "figure_mismatch",
    "negative_growth",
    "numeral_form",
    "parts_exceed_total",
    "percentage_points",
    "share_over_100",
    "short_year",
    "value_range",
]
