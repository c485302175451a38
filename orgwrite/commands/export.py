"""``orgwrite export INPUT -o OUT.docx``: a text laid out as an official document."""

from __future__ import annotations

from pathlib import Path

import click

from orgwrite.commands.options import ENCODING_CHOICES


@click.command()
@click.argument("input_path", metavar="INPUT")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="输出的 Word 文件（.docx）",
)
@click.option("--force", is_flag=True, help="输出文件已存在时覆盖")
@click.option(
    "--encoding",
    type=click.Choice(ENCODING_CHOICES, case_sensitive=False),
    default=None,
    help="文本文件的编码（默认自动识别；识别有误时指定）",
)
def export(input_path: str, output: Path, force: bool, encoding: str | None) -> int:
    """把 .txt、.md（或 .docx）文稿导出为符合 GB/T 9704 版式的 Word 文件。

    \b
    A4 纸，天头 37 mm、订口 28 mm，每页 22 行、每行 28 字；标题 2 号小标宋，
    正文 3 号仿宋，一级标题黑体、二级标题楷体，页码“— 1 —”单页居右、双页居左。
    各部分为具名样式（公文标题、公文正文、一级标题……），可在 Word 中统一修改。
    网页残留（来源、责任编辑等）不导出。Word 文件中的表格保留为表格；
    脚注、批注、图片等无法导出时在标准错误输出中说明。换页符转为分页符，
    Word 文件不能容纳的控制字符删除并说明。

    \b
    示例：
      orgwrite export 讲话稿.md -o 讲话稿.docx
    """
    from orgwrite.io.read import read_document
    from orgwrite.io.write_docx import write_docx

    if input_path != "-" and Path(input_path).resolve() == output.resolve():
        from orgwrite.errors import OrgwriteError

        raise OrgwriteError(f"{output}：输出文件不能与输入文件相同")
    doc = read_document(input_path, encoding=encoding.lower() if encoding else None)
    tables, lost = None, []
    if doc.source.format == "docx":
        from orgwrite.io.docx_carry import open_source

        tables, lost = open_source(input_path)
    notes = write_docx(doc, output, force=force, tables=tables)
    if lost:
        notes.append("未能导出：" + "、".join(lost))
    for note in notes:
        click.echo(f"注意：{note}", err=True)
    click.echo(f"已导出：{output}", err=True)
    return 0
