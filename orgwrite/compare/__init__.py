"""Checking a set of documents against each other: a plan against the summary that reports on it.

``orgwrite compare PLAN SUMMARY`` lists every item of a 工作要点 (or a report's 工作安排) with
the paragraph of the year's 总结/综述 that reports on it, and the items nobody reported on.
"""

from orgwrite.compare.match import Match, match_items
from orgwrite.compare.plan import PlanItem, plan_items, summary_paragraphs

__all__ = ["Match", "PlanItem", "match_items", "plan_items", "summary_paragraphs"]
