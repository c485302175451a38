"""Patterns built from the on-disk cache of compiled regular expressions are ``re.compile``'s own.

The cache (orgwrite.lazyre) saves a process the parsing and compiling of every pattern;
these tests hold it to giving exactly the pattern ``re.compile`` gives — same code, flags,
groups, group names and matches — and to falling back silently whenever the file is
missing, damaged, from another Python, or cannot be written.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from orgwrite import lazyre
from orgwrite.lazyre import PatternStore

ROOT = Path(__file__).resolve().parent.parent

PATTERNS: list[tuple[str | bytes, int]] = [
    (r"(?P<year>(?:19|20)\d{2})年(?P<month>\d{1,2})月", 0),
    (r"[\u4e00-\u9fff]{2,4}(?:书记|部长)$", re.M),
    (r"(?<=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[ \u3000]+(?=[\u4e00-\u9fff])", 0),
    (r"orgwrite:\s*(ignore-file|ignore)\b([a-z0-9 ,，]*)", re.I),
    (
        r"""(?x) ^ \d+ [.．]  # a number
          (?!\d)""",
        0,
    ),
    (r"(a)|(b)(?P<c>c)?", re.S | re.A),
    (rb"\x00[\x01-\x08]+", 0),
    (r"“[^“”]{0,200}”|《[^《》]{0,80}》", 0),
]
TEXT = "2023年12月召开。中共某市委书记 张三\n我们 要增强  四个意识ORGWRITE: Ignore P101 ，x。1.条\n“引语”《条例》abcc"


def behaviour(p: re.Pattern) -> tuple:
    text = TEXT.encode() + b"\x00\x01\x02" if isinstance(p.pattern, bytes) else TEXT
    matches = [(m.span(), m.groups(), m.groupdict()) for m in p.finditer(text)]
    return (p.pattern, p.flags, p.groups, dict(p.groupindex), matches, p.split(text), p.sub(text[:1], text))


def no_compiling(monkeypatch) -> list:
    """Make re's compiler record every use, so a test can tell a cache hit from a compile."""
    calls: list = []
    original = re._compiler.compile

    def counting(p, flags=0):
        calls.append(p)
        return original(p, flags)

    monkeypatch.setattr(re._compiler, "compile", counting)
    re.purge()
    return calls


def test_a_pattern_from_the_cache_is_equal_to_re_compile_and_matches_the_same(tmp_path, monkeypatch):
    path = tmp_path / "orgwrite" / "regex.marshal"
    first = PatternStore(path)
    made = [first.compile(p, f) for p, f in PATTERNS]
    first.save()
    assert path.is_file()
    calls = no_compiling(monkeypatch)
    second = PatternStore(path)
    rebuilt = [second.compile(p, f) for p, f in PATTERNS]
    assert calls == []  # every one came from the file
    for (p, f), a, b in zip(PATTERNS, made, rebuilt, strict=True):
        expected = re.compile(p, f)
        assert b == expected and a == expected
        assert behaviour(b) == behaviour(expected)
    assert second.compile(*PATTERNS[0]) is rebuilt[0]  # one object per pattern in a process


def test_regex_flags_and_plain_ints_name_the_same_pattern(tmp_path):
    store = PatternStore(tmp_path / "r.marshal")
    assert store.compile("a+", re.I | re.M) is store.compile("a+", 10)
    assert store.compile("a+", re.I).flags == re.compile("a+", re.I).flags


def test_every_pattern_orgwrite_compiles_comes_back_identical(tmp_path, monkeypatch):
    from orgwrite import pipeline
    from orgwrite.io.read_text import read_string
    from orgwrite.rules.base import all_rules

    all_rules()
    pipeline.check_document(read_string("关于2023年工作的报告\n一、总体情况\n我们 要增强四个意识。\n", "x.txt"))
    keys = list(lazyre.store().patterns)
    assert len(keys) > 20
    path = tmp_path / "all.marshal"
    first = PatternStore(path)
    for key in keys:
        first.compile(*key)
    first.save()
    calls = no_compiling(monkeypatch)
    second = PatternStore(path)
    for pattern, flags in keys:
        assert second.compile(pattern, flags) == re.compile(pattern, flags)
        assert second.compile(pattern, flags).groupindex == re.compile(pattern, flags).groupindex
    assert len(calls) == len(keys)  # the comparisons' re.compile calls, none from the store


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: data[: len(data) // 2],  # cut short
        lambda data: data[:-5] + bytes(5),  # bytes changed: checksum no longer matches
        lambda data: b"not a cache file at all",
    ],
)
def test_a_damaged_cache_file_is_ignored_and_written_again(tmp_path, damage):
    path = tmp_path / "regex.marshal"
    store = PatternStore(path)
    for p, f in PATTERNS:
        store.compile(p, f)
    store.save()
    path.write_bytes(damage(path.read_bytes()))
    again = PatternStore(path)
    for p, f in PATTERNS:
        assert behaviour(again.compile(p, f)) == behaviour(re.compile(p, f))
    assert again.records() is not None
    again.save()
    assert len(lazyre.read_records(path)) == len(PATTERNS)


