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
from tests.conftest import every_occurrence


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


def test_a_banned_word_inside_a_longer_known_string_is_dropped_only_there():
    lex = _lexicon()
    texts = ["甲乙", "甲乙丙", "丁", "甲乙", "x甲乙戊", "甲乙甲乙", "丁甲乙丙", "é😀甲乙丙，甲乙。", "aé甲乙"]
    scanned = lex.scan_many(texts)
    for text, hits in zip(texts, scanned, strict=True):
        assert hits == every_occurrence(lex, text), text
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


def test_word_list_context_fields_answer_exactly_as_their_regular_expressions():
    import re

    from orgwrite.lexicon import load_lexicon
    from orgwrite.lexicon.context import _words, ends_test, starts_test

    lex = load_lexicon()
    fields = [
        (key, e.get(key))
        for e in lex.entries.values()
        for key in ("after", "before", "not_after", "not_before")
        if e.get(key)
    ]
    literal = [(k, p) for k, p in fields if _words(p) is not None]
    assert len(literal) > 100 and len(literal) < len(fields)  # most fields are word lists, not all
    assert _words("(?:目前|今年)") == ("目前", "今年")
    assert _words("目前|[今明]年") is None and _words("(?:目前)(?:年)") is None
    for key, p in literal:
        words = [w for w in _words(p) if w]
        samples = ["", "\n", "x", *words, *(w + "\n" for w in words), *("甲" + w for w in words)]
        samples += [w[:-1] for w in words] + [w + "乙" for w in words] + [w + "\n\n" for w in words]
        if key in ("after", "not_after"):
            test, reference = starts_test(p, re.compile), re.compile(p).match
        else:
            test, reference = ends_test(p, re.compile), re.compile(f"(?:{p})$").search
        for s in samples:
            assert test(s) == bool(reference(s)), (p, s)


def test_hits_that_only_guard_a_confusable_are_left_out_when_asked_and_still_guard():
    lex = compile_entries(
        [
            Entry("confusable", "c1", {"wrong": "年青", "right": "年轻"}, "test.toml", 1),
            Entry("confusable", "c2", {"wrong": "青年", "right": "年青人"}, "test.toml", 2),
            Entry("banned", "b1", {"text": "年青人"}, "test.toml", 3),
        ]
    )
    assert lex.guard_only == frozenset({"年轻"})  # 年青人 is also banned: its hits are read
    texts = ["年轻干部", "年青干部", "年青人", "年轻的年青人"]
    full = lex.scan_many(texts)
    lean = lex.scan_many(texts, guard_only=False)
    assert lean == [[h for h in hits if h.text not in lex.guard_only] for hits in full]
    assert [[h.text for h in hits] for hits in lean] == [[], ["年青"], ["年青人"], ["年青人"]]
    # 年青 inside 年青人 stays covered, with or without the hits of the guard-only strings.
    assert all(h.text != "年青" for h in lean[2] + lean[3])


def test_the_document_scan_leaves_out_only_guard_only_strings():
    from orgwrite.config import Config
    from orgwrite.io.read_text import read_string
    from orgwrite.lexicon import document_hits, load_lexicon
    from orgwrite.rules.base import Context

    lex = load_lexicon()
    text = "作为党员干部，必须贯彻落实党中央决策部署，截止目前已培训干部3000人。\n\n坚持以人民为中心。\n"
    doc = read_string(text, "x.txt")
    found = document_hits(doc, Context(config=Config(), as_of=None))
    scanned = lex.scan_many([b.text for b in doc.blocks])
    expected = [
        (b, [h for h in hits if h.text not in lex.guard_only]) for b, hits in zip(doc.blocks, scanned, strict=True)
    ]
    assert found == [(b, hits) for b, hits in expected if hits]
    assert {"作为", "必须", "贯彻"} <= lex.guard_only
    assert "截止" in {h.text for _, hits in found for h in hits}


def _brute_force(lex, text: str) -> list[Hit]:
    """Every substring of ``text`` looked up among the known strings, then the reference guard."""
    known = dict(lex.patterns)
    longest = max(map(len, known))
    raw = [
        Hit(i, j, text[i:j], known[text[i:j]])
        for i in range(len(text))
        for j in range(i + 1, min(len(text), i + longest) + 1)
        if text[i:j] in known
    ]
    return lex._guard(raw) if len(raw) > 1 else raw


