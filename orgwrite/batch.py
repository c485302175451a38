"""Check many inputs, in parallel when asked, with results in input order.

The work unit is a pure function of (path, config) returning a picklable result, so a
process pool here — or any other batch engine (Dask, Spark) — can drive the same code.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from orgwrite.config import Config
from orgwrite.pipeline import CheckResult

#: Inputs larger than this are refused (a 公文 is kilobytes; 32 MB is a runaway file).
MAX_INPUT_BYTES = 32 * 1024 * 1024


@dataclass
class Outcome:
    """The result for one input: a CheckResult, or the one-line Chinese error."""

    path: str
    result: CheckResult | None = None
    error: str | None = None


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


def _worker(args: tuple[str, Config, str]) -> Outcome:
    return check_one(*args)


def _slim_worker(args: tuple[str, Config, str]) -> Outcome:
    """:func:`check_one`, keeping of the document only what a report shows (its lines), so
    that sending the result back from a worker costs a tenth of sending the whole document."""
    outcome = check_one(*args)
    doc = outcome.result.document if outcome.result is not None else None
    if doc is not None:
        from orgwrite.model import Document

        outcome.result.document = Document(blocks=[], meta=doc.meta, source=doc.source, lines=doc.lines)
    return outcome


#: Below this much input, starting workers costs more than it saves (a check runs at about
#: 5 MB/s; forking and warming up cost about 0.1 s), so the files are checked in this process.
MIN_PARALLEL_BYTES = 512 * 1024


def _total_bytes(paths: list[str]) -> int:
    total = 0
    for p in paths:
        try:
            total += os.path.getsize(p)
        except OSError:
            continue
        if total >= MIN_PARALLEL_BYTES:
            break
    return total


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def check_many(
    paths: list[str],
    config_for: Callable[[str], Config],
    *,
    jobs: int = 1,
    stdin_name: str = "<stdin>",
    report_only: bool = False,
) -> Iterator[Outcome]:
    """Yield one Outcome per path, in the order of ``paths``, using ``jobs`` processes.

    ``report_only``: the caller only reports the findings, so workers send back the document's
    lines without its blocks and text (a run in one process keeps the whole document).

    On Linux the workers are forked after :func:`warm_up` has loaded, once, what every check
    needs, so a worker starts in milliseconds; elsewhere each worker loads it itself.
    """
    work = [(p, config_for(p), stdin_name) for p in paths]
    jobs = min(jobs, len(work))
    if jobs <= 1 or "-" in paths or _total_bytes(paths) < MIN_PARALLEL_BYTES:
        return map(_worker, work)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = None
    if sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("fork")
        warm_up({id(c): c for _, c, _ in work}.values())
        # What is loaded now stays shared with the workers: out of the collector's reach, its
        # pages are not copied into each worker by garbage collection passes.
        import gc

        gc.freeze()
    # Chunks big enough to keep the pipe quiet, small enough to balance files of unequal size.
    chunk = max(1, min(8, len(work) // (jobs * 8)))
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
    try:
        # Submitted (and the workers forked) now, before the caller may start a progress bar's thread.
        results = pool.map(_slim_worker if report_only else _worker, work, chunksize=chunk)
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


def warm_up(configs: Iterable[Config]) -> None:
    """Load in this process what a check loads on first use, so forked workers inherit it.

    A configuration whose lexicon or rule selection is invalid is left for the workers,
    which report it exactly as a run with one job would.
    """
    from orgwrite.errors import OrgwriteError
    from orgwrite.io.read_text import read_string
    from orgwrite.pipeline import check_document

    for config in configs:
        try:
            check_document(read_string(_WARM_UP_TEXT, "warm-up.txt"), config)
        except OrgwriteError:
            continue
