"""Rule families.  See :mod:`orgwrite.rules.base` for the registry."""

from orgwrite.rules.base import FAMILIES, RULE_MODULES, Context, Rule, all_rules, rule

__all__ = ["FAMILIES", "RULE_MODULES", "Context", "Rule", "all_rules", "rule"]