def _write_raw(path: Path, header: tuple, records: dict) -> None:
    import marshal

    payload = marshal.dumps((header, records))
    path.write_bytes(zlib.crc32(payload).to_bytes(4, "little") + payload)


def test_code_the_engine_refuses_falls_back_to_re_compile(tmp_path):
    path = tmp_path / "regex.marshal"
    pattern = r"(?P<n>[一二三])是"
    store = PatternStore(path)
    store.compile(pattern)
    store.save()
    (flags, code, groups, gi, ig) = lazyre.read_records(path)[(pattern, 0)]
    bad = code[: len(code) // 2] + b"\xff\xff\x00\x00" * 3
    _write_raw(path, lazyre._HEADER, {(pattern, 0): (flags, bad, groups, gi, ig)})
    assert lazyre.read_records(path)  # the file itself is sound
    got = PatternStore(path).compile(pattern)
    assert got == re.compile(pattern) and got.search("一是").group("n") == "一"


def test_a_cache_from_another_python_or_engine_is_not_read(tmp_path):
    path = tmp_path / "regex.marshal"
    store = PatternStore(path)
    store.compile("a(b)")
    store.save()
    records = lazyre.read_records(path)
    assert records
    other = list(lazyre._HEADER)
    other[1] = "3.11.0 (another build)"
    _write_raw(path, tuple(other), records)
    assert lazyre.read_records(path) == {}
    assert PatternStore(path).compile("a(b)").match("ab").group(1) == "b"


def test_an_unwritable_cache_folder_is_skipped_silently(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    store = PatternStore(blocker / "orgwrite" / "regex.marshal")
    assert store.compile(r"(\d+)年").match("2023年").group(1) == "2023"
    store.save()  # no error
    assert blocker.read_text() == "x"
    assert not list(tmp_path.glob("**/*.tmp"))


def test_a_folder_refusing_the_write_is_skipped_silently(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError("read-only")

    monkeypatch.setattr(lazyre, "open", refuse, raising=False)  # what a read-only folder does, even for root
    store = PatternStore(tmp_path / "regex.marshal")
    assert store.compile("x+").fullmatch("xx")
    store.save()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root may write a read-only folder")
def test_a_read_only_cache_folder_is_skipped_silently(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        store = PatternStore(folder / "regex.marshal")
        assert store.compile("x+").fullmatch("xx")
        store.save()
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_debug_patterns_are_not_cached_and_a_full_cache_keeps_what_was_used(tmp_path, monkeypatch):
    path = tmp_path / "regex.marshal"
    store = PatternStore(path)
    store._remember(("a|b", re.DEBUG), re.compile("a|b"))
    assert ("a|b", re.DEBUG) not in store.records()
    for i in range(6):
        store.compile(f"x{i}")
    store.save()
    monkeypatch.setattr(lazyre, "MAX_RECORDS", 4)
    later = PatternStore(path)
    later.compile("x0")
    later.compile("y")
    later.save()
    assert set(lazyre.read_records(path)) == {("x0", 0), ("y", 0)}
    monkeypatch.setattr(lazyre, "MAX_RECORDS", 100)
    monkeypatch.setattr(lazyre, "MAX_CODE_BYTES", 1)  # too many bytes of code: the same pruning
    big = PatternStore(path)
    big.compile("z")
    big.save()
    assert set(lazyre.read_records(path)) == {("z", 0)}


def test_a_process_that_used_more_than_the_limit_keeps_only_the_first_it_used(tmp_path, monkeypatch):
    # A long-lived process (a server, a test run) may compile thousands of patterns; the file it
    # leaves is read by every later process, so it keeps the first used (those of the imports).
    path = tmp_path / "regex.marshal"
    monkeypatch.setattr(lazyre, "MAX_RECORDS", 3)
    store = PatternStore(path)
    for i in range(8):
        store.compile(f"p{i}")
    store.save()
    assert list(lazyre.read_records(path)) == [("p0", 0), ("p1", 0), ("p2", 0)]
    again = PatternStore(path)
    assert again.compile("p1").pattern == "p1" and ("p1", 0) in again._used


def test_saving_merges_what_another_process_wrote_meanwhile(tmp_path):
    path = tmp_path / "regex.marshal"
    a, b = PatternStore(path), PatternStore(path)
    a.compile("a+")
    b.compile("b+")
    a.save()
    b.save()
    assert set(lazyre.read_records(path)) == {("a+", 0), ("b+", 0)}


CHILD = """
import json, re, sys
calls = []
original = re._compiler.compile
re._compiler.compile = lambda p, flags=0: calls.append(1) or original(p, flags)
from orgwrite import check
findings = [f.to_dict() for f in check("关于2023年工作的报告\\n一、总体情况\\n我们 要增强 四个意识，，落实。\\n")]
from orgwrite import lazyre
store = lazyre.store()
report = {"compiled": len(calls), "via_store": len(store.patterns), "from_file": len(store._used) if not store._added else 0}
print(json.dumps(dict(report, findings=findings), ensure_ascii=False))
"""


def test_a_second_process_builds_its_patterns_from_the_cache_with_the_same_findings(tmp_path):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path), PYTHONPATH=str(ROOT))

    def run() -> dict:
        out = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, env=env, check=True, timeout=120)
        return json.loads(out.stdout)

    run()  # builds the lexicon cache too
    (cache,) = (tmp_path / "orgwrite").glob("regex-*.marshal")
    cache.unlink()
    first = run()
    assert cache.is_file()
    second = run()
    assert second["findings"] == first["findings"] and second["findings"]
    assert first["via_store"] > 30 and second["via_store"] == first["via_store"]
    assert second["from_file"] == second["via_store"]  # every pattern of the store came from the file
    assert second["compiled"] == first["compiled"] - first["via_store"]


def test_prune_keeps_the_files_of_a_kind_written_last_and_the_one_just_written(tmp_path):
    import os

    from orgwrite import lazyre

    made = []
    for k in range(6):
        path = tmp_path / f"jieba-0.42.1-{k}-v2.sqlite"
        path.write_bytes(b"x")
        os.utime(path, ns=(k * 10**9, k * 10**9))
        made.append(path)
    other = tmp_path / "lexicon-abc.pickle"
    other.write_bytes(b"y")
    busy = tmp_path / "jieba-0.42.1-0-v2.sqlite.77.tmp"
    busy.write_bytes(b"z")
    os.utime(made[1], ns=(10**12, 10**12))  # written last of all
    lazyre.prune(made[0], "jieba-*.sqlite")  # as if made[0] had just been written (an odd clock)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [made[0].name, made[1].name, made[5].name, made[4].name, other.name, busy.name]
    )


