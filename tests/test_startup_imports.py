"""What a check does not import until it needs it gives exactly what the real module gives.

A check reads files, stamps them and imports jieba in every process; these tests pin down that
the modules put off (hashlib, tempfile) stay unimported by a check, and that whatever is used
through a stand-in behaves as the real module does.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from orgwrite.io.stamp import file_stamp, stamp_of
from orgwrite.lexicon import jieba_import

ROOT = Path(__file__).resolve().parent.parent


def _printed_by_a_fresh_process(code: str, tmp_path: Path) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")},
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.splitlines()


def test_a_stamp_holds_the_sha256_of_what_was_read(tmp_path):
    for data in (b"", b"abc", "党的二十大\n".encode() * 1000, bytes(range(256)) * 300):
        path = tmp_path / "f.txt"
        path.write_bytes(data)
        stamp = file_stamp(path)
        assert stamp is not None
        assert stamp.sha256 == hashlib.sha256(data).hexdigest()
        assert stamp == stamp_of(data, path.stat())


def test_stamps_take_openssl_once_a_process_has_hashed_a_megabyte(tmp_path):
    """The built-in SHA-256 is some six times slower than OpenSSL's (16 against 2.7 ms for
    5 MB here): worth it for a small check, which then never loads OpenSSL, not for many
    megabytes.  Either way the digest is hashlib's."""
    code = (
        "import sys, os\n"
        "from orgwrite.io.stamp import stamp_of\n"
        "st = os.stat('.')\n"
        "for size in (10, 500_000, 400_000, 200_000, 10):\n"
        "    stamp_of(b'x' * size, st)\n"
        "    print('hashlib' in sys.modules)\n"
    )
    if sys.implementation.name == "cpython":
        assert _printed_by_a_fresh_process(code, tmp_path) == ["False", "False", "False", "True", "True"]
    big = bytes(range(256)) * 8000
    assert stamp_of(big, os.stat(".")).sha256 == hashlib.sha256(big).hexdigest()


def test_a_check_imports_neither_hashlib_nor_tempfile_nor_pickle(tmp_path):
    """Once the cache folder holds what a check compiles (building it hashes the lexicon and
    pickles it): the compiled lexicon is read by the C module alone."""
    code = (
        "import sys\n"
        "from orgwrite.cli import main\n"
        "sys.argv = ['orgwrite', 'check', '--fail-on', 'never', 'examples/work-plan.txt']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exc:\n"
        "    print('exit', exc.code)\n"
        "print([m for m in ('hashlib', '_hashlib', 'tempfile', 'pickle', '_pickle') if m in sys.modules])\n"
    )
    _printed_by_a_fresh_process(code, tmp_path)  # the first one fills the cache folder
    lines = _printed_by_a_fresh_process(code, tmp_path)
    assert lines[-2:] == ["exit 0", "['_pickle']"]


def test_jiebas_md5_tempfile_and_pickle_are_the_real_ones_once_used(tmp_path):
    code = (
        "import sys\n"
        "from orgwrite.lexicon import segment\n"
        "jieba = segment.import_jieba()\n"
        "segment.load_hmm()\n"
        "print([m for m in ('hashlib', 'tempfile', 'pickle') if m in sys.modules])\n"
        "print('/'.join(segment.tokenizer().cut('他来到了网易杭研大厦')))\n"
        "print(jieba.md5(b'jieba').hexdigest())\n"
        "import hashlib, tempfile, pickle\n"
        "print(hashlib.__file__.endswith('hashlib.py'), type(hashlib.md5(b'')) is type(jieba.md5(b'')))\n"
        "print(jieba.tempfile is tempfile or jieba.tempfile.mkstemp is tempfile.mkstemp)\n"
        "print(jieba.finalseg.pickle is pickle or jieba.finalseg.pickle.load is pickle.load)\n"
    )
    assert _printed_by_a_fresh_process(code, tmp_path) == [
        "[]",
        "他/来到/了/网易/杭研/大厦",
        hashlib.md5(b"jieba").hexdigest(),
        "True True",
        "True",
        "True",
    ]


def test_a_stand_in_gives_the_real_module_and_its_attributes(monkeypatch):
    """Taken by ``import`` or ``from ... import``, a stand-in gives the real module's
    attributes and leaves ``sys.modules`` to the real module; a put-off function calls it."""
    import json

    monkeypatch.delitem(sys.modules, "json")
    stand_in = jieba_import._on_first_use("json", "loads")
    assert sys.modules["json"] is stand_in
    from json import loads

    assert sys.modules["json"] is stand_in  # binding the put-off function imports nothing
    assert loads("[1, 2]") == [1, 2]
    assert sys.modules["json"] is not stand_in
    stand_in = jieba_import._on_first_use("json")
    from json import dumps  # asked by name: the real one

    assert dumps is json.dumps or dumps.__module__ == "json"
    assert sys.modules.get("json") is not stand_in
    jieba_import._retire(stand_in)  # retiring it again leaves the real module alone
    assert sys.modules["json"].dumps([1]) == "[1]"


