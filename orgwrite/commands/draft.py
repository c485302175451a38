"""``orgwrite draft``, ``orgwrite new``, ``orgwrite templates`` and ``orgwrite outline``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from orgwrite.completion import genres

_FORMATS = {".md": "md", ".markdown": "md", ".txt": "txt", ".docx": "docx"}


def _as_of(value: str | None):
    if value is None:
        return None
    from orgwrite.draft.outline import parse_date
    from orgwrite.errors import OrgwriteError

    d = parse_date(value)
    if d is None:
        raise OrgwriteError(f"--as-of 日期无效：“{value}”，应写作 2024-06-01")
    return d


@click.command()
@click.argument("outline", type=click.Path(path_type=Path, dir_okay=True))
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), help="输出文件（.md、.txt、.docx，按扩展名）；默认标准输出"
)
@click.option(
    "--format", "fmt", type=click.Choice(["txt", "md"]), default=None, help="输出到标准输出时的格式（默认 txt）"
)
@click.option("--as-of", "as_of", metavar="DATE", help="按此日期取规范表述（默认用大纲的 date，再无则用今天）")
@click.option(
    "--template-dir",
    "template_dirs",
    multiple=True,
    type=click.Path(path_type=Path),
    help="另加的文种模板文件夹（可多次使用，优先于自带模板）",
)
@click.option("--force", is_flag=True, help="输出文件已存在时覆盖")
@click.option("--no-check", is_flag=True, help="不做自检")
def draft(
    outline: Path,
    output: Path | None,
    fmt: str | None,
    as_of: str | None,
    template_dirs: tuple[Path, ...],
    force: bool,
    no_check: bool,
) -> int:
    """按大纲（.yaml，或带文首元数据的 .md）起草文稿。

    \b
    示例：
      orgwrite new 领导讲话 -o 大纲.yaml
      orgwrite draft 大纲.yaml -o 讲话.md
      orgwrite draft 大纲.yaml --as-of 2015-06-01
    起草后自动检查生成的文稿，在标准错误输出摘要。大纲有误时报告文件、行号和字段，退出码 2，不写任何文件。
    """
    from orgwrite.draft import draft_outline
    from orgwrite.errors import OrgwriteError

    target_fmt = fmt or "txt"
    if output is not None:
        target_fmt = _FORMATS.get(output.suffix.lower(), "")
        if not target_fmt:
            raise OrgwriteError(
                f"{output}：不支持的输出格式“{output.suffix or '（无扩展名）'}”，请用 .md、.txt 或 .docx"
            )
        if output.exists() and not force:
            raise OrgwriteError(f"{output}：文件已存在，未覆盖（如需覆盖请加 --force）")
    result = draft_outline(outline, as_of=_as_of(as_of), template_dirs=template_dirs)
    if target_fmt == "docx":
        try:
            from orgwrite.io.write_docx import write_docx
        except ImportError:
            raise OrgwriteError("暂不支持输出 .docx（Word 输出尚未提供），请输出 .md 或 .txt") from None
        document = result.document("txt", str(output))
        findings = [] if no_check else _self_check(document, result.as_of)
        write_docx(document, output, force=force)
    else:
        text = result.text(target_fmt)
        name = str(output) if output else f"<stdout>.{target_fmt}"
        findings = [] if no_check else _self_check(result.document(target_fmt, name), result.as_of)
        if output is None:
            sys.stdout.write(text)
            sys.stdout.flush()
        else:
            from orgwrite.io.atomic import atomic_write_text

            atomic_write_text(output, text, force=force)
    if not no_check:
        _summary(findings, output, _numbering_notes(result))
    return 0


def _self_check(document, as_of):
    from orgwrite.config import Config
    from orgwrite.pipeline import check_document

    return check_document(document, Config(as_of=as_of)).findings


def _numbering_notes(result) -> list[str]:
    """Headings and items that came out with two numbers (一、一、提高站位)."""
    from orgwrite.draft.markers import double_numbered

    lines = result.document("txt").lines
    return [
        f"  第{i}行 标题重复编号：“{text[:20]}”（大纲中的序号与模板的序号叠加，请删去大纲中的序号）"
        for i, text in enumerate(lines, start=1)
        if double_numbered(text)
    ]


def _summary(findings, output: Path | None, notes: list[str] = ()) -> None:
    from orgwrite.model import Severity

    where = f"{output}：" if output else ""
    if not findings and not notes:
        click.echo(f"{where}自检未发现问题", err=True)
        return
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    parts = "，".join(f"{s.label}{n}" for s, n in sorted(counts.items(), key=lambda kv: -kv[0].rank) if n)
    if notes:
        parts = "，".join(p for p in (parts, f"编号{len(notes)}") if p)
    click.echo(f"{where}自检发现{len(findings) + len(notes)}个问题（{parts}）：", err=True)
    for note in notes:
        click.echo(note, err=True)
    for f in findings[:10]:
        click.echo(f"  第{f.line}行第{f.column}列 {f.rule} {f.severity.label}：{f.message}", err=True)
    if len(findings) > 10:
        click.echo(f"  ……另有{len(findings) - 10}个，用 orgwrite check 查看全部", err=True)


@click.command()
@click.argument("genre", shell_complete=genres)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="写入此文件（默认标准输出）")
@click.option(
    "--template-dir", "template_dirs", multiple=True, type=click.Path(path_type=Path), help="另加的文种模板文件夹"
)
@click.option("--force", is_flag=True, help="输出文件已存在时覆盖")
def new(genre: str, output: Path | None, template_dirs: tuple[Path, ...], force: bool) -> int:
    """写出某文种带注释的起始大纲，填好后用 orgwrite draft 起草。

    \b
    示例：
      orgwrite new 交流发言 -o 发言大纲.yaml
    """
    from orgwrite.draft.genres import find_genre, load_genres
    from orgwrite.errors import OrgwriteError

    g = find_genre(load_genres(template_dirs), genre)
    starter = g.folder / "starter.yaml"
    if not starter.is_file():
        raise OrgwriteError(f"文种“{g.name}”没有起始大纲（{starter}）")
    text = starter.read_text("utf-8")
    if output is None:
        sys.stdout.write(text)
        return 0
    from orgwrite.io.atomic import atomic_write_text

    atomic_write_text(output, text, force=force)
    click.echo(f"已写出{g.name}大纲：{output}（填好后运行 orgwrite draft {output} -o 文稿.md）", err=True)
    return 0


@click.command()
@click.argument("action", required=False, type=click.Choice(["list", "show"]), default="list")
@click.argument("genre", required=False, shell_complete=genres)
@click.option(
    "--template-dir", "template_dirs", multiple=True, type=click.Path(path_type=Path), help="另加的文种模板文件夹"
)
def templates(action: str, genre: str | None, template_dirs: tuple[Path, ...]) -> int:
    """列出文种模板；templates show 文种 显示其格式说明和选项。"""
    from orgwrite.draft.genres import find_genre, load_genres
    from orgwrite.errors import OrgwriteError

    genres = load_genres(template_dirs)
    if action == "list":
        if genre:
            raise OrgwriteError("列出文种不需要参数；查看某文种用 orgwrite templates show 文种")
        for g in sorted(genres.values(), key=lambda g: g.key):
            click.echo(f"{g.name}\t{g.key}\t{g.summary}")
        return 0
    if not genre:
        raise OrgwriteError("请给出文种，如 orgwrite templates show 领导讲话")
    g = find_genre(genres, genre)
    click.echo(f"{g.name}（{g.key}）")
    if g.aliases:
        click.echo(f"别名：{'、'.join(g.aliases)}")
    click.echo(f"模板：{g.folder}")
    readme = g.folder / "README.md"
    if readme.is_file():
        click.echo()
        from orgwrite.resources import data_dir

        # The READMEs name examples by their path in the source tree; show where they really are.
        click.echo(readme.read_text("utf-8").rstrip().replace("`examples/", f"`{data_dir('examples')}/"))
    click.echo()
    click.echo("选项（大纲中 options: 下设置）：")
    for o in g.options.values():
        default = (
            {True: "true", False: "false", None: "无"}.get(o.default, o.default)
            if not isinstance(o.default, str)
            else o.default
        )
        click.echo(f"  {o.name}：{o.help}（默认：{default}）")
    return 0


@click.command()
@click.option("--schema", "show", flag_value="text", help="显示大纲的字段说明")
@click.option("--json-schema", "show", flag_value="json", help="输出大纲的 JSON Schema")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def outline(show: str | None, paths: tuple[Path, ...]) -> int:
    """大纲格式：--schema 显示字段说明；给出文件则只校验大纲（不起草）。"""
    from orgwrite.draft import schema

    if show == "json":
        import json

        click.echo(json.dumps(schema.json_schema(), ensure_ascii=False, indent=2))
        return 0
    if show == "text" or not paths:
        click.echo(schema.describe())
        return 0
    from orgwrite.draft.genres import load_genres, resolver
    from orgwrite.draft.outline import load_outline

    resolve, names = resolver(load_genres())
    for p in paths:
        load_outline(p, resolve, names)
        click.echo(f"{p}：大纲有效", err=True)
    return 0
