"""``orgwrite init``: write a commented orgwrite.toml to start from."""

from __future__ import annotations

from pathlib import Path

import click

TEMPLATE = """\
# orgwrite 配置文件。orgwrite check 从被检查文件所在目录向上查找本文件。
# 规则代码见 orgwrite rules；族前缀：F 规范表述、E 列举与数目、T 时效表述、W 用词、
# N 数字、P 标点符号、S 结构与文种。

# 只启用这些规则（代码或族前缀）；不写则启用全部默认规则。
# select = ["P", "S"]

# 停用的规则。
# ignore = ["P109"]

# 在默认规则之外追加启用（例如默认不启用的规则）。
# extend-select = []

# 有此级别及以上的问题时，退出码为 1：error、warning、info、never。
fail-on = "warning"

# 文本所述日期，用于判断时效表述；不写则从文本推断（日期行、发布时间、标题年份）。
# as-of = 2024-01-01

# 本单位的词库文件（相对于本文件），格式见 lexicon/README.md。
# lexicon = ["本单位词库.toml"]

# 停用的词库条目编号。
# disable-entries = []

# 调整某条规则的级别。
[severity]
# P110 = "info"
"""


@click.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("orgwrite.toml"),
    show_default=True,
    help="写入的文件",
)
@click.option("--force", is_flag=True, help="覆盖已有文件")
def init(output: Path, force: bool) -> int:
    """在当前目录写一个带注释的 orgwrite.toml 配置文件。"""
    from orgwrite.io.atomic import atomic_write_text

    atomic_write_text(output, TEMPLATE, force=force)
    click.echo(f"已写入 {output}")
    return 0
