"""What the dated scans keep on disk is exactly what they work out without it.

A name scanner's spec read back must be the one :func:`trie_pattern` and :func:`anchor_patterns`
give for the very names asked for, and the shipped events read back those :func:`load_events`
makes of the very text of events.toml; a missing, damaged, stale or unwritable file, or other
names under the same checksum, must fall back to working it out.
"""

from __future__ import annotations

import marshal
import pickle
from zlib import crc32

import pytest

from orgwrite import event_names, events
from orgwrite.event_names import NameScanner, anchor_patterns, scanner_spec, trie_pattern
from orgwrite.events import load_events, shipped_events
from orgwrite.lexicon import load_lexicon
from orgwrite.resources import data_dir

NAMES = ("党的二十大", "党的十九大", "十九届四中全会", "二十届三中全会")


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    """A fresh cache folder, and a process that has read no spec file yet."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(event_names, "_SPECS", [])
    return tmp_path / "orgwrite"


def _fresh_process(monkeypatch) -> None:
    monkeypatch.setattr(event_names, "_SPECS", [])


def _worked_out(names: tuple[str, ...]):
    return trie_pattern(names), anchor_patterns(names)


def _shipped_name_sets() -> list[tuple[str, ...]]:
    titles: dict[str, None] = {}
    for e in load_lexicon().entries.values():
        if e.kind == "document":
            titles.setdefault(e.get("title"))
            for w in e.get("wrong_titles", []):
                titles.setdefault(w)
    return [tuple(titles), tuple(n for e in shipped_events() for n in e.names)]


def test_a_spec_read_back_is_the_one_worked_out(cache_home, monkeypatch):
    sets = [*_shipped_name_sets(), NAMES]
    assert [scanner_spec(names) for names in sets] == [_worked_out(names) for names in sets]
    assert (event_names._spec_file()[0]).is_file()
    _fresh_process(monkeypatch)
    monkeypatch.setattr(event_names, "trie_pattern", None)  # a read-back spec works nothing out
    assert [scanner_spec(names) for names in sets] == [_worked_out(names) for names in sets]


def test_the_order_of_the_names_is_part_of_the_spec(cache_home, monkeypatch):
    scanner_spec(NAMES)
    _fresh_process(monkeypatch)
    reordered = NAMES[::-1]
    assert scanner_spec(reordered) == _worked_out(reordered)


def test_other_names_under_the_same_checksum_are_worked_out(cache_home, monkeypatch):
    scanner_spec(NAMES)
    path = event_names._spec_file()[0]
    key, specs = marshal.loads(path.read_bytes()[4:])
    code = crc32("\n".join(NAMES).encode())
    specs[code] = (("别的名称",), specs[code][1])  # same checksum, other names
    payload = marshal.dumps((key, specs))
    path.write_bytes(crc32(payload).to_bytes(4, "little") + payload)
    _fresh_process(monkeypatch)
    assert scanner_spec(NAMES) == _worked_out(NAMES)


@pytest.mark.parametrize("damage", ["garbage", "checksum", "stale key"])
def test_a_damaged_or_stale_file_is_not_read(cache_home, monkeypatch, damage):
    scanner_spec(NAMES)
    path = event_names._spec_file()[0]
    data = path.read_bytes()
    key, specs = marshal.loads(data[4:])
    forged = {code: (names, ("(?!)", ())) for code, (names, _spec) in specs.items()}  # a wrong spec
    if damage == "garbage":
        path.write_bytes(b"\0\1\2\3not marshal")
    elif damage == "checksum":
        path.write_bytes(data[:4] + marshal.dumps((key, forged)))
    else:
        payload = marshal.dumps(((*key[:-1], key[-1] + 1), forged))  # this module changed since
        path.write_bytes(crc32(payload).to_bytes(4, "little") + payload)
    _fresh_process(monkeypatch)
    assert scanner_spec(NAMES) == _worked_out(NAMES)


def test_an_unwritable_cache_folder_is_passed_over(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    _fresh_process(monkeypatch)
    scanner = NameScanner(dict.fromkeys(NAMES, 1))
    assert scanner.scan("学习党的二十大精神，二十八大不是") == [(1, 2, 7)]
    assert scanner_spec(NAMES) == _worked_out(NAMES)


def test_a_full_file_keeps_the_specs_this_process_asked_for_first(cache_home, monkeypatch):
    scanner_spec(NAMES)
    _fresh_process(monkeypatch)
    monkeypatch.setattr(event_names, "_USED", {})
    scanner_spec(NAMES)  # read back: asked for first, kept
    others = [(f"名称{k}号",) for k in range(2 * event_names.MAX_SPECS)]
    for names in others:
        scanner_spec(names)
    _fresh_process(monkeypatch)
    _key, specs = event_names._specs()
    kept = [names for names, _spec in specs.values()]
    assert len(kept) <= event_names.MAX_SPECS and kept[0] == NAMES and kept[-1] == others[-1]
    assert scanner_spec(NAMES) == _worked_out(NAMES)


def _shipped_text() -> str:
    return (data_dir("lexicon") / "events.toml").read_text(encoding="utf-8")


def test_the_shipped_events_read_back_are_the_ones_the_toml_gives(cache_home, monkeypatch):
    read_shipped = shipped_events.__wrapped__  # its body, past the per-process cache
    first = read_shipped()
    assert first == tuple(load_events(_shipped_text())) == shipped_events()
    assert (events._events_file()[0]).is_file()
    monkeypatch.setattr(events, "load_events", None)  # read back, nothing parsed
    again = read_shipped()
    assert again == first and [e._asdict() for e in again] == [e._asdict() for e in first]


@pytest.mark.parametrize("damage", ["garbage", "other text", "stale key", "not events"])
def test_damaged_stale_or_other_kept_events_are_not_read(cache_home, damage):
    text = _shipped_text()
    made = tuple(load_events(text))
    events._keep_events(text, made)
    assert events._kept_events(text) == made
    path = events._events_file()[0]
    key, _text, _made = pickle.loads(path.read_bytes())
    if damage == "garbage":
        path.write_bytes(b"not a pickle")
    elif damage == "other text":
        path.write_bytes(pickle.dumps((key, text + "\n", made)))
    elif damage == "stale key":
        path.write_bytes(pickle.dumps(((*key[:-1], key[-1] + 1), text, made)))  # this module changed
    else:
        path.write_bytes(pickle.dumps((key, text, ("党的二十大",))))
    assert events._kept_events(text) is None


def test_events_are_read_when_the_cache_folder_is_unwritable(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert shipped_events.__wrapped__() == tuple(load_events(_shipped_text()))


def test_installs_sharing_a_cache_folder_keep_a_file_each(cache_home, monkeypatch):
    """Another Python (or another copy of this module) reads and writes a file of its own: the
    one of this install is neither replaced nor read by it."""
    import sys

    scanner_spec(NAMES)
    ours = event_names._spec_file()[0]
    before = ours.read_bytes()
    monkeypatch.setattr(sys, "version", sys.version + " (another build)")
    _fresh_process(monkeypatch)
    assert scanner_spec(NAMES) == _worked_out(NAMES)
    theirs = event_names._spec_file()[0]
    assert theirs != ours and theirs.is_file() and ours.read_bytes() == before
    text = _shipped_text()
    events._keep_events(text, tuple(load_events(text)))
    assert events._events_file()[0].is_file()
    monkeypatch.setattr(sys, "version", sys.version.removesuffix(" (another build)"))
    assert events._kept_events(text) is None  # the other build's events are not this one's
    assert len(list(cache_home.glob("names-spec-*.marshal"))) == 2
    assert len(list(cache_home.glob("events-*.pickle"))) == 1