def test_the_collector_is_held_off_until_the_first_input_is_checked(tmp_path):
    """From :func:`orgwrite.cli.main` only: ``check`` lets the collector run from its second
    input on, and a forked worker from its first; other commands once imported; it runs again
    after every way out, and a run through click leaves it alone."""
    (tmp_path / "a.txt").write_text("一、总体要求\n抓好三个方面的的工作。\n", "utf-8")
    (tmp_path / "b.txt").write_text("二、主要任务\n", "utf-8")
    for name in ("big1.txt", "big2.txt", "big3.txt"):  # enough input for check to fork
        (tmp_path / name).write_text("各地区各部门要抓好落实，确保各项任务按期完成。\n" * 12_000, "utf-8")
    code = (
        "import gc, os, sys\n"
        "from orgwrite import pipeline\n"
        "from orgwrite.cli import cli, script as main\n"
        "seen = []\n"
        f"log = {str(tmp_path / 'log')!r}\n"
        "real = pipeline.check_document\n"
        "def check_document(*args, **kwargs):\n"
        "    seen.append(gc.isenabled())\n"
        "    with open(log, 'a') as fh:\n"
        "        fh.write(f'{os.getpid()} {gc.isenabled()}\\n')\n"
        "    return real(*args, **kwargs)\n"
        "pipeline.check_document = check_document\n"
        "def run(*args):\n"
        "    seen.clear()\n"
        "    sys.argv = ['orgwrite', *args]\n"
        "    try:\n"
        "        main()\n"
        "    except SystemExit as exc:\n"
        "        print('@', exc.code, seen, gc.isenabled())\n"
        f"os.chdir({str(tmp_path)!r})\n"
        "run('check', '--fail-on', 'never', '--jobs', '1', 'a.txt', 'b.txt')\n"
        "run('check', '--fail-on', 'never', '--jobs', '2', 'a.txt', 'b.txt')\n"
        "run('check', '--fail-on', 'never', 'a.txt')\n"
        "run('check', '--select', 'X999', 'a.txt')\n"
        "run('rules', 'P101')\n"
        "os.remove(log)\n"
        "sys.argv = ['orgwrite', 'check', '--fail-on', 'never', '--format', 'json', '--jobs', '2', 'big1.txt', 'big2.txt', 'big3.txt']\n"
        "seen.clear()\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exc:\n"
        "    print('@', exc.code, seen[:2], all(seen[2:]), gc.isenabled())\n"
        "print('@', sorted({line.split()[1] for line in open(log) if int(line.split()[0]) != os.getpid()}))\n"
        "print('@', gc.isenabled(), gc.get_freeze_count() > 10_000)\n"
        "gc.unfreeze()\n"
        "from click.testing import CliRunner\n"
        "seen.clear()\n"
        "gc.disable()\n"
        "CliRunner().invoke(cli, ['check', 'a.txt'])\n"
        "print('@', seen, gc.isenabled())\n"
    )
    printed = [line[2:] for line in _printed_by_a_fresh_process(code, tmp_path) if line.startswith("@ ")]
    assert printed == [
        "0 [False, True] True",
        "0 [False, True] True",
        "0 [False] True",
        "2 [] True",
        "0 [] True",
        "0 [False, True] True True",  # the warm-up with the collector held, then every input here
        "['True']",  # in the workers, from their first input on
        "True True",
        "[False] False",
    ]


def test_unpickle_is_picklesloads_with_or_without_the_c_module(monkeypatch):
    import pickle

    from orgwrite import lazyre

    data = pickle.dumps({"key": ("党的二十大", 1, frozenset({2}))}, pickle.HIGHEST_PROTOCOL)
    assert lazyre.unpickle(data) == pickle.loads(data)
    monkeypatch.setitem(sys.modules, "_pickle", None)  # import _pickle now fails
    assert lazyre.unpickle(data) == pickle.loads(data)


def test_a_program_that_calls_main_keeps_its_garbage_collectable(tmp_path):
    """Only the orgwrite command's own process holds the collector and freezes what start-up
    made; a program calling main() must find its own dropped cycles collected as before."""
    code = (
        "import gc, sys, weakref\n"
        "from orgwrite.cli import main\n"
        "class Node: pass\n"
        "a = Node(); a.me = a; gone = weakref.ref(a); del a\n"
        "for args in (['rules', 'P101'], ['check', '--fail-on', 'never', 'examples/work-plan.txt']):\n"
        "    sys.argv = ['orgwrite', *args]\n"
        "    try:\n"
        "        main()\n"
        "    except SystemExit:\n"
        "        pass\n"
        "gc.collect()\n"
        "print('@', gone() is None, gc.get_freeze_count(), gc.isenabled())\n"
    )
    printed = [line[2:] for line in _printed_by_a_fresh_process(code, tmp_path) if line.startswith("@ ")]
    assert printed == ["True 0 True"]


def test_no_stand_in_is_put_in_place_while_other_threads_run():
    """Another thread could import the module meanwhile and get the stand-in (or lose what it
    set on the real one), so with other threads alive jieba takes the real modules."""
    import threading

    name = "orgwrite_test_module_never_imported"
    with jieba_import.put_off({name: ()}):
        assert name in sys.modules  # alone: a stand-in
    assert name not in sys.modules
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        with jieba_import.put_off({name: ()}):
            assert name not in sys.modules
    finally:
        stop.set()
        other.join()
