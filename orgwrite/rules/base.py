"""The rule registry and what a rule receives.

A rule is a small pure function ``(Document, Context) -> Iterable[Finding]``
registered with :func:`rule`.  Its docstring is its documentation, in fixed sections
(说明 / 原因 / 错误示例 / 正确示例 / 依据); ``orgwrite rules CODE`` prints it and the tests
run its examples, so a rule cannot be registered without a wrong and a right example.
Rules never print, read files or import click/rich.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from orgwrite import lazyre
from orgwrite.model import Block, Document, Finding, FixSafety, Severity

if TYPE_CHECKING:
    from orgwrite.config import Config

RuleFunc = Callable[[Document, "Context"], Iterable[Finding]]

#: Modules that register rules.  A new family adds one line here; importing the module
#: registers its rules.  Kept as names so ``orgwrite --help`` imports none of them.
RULE_MODULES: tuple[str, ...] = (
    "orgwrite.rules.punctuation",
    "orgwrite.rules.structure",
    "orgwrite.rules.typos",
    "orgwrite.rules.numbers",
    "orgwrite.rules.counts",
    "orgwrite.rules.formulations",
    "orgwrite.rules.enumerations",
    "orgwrite.rules.dated",
    "orgwrite.rules.wording",
    "orgwrite.rules.documents",
    "orgwrite.rules.genre",
)

#: Rule families by code prefix, with their Chinese names.
FAMILIES: dict[str, str] = {
    "F": "规范表述",
    "E": "列举与数目",
    "T": "时效表述",
    "W": "用词",
    "N": "数字",
    "P": "标点符号",
    "S": "结构与文种",
    "D": "引用文件",
}

_CODE_RE = lazyre.compile(r"^[A-Z]\d{3}$")


@dataclass(frozen=True, slots=True)
class Rule:
    """A registered rule: stable code, short ASCII name, default severity, Chinese summary."""

    code: str
    name: str
    severity: Severity
    summary: str
    func: RuleFunc
    fix: FixSafety | None = None
    default: bool = True

    @property
    def family(self) -> str:
        return self.code[0]

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.func.__doc__ or "")

    def examples(self) -> tuple[list[str], list[str]]:
        """The documented wrong and right examples (one per line after the heading)."""
        return _section_lines(self.doc, "错误示例"), _section_lines(self.doc, "正确示例")


_SECTION_NAMES = ("说明", "原因", "错误示例", "正确示例", "依据", "修复")


def _section_lines(doc: str, name: str) -> list[str]:
    out: list[str] = []
    inside = False
    for raw in doc.splitlines():
        line = raw.strip()
        head = line.rstrip("：:")
        if head in _SECTION_NAMES:
            inside = head == name
            continue
        if inside and line:
            out.append(line)
    return out


_EXAMPLES = frozenset({"错误示例", "正确示例"})


def _has_examples(doc: str) -> bool:
    """Whether the 错误示例 and the 正确示例 section each hold a line.

    The same answer as asking :func:`_section_lines` for both (which strips every line, so
    the docstring's indentation does not matter), in one pass: every process registers
    every rule, and cleaning each docstring first cost milliseconds at startup.
    """
    found: set[str] = set()
    inside = ""
    for raw in doc.splitlines():
        line = raw.strip()
        head = line.rstrip("：:")
        if head in _SECTION_NAMES:
            inside = head
        elif line and inside in _EXAMPLES:
            found.add(inside)
    return len(found) == 2


_REGISTRY: dict[str, Rule] = {}
_loaded = False
#: Counts registrations, so a selection worked out earlier is known to be stale.
_generation = 0


def rule(
    code: str,
    name: str,
    severity: Severity | str,
    summary: str,
    *,
    fix: FixSafety | str | None = None,
    default: bool = True,
) -> Callable[[RuleFunc], RuleFunc]:
    """Register ``func`` as rule ``code``.  Codes are unique, ``X999`` shaped."""

    def register(func: RuleFunc) -> RuleFunc:
        if not _CODE_RE.match(code):
            raise ValueError(f"bad rule code {code!r}")
        if code in _REGISTRY and _REGISTRY[code].func is not func:
            raise ValueError(f"rule code {code} registered twice")
        if not _has_examples(func.__doc__ or ""):
            raise ValueError(f"rule {code} needs 错误示例 and 正确示例 in its docstring")
        _REGISTRY[code] = Rule(
            code=code,
            name=name,
            severity=Severity(severity),
            summary=summary,
            func=func,
            fix=FixSafety(fix) if fix else None,
            default=default,
        )
        func.rule_code = code  # type: ignore[attr-defined]
        global _generation
        _generation += 1
        return func

    return register


def all_rules() -> dict[str, Rule]:
    """Every registered rule by code, importing the rule modules on first use."""
    global _loaded
    if not _loaded:
        for module in RULE_MODULES:
            importlib.import_module(module)
        _loaded = True
    return dict(sorted(_REGISTRY.items()))


def registry_generation() -> int:
    """Changes whenever a rule is registered (the rule modules are loaded first)."""
    if not _loaded:
        all_rules()
    return _generation


@dataclass(repr=False, eq=False)
class Context:
    """What a rule may know besides the document: configuration, date, lexicon.

    One per check, never compared or printed: no generated repr or equality, which would
    make the class cost twice as much to create when a process starts.
    """

    config: Config
    as_of: date | None = None
    cache: dict[str, Any] = field(default_factory=dict)

    def emit(
        self,
        code: str,
        block: Block,
        start: int,
        end: int,
        message: str,
        replacement: str | None = None,
        *,
        severity: Severity | str | None = None,
        fix: FixSafety | str | None = None,
    ) -> Finding:
        """A finding for ``block.text[start:end]``, located in the source.

        Severity and fix safety default to the rule's; a replacement without a stated
        safety takes the rule's declared safety (unsafe when the rule declares none).
        """
        registered = _REGISTRY[code]
        if not block.segments:  # Block.locate's answer for one contiguous run of the source
            line = end_line = block.line
            column = block.column + start
            end_column = block.column + end if end > start else column
        else:
            line, column = block.locate(start)
            if end > start:
                # The character before an exclusive end: the end must not jump over removed markup.
                end_line, end_column = block.locate(end - 1)
                end_column += 1
            else:
                end_line, end_column = line, column
        safety: FixSafety | None = None
        if replacement is not None:
            safety = FixSafety(fix) if fix else (registered.fix or _UNSAFE)
        return Finding(
            code,
            Severity(severity) if severity else registered.severity,
            message,
            line,
            column,
            end_line,
            end_column,
            replacement,
            safety,
        )


_UNSAFE = FixSafety.UNSAFE
