"""``orgwrite compare PLAN SUMMARY``: which plan items the summary reports on."""

from __future__ import annotations

import json
import sys

import click


@click.command()
@click.argument("plan")
@click.argument("summary")
@click.argument("more", nargs=-1)
@click.option(
    "--format", "fmt", type=click.Choice(["human", "json"]), default="human", show_default=True, help="输出格式"
)
@click.option(
    "--min-score",
    type=click.FloatRange(0, 100),
    default=None,
    help="低于此相似度的事项视为“未见报告”（默认 20）",
)
def compare(plan: str, summary: str, more: tuple[str, ...], fmt: str, min_score: float | None) -> int:
    """把工作要点（或报告中的工作安排）逐项与同年的总结、综述对照，并核对一组文稿中的数字。

    PLAN 中每个编号事项（取最深一级编号：1. 或（一））给出 SUMMARY 中最相近的段落和相似度
    （0–100）；相似度低于 --min-score 的事项列为“未见报告”。两份文件都既有回顾又有安排时
    （政府工作报告），PLAN 只取“工作安排”“工作要点”“主要任务”部分，SUMMARY 只取“回顾”
    “总结”部分。

    同时核对给出的全部文件（PLAN、SUMMARY 和其后的 MORE，如同一单位同一年的综述和述职）：
    时点、说法和单位都相同的统计数字（截至2023年底，全市共有党员12.3万名）在两份文件中
    数值不同的，列为“数字不一致”。

    \b
    示例：
      orgwrite compare 2024年工作要点.txt 2024年工作总结.docx
      orgwrite compare 要点.md 总结.md --format json
    """
    from orgwrite.compare import match_items, plan_items, summary_paragraphs
    from orgwrite.compare.match import REPORTED
    from orgwrite.errors import OrgwriteError
    from orgwrite.io.read import read_document

    threshold = REPORTED if min_score is None else min_score
    from orgwrite.compare.figures import conflicts, statistics_of

    plan_doc, summary_doc = read_document(plan), read_document(summary)
    docs = [(plan, plan_doc), (summary, summary_doc), *((p, read_document(p)) for p in more)]
    clashes = conflicts([s for path, doc in docs for s in statistics_of(doc, path)])
    items = plan_items(plan_doc)
    if not items:
        raise OrgwriteError(f"{plan}：没有找到编号事项（1. 或（一））可供对照")
    matches = match_items(items, summary_paragraphs(summary_doc))
    missing = [m for m in matches if m.paragraph is None or m.score < threshold]
    if fmt == "json":
        out = {
            "version": 1,
            "plan": plan,
            "summary": summary,
            "threshold": threshold,
            "items": [
                {
                    "number": m.item.number,
                    "line": m.item.line,
                    "text": m.item.head,
                    "reported": m.paragraph is not None and m.score >= threshold,
                    "score": m.score,
                    "match": {"line": m.paragraph.line, "text": m.paragraph.text} if m.paragraph else None,
                }
                for m in matches
            ],
            "figures": [
                {
                    side: {"path": s.path, "line": s.line, "column": s.column, "text": s.text}
                    for side, s in zip("ab", pair, strict=True)
                }
                for pair in clashes
            ],
        }
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    table = Table(title=f"{plan} → {summary}", show_lines=False)
    table.add_column("序号", no_wrap=True)
    table.add_column("计划事项（行）", overflow="fold")
    table.add_column("最相近的总结段落（行）", overflow="fold")
    table.add_column("相似度", justify="right", no_wrap=True)
    for m in matches:
        where = f"{m.paragraph.line}：{m.paragraph.text[:60]}" if m.paragraph else "—"
        mark = "" if m.paragraph and m.score >= threshold else "（未见报告）"
        table.add_row(m.item.number or "—", f"{m.item.head}（{m.item.line}）", where, f"{m.score:.1f}{mark}")
    console.print(table)
    if missing:
        console.print(
            f"未见报告的事项 {len(missing)} 项：" + "；".join(f"{m.item.number}{m.item.head}" for m in missing)
        )
    else:
        console.print(f"计划的 {len(matches)} 项都在总结中找到了对应段落。")
    for a, b in clashes:
        console.print(f"数字不一致：{a.path}:{a.line}:{a.column}“{a.text}” ↔ {b.path}:{b.line}:{b.column}“{b.text}”")
    return 0
