"""The fast scans behind as-of, T101, T103, T104 and D101 find exactly what the plain ones found.

Each scan skips most of the text (event names are looked for only where a name can end, years
only at 年, the blocks are scanned joined, hits are picked by text): these tests hold each skip
to the plain scan it replaced, at the places a skip could bite — a text's last characters, right
after an ordinal, across the joint between two blocks, in a heading.
"""

from __future__ import annotations

import random
import re
from datetime import date

import pytest

from orgwrite import check
from orgwrite.asof import _YEAR_AT_NIAN_RE, _YEAR_IN_TEXT_RE, infer_as_of
from orgwrite.config import Config
from orgwrite.event_names import GUARD_CHARS, NameScanner, document_text
from orgwrite.events import Event, mentions, shipped_events
from orgwrite.io.read_text import read_string
from orgwrite.lexicon import load_lexicon
from orgwrite.rules.dated_hits import _texts


def _plain_mentions(text: str, names: dict[str, str]) -> list[tuple[str, int, int]]:
    """The scan the events module used to run: every name, longest first, behind a look-behind."""
    guard = "".join(sorted(GUARD_CHARS))
    alternation = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    pattern = re.compile(f"(?<![{guard}])(?:{alternation})")
    return [(names[m.group()], m.start(), m.end()) for m in pattern.finditer(text)]


def _fast_mentions(text: str, names: dict[str, str]) -> list[tuple[str, int, int]]:
    return NameScanner(names).scan(text)


def test_the_shipped_names_are_found_as_the_plain_scan_finds_them():
    names = {n: e.id for e in shipped_events() for n in e.names}
    pieces = [*names, *GUARD_CHARS, "精神", "以来", "，", "\n", "党的", "第", "二十八大", "中全会"]
    rnd = random.Random(14)
    for _ in range(400):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 30)))
        assert _fast_mentions(text, names) == _plain_mentions(text, names), text


def test_overlapping_and_nested_names_keep_the_longest_at_each_place():
    rnd = random.Random(15)
    alphabet = "ab第十二大会c"
    for _ in range(3000):
        names = {"".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 5))): f"E{k}" for k in range(5)}
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 50)))
        assert _fast_mentions(text, names) == _plain_mentions(text, names), (names, text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("深入学习贯彻党的二十大", [("党的二十大", 6, 11)]),  # the last characters of the text
        ("二十八大", []),  # 十八大 right after an ordinal
        ("第二十届三中全会", []),
        ("第二十大，党的十九大精神", [("党的十九大", 5, 10)]),  # after a rejected candidate
        ("", []),
    ],
)
def test_mentions_at_the_edges(text, expected):
    assert [(text[m.start : m.end], m.start, m.end) for m in mentions(text)] == expected


def test_a_scanner_without_names_finds_nothing():
    assert NameScanner({}).scan("党的二十大精神") == []
    assert mentions("党的二十大精神", ()) == []
    one = (Event("EV-x", "congress", ("某某大会",), date(2000, 1, 1), "精神", "s"),)
    assert [(m.start, m.end) for m in mentions("学习某某大会精神", one)] == [(2, 6)]


def test_years_are_found_from_their_nian_as_the_plain_pattern_finds_them():
    rnd = random.Random(16)
    alphabet = "1290.年二〇一三x٣"
    for _ in range(20000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 14)))
        plain = [(m.start(), m.end(), m.groups()) for m in _YEAR_IN_TEXT_RE.finditer(text)]
        fast = [(m.end() - 5, m.end(), m.groups()) for m in _YEAR_AT_NIAN_RE.finditer(text)]
        assert fast == plain, text


def test_a_block_is_read_on_its_own_across_the_joint():
    # The first paragraph ends in a digit and the next starts with a year: on its own the year
    # has nothing before it, so it counts; 到 at the end of a paragraph is no target marker for
    # the year that starts the next one.
    doc = read_string(
        "工作情况\n全年共召开会议1\n2023年1月，全市召开组织工作会议。\n力争到\n2024年1月，全市召开工作会议。\n"
    )
    assert infer_as_of(doc) == (date(2024, 12, 31), "正文提及的最近年份（第5行，文本不早于该年）")
    # An ordinal at the end of a paragraph does not swallow the event that opens the next one.
    doc = read_string("工作情况\n第二\n十九届三中全会以来，全市深化机构改革。\n")
    assert infer_as_of(doc)[0] == date(2018, 2, 26)


