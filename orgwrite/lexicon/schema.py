"""What a lexicon entry is: the five kinds, their fields, and the errors loading reports.

The schema is documented for writers in ``lexicon/README.md``; this module is its machine form.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from orgwrite import lazyre
from orgwrite.errors import ConfigError

#: TOML table name of each kind, the file it ships in, and its Chinese name.
KINDS: dict[str, tuple[str, str]] = {
    "formulation": ("formulations.toml", "规范表述"),
    "enumeration": ("enumerations.toml", "列举（数字概括）"),
    "dated": ("dated.toml", "时效表述"),
    "confusable": ("confusables.toml", "易混词"),
    "banned": ("banned.toml", "禁用和慎用词"),
    "document": ("documents.toml", "引用文件"),
}

SEVERITIES = ("error", "warning", "info")
_CONTEXT_KEYS = ("after", "before", "not_after", "not_before")
_COMMON = {"id": str, "source": str, "severity": str, "note": str, "example_wrong": str, "example_right": str}
_COMMON_OPT = {"example_as_of": "date"}

#: field → type for each kind ("date", "regex", "strlist", "table", "versions" are special).
FIELDS: dict[str, dict[str, Any]] = {
    "formulation": {
        "canonical": str,
        "wrong": "strlist",
        "anchors": "strlist",
        "allowed": "strlist",
        "max_distance": int,
        "message": str,
        "since": "date",
        "versions": "versions",
    },
    "enumeration": {
        "abbr": str,
        "aliases": "strlist",
        "members": "strlist",
        "member_variants": "table",
        "alternatives": "table",
        "label": str,
        "wrong_labels": "strlist",
        "verbs": "strlist",
        "wrong_verbs": "strlist",
        "versions": "versions",
        "since": "date",
        "chain": bool,
        "check_missing": bool,
        "last_member_since": "date",
        "frame_after": "regex",
        "separators": "strlist",
    },
    "dated": {
        "term": str,
        "replacement": str,
        "until": "date",
        "since": "date",
        "replacement_since": "date",
        "anachronism": bool,
        "change": str,
        "after": "regex",
        "before": "regex",
        "not_after": "regex",
        "not_before": "regex",
    },
    "confusable": {
        "since": "date",
        "wrong": str,
        "right": str,
        "message": str,
        "boundary": bool,
        "after": "regex",
        "before": "regex",
        "not_after": "regex",
        "not_before": "regex",
        "window": int,
    },
    "banned": {
        "since": "date",
        "text": str,
        "reason": str,
        "suggestion": str,
        "replace": bool,
        "boundary": bool,
        "after": "regex",
        "before": "regex",
        "not_after": "regex",
        "not_before": "regex",
    },
}
FIELDS["document"] = {
    "title": str,
    "issuer": str,
    "adopted": "date",
    "effective": "date",
    "editions": "years",
    "repealed": "date",
    "replaced_by": str,
    "wrong_titles": "strlist",
    "short_names": "strlist",
    "url": str,
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "formulation": ("id", "canonical", "source"),
    "enumeration": ("id", "abbr", "members", "source"),
    "dated": ("id", "term", "replacement", "until", "change", "source"),
    "confusable": ("id", "wrong", "right", "severity", "message", "source"),
    "banned": ("id", "text", "severity", "reason", "source"),
    "document": ("id", "title", "issuer", "adopted", "source"),
}
DEFAULT_SEVERITY = {"formulation": "error", "enumeration": "error", "dated": "warning"}

#: Count words of abbreviations: 四个意识 → 4, 五位一体 → 5, 两学一做 → None (not a count).
_COUNT_RE = lazyre.compile(r"^(?:[“]?)([一二两三四五六七八九十]+)(?:个|项|条|种|大|位一体)")
_CN_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def count_word(abbr: str) -> int | None:
    """The number an abbreviation states: 四个意识 → 4, 五位一体 → 5, 十个坚持 → 10."""
    m = _COUNT_RE.match(abbr)
    if not m:
        return None
    digits = m.group(1)
    if digits == "十":
        return 10
    if len(digits) == 1:
        return _CN_NUM.get(digits)
    if digits.startswith("十"):
        return 10 + _CN_NUM.get(digits[1], 0)
    return None


class Problem(NamedTuple):
    """One thing wrong with a lexicon file.

    A named tuple, not a frozen dataclass: making one costs some 0.4 ms in every process (its
    methods are generated and compiled), a named tuple less than half of that.
    """

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}：{self.message}"


class LexiconError(ConfigError):
    """The lexicon files are invalid; ``problems`` lists every one found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = "；".join(str(p) for p in problems[:5])
        more = f"（另有 {len(problems) - 5} 处）" if len(problems) > 5 else ""
        super().__init__(f"词库有误：{shown}{more}")

    def __reduce__(self) -> tuple:
        # Rebuilt from its problems when it crosses from a worker process (not from the message).
        return (LexiconError, (self.problems,))


class Entry(NamedTuple):
    """One lexicon entry as loaded: kind, id, fields, and where it was written.

    A named tuple, not a dataclass: making a dataclass costs some 0.3 ms in every process (its
    methods are generated and compiled), and every process makes the 700 entries of the compiled
    lexicon again from its cache, which a tuple's ``__new__`` does in a fifth of the time of a
    dataclass's ``__init__``.
    """

    kind: str
    id: str
    data: dict[str, Any]
    file: str
    line: int

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    @property
    def severity(self) -> str:
        return self.data.get("severity") or DEFAULT_SEVERITY.get(self.kind, "warning")

    @property
    def source(self) -> str:
        return self.data.get("source", "")
