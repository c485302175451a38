"""What ``check --fix`` and ``check --diff`` do to one checked input."""

from __future__ import annotations

import difflib
import sys

import click

from orgwrite.config import Config
from orgwrite.pipeline import CheckResult


def fix_result(result: CheckResult, config: Config, *, unsafe: bool, write: bool) -> tuple[CheckResult, bool]:
    """Apply (``write``) or show (diff) the fixes of one result.

    Returns the result to report (re-checked after fixing) and whether the text changed.
    A fixed standard input goes to standard output; its remaining findings are in the
    returned result, which the caller reports on standard error.  Writing a user's file
    refuses (OrgwriteError) when it is read-only or changed since it was read.
    """
    from orgwrite.fix import encode_like, fix_source
    from orgwrite.pipeline import check_document

    doc = result.document
    if doc is None or doc.source.format not in ("txt", "md"):
        if write:
            click.echo(
                f"orgwrite：{result.path}：Word 文件不就地修复，请用 orgwrite fix 输入.docx -o 输出.docx --track-changes",
                err=True,
            )
        return result, False
    original = doc.text
    fixed, _applied = fix_source(original, doc.source.path, doc.source.format, config, unsafe=unsafe)
    changed = fixed != original
    path = doc.source.path
    if not write:
        if changed:
            sys.stdout.writelines(
                difflib.unified_diff(
                    original.splitlines(keepends=True),
                    fixed.splitlines(keepends=True),
                    fromfile=f"a/{path}",
                    tofile=f"b/{path}",
                )
            )
            if not fixed.endswith(("\n", "\r")):
                sys.stdout.write("\n")
        return result, changed
    to_stdout = result.path == "-" or doc.source.stamp is None
    if to_stdout:
        sys.stdout.write(fixed)
    elif changed:
        from pathlib import Path

        from orgwrite.io.atomic import rewrite_file

        rewrite_file(Path(path), encode_like(fixed, doc.source.encoding, doc.source.bom), doc.source.stamp)
    if changed:
        from orgwrite.io.read_text import read_string

        new_doc = read_string(fixed, path, format=doc.source.format)
        new_doc.source = doc.source
        result = check_document(new_doc, config)
    return result, changed
