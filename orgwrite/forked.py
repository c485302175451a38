"""Worker processes forked from a warmed-up parent, with results in input order.

``concurrent.futures`` costs the parent about half a millisecond of CPU per chunk of results
(its manager and feeder threads wake for each chunk and hand the futures over), taken on two
cores from the workers: 0.05–0.1 s on 400 files.  Here each worker takes the next input from
a counter in shared memory (so inputs of unequal size balance without the parent), and
writes each result to its own pipe as one length-prefixed pickle.

With ``here=True`` the parent is one of the ``jobs`` processes: it forks one worker fewer
and takes inputs from the same counter, reading the pipes between its own inputs.  On two
cores, a parent that only read pipes was a third process: its CPU for the workers' results
came out of theirs, and so did pickling the results it now keeps.  Linux (fork) only;
elsewhere :mod:`orgwrite.batch` uses a pool.
"""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from orgwrite.errors import OrgwriteError

_HEADER = 8  # bytes of a message's length


class _Counter:
    """The inputs not yet claimed, ``order[front:back]``, shared by forked processes: two words
    of shared memory, guarded by a one-byte token in a pipe (whoever has read the byte holds
    the lock).  Workers claim from the front; a parent that works too claims from the back."""

    def __init__(self, count: int) -> None:
        import mmap

        self.memory = mmap.mmap(-1, 16)  # anonymous and shared with the children
        self.memory[8:16] = count.to_bytes(8, "little")
        self.token_r, self.token_w = os.pipe()
        os.write(self.token_w, b"\0")

    def take(self, count: int, *, last: bool = False) -> range:
        """Claim up to ``count`` positions of ``order``: the first ones left, or the last ones."""
        os.read(self.token_r, 1)
        try:
            front = int.from_bytes(self.memory[:8], "little")
            back = int.from_bytes(self.memory[8:16], "little")
            if last:
                claimed = range(max(front, back - count), back)
                self.memory[8:16] = claimed.start.to_bytes(8, "little")
            else:
                claimed = range(front, min(back, front + count))
                self.memory[:8] = claimed.stop.to_bytes(8, "little")
        finally:
            os.write(self.token_w, b"\0")
        return claimed

    def close(self) -> None:
        os.close(self.token_r)
        os.close(self.token_w)
        self.memory.close()


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _serve(
    func: Callable[[Any], Any], items: Sequence, order: Sequence[int], counter: _Counter, out: int, chunk: int
) -> None:
    """A worker's life: claim ``chunk`` inputs at a time (in ``order``) until none is left."""
    while claimed := counter.take(chunk):
        for i in order[claimed.start : claimed.stop]:
            try:
                message = (i, func(items[i]), None)
            except BaseException as exc:  # sent to the parent, which raises it in order
                message = (i, None, exc)
            try:
                data = pickle.dumps(message, pickle.HIGHEST_PROTOCOL)
            except Exception as exc:  # an unpicklable result or exception
                data = pickle.dumps((i, None, RuntimeError(f"{type(exc).__name__}: {exc}")))
            _write_all(out, len(data).to_bytes(_HEADER, "little") + data)


def imap(
    func: Callable[[Any], Any],
    items: Sequence,
    jobs: int,
    chunk: int = 1,
    order: Sequence[int] | None = None,
    *,
    here: bool = False,
) -> Iterator:
    """``func(item)`` for each of ``items``, in their order, computed by ``jobs`` forked
    processes.  The processes are started now; an exception raised by ``func`` is raised
    here when its item's turn comes, and the workers are then stopped.

    ``order``: the indexes of ``items`` in the order the workers take them (the longest
    first, and no worker is left alone with a big one at the end); results still come in
    the order of ``items``.

    ``here``: this process is one of the ``jobs`` and computes inputs too, as it iterates
    (``jobs - 1`` workers are forked).  Its own results are not pickled; an exception that
    is not an ``Exception`` (KeyboardInterrupt, SystemExit) is raised at once, ahead of the
    results before it, and the workers are stopped.
    """
    order = range(len(items)) if order is None else order
    counter = _Counter(len(items))
    children: dict[int, int] = {}  # read end of a worker's pipe -> its pid
    try:
        for _ in range(jobs - 1 if here else jobs):
            read, write = os.pipe()
            pid = os.fork()
            if pid == 0:  # the worker
                code = 0
                try:
                    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops us
                    os.close(read)
                    for fd in children:
                        os.close(fd)
                    _serve(func, items, order, counter, write, chunk)
                except BaseException:
                    code = 1
                finally:
                    os._exit(code)
            os.close(write)
            children[read] = pid
    except BaseException:
        _stop(children, counter)
        raise
    mine = _Share(func, items, order, counter, chunk) if here else None
    return _collect(children, counter, len(items), mine)


