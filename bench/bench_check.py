"""Benchmark the whole check: throughput, scaling, memory, start-up.

Prints figures; asserts nothing (speed is measured here, never in tests).

    python3 bench/bench_check.py            # default: 5 MB corpus
    python3 bench/bench_check.py --mb 10

The corpus is built by repeating the texts in tests/samples/ and tests/corpus/ (each
repetition is a separate document, as a folder of files would be).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def source_texts() -> list[str]:
    files = sorted((ROOT / "tests" / "samples").glob("*.txt")) + sorted((ROOT / "tests" / "corpus").glob("*.txt"))
    return [f.read_text("utf-8") for f in files]


def build_corpus(megabytes: float) -> list[str]:
    texts = source_texts()
    out: list[str] = []
    size = 0
    target = int(megabytes * 1_000_000)
    while size < target:
        for t in texts:
            out.append(t)
            size += len(t.encode("utf-8"))
            if size >= target:
                break
    return out


def run_check(docs: list[str]) -> tuple[float, int]:
    from orgwrite.io.read_text import read_string
    from orgwrite.pipeline import check_document

    findings = 0
    start = time.perf_counter()
    for i, text in enumerate(docs):
        findings += len(check_document(read_string(text, f"doc{i}.txt")).findings)
    return time.perf_counter() - start, findings


def run_autocorrect(docs: list[str]) -> float | None:
    try:
        import autocorrect_py
    except ImportError:
        return None
    start = time.perf_counter()
    for text in docs:
        autocorrect_py.lint_for(text, "text")
    return time.perf_counter() - start


def run_pool(paths: list[str], jobs: int) -> float:
    from orgwrite.batch import check_many
    from orgwrite.config import Config

    config = Config()
    start = time.perf_counter()
    for _ in check_many(paths, lambda p: config, jobs=jobs):
        pass
    return time.perf_counter() - start


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def time_command(args: list[str], repeat: int = 5) -> float:
    """Best wall time of a fresh process (seconds)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(args, capture_output=True, env=env, cwd=ROOT)
        best = min(best, time.perf_counter() - t)
    return best


def time_cold_cache(args: list[str], cache_root: Path, repeat: int = 3) -> float:
    """Best wall time of a fresh process whose on-disk lexicon cache is empty each time."""
    import shutil

    best = float("inf")
    for i in range(repeat):
        folder = cache_root / str(i)
        env = dict(os.environ, PYTHONPATH=str(ROOT), XDG_CACHE_HOME=str(folder))
        t = time.perf_counter()
        subprocess.run(args, capture_output=True, env=env, cwd=ROOT)
        best = min(best, time.perf_counter() - t)
        shutil.rmtree(folder, ignore_errors=True)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size in MB (UTF-8)")
    args = parser.parse_args()

    # Warm up: import rules, compile everything and load what is loaded on demand (jieba)
    # once, as a long-running process would; the cold start is measured separately below.
    run_check(source_texts())

    docs = build_corpus(args.mb)
    nbytes = sum(len(d.encode("utf-8")) for d in docs)
    nchars = sum(len(d) for d in docs)
    seconds, findings = run_check(docs)
    print(f"corpus: {len(docs)} documents, {nchars:,} characters, {nbytes / 1e6:.2f} MB")
    print(
        f"full check, one process: {seconds:.2f} s, {nchars / seconds:,.0f} chars/s, {nbytes / 1e6 / seconds:.2f} MB/s"
    )
    print(f"findings: {findings:,}")

    ac = run_autocorrect(docs)
    if ac is not None:
        print(
            f"autocorrect-py lint, same corpus: {ac:.2f} s, {nbytes / 1e6 / ac:.2f} MB/s; "
            f"orgwrite/autocorrect throughput ratio {ac / seconds:.2f}"
        )
    else:
        print("autocorrect-py lint: not installed (pip install autocorrect-py) — skipped")

    base = args.mb / 16
    times = []
    for factor in (1, 4, 16):
        t, _ = run_check(build_corpus(base * factor))
        times.append(t)
    print(
        f"scaling: {base:g} MB {times[0]:.2f} s, 4x {times[1]:.2f} s ({times[1] / times[0]:.1f}x), "
        f"16x {times[2]:.2f} s ({times[2] / times[0]:.1f}x)"
    )
    print(f"peak RSS (one process, whole run): {peak_rss_mb():.0f} MB")

    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, d in enumerate(docs):
            p = Path(tmp) / f"doc{i:04d}.txt"
            p.write_text(d, "utf-8")
            paths.append(str(p))
        t_one = run_pool(paths, 1)
        t_two = run_pool(paths, 2)
        print(
            f"files through the batch API: --jobs 1 {t_one:.2f} s, --jobs 2 {t_two:.2f} s, speed-up {t_one / t_two:.2f}x"
        )

    help_time = time_command([sys.executable, "-m", "orgwrite", "--help"])
    print(f"orgwrite --help: {help_time * 1000:.0f} ms")

    text = "\n".join(source_texts())[:5000]
    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / "five-k.txt"
        f.write_text(text, "utf-8")
        cold = time_command([sys.executable, "-m", "orgwrite", "check", "--fail-on", "never", str(f)])
        print(f"cold check of one 5k-character file (fresh process, lexicon cache warm): {cold * 1000:.0f} ms")
        empty = Path(tmp) / "empty-cache"
        cold_cache = time_cold_cache([sys.executable, "-m", "orgwrite", "check", "--fail-on", "never", str(f)], empty)
    print(f"cold check of one 5k-character file (fresh process, empty lexicon cache): {cold_cache * 1000:.0f} ms")


if __name__ == "__main__":
    main()
