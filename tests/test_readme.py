"""The README's promise to a newcomer: two commands, each working as written on a stock
Debian/Ubuntu Python that refuses ``pip install`` outside a virtual environment (PEP 668),
the test one being exactly what CI runs; and a package that builds and carries its data.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")


def two_commands() -> list[str]:
    section = README.split("## 两条命令", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_readme_has_exactly_two_commands_and_ci_runs_the_second():
    install_run, test = two_commands()
    assert install_run.startswith("python3 -m venv .venv && ") and "examples/work-plan.txt" in install_run
    assert test.startswith("python3 -m venv .venv && ") and test.endswith("pytest")
    ci_lines = (ROOT / ".ci" / "run").read_text("utf-8").strip().splitlines()
    assert ci_lines[-1] == test


def _externally_managed_python() -> Path | None:
    """A system Python that refuses pip (Debian's /usr/bin/python3), if this machine has one."""
    for candidate in (Path("/usr/bin/python3"), Path("/usr/local/bin/python3")):
        if not candidate.exists():
            continue
        stdlib = subprocess.run(
            [str(candidate), "-c", "import sysconfig; print(sysconfig.get_path('stdlib'))"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        if stdlib and (Path(stdlib) / "EXTERNALLY-MANAGED").exists():
            return candidate
    return None


def _copy_of_repo(dest: Path) -> Path:
    """The files a fresh clone has (git's list when this is a checkout)."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True)
    names = [n for n in listed.stdout.decode("utf-8").split("\0") if n] if listed.returncode == 0 else []
    if not names:
        shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(".venv*", ".git", "build", "dist", "*.egg-info"))
        return dest
    for name in names:
        target = dest / name
        if (ROOT / name).is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target)
    return dest


def test_first_command_works_as_written_on_a_python_that_refuses_pip(tmp_path):
    system = _externally_managed_python()
    python = system or Path(sysconfig.get_config_var("BINDIR") or "") / "python3"
    if not python.exists():
        python = Path(sys.executable)
    repo = _copy_of_repo(tmp_path / "orgwrite")
    bindir = tmp_path / "bin"
    bindir.mkdir()
    (bindir / "python3").symlink_to(python)
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    env["PATH"] = f"{bindir}{os.pathsep}/usr/bin{os.pathsep}/bin"
    env["NO_COLOR"] = "1"
    if system is not None:
        refused = subprocess.run(
            ["python3", "-m", "pip", "install", "."], cwd=repo, env=env, capture_output=True, text=True
        )
        assert refused.returncode != 0 and "externally-managed-environment" in refused.stderr
    install_run, _ = two_commands()
    r = subprocess.run(["sh", "-c", install_run], cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "examples/work-plan.txt" in r.stdout
    assert re.search(r"[PESNFTW]\d{3}", r.stdout)  # the example's known problems are listed


def test_wheel_and_sdist_build_pass_twine_and_carry_the_data(tmp_path):
    pytest.importorskip("build")
    pytest.importorskip("twine")
    out = tmp_path / "dist"
    r = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)], capture_output=True, text=True, timeout=900
    )
    assert r.returncode == 0, r.stderr[-2000:]
    assert "deprecated" not in r.stdout + r.stderr
    (wheel,) = out.glob("*.whl")
    (sdist,) = out.glob("*.tar.gz")
    check = subprocess.run([sys.executable, "-m", "twine", "check", str(wheel), str(sdist)], capture_output=True)
    assert check.returncode == 0, check.stdout
    names = zipfile.ZipFile(wheel).namelist()
    for folder in ("lexicon", "templates", "examples"):
        shipped = {n.split(f"orgwrite/data/{folder}/", 1)[1] for n in names if f"orgwrite/data/{folder}/" in n}
        in_repo = {str(p.relative_to(ROOT / folder)) for p in (ROOT / folder).rglob("*") if p.is_file()}
        in_repo = {n for n in in_repo if not n.startswith(".")}  # .gitkeep only keeps the folder in git
        assert shipped == in_repo, folder
    # The installed package finds its data and points writers at the example it ships.
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    env = dict(os.environ, PYTHONPATH=str(unpacked), NO_COLOR="1")
    shown = subprocess.run(
        [sys.executable, "-m", "orgwrite", "templates", "show", "工作综述"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    example = re.search(r"`([^`]+outline-gongzuo-zongshu\.md)`", shown.stdout)
    assert example and Path(example.group(1)).is_file()
    assert str(unpacked) in example.group(1)
