"""``orgwrite check``: the pre-submission gate, for one file or whole folders."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from orgwrite.commands.options import FORMATS, ConfigResolver, check_options
from orgwrite.config import FAIL_ON_VALUES

#: Show a progress bar (on a terminal, human format) from this many files on.
PROGRESS_FROM = 20


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
@click.option("--fix", is_flag=True, help="就地应用安全修复（保持原编码、BOM和换行），再报告剩余问题")
@click.option("--unsafe-fixes", is_flag=True, help="与 --fix/--diff 同用：也应用需确认的修复")
@click.option("--diff", is_flag=True, help="只显示修复将做的改动（统一差异格式），不写文件")
@click.option(
    "-j", "--jobs", type=click.IntRange(min=0), default=None, help="并行进程数（默认：全部CPU核心；0 同默认）"
)
@click.option(
    "--exclude", multiple=True, metavar="PATTERN", help="排除匹配的文件或目录（可多次使用，如 --exclude '草稿*'）"
)
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
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    jobs: int | None,
    exclude: tuple[str, ...],
    annotate: Path | None,
    force: bool,
    select: str | None,
    ignore: str | None,
    extend_select: str | None,
    config_path: Path | None,
    as_of: str | None,
    encoding: str | None,
) -> int:
    """检查文本并报告问题。PATHS 为 .txt、.md、.docx 文件、文件夹或通配符，- 表示标准输入。

    \b
    退出码：0 无达到 --fail-on 级别的问题；1 有（--diff 时：有待修改）；2 用法或输入错误。
    """
    from orgwrite import collector
    from orgwrite.batch import check_many, default_jobs
    from orgwrite.errors import OrgwriteError
    from orgwrite.io.discover import expand_paths
    from orgwrite.report import make_part, style_for, write_parts

    started = time.perf_counter()
    if annotate is not None and (len(paths) != 1 or not paths[0].lower().endswith((".docx", ".docm"))):
        raise OrgwriteError("--annotate 只适用于单个 .docx 输入文件")
    resolver = ConfigResolver(
        config_path,
        select=select,
        ignore=ignore,
        extend_select=extend_select,
        fail_on=fail_on,
        as_of=as_of,
        encoding=encoding,
    )
    files = expand_paths(paths, exclude)
    if not files:
        click.echo("orgwrite：没有找到要检查的文件（.txt、.md、.docx）", err=True)
        return 2
    jobs = jobs or default_jobs()
    results = []
    parts = []  # each input's share of the report, when nothing but the report is asked for
    input_errors = 0
    changed = 0
    fixed_stdin = paths == ("-",) and fix and not diff
    report_only = not (fix or diff or annotate)
    outcomes = check_many(
        files,
        resolver.for_path,
        jobs=jobs,
        stdin_name=stdin_filename,
        style=style_for(fmt, sys.stdout) if report_only else None,
    )
    for outcome in _with_progress(outcomes, len(files), fmt):
        collector.release()  # what the first input loaded lives until exit (see orgwrite.collector)
        if outcome.error:
            input_errors += 1
            click.echo(f"orgwrite：{outcome.error}", err=True)
            continue
        if outcome.part is not None:
            parts.append(outcome.part)
            continue
        result = outcome.result
        if fix or diff:
            from orgwrite.commands.fixing import fix_result

            try:
                result, did_change = fix_result(
                    result, resolver.for_path(outcome.path), unsafe=unsafe_fixes, write=fix and not diff
                )
            except OrgwriteError as exc:  # this file could not be written: say so, go on with the others
                input_errors += 1
                click.echo(f"orgwrite：{exc}", err=True)
                continue
            changed += did_change
        results.append(result)
    threshold = resolver.default().fail_on
    if results:
        report_to = sys.stderr if fixed_stdin else sys.stdout
        parts = [make_part(style_for(fmt, report_to), r) for r in results]
    if not parts and input_errors:
        # Nothing was checked: no report (it would say "no problems found").  One input
        # has said why in its own line; for many, say that none of them could be read.
        if len(files) > 1:
            click.echo(f"orgwrite：没有一个文件能够检查（{input_errors} 个输入均无法读取或处理，见上方说明）", err=True)
        return 2
    if diff:
        return 2 if input_errors else (1 if changed else 0)
    if fixed_stdin:
        # The fixed text went to standard output; what no fix could mend is reported on
        # standard error, as a file's report would show it.
        write_parts(fmt, parts, sys.stderr, statistics=statistics)
        return 2 if input_errors else (1 if _fails(parts, threshold) else 0)
    try:
        write_parts(fmt, parts, sys.stdout, statistics=statistics)
        if fmt == "human":
            note = f"另有 {input_errors} 个输入无法检查（见上方说明）。" if input_errors else ""
            done = f"已修复 {changed} 个文件。" if fix else ""
            click.echo(f"{note}用时 {time.perf_counter() - started:.2f} 秒。{done}")
    except (BrokenPipeError, SystemExit) as exc:
        # `| head`: the reader left.  The exit code still tells the result of the check
        # (rich reports a broken pipe as SystemExit(1) after silencing stdout itself).
        if isinstance(exc, SystemExit) and exc.code != 1:
            raise
        _stop_writing_stdout()
    if annotate is not None and results:
        from orgwrite.io.annotate_docx import annotate_docx

        count = annotate_docx(paths[0], results[0].findings, annotate, force=force)
        click.echo(f"已写入 {annotate}：{count} 条批注", err=True)
    if input_errors:
        return 2
    return 1 if _fails(parts, threshold) else 0


def _stop_writing_stdout() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _with_progress(outcomes, total: int, fmt: str):
    """A progress bar on stderr, only for a long human-format run on a terminal."""
    if fmt != "human" or total < PROGRESS_FROM or not sys.stderr.isatty():
        yield from outcomes
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn("检查中"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as progress:
        task = progress.add_task("check", total=total)
        for outcome in outcomes:
            progress.advance(task)
            yield outcome


def _fails(parts, fail_on: str) -> bool:
    if fail_on == "never":
        return False
    from orgwrite.model import Severity

    rank = Severity(fail_on).rank
    return any(Severity(severity).rank >= rank for p in parts for _rule, severity in p.counts)
