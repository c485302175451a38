"""The forked workers behind `check --jobs`: input order, errors in order, no process left."""

from __future__ import annotations

import os
import sys
import time

import pytest

from orgwrite import forked
from orgwrite.errors import OrgwriteError

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="forked workers are used on Linux only")


def _children() -> set[int]:
    """This process's living (or unreaped) children."""
    with open(f"/proc/self/task/{os.getpid()}/children") as f:
        return {int(pid) for pid in f.read().split()}


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def _work(x: int) -> tuple[int, int]:
    # Unequal costs, so that the two workers finish their inputs out of order.
    sum(range((x % 7) * 20_000))
    return x * x, os.getpid()


def test_results_come_in_input_order_from_the_workers():
    out = list(forked.imap(_work, list(range(200)), 2, chunk=3))
    assert [square for square, _ in out] == [x * x for x in range(200)]
    pids = {pid for _, pid in out}
    assert os.getpid() not in pids and 1 <= len(pids) <= 2
    assert all(_gone(pid) for pid in pids)


def test_an_empty_input_list_yields_nothing():
    assert list(forked.imap(_work, [], 2)) == []


def _fail_at_seven(x: int) -> tuple[int, int]:
    if x == 7:
        raise ValueError("第 7 个输入出错")
    return x, os.getpid()


@pytest.mark.parametrize("here", [False, True])
def test_an_exception_is_raised_at_its_input_whoever_computed_it_and_the_workers_are_stopped(here):
    seen = []
    with pytest.raises(ValueError, match="第 7 个输入出错"):
        for value in forked.imap(_fail_at_seven, list(range(100)), 2, here=here):
            seen.append(value)
    assert [x for x, _ in seen] == list(range(7))
    assert all(_gone(pid) for _, pid in seen if pid != os.getpid())


def test_a_worker_that_dies_is_reported_not_waited_for():
    def die_at_three(x):
        if x == 3:
            os._exit(9)
        return x

    with pytest.raises(OrgwriteError, match="检查进程意外退出"):
        list(forked.imap(die_at_three, list(range(8)), 1))


def test_a_result_that_cannot_be_sent_becomes_an_error_at_its_place():
    def lambdas(x):
        return (lambda: x) if x == 2 else x

    results = forked.imap(lambdas, [0, 1, 2, 3], 2)
    assert next(results) == 0 and next(results) == 1
    with pytest.raises(RuntimeError):
        next(results)


def test_stopping_early_stops_and_reaps_the_workers():
    before = _children()
    results = forked.imap(_work, list(range(10_000)), 2)
    workers = _children() - before
    assert len(workers) == 2
    first = [next(results) for _ in range(3)]
    assert {pid for _, pid in first} <= workers
    results.close()
    assert not (_children() & workers) and all(_gone(pid) for pid in workers)


def test_workers_take_inputs_in_the_given_order_and_results_keep_the_input_order():

    def stamp(x):
        return x, time.monotonic_ns()

    out = list(forked.imap(stamp, list(range(30)), 1, order=list(reversed(range(30)))))
    assert [x for x, _ in out] == list(range(30))
    stamps = [t for _, t in out]
    assert stamps == sorted(stamps, reverse=True)  # the last input was checked first


def test_check_many_gives_the_largest_input_to_a_worker_first(tmp_path):
    from orgwrite import batch

    paths = []
    for k, size in enumerate((10, 3000, 10, 700_000, 5)):
        p = tmp_path / f"{k}.txt"
        p.write_text("甲" * size, "utf-8")
        paths.append(str(p))
    paths.append(str(tmp_path / "missing.txt"))
    assert batch._largest_first(paths) == [3, 1, 0, 2, 4, 5]


def test_with_here_the_parent_is_one_of_the_jobs_and_order_is_kept():
    before = _children()
    results = forked.imap(_work, list(range(300)), 2, here=True)
    workers = _children() - before
    assert len(workers) == 1  # one job is this process
    out = list(results)
    assert [square for square, _ in out] == [x * x for x in range(300)]
    pids = {pid for _, pid in out}
    assert os.getpid() in pids and pids <= workers | {os.getpid()}
    assert all(_gone(pid) for pid in workers)


def test_with_here_a_worker_that_dies_is_reported_once_this_process_has_done_its_share():
    parent = os.getpid()

    def the_worker_dies(x):
        if os.getpid() != parent:
            os._exit(9)
        time.sleep(0.005)  # so that the worker claims an input before this process has taken them all
        return x

    with pytest.raises(OrgwriteError, match="检查进程意外退出"):
        list(forked.imap(the_worker_dies, list(range(50)), 2, here=True))
    assert not _children()


def test_with_here_an_interrupt_in_this_process_stops_the_workers_at_once():
    parent = os.getpid()
    before = _children()

    def interrupted_here(x):
        if os.getpid() == parent and x >= 0:
            raise KeyboardInterrupt
        sum(range(20_000))
        return x

    results = forked.imap(interrupted_here, list(range(10_000)), 2, here=True)
    workers = _children() - before
    with pytest.raises(KeyboardInterrupt):
        list(results)
    assert not (_children() & workers) and all(_gone(pid) for pid in workers)


def test_with_here_this_process_takes_the_last_of_the_order_and_the_worker_the_first():
    """Largest first: this process takes the smallest inputs, so a worker never waits on a
    full pipe while this process is busy with a big one."""
    order = list(reversed(range(120)))  # as if the last input were the largest
    out = list(forked.imap(_work, list(range(120)), 2, order=order, here=True))
    assert [square for square, _ in out] == [x * x for x in range(120)]
    mine = [position for position, i in enumerate(order) if out[i][1] == os.getpid()]
    theirs = [position for position, i in enumerate(order) if out[i][1] != os.getpid()]
    assert mine and theirs
    assert max(theirs) < min(mine)  # the worker's inputs are a head of the order, this process's its tail


def test_with_here_a_big_result_is_read_whole_so_its_worker_goes_on():
    """A result bigger than a pipe holds: this process reads the rest of it at once instead of
    a pipe-full between its own inputs, or the worker would wait there until they were done."""
    parent = os.getpid()

    def big_then_slow(x):
        if x < 4:
            return "大" * 2_000_000, os.getpid()  # about 6 MB pickled, many pipe-fulls
        time.sleep(0.005)
        return "", os.getpid()

    out = list(forked.imap(big_then_slow, list(range(204)), 2, here=True))
    assert [len(text) for text, _ in out[:4]] == [2_000_000] * 4
    by_the_worker = sum(1 for _, pid in out[4:] if pid != parent)
    assert by_the_worker >= 40  # about half of the 200 small ones; none when it was kept waiting
