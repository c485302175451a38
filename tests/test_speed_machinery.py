"""The machinery that makes checks fast must give exactly the answers of the slow way.

Speed itself is measured in bench/, never here; these tests pin down that the fast paths
(jieba's dictionary and HMM table read on demand, one automaton walk per document, near-miss lookups by
bisection) change no finding, and that the near-miss search does work proportional to the
anchors, not anchors × known spans.
"""

from __future__ import annotations

import os
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

from orgwrite.lexicon import emissions, load_lexicon, nearmiss, segment
from tests.conftest import every_occurrence

HERE = Path(__file__).resolve().parent
TEXTS = sorted((HERE / "samples").glob("*.txt")) + sorted((HERE / "corpus").glob("*.txt"))[:6]


def _windows(count: int = 400, size: int = 24) -> list[str]:
    out: list[str] = []
    for path in TEXTS:
        text = path.read_text("utf-8").replace("\n", "")
        out.extend(text[i : i + size] for i in range(0, len(text) - size, len(text) // 40 or 1))
    return out[:count]


def _printed_by_a_fresh_process(code: str, **env: str) -> list[str]:
    """The lines ``code`` prints, run by a new interpreter from the repository with ``env`` set."""
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=HERE.parent,
        env={**os.environ, **env},
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.splitlines()


@pytest.fixture
def fresh_tokenizers(monkeypatch, tmp_path):
    monkeypatch.setattr(segment, "_TOKENIZERS", {})
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path


def test_the_on_demand_dictionary_cuts_exactly_like_jiebas_full_dictionary(fresh_tokenizers):
    jieba = segment.import_jieba()
    full = jieba.Tokenizer()
    full_with_words = jieba.Tokenizer()
    words = ("四个意识", "以人民为中心", "全过程人民民主")
    for w in words:
        full_with_words.add_word(w, freq=2_000_000)
    lazy = segment.tokenizer()
    lazy_with_words = segment.tokenizer(words)
    assert isinstance(lazy.FREQ, segment.LazyFrequencies)
    assert list((fresh_tokenizers / "cache" / "orgwrite").glob("jieba-*.sqlite"))
    windows = _windows()
    assert len(windows) >= 300
    windows.append("增强四个意识，坚持以人民为中心，发展全过程人民民主")
    # Runs of one character, unknown words, Latin letters and digits: routes with equal scores.
    windows += ["的的的的的的", "啊啊啊啊", "丨丶丿乀乁", "GDP增长5.2%，CPI上涨0.2%", "一一一二二三", "杭研大厦"]
    # The tokenizer's own dictionary loops (get_DAG, calc) read the answers of the on-demand
    # dictionary directly; they must build jieba's DAG and route exactly.
    assert type(lazy).get_DAG is not jieba.Tokenizer.get_DAG
    for w in windows:
        for blk in jieba.re_han_default.split(w):
            if blk and jieba.re_han_default.match(blk):
                assert lazy.get_DAG(blk) == full.get_DAG(blk), blk
                route, expected = {}, {}
                lazy.calc(blk, lazy.get_DAG(blk), route)
                full.calc(blk, full.get_DAG(blk), expected)
                assert route == expected, blk
    for w in windows:
        assert lazy.lcut(w, HMM=False) == full.lcut(w, HMM=False), w
        assert list(lazy.tokenize(w)) == list(full.tokenize(w)), w
        assert lazy_with_words.lcut(w, HMM=False) == full_with_words.lcut(w, HMM=False), w
    assert lazy.total == full.total
    assert lazy_with_words.total == full_with_words.total
    # add_word's prefixes are read when first asked for; asked now, they answer as jieba's.
    for w in words:
        for p in (w[:i] for i in range(1, len(w) + 1)):
            assert (p in lazy_with_words.FREQ, lazy_with_words.FREQ.get(p)) == (
                p in full_with_words.FREQ,
                full_with_words.FREQ.get(p),
            ), p
    # Only the entries the windows needed were read, not the 580,000 of the prefix dictionary.
    assert 0 < len(lazy.FREQ) < 50_000


def test_an_unwritable_cache_folder_falls_back_to_the_full_dictionary(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setattr(segment, "_TOKENIZERS", {})
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    tok = segment.tokenizer()
    assert not isinstance(tok.FREQ, segment.LazyFrequencies)
    assert tok.lcut("为了了解情况", HMM=False) == ["为了", "了解", "情况"]
    assert segment.is_word("我们要增强四个意识。", 5, 9, ("四个意识",))
    assert not segment.is_word("我们要增强四个意识。", 4, 6, ("四个意识",))


def test_a_damaged_dictionary_copy_is_built_again(fresh_tokenizers):
    segment.tokenizer()
    (copy,) = (fresh_tokenizers / "cache" / "orgwrite").glob("jieba-*.sqlite")
    copy.write_bytes(b"not a database")
    segment._TOKENIZERS.clear()
    tok = segment.tokenizer()
    assert isinstance(tok.FREQ, segment.LazyFrequencies)
    assert tok.lcut("为了了解情况", HMM=False) == ["为了", "了解", "情况"]
    assert copy.read_bytes().startswith(b"SQLite format 3")


def test_a_copy_removed_during_a_run_falls_back_to_the_whole_dictionary(fresh_tokenizers):
    tok = segment.tokenizer(("四个意识",))
    assert tok.lcut("增强四个意识", HMM=False) == ["增强", "四个意识"]
    (copy,) = (fresh_tokenizers / "cache" / "orgwrite").glob("jieba-*.sqlite")
    copy.unlink()
    tok.FREQ._connection._pid = -1  # as in a new worker process: the next read opens the (missing) copy
    assert tok.lcut("为了了解情况，增强四个意识", HMM=False) == ["为了", "了解", "情况", "，", "增强", "四个意识"]
    assert tok.FREQ._complete and len(tok.FREQ) > 300_000
    assert tok.FREQ.get("四个意") == 0 and tok.FREQ["四个意识"] == 2_000_000  # add_word's entries stay


def test_jiebas_hmm_is_loaded_by_the_first_cut_that_uses_it(tmp_path):
    """A fresh process: importing jieba and cutting without the HMM leave ``jieba.finalseg`` (its
    HMM) unloaded; a cut with the HMM loads it, its emission table read on demand from the copy
    (``prob_emit`` is never imported), and joins the unknown word 杭研; an import of
    ``prob_emit`` by anyone after that gets jieba's own table."""
    code = (
        "import sys\n"
        "from orgwrite.lexicon import segment\n"
        "tok = segment.tokenizer()\n"
        "loaded = lambda: type(sys.modules['jieba.finalseg']).__name__ != '_LazyModule'\n"
        "table = lambda: 'jieba.finalseg.prob_emit' in sys.modules\n"
        "print(loaded(), '/'.join(tok.cut('他来到了网易杭研大厦', HMM=False)), loaded())\n"
        "print('/'.join(w for w, _, _ in tok.tokenize('他来到了网易杭研大厦')), loaded(), table())\n"
        "import jieba.finalseg\n"
        "print(sys.modules['jieba'].finalseg is jieba.finalseg, '/'.join(jieba.finalseg.cut('杭研')))\n"
        "print(type(jieba.finalseg.emit_P['B']).__name__)\n"
        "from jieba.finalseg.prob_emit import P\n"
        "print(type(P['B']).__name__, len(P['B']) > 6000)\n"
    )
    assert _printed_by_a_fresh_process(code, XDG_CACHE_HOME=str(tmp_path / "cache")) == [
        "False 他/来到/了/网易/杭/研/大厦 False",
        "他/来到/了/网易/杭研/大厦 True False",
        "True 杭研",
        "_StateEmissions",
        "dict True",
    ]


def test_without_a_writable_cache_folder_jieba_loads_its_own_dictionary_and_table(tmp_path):
    """The full dictionary is cached by jieba itself through ``tempfile``, which the import of
    jieba leaves unimported (a stand-in): the first use imports the real module, for jieba and
    for everyone after."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code = (
        "import sys\n"
        "from orgwrite.lexicon import segment\n"
        "jieba = segment.import_jieba()\n"
        "print('tempfile' in sys.modules)\n"
        "print('/'.join(w for w, _, _ in segment.tokenizer().tokenize('他来到了网易杭研大厦')))\n"
        "print(type(sys.modules['jieba.finalseg'].emit_P['B']).__name__, 'jieba.finalseg.prob_emit' in sys.modules)\n"
        "import os, tempfile\n"
        "print(tempfile.__file__.endswith('tempfile.py'), jieba.tempfile.mkstemp is tempfile.mkstemp)\n"
        "print(sorted(os.listdir(tempfile.gettempdir())))\n"
    )
    (tmp_path / "tmp").mkdir()
    assert _printed_by_a_fresh_process(code, XDG_CACHE_HOME=str(blocker), TMPDIR=str(tmp_path / "tmp")) == [
        "False",
        "他/来到/了/网易/杭研/大厦",
        "dict True",
        "True True",
        "['jieba.cache']",  # jieba's cache of its full dictionary, written through tempfile
    ]


def _jiebas_emissions():
    """jieba's emission table, run from its file here (not through the code under test)."""
    return runpy.run_path(emissions.table_file(segment.import_jieba()))["P"]


def test_jiebas_table_is_found_beside_finalseg_as_source_or_compiled_or_not_at_all(tmp_path):
    """An install with only compiled modules (``compileall -b``, the sources removed) still has
    the table, as ``prob_emit.pyc``; with neither file there is none to copy."""
    folder = tmp_path / "finalseg"
    folder.mkdir()
    assert emissions.table_in(str(folder)) is None
    (folder / "prob_emit.pyc").write_bytes(b"")
    assert emissions.table_in(str(folder)) == str(folder / "prob_emit.pyc")
    (folder / "prob_emit.py").write_text("P = {}\n")
    assert emissions.table_in(str(folder)) == str(folder / "prob_emit.py")


def test_without_jiebas_table_file_the_dictionary_is_still_read_from_the_copy(fresh_tokenizers, monkeypatch):
    """No table file to copy (a sourceless or zipped jieba) leaves the dictionary on demand, not
    jieba's full dictionary in every process; the HMM then loads jieba's own table."""
    monkeypatch.setattr(emissions, "table_file", lambda jieba: None)
    lazy = segment.tokenizer()
    assert isinstance(lazy.FREQ, segment.LazyFrequencies)
    assert "/".join(lazy.cut("他来到了网易杭研大厦")) == "他/来到/了/网易/杭研/大厦"


def test_the_on_demand_emission_table_cuts_exactly_like_jiebas_table(fresh_tokenizers, monkeypatch):
    jieba = segment.import_jieba()
    segment.load_hmm()
    finalseg = jieba.finalseg
    full = _jiebas_emissions()
    uri, _ = segment._open_copy(jieba)
    lazy = emissions.OnDemandEmissions(uri, emissions.table_file(jieba)).table
    # Every value of the table, and characters it lacks in some or all states, exactly.
    chars = [*sorted(set().union(*full.values())), "a", "1", "，", "𠀀", "\x00"]
    assert len(chars) > 14_000
    for state in "BMES":
        assert all(lazy[state].get(c, finalseg.MIN_FLOAT) == full[state].get(c, finalseg.MIN_FLOAT) for c in chars)
        assert [c for c in chars if lazy[state].get(c) is None] == [c for c in chars if c not in full[state]]
    # The HMM's route over many windows, with each table: the same states and score.
    fresh = emissions.OnDemandEmissions(uri, emissions.table_file(jieba)).table
    windows = [*_windows(), "杭研大厦", "丨丶丿乀乁", "的的的的", "鑫淼焱垚"]
    blocks = [b for w in windows for b in finalseg.re_han.split(w) if b and finalseg.re_han.match(b)]
    assert len(blocks) > 300
    for blk in blocks:
        expected = finalseg.viterbi(blk, "BMES", finalseg.start_P, finalseg.trans_P, full)
        assert finalseg.viterbi(blk, "BMES", finalseg.start_P, finalseg.trans_P, fresh) == expected, blk
    # Whole cuts with the HMM through the tokenizer, with jieba's table and with the copy's.
    tok = segment.tokenizer()
    monkeypatch.setattr(finalseg, "emit_P", full)
    expected = [tok.lcut(w) for w in windows]
    monkeypatch.setattr(finalseg, "emit_P", emissions.OnDemandEmissions(uri, emissions.table_file(jieba)).table)
    assert [tok.lcut(w) for w in windows] == expected
    assert expected != [tok.lcut(w, HMM=False) for w in windows]  # the HMM joined some characters


def test_an_emission_table_whose_copy_is_removed_during_a_run_loads_jiebas_table(fresh_tokenizers):
    jieba = segment.import_jieba()
    uri, _ = segment._open_copy(jieba)
    table = emissions.OnDemandEmissions(uri, emissions.table_file(jieba)).table
    full = _jiebas_emissions()
    assert table["B"].get("杭") == full["B"]["杭"]
    (copy,) = (fresh_tokenizers / "cache" / "orgwrite").glob("jieba-*.sqlite")
    copy.unlink()
    table["B"]._table._connection._pid = -1  # as in a new worker process: the next read opens the (missing) copy
    assert [table[s].get("研", -1.0) for s in "BMES"] == [full[s].get("研", -1.0) for s in "BMES"]
    assert [table[s].get("a", -1.0) for s in "BMES"] == [-1.0] * 4
    assert table["B"].get("杭") == full["B"]["杭"]


def test_one_walk_over_the_document_finds_every_occurrence_in_each_paragraph():
    lex = load_lexicon()
    paragraphs = [line for p in TEXTS for line in p.read_text("utf-8").splitlines()]
    # Mixed widths: ASCII, two-, three- and four-byte characters before and between hits.
    paragraphs += ["abc四个意识é四个自信😀两个维护", "😀😀“四个意识”", "plain ascii only", "四个意识"]
    assert len(paragraphs) > 200
    together = lex.scan_many(paragraphs)
    assert sum(map(len, together)) > 500
    for text, hits in zip(paragraphs, together, strict=True):
        assert hits == every_occurrence(lex, text), text
        assert lex.scan(text) == hits
    assert lex.scan_many([]) == []
    assert lex.scan_many(["", "四个意识", ""]) == [[], lex.scan("四个意识"), []]


def test_near_misses_read_through_the_lexicons_tables_as_through_every_hits_roles():
    """The lexicon passes the anchors' entries and the known formulation strings, worked out once;
    the reference search reads every hit's roles: the same near misses, paragraph by paragraph."""
    lex = load_lexicon()
    paragraphs = [line for p in TEXTS for line in p.read_text("utf-8").splitlines() if line]
    paragraphs += [
        "深入学习习近平新时代中国特色会主义思想，坚持以习近平新时代中国特色社会主义思想为指导。",
        "在以习近平同志为核心的中央坚强领导下，坚持以习近平新时代中国特别社会主义思想为指导。",
        "全面贯彻新时代党的建设总要求，全面从严治党永远在路上，以党的政治建设为统领。",
    ]
    found = 0
    for text in paragraphs:
        hits = lex.scan(text)
        fast = lex.near_misses(text, hits)
        assert fast == nearmiss.near_misses(lex.entries, text, hits), text
        found += len(fast)
    assert found >= 3


class _CountingList(list):
    """A list that counts how many of its items are read (bisection reads through __getitem__)."""

    reads = 0

    def __getitem__(self, i):
        _CountingList.reads += 1
        return super().__getitem__(i)


def _near_miss_work(monkeypatch, text: str) -> tuple[int, int]:
    lex = load_lexicon()
    original = nearmiss.KnownSpans.__init__

    def counting_init(self, spans):
        original(self, spans)
        self.starts = _CountingList(self.starts)
        self.reach = _CountingList(self.reach)

    monkeypatch.setattr(nearmiss.KnownSpans, "__init__", counting_init)
    _CountingList.reads = 0
    found = lex.near_misses(text, lex.scan(text))
    return len(found), _CountingList.reads


def test_near_miss_search_in_one_long_paragraph_reads_few_known_spans_per_anchor(monkeypatch):
    # A near miss (习近平新时代中国特色会主义思想), the canonical text and a known wrong
    # form, repeated in one paragraph: every repetition adds anchors and known spans.
    unit = (
        "深入学习习近平新时代中国特色会主义思想，坚持以习近平新时代中国特色社会主义思想为指导，"
        "全面贯彻新时代党的建设总要求，"
    )
    small_found, small_reads = _near_miss_work(monkeypatch, unit * 100)
    large_found, large_reads = _near_miss_work(monkeypatch, unit * 1600)
    assert small_found == 100 and large_found == 1600
    # 16 times the text: bisection costs log(spans) reads per anchor, so the reads grow by
    # well under 16 × (1 + log2(16) / log2(100)) ≈ 25 times; scanning every known span per
    # anchor would make it 256 times.
    assert small_reads > 0
    assert large_reads < 25 * small_reads


class _CountingPattern:
    """Wraps a compiled pattern and counts its calls (and the longest stretch it was asked to read)."""

    def __init__(self, pattern):
        self.pattern = pattern
        self.calls = 0
        self.widest = 0

    def match(self, text, *args):
        self.calls += 1
        self.widest = max(self.widest, len(text))
        return self.pattern.match(text, *args)

    def search(self, text, pos=0, endpos=None):
        self.calls += 1
        end = len(text) if endpos is None else endpos
        self.widest = max(self.widest, end - pos)
        return self.pattern.search(text, pos, end)


def _check_one_paragraph(text: str):
    from orgwrite.io.read_text import read_string
    from orgwrite.pipeline import check_document

    return check_document(read_string(text, "long.txt")).findings


def test_enumeration_lists_in_one_long_paragraph_are_anchored_in_linear_work(monkeypatch):
    from orgwrite.rules.enumerations import chains as enumerations

    # Each repetition holds a list anchored to its abbreviation and another abbreviation.
    unit = "增强“四个意识”，即政治意识、大局意识、核心意识、看齐意识，坚定“四个自信”。"
    counts = []
    for n in (50, 400):
        before = _CountingPattern(enumerations._ANCHOR_BEFORE_RE)
        monkeypatch.setattr(enumerations, "_ANCHOR_BEFORE_RE", before)
        findings = _check_one_paragraph(unit * n)
        counts.append(before.calls)
        monkeypatch.undo()
        assert not [f for f in findings if f.rule.startswith("E1")]
    # Eight times the text, eight times the anchor tests (all chains × all abbreviations: 64 times).
    assert 0 < counts[0] and counts[1] <= 8 * counts[0]


def test_a_list_before_a_stated_count_is_looked_for_in_a_bounded_stretch(monkeypatch):
    from orgwrite.rules.counts import items_before, quoted

    pattern = _CountingPattern(items_before._LAST_BOUNDARY_RE)
    monkeypatch.setattr(items_before, "_LAST_BOUNDARY_RE", pattern)
    quotations = []
    real_spans = quoted.quoted_spans

    def counting_spans(text):
        quotations.append(len(text))
        return real_spans(text)

    monkeypatch.setattr(quoted, "quoted_spans", counting_spans)
    unit = "抓好政治、思想、组织三个方面的工作，落实“三会一课”制度，"
    findings = _check_one_paragraph(unit * 300)
    # One search per count over at most the 80 characters a list can span, and the
    # quotations of the paragraph found once, not once per count.
    assert pattern.calls >= 300 and pattern.widest <= 80
    assert len(quotations) == 1
    assert not [f for f in findings if f.rule == "E201"]


def _folder_of_samples(root: Path, copies: int = 20) -> Path:
    """Copies of the samples, more than MIN_PARALLEL_BYTES together so that --jobs 2 forks."""
    root.mkdir()
    for k in range(copies):
        for p in sorted((HERE / "samples").glob("*.txt")):
            (root / f"{k}-{p.name}").write_text(p.read_text("utf-8"), "utf-8")
    return root


def test_two_workers_print_exactly_what_one_process_prints(cli, tmp_path):
    root = _folder_of_samples(tmp_path / "texts")
    one = cli("check", str(root), "--jobs", "1", "--fail-on", "never")
    two = cli("check", str(root), "--jobs", "2", "--fail-on", "never")
    assert one.returncode == two.returncode == 0
    body_one = one.stdout.decode().splitlines()[:-1]  # the last line says how long it took
    body_two = two.stdout.decode().splitlines()[:-1]
    assert body_one == body_two and len(body_one) > 50
    assert " │ " in "\n".join(body_two)  # the source excerpts came back from the workers


def test_a_few_small_files_are_checked_without_starting_workers(monkeypatch, tmp_path):
    from orgwrite import batch
    from orgwrite.config import Config

    root = tmp_path / "few"
    root.mkdir()
    for k in range(3):
        (root / f"{k}.txt").write_text("坚持以人民为中心的发展思想,推动高质量发展。\n", "utf-8")
    big = _folder_of_samples(tmp_path / "many")
    started = []
    from orgwrite import forked

    real_imap = forked.imap

    def counting_imap(func, items, jobs, *args, **kwargs):
        started.append(jobs)
        return real_imap(func, items, jobs, *args, **kwargs)

    monkeypatch.setattr(forked, "imap", counting_imap)
    config = Config()
    few = list(batch.check_many(sorted(str(p) for p in root.iterdir()), lambda p: config, jobs=2))
    assert started == [] and [len(o.result.findings) for o in few] == [1, 1, 1]
    many_paths = sorted(str(p) for p in big.iterdir())
    assert batch.worth_forking(many_paths)
    many = list(batch.check_many(many_paths, lambda p: config, jobs=2))
    assert started == [2] and len(many) == len(many_paths)


def test_two_workers_report_a_broken_user_lexicon_like_one_process(cli, tmp_path):
    root = _folder_of_samples(tmp_path / "texts")
    (tmp_path / "mine.toml").write_text('[[banned]]\nid = "B-x"\ntext = "某某"\n', "utf-8")
    (tmp_path / "orgwrite.toml").write_text('lexicon = ["mine.toml"]\n', "utf-8")
    one = cli("check", str(root), "--jobs", "1", cwd=tmp_path)
    two = cli("check", str(root), "--jobs", "2", cwd=tmp_path)
    assert one.returncode == two.returncode == 2
    assert one.stderr == two.stderr and "B-x" in one.stderr.decode()


def test_jiebas_patterns_come_from_the_pattern_cache_and_equal_fresh_compiles(tmp_path):
    """jieba's and its HMM's patterns, put in ``re``'s cache before they run, are the ones they
    use (so the list stays jieba's), each equal to a pattern compiled afresh."""
    code = (
        "import re, sys\n"
        "from re import _compiler\n"
        "from orgwrite import lazyre\n"
        "from orgwrite.lexicon import jieba_import, segment\n"
        "jieba = segment.import_jieba()\n"
        "segment.load_hmm()\n"
        "f = sys.modules['jieba.finalseg']\n"
        "used = [jieba.re_userdict, jieba.re_eng, jieba.re_han_default, jieba.re_skip_default, f.re_han, f.re_skip]\n"
        "ours = [lazyre.compile(p, fl) for p, fl in jieba_import.JIEBA_PATTERNS + jieba_import.FINALSEG_PATTERNS]\n"
        "print(all(a is b for a, b in zip(used, ours, strict=True)))\n"
        "print(all(a == _compiler.compile(a.pattern, a.flags) for a in used))\n"
    )
    for _ in range(2):  # the second time, the patterns are built from the cache file of the first
        assert _printed_by_a_fresh_process(code, XDG_CACHE_HOME=str(tmp_path / "cache")) == ["True", "True"]