class _Share:
    """The parent's part of the work when it is one of the jobs: the inputs it claims from
    the back of ``order`` (the smallest, when the largest come first), computed one at a time
    between readings of the pipes.  Each of them is no bigger than what a worker is checking,
    so a worker is not left waiting on a full pipe while this process is busy with a big one."""

    def __init__(
        self, func: Callable[[Any], Any], items: Sequence, order: Sequence[int], counter: _Counter, chunk: int
    ):
        self.func, self.items, self.order, self.counter, self.chunk = func, items, order, counter, chunk
        self.claimed: list[int] = []
        self.left = True  # inputs may be left to claim

    def step(self, done: dict[int, tuple[Any, BaseException | None]]) -> bool:
        """Compute one input into ``done``; False once no input is left to take."""
        if not self.claimed:
            if not self.left:
                return False
            claimed = self.counter.take(self.chunk, last=True)
            if not claimed:
                self.left = False
                return False
            self.claimed = list(self.order[claimed.start : claimed.stop])
        i = self.claimed.pop()  # the last first
        try:
            done[i] = (self.func(self.items[i]), None)
        except Exception as exc:  # raised in order, as a worker's would be
            done[i] = (None, exc)
        return True


def _collect(children: dict[int, int], counter: _Counter, count: int, mine: _Share | None = None) -> Iterator:
    import select

    poll = select.poll()
    buffers = {}
    for fd in children:
        poll.register(fd, select.POLLIN)
        buffers[fd] = bytearray()
    open_pipes = len(children)
    done: dict[int, tuple[Any, BaseException | None]] = {}

    def read(fd: int) -> bool:
        """Take the results that have come on ``fd`` into ``done``; False once its worker has
        left.  A result that is partly here is read to its end at once: its worker is writing
        the rest now, and would otherwise wait on the full pipe (while this process checks
        inputs of its own, a pipe-full between each)."""
        buffer = buffers[fd]
        while True:
            data = os.read(fd, 1 << 16)
            if not data:
                return False
            buffer += data
            start = 0
            while len(buffer) - start >= _HEADER:
                size = int.from_bytes(buffer[start : start + _HEADER], "little")
                end = start + _HEADER + size
                if len(buffer) < end:
                    break
                k, value, error = pickle.loads(buffer[start + _HEADER : end])
                done[k] = (value, error)
                start = end
            del buffer[:start]
            if not buffer:
                return True

    finished = False
    try:
        for i in range(count):
            while i not in done:
                # What has come is taken first; then, with a share of its own, this process
                # computes an input while the one due is not here, and waits only when it has none.
                ready = poll.poll(0)
                if not ready:
                    if mine is not None and mine.step(done):
                        continue
                    if not open_pipes:
                        raise OrgwriteError("检查进程意外退出（可能内存不足），未能完成全部输入")
                    ready = poll.poll()
                for fd, _event in ready:
                    if not read(fd):  # the worker has left
                        poll.unregister(fd)
                        open_pipes -= 1
            value, error = done.pop(i)
            if error is not None:
                raise error
            yield value
        finished = True
    finally:
        _stop(children, counter, wait=finished)


def _stop(children: dict[int, int], counter: _Counter, *, wait: bool = False) -> None:
    """Reap the workers and close what they shared.  ``wait``: every result has come, so the
    workers are leaving by themselves; otherwise those still at work are stopped."""
    for fd, pid in children.items():
        try:
            if not wait and os.waitpid(pid, os.WNOHANG) == (0, 0):
                os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
        os.close(fd)
    children.clear()
    counter.close()
