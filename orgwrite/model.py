"""The one data model every path goes through.

Readers build a :class:`Document`, rules read it and yield :class:`Finding` objects,
reporters and writers consume both.  Everything here is plain, picklable data with no
I/O, so a process pool (or any batch engine) can ship documents and findings around.

Positions follow the output contract: lines and columns are 1-based and counted in
Unicode characters of the decoded source (a BOM is not counted); ``end_column`` is
exclusive.  For .docx input a "line" is the 1-based paragraph index.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How serious a finding is; ordered info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    @property
    def label(self) -> str:
        """The Chinese name shown to users."""
        return _SEVERITY_LABEL[self]


_SEVERITY_RANK = {Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3}
_SEVERITY_LABEL = {Severity.INFO: "提示", Severity.WARNING: "警告", Severity.ERROR: "错误"}


class BlockKind(StrEnum):
    """The role a block plays in the document's frame."""

    TITLE = "title"
    SUBTITLE = "subtitle"
    SPEAKER = "speaker"  # 讲话人 line under a speech title
    HEADING = "heading"  # level 1-4: 一、 （一） 1. （1）, or an unnumbered section heading
    PARAGRAPH = "paragraph"
    ITEM = "item"  # a numbered body paragraph, e.g. "1.推动……。" in a work plan
    SALUTATION = "salutation"  # 尊敬的各位领导，同志们：
    CLOSING = "closing"  # 汇报完毕，谢谢。
    SIGNATURE = "signature"
    DATE = "date"  # 成文日期 / date line
    ATTACHMENT = "attachment"  # 附件：1.……
    CHROME = "chrome"  # web-page leftovers: footers, 责任编辑, 来源, timestamps


@dataclass(slots=True)
class Block:
    """One paragraph of a document with the place its text came from.

    ``line``/``column`` locate the first character of ``text`` in the source (1-based).
    When the text is not one contiguous run of the source (Markdown emphasis removed,
    a paragraph wrapped over several lines) ``segments`` holds break points
    ``(text_offset, line, column)``, sorted by offset, each saying where the text from
    that offset on continues in the source.
    """

    kind: BlockKind
    text: str
    line: int
    column: int = 1
    level: int = 0  # heading level 1-4 (0 = unnumbered heading or not a heading)
    number: str = ""  # the heading/item number as written, e.g. "一、" or "（1）" or "1."
    segments: tuple[tuple[int, int, int], ...] = ()

    def locate(self, offset: int) -> tuple[int, int]:
        """Source (line, column) of the character at ``offset`` in ``text``.

        ``offset == len(text)`` is allowed and gives the position just after the text,
        which is what an exclusive end needs.
        """
        if not self.segments:
            return self.line, self.column + offset
        i = bisect.bisect_right(self.segments, (offset, 1 << 60, 0)) - 1
        if i < 0:
            return self.line, self.column + offset
        start, line, column = self.segments[i]
        return line, column + (offset - start)

    @property
    def body(self) -> str:
        """The text after the heading/item number (the whole text when unnumbered)."""
        return self.text[len(self.number) :]


@dataclass(slots=True)
class Metadata:
    """What the text is and as of when it speaks."""

    genre: str | None = None
    title: str | None = None
    subtitle: str | None = None
    speaker: str | None = None
    issuer: str | None = None
    occasion: str | None = None
    date: str | None = None  # the date written in the document, ISO YYYY-MM-DD
    as_of: str | None = None  # the date rules judge dated wording by, ISO YYYY-MM-DD
    as_of_source: str | None = None  # where as_of came from, in Chinese, for the report
    front_matter: dict = field(default_factory=dict)


@dataclass(slots=True)
class SourceInfo:
    """How the source file was stored, so fixes can be written back unchanged."""

    path: str = "<string>"
    format: str = "txt"  # txt, md, docx
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"
    #: (size, mtime_ns, sha256) of the file when it was read, so a fix can refuse to
    #: overwrite an edit made meanwhile (an ``orgwrite.io.stamp.FileStamp``); None for text.
    stamp: Any = None


@dataclass(slots=True)
class Document:
    """A text as every part of orgwrite sees it.

    ``text`` is the decoded source (without BOM) for text inputs; ``lines`` are its
    lines without line ends.  Rules must read ``blocks``; ``lines`` serve suppression,
    reporting and fixing.
    """

    blocks: list[Block]
    meta: Metadata = field(default_factory=Metadata)
    source: SourceInfo = field(default_factory=SourceInfo)
    text: str = ""
    lines: list[str] = field(default_factory=list)

    def prose(self) -> list[Block]:
        """Blocks that carry body text (not chrome, not the frame lines)."""
        return [b for b in self.blocks if b.kind in _PROSE_KINDS]


_PROSE_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.ITEM, BlockKind.CLOSING})


class FixSafety(StrEnum):
    """Whether a replacement can be applied without a human looking at it."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(slots=True, frozen=True, init=False)
class Finding:
    """One problem at one place, with an optional replacement for its span.

    ``init=False`` because the class writes its own __init__ (below): dataclass would still
    generate and compile one when the module is imported, only to leave it unused.
    """

    rule: str
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    replacement: str | None = None
    fix_safety: FixSafety | None = None

    def __init__(
        self,
        rule: str,
        severity: Severity,
        message: str,
        line: int,
        column: int,
        end_line: int,
        end_column: int,
        replacement: str | None = None,
        fix_safety: FixSafety | None = None,
    ) -> None:
        # What the generated __init__ of a frozen dataclass does, through the slots' own
        # setters bound once instead of a lookup of object.__setattr__ per field (a check
        # makes a Finding for every problem it reports: 1.6 -> 0.5 us each).
        _set_rule(self, rule)
        _set_severity(self, severity)
        _set_message(self, message)
        _set_line(self, line)
        _set_column(self, column)
        _set_end_line(self, end_line)
        _set_end_column(self, end_column)
        _set_replacement(self, replacement)
        _set_fix_safety(self, fix_safety)

    @property
    def sort_key(self) -> tuple:
        return (self.line, self.column, self.end_line, self.end_column, self.rule, self.message)

    def to_dict(self) -> dict:
        """The JSON contract's shape, exactly."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "message": self.message,
            "replacement": self.replacement,
        }


#: The slot setters of Finding (the class ``dataclass(slots=True)`` made), for its __init__.
_set_rule = Finding.rule.__set__  # type: ignore[attr-defined]
_set_severity = Finding.severity.__set__  # type: ignore[attr-defined]
_set_message = Finding.message.__set__  # type: ignore[attr-defined]
_set_line = Finding.line.__set__  # type: ignore[attr-defined]
_set_column = Finding.column.__set__  # type: ignore[attr-defined]
_set_end_line = Finding.end_line.__set__  # type: ignore[attr-defined]
_set_end_column = Finding.end_column.__set__  # type: ignore[attr-defined]
_set_replacement = Finding.replacement.__set__  # type: ignore[attr-defined]
_set_fix_safety = Finding.fix_safety.__set__  # type: ignore[attr-defined]