def test_t104_finds_the_stale_congress_in_any_block_and_in_the_last_characters():
    as_of = Config(select=("T104",), as_of=date(2023, 3, 1))
    text = "二、深入学习贯彻党的十九大精神\n全市各级党组织认真学习\n深入学习贯彻党的十九大精神"
    found = [(f.line, f.column, f.end_column) for f in check(text, as_of)]
    assert found == [(1, 9, 16), (3, 7, 14)]
    # The name at the end of one paragraph and 精神 at the start of the next are not one phrase.
    assert check("全市各级党组织深入学习贯彻党的十九大\n精神饱满。", as_of) == []


def test_d101_citations_in_the_last_block_and_not_across_two_blocks():
    config = Config(select=("D101", "D104"), as_of=date(2024, 3, 1))
    text = "一、规范行文\n严格执行国家行政机关公文处理办法\n根据《国家行政机关公文处理办法》"
    found = [(f.rule, f.line, f.column) for f in check(text, config)]
    assert found == [("D101", 2, 5), ("D104", 2, 5), ("D101", 3, 4)]
    assert check("严格执行国家行政机关\n公文处理办法。", config) == []


def test_t103_texts_cover_every_pattern_that_carries_its_roles():
    lex = load_lexicon()
    texts = _texts(lex.entries)
    for pattern, roles in lex.patterns:
        for role, eid, _ in roles:
            kind = lex.entries[eid].kind
            if role == "dated_new" or (role == "abbr" and kind == "enumeration"):
                assert pattern in texts.first_dated, pattern
            if role == "guard" and kind == "formulation" and pattern == lex.entries[eid].get("canonical"):
                assert pattern in texts.first_dated, pattern
    assert texts.latest_since is not None


def test_t103_is_silent_after_the_latest_first_date_and_speaks_before_it():
    since = _texts(load_lexicon().entries).latest_since
    text = f"{since.year}年1月1日\n坚定“四个自信”，做到“两个维护”。\n"
    assert [f for f in check(text, Config(select=("T103",), as_of=date(2015, 1, 16)))]
    assert check(text, Config(select=("T103",), as_of=since)) == []


def _automaton_citations(text: str, titles: dict[str, int]) -> list[tuple[int, int, int]]:
    """How D101-D104 used to read titles: every occurrence, by place, longest first, none inside another."""
    import ahocorasick_rs

    values = list(titles.values())
    auto = ahocorasick_rs.AhoCorasick(list(titles))
    matches = auto.find_matches_as_indexes(text, overlapping=True)
    found = sorted(((start, end, values[i]) for i, start, end in matches), key=lambda m: (m[0], -m[1]))
    out, last_end = [], -1
    for start, end, value in found:
        if start >= last_end:
            out.append((value, start, end))
            last_end = end
    return out


def test_titles_are_read_as_the_automaton_read_them():
    rnd = random.Random(17)
    alphabet = "ab中国条例规定（试行）"
    for _ in range(3000):
        titles = {"".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 7))): k for k in range(6)}
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 60)))
        assert NameScanner(titles, guard=frozenset()).scan(text) == _automaton_citations(text, titles), (titles, text)
    lex = load_lexicon()
    titles = {}
    for e in lex.entries.values():
        if e.kind == "document":
            titles.setdefault(e.get("title"), len(titles))
            for w in e.get("wrong_titles", []):
                titles.setdefault(w, len(titles))
    text = "".join(f"学习《{t}》和{t[:-2]}、{t}（2019年修订），" for t in titles)
    assert NameScanner(titles, guard=frozenset()).scan(text) == _automaton_citations(text, titles)


def test_congresses_alone_are_found_as_among_all_events():
    from orgwrite.events import _kind_matcher, mentions_by_text

    assert _kind_matcher("congress") is not None  # the shipped congress names overlap no other name
    names = {n: e for e in shipped_events() for n in e.names}
    pieces = [*names, *GUARD_CHARS, "精神", "大会", "全会", "\n", "党的", "第"]
    rnd = random.Random(18)
    texts = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 20))) for _ in range(300)]
    every = [[(m.event.id, m.start, m.end) for m in ms if m.event.kind == "congress"] for ms in mentions_by_text(texts)]
    alone = [[(m.event.id, m.start, m.end) for m in ms] for ms in mentions_by_text(texts, "congress")]
    assert alone == every
    assert every == [[(m.event.id, m.start, m.end) for m in mentions(t) if m.event.kind == "congress"] for t in texts]


