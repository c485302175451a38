"""Apply replacements to a text: one pass from the end, overlaps resolved deterministically.

Fix mode (``check --fix``), the .docx tracked changes and ``--diff`` all use
:func:`plan_fixes`, so they agree on which fixes apply.  Of two overlapping fixes the one
that starts first (then the shorter, then the lower rule code) wins; the other is left
for the next run, which re-checks the fixed text.
"""

from __future__ import annotations

from dataclasses import dataclass

from orgwrite.model import Finding, FixSafety


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` (offsets into the whole text) with ``new``."""

    start: int
    end: int
    new: str
    finding: Finding


def line_starts(lines: list[str], newline_lengths: list[int] | None = None) -> list[int]:
    """Offset of each line's first character in the text the lines came from."""
    starts = []
    pos = 0
    for i, line in enumerate(lines):
        starts.append(pos)
        pos += len(line) + (newline_lengths[i] if newline_lengths else 1)
    return starts


def plan_fixes(findings: list[Finding], offsets: list[int], *, unsafe: bool = False) -> list[Edit]:
    """The edits to apply, sorted by position and never overlapping.

    ``offsets[i]`` is the offset of line ``i + 1`` in the text.
    """
    edits = []
    for f in findings:
        if f.replacement is None:
            continue
        if f.fix_safety is FixSafety.UNSAFE and not unsafe:
            continue
        if f.fix_safety is None and not unsafe:
            continue
        start = offsets[f.line - 1] + f.column - 1
        end = offsets[f.end_line - 1] + f.end_column - 1
        edits.append(Edit(start, end, f.replacement, f))
    edits.sort(key=lambda e: (e.start, e.end - e.start, e.finding.rule))
    chosen: list[Edit] = []
    last_end = -1
    for e in edits:
        if e.start < last_end or (chosen and e.start == last_end == e.end and chosen[-1].start == e.start):
            continue
        chosen.append(e)
        last_end = max(last_end, e.end)
    return chosen


def apply_edits(text: str, edits: list[Edit]) -> str:
    """The text with the (non-overlapping, sorted) edits applied, from the end."""
    for e in reversed(edits):
        text = text[: e.start] + e.new + text[e.end :]
    return text


def text_offsets(text: str) -> list[int]:
    """Line start offsets of ``text`` for line ends CRLF, CR and LF."""
    import re

    offsets = [0]
    for m in re.finditer(r"\r\n|\r|\n", text):
        offsets.append(m.end())
    return offsets


def fix_text(text: str, findings: list[Finding], *, unsafe: bool = False) -> tuple[str, list[Edit]]:
    """Apply the applicable fixes of ``findings`` (positions in ``text``) to ``text``."""
    edits = plan_fixes(findings, text_offsets(text), unsafe=unsafe)
    return apply_edits(text, edits), edits


MAX_PASSES = 10


def fix_source(text: str, name: str, fmt: str, config, *, unsafe: bool = False) -> tuple[str, int]:
    """Fix ``text`` until no applicable fix is left (at most MAX_PASSES passes).

    Each pass re-checks its own output, so a fix that was skipped because it overlapped
    another is applied in the next pass, and a second run changes nothing.
    Returns the fixed text and the number of edits applied.
    """
    from orgwrite.io.read_text import read_string
    from orgwrite.pipeline import check_document

    applied = 0
    for _ in range(MAX_PASSES):
        findings = check_document(read_string(text, name, format=fmt), config).findings
        new, edits = fix_text(text, findings, unsafe=unsafe)
        if not edits or new == text:
            break
        text = new
        applied += len(edits)
    return text, applied


def encode_like(text: str, encoding: str, bom: bool) -> bytes:
    """Bytes for ``text`` in the file's original encoding, with its BOM if it had one."""
    import codecs

    if encoding == "utf-16":
        return text.encode("utf-16")  # Python writes the BOM itself
    data = text.encode(encoding)
    if not bom:
        return data
    marks = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
    return marks.get(encoding, b"") + data
