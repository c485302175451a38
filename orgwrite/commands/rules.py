"""``orgwrite rules [CODE]``: what each rule checks, with its examples."""

from __future__ import annotations

import click

from orgwrite.completion import rule_codes


@click.command()
@click.argument("code", required=False, shell_complete=rule_codes)
def rules(code: str | None) -> int:
    """列出全部规则；给出 CODE（如 P103）时显示其说明、原因、错误示例和正确示例。"""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from orgwrite.errors import ConfigError
    from orgwrite.rules.base import FAMILIES, all_rules

    registry = all_rules()
    console = Console(highlight=False, soft_wrap=True)
    if code:
        rule = registry.get(code.strip().upper())
        if rule is None:
            raise ConfigError(f"未知的规则代码“{code}”（用 orgwrite rules 查看全部规则）")
        fix = {"safe": "安全修复（--fix 自动应用）", "unsafe": "需确认的修复（--unsafe-fixes）"}
        console.print(f"[bold]{rule.code}[/bold] {rule.name}（{FAMILIES.get(rule.family, '')}）")
        console.print(f"级别：{rule.severity.label}（{rule.severity.value}）")
        console.print(f"修复：{fix[rule.fix.value] if rule.fix else '无自动修复'}")
        console.print(f"默认启用：{'是' if rule.default else '否'}")
        console.print()
        console.print(escape(rule.doc))
        return 0
    rows = [
        (
            rule.code,
            rule.name,
            rule.severity.value,
            rule.fix.value if rule.fix else "-",
            rule.summary + ("" if rule.default else "（默认不启用）"),
        )
        for rule in registry.values()
    ]
    if not console.is_terminal:
        # Piped or redirected: one whole line per rule, tab-separated, never cut to a width.
        for row in rows:
            click.echo("\t".join(row))
        return 0
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for column in ("代码", "名称", "级别", "修复"):
        table.add_column(column, no_wrap=True)
    table.add_column("说明", overflow="fold")
    for row in rows:
        table.add_row(*row[:4], escape(row[4]))
    console.print(table)
    return 0
