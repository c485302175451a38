"""The JSON contract (version 1) that scripts and CI gates read.

The text is exactly what ``json.dump(to_json(results), out, ensure_ascii=False, indent=2)``
writes, built by hand: with ``indent`` the standard library encodes in pure Python, which
cost more than a cheap check of the same files.  Strings go through the library's own
(C) string encoder, so escaping is the library's; the tests compare both byte for byte.
"""

from __future__ import annotations

import sys
from json.encoder import encode_basestring as _string
from typing import TextIO

#: Opening and closing of the report around the files' parts.
_HEAD = '{\n  "version": 1,\n  "files": ['
_TAIL = "\n  ]\n}\n"
_EMPTY = '{\n  "version": 1,\n  "files": []\n}\n'


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


def _finding(f) -> str:
    """One finding at the depth of the report (``Finding.to_dict``'s keys, in its order)."""
    replacement = "null" if f.replacement is None else _string(f.replacement)
    return (
        "\n        {\n"
        f'          "rule": {_string(f.rule)},\n'
        f'          "severity": {_string(f.severity.value)},\n'
        f'          "line": {int(f.line)!r},\n'
        f'          "column": {int(f.column)!r},\n'
        f'          "end_line": {int(f.end_line)!r},\n'
        f'          "end_column": {int(f.end_column)!r},\n'
        f'          "message": {_string(f.message)},\n'
        f'          "replacement": {replacement}\n'
        "        }"
    )


def part(result) -> str:
    """One input's object in the ``files`` list, with the newline that precedes it."""
    as_of = _string(result.as_of.isoformat()) if result.as_of else "null"
    source = _string(result.as_of_source) if result.as_of and result.as_of_source is not None else "null"
    if result.findings:
        findings = "[" + ",".join(_finding(f) for f in result.findings) + "\n      ]"
    else:
        findings = "[]"
    return (
        "\n    {\n"
        f'      "path": {_string(result.path)},\n'
        f'      "as_of": {as_of},\n'
        f'      "as_of_source": {source},\n'
        f'      "findings": {findings}\n'
        "    }"
    )


def write_parts(parts: list, out: TextIO, *, statistics: bool = False) -> None:
    out.write(_HEAD + ",".join(p.payload for p in parts) + _TAIL if parts else _EMPTY)
    if statistics:
        from orgwrite.report.stats import write_statistics

        write_statistics(parts, sys.stderr)
