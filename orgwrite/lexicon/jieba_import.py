"""``import jieba`` at a fraction of its cost, for :mod:`orgwrite.lexicon.segment`.

jieba imports, at its top, modules it needs only for what orgwrite does not use (the cache of
its full dictionary, ``pkg_resources`` to find its files, its HMM): :func:`import_jieba` puts
off or avoids each of them, so that a process that cuts a few windows pays little for jieba.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import threading
from collections.abc import Iterator
from typing import Any


def import_jieba() -> Any:
    """``import jieba``, without the imports it needs only for what orgwrite does not use.

    * ``pkg_resources`` (80 ms), which it only uses to find its files: when it cannot be
      imported, jieba opens its data files beside its own module, which is where they are; an
      already imported ``pkg_resources`` is left alone.
    * ``jieba.finalseg``, its HMM for unknown words (about 10 ms, most of it the emission
      table): a cut with ``HMM=False`` never touches it, so it is put in place as a module
      that loads on first use (see :func:`_import_lazily`), and then with its table read on
      demand (see :func:`orgwrite.lexicon.segment.load_hmm`).
    * ``tempfile`` and ``hashlib``, for the cache of its full dictionary only (see
      :func:`_on_first_use`).
    * compiling its patterns (see :func:`precompile`).
    """
    if _JIEBA:
        return _JIEBA[0]
    with LOCK:  # another thread may be importing it: its module is in sys.modules half made
        if not _JIEBA:
            _JIEBA.append(_import_jieba())
    return _JIEBA[0]


#: jieba, once imported completely.
_JIEBA: list[Any] = []
#: Held while jieba is imported, and by :func:`orgwrite.lexicon.segment.load_hmm` while its HMM loads.
LOCK = threading.RLock()


def _import_jieba() -> Any:
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    import logging

    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # makes the import fail fast
    precompile(JIEBA_PATTERNS)
    try:
        with put_off(JIEBA_PUTS_OFF):
            jieba = _import_lazily()
    finally:
        if blocked and sys.modules.get("pkg_resources") is None:
            del sys.modules["pkg_resources"]
    jieba.setLogLevel(logging.WARNING)
    return jieba


#: The patterns ``jieba`` and ``jieba.finalseg`` compile at their top, as they compile them.
JIEBA_PATTERNS = (
    ("^(.+?)( [0-9]+)?( [a-z]+)?$", re.U),
    ("[a-zA-Z0-9]", re.U),
    ("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]+)", re.U),
    ("(\r\n|\\s)", re.U),
)
FINALSEG_PATTERNS = (("([\u4e00-\u9fd5]+)", 0), ("([a-zA-Z0-9]+(?:\\.\\d+)?%?)", 0))


def precompile(patterns: tuple[tuple[str, int], ...]) -> None:
    """Put ``patterns`` in ``re``'s own cache of compiled patterns, built by
    :func:`orgwrite.lazyre.compile`, for the ``re.compile`` calls of a module about to run.

    jieba's patterns cost about 3 ms to compile in every process (its classes of Han
    characters, in ``re``'s charset optimiser); :func:`orgwrite.lazyre.compile` gives exactly
    the pattern ``re.compile`` gives (checked equal before its code is ever kept) in
    microseconds.  ``re.compile(pattern, flags)`` first looks for ``(type(pattern), pattern,
    flags)`` in ``re._cache`` (CPython 3.11 to 3.13), and puts what it compiles there itself;
    an entry already there is left alone.  On any other Python nothing is put there: the
    patterns are compiled as usual.  A pattern jieba no longer compiles is merely never asked for.
    """
    cache = getattr(re, "_cache", None)
    known = sys.implementation.name == "cpython" and (3, 11) <= sys.version_info < (3, 14)
    if not known or not isinstance(cache, dict):
        return
    from orgwrite import lazyre

    for pattern, flags in patterns:
        key = (str, pattern, int(flags))
        if key not in cache:
            cache[key] = lazyre.compile(pattern, flags)


#: The modules jieba imports for the cache of its full dictionary only (``gettempdir``,
#: ``mkstemp``, and ``md5`` for its name), which the SQLite copy of
#: :mod:`orgwrite.lexicon.segment` avoids, with the functions it takes from them by name as it
#: is imported (``from hashlib import md5``).  ``tempfile`` costs about 4 ms (``shutil``,
#: ``random``, ``bz2``, ``lzma``), ``hashlib`` about 3 ms (it loads OpenSSL).
JIEBA_PUTS_OFF: dict[str, tuple[str, ...]] = {"tempfile": (), "hashlib": ("md5",)}
#: What ``jieba.finalseg`` imports for Jython only (``pickle``, about 1.5 ms), when its HMM loads.
FINALSEG_PUTS_OFF: dict[str, tuple[str, ...]] = {"pickle": ()}


@contextlib.contextmanager
def put_off(modules: dict[str, tuple[str, ...]]) -> Iterator[None]:
    """While a module of jieba runs: the ``modules`` not imported yet are stand-ins (see
    :func:`_on_first_use`), each with the functions it is taken by name for.

    Not while other threads run (in a program that uses orgwrite as a library): one of them
    could import such a module meanwhile and get the stand-in, or set something on it that the
    real module would not have."""
    if threading.active_count() > 1:
        yield
        return
    stand_ins = [_on_first_use(name, *calls) for name, calls in modules.items() if name not in sys.modules]
    try:
        yield
    finally:
        for stand_in in stand_ins:
            _retire(stand_in)


def _on_first_use(name: str, *calls: str) -> Any:
    """A stand-in for the module ``name`` in ``sys.modules`` while a module of jieba runs (its
    ``import`` takes it), which imports the real one when first asked for a name.

    The first name asked for, in any thread, takes the stand-in out of ``sys.modules`` (if it is
    still there) and imports the module, so that nobody, jieba included, ever gets anything but
    the real module's attributes; but for ``calls``, the functions jieba takes by name at its
    import: each is a function that calls the real module's function of that name (importing
    the module then), with the same arguments and result.
    """
    import importlib
    import types

    stand_in = types.ModuleType(name)

    def real_attribute(attr: str) -> Any:
        if attr == "__path__":  # the import system asks whether ``from name import ...`` is from a package
            raise AttributeError(attr)
        _retire(stand_in)
        return getattr(importlib.import_module(name), attr)

    def calling(attr: str) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            return real_attribute(attr)(*args, **kwargs)

        call.__name__ = call.__qualname__ = attr
        return call

    stand_in.__getattr__ = real_attribute  # type: ignore[method-assign]
    for attr in calls:
        setattr(stand_in, attr, calling(attr))
    sys.modules[name] = stand_in
    return stand_in


_RETIRING = threading.Lock()


def _retire(stand_in: Any) -> None:
    """Take ``stand_in`` out of ``sys.modules``; the lock keeps two threads from both doing it
    (the second would take out the real module the first one's import had put there)."""
    with _RETIRING:
        if sys.modules.get(stand_in.__name__) is stand_in:
            del sys.modules[stand_in.__name__]


def _import_lazily() -> Any:
    """Import jieba with ``jieba.finalseg`` a module that is executed on its first attribute use.

    jieba's ``from . import finalseg`` finds the lazy module as the package's attribute, set
    before the package runs (finding it in ``sys.modules`` only would load it there and then);
    ``finalseg.cut`` and ``finalseg.add_force_split`` load it.  Without the usual layout on
    disk, jieba is imported as it is.
    """
    import importlib.util

    spec = importlib.util.find_spec("jieba")
    where = spec.submodule_search_locations if spec is not None else None
    if spec is None or spec.loader is None or not where:
        import jieba

        return jieba
    folder = os.path.join(where[0], "finalseg")
    sub = importlib.util.spec_from_file_location(
        "jieba.finalseg", os.path.join(folder, "__init__.py"), submodule_search_locations=[folder]
    )
    if sub is None or sub.loader is None:
        import jieba

        return jieba
    sub.loader = importlib.util.LazyLoader(sub.loader)
    finalseg = importlib.util.module_from_spec(sub)
    sub.loader.exec_module(finalseg)
    jieba = importlib.util.module_from_spec(spec)
    jieba.finalseg = finalseg  # type: ignore[attr-defined]
    sys.modules["jieba"], sys.modules["jieba.finalseg"] = jieba, finalseg
    try:
        spec.loader.exec_module(jieba)
    except BaseException:
        sys.modules.pop("jieba", None)
        sys.modules.pop("jieba.finalseg", None)
        raise
    return jieba