def _plain_latest_past_event(texts):
    """How the latest event spoken of as past was read before: every mention, text by text."""
    from orgwrite.events import _WEAK_PAST_RE, _may_look_ahead, spoken_of_as_past

    strong, weak, by_id = {}, {}, {}
    for text, line in texts:
        for m in mentions(text):
            if not spoken_of_as_past(text, m):
                continue
            by_id[m.event.id] = m.event
            after = text[m.end : m.end + 4].lstrip('”’"')
            if m.event.kind != "campaign" and _WEAK_PAST_RE.match(after) and _may_look_ahead(text, m.event, m.start):
                weak.setdefault(m.event.id, []).append(line)
            else:
                strong.setdefault(m.event.id, line)
    found = [(by_id[i], line) for i, line in strong.items()]
    found += [(by_id[i], lines[0]) for i, lines in weak.items() if len(lines) >= 2 and i not in strong]
    return max(found, key=lambda f: f[0].date, default=None)


def test_the_latest_past_event_is_the_one_every_mention_read_one_by_one_gives():
    from orgwrite.events import latest_past_event

    names = [n for e in shipped_events() for n in e.names]
    contexts = [
        "精神",
        "的精神",
        "以来",
        "召开",
        "、",
        "和",
        "迎接",
        "今后",
        "。",
        "，",
        "全面贯彻",
        "党的",
        "报告指出",
        "期间",
        "",
    ]
    rnd = random.Random(19)
    for _ in range(1500):
        texts = [
            (
                "".join(
                    rnd.choice(contexts) + rnd.choice(names) + rnd.choice(contexts) for _ in range(rnd.randint(0, 3))
                ),
                n,
            )
            for n in range(1, rnd.randint(1, 6))
        ]
        assert latest_past_event(texts) == _plain_latest_past_event(texts), texts


def test_events_of_one_day_are_chosen_as_before(monkeypatch):
    from orgwrite import events as ev
    from orgwrite.events import DEFAULT_PAST, latest_past_event

    day = date(2030, 1, 1)
    same_day = tuple(
        Event(f"EV-{n}", kind, (name,), day, DEFAULT_PAST, "s")
        for n, (kind, name) in enumerate([("plenum", "甲中全会"), ("congress", "乙大会"), ("plenum", "丙中全会")])
    )
    monkeypatch.setattr(ev, "shipped_events", lambda: same_day)
    monkeypatch.setattr(ev, "_shipped_matcher", lambda: ev._matcher(same_day))
    pieces = ["甲中全会", "乙大会", "丙中全会", "精神", "以来", "、", "今后", "。", "党的十九大、"]
    rnd = random.Random(20)
    for _ in range(1500):
        texts = [
            ("".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8))), n) for n in range(1, rnd.randint(1, 5))
        ]
        assert latest_past_event(texts) == _plain_latest_past_event(texts), texts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Web leftovers are read as before (the scan of the whole text holds them too).
        (
            "来源：学习贯彻党的十九大精神\n全市各级党组织深入学习贯彻党的十九大精神。",
            [(1, 8, 15, "党的二十大精神"), (2, 14, 21, "党的二十大精神")],
        ),
        # 历次全会 in the last block, without a congress in it.
        ("全市深入学习贯彻党的二十大精神。\n认真学习贯彻十九届历次全会精神", [(2, 7, 14, "二十届历次全会")]),
        (
            "全市各级党组织深入学习贯彻党的十九大精神和十九届历次全会精神。",
            [(1, 14, 21, "党的二十大精神"), (1, 22, 29, "二十届历次全会")],
        ),
        # The congress at the end of one block, 精神 at the start of the next: no phrase.
        ("学习贯彻党的十九大\n精神和十九届历次全会精神", []),
    ],
)
def test_t104_reads_the_mentions_of_the_whole_text_block_by_block(text, expected):
    config = Config(select=("T104",), as_of=date(2023, 3, 1))
    assert [(f.line, f.column, f.end_column, f.replacement) for f in check(text, config)] == expected


