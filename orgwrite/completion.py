"""Shell completion of the values writers type most: rule codes, genres, lexicon ids.

Click calls these only while completing (``_ORGWRITE_COMPLETE=…``), so the imports they
need (the rule registry, the genre folders, the lexicon) are paid for then and never on
an ordinary run.  A failure while completing offers nothing rather than a traceback.
"""

from __future__ import annotations

from click import Context, Parameter
from click.shell_completion import CompletionItem


def _matching(values: dict[str, str], incomplete: str, prefix: str = "") -> list[CompletionItem]:
    typed = incomplete.upper() if values and all(k.isupper() or not k.isalpha() for k in values) else incomplete
    return [CompletionItem(prefix + key, help=help_text) for key, help_text in values.items() if key.startswith(typed)]


def _rule_codes() -> dict[str, str]:
    from orgwrite.rules.base import all_rules

    return {code: rule.summary for code, rule in all_rules().items()}


def rule_codes(ctx: Context, param: Parameter, incomplete: str) -> list[CompletionItem]:
    """``orgwrite rules P1<TAB>`` → P101 P102 …"""
    try:
        return _matching(_rule_codes(), incomplete)
    except Exception:  # completion must never break the shell
        return []


def rule_code_list(ctx: Context, param: Parameter, incomplete: str) -> list[CompletionItem]:
    """``--select P101,S1<TAB>``: complete the last code of a comma-separated list."""
    head, _, last = incomplete.rpartition(",")
    try:
        return _matching(_rule_codes(), last, head + "," if head else "")
    except Exception:
        return []


def genres(ctx: Context, param: Parameter, incomplete: str) -> list[CompletionItem]:
    """``orgwrite new 领<TAB>`` → 领导讲话; folder names (lingdao-jianghua) complete too."""
    try:
        from orgwrite.draft.genres import load_genres

        found: dict[str, str] = {}
        for g in load_genres(ctx.params.get("template_dirs") or ()).values():
            found[g.name] = g.summary
            found[g.key] = g.summary
        return _matching(found, incomplete)
    except Exception:
        return []


def lexicon_ids(ctx: Context, param: Parameter, incomplete: str) -> list[CompletionItem]:
    """``orgwrite lexicon show E-four<TAB>`` → E-four-consciousness …"""
    try:
        from orgwrite.lexicon import load_lexicon

        entries = load_lexicon().entries
        return [CompletionItem(eid, help=e.kind) for eid, e in entries.items() if eid.startswith(incomplete)]
    except Exception:
        return []
