"""Terminal output: place, code, Chinese message, the source with carets, the fix.

Carets are placed by display width (a Chinese character takes two cells), and long
paragraphs are shown as a window around the span.  When one rule fires more than
``MAX_PER_RULE`` times in a file, the first ones are shown and the rest counted.
"""

from __future__ import annotations

from collections import Counter
from typing import TextIO

MAX_PER_RULE = 10
WINDOW_BEFORE = 16
WINDOW_AFTER = 24
MAX_SPAN = 40  # a longer span is shown by its beginning
_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _excerpt(line: str, start: int, end: int) -> tuple[str, int, int]:
    """A window of ``line`` around [start, end), with the span's new offsets."""
    lo = max(0, start - WINDOW_BEFORE)
    end = min(end, start + MAX_SPAN)
    hi = min(len(line), max(end, start + 1) + WINDOW_AFTER)
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(line) else ""
    return prefix + line[lo:hi] + suffix, start - lo + len(prefix), end - lo + len(prefix)


def write(results: list, out: TextIO, *, statistics: bool = False) -> None:
    from rich.cells import cell_len
    from rich.console import Console
    from rich.markup import escape

    console = Console(file=out, highlight=False, soft_wrap=True)
    totals: Counter = Counter()
    for r in results:
        lines = r.document.lines if r.document is not None else []
        if r.as_of:
            console.print(
                f"[dim]{escape(r.path)}：按{'不早于' if '不早于' in (r.as_of_source or '') else ''} "
                f"{r.as_of.isoformat()} 判断时效表述（{escape(r.as_of_source or '')}）[/dim]"
            )
        shown: Counter = Counter()
        per_rule = Counter(f.rule for f in r.findings)
        for f in r.findings:
            totals[f.severity.value] += 1
            shown[f.rule] += 1
            if shown[f.rule] > MAX_PER_RULE:
                continue
            style = _STYLE[f.severity.value]
            console.print(
                f"[bold]{escape(r.path)}:{f.line}:{f.column}[/bold]: "
                f"[{style}]{f.rule} {f.severity.label}[/{style}] {escape(f.message)}"
            )
            if 0 < f.line <= len(lines):
                text = lines[f.line - 1]
                end = f.end_column - 1 if f.end_line == f.line else len(text)
                shown_text, s, e = _excerpt(text, f.column - 1, end)
                console.print(f"[dim]{f.line:>5} │ [/dim]{escape(shown_text)}")
                indent = " " * cell_len(shown_text[:s])
                carets = "^" * max(1, cell_len(shown_text[s:e]))
                console.print(f"[dim]      │ [/dim]{indent}[{style}]{carets}[/{style}]")
            if f.replacement is not None:
                shown_fix = f.replacement if f.replacement else "（删除）"
                if len(shown_fix) > MAX_SPAN:
                    shown_fix = shown_fix[:MAX_SPAN] + "…"
                console.print(f"      [green]建议改为：{escape(shown_fix)}[/green]")
        for code, n in per_rule.items():
            if n > MAX_PER_RULE:
                console.print(f"[dim]{escape(r.path)}：{code} 另有 {n - MAX_PER_RULE} 处未列出（共 {n} 处）[/dim]")
    total = sum(totals.values())
    if total:
        parts = "，".join(
            f"{label} {totals[key]}"
            for key, label in (("error", "错误"), ("warning", "警告"), ("info", "提示"))
            if totals[key]
        )
        console.print(f"检查了 {len(results)} 个文件，发现 {total} 个问题（{parts}）。")
    else:
        console.print(f"检查了 {len(results)} 个文件，未发现问题。")
    if statistics:
        from orgwrite.report.stats import write_statistics

        write_statistics(results, out)
