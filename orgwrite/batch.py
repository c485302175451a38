"""Check many inputs, in parallel when asked, with results in input order.

The work unit is a pure function of (path, config) returning a picklable result, so a
process pool here — or any other batch engine (Dask, Spark) — can drive the same code.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
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


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def check_many(
    paths: list[str],
    config_for: Callable[[str], Config],
    *,
    jobs: int = 1,
    stdin_name: str = "<stdin>",
) -> Iterator[Outcome]:
    """Yield one Outcome per path, in the order of ``paths``, using ``jobs`` processes."""
    work = [(p, config_for(p), stdin_name) for p in paths]
    if jobs <= 1 or len(work) < 2 or "-" in paths:
        for item in work:
            yield _worker(item)
        return
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, min(16, len(work) // (jobs * 4) or 1))
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(work)))
    try:
        yield from pool.map(_worker, work, chunksize=chunk)
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    else:
        pool.shutdown()
