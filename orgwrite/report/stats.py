"""Counts of findings per rule (``--statistics``)."""

from __future__ import annotations

from collections import Counter
from typing import TextIO


def counts(results: list) -> Counter:
    return Counter(f.rule for r in results for f in r.findings)


def write_statistics(results: list, out: TextIO) -> None:
    from orgwrite.rules.base import all_rules

    rules = all_rules()
    c = counts(results)
    for code, n in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])):
        rule = rules.get(code)
        out.write(f"{n:6d}  {code}  {rule.summary if rule else ''}\n")
    out.write(f"{sum(c.values()):6d}  合计\n")
