"""The check pipeline (the public ``orgwrite.check``): select rules, run, suppress, sort.

This is the public API other programs call (``orgwrite.check``); the CLI is a thin
layer over :func:`check_paths`.  Everything here is pure apart from reading inputs, and
results are picklable so a process pool can run files in parallel.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter
from pathlib import Path

from orgwrite import suppress
from orgwrite.config import Config, validate_config
from orgwrite.model import Document, Finding
from orgwrite.rules.base import Context, Rule, all_rules, registry_generation


@dataclass
class CheckResult:
    """The findings for one input, with the date they were judged as of."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    as_of: date | None = None
    as_of_source: str | None = None
    document: Document | None = None


def resolve_as_of(doc: Document, config: Config) -> tuple[date | None, str | None]:
    """The as-of date and where it came from (see :mod:`orgwrite.asof`)."""
    from orgwrite import asof

    if config.as_of:
        return config.as_of, "命令行或配置指定"
    if d := asof.front_matter_date(doc):
        return d, "文首元数据"
    return asof.infer_as_of(doc)


def check_document(doc: Document, config: Config | None = None) -> CheckResult:
    """Run every selected rule over ``doc``."""
    config = config or Config()
    selected = selected_rules(config)
    as_of, source = resolve_as_of(doc, config)
    doc.meta.as_of = as_of.isoformat() if as_of else None
    doc.meta.as_of_source = source
    ctx = Context(config=config, as_of=as_of)
    findings: list[Finding] = []
    for rule in selected:
        findings.extend(rule.func(doc, ctx))
    findings = suppress.apply(findings, doc.lines, doc.text)
    if config.severity:
        findings = [_with_severity(f, config) for f in findings]
    return CheckResult(
        path=doc.source.path,
        findings=dedupe(findings),
        as_of=as_of,
        as_of_source=source,
        document=doc,
    )


#: The rules each configuration selects, in code order.  The selection depends only on the
#: configuration's rule settings and the registry, never on a text, so it is worked out once
#: per configuration instead of once per document.
_SELECTIONS: dict[tuple, list[Rule]] = {}


def selected_rules(config: Config) -> list[Rule]:
    """The registered rules ``config`` turns on, sorted by code; a ConfigError for unknown codes."""
    key = (config.select, config.ignore, config.extend_select, tuple(config.severity), config.path)
    key += (registry_generation(),)
    selected = _SELECTIONS.get(key)
    if selected is None:
        rules = all_rules()
        validate_config(config, set(rules), str(config.path) if config.path else "配置")
        codes = config.selected_codes(list(rules), {c for c, r in rules.items() if r.default})
        selected = [rules[c] for c in codes]
        if len(_SELECTIONS) >= 64:
            _SELECTIONS.clear()
        _SELECTIONS[key] = selected
    return selected


def _with_severity(f: Finding, config: Config) -> Finding:
    from dataclasses import replace

    sev = config.severity.get(f.rule)
    return replace(f, severity=sev) if sev and sev != f.severity else f


def dedupe(findings: list[Finding]) -> list[Finding]:
    """Sorted by position; one finding per (rule, span)."""
    if not findings:
        return []
    seen: set[tuple] = set()
    out = []
    for f in sorted(findings, key=_SORT_KEY):
        key = (f.rule, f.line, f.column, f.end_line, f.end_column)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


#: Finding.sort_key, read in C: the same tuple, without a Python call per finding.
_SORT_KEY = attrgetter("line", "column", "end_line", "end_column", "rule", "message")


def check_path(path: str | Path, config: Config | None = None, *, stdin_name: str = "<stdin>") -> CheckResult:
    """Read one input (``-`` is standard input) and check it."""
    from orgwrite.io.read import read_document

    encoding = config.encoding if config else None
    return check_document(read_document(path, stdin_name=stdin_name, encoding=encoding), config)


def check(text_or_path: str | Path | Document, config: Config | None = None) -> list[Finding]:
    """Findings for a text, a file path, or a Document.

    A :class:`~pathlib.Path` is always read as a file; a ``str`` is read as a file when
    it is a single line naming an existing file, otherwise it is the text itself.
    """
    if isinstance(text_or_path, Document):
        return check_document(text_or_path, config).findings
    if isinstance(text_or_path, Path) or ("\n" not in text_or_path and _is_file(text_or_path)):
        return check_path(text_or_path, config).findings
    from orgwrite.io.read_text import read_string

    return check_document(read_string(text_or_path), config).findings


def _is_file(name: str) -> bool:
    try:
        return len(name) < 4096 and Path(name).is_file()
    except (OSError, ValueError):
        return False
