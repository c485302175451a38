"""Shared helpers: the sample texts (copied from the team's shared samples) and the CLI."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

#: The whole test session writes its caches (compiled lexicon, compiled patterns, jieba's copy)
#: into a folder of its own, child processes included: the tests build lexicons and patterns
#: from random data, and left in the user's cache folder those would make every later check
#: of the user's read a larger cache file.  The folder is removed when the session ends.
_SESSION_CACHE = tempfile.mkdtemp(prefix="orgwrite-test-cache-")
os.environ["XDG_CACHE_HOME"] = _SESSION_CACHE
atexit.register(shutil.rmtree, _SESSION_CACHE, True)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SAMPLES = HERE / "samples"


def sample(prefix: str) -> Path:
    return next(SAMPLES.glob(f"{prefix}_*.txt"))


def run_orgwrite(*args: str, input: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the real command line in a child process, as a user would."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), NO_COLOR="1", COLUMNS="200")
    return subprocess.run(
        [sys.executable, "-m", "orgwrite", *args],
        input=input,
        capture_output=True,
        cwd=cwd or ROOT,
        env=env,
        timeout=120,
    )


@pytest.fixture
def cli():
    return run_orgwrite


def findings_json(stdout: bytes | str) -> list[dict]:
    data = json.loads(stdout)
    assert data["version"] == 1
    return [f for file in data["files"] for f in file["findings"]]


def every_occurrence(lex, text: str) -> list:
    """The hits of ``text`` found the slow way: str.find for every known string of ``lex``,
    then the longest-match guard (the reference the lexicon scan is checked against)."""
    from orgwrite.lexicon import Hit

    raw = []
    for pattern, roles in lex.patterns:
        i = text.find(pattern)
        while i >= 0:
            raw.append(Hit(i, i + len(pattern), pattern, roles))
            i = text.find(pattern, i + 1)
    return lex._guard(raw) if len(raw) > 1 else raw
