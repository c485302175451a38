"""Counts of findings per rule (``--statistics``)."""

from __future__ import annotations

from typing import TextIO


def write_statistics(parts: list, out: TextIO) -> None:
    from orgwrite.report import rule_counts
    from orgwrite.rules.base import all_rules

    rules = all_rules()
    c = rule_counts(parts)
    for code, n in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])):
        rule = rules.get(code)
        out.write(f"{n:6d}  {code}  {rule.summary if rule else ''}\n")
    out.write(f"{sum(c.values()):6d}  合计\n")
