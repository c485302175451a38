"""The compiled lexicon read back from the disk cache holds exactly the entries the data gives.

The cache keeps the entries as plain tuples with one object for each distinct string and date,
and the near-miss tables worked out when it was compiled: read back, every entry must equal the
one loaded from the files, and the tables the ones worked out from the entries.
"""

from __future__ import annotations

import pickle

import pytest

from orgwrite.lexicon.loading import load_entries, shipped_files
from orgwrite.lexicon.matcher import _ANCHORED, _FORMULATION_KNOWN, _FORMULATION_WRONG_ONLY


@pytest.fixture
def cache(tmp_path, monkeypatch):
    import orgwrite.lexicon.cache as cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(cache, "_MEMORY", {})
    monkeypatch.setattr(cache, "_RECENT", {})
    return cache


def _fields(entries) -> list[tuple]:
    return [(e.kind, e.id, e.data, e.file, e.line) for e in entries]


def test_entries_read_back_are_the_ones_the_files_give(cache, tmp_path):
    compiled = cache.load_lexicon()
    (path,) = (tmp_path / "orgwrite").glob("lexicon-*.pickle")
    read_back = pickle.loads(path.read_bytes())
    assert read_back is not compiled
    loaded = load_entries(shipped_files())
    assert _fields(read_back.entries.values()) == _fields(loaded)
    assert list(read_back.entries) == [e.id for e in loaded]
    pairs = zip(read_back.entries.values(), loaded, strict=True)
    assert all(type(v) is type(w) for a, b in pairs for v, w in zip(a.data.values(), b.data.values(), strict=True))
    assert read_back.patterns == compiled.patterns and read_back._covers == compiled._covers


def test_the_near_miss_tables_read_back_are_the_ones_worked_out(cache, tmp_path):
    cache.load_lexicon()
    (path,) = (tmp_path / "orgwrite").glob("lexicon-*.pickle")
    read_back = pickle.loads(path.read_bytes())
    anchored = read_back._context[_ANCHORED][0]
    known = read_back._playing[_FORMULATION_KNOWN]
    wrong_only = read_back._playing[_FORMULATION_WRONG_ONLY]
    read_back._context.clear()
    read_back._playing.clear()
    assert read_back._anchored() == anchored and anchored
    assert read_back._formulation_spans() == (known, wrong_only) and known and wrong_only


def test_equal_strings_of_the_entries_are_one_object(cache):
    lex = cache.load_lexicon()
    keys = {id(k) for e in lex.entries.values() for k in e.data if k == "source"}
    severities = {id(e.data["severity"]) for e in lex.entries.values() if e.data.get("severity") == "warning"}
    assert len(keys) == 1 and len(severities) == 1


@pytest.mark.parametrize("was_collecting", [True, False])
def test_reading_the_cache_leaves_the_collector_as_it_found_it(cache, tmp_path, was_collecting):
    import gc

    lex = cache.load_lexicon()
    (path,) = (tmp_path / "orgwrite").glob("lexicon-*.pickle")
    damaged = tmp_path / "damaged.pickle"
    damaged.write_bytes(path.read_bytes()[:1000])
    if not was_collecting:
        gc.disable()
    try:
        assert cache._read_pickle(path, lex.data_hash).data_hash == lex.data_hash
        assert gc.isenabled() is was_collecting
        assert cache._read_pickle(damaged, lex.data_hash) is None
        assert gc.isenabled() is was_collecting
    finally:
        gc.enable()


def test_a_cache_made_by_other_compiling_code_is_not_used(cache, tmp_path, monkeypatch):
    """The modules that make the compiled form key its cache, as the data files do: a changed
    module (a newer orgwrite that forgot to bump FORMAT_VERSION) compiles the data again."""
    module = tmp_path / "compiling.py"
    module.write_text("# one version\n")
    monkeypatch.setattr(cache, "code_files", lambda: [module])
    cache.load_lexicon()
    first = sorted((tmp_path / "orgwrite").glob("lexicon-*.pickle"))
    module.write_text("# another version, longer\n")
    monkeypatch.setattr(cache, "_MEMORY", {})
    monkeypatch.setattr(cache, "_RECENT", {})
    cache.load_lexicon()
    assert len(sorted((tmp_path / "orgwrite").glob("lexicon-*.pickle"))) == len(first) + 1


def test_entries_pickled_for_another_entry_type_are_a_miss(cache, tmp_path, monkeypatch):
    """Entries are rebuilt with tuple.__new__, which checks no length: a cache holding entries
    of another width is refused as a whole (and compiled again), not read into short entries."""
    from orgwrite.lexicon.matcher import Lexicon

    compiled = cache.load_lexicon()
    (path,) = (tmp_path / "orgwrite").glob("lexicon-*.pickle")
    getstate = Lexicon.__getstate__

    def narrower(self):
        state = getstate(self)
        state["entries"] = tuple(fields[:-1] for fields in state["entries"])
        return state

    with monkeypatch.context() as patched:
        patched.setattr(Lexicon, "__getstate__", narrower)
        path.write_bytes(pickle.dumps(compiled))
    assert cache._read_pickle(path, compiled.data_hash) is None