def test_prune_in_a_folder_it_cannot_change_leaves_it_as_it_is(tmp_path, monkeypatch):
    from pathlib import Path

    from orgwrite import lazyre

    for k in range(5):
        (tmp_path / f"events-{k}.pickle").write_bytes(b"x")

    def refuse(self, missing_ok=False):
        raise PermissionError(self)

    monkeypatch.setattr(Path, "unlink", refuse)
    lazyre.prune(tmp_path / "events-0.pickle", "events*.pickle")
    assert len(list(tmp_path.iterdir())) == 5


def test_a_check_that_fills_a_cache_folder_removes_the_files_other_installs_left(tmp_path):
    """The kinds of files a check writes once per install or lexicon: old ones of each kind are
    removed as a new one is written, down to a few (what a cache folder grew by before: 9 MB
    a jieba copy, 0.4 MB a compiled lexicon, per virtual environment or lexicon edit)."""
    import os
    import subprocess
    import sys

    cache = tmp_path / "cache" / "orgwrite"
    cache.mkdir(parents=True)
    kinds = {
        "jieba-0.42.1-{k}-1-v2.sqlite": 3,
        "lexicon-{k:032x}.pickle": 8,
        "lexstat-v17-{k:08x}": 16,
        "events-{k:08x}.pickle": 3,
        "names-spec-{k:08x}.marshal": 3,
        "numbers-toml-{k:08x}.marshal": 3,
    }
    for name in kinds:
        for k in range(20):
            old = cache / name.format(k=k)
            old.write_bytes(b"old")
            os.utime(old, ns=(10**9 * (k + 1), 10**9 * (k + 1)))
    text = tmp_path / "a.txt"
    text.write_text("一、总体要求\n抓好三个方面的的工作：一是学习，二是调研。\n", "utf-8")
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, "-m", "orgwrite", "check", "--fail-on", "never", str(text)],
        capture_output=True,
        cwd=root,
        env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")},
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    for name, keep in kinds.items():
        prefix = name.split("{")[0]
        left = [p for p in cache.iterdir() if p.name.startswith(prefix) and not p.name.endswith(".tmp")]
        new = [p for p in left if p.read_bytes() != b"old"]
        assert len(new) == 1, (prefix, [p.name for p in left])
        assert len(left) == keep, (prefix, len(left))
