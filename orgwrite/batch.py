"""Check many inputs, in parallel when asked, with results in input order.

The work unit is a pure function of (path, config) returning a picklable result, so a
process pool here — or any other batch engine (Dask, Spark) — can drive the same code.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple

from orgwrite.config import Config
from orgwrite.pipeline import CheckResult

#: Inputs larger than this are refused (a 公文 is kilobytes; 32 MB is a runaway file).
MAX_INPUT_BYTES = 32 * 1024 * 1024


class Outcome(NamedTuple):
    """The result for one input: a CheckResult (or its report part), or the one-line Chinese error.

    A named tuple, not a dataclass: an outcome is made once, sent from a worker and read, and
    the class costs less to create when a process starts.
    """

    path: str
    result: CheckResult | None = None
    error: str | None = None
    #: the input's share of the report (``orgwrite.report.Part``), when asked for instead of the result
    part: Any = None


def check_one(path: str, config: Config, stdin_name: str = "<stdin>") -> Outcome:
    """Check one input; input errors become ``Outcome.error`` (never an exception)."""
    from orgwrite.errors import ConfigError, OrgwriteError
    from orgwrite.pipeline import check_path

    try:
        if path != "-":
            try:
                size = os.path.getsize(path)
            except OSError:
                size = 0
            if size > MAX_INPUT_BYTES:
                return Outcome(
                    path, error=f"{path}：文件过大（{size // 1048576} MB），超过 {MAX_INPUT_BYTES // 1048576} MB 的上限"
                )
        result = check_path(path, config, stdin_name=stdin_name)
        return Outcome(result.path, result=result)
    except ConfigError:
        raise
    except OrgwriteError as exc:
        return Outcome(path, error=str(exc))
    except RecursionError:
        return Outcome(path, error=f"{path}：文件结构过深，无法处理")


#: What every task of a run shares: (the distinct configurations, stdin name, report style).
#: Set in the parent before workers fork (or by the pool's initializer elsewhere), so a task
#: is only a path and a number.
_RUN: tuple[list[Config], str, str | None] = ([], "<stdin>", None)


def _set_run(run: tuple[list[Config], str, str | None]) -> None:
    global _RUN
    _RUN = run


def _task(task: tuple[str, int]) -> Outcome:
    return _run_task(_RUN, task)


def _run_task(run: tuple[list[Config], str, str | None], task: tuple[str, int]) -> Outcome:
    """Check one input of the run; with a report style, render its part here and drop the
    document, so what goes back to the parent is a string and a few counts."""
    configs, stdin_name, style = run
    path, k = task
    outcome = check_one(path, configs[k], stdin_name)
    if style is not None and outcome.result is not None:
        from orgwrite.report import make_part

        outcome = Outcome(outcome.path, part=make_part(style, outcome.result))
    return outcome


#: Below this much input that can run beside the rest, starting workers costs more than it
#: saves: forking, each worker's first use of what it loads and collecting the parts cost
#: about 0.04 s of the critical path, while half a megabyte takes 0.05 s of checking once
#: the check runs at 10 MB/s (0.25 s at today's 2 MB/s).  So the files are checked in this
#: process unless, beside the largest file, at least this much input can go to a second job.
MIN_PARALLEL_BYTES = 1024 * 1024


def worth_forking(paths: list[str]) -> bool:
    """Whether two jobs can each get half of :data:`MIN_PARALLEL_BYTES` at least: the inputs
    but the largest come to that much, and all of them to twice that (one 30 MB file with
    a few small ones gains nothing from a second process)."""
    total = largest = 0
    for p in paths:
        try:
            size = os.path.getsize(p)
        except OSError:
            continue
        total += size
        largest = max(largest, size)
        if total - largest >= MIN_PARALLEL_BYTES // 2 and total >= MIN_PARALLEL_BYTES:
            return True
    return False


def _largest_first(paths: list[str]) -> list[int]:
    def size(i: int) -> int:
        try:
            return os.path.getsize(paths[i])
        except OSError:
            return 0

    return sorted(range(len(paths)), key=size, reverse=True)


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def _distinct(configs: Iterable[Config]) -> tuple[list[Config], list[int]]:
    """The distinct configurations (by value: each input gets its own equal copy) and,
    per input, the index of its configuration."""
    unique: list[Config] = []
    where = []
    last = -1
    for config in configs:
        if last >= 0 and unique[last] is config:  # the common case: the files of one folder
            where.append(last)
            continue
        k = next((i for i, known in enumerate(unique) if known is config or known == config), None)
        if k is None:
            k = len(unique)
            unique.append(config)
        where.append(k)
        last = k
    return unique, where


def check_many(
    paths: list[str],
    config_for: Callable[[str], Config],
    *,
    jobs: int = 1,
    stdin_name: str = "<stdin>",
    style: str | None = None,
) -> Iterator[Outcome]:
    """Yield one Outcome per path, in the order of ``paths``, using ``jobs`` processes.

    ``style`` (see ``orgwrite.report.style_for``): the caller only reports the findings,
    so each input's part of the report is rendered where it was checked and comes back as
    ``Outcome.part`` instead of the result — in a worker, in parallel, and small to send.

    On Linux the workers are forked after :func:`warm_up` has loaded, once, what every check
    needs, so a worker starts in milliseconds; elsewhere each worker loads it itself.
    """
    configs, where = _distinct(config_for(p) for p in paths)
    work = list(zip(paths, where, strict=True))
    jobs = min(jobs, len(work))
    run = (configs, stdin_name, style)
    if jobs <= 1 or "-" in paths or not worth_forking(paths):
        return (_run_task(run, task) for task in work)
    if sys.platform == "linux":
        warm_up(configs, style)
        # What is loaded now stays shared with the workers: out of the collector's reach, its
        # pages are not copied into each worker by garbage collection passes.  A collector held
        # off for the start-up runs again from here: this process checks inputs too.
        import gc

        from orgwrite import collector, forked

        collector.release()
        gc.freeze()
        sys.stdout.flush()
        sys.stderr.flush()
        # One input per claim (two system calls), the largest first, so that the workers
        # finish together; the results still come in the order of the paths.  This process
        # is one of the jobs: on as many cores as jobs, a parent that only collected would
        # take its CPU from the workers.
        return forked.imap(functools.partial(_run_task, run), work, jobs, 1, order=_largest_first(paths), here=True)
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_set_run, initargs=(run,))
    try:
        # Submitted (and the workers started) now, before the caller may start a progress bar's thread.
        results = pool.map(_task, work, chunksize=max(1, min(8, len(work) // (jobs * 8))))
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    return _drain(pool, results)


def _drain(pool, results: Iterator[Outcome]) -> Iterator[Outcome]:
    try:
        yield from results
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    else:
        pool.shutdown()


#: A short text that takes a check through its lazy parts: rules, lexicon, patterns, jieba.
_WARM_UP_TEXT = "一、总体要求\n增强“四个意识”、坚定“四个自信”，做到“两个维护”，抓好三个方面的的工作。\n"


def warm_up(configs: Iterable[Config], style: str | None = None) -> None:
    """Load in this process what a check (and rendering its part of the report in ``style``)
    loads on first use, so forked workers inherit it.

    A configuration whose lexicon or rule selection is invalid is left for the workers,
    which report it exactly as a run with one job would.
    """
    from orgwrite.errors import OrgwriteError
    from orgwrite.io.read_text import read_string
    from orgwrite.pipeline import check_document

    for config in configs:
        try:
            result = check_document(read_string(_WARM_UP_TEXT, "warm-up.txt"), config)
        except OrgwriteError:
            continue
        if style is not None:
            from orgwrite.report import make_part

            make_part(style, result)
