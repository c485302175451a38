"""The JSON contract (version 1) that scripts and CI gates read."""

from __future__ import annotations

import json
import sys
from typing import TextIO


def to_json(results: list) -> dict:
    return {
        "version": 1,
        "files": [
            {
                "path": r.path,
                "as_of": r.as_of.isoformat() if r.as_of else None,
                "as_of_source": r.as_of_source if r.as_of else None,
                "findings": [f.to_dict() for f in r.findings],
            }
            for r in results
        ],
    }


def write(results: list, out: TextIO, *, statistics: bool = False) -> None:
    json.dump(to_json(results), out, ensure_ascii=False, indent=2)
    out.write("\n")
    if statistics:
        from orgwrite.report.stats import write_statistics

        write_statistics(results, sys.stderr)
