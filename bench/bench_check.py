"""Benchmark the check as users run it: whole processes, each started cold.

Prints figures; asserts nothing (speed is measured here, never in tests).

    python3 bench/bench_check.py              # 5 runs of everything
    python3 bench/bench_check.py --runs 9 --mb 5

Every figure is the wall time of a new process (``python -m orgwrite …`` or a small driver
script), never a parent that warmed up first; each is run ``--runs`` times and printed as
min and median.  The peer, autocorrect-py's ``lint_for`` (``pip install autocorrect-py`` into
the bench environment; it is no dependency of orgwrite), is timed in the same run, runs
interleaved with orgwrite's, so the load of the machine weighs on both alike.

Children run with bytecode caching on (an installed package has its .pyc files) after one
unmeasured warm-up process.  "cache present" is the state after any earlier check (compiled
lexicon and jieba's dictionary copy in $XDG_CACHE_HOME/orgwrite); "cache absent" gives each
run an empty cache folder, so it pays the one-time build.  The load average is printed
before and after: on a shared machine, say so when quoting the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

#: Driver run in a fresh process: check (or lint) every file of a folder in this one process.
DRIVER = r"""
import json, resource, sys, time
from pathlib import Path
engine, folder = sys.argv[1], Path(sys.argv[2])
texts = [p.read_text("utf-8") for p in sorted(folder.glob("*.txt"))]
start, cpu_start = time.perf_counter(), time.process_time()
found = 0
if engine == "orgwrite":
    from orgwrite.io.read_text import read_string
    from orgwrite.pipeline import check_document
    for i, text in enumerate(texts):
        found += len(check_document(read_string(text, f"doc{i}.txt")).findings)
else:
    import autocorrect_py
    for text in texts:
        found += len(autocorrect_py.lint_for(text, "text").lines)
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "cpu": cpu, "found": found, "rss_mb": rss}))
"""

PEER_COLD = r"""
import sys
import autocorrect_py
autocorrect_py.lint_for(open(sys.argv[1], encoding="utf-8").read(), "text")
"""


def child_env(cache: Path) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), XDG_CACHE_HOME=str(cache), NO_COLOR="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


#: CPU seconds (user + system) of every measured process and its children, by figure name.
CPU: dict[str, list[float]] = {}


def timed(args: list[str], env: dict[str, str], name: str = "") -> tuple[float, str]:
    """Wall seconds of one fresh process, and its standard output; its CPU time goes to CPU[name]."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, env=env, cwd=ROOT)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"failed: {' '.join(args)}\n{done.stderr.decode(errors='replace')}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    CPU.setdefault(name, []).append(cpu)
    return seconds, done.stdout.decode()


def timed_side_by_side(args: list[str], env: dict[str, str]) -> float:
    """Wall seconds until two copies of one command, started together, have both ended: what
    two cores give work that needs no coordination at all (caches and memory are shared)."""
    start = time.perf_counter()
    procs = [
        subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
        for _ in range(2)
    ]
    for proc in procs:
        proc.wait()
    return time.perf_counter() - start


def cpu(name: str) -> str:
    """The median CPU seconds of a figure's processes (what a loaded machine cannot inflate)."""
    values = CPU.get(name, [])
    return f"CPU median {statistics.median(values):.2f} s" if values else ""


def figure(values: list[float], unit: str = "s") -> str:
    scale = 1000 if unit == "ms" else 1
    return f"min {min(values) * scale:.{0 if unit == 'ms' else 2}f} {unit}, median {statistics.median(values) * scale:.{0 if unit == 'ms' else 2}f} {unit}"


def have_peer() -> bool:
    return subprocess.run([PYTHON, "-c", "import autocorrect_py"], capture_output=True).returncode == 0


def source_texts() -> list[str]:
    files = sorted((ROOT / "tests" / "samples").glob("*.txt")) + sorted((ROOT / "tests" / "corpus").glob("*.txt"))
    return [f.read_text("utf-8") for f in files]


