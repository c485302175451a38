"""``orgwrite check``: the pre-submission gate."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from orgwrite.commands.options import FORMATS, ConfigResolver, check_options
from orgwrite.config import FAIL_ON_VALUES


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="human",
    show_default=True,
    help="输出格式：human（终端阅读）、json、sarif（2.1.0）、github（工作流注释）",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON_VALUES),
    default=None,
    help="有此级别及以上的问题时退出码为1（默认 warning）",
)
@click.option("--statistics", is_flag=True, help="按规则统计问题数")
@click.option("--stdin-filename", default="<stdin>", help="从标准输入（-）读取时报告用的文件名")
@click.option(
    "--annotate",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="仅 .docx：另存一份带批注的副本，每个问题一条批注（作者 orgwrite），原文件不变",
)
@click.option("--force", is_flag=True, help="输出文件（--annotate）已存在时覆盖")
@check_options
def check(
    paths: tuple[str, ...],
    fmt: str,
    fail_on: str | None,
    statistics: bool,
    stdin_filename: str,
    annotate: Path | None,
    force: bool,
    select: str | None,
    ignore: str | None,
    extend_select: str | None,
    config_path: Path | None,
    as_of: str | None,
) -> int:
    """检查文本并报告问题。PATHS 为 .txt、.md、.docx 文件，- 表示标准输入。

    \b
    退出码：0 无达到 --fail-on 级别的问题；1 有；2 用法或输入错误。
    """
    from orgwrite.errors import OrgwriteError
    from orgwrite.pipeline import check_path
    from orgwrite.report import render

    if annotate is not None and (len(paths) != 1 or not paths[0].lower().endswith((".docx", ".docm"))):
        raise OrgwriteError("--annotate 只适用于单个 .docx 输入文件")
    resolver = ConfigResolver(
        config_path, select=select, ignore=ignore, extend_select=extend_select, fail_on=fail_on, as_of=as_of
    )
    results = []
    input_errors = 0
    threshold = resolver.default().fail_on
    for path in paths:
        try:
            config = resolver.for_path(path)
            threshold = config.fail_on
            results.append(check_path(path, config, stdin_name=stdin_filename))
        except OrgwriteError as exc:
            if exc.__class__.__name__ == "ConfigError":
                raise
            input_errors += 1
            click.echo(f"orgwrite：{exc}", err=True)
    render(fmt, results, sys.stdout, statistics=statistics)
    if annotate is not None and results:
        from orgwrite.io.annotate_docx import annotate_docx

        count = annotate_docx(paths[0], results[0].findings, annotate, force=force)
        click.echo(f"已写入 {annotate}：{count} 条批注", err=True)
    if input_errors:
        return 2
    return 1 if _fails(results, threshold) else 0


def _fails(results, fail_on: str) -> bool:
    if fail_on == "never":
        return False
    from orgwrite.model import Severity

    rank = Severity(fail_on).rank
    return any(f.severity.rank >= rank for r in results for f in r.findings)
