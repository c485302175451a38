"""Bench: Word output — ``check --annotate`` with many findings, ``export`` of a big text.

    python bench/bench_docx.py [--runs 5] [--keep DIR]

Every figure is a whole ``orgwrite`` process started cold, timed from outside (wall
seconds), min and median over ``--runs`` runs.  Each size is measured at n and 4n so the
ratio shows whether the time grows linearly (a ratio near 4):

- annotate: a .docx of n/2 paragraphs in runs of varied formatting, two findings each
  (P101, W101), checked with and without ``--annotate`` (the difference is the comments);
- export: the bundled samples repeated to 1.25 MB and 5 MB of text, to GB/T 9704 .docx.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
ORGWRITE = [sys.executable, "-m", "orgwrite"]
LINE = "一年来,全市组织工作取得新成效{}。截止目前,共培训干部3万余名。"


def annotate_input(path: Path, findings: int) -> None:
    from tests.docx_util import formatted_docx_from_text

    lines = ["全市组织工作会议要点"] + [LINE.format(i) for i in range(findings // 2)]
    formatted_docx_from_text(lines, path)


def export_input(path: Path, size: int) -> None:
    data = b"".join(p.read_bytes() for p in sorted((ROOT / "tests" / "samples").glob("*.txt")))
    out = bytearray()
    while len(out) < size:
        out += data
    path.write_bytes(bytes(out[:size]).rsplit(b"\n", 1)[0] + b"\n")


def timed(args: list[str], runs: int, ok=(0,)) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        r = subprocess.run(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - start)
        if r.returncode not in ok:
            raise SystemExit(f"{' '.join(args)}: exit {r.returncode}\n{r.stderr.decode()}")
    return min(times), statistics.median(times)


def row(name: str, small: tuple[float, float], big: tuple[float, float]) -> None:
    print(
        f"{name:<34} n: min {small[0]:6.2f} s  median {small[1]:6.2f} s   "
        f"4n: min {big[0]:6.2f} s  median {big[1]:6.2f} s   4n/n (median) {big[1] / small[1]:4.2f}"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--keep", type=Path)
    a = ap.parse_args()
    folder = a.keep or Path(tempfile.mkdtemp(prefix="orgwrite-bench-"))
    folder.mkdir(parents=True, exist_ok=True)

    sizes = {"n": 2_500, "4n": 10_000}
    check, annotate = {}, {}
    for key, n in sizes.items():
        src = folder / f"findings-{n}.docx"
        annotate_input(src, n)
        out = folder / f"annotated-{n}.docx"
        check[key] = timed([*ORGWRITE, "check", str(src), "--format", "json"], a.runs, ok=(1,))
        annotate[key] = timed([*ORGWRITE, "check", str(src), "--annotate", str(out), "--force"], a.runs, (1,))
    print(f"findings: n = {sizes['n']}, 4n = {sizes['4n']} (runs: {a.runs})")
    row("check (no annotate)", check["n"], check["4n"])
    row("check --annotate", annotate["n"], annotate["4n"])
    extra = [(annotate[k][1] - check[k][1]) for k in sizes]
    print(f"{'annotate alone (median difference)':<34} n: {extra[0]:6.2f} s   4n: {extra[1]:6.2f} s")

    exports = {}
    for key, size in {"n": 5 * 2**20 // 4, "4n": 5 * 2**20}.items():
        src = folder / f"text-{size}.txt"
        export_input(src, size)
        exports[key] = timed(
            [*ORGWRITE, "export", str(src), "-o", str(folder / f"text-{size}.docx"), "--force"], a.runs
        )
    print("export text: n = 1.25 MB, 4n = 5 MB")
    row("export", exports["n"], exports["4n"])


if __name__ == "__main__":
    main()
