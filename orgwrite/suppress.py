"""Inline suppression: ``orgwrite: ignore P101 P109`` on a line or the line before.

The same words work in every input: in Markdown inside a comment
(``<!-- orgwrite: ignore P101 -->``), in plain text on a line of its own or at the end
of a line (``【orgwrite: ignore P101】``), in Word as a paragraph's text.  Without codes,
every rule is silenced there; codes may be family prefixes (``P``).
``orgwrite: ignore-file P109`` anywhere silences the codes for the whole file.
"""

from __future__ import annotations

from orgwrite import lazyre
from orgwrite.model import Finding

_DIRECTIVE_RE = lazyre.compile(r"orgwrite:\s*(ignore-file|ignore|disable|noqa)\b([A-Za-z0-9 ,，]*)")
_CODE_SEP_RE = lazyre.compile(r"[\s,，]+")
ALL: frozenset[str] = frozenset({"*"})


def directives(lines: list[str]) -> tuple[dict[int, frozenset[str]], frozenset[str]]:
    """(line → suppressed selectors, file-wide selectors); ``ALL`` means every rule."""
    per_line: dict[int, frozenset[str]] = {}
    whole: set[str] = set()
    pending: frozenset[str] | None = None
    for number, line in enumerate(lines, start=1):
        m = _DIRECTIVE_RE.search(line) if "orgwrite:" in line else None
        if m is None:
            if pending is not None and line.strip():
                per_line[number] = per_line.get(number, frozenset()) | pending
                pending = None
            continue
        codes = frozenset(c.upper() for c in _CODE_SEP_RE.split(m.group(2)) if c) or ALL
        if m.group(1) == "ignore-file":
            whole |= codes
            continue
        before = line[: m.start()].strip().rstrip("<!-【[#/ ").strip()
        if before:
            per_line[number] = per_line.get(number, frozenset()) | codes
        else:
            pending = codes if pending is None else pending | codes
    return per_line, frozenset(whole)


def _covers(selectors: frozenset[str], code: str) -> bool:
    return "*" in selectors or any(code.startswith(s) for s in selectors)


def apply(findings: list[Finding], lines: list[str], text: str = "") -> list[Finding]:
    """Drop the findings a directive silences.

    ``text``, when given, is the source ``lines`` were split from (a Document's ``text``):
    the directive word holds no line end, so it is in a line exactly when it is in the text,
    and one search of the text saves joining the lines.
    """
    if not findings or "orgwrite:" not in (text or "\n".join(lines)):
        return findings
    per_line, whole = directives(lines)
    return [
        f for f in findings if not _covers(whole, f.rule) and not _covers(per_line.get(f.line, frozenset()), f.rule)
    ]
