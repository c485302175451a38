"""The cyclic garbage collector held off while a command starts up.

A command's start-up (its modules, the rules, the compiled lexicon, jieba, the patterns) makes
some 30 000 objects the collector tracks, nearly all of them living until the process exits,
and the collector goes through them again and again as they are made: some 4 ms of a 90 ms
check, to find a few hundred objects that imports leave behind (a check itself makes next to
no cycles).  So the orgwrite command's own process (:func:`orgwrite.cli.script`) calls
:func:`hold`; :func:`release` freezes what start-up made (out of the collector's reach for
good) and turns it on again once a command has loaded what it needs: every command but
``check`` right after its import; ``check`` after its first input, or, when it forks workers,
after the warm-up that loads what they share (this process checks inputs too, from then on);
and a process forked meanwhile as it starts.  Only that process holds it: a program that calls
:func:`orgwrite.cli.main`, or runs the commands through click, keeps its collector (and its
own garbage collectable) as it is.  Its own module, so that :mod:`orgwrite.batch` can release
it without importing the CLI.
"""

from __future__ import annotations

import gc

#: Whether :func:`hold` holds the collector off now.
_HELD: list[bool] = []


def hold() -> None:
    """Turn the collector off until :func:`release` (nothing when it is off already)."""
    if gc.isenabled():
        gc.disable()
        _HELD.append(True)


def release() -> None:
    """End :func:`hold`: freeze what is alive now and let the collector run again (nothing
    when it was not held)."""
    if _HELD:
        _HELD.clear()
        gc.freeze()
        gc.enable()


def give_back() -> None:
    """End :func:`hold` without freezing: the command is over (or stopped early)."""
    if _HELD:
        _HELD.clear()
        gc.enable()
