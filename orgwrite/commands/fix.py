"""``orgwrite fix IN -o OUT``: write a fixed copy; for Word, optionally as tracked changes."""

from __future__ import annotations

import os
from pathlib import Path

import click

from orgwrite.commands.options import ConfigResolver, check_options


@click.command()
@click.argument("input_path", metavar="IN")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="输出文件（与输入同类型：.txt、.md 或 .docx）",
)
@click.option(
    "--track-changes", is_flag=True, help="Word 文件：修改以修订（作者 orgwrite）写入，可在 Word 中逐条接受或拒绝"
)
@click.option("--unsafe-fixes", is_flag=True, help="同时应用需人工确认的修复")
@click.option("--force", is_flag=True, help="输出文件已存在时覆盖")
@check_options
def fix(
    input_path: str,
    output: Path,
    track_changes: bool,
    unsafe_fixes: bool,
    force: bool,
    select: str | None,
    ignore: str | None,
    extend_select: str | None,
    config_path: Path | None,
    as_of: str | None,
    encoding: str | None,
) -> int:
    """检查 IN 并把可自动修复的问题修好，写入 OUT（输入文件不变）。

    \b
    .txt/.md：保留原编码、BOM 和换行符。
    .docx：加 --track-changes 时每处修改为一条修订（删除+插入，作者 orgwrite），
    在 Word 中“接受所有修订”后的文字与文本修复结果相同；不加则直接改好。

    \b
    示例：
      orgwrite fix 报告.docx -o 报告-修订.docx --track-changes
      orgwrite fix 讲话稿.txt -o 讲话稿-修复.txt
    """
    from orgwrite.errors import OrgwriteError
    from orgwrite.io.atomic import atomic_write_bytes
    from orgwrite.pipeline import check_path

    src = Path(input_path)
    if input_path == "-":
        raise OrgwriteError("fix 需要输入文件，不支持标准输入")
    if src.exists() and output.exists() and (src.resolve() == output.resolve() or os.path.samefile(src, output)):
        raise OrgwriteError(f"{output}：输出文件不能与输入文件相同（输入文件不会被修改）")
    is_docx = src.suffix.lower() in (".docx", ".docm")
    if is_docx != (output.suffix.lower() == ".docx"):
        raise OrgwriteError(f"{output}：输出文件应与输入文件同类型（{src.suffix or '无扩展名'}）")
    if track_changes and not is_docx:
        raise OrgwriteError("--track-changes 只适用于 .docx 文件")
    resolver = ConfigResolver(
        config_path, select=select, ignore=ignore, extend_select=extend_select, as_of=as_of, encoding=encoding
    )
    result = check_path(input_path, resolver.for_path(input_path))
    if is_docx:
        from orgwrite.io.fix_docx import fix_docx

        applied, skipped = fix_docx(
            src,
            result.findings,
            output,
            track_changes=track_changes,
            unsafe=unsafe_fixes,
            force=force,
            config=resolver.for_path(input_path),
        )
    else:
        from orgwrite.fix import encode_like, fix_source

        # The same fix as check --fix: re-checked until nothing applicable is left.
        doc = result.document
        fixed, applied = fix_source(
            doc.text, doc.source.path, doc.source.format, resolver.for_path(input_path), unsafe=unsafe_fixes
        )
        atomic_write_bytes(output, encode_like(fixed, doc.source.encoding, doc.source.bom), force=force)
        skipped = 0
    how = "修订" if track_changes else "修复"
    note = f"，{skipped} 处涉及自动编号无法修改" if skipped else ""
    click.echo(f"已写入 {output}：{applied} 处{how}{note}", err=True)
    return 0
