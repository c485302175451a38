"""The lexicon: standard formulations, enumerations, dated wording, confusables, banned wording.

Data lives in TOML files (``lexicon/*.toml`` in a checkout, ``orgwrite/data/lexicon`` in a
wheel; the schema is documented in ``lexicon/README.md``).  This package

* loads and validates them (:mod:`.schema`, :mod:`.loading`) — duplicate ids, conflicting
  entries, bad dates, unknown fields and bad regular expressions are errors naming the file
  and line;
* compiles every known string once into one Aho–Corasick automaton (:mod:`.matcher`);
* caches the compiled lexicon per process and on disk, keyed by a hash of the data (:mod:`.cache`);
* answers the drafting API: :meth:`Lexicon.wording` and :meth:`Lexicon.members`.

Rules use :meth:`Lexicon.scan` (exact hits with a longest-match guard, shared per check through
:func:`document_hits`), :meth:`Lexicon.near_misses` (rapidfuzz on windows around anchors only,
:mod:`.nearmiss`) and :meth:`Lexicon.is_word` (jieba on a small window with a dictionary that
loads in milliseconds, :mod:`.segment`).
"""

from orgwrite.lexicon.cache import FORMAT_VERSION, data_hash, load_lexicon
from orgwrite.lexicon.compiling import compile_entries
from orgwrite.lexicon.hits import JoinedText, cite, context_lexicon, document_hits, document_text, role_hits
from orgwrite.lexicon.loading import check_entries, load_entries, read_file, shipped_files
from orgwrite.lexicon.matcher import GUARDED_ROLES, Hit, Lexicon
from orgwrite.lexicon.schema import (
    DEFAULT_SEVERITY,
    FIELDS,
    KINDS,
    REQUIRED,
    SEVERITIES,
    Entry,
    LexiconError,
    Problem,
    count_word,
)

__all__ = [
    "DEFAULT_SEVERITY",
    "FIELDS",
    "FORMAT_VERSION",
    "GUARDED_ROLES",
    "KINDS",
    "REQUIRED",
    "SEVERITIES",
    "Entry",
    "Hit",
    "JoinedText",
    "Lexicon",
    "LexiconError",
    "Problem",
    "check_entries",
    "cite",
    "compile_entries",
    "context_lexicon",
    "count_word",
    "data_hash",
    "document_hits",
    "document_text",
    "load_entries",
    "load_lexicon",
    "read_file",
    "role_hits",
    "shipped_files",
]