def _random_texts(rnd, alphabet: list[str], count: int) -> list[str]:
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40))) for _ in range(count)]


def test_the_scan_finds_what_a_brute_force_search_of_every_substring_finds():
    """Random texts over known strings' pieces and characters of every UTF-8 width (𠮷 and 😀 are
    four bytes, outside the BMP), with line breaks inside a text: every overlapping occurrence,
    at the same character positions, in the same order, however the texts are batched."""
    import random

    def entry(kind: str, eid: str, **data) -> Entry:
        return Entry(kind, eid, data, "test.toml", 1)

    lex = compile_entries(
        [
            entry("banned", "b1", text="甲乙"),
            entry("banned", "b2", text="𠮷乙"),
            entry("banned", "b3", text="😀"),
            entry("banned", "b4", text="ab"),
            entry("confusable", "c1", wrong="丁甲乙", right="甲乙丙"),
            entry("confusable", "c2", wrong="乙𠮷", right="乙𠮷😀"),
            entry("banned", "b5", text="甲乙甲乙"),
            entry("banned", "b6", text="é甲"),
            entry("formulation", "f1", canonical="戊己庚", anchors=["甲乙戊"], wrong=["戊己"]),
        ]
    )
    rnd = random.Random(20261202)
    alphabet = [*"甲乙丙丁戊己庚ab é\n", "𠮷", "😀", "甲乙", "𠮷乙", "乙𠮷😀", "戊己庚"]
    seen: set[str] = set()
    for _ in range(300):
        texts = _random_texts(rnd, alphabet, rnd.randint(1, 6))
        scanned = lex.scan_many(texts)
        seen.update(h.text for hits in scanned for h in hits)
        assert scanned == [_brute_force(lex, t) for t in texts], texts
        assert lex.scan_many(texts, guard_only=False) == [
            [h for h in hits if h.text not in lex.guard_only] for hits in scanned
        ]
    assert seen == {p for p, _ in lex.patterns}  # every known string was found somewhere


def test_the_shipped_lexicon_scan_agrees_with_a_brute_force_search_on_random_texts():
    import random

    from orgwrite.lexicon import load_lexicon

    lex = load_lexicon()
    rnd = random.Random(7)
    known = [p for p, _ in lex.patterns]
    found = 0
    for _ in range(60):
        pieces = [rnd.choice(known) for _ in range(8)] + [known[rnd.randrange(len(known))][1:]]
        pieces += ["𠮷", "😀", "a", "é", "\n", "，", "的"]
        texts = _random_texts(rnd, pieces, 3)
        scanned = lex.scan_many(texts)
        assert scanned == [_brute_force(lex, t) for t in texts], texts
        found += sum(map(len, scanned))
    assert found > 500


def test_a_string_whose_bytes_straddle_two_characters_is_no_hit():
    """The automaton walks bytes: in UTF-16 䈀 (U+4200, bytes 00 42) stands in the bytes of "aB"
    (61 00 42 00) at an odd offset, and 乙 (U+4E59, bytes 59 4E) in those of "奙N" (59 59 4E 00);
    no such straddling match may become a hit, whatever encoding the walk reads."""

    def entry(kind: str, eid: str, **data) -> Entry:
        return Entry(kind, eid, data, "test.toml", 1)

    lex = compile_entries(
        [entry("banned", "b1", text="䈀"), entry("banned", "b2", text="乙"), entry("banned", "b3", text="aB")]
    )
    # Texts of the BMP only and texts with a character beyond it (four UTF-8 bytes).
    for texts, expected in (
        (["aB", "奙N", "䈀aB乙"], [[(0, 2, "aB")], [], [(0, 1, "䈀"), (1, 3, "aB"), (3, 4, "乙")]]),
        (["😀aB", "😀奙N乙"], [[(1, 3, "aB")], [(3, 4, "乙")]]),
    ):
        for batch in (texts, *([t] for t in texts)):
            scanned = lex.scan_many(batch)
            assert scanned == [_brute_force(lex, t) for t in batch]
            assert [[(h.start, h.end, h.text) for h in hits] for hits in scanned] == [
                expected[texts.index(t)] for t in batch
            ]
