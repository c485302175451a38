"""`--jobs N` writes the same bytes as one process, in every format; reports are built from
per-input parts (rendered where the input was checked) exactly as the standard encoder
would write the whole structure."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from orgwrite.model import Finding, FixSafety, Severity
from orgwrite.pipeline import CheckResult

HERE = Path(__file__).resolve().parent


def _mixed_folder(root: Path) -> Path:
    """More than MIN_PARALLEL_BYTES (so two jobs really fork) of real texts with findings,
    and the inputs a batch must survive: empty, undecodable, a dangling link, GB18030."""
    root.mkdir()
    texts = sorted((HERE / "samples").glob("*.txt")) + sorted((HERE / "corpus").glob("*.txt"))
    for k in range(4):
        for p in texts:
            (root / f"{k}-{p.name}").write_text(p.read_text("utf-8"), "utf-8")
    (root / "2-empty.txt").write_bytes(b"")
    (root / "2-undecodable.txt").write_bytes(b"\xff\xfe\x00\xd8\x00\x00bad")
    (root / "2-gone.txt").symlink_to(root / "no-such-file.txt")
    (root / "2-gbk.txt").write_bytes("一、总体要求\n坚持以人民为中心,推动高质量发展\n".encode("gb18030"))
    (root / "2-quotes.md").write_text('# 标题\n\n他说:"要抓好\\落实"。\t\n\n\n', "utf-8")
    return root


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    return _mixed_folder(tmp_path_factory.mktemp("jobs") / "mixed")


@pytest.mark.parametrize("fmt", ["json", "sarif", "github", "human"])
def test_two_jobs_write_the_bytes_one_job_writes(cli, mixed, fmt):
    from orgwrite import batch

    assert batch.worth_forking([str(p) for p in sorted(mixed.iterdir())])
    missing = str(mixed.parent / "missing.txt")
    runs = [cli("check", "--format", fmt, "--statistics", str(mixed), missing, "--jobs", j) for j in ("1", "2")]
    one, two = runs
    assert one.returncode == two.returncode == 2  # inputs that could not be read
    out_one, out_two = one.stdout, two.stdout
    if fmt == "human":  # the last line says how long the run took
        assert out_one.rsplit(b"\n", 2)[-2].endswith("秒。".encode()) and out_two.rsplit(b"\n", 2)[-2].endswith(
            "秒。".encode()
        )
        out_one, out_two = out_one.rsplit(b"\n", 2)[0], out_two.rsplit(b"\n", 2)[0]
    assert out_one == out_two and len(out_one) > 20_000
    assert one.stderr == two.stderr
    errors = one.stderr.decode()
    for name in ("2-undecodable.txt", "2-gone.txt", "missing.txt"):
        assert name in errors
    assert "合计" in (errors if fmt != "human" else one.stdout.decode())  # --statistics
    if fmt == "json":
        files = json.loads(out_two)["files"]
        names = [Path(f["path"]).name for f in files]
        assert names == sorted(names) and "2-empty.txt" in names and "2-gbk.txt" in names
        assert next(f for f in files if f["path"].endswith("2-empty.txt"))["findings"] == []
        assert sum(len(f["findings"]) for f in files) > 200


def test_two_jobs_style_a_terminal_report_as_one_job_does(mixed):
    import os
    import subprocess
    import sys

    env = dict(os.environ, PYTHONPATH=str(HERE.parent), FORCE_COLOR="1", COLUMNS="200")
    env.pop("NO_COLOR", None)
    runs = [
        subprocess.run(
            [sys.executable, "-m", "orgwrite", "check", str(mixed), "--jobs", j],
            capture_output=True,
            env=env,
            timeout=120,
        )
        for j in ("1", "2")
    ]
    bodies = [r.stdout.rsplit(b"\n", 2)[0] for r in runs]
    assert bodies[0] == bodies[1] and b"\x1b[" in bodies[0] and " │ ".encode() in bodies[0]
    assert runs[0].stderr == runs[1].stderr and runs[0].returncode == runs[1].returncode == 2


def test_two_jobs_give_the_exit_code_one_job_gives(cli, tmp_path):
    root = tmp_path / "texts"
    root.mkdir()
    from orgwrite import batch

    for k in range(20):
        for p in sorted((HERE / "samples").glob("*.txt")):
            (root / f"{k}-{p.name}").write_text(p.read_text("utf-8"), "utf-8")
    assert batch.worth_forking([str(p) for p in root.iterdir()])  # so two jobs really fork
    for fail_on, expected in (("warning", 1), ("never", 0)):
        codes = [
            cli("check", "--format", "json", "--fail-on", fail_on, str(root), "--jobs", j).returncode
            for j in ("1", "2")
        ]
        assert codes == [expected, expected]


def test_workers_send_back_report_parts_not_documents(tmp_path):
    from orgwrite import batch
    from orgwrite.config import Config
    from orgwrite.report import make_part

    root = _mixed_folder(tmp_path / "mixed")
    paths = sorted(str(p) for p in root.iterdir())
    config = Config()
    parts = list(batch.check_many(paths, lambda p: config, jobs=2, style="json"))
    alone = list(batch.check_many(paths, lambda p: config, jobs=1))
    assert [o.path for o in parts] == [o.path for o in alone]
    assert [o.error for o in parts] == [o.error for o in alone]
    checked = [(o, a) for o, a in zip(parts, alone, strict=True) if a.result is not None]
    assert len(checked) == len(paths) - 2
    for o, a in checked:
        assert o.result is None
        assert o.part.payload == make_part("json", a.result).payload
        assert sum(o.part.counts.values()) == len(a.result.findings)


# -- the report texts against the standard library's encoder --------------------------------


def _finding(rule="P101", severity=Severity.ERROR, message="用了半角逗号", line=1, replacement="，", **kw):
    return Finding(
        rule=rule,
        severity=severity,
        message=message,
        line=line,
        column=kw.get("column", 3),
        end_line=kw.get("end_line", line),
        end_column=kw.get("end_column", 4),
        replacement=replacement,
        fix_safety=FixSafety.SAFE if replacement is not None else None,
    )


def _tricky_results() -> list[CheckResult]:
    odd = 'a"b\\c\n\t\x00\x1f\u2028𠮷\ud800'
    return [
        CheckResult(path="<stdin>", findings=[]),
        CheckResult(
            path='dir/引号"与\\反斜杠.txt',
            findings=[
                _finding(),
                _finding("W101", Severity.WARNING, odd, line=2, replacement=odd),
                _finding("S102", Severity.INFO, "未识别到文稿标题", line=1, replacement=None),
                _finding("P110", Severity.WARNING, "缺少句末标点", line=12, replacement=""),
            ],
            as_of=date(2020, 5, 1),
            as_of_source="文首元数据",
        ),
        CheckResult(path="/abs/x.md", findings=[_finding(line=7)], as_of=date(2019, 1, 2), as_of_source=None),
        CheckResult(path="b.txt", findings=[_finding("P101", line=3)], as_of=None, as_of_source="ignored"),
    ]


def _reference_json(results) -> str:
    data = {
        "version": 1,
        "files": [
            {
                "path": r.path,
                "as_of": r.as_of.isoformat() if r.as_of else None,
                "as_of_source": r.as_of_source if r.as_of else None,
                "findings": [f.to_dict() for f in r.findings],
            }
            for r in results
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


class _Out:
    def __init__(self):
        self.chunks = []

    def write(self, text):
        self.chunks.append(text)

    def isatty(self):
        return False

    @property
    def text(self):
        return "".join(self.chunks)


@pytest.mark.parametrize("count", [0, 1, 4])
def test_json_report_is_what_the_standard_encoder_writes(count):
    from orgwrite.report import render

    results = _tricky_results()[:count]
    out = _Out()
    render("json", results, out)
    assert out.text == _reference_json(results)
    assert json.loads(out.text.replace("\ud800", "?"))["version"] == 1


@pytest.mark.parametrize("count", [0, 1, 4])
def test_sarif_log_is_what_the_standard_encoder_writes(count):
    from orgwrite import __version__
    from orgwrite.report import render
    from orgwrite.report.sarif import _LEVEL, _uri
    from orgwrite.rules.base import all_rules

    results = _tricky_results()[:count]
    out = _Out()
    render("sarif", results, out)
    rules = all_rules()
    used = sorted({f.rule for r in results for f in r.findings})
    items = []
    for r in results:
        for f in r.findings:
            region = {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column}
            item = {
                "ruleId": f.rule,
                "ruleIndex": used.index(f.rule),
                "level": _LEVEL[f.severity.value],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(r.path)}, "region": region}}],
            }
            if f.replacement is not None:
                change = {"deletedRegion": region, "insertedContent": {"text": f.replacement}}
                item["fixes"] = [
                    {
                        "description": {"text": f"改为“{f.replacement}”"},
                        "artifactChanges": [{"artifactLocation": {"uri": _uri(r.path)}, "replacements": [change]}],
                    }
                ]
            items.append(item)
    driver_rules = [
        {
            "id": code,
            "name": rules[code].name,
            "shortDescription": {"text": rules[code].summary},
            "fullDescription": {"text": rules[code].doc or rules[code].summary},
            "help": {"text": f"{rules[code].summary}\n\n{rules[code].doc}".strip()},
            "defaultConfiguration": {"level": _LEVEL[rules[code].severity.value]},
        }
        for code in used
    ]
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "orgwrite", "version": __version__, "rules": driver_rules}},
                "columnKind": "unicodeCodePoints",
                "results": items,
            }
        ],
    }
    assert out.text == json.dumps(log, ensure_ascii=False, indent=2) + "\n"
    if count == 4:
        assert [i["ruleIndex"] for i in json.loads(out.text.replace("\ud800", "?"))["runs"][0]["results"]] == [
            0,
            3,
            2,
            1,
            0,
            0,
        ]
