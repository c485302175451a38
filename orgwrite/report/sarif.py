"""SARIF 2.1.0 for code-scanning tools; columns are counted in Unicode code points."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TextIO

from orgwrite import __version__

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    if path.startswith("<"):
        return path.strip("<>")
    p = Path(path)
    return p.as_posix() if not p.is_absolute() else p.as_uri()


#: Where a result sits in the log: ``runs[0].results[i]``, two spaces a level.
_ITEM_INDENT = "\n" + " " * 8
_INDEX_KEY = '"ruleIndex": '


def _result_item(r, f) -> dict:
    region = {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
    }
    item = {
        "ruleId": f.rule,
        "ruleIndex": 0,  # the rule's place among the rules the whole log uses: see write_parts
        "level": _LEVEL[f.severity.value],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(r.path)}, "region": region}}],
    }
    if f.replacement is not None:
        item["fixes"] = [
            {
                "description": {"text": f"改为“{f.replacement}”"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": _uri(r.path)},
                        "replacements": [{"deletedRegion": region, "insertedContent": {"text": f.replacement}}],
                    }
                ],
            }
        ]
    return item


def part(result) -> list[tuple[str, str, str]]:
    """One input's results as (rule code, text before its rule index, text after it).

    The index depends on every input's findings, so the frame puts it in.  The text
    before it ends with the first ``"ruleIndex": `` of the item: an unescaped quote
    only occurs at the edges of JSON strings, so that is the key, never a message.
    """
    items = []
    for f in result.findings:
        text = json.dumps(_result_item(result, f), ensure_ascii=False, indent=2).replace("\n", _ITEM_INDENT)
        cut = text.index(_INDEX_KEY) + len(_INDEX_KEY)
        items.append((f.rule, _ITEM_INDENT + text[:cut], text[cut + 1 :]))
    return items


def _driver_rules(used: list[str]) -> list[dict]:
    from orgwrite.rules.base import all_rules

    rules = all_rules()
    driver_rules = []
    for code in used:
        rule = rules.get(code)
        entry: dict = {"id": code}
        if rule:
            entry["name"] = rule.name
            entry["shortDescription"] = {"text": rule.summary}
            entry["fullDescription"] = {"text": rule.doc or rule.summary}
            # The rule's own documentation travels with the log (code-scanning pages show it);
            # no web address is claimed for a package that is not published anywhere.
            entry["help"] = {"text": f"{rule.summary}\n\n{rule.doc}".strip()}
            entry["defaultConfiguration"] = {"level": _LEVEL[rule.severity.value]}
        driver_rules.append(entry)
    return driver_rules


def write_parts(parts: list, out: TextIO, *, statistics: bool = False) -> None:
    from orgwrite.report import rule_counts

    used = sorted(rule_counts(parts))
    index = {code: str(i) for i, code in enumerate(used)}
    items = [before + index[code] + after for p in parts for code, before, after in p.payload]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "orgwrite",
                        "version": __version__,
                        "rules": _driver_rules(used),
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [],
            }
        ],
    }
    text = json.dumps(log, ensure_ascii=False, indent=2)
    if items:
        # The first unescaped "results": [] is the key (see part); the items go in its place.
        text = text.replace('"results": []', '"results": [' + ",".join(items) + "\n      ]", 1)
    out.write(text)
    out.write("\n")
    if statistics:
        from orgwrite.report.stats import write_statistics

        write_statistics(parts, sys.stderr)
