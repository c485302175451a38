"""The command line as a user and a CI gate see it: formats, exit codes, errors."""

from __future__ import annotations

import json

import jsonschema
import pytest

from tests.conftest import ROOT, findings_json, sample

SAMPLE_004 = str(sample("004"))


def test_json_contract_exact_shape(cli):
    r = cli("check", SAMPLE_004, "--format", "json")
    assert r.returncode == 1
    data = json.loads(r.stdout)
    assert set(data) == {"version", "files"}
    (file,) = data["files"]
    assert set(file) == {"path", "as_of", "as_of_source", "findings"}
    assert file["path"] == SAMPLE_004
    assert file["as_of"] == "2015-01-16" and file["as_of_source"] == "发布时间（第3行）"
    for f in file["findings"]:
        assert set(f) == {"rule", "severity", "line", "column", "end_line", "end_column", "message", "replacement"}
        assert f["severity"] in ("error", "warning", "info")
        assert f["line"] >= 1 and f["column"] >= 1 and f["end_column"] >= f["column"]
    empties = [(f["line"], f["column"]) for f in file["findings"] if f["rule"] == "P103"]
    assert empties == [(10, 167), (10, 194), (21, 13), (21, 21)]
    assert [(f["line"], f["column"]) for f in file["findings"] if f["rule"] == "P102"] == [(15, 23)]


