"""Many inputs, parallel runs, fix mode, diff mode, init and robustness."""

from __future__ import annotations

import hashlib
import json
import os

from hypothesis import given, settings
from hypothesis import strategies as st

from orgwrite.config import Config
from orgwrite.fix import fix_source
from tests.conftest import SAMPLES, findings_json, sample

DEFECTS = "好干部是“”出来的,也是干出来的。\n研究制定2018-2022年培训规划，，推动落实。\n"


def _tree(tmp_path, n: int = 200):
    texts = [p.read_text("utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    for i in range(n):
        sub = tmp_path / f"d{i % 7}"
        sub.mkdir(exist_ok=True)
        (sub / f"f{i:03d}.txt").write_text(texts[i % len(texts)][: 500 + 37 * i], "utf-8")
    return tmp_path


def test_jobs_two_gives_the_same_json_as_jobs_one(cli, tmp_path):
    root = _tree(tmp_path)
    one = cli("check", str(root), "--jobs", "1", "--format", "json")
    two = cli("check", str(root), "--jobs", "2", "--format", "json")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    paths = [f["path"] for f in json.loads(one.stdout)["files"]]
    assert len(paths) == 200 and paths == sorted(paths)


def test_no_progress_bar_when_not_a_terminal(cli, tmp_path):
    root = _tree(tmp_path, 30)
    r = cli("check", str(root), "--fail-on", "never")
    assert "检查中" not in r.stderr.decode()


def test_exclude_and_glob(cli, tmp_path):
    root = _tree(tmp_path, 21)
    r = cli("check", str(root), "--exclude", "d1", "--exclude", "f002.txt", "--format", "json")
    paths = [f["path"] for f in json.loads(r.stdout)["files"]]
    assert not any("/d1/" in p or p.endswith("f002.txt") for p in paths)
    assert len(paths) == 21 - 3 - 1
    r = cli("check", str(root / "**" / "f00*.txt"), "--format", "json")
    assert len(json.loads(r.stdout)["files"]) == 10


def test_directory_with_bad_files_reports_each_and_goes_on(cli, tmp_path):
    (tmp_path / "good.txt").write_text(DEFECTS, "utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe\xfa\x81\x30" * 10 + b"\x80")
    os.symlink(tmp_path, tmp_path / "loop")
    r = cli("check", str(tmp_path), "--format", "json")
    assert r.returncode == 2
    data = json.loads(r.stdout)
    assert [os.path.basename(f["path"]) for f in data["files"]] == ["good.txt"]
    err = r.stderr.decode().strip().splitlines()
    assert len(err) == 2 and all("orgwrite：" in line for line in err)


def test_fix_in_place_keeps_encoding_bom_and_line_ends(cli, tmp_path):
    f = tmp_path / "gb.txt"
    f.write_bytes(DEFECTS.replace("\n", "\r\n").encode("gb18030"))
    r = cli("check", str(f), "--fix", "--format", "json")
    data = f.read_bytes()
    text = data.decode("gb18030")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    assert "好干部是“”出来的，也是干出来的。" in text
    assert "2018—2022年培训规划，推动落实。" in text
    # What is left is what no safe fix can mend: the lost content of the empty quotes.
    assert [f["rule"] for f in findings_json(r.stdout)] == ["P103"]
    again = cli("check", str(f), "--fix", "--format", "json")
    assert f.read_bytes() == data
    assert [f["rule"] for f in findings_json(again.stdout)] == ["P103"]


def test_fix_keeps_utf8_bom(cli, tmp_path):
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbf" + DEFECTS.encode())
    cli("check", str(f), "--fix")
    assert f.read_bytes().startswith(b"\xef\xbb\xbf\xe5\xa5\xbd")


def test_diff_writes_nothing(cli, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(DEFECTS, "utf-8")
    before = hashlib.sha256(f.read_bytes()).hexdigest()
    r = cli("check", str(f), "--diff")
    assert r.returncode == 1
    out = r.stdout.decode()
    assert "-研究制定2018-2022年培训规划，，推动落实。" in out
    assert "+研究制定2018—2022年培训规划，推动落实。" in out
    assert hashlib.sha256(f.read_bytes()).hexdigest() == before


def test_unsafe_fixes_only_when_asked(cli, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("推进组织工作信息化。进一步做好各方面工作\n", "utf-8")
    cli("check", str(f), "--fix")
    assert f.read_text("utf-8").endswith("工作\n")
    cli("check", str(f), "--fix", "--unsafe-fixes")
    assert f.read_text("utf-8").endswith("工作。\n")


def test_fix_from_stdin_writes_the_fixed_text_and_reports_the_rest_on_stderr(cli):
    r = cli("check", "-", "--fix", input=DEFECTS.encode())
    assert r.stdout.decode() == "好干部是“”出来的，也是干出来的。\n研究制定2018—2022年培训规划，推动落实。\n"
    # The empty quotes cannot be fixed: said on stderr, with the exit code a file would give.
    err = r.stderr.decode()
    assert "<stdin>:1:5: P103" in err and "发现 1 个问题" in err
    assert r.returncode == 1
    assert cli("check", "-", "--fix", "--fail-on", "never", input=DEFECTS.encode()).returncode == 0
    clean = cli("check", "-", "--fix", input="好。\n".encode())
    assert clean.returncode == 0 and clean.stdout.decode() == "好。\n"


def test_fix_from_stdin_with_a_file_name_never_writes_that_file(cli, tmp_path):
    (tmp_path / "稿子.txt").write_text("原来的文件。\n", "utf-8")
    r = cli("check", "-", "--fix", "--stdin-filename", "稿子.txt", input=DEFECTS.encode(), cwd=tmp_path)
    assert r.stdout.decode().startswith("好干部是“”出来的，")
    assert "稿子.txt:1:5: P103" in r.stderr.decode()
    assert (tmp_path / "稿子.txt").read_text("utf-8") == "原来的文件。\n"


def test_when_every_input_fails_nothing_is_reported_as_clean(cli, tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "b.txt").write_bytes(b"\x00\x02binary")
    r = cli("check", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert r.returncode == 2
    assert "未发现问题" not in r.stdout.decode() + r.stderr.decode()
    assert "检查了 0 个文件" not in r.stdout.decode()
    assert (
        r.stderr.decode().strip().splitlines()[-1]
        == "orgwrite：没有一个文件能够检查（2 个输入均无法读取或处理，见上方说明）"
    )
    one = cli("check", str(tmp_path / "a.txt"))
    assert one.returncode == 2 and one.stdout == b"" and len(one.stderr.decode().strip().splitlines()) == 1


def test_piping_into_head_with_fail_on_never_exits_0(tmp_path):
    import subprocess
    import sys

    from tests.conftest import ROOT

    root = _tree(tmp_path, 30)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for fail_on, code in (("never", 0), ("warning", 1)):
        cmd = f"{sys.executable} -m orgwrite check {root} --jobs 1 --fail-on {fail_on} | head -n 1; exit ${{PIPESTATUS[0]}}"
        r = subprocess.run(["bash", "-c", cmd], capture_output=True, cwd=ROOT, env=env)
        assert r.returncode == code, (fail_on, r.stderr)
        assert len(r.stdout.splitlines()) == 1 and b"Traceback" not in r.stderr


def test_init_writes_a_valid_config_and_refuses_to_overwrite(cli, tmp_path):
    assert cli("init", cwd=tmp_path).returncode == 0
    cfg = tmp_path / "orgwrite.toml"
    first = cfg.read_text("utf-8")
    assert "fail-on" in first
    cfg.write_text("# mine\n", "utf-8")
    r = cli("init", cwd=tmp_path)
    assert r.returncode == 2 and cfg.read_text("utf-8") == "# mine\n"
    f = tmp_path / "t.txt"
    f.write_text("好。\n", "utf-8")
    assert cli("init", "--force", cwd=tmp_path).returncode == 0
    assert cli("check", str(f), cwd=tmp_path).returncode == 0


def test_broken_pipe_ends_quietly(tmp_path):
    import subprocess
    import sys

    from tests.conftest import ROOT

    root = _tree(tmp_path, 40)
    cmd = f"{sys.executable} -m orgwrite check {root} | head -n 1"
    r = subprocess.run(cmd, shell=True, capture_output=True, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert b"Traceback" not in r.stderr and b"BrokenPipe" not in r.stderr


def test_python_dash_m_and_version(cli):
    r = cli("--version")
    assert r.returncode == 0 and r.stdout.startswith(b"orgwrite ")


_ALPHABET = "，。、；：“”‘’（）《》——……,.:;()-~ 一二三1.2党的工作年月\n\u3000\u200b"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=160))
def test_fix_is_idempotent_and_touches_only_fixed_spans(text):
    once, _applied = fix_source(text, "t.txt", "txt", Config(), unsafe=False)
    twice, applied_again = fix_source(once, "t.txt", "txt", Config(), unsafe=False)
    assert twice == once and applied_again == 0
    # Characters outside the fixed spans are unchanged: the text without the marks that
    # fixes touch reads the same before and after.
    touched = set(",.:;()?!-~，。、；：？！（）…—―－ \u3000\u200b\u200c\u200d")
    strip = lambda s: "".join(c for c in s if c not in touched)  # noqa: E731
    assert strip(once) == strip(text)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=120))
def test_gb18030_crlf_stays_gb18030_crlf(tmp_path_factory, text):
    from orgwrite.fix import encode_like
    from orgwrite.io.read_text import read_bytes

    crlf = text.replace("\n", "\r\n")
    doc = read_bytes(crlf.encode("gb18030"), "x.txt")
    assert doc.source.encoding in ("gb18030", "utf-8")
    fixed, _ = fix_source(doc.text, "x.txt", "txt", Config())
    data = encode_like(fixed, doc.source.encoding, doc.source.bom)
    back = data.decode(doc.source.encoding)
    assert back.count("\r\n") == crlf.count("\r\n")


def test_sample_fix_leaves_only_unfixable_findings():
    text = sample("004").read_text("utf-8")
    fixed, applied = fix_source(text, "004.txt", "txt", Config())
    assert applied > 0
    from orgwrite import check

    rules = {f.rule for f in check(fixed)}
    assert "P101" not in rules and "P103" in rules


def test_a_file_over_the_size_limit_is_refused_and_the_run_goes_on(cli, tmp_path):
    from orgwrite.batch import MAX_INPUT_BYTES

    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(MAX_INPUT_BYTES + 1)  # sparse: costs no disk
    good = tmp_path / "good.txt"
    good.write_text(DEFECTS, "utf-8")
    r = cli("check", str(big), str(good), "--format", "json")
    assert r.returncode == 2
    err = r.stderr.decode()
    assert "big.txt" in err and "上限" in err and len(err.strip().splitlines()) == 1
    assert [os.path.basename(f["path"]) for f in json.loads(r.stdout)["files"]] == ["good.txt"]


def test_ctrl_c_ends_with_130_and_no_traceback(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    from tests.conftest import ROOT

    root = _tree(tmp_path, 200)
    proc = subprocess.Popen(
        [sys.executable, "-m", "orgwrite", "check", str(root), "--jobs", "1", "--fix"],
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    time.sleep(1.5)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert b"Traceback" not in err
    leftovers = [p for p in root.rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []


def test_progress_bar_on_a_terminal(tmp_path):
    """Under a pseudo-terminal (util-linux ``script``) a long run shows the progress bar on stderr."""
    import shutil
    import subprocess
    import sys

    import pytest

    from tests.conftest import ROOT

    if not shutil.which("script"):
        pytest.skip("the script command (util-linux) is not available to provide a terminal")
    root = _tree(tmp_path, 40)
    typescript = tmp_path / "typescript"
    inner = f"{sys.executable} -m orgwrite check {root} --jobs 1 --fail-on never > {tmp_path / 'out.txt'}"
    subprocess.run(
        ["script", "-q", "-c", inner, str(typescript)],
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        capture_output=True,
        timeout=300,
    )
    assert "检查中" in typescript.read_text("utf-8", errors="replace")
    assert "检查中" not in (tmp_path / "out.txt").read_text("utf-8")