def test_d101_passes_over_titles_in_web_leftovers():
    config = Config(select=("D101", "D104"), as_of=date(2024, 3, 1))
    text = "来源：《国家行政机关公文处理办法》\n根据《国家行政机关公文处理办法》规范行文。"
    assert [(f.rule, f.line, f.column) for f in check(text, config)] == [("D101", 2, 4)]


def test_the_whole_text_belongs_to_one_document_as_it_stands():
    first = read_string("工作情况\n深入学习贯彻党的二十大精神。\n")
    same = read_string("工作情况\n深入学习贯彻党的二十大精神。\n")
    whole = document_text(first)
    assert document_text(first) is whole  # shared by the as-of step and the rules of one check
    assert whole.text == "工作情况\n深入学习贯彻党的二十大精神。" and whole.starts == [0, 5]
    assert [(e.id, s, t) for e, s, t in whole.events] == [("EV-20th-congress", 11, 16)]
    # Another document that reads the same gets its own; a block changed in place is read anew.
    assert document_text(same) is not whole
    first.blocks[1].text = "深入学习贯彻党的十九大精神。"
    changed = document_text(first)
    assert changed is not whole and [(e.id, s) for e, s, _ in changed.events] == [("EV-19th-congress", 11)]


def test_blocks_with_a_string_are_found_in_the_whole_text():
    doc = read_string("全国人大\n出席全国政协会议，全国\n无\n全\n国\n召开全国人大")
    whole = document_text(doc)
    assert whole.blocks_with("全国") == [0, 1, 5]  # once per block, the last one too
    assert whole.blocks_with("国全") == []  # not across the joint of two blocks
    assert whole.blocks_with("召开全国人大") == [5]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "全市深入学习贯彻党的二十大精神。\n各级党组织深入学习贯彻党的十九大精神和十九届历次全会精神。",
            [(2, 12, 19, "党的二十大精神"), (2, 20, 27, "二十届历次全会")],
        ),
        # A web leftover is read, and a name at the end of a block takes no 精神 from the next.
        (
            "来源：学习贯彻党的十九大精神\n全市深入学习贯彻党的二十大精神。\n学习贯彻党的十九大\n精神",
            [(1, 8, 15, "党的二十大精神")],
        ),
    ],
)
def test_t104_reads_the_scan_the_as_of_step_made(text, expected):
    # Undated: the as-of step scans the whole text for events, and T104 reads that scan.
    found = check(text, Config(select=("T104",)))
    assert [(f.line, f.column, f.end_column, f.replacement) for f in found] == expected


def test_names_read_from_an_anchor_inside_them_are_found_at_the_text_edges():
    # 丁 stands in two of the names (four characters into one, last in the other): they are read
    # from it, so the reach after the anchor must hold the rest of 甲乙丙丁戊.
    names = {"甲乙丙丁戊": 1, "乙丙丁己": 2, "庚丙丁": 3}
    scanner = NameScanner(names, guard=frozenset())
    assert [p.pattern[0] for p, _before, _after in scanner.anchors] == ["丁", "己"]
    text = "甲乙丙丁戊x乙丙丁己x庚丙丁"
    assert scanner.scan(text) == [(1, 0, 5), (2, 6, 10), (3, 11, 14)]
    assert scanner.scan(text[:5]) == [(1, 0, 5)]
    assert scanner.scan("乙丙丁戊") == []


def test_names_overlap_as_pair_by_pair():
    """:func:`orgwrite.events.names_overlap` answers as testing every pair of names would."""
    from orgwrite.events import names_overlap

    def pair(a: str, b: str) -> bool:
        return a in b or b in a or any(a.endswith(b[:k]) or b.endswith(a[:k]) for k in range(1, min(len(a), len(b))))

    rnd = random.Random(7)
    shipped = [n for e in shipped_events() for n in e.names]
    for _ in range(3000):
        alphabet = rnd.choice(["ab", "abc", "十九大届二", "".join(shipped)])
        names = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 5))) for _ in range(rnd.randint(0, 4))]
        others = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 5))) for _ in range(rnd.randint(0, 4))]
        assert names_overlap(names, others) == any(pair(a, b) for a in names for b in others), (names, others)
    for kind in {e.kind for e in shipped_events()}:
        mine = {n for e in shipped_events() if e.kind == kind for n in e.names}
        others = {n for e in shipped_events() if e.kind != kind for n in e.names}
        assert names_overlap(mine, others) == any(pair(a, b) for a in mine for b in others)
