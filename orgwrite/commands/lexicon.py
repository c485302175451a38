"""``orgwrite lexicon``: list, show, search, validate and count the lexicon's entries."""

from __future__ import annotations

from pathlib import Path

import click

from orgwrite.completion import lexicon_ids

KIND_CHOICES = ("formulation", "enumeration", "dated", "confusable", "banned", "document")


def _load(config_path: Path | None):
    from orgwrite.config import Config, find_config_file, load_config
    from orgwrite.lexicon import load_lexicon

    if config_path:
        config = load_config(config_path)
    else:
        found = find_config_file(Path.cwd())
        config = load_config(found) if found else Config()
    return load_lexicon(config)


def _headline(e) -> str:
    """The one-line gist of an entry."""
    d = e.data
    if e.kind == "formulation":
        return d["canonical"]
    if e.kind == "enumeration":
        return f"{d['abbr']}：{'、'.join(d['members'])}" if d.get("chain", True) else d["abbr"]
    if e.kind == "dated":
        return f"{d['term']} → {d['replacement']}（{d['until'].isoformat()}起）"
    if e.kind == "confusable":
        return f"{d['wrong']} → {d['right']}"
    if e.kind == "document":
        status = f"，{d['repealed'].isoformat()}废止，由《{d['replaced_by']}》取代" if d.get("repealed") else ""
        return f"《{d['title']}》（{d['issuer']}，{d['adopted'].isoformat()}{status}）"
    return d["text"] + (f" → {d['suggestion']}" if d.get("suggestion") else "")


config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="配置文件（其中 lexicon、disable-entries 决定追加和停用的条目）",
)


@click.group()
def lexicon() -> None:
    """规范表述词库：列出、查看、搜索、校验条目。

    \b
    示例：
      orgwrite lexicon list --kind enumeration
      orgwrite lexicon show E-four-consciousness
      orgwrite lexicon search 以习近平同志为核心的中央
      orgwrite lexicon validate 我的词库.toml
    """


@lexicon.command("list")
@click.option("--kind", type=click.Choice(KIND_CHOICES), help="只列出这一类条目")
@config_option
def list_entries(kind: str | None, config_path: Path | None) -> int:
    """列出词库条目（编号、类别、级别、要点）。"""
    lex = _load(config_path)
    for e in lex.entries.values():
        if kind and e.kind != kind:
            continue
        click.echo(f"{e.id}\t{e.kind}\t{e.severity}\t{_headline(e)}")
    return 0


@lexicon.command()
@click.argument("entry_id", shell_complete=lexicon_ids)
@config_option
def show(entry_id: str, config_path: Path | None) -> int:
    """显示一个条目的全部字段和出处。"""
    from orgwrite.errors import ConfigError
    from orgwrite.lexicon import KINDS

    lex = _load(config_path)
    try:
        e = lex.entry(entry_id)
    except KeyError as exc:
        raise ConfigError(exc.args[0]) from None
    click.echo(f"{e.id}（{KINDS[e.kind][1]}，{e.file}:{e.line}）")
    for key, value in e.data.items():
        if key == "id":
            continue
        if isinstance(value, list):
            value = "、".join(str(v) if not isinstance(v, dict) else _version(v) for v in value)
        elif isinstance(value, dict):
            value = "；".join(f"{k} → {v}" for k, v in value.items())
        click.echo(f"  {key}: {value}")
    return 0


def _version(v: dict) -> str:
    body = v.get("text") or "、".join(v.get("members", []))
    return f"{v['until'].isoformat()}以前：{body}"


def _search_keys(e) -> list[str]:
    if e.kind == "formulation":
        return [e.get("canonical"), *e.get("wrong", [])]
    if e.kind == "enumeration":
        return [e.get("abbr"), "、".join(e.get("members"))]
    if e.kind == "dated":
        return [e.get("term"), e.get("replacement")]
    if e.kind == "confusable":
        return [e.get("wrong"), e.get("right")]
    if e.kind == "document":
        return [e.get("title"), *e.get("wrong_titles", []), *e.get("short_names", [])]
    return [e.get("text")]


@lexicon.command()
@click.argument("text")
@click.option("--limit", default=5, show_default=True, help="最多显示几条")
@config_option
def search(text: str, limit: int, config_path: Path | None) -> int:
    """模糊搜索：给出与 TEXT 最接近的规范表述、列举或提法，并显示出处。"""
    from rapidfuzz import fuzz, process

    lex = _load(config_path)
    choices: dict[str, tuple[str, str]] = {}
    for e in lex.entries.values():
        for k in _search_keys(e):
            choices.setdefault(f"{k}\u0000{e.id}", (k, e.id))
    found = process.extract(text, {k: v[0] for k, v in choices.items()}, scorer=fuzz.WRatio, limit=limit * 3)
    shown: set[str] = set()
    for _match, score, key in found:
        eid = choices[key][1]
        if eid in shown:
            continue
        shown.add(eid)
        e = lex.entries[eid]
        click.echo(f"{score:5.1f}  {e.id}  {_headline(e)}")
        click.echo(f"       出处：{e.source}")
        if len(shown) >= limit:
            break
    if not shown:
        click.echo("没有找到相近的条目。")
    return 0


@lexicon.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--alone", is_flag=True, help="只校验给出的文件，不与自带词库合并检查编号重复")
def validate(files: tuple[Path, ...], alone: bool) -> int:
    """校验词库文件：必填字段、日期、正则、重复编号、相互冲突的条目；有问题时退出码为1。

    不给 FILES 时校验自带词库。给出 FILES 时与自带词库一起校验（编号不得与之重复）。
    """
    from orgwrite.lexicon import check_entries, read_file, shipped_files

    paths = list(files) if alone else [*shipped_files(), *files]
    entries = []
    problems = []
    for p in paths:
        found, bad = read_file(p)
        entries.extend(found)
        problems.extend(bad)
    problems.extend(check_entries(entries))
    for p in problems:
        click.echo(str(p), err=True)
    if problems:
        click.echo(f"发现 {len(problems)} 处问题。", err=True)
        return 1
    click.echo(f"词库有效：{len(paths)} 个文件，{len(entries)} 个条目。")
    return 0


@lexicon.command()
@config_option
def stats(config_path: Path | None) -> int:
    """按类别和级别统计词库条目。"""
    from collections import Counter

    from orgwrite.lexicon import KINDS

    lex = _load(config_path)
    by_kind = Counter(e.kind for e in lex.entries.values())
    by_sev = Counter((e.kind, e.severity) for e in lex.entries.values())
    for kind, (_file, name) in KINDS.items():
        parts = "，".join(f"{s} {by_sev[(kind, s)]}" for s in ("error", "warning", "info") if by_sev[(kind, s)])
        click.echo(f"{name}（{kind}）：{by_kind[kind]}（{parts}）")
    click.echo(f"合计：{sum(by_kind.values())}")
    return 0
