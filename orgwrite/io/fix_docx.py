"""Apply fixes to a .docx, as tracked changes (``w:del`` + ``w:ins``, author orgwrite) or directly.

The fixes are :func:`orgwrite.fix.plan_fixes` over the same findings the text fix mode
uses, on the text the reader sees; with a configuration the result is re-checked and
fixed again until nothing applicable is left (as ``fix`` does for text), so a fix that
makes another one possible (``要坚持,,全面`` → ``，，`` → ``，``) is carried through, and
accepting every revision in Word gives exactly the fixed text.

Each revision is the smallest change: the paragraph's old and fixed texts are compared
character by character and only the characters that differ are deleted and inserted,
so a reviewer sees (and can accept or reject) the single comma, and the unchanged text
keeps its runs and their formatting (bold, colour …).  An edit that would touch a list
label (numbering Word draws, not text in a run) or cross paragraphs is left out and
counted.
"""

from __future__ import annotations

import copy
from bisect import bisect_right
from datetime import UTC, datetime
from difflib import SequenceMatcher
from pathlib import Path

from orgwrite.fix import MAX_PASSES, line_starts, plan_fixes
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
    config=None,
) -> tuple[int, int]:
    """Write ``out`` with the applicable fixes; returns (applied, skipped).

    ``findings`` are those of ``src``; with ``config`` the fixed text is re-checked with
    it and fixed again (at most MAX_PASSES passes).
    """
    from orgwrite.io.annotate_docx import _refuse_same

    src, out = Path(src), Path(out)
    _refuse_same(src, out)
    editor = DocxEditor(src)
    original = [p.text for p in editor.paragraphs]
    labels = [len(p.label) for p in editor.paragraphs]
    texts, applied, skipped = _fixed_texts(editor, original, labels, findings, unsafe, config, src)
    date = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    inserted, deleted = [], []
    for index, (old, new) in enumerate(zip(original, texts, strict=True)):
        if old != new:
            _revise(editor, editor.paragraphs[index], old, new, date, inserted, deleted)
    if not track_changes:
        _accept(inserted, deleted)
    atomic_write_bytes(out, editor.save(), force=force)
    return applied, skipped


def _fixed_texts(editor, lines, labels, findings, unsafe, config, src) -> tuple[list[str], int, int]:
    """Each paragraph's text with every applicable fix applied (re-checked with ``config``)."""
    applied = skipped = 0
    hints = None
    for round_no in range(MAX_PASSES):
        starts = line_starts(lines)
        new_lines = list(lines)
        changed = 0
        for e in reversed(plan_fixes(findings, starts, unsafe=unsafe)):
            line = bisect_right(starts, e.start)
            s, t = e.start - starts[line - 1], e.end - starts[line - 1]
            if t > len(lines[line - 1]) or s < labels[line - 1]:
                skipped += round_no == 0
                continue
            text = new_lines[line - 1]
            new_lines[line - 1] = text[:s] + e.new + text[t:]
            changed += 1
        if not changed or new_lines == lines:
            break
        applied += changed
        lines = new_lines
        if config is None:
            break
        from orgwrite.io.read_docx import document_from_texts, paragraph_hints
        from orgwrite.pipeline import check_document

        hints = hints or paragraph_hints(editor.paragraphs, editor.styles)
        findings = check_document(document_from_texts(lines, hints, src), config).findings
    return lines, applied, skipped


def _revise(editor: DocxEditor, para, old: str, new: str, date: str, inserted, deleted) -> None:
    """Turn ``old`` into ``new`` in ``para`` by the smallest deletions and insertions."""
    ops = [op for op in SequenceMatcher(None, old, new, autojunk=False).get_opcodes() if op[0] != "equal"]
    # make every boundary first, while the runs are still the original ones
    spans = []
    for _tag, i1, i2, j1, j2 in ops:
        start = editor.boundary(para, i1)
        editor.boundary(para, i2)
        spans.append((i1, i2, new[j1:j2], start))
    resolved = [(editor.runs_between(para, i1, i2), i1, text, start) for i1, i2, text, start in spans]
    for runs, i1, text, start in reversed(resolved):
        _apply(editor, para, i1, runs, text, start, date, inserted, deleted)


def _apply(editor: DocxEditor, para, s: int, runs: list, new: str, start, date: str, inserted, deleted) -> None:
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
    if not new:
        return
    ins = el("w:ins", id=editor.new_id(), author=AUTHOR, date=date)
    ins.append(text_run(new, rpr))
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
