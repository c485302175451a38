"""The scan decides the longest-match guard hit by hit; it must agree with the reference sweep.

A known string with a guarded role (a banned word, the wrong half of a confusable pair) is
dropped inside a longer covering string; the scan looks for those longer strings around each
hit instead of sorting every hit first.  These cases pin down where that could differ: the
longer string at a text's start or across two texts, twice around one hit, an anchor (which
covers nothing), and characters of every UTF-8 width before the hits.
"""

from __future__ import annotations

from orgwrite.lexicon import Hit, compile_entries
from orgwrite.lexicon.schema import Entry


def _lexicon():
    def entry(kind: str, eid: str, **data) -> Entry:
        return Entry(kind, eid, data, "test.toml", 1)

    return compile_entries(
        [
            entry("banned", "b1", text="甲乙"),
            entry("confusable", "c1", wrong="丁甲乙", right="甲乙丙"),
            entry("banned", "b2", text="甲乙甲乙"),
            entry("formulation", "f1", canonical="戊己庚辛壬癸", anchors=["甲乙戊"]),
        ]
    )


def _reference(lex, text: str) -> list[Hit]:
    raw = []
    for pattern, roles in (value for _, value in lex.automaton.items()):
        i = text.find(pattern)
        while i >= 0:
            raw.append(Hit(i, i + len(pattern), pattern, roles))
            i = text.find(pattern, i + 1)
    return lex._guard(raw) if len(raw) > 1 else raw


def test_a_banned_word_inside_a_longer_known_string_is_dropped_only_there():
    lex = _lexicon()
    texts = ["甲乙", "甲乙丙", "丁", "甲乙", "x甲乙戊", "甲乙甲乙", "丁甲乙丙", "é😀甲乙丙，甲乙。", "aé甲乙"]
    scanned = lex.scan_many(texts)
    for text, hits in zip(texts, scanned, strict=True):
        assert hits == _reference(lex, text), text
    banned = [[(h.start, h.text) for h in hits if any(r[0] == "ban" for r in h.roles)] for hits in scanned]
    assert banned == [
        [(0, "甲乙")],  # alone
        [],  # inside the right half of a confusable
        [],
        [(0, "甲乙")],  # 丁 ends the text before: no 丁甲乙 across the break
        [(1, "甲乙")],  # an anchor covers nothing
        [(0, "甲乙甲乙")],  # both halves lie in the longer banned string
        [],  # inside 丁甲乙 and 甲乙丙 at once; 丁甲乙 itself is covered by nothing
        [(6, "甲乙")],  # after 甲乙丙 the second one stands alone
        [(2, "甲乙")],
    ]
    assert [h.text for h in scanned[6]] == ["丁甲乙", "甲乙丙"]


def test_hits_come_by_start_and_longest_first():
    lex = _lexicon()
    (hits,) = lex.scan_many(["甲乙甲乙丙"])
    assert [(h.start, h.end) for h in hits] == sorted(((h.start, h.end) for h in hits), key=lambda s: (s[0], -s[1]))
    assert [h.text for h in hits] == ["甲乙甲乙", "甲乙丙"]
