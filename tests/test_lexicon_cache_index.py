"""Which data hash the lexicon files have is remembered across processes by their size and time.

A process then loads the compiled lexicon without reading and hashing every data file; a file
that changed must still be read again, and a file modified moments ago (whose time could stay
the same through another change) is never remembered.
"""

from __future__ import annotations

import os
import time

import pytest

from orgwrite.config import Config

_ENTRY = '[[banned]]\nid = "W-mine-{n}"\ntext = "{text}"\nseverity = "info"\nreason = "本单位不用此说法"\nsource = "本单位文稿规范"\n'


@pytest.fixture
def lexicon(tmp_path, monkeypatch):
    import orgwrite.lexicon.cache as cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "_MEMORY", {})
    return cache


def _write(path, text: str, age_s: float) -> None:
    path.write_text(_ENTRY.format(n=1, text=text), "utf-8")
    then = time.time() - age_s
    os.utime(path, (then, then))


def test_a_settled_file_is_remembered_and_a_changed_one_read_again(lexicon, tmp_path, monkeypatch):
    mine = tmp_path / "mine.toml"
    _write(mine, "甲乙工程", age_s=60)
    config = Config(lexicon_files=(mine,))
    first = lexicon.load_lexicon(config)
    assert list((tmp_path / "cache" / "orgwrite").glob("lexstat-*"))
    # A new process: nothing in memory; the data files are not hashed again.
    monkeypatch.setattr(lexicon, "_MEMORY", {})
    hashed = []
    monkeypatch.setattr(lexicon, "data_hash", lambda *a: hashed.append(a) or "0" * 32)
    again = lexicon.load_lexicon(config)
    assert hashed == [] and again.data_hash == first.data_hash
    assert [h.text for h in again.scan("推进甲乙工程")] == ["甲乙工程"]
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(lexicon, "_MEMORY", {})
    _write(mine, "丙丁工程", age_s=30)  # same size, another time
    changed = lexicon.load_lexicon(config)
    assert changed.data_hash != first.data_hash
    assert [h.text for h in changed.scan("推进丙丁工程，甲乙工程")] == ["丙丁工程"]


def test_a_file_modified_moments_ago_is_not_remembered(lexicon, tmp_path):
    mine = tmp_path / "mine.toml"
    _write(mine, "甲乙工程", age_s=0)
    lexicon.load_lexicon(Config(lexicon_files=(mine,)))
    assert list((tmp_path / "cache" / "orgwrite").glob("lexicon-*.pickle"))
    assert not list((tmp_path / "cache" / "orgwrite").glob("lexstat-*"))


def test_a_damaged_index_is_ignored(lexicon, tmp_path, monkeypatch):
    mine = tmp_path / "mine.toml"
    _write(mine, "甲乙工程", age_s=60)
    config = Config(lexicon_files=(mine,))
    first = lexicon.load_lexicon(config)
    (index,) = (tmp_path / "cache" / "orgwrite").glob("lexstat-*")
    index.write_text("not a hash\nnor the key", "utf-8")
    monkeypatch.setattr(lexicon, "_MEMORY", {})
    assert lexicon.load_lexicon(config).data_hash == first.data_hash
    assert index.read_text("utf-8").startswith(first.data_hash)


def test_the_files_are_looked_at_again_once_a_second_has_passed(lexicon, tmp_path, monkeypatch):
    """A check of many files asks for the lexicon per document: within a second the files'
    times are trusted, after it a changed file is seen (a long-lived server notices an edit)."""
    mine = tmp_path / "mine.toml"
    _write(mine, "甲乙工程", age_s=60)
    config = Config(lexicon_files=(mine,))
    clock = [5_000_000_000]
    monkeypatch.setattr(lexicon, "_clock", lambda: clock[0])
    looked: list[int] = []
    stats = lexicon._stats
    monkeypatch.setattr(lexicon, "_stats", lambda *a: looked.append(clock[0]) or stats(*a))
    first = lexicon.load_lexicon(config)
    assert all(lexicon.load_lexicon(config) is first for _ in range(50))
    assert looked == [5_000_000_000]
    assert lexicon.load_lexicon(Config()) is not first  # another configuration is its own
    _write(mine, "丙丁工程", age_s=30)
    clock[0] += 999_999_999
    assert lexicon.load_lexicon(config) is first
    clock[0] += 1
    changed = lexicon.load_lexicon(config)
    assert [h.text for h in changed.scan("推进丙丁工程，甲乙工程")] == ["丙丁工程"]
    assert looked == [5_000_000_000, 5_000_000_000, 6_000_000_000]
    # Files unchanged: the next look finds the same lexicon.
    clock[0] += 2_000_000_000
    assert lexicon.load_lexicon(config) is changed