def test_exit_codes_follow_fail_on(cli, tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("全省组织工作综述\n一年来，全省组织工作取得新成效。\n", "utf-8")
    assert cli("check", str(clean)).returncode == 0
    info_only = tmp_path / "info.txt"
    info_only.write_text("全省组织工作综述\n一年来，工作取得新成效。\n京ICP备12024993号-1\n", "utf-8")
    assert cli("check", str(info_only)).returncode == 0
    assert cli("check", str(info_only), "--fail-on", "info").returncode == 1
    assert cli("check", SAMPLE_004, "--fail-on", "never").returncode == 0
    assert cli("check", SAMPLE_004, "--fail-on", "error").returncode == 1


def test_missing_binary_and_directory_inputs_exit_2_with_one_chinese_line(cli, tmp_path):
    binary = tmp_path / "a.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    for path in (str(binary), str(tmp_path / "nope.txt"), str(tmp_path)):
        r = cli("check", path)
        assert r.returncode == 2
        err = r.stderr.decode("utf-8").strip()
        assert len(err.splitlines()) == 1, err
        assert "Traceback" not in err and path in err
        assert any("\u4e00" <= ch <= "\u9fff" for ch in err)


def test_bad_file_among_good_ones_still_reports_the_good(cli, tmp_path):
    r = cli("check", SAMPLE_004, str(tmp_path / "nope.txt"), "--format", "json")
    assert r.returncode == 2
    assert findings_json(r.stdout)


def test_gb18030_copy_gives_the_same_findings(cli, tmp_path):
    gb = tmp_path / "gb.txt"
    gb.write_bytes(sample("004").read_text("utf-8").encode("gb18030"))
    utf = findings_json(cli("check", SAMPLE_004, "--format", "json").stdout)
    other = findings_json(cli("check", str(gb), "--format", "json").stdout)
    assert utf == other


def test_bom_and_crlf_do_not_shift_columns(cli, tmp_path):
    text = sample("003").read_text("utf-8")
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert findings_json(cli("check", str(f), "--format", "json").stdout) == findings_json(
        cli("check", str(sample("003")), "--format", "json").stdout
    )


def test_stdin(cli):
    r = cli("check", "-", "--format", "json", "--stdin-filename", "稿子.txt", input="好干部是“”出来的。\n".encode())
    data = json.loads(r.stdout)
    assert data["files"][0]["path"] == "稿子.txt"
    assert [(f["rule"], f["column"]) for f in data["files"][0]["findings"]] == [("P103", 5)]


def test_sarif_shape(cli):
    r = cli("check", str(sample("003")), "--format", "sarif")
    sarif = json.loads(r.stdout)
    schema = {
        "type": "object",
        "required": ["version", "runs"],
        "properties": {
            "version": {"const": "2.1.0"},
            "runs": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["tool", "results"],
                    "properties": {
                        "tool": {"type": "object", "required": ["driver"]},
                        "results": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["ruleId", "message", "locations", "level"],
                                "properties": {"level": {"enum": ["error", "warning", "note", "none"]}},
                            },
                        },
                    },
                },
            },
        },
    }
    jsonschema.validate(sarif, schema)
    results = sarif["runs"][0]["results"]
    rule_ids = [rule["id"] for rule in sarif["runs"][0]["tool"]["driver"]["rules"]]
    hyphen = next(r for r in results if r["ruleId"] == "P108")
    assert rule_ids[hyphen["ruleIndex"]] == "P108"
    region = hyphen["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (14, 173, 183)
    assert hyphen["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "2018—2022年"


def test_github_annotations(cli):
    out = cli("check", str(sample("003")), "--format", "github").stdout.decode()
    assert "::error file=" in out and "line=14,col=173,endLine=14,endColumn=183,title=P108::" in out
    assert "::warning " in out


def test_human_output_points_at_the_span(cli):
    out = cli("check", str(sample("003")), "--select", "P108").stdout.decode()
    lines = out.splitlines()
    i = next(i for i, line in enumerate(lines) if ":14:173:" in line)
    source, carets = lines[i + 1], lines[i + 2]
    # Carets start under the first character of the span, by display width.
    from rich.cells import cell_len

    col = cell_len(source[: source.index("2018-2022年")])
    assert carets.index("^") == col
    assert carets.count("^") == cell_len("2018-2022年")
    assert "建议改为：2018—2022年" in out


def test_human_output_caps_a_rule_at_ten_per_file(cli):
    out = cli("check", str(sample("003"))).stdout.decode()
    assert "P101 另有" in out


def test_statistics(cli):
    out = cli("check", str(sample("003")), "--statistics", "--ignore", "P101").stdout.decode()
    assert "P108" in out and "合计" in out


@pytest.mark.parametrize(
    "args",
    [("--select", "Z999"), ("--ignore", "P9"), ("--fail-on", "sometimes"), ("--as-of", "2024-13-01")],
)
def test_bad_options_exit_2(cli, args):
    r = cli("check", SAMPLE_004, *args)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr.decode()


def test_config_file_found_upward_and_overridden(cli, tmp_path):
    (tmp_path / "orgwrite.toml").write_text('ignore = ["P103"]\n[severity]\nP102 = "info"\n', "utf-8")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    f = sub / "t.txt"
    f.write_text("好干部是“”出来的。\n他说好。”\n", "utf-8")
    found = findings_json(cli("check", str(f), "--format", "json").stdout)
    assert [(x["rule"], x["severity"]) for x in found] == [("P102", "info")]
    found = findings_json(cli("check", str(f), "--format", "json", "--select", "P103").stdout)
    assert [x["rule"] for x in found] == ["P103"]


def test_pyproject_tool_section(cli, tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.orgwrite]\nselect = ["P103"]\n', "utf-8")
    f = tmp_path / "t.txt"
    f.write_text("好干部是“”出来的。\n他说好。”\n", "utf-8")
    assert [x["rule"] for x in findings_json(cli("check", str(f), "--format", "json").stdout)] == ["P103"]


@pytest.mark.parametrize(
    "content",
    ['select = ["X1"]\n', 'colour = "red"\n', '[severity]\nP101 = "fatal"\n', "select = [\n"],
)
def test_bad_config_exit_2(cli, tmp_path, content):
    (tmp_path / "orgwrite.toml").write_text(content, "utf-8")
    f = tmp_path / "t.txt"
    f.write_text("好。\n", "utf-8")
    r = cli("check", str(f))
    assert r.returncode == 2
    err = r.stderr.decode()
    assert "orgwrite.toml" in err and "Traceback" not in err


def test_rules_listing_and_detail(cli):
    out = cli("rules").stdout.decode()
    for code in ("P101", "P103", "P108", "S101", "S103"):
        assert code in out
    detail = cli("rules", "P103")
    assert detail.returncode == 0
    text = detail.stdout.decode()
    assert "错误示例" in text and "正确示例" in text
    assert cli("rules", "Q000").returncode == 2


def test_help_and_version(cli):
    assert cli("--help").returncode == 0
    r = cli("--version")
    assert r.returncode == 0 and b"orgwrite" in r.stdout


def test_bundled_example_has_its_known_defects(cli):
    found = findings_json(cli("check", str(ROOT / "examples" / "work-plan.txt"), "--format", "json").stdout)
    assert {f["rule"] for f in found} >= {"P103", "P105", "P108", "P110"}


def test_what_is_left_at_exit_is_frozen_after_the_exit_handlers_of_the_run(tmp_path):
    """A check ends with the survivors frozen (so the interpreter's last collections skip
    them) only after the exit handlers registered during the run have done their work (the
    compiled-pattern cache is written to an empty cache folder), with its exit code and
    report as they were."""
    import os
    import subprocess
    import sys

    script = tmp_path / "run.py"
    script.write_text(
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print('frozen:', gc.get_freeze_count() > 0, file=sys.stderr))\n"
        "from orgwrite.cli import main\n"
        f"sys.argv = ['orgwrite', 'check', {SAMPLE_004!r}, '--format', 'json']\n"
        "main()\n",
        "utf-8",
    )
    cache = tmp_path / "cache"
    env = dict(os.environ, XDG_CACHE_HOME=str(cache), PYTHONPATH=str(ROOT))
    r = subprocess.run([sys.executable, str(script)], capture_output=True, cwd=ROOT, env=env, timeout=120)
    assert r.returncode == 1
    assert json.loads(r.stdout)["files"][0]["findings"]
    assert r.stderr.decode().splitlines() == ["frozen: True"]
    assert list((cache / "orgwrite").glob("regex-*.marshal"))
