"""Terminal output: place, code, Chinese message, the source with carets, the fix.

Carets are placed by display width (a Chinese character takes two cells), and long
paragraphs are shown as a window around the span.  When one rule fires more than
``MAX_PER_RULE`` times in a file, the first ones are shown and the rest counted.
"""

from __future__ import annotations

import os
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


class _Plain:
    """Lines without styles, for a file or a pipe: the same text rich would print there,
    without importing rich (a third of a small check's start-up).  The lines are kept,
    so that a worker process can send one input's share of the report as one string."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def line(self, *parts: tuple[str, str | None]) -> None:
        self.lines.append("".join(text for text, _ in parts) + "\n")


class _Styled:
    """Lines with styles, for a terminal (rich decides colours, NO_COLOR and FORCE_COLOR)."""

    def __init__(self, out: TextIO) -> None:
        from rich.console import Console
        from rich.markup import escape

        self.console = Console(file=out, highlight=False, soft_wrap=True)
        self.escape = escape

    def line(self, *parts: tuple[str, str | None]) -> None:
        self.console.print(
            "".join(f"[{style}]{self.escape(text)}[/{style}]" if style else self.escape(text) for text, style in parts)
        )


def styled(out: TextIO) -> bool:
    """Whether ``out`` gets styles (a terminal, or FORCE_COLOR)."""
    isatty = getattr(out, "isatty", None)
    return bool((isatty is not None and isatty()) or os.environ.get("FORCE_COLOR"))


def part(result) -> str:
    """One input's lines, as they are written to a file or a pipe."""
    sink = _Plain()
    _write_result(result, sink)
    return "".join(sink.lines)


def _write_result(r, sink: _Plain | _Styled) -> None:
    from rich.cells import cell_len

    lines = r.document.lines if r.document is not None else []
    if r.as_of:
        bound = "不早于" if "不早于" in (r.as_of_source or "") else ""
        sink.line((f"{r.path}：按{bound} {r.as_of.isoformat()} 判断时效表述（{r.as_of_source or ''}）", "dim"))
    shown: Counter = Counter()
    per_rule = Counter(f.rule for f in r.findings)
    for f in r.findings:
        shown[f.rule] += 1
        if shown[f.rule] > MAX_PER_RULE:
            continue
        style = _STYLE[f.severity.value]
        sink.line(
            (f"{r.path}:{f.line}:{f.column}", "bold"),
            (": ", None),
            (f"{f.rule} {f.severity.label}", style),
            (f" {f.message}", None),
        )
        if 0 < f.line <= len(lines):
            text = lines[f.line - 1]
            end = f.end_column - 1 if f.end_line == f.line else len(text)
            shown_text, s, e = _excerpt(text, f.column - 1, end)
            sink.line((f"{f.line:>5} │ ", "dim"), (shown_text, None))
            indent = " " * cell_len(shown_text[:s])
            carets = "^" * max(1, cell_len(shown_text[s:e]))
            sink.line(("      │ ", "dim"), (indent, None), (carets, style))
        if f.replacement is not None:
            shown_fix = f.replacement if f.replacement else "（删除）"
            if len(shown_fix) > MAX_SPAN:
                shown_fix = shown_fix[:MAX_SPAN] + "…"
            sink.line(("      ", None), (f"建议改为：{shown_fix}", "green"))
    for code, n in per_rule.items():
        if n > MAX_PER_RULE:
            sink.line((f"{r.path}：{code} 另有 {n - MAX_PER_RULE} 处未列出（共 {n} 处）", "dim"))


def write_parts(parts: list, out: TextIO, *, statistics: bool = False) -> None:
    from orgwrite.report import severity_counts

    if styled(out):
        sink: _Plain | _Styled = _Styled(out)
        for p in parts:
            if p.payload is None:
                _write_result(p.result, sink)
            else:  # a part made for a pipe (see ``report.style_for``): its text as it is
                out.write(p.payload)
    else:
        sink = _Plain()
        out.write("".join(p.payload for p in parts))
    totals = severity_counts(parts)
    total = sum(totals.values())
    if total:
        shown = "，".join(
            f"{label} {totals[key]}"
            for key, label in (("error", "错误"), ("warning", "警告"), ("info", "提示"))
            if totals[key]
        )
        sink.line((f"检查了 {len(parts)} 个文件，发现 {total} 个问题（{shown}）。", None))
    else:
        sink.line((f"检查了 {len(parts)} 个文件，未发现问题。", None))
    if isinstance(sink, _Plain):
        out.write("".join(sink.lines))
    if statistics:
        from orgwrite.report.stats import write_statistics

        write_statistics(parts, out)
