"""Finding the names of dated events (lexicon/events.toml) in a text, fast.

The plain way is one regex: the names, longest first, behind a look-behind that keeps an event
out of a longer ordinal (二十八大 is not 十八大).  It gives the right matches, but a pattern that
starts with a look-behind has no first character to scan for, so the engine tries it at every
position of the text.  :class:`NameScanner` gives exactly the same matches from a scan for a few
characters that together stand in every name (literals the engine finds at C speed), then runs the
names' pattern only in the short spans where a name can be.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from itertools import accumulate
from operator import attrgetter, methodcaller
from typing import Any, Generic, TypeVar

from orgwrite import lazyre

T = TypeVar("T")

#: No name is read inside a longer ordinal (二十八大 is not 十八大, 第二十届 not 二十届).
GUARD_CHARS = frozenset("一二三四五六七八九十〇零第")


class NameScanner(Generic[T]):
    """Every occurrence of a set of names, longest first at each place, left to right, no overlap.

    The matches are those of ``finditer`` over ``(?<![guard])(?:name1|name2|…)`` with the names
    sorted longest first (:data:`GUARD_CHARS` unless told; an empty guard lets every place count).
    """

    def __init__(self, names: dict[str, T], guard: frozenset[str] = GUARD_CHARS) -> None:
        self.values = names
        self.guard = guard
        pattern, anchors = scanner_spec(tuple(names))
        self.pattern = lazyre.compile(pattern)
        self.anchors = tuple((lazyre.compile(source), before, after) for source, before, after in anchors)

    def regions(self, text: str) -> list[tuple[int, int]]:
        """Disjoint spans of ``text`` that hold every place a name occurs.

        Each occurrence of a name holds a match of one of :attr:`anchors`, its anchor, and lies
        within the reach of that pattern around it, so it lies in the span of that reach; spans
        that overlap or touch are joined, so each occurrence lies whole in one span.
        """
        spans: list[tuple[int, int]] = []
        for pattern, before, after in self.anchors:
            spans += [(end - before, end + after) for end in map(_END, pattern.finditer(text))]
        spans.sort()
        regions: list[tuple[int, int]] = []
        for start, end in spans:
            if regions and start <= regions[-1][1]:
                if end > regions[-1][1]:
                    regions[-1] = (regions[-1][0], end)
            else:
                regions.append((start if start > 0 else 0, end))
        return regions

    def scan(self, text: str) -> list[tuple[T, int, int]]:
        """(value, start, end) of every occurrence, as the look-behind pattern would find them.

        A candidate whose preceding character is an ordinal is dropped and the search goes on
        from the next character, exactly where the look-behind pattern would go on.  The search
        runs only in :meth:`regions`: every occurrence of a name lies whole in one of them, so no
        match is lost, none is found that the whole text would not give, and the longest name at
        a place is never cut short at a region's end.
        """
        found: list[tuple[T, int, int]] = []
        values = self.values
        guard = self.guard
        search = self.pattern.search
        for pos, stop in self.regions(text):
            while m := search(text, pos, stop):
                start = m.start()
                if start and text[start - 1] in guard:
                    pos = start + 1
                    continue
                pos = m.end()
                found.append((values[m.group()], start, pos))
        return found


def trie_pattern(names) -> str:
    """A regex of ``names`` factored by common prefix that matches, at each place, the longest name.

    The same matches as the plain alternation sorted longest first, tried fewer times: the names
    share a handful of first characters.  A name that is a prefix of a longer one makes the rest
    optional and greedy (党的十九大 before 党的十九), so the longest name that matches wins.
    No names give a pattern that never matches.
    """
    trie: dict[str, dict] = {}
    for name in names:
        node = trie
        for ch in name:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in node.items() if ch]
        if not alts:
            return ""
        body = "(?:" + "|".join(alts) + ")"
        return body + "?" if "" in node else body

    return emit(trie) or "(?!)"


#: How many characters of a name, up to and including its anchor, its anchor pattern reads at most.
END_WIDTH = 8
#: How far into a name its anchor stands at least (at its last character, in a shorter name).
MIN_TAIL = 4

_END = methodcaller("end")


def anchor_patterns(names) -> tuple[tuple[str, int, int], ...]:
    """(pattern, before, after) for each of a few characters, the anchors, that together stand in every name.

    ``法(?<=共和国监察法|国家公务员法)`` starts with a literal, which the engine scans for at C
    speed; its matches are the anchors of every place a name read from that anchor occurs, and
    of a few more.  Every pattern is one pass over the text, and a pass costs about the same
    whatever it looks for: so the names are read from as few anchors as a greedy choice finds
    (the character that stands in most of the names not yet given one, the lower code point on a
    tie), not from each distinct last character (the shipped titles take six passes, not ten).
    A name's anchor is the last place of that character in it at least :data:`MIN_TAIL`
    characters in (or its last character, in a shorter name), so that enough of the name is read
    before it to let few other places through: as many characters, up to :data:`END_WIDTH`, as
    the names read from that anchor all have up to it.

    An occurrence of a name whose anchor match ends at ``e`` lies within ``[e - before, e + after)``:
    ``before`` is the most characters any of those names has up to and including its anchor,
    ``after`` the most it has after it.
    """
    # Per name, where each character that may be its anchor stands last (a later index wins).
    left = {name: {ch: i for i, ch in enumerate(name) if i + 1 >= min(MIN_TAIL, len(name))} for name in names}
    counts = Counter(ch for found in left.values() for ch in found)  # in how many names left
    anchored: dict[str, list[tuple[str, int]]] = {}
    while left:
        most = max(counts.values())
        anchor = min(ch for ch, n in counts.items() if n == most)
        read_here = anchored[anchor] = []
        for name in [name for name, found in left.items() if anchor in found]:
            found = left.pop(name)
            read_here.append((name, found[anchor]))
            counts.subtract(found.keys())  # one for each character of the name
        counts = +counts  # only the characters of the names left
    patterns = []
    for anchor, read_here in anchored.items():
        width = min(END_WIDTH, *(i + 1 for _name, i in read_here))
        tails = sorted({name[i + 1 - width : i + 1] for name, i in read_here})
        before = max(i + 1 for _name, i in read_here)
        after = max(len(name) - i - 1 for name, i in read_here)
        lookbehind = "(?<=" + "|".join(map(re.escape, tails)) + ")"
        patterns.append((re.escape(anchor) + lookbehind, before, after))
    return tuple(patterns)


Spec = tuple[str, tuple[tuple[str, int, int], ...]]
#: A spec file holds at most this many sets of names: when full, it is written again with the
#: ones this process asked for first (sets made from user lexicons or by tests must not make it
#: grow without end, nor push out the shipped ones every check asks for first).
MAX_SPECS = 16
#: The checksums of the sets of names this process asked for, found or made, first asked first
_USED: dict[int, None] = {}
#: [(the spec file's key or None, its specs by a checksum of the names)] once read in this process
_SPECS: list[tuple[tuple | None, dict[int, tuple[tuple[str, ...], Spec]]]] = []


def scanner_spec(names: tuple[str, ...]) -> Spec:
    """(:func:`trie_pattern`, :func:`anchor_patterns` as sources) of ``names``, kept on disk.

    Both cost milliseconds for the shipped titles (a Python step per character), in every
    process; a spec is pure data, a function of the names in their order and of this code, so
    it is kept in the user cache folder (beside the lexicon cache) and read back in microseconds.
    Why a spec read back is the one these functions give: it is stored with the very names it
    was made from (compared whole, not by the checksum that finds it), in a file keyed by the
    Python build (``re.escape``) and by this module's size and modification time (as Python
    keys its compiled modules), behind a checksum of its bytes.  A missing, damaged or
    unwritable file, or any other failure, falls back to working the spec out.
    """
    from zlib import crc32

    key, specs = _specs()
    code = crc32("\n".join(names).encode("utf-8", "surrogatepass"))
    _USED.setdefault(code)
    kept = specs.get(code)
    if kept is not None and kept[0] == names:
        return kept[1]
    spec = (trie_pattern(names), anchor_patterns(names))
    if key is not None:
        if len(specs) < MAX_SPECS:
            specs = dict(specs)
        else:
            first = list(_USED)[: MAX_SPECS - 1]
            specs = {c: specs[c] for c in first if c in specs}
        specs[code] = (names, spec)
        _SPECS[:] = [(key, specs)]
        _write_specs(key, specs)
    return spec


def _spec_file() -> tuple[Any, tuple]:
    """(the spec file, its key: this Python and this module as it stands)."""
    return lazyre.module_keyed_file("names-spec", __file__, ".marshal")


def _specs() -> tuple[tuple | None, dict[int, tuple[tuple[str, ...], Spec]]]:
    """(the key of the spec file, or None when there is none to use; its specs), read once."""
    if not _SPECS:
        key: tuple | None = None
        specs: dict = {}
        try:
            path, key = _spec_file()
        except Exception:  # no home folder, no module file
            pass
        else:
            stored = lazyre.read_kept(path, key)
            if isinstance(stored, dict):
                specs = stored
        _SPECS[:] = [(key, specs)]
    return _SPECS[0]


def _write_specs(key: tuple, specs: dict) -> None:
    """Replace the spec file atomically; an unwritable folder is silently skipped."""
    try:
        path, _key = _spec_file()
    except Exception:
        return
    lazyre.keep(path, key, specs)
    lazyre.prune(path, "names-spec*.marshal")


class Joined:
    """Texts (with their lines) joined by line breaks, so that one scan serves them all.

    A plain class, not a frozen dataclass: making one costs some 0.4 ms in every process (its
    methods are generated and compiled), and a joined text is only ever read.
    """

    __slots__ = ("starts", "text", "texts")

    def __init__(self, texts: list[tuple[str, int]], starts: list[int], text: str) -> None:
        self.texts = texts
        self.starts = starts  # where each text starts in :attr:`text`
        self.text = text

    @classmethod
    def of(cls, texts: list[tuple[str, int]]) -> Joined:
        plain = [text for text, _line in texts]
        starts = [0, *accumulate(map((1).__add__, map(len, plain)))]  # each text and its break
        starts.pop()
        return cls(texts, starts, "\n".join(plain))

    def locate(self, offset: int) -> tuple[str, int, int]:
        """(text, line, offset in that text) of an offset in :attr:`text`."""
        i = bisect_right(self.starts, offset) - 1
        text, line = self.texts[i]
        return text, line, offset - self.starts[i]


_TEXT = attrgetter("text")


class DocumentText:
    """The texts of all of a document's blocks joined by line breaks, and what scans of it found.

    The as-of inference (:mod:`orgwrite.asof`), D101–D104, T104, F103 and F104 each read the
    whole text once; built once per document (:func:`document_text`), it serves them all, and
    so does its one scan for event names (:attr:`events`).  A block's own matches are those
    of a pattern that holds no line break, found in the whole text: the break before a block
    is read as its start is.
    """

    __slots__ = ("_events", "doc", "starts", "text", "texts")

    def __init__(self, doc: Any, texts: list[str]) -> None:
        self.doc = doc
        self.texts = texts
        self.text = "\n".join(texts)
        starts = [0, *accumulate(map((1).__add__, map(len, texts)))]  # each text and its break
        starts.pop()
        self.starts = starts
        self._events: list | None = None

    def blocks_with(self, s: str) -> list[int]:
        """The indices, in order, of the blocks whose text holds ``s`` (which holds no line break):
        one ``str.find`` per such block, from the start of the next one."""
        found: list[int] = []
        text, starts = self.text, self.starts
        count = len(starts)
        at = text.find(s)
        while at >= 0:
            i = bisect_right(starts, at) - 1
            found.append(i)
            if i + 1 >= count:
                break
            at = text.find(s, starts[i + 1])
        return found

    @property
    def scanned(self) -> bool:
        """Whether :attr:`events` has been scanned for already."""
        return self._events is not None

    @property
    def events(self) -> list:
        """(event, start, end) of every name of a shipped event in :attr:`text` (scanned once)."""
        if self._events is None:
            from orgwrite.events import shipped_scan

            self._events = shipped_scan(self.text)
        return self._events


#: The last document's text: the as-of step and the rules of one check read the same document.
_LAST: list[DocumentText | None] = [None]


def document_text(doc: Any, cache: dict | None = None) -> DocumentText:
    """The :class:`DocumentText` of ``doc``, built once for the document as it stands.

    Kept for the last document only, and only for that very object with the very texts its
    blocks hold now (compared by identity first, so the test is cheap): a text is never found
    for another document because it reads the same.  A rule passes its check's cache, where
    the answer is kept for the other rules of the check (which read the document, not change it).
    """
    if cache is not None:
        kept = cache.get(_CACHE_KEY)
        if kept is not None and kept.doc is doc:
            return kept
    texts = list(map(_TEXT, doc.blocks))
    last = _LAST[0]
    if last is None or last.doc is not doc or last.texts != texts:
        last = _LAST[0] = DocumentText(doc, texts)
    if cache is not None:
        cache[_CACHE_KEY] = last
    return last


_CACHE_KEY = "event_names.document_text"
