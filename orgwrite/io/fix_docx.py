"""Apply fixes to a .docx, as tracked changes (``w:del`` + ``w:ins``, author orgwrite) or directly.

The edits are :func:`orgwrite.fix.plan_fixes` over the same findings the text fix mode
uses, on the text the reader sees (paragraphs joined by ``\\n``), so accepting every
revision in Word gives exactly what ``fix_text`` gives for that text.  An edit that would
touch a list label (numbering Word draws, not text in a run) or cross paragraphs is left
out and counted.
"""

from __future__ import annotations

import copy
from bisect import bisect_right
from datetime import UTC, datetime
from pathlib import Path

from orgwrite.fix import Edit, line_starts, plan_fixes
from orgwrite.io.atomic import atomic_write_bytes
from orgwrite.io.docx_edit import AUTHOR, DocxEditor, el, text_run
from orgwrite.io.docx_text import RPR, w
from orgwrite.model import Finding


def fix_docx(
    src: str | Path,
    findings: list[Finding],
    out: str | Path,
    *,
    track_changes: bool = True,
    unsafe: bool = False,
    force: bool = False,
) -> tuple[int, int]:
    """Write ``out`` with the applicable fixes; returns (applied, skipped)."""
    from orgwrite.io.annotate_docx import _refuse_same

    src, out = Path(src), Path(out)
    _refuse_same(src, out)
    editor = DocxEditor(src)
    lines = [p.text for p in editor.paragraphs]
    starts = line_starts(lines)
    edits = plan_fixes(findings, starts, unsafe=unsafe)
    date = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    planned = []
    skipped = 0
    for e in edits:
        line = bisect_right(starts, e.start)
        para = editor.paragraph(line)
        s, t = e.start - starts[line - 1], e.end - starts[line - 1]
        if para is None or t > len(para.text) or s < len(para.label):
            skipped += 1
            continue
        planned.append((e, para, s, t))
    # make every boundary first, while the runs are still the original ones
    resolved = []
    for e, para, s, t in planned:
        start = editor.boundary(para, s)
        editor.boundary(para, t)
        resolved.append((e, para, s, t, start))
    inserted, deleted = [], []
    runs_of = [(editor.runs_between(para, s, t), e, para, s, start) for e, para, s, t, start in resolved]
    for runs, e, para, s, start in reversed(runs_of):
        _apply(editor, e, para, s, runs, start, date, inserted, deleted)
    if not track_changes:
        _accept(inserted, deleted)
    atomic_write_bytes(out, editor.save(), force=force)
    return len(resolved), skipped


def _apply(editor: DocxEditor, e: Edit, para, s: int, runs: list, start, date: str, inserted, deleted) -> None:
    rpr = _template_rpr(para, s, runs)
    last = None
    for r in runs:
        d = el("w:del", id=editor.new_id(), author=AUTHOR, date=date)
        r.addprevious(d)
        d.append(r)
        for t in r.iter(w("t")):
            t.tag = w("delText")
        for t in r.iter(w("instrText")):
            t.tag = w("delInstrText")
        editor._wrappers[r] = d
        deleted.append(d)
        last = d
    if not e.new:
        return
    ins = el("w:ins", id=editor.new_id(), author=AUTHOR, date=date)
    ins.append(text_run(e.new, rpr))
    inserted.append(ins)
    if last is not None:
        last.addnext(ins)
    else:
        editor.insert(start, [ins])


def _template_rpr(para, s: int, runs: list):
    """The formatting for inserted text: the replaced run's, else the run before it."""
    if runs:
        return runs[0].find(RPR)
    before = None
    for _ps, pe, e in para.pieces:
        if pe <= s:
            before = e
        elif before is None:
            before = e
            break
    if before is None:
        return None
    rpr = before.getparent().find(RPR)
    return copy.deepcopy(rpr) if rpr is not None else None


def _accept(inserted: list, deleted: list) -> None:
    """Accept orgwrite's own revisions: the fixes applied as plain text."""
    for d in deleted:
        d.getparent().remove(d)
    for ins in inserted:
        parent = ins.getparent()
        for child in list(ins):
            ins.addprevious(child)
        parent.remove(ins)