def write_corpus(folder: Path, megabytes: float, files: int | None = None) -> tuple[int, int]:
    """Documents made of the repository's texts (each repetition a file); (files, bytes)."""
    folder.mkdir(parents=True)
    texts = source_texts()
    target = int(megabytes * 1_000_000)
    size = n = 0
    while (files is None and size < target) or (files is not None and n < files):
        text = texts[n % len(texts)]
        if files is not None:  # equal shares of the target size
            share = target // files
            text = (text * (1 + share // max(1, len(text.encode("utf-8")))))[: share // 3]
        (folder / f"doc{n:04d}.txt").write_text(text, "utf-8")
        size += len(text.encode("utf-8"))
        n += 1
    return n, size


#: The figures, in the order they are printed (``--only NAME`` runs one).
FIGURES = ("help", "cold", "throughput", "jobs", "paragraph")


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} CPUs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="runs of each figure (default 5)")
    parser.add_argument("--mb", type=float, default=5.0, help="size of the throughput corpus in MB (default 5)")
    parser.add_argument(
        "--only", choices=FIGURES, default=None, help="run one figure: " + ", ".join(FIGURES) + " (default all)"
    )
    args = parser.parse_args()
    runs = max(1, args.runs)
    peer = have_peer()
    print(f"orgwrite check bench: {runs} runs per figure, each a new process; {load()}")
    if not peer:
        print("autocorrect-py: not installed (pip install autocorrect-py) — peer figures skipped")

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        warm = child_env(tmp / "cache")
        five_k = tmp / "five-k.txt"
        five_k.write_text("\n".join(source_texts())[:5000], "utf-8")
        check = [PYTHON, "-m", "orgwrite", "check", "--fail-on", "never"]
        timed([*check, str(five_k)], warm)  # warm-up: .pyc files and the caches

        # 1. orgwrite --help
        if args.only in (None, "help"):
            help_times = [timed([PYTHON, "-m", "orgwrite", "--help"], warm)[0] for _ in range(runs)]
            print(f"orgwrite --help: {figure(help_times, 'ms')}")

        # 2. cold check of one 5,000-character file, every default rule
        if args.only in (None, "cold"):
            present, absent, peer_cold = [], [], []
            for i in range(runs):
                present.append(timed([*check, str(five_k)], warm, "present")[0])
                absent.append(timed([*check, str(five_k)], child_env(tmp / f"empty-{i}"), "absent")[0])
                if peer:
                    peer_cold.append(timed([PYTHON, "-c", PEER_COLD, str(five_k)], warm, "peer_cold")[0])
            line = f"cold check, one 5,000-character file, cache present: {figure(present, 'ms')} ({cpu('present')})"
            if peer:
                ratio = statistics.median(peer_cold) / statistics.median(present)
                line += (
                    f"; autocorrect-py lint_for, same file, new process: {figure(peer_cold, 'ms')} (ratio {ratio:.2f})"
                )
            print(line)
            print(
                f"cold check, one 5,000-character file, cache absent (one-time build): {figure(absent, 'ms')} ({cpu('absent')})"
            )

        # 3. throughput: all rules over the corpus in one process, against the peer
        if args.only in (None, "throughput"):
            corpus = tmp / "corpus"
            files, size = write_corpus(corpus, args.mb)
            ours, theirs, rss = [], [], []
            found = peer_found = 0
            for _ in range(runs):
                _, out = timed([PYTHON, "-c", DRIVER, "orgwrite", str(corpus)], warm)
                got = json.loads(out)
                ours.append(got["seconds"])
                CPU.setdefault("ours", []).append(got["cpu"])
                rss.append(got["rss_mb"])
                found = got["found"]
                if peer:
                    _, out = timed([PYTHON, "-c", DRIVER, "autocorrect", str(corpus)], warm)
                    got = json.loads(out)
                    theirs.append(got["seconds"])
                    CPU.setdefault("theirs", []).append(got["cpu"])
                    peer_found = got["found"]
            mb = size / 1e6
            print(
                f"throughput, all rules, {files} documents, {mb:.2f} MB in one process: {figure(ours)} "
                f"({mb / statistics.median(ours):.2f} MB/s, {cpu('ours')}), {found:,} findings; peak RSS max {max(rss):.0f} MB"
            )
            if peer:
                ratio = statistics.median(theirs) / statistics.median(ours)
                cpu_ratio = statistics.median(CPU["theirs"]) / statistics.median(CPU["ours"])
                print(
                    f"autocorrect-py lint_for, same documents, one process: {figure(theirs)} "
                    f"({mb / statistics.median(theirs):.2f} MB/s), {peer_found:,} lines reported; "
                    f"throughput ratio orgwrite/autocorrect-py {ratio:.2f} (wall medians), {cpu_ratio:.2f} (CPU medians)"
                )

        # 4. --jobs on 400 files
        if args.only in (None, "jobs"):
            folder = tmp / "four-hundred"
            n, size = write_corpus(folder, args.mb, files=400)
            batch = [*check, "--format", "json", str(folder)]
            one, two, start, pair = [], [], [], []
            for _ in range(runs):
                one.append(timed([*batch, "--jobs", "1"], warm, "one")[0])
                two.append(timed([*batch, "--jobs", "2"], warm, "two")[0])
                start.append(timed([*check, "--format", "json", str(five_k)], warm)[0])
                pair.append(timed_side_by_side([*batch, "--jobs", "1"], warm))
            speedup = statistics.median(one) / statistics.median(two)
            print(
                f"--jobs on {n} files ({size / 1e6:.2f} MB): --jobs 1 {figure(one)}; --jobs 2 {figure(two)}; "
                f"speed-up {speedup:.2f}x (medians), {min(one) / min(two):.2f}x (mins); "
                f"{cpu('one')} with one job, {cpu('two')} with two (all processes)"
            )
            # Every process pays the start-up (interpreter, imports, loading what a check needs) before
            # it checks a file, so two jobs can at best halve the rest: Amdahl's bound on the speed-up.
            s, t1 = statistics.median(start), statistics.median(one)
            print(
                f"--jobs bound: a process's start-up, taken as the cold check of the 5,000-character file, "
                f"median {s * 1000:.0f} ms, so two jobs can at best reach {t1 / (s + (t1 - s) / 2):.2f}x "
                f"(median --jobs 1 / (start-up + the rest halved))"
            )
            # Two cores do not give twice the work even to processes that share nothing: they share
            # caches and memory, and on a virtual machine the host.  Two --jobs 1 runs started together
            # measure that; the rest of the work, run side by side, is slowed by about as much (forked
            # workers share the lexicon's pages, so somewhat less: an estimate, not a bound).
            slow = statistics.median(pair) / t1
            print(
                f"--jobs on this machine: two --jobs 1 runs started together take {slow:.2f}x one run's time "
                f"(medians; min {min(pair) / min(one):.2f}x); work side by side slowed that much would put two "
                f"jobs at about {t1 / (s + slow * (t1 - s) / 2):.2f}x (median --jobs 1 / (start-up + the rest "
                f"halved and slowed so))"
            )

        # 5. one long paragraph: linear time
        if args.only in (None, "paragraph"):
            body = "".join(t.replace("\n", "") for t in source_texts())
            long_times = {}
            for megabytes in (1, 2):
                para = tmp / f"paragraph-{megabytes}mb.txt"
                para.write_text(
                    (body * (1 + megabytes * 1_000_000 // len(body)))[: megabytes * 1_000_000 // 3], "utf-8"
                )
                long_times[megabytes] = [
                    timed([*check, "--format", "json", str(para)], warm, f"long{megabytes}")[0] for _ in range(runs)
                ]
                print(
                    f"one paragraph of {para.stat().st_size / 1e6:.1f} MB: {figure(long_times[megabytes])} ({cpu(f'long{megabytes}')})"
                )
            growth = statistics.median(long_times[2]) / statistics.median(long_times[1])
            cpu_growth = statistics.median(CPU["long2"]) / statistics.median(CPU["long1"])
            print(f"one paragraph, 2x the text: {growth:.2f}x the wall time, {cpu_growth:.2f}x the CPU time (medians)")
    print(f"after: {load()}")


if __name__ == "__main__":
    main()
