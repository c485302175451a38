"""Standard formulations as they stand on a date: the lexicon, or a small built-in table.

Drafts take dated wording (the guiding thought, the name of the Party Central Committee,
enumerations such as 四个意识) from the lexicon as of the draft's date, so a 2015 draft
gets the wording of 2015 and a 2024 draft that of 2024.  When the lexicon package is not
available, or does not know an id, the built-in table below answers for the few ids the
templates and example outlines use.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache


class UnknownFormulation(LookupError):
    """No wording for this id (or not yet on this date); the message is Chinese."""


@dataclass(frozen=True, slots=True)
class _Dated:
    wording: tuple[tuple[date | None, str], ...]  # (valid from, wording), oldest first
    name: str


@dataclass(frozen=True, slots=True)
class _Enum:
    members: tuple[tuple[date | None, tuple[str, ...]], ...]  # (valid from, members)
    name: str


_BUILTIN: dict[str, _Dated | _Enum] = {
    "T-three-confidences": _Dated(((None, "三个自信"), (date(2016, 7, 1), "四个自信")), "三个自信/四个自信"),
    "T-core-party-central": _Dated(
        ((None, "以习近平同志为总书记的党中央"), (date(2016, 10, 27), "以习近平同志为核心的党中央")),
        "党中央的称谓",
    ),
    "T-guiding-thought": _Dated(
        ((None, "习近平总书记系列重要讲话精神"), (date(2017, 10, 18), "习近平新时代中国特色社会主义思想")),
        "指导思想",
    ),
    "E-four-consciousness": _Enum(((date(2016, 1, 29), ("政治意识", "大局意识", "核心意识", "看齐意识")),), "四个意识"),
    "E-four-confidences": _Enum(((date(2016, 7, 1), ("道路自信", "理论自信", "制度自信", "文化自信")),), "四个自信"),
    "E-four-comprehensives": _Enum(
        (
            (date(2014, 12, 14), ("全面建成小康社会", "全面深化改革", "全面依法治国", "全面从严治党")),
            (date(2020, 10, 29), ("全面建设社会主义现代化国家", "全面深化改革", "全面依法治国", "全面从严治党")),
        ),
        "四个全面",
    ),
}


def _on(versions, as_of: date, ident: str, name: str):
    current = None
    for start, value in versions:
        if start is None or start <= as_of:
            current = value
    if current is None:
        first = versions[0][0]
        raise UnknownFormulation(
            f"“{name}”（{ident}）自{first.year}年{first.month}月{first.day}日起才有，"
            f"文稿日期{as_of.year}年{as_of.month}月{as_of.day}日时尚无此表述"
        )
    return current


@cache
def _lexicon():
    """The real lexicon when it is installed and loads, else None."""
    try:
        from orgwrite.lexicon import load_lexicon  # type: ignore[import-not-found]
    except ImportError:
        return None
    try:
        return load_lexicon(config=None)
    except Exception:  # a broken user lexicon must not stop drafting; the table answers
        return None


def wording(ident: str, as_of: date) -> str:
    """The wording of formulation ``ident`` valid on ``as_of``.

    For an enumeration not yet proposed on ``as_of`` (四个自信 before 2016-07-01) this is
    the abbreviation it replaced (三个自信), or UnknownFormulation when it replaced none.
    """
    lex = _lexicon()
    if lex is not None:
        try:
            entry = lex.entry(ident)
        except KeyError:
            entry = None
        if entry is not None and entry.kind == "enumeration":
            return _enumeration_on(lex, entry, as_of).get("abbr")
        try:
            value = lex.wording(ident, as_of)
        except Exception:
            value = None
        if value:
            return value
    entry = _BUILTIN.get(ident)
    if isinstance(entry, _Dated):
        return _on(entry.wording, as_of, ident, entry.name)
    if isinstance(entry, _Enum):
        _on(entry.members, as_of, ident, entry.name)
        return entry.name
    raise UnknownFormulation(f"未知的规范表述编号“{ident}”")


def members(ident: str, as_of: date) -> list[str]:
    """The members of enumeration ``ident`` on ``as_of``, in order.

    Before the enumeration was proposed, the members of the one it replaced (as of 2015,
    四个自信 gives 道路自信、理论自信、制度自信: 文化自信 was added on 2016-07-01).
    """
    lex = _lexicon()
    if lex is not None:
        try:
            entry = lex.entry(ident)
        except KeyError:
            entry = None
        if entry is not None and entry.kind == "enumeration":
            current = _enumeration_on(lex, entry, as_of)
            value = lex.members(current.id, as_of)
            if value:
                return list(value)
        elif entry is not None:
            raise UnknownFormulation(f"“{ident}”是单个表述，不是列举，请用［lex:{ident}］")
    entry = _BUILTIN.get(ident)
    if isinstance(entry, _Enum):
        return list(_on(entry.members, as_of, ident, entry.name))
    if isinstance(entry, _Dated):
        raise UnknownFormulation(f"“{ident}”是单个表述，不是列举，请用［lex:{ident}］")
    raise UnknownFormulation(f"未知的列举编号“{ident}”")


def _enumeration_on(lex, entry, as_of: date):
    """The enumeration entry in force on ``as_of``: ``entry``, or the one it superseded.

    The lexicon links them through a dated entry (term 三个自信 → replacement 四个自信,
    until 2016-07-01); an enumeration proposed later than ``as_of`` that superseded none
    did not exist yet, which is an error in a draft of that date.
    """
    seen = set()
    while (since := entry.get("since")) is not None and as_of < since and entry.id not in seen:
        seen.add(entry.id)
        older = _predecessor(lex, entry.get("abbr"))
        if older is None:
            abbr = entry.get("abbr")
            raise UnknownFormulation(
                f"“{abbr}”（{entry.id}）自{since.year}年{since.month}月{since.day}日起才有，"
                f"文稿日期{as_of.year}年{as_of.month}月{as_of.day}日时尚无此表述"
            )
        entry = older
    return entry


def _predecessor(lex, abbr: str):
    """The enumeration whose abbreviation a dated entry replaced by ``abbr``, if any."""
    for dated in lex.by_kind("dated"):
        if dated.get("replacement") == abbr:
            term = dated.get("term")
            for e in lex.by_kind("enumeration"):
                if e.get("abbr") == term:
                    return e
    return None


def known_ids() -> list[str]:
    """Ids the built-in table answers for (for suggestions in error messages)."""
    return sorted(_BUILTIN)
