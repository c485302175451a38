"""Turn the command line's paths into the list of files to check.

Directories are walked recursively for .txt, .md and .docx files without following
directory symlinks (so a symlink loop cannot hang the walk); patterns with * ? [ are
expanded like a shell would (``**`` included); ``--exclude`` patterns match a file's
name or any part of its path.  The order is stable: as given, each directory sorted.
"""

from __future__ import annotations

import fnmatch
import glob
import os
from pathlib import Path

CHECKED_SUFFIXES = (".txt", ".md", ".markdown", ".docx")
SKIPPED_DIRS = {".git", ".hg", ".svn", "__pycache__", "node_modules", ".venv", "venv", ".tox"}


def _excluded(path: str, patterns: tuple[str, ...]) -> bool:
    if not patterns:
        return False
    parts = Path(path).parts
    for pattern in patterns:
        if fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(Path(path).name, pattern):
            return True
        if any(fnmatch.fnmatch(part, pattern) for part in parts):
            return True
    return False


def expand_paths(paths: tuple[str, ...] | list[str], exclude: tuple[str, ...] = ()) -> list[str]:
    """Files to check, in a stable order; missing paths are kept so the reader reports them."""
    out: list[str] = []
    seen: set[str] = set()

    def add(p: str) -> None:
        if p not in seen and not _excluded(p, exclude):
            seen.add(p)
            out.append(p)

    for raw in paths:
        if raw == "-":
            add(raw)
            continue
        if os.path.isdir(raw):
            for root, dirs, files in os.walk(raw, followlinks=False):
                dirs[:] = sorted(
                    d for d in dirs if d not in SKIPPED_DIRS and not _excluded(os.path.join(root, d), exclude)
                )
                for name in sorted(files):
                    if name.lower().endswith(CHECKED_SUFFIXES) and not name.startswith("~$"):
                        add(os.path.join(root, name))
            continue
        if not os.path.exists(raw) and any(c in raw for c in "*?["):
            matches = sorted(glob.glob(raw, recursive=True))
            for m in matches:
                if os.path.isfile(m):
                    add(m)
            if not matches:
                add(raw)  # reported as missing
            continue
        add(raw)
    return out
