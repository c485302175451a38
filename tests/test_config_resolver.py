"""Each input is checked with the configuration of its own (real) folder.

The configuration is worked out once per folder and shared by the files in it; these tests
pin down which folder that is: symbolic links to files are followed, ``..`` is taken after
links, files of folders without a configuration take the nearest one above.
"""

from __future__ import annotations

import json
import os

import pytest

from tests.conftest import run_orgwrite

TEXT = "加强学习,提高能力。\n"  # one P101 finding (half-width comma), line 1 column 5


def _rules_by_file(stdout: bytes) -> dict[str, list[str]]:
    data = json.loads(stdout)
    return {os.path.basename(f["path"]): [x["rule"] for x in f["findings"]] for f in data["files"]}


@pytest.fixture
def folders(tmp_path):
    """quiet/ ignores P101, loud/ has no configuration, quiet/inner/ inherits quiet's."""
    quiet, loud = tmp_path / "quiet", tmp_path / "loud"
    (quiet / "inner").mkdir(parents=True)
    loud.mkdir()
    (quiet / "orgwrite.toml").write_text('ignore = ["P101"]\n', "utf-8")
    for folder, name in ((quiet, "q.txt"), (quiet / "inner", "qi.txt"), (loud, "l.txt")):
        (folder / name).write_text(TEXT, "utf-8")
    return tmp_path


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_each_folder_keeps_its_own_configuration(folders, jobs):
    from orgwrite import batch

    # Enough text beside them that two jobs really fork and the workers look configurations up.
    filler = "加强学习,提高能力。\n" * 25_000
    for name in ("quiet/f1.txt", "quiet/inner/f2.txt", "loud/f3.txt"):
        (folders / name).write_text(filler, "utf-8")
    paths = [str(p) for p in folders.rglob("*.txt")]
    assert batch.worth_forking(paths)
    r = run_orgwrite("check", "--format", "json", "--jobs", jobs, "quiet", "loud", cwd=folders)
    assert r.returncode == 1
    found = _rules_by_file(r.stdout)
    assert {name: found[name] for name in ("q.txt", "qi.txt", "l.txt")} == {
        "q.txt": [],
        "qi.txt": [],
        "l.txt": ["P101"],
    }
    # The filler repeats one sentence with a half-width comma: P101 in loud/, never in quiet/.
    assert ["P101" in found[name] for name in ("f1.txt", "f2.txt", "f3.txt")] == [False, False, True]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_a_linked_file_takes_the_configuration_of_the_folder_it_really_is_in(folders):
    (folders / "loud" / "link.txt").symlink_to(folders / "quiet" / "q.txt")
    (folders / "quiet" / "back.txt").symlink_to(folders / "loud" / "l.txt")
    r = run_orgwrite(
        "check", "--format", "json", "loud/link.txt", "loud/l.txt", "quiet/back.txt", "quiet/q.txt", cwd=folders
    )
    assert _rules_by_file(r.stdout) == {"link.txt": [], "l.txt": ["P101"], "back.txt": ["P101"], "q.txt": []}


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_dot_dot_is_taken_after_following_a_linked_folder(folders):
    # loud/door -> quiet/inner, so loud/door/../q.txt is quiet/q.txt (not loud/q.txt).
    (folders / "loud" / "door").symlink_to(folders / "quiet" / "inner", target_is_directory=True)
    r = run_orgwrite("check", "--format", "json", "loud/door/../q.txt", cwd=folders)
    assert r.returncode == 0
    assert _rules_by_file(r.stdout) == {"q.txt": []}


def test_the_command_line_applies_on_top_of_every_folder(folders):
    r = run_orgwrite("check", "--format", "json", "--select", "P101", "quiet/q.txt", "loud/l.txt", cwd=folders)
    # An explicit --select asks for P101 even where the folder's file ignores it.
    assert _rules_by_file(r.stdout) == {"q.txt": ["P101"], "l.txt": ["P101"]}
