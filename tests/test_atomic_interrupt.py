"""Ctrl-C while a file is being replaced leaves the old file or the new one, and nothing else.

A run interrupted during ``check --fix`` once left a ``.name.xxxx.tmp`` file beside the
user's document: the interrupt arrived after the temporary file was created and before
the code that removes it on failure was entered.  Here the interrupt is delivered at
exactly that moment (right after the temporary file is made).
"""

from __future__ import annotations

import signal
import tempfile
import threading

import pytest

from orgwrite.io import atomic

pytestmark = pytest.mark.skipif(not hasattr(signal, "raise_signal"), reason="no signals to raise")


def _interrupt_after(real_mkstemp):
    def mkstemp(*args, **kwargs):
        made = real_mkstemp(*args, **kwargs)
        signal.raise_signal(signal.SIGINT)  # Ctrl-C, right after the file exists
        return made

    return mkstemp


@pytest.mark.parametrize("new", [True, False])
def test_ctrl_c_right_after_the_temporary_file_is_made_leaves_no_trace(tmp_path, monkeypatch, new):
    assert threading.current_thread() is threading.main_thread()
    target = tmp_path / "稿子.txt"
    if not new:
        target.write_bytes("旧的内容。\n".encode())
    monkeypatch.setattr(tempfile, "mkstemp", _interrupt_after(tempfile.mkstemp))
    with pytest.raises(KeyboardInterrupt):
        atomic.atomic_write_bytes(target, "新的内容。\n".encode(), force=True)
    # The interrupt still stops the run, once the file is whole: no half file, no litter.
    assert target.read_bytes() == "新的内容。\n".encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["稿子.txt"]


def test_the_ctrl_c_handler_is_the_same_afterwards(tmp_path):
    before = signal.getsignal(signal.SIGINT)
    atomic.atomic_write_bytes(tmp_path / "a.txt", b"x", force=True)
    assert signal.getsignal(signal.SIGINT) is before


def test_a_write_from_another_thread_still_works(tmp_path):
    errors = []

    def write():
        try:
            atomic.atomic_write_bytes(tmp_path / "b.txt", "内容".encode(), force=True)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    t = threading.Thread(target=write)
    t.start()
    t.join()
    assert errors == [] and (tmp_path / "b.txt").read_bytes() == "内容".encode()
