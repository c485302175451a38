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


def to_sarif(results: list) -> dict:
    from orgwrite.rules.base import all_rules

    rules = all_rules()
    used = sorted({f.rule for r in results for f in r.findings})
    index = {code: i for i, code in enumerate(used)}
    sarif_results = []
    for r in results:
        for f in r.findings:
            region = {
                "startLine": f.line,
                "startColumn": f.column,
                "endLine": f.end_line,
                "endColumn": f.end_column,
            }
            item = {
                "ruleId": f.rule,
                "ruleIndex": index[f.rule],
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
            sarif_results.append(item)
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
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "orgwrite",
                        "version": __version__,
                        "rules": driver_rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
            }
        ],
    }


def write(results: list, out: TextIO, *, statistics: bool = False) -> None:
    json.dump(to_sarif(results), out, ensure_ascii=False, indent=2)
    out.write("\n")
    if statistics:
        from orgwrite.report.stats import write_statistics

        write_statistics(results, sys.stderr)
