"""Issue: what a user reads from the command line is Chinese, whole, and completes.

Click's own words (usage, option help, errors) are translated whatever the locale; a piped
``orgwrite rules`` prints every description whole; completion offers rule codes, genres and
lexicon ids.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

ENGLISH = ("Show this message", "Usage:", "Options:", "Error:", "Try '", "Missing argument", "No such option")


def _english_in(text: str) -> list[str]:
    return [w for w in ENGLISH if w in text]


@pytest.mark.parametrize("command", ["check", "export", "fix", "rules", "draft", "new", "templates", "lexicon"])
def test_subcommand_help_is_chinese(cli, command):
    r = cli(command, "--help")
    out = r.stdout.decode("utf-8")
    assert r.returncode == 0
    assert _english_in(out) == []
    assert out.startswith("用法：orgwrite ")
    assert "选项：" in out and "显示帮助并退出" in out


def test_usage_errors_are_chinese_and_exit_2(cli):
    r = cli("check", "--bogus", "a.txt")
    err = r.stderr.decode("utf-8")
    assert r.returncode == 2
    assert _english_in(err) == []
    assert "错误：没有选项 '--bogus'" in err
    assert "用“orgwrite check --help”查看帮助。" in err
    r = cli("check", "--format", "xml", "a.txt")
    assert r.returncode == 2
    assert "'--format' 的值无效：'xml' 不是可选值" in r.stderr.decode("utf-8")
    r = cli("check")
    assert r.returncode == 2
    assert "错误：缺少参数 'PATHS...'" in r.stderr.decode("utf-8")
    r = cli("chek")
    assert "错误：没有命令 'chek'。" in r.stderr.decode("utf-8")


def test_english_locale_still_gets_chinese(cli):
    env = dict(os.environ, PYTHONPATH=str(ROOT), LANG="en_US.UTF-8", LC_ALL="en_US.UTF-8", LANGUAGE="en")
    r = subprocess.run([sys.executable, "-m", "orgwrite", "fix", "--help"], capture_output=True, env=env)
    assert "显示帮助并退出" in r.stdout.decode("utf-8")


def test_option_column_aligns_under_chinese_metavars(cli):
    lines = cli("check", "--help").stdout.decode("utf-8").splitlines()
    jobs = next(line for line in lines if "--jobs" in line)
    stats = next(line for line in lines if line.startswith("  --statistics"))
    from orgwrite.clizh import display_width

    # The help text starts in the same terminal column on both lines.
    assert display_width(jobs[: jobs.index("并行")]) == display_width(stats[: stats.index("按规则")])


def test_rules_piped_prints_every_description_whole(cli):
    from orgwrite.rules.base import all_rules

    out = cli("rules").stdout.decode("utf-8")
    rows = [line.split("\t") for line in out.splitlines()]
    registry = all_rules()
    assert [r[0] for r in rows] == list(registry)
    for code, name, severity, fix, summary in rows:
        assert fix == (registry[code].fix.value if registry[code].fix else "-")
        rule = registry[code]
        assert (
            summary.removesuffix("（默认不启用）") == rule.summary
            and name == rule.name
            and severity == rule.severity.value
        )


def _complete(words: str) -> list[str]:
    parts = words.split(" ")
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        _ORGWRITE_COMPLETE="bash_complete",
        COMP_WORDS=words,
        COMP_CWORD=str(len(parts) - 1),
    )
    script = "from orgwrite.cli import cli; cli(prog_name='orgwrite')"
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, env=env, timeout=60)
    return [line.split(",", 1)[1] for line in r.stdout.decode("utf-8").splitlines() if line]


def test_completion_of_rule_codes_genres_and_lexicon_ids():
    assert {"P110", "P111", "P112", "P113"} <= set(_complete("orgwrite rules P11"))
    assert all(c.startswith("P11") for c in _complete("orgwrite rules P11"))
    assert "P103" in _complete("orgwrite rules p10")
    assert _complete("orgwrite new 领") == ["领导讲话"]
    assert "lingdao-jianghua" in _complete("orgwrite templates show ling")
    assert "E-four-consciousness" in _complete("orgwrite lexicon show E-four")
    assert {"P101", "P102"} <= set(_complete("orgwrite check --select P10"))
    assert "P101,S101" in _complete("orgwrite check a.txt --ignore P101,S10")
    assert all(c.startswith("P101,S1") for c in _complete("orgwrite check --select P101,S1"))
    assert "P101,S101" in _complete("orgwrite check --select P101,S1")
    assert _complete("orgwrite rules Q9") == []


def test_sarif_names_no_package_index_and_carries_rule_help(cli):
    import json

    from tests.conftest import sample

    r = cli("check", str(sample("004")), "--format", "sarif")
    log = json.loads(r.stdout)
    driver = log["runs"][0]["tool"]["driver"]
    assert "pypi" not in json.dumps(log)
    assert "informationUri" not in driver
    p103 = next(rule for rule in driver["rules"] if rule["id"] == "P103")
    assert "错误示例" in p103["help"]["text"]
