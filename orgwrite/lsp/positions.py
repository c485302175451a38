"""Character columns (orgwrite) ↔ UTF-16 code units (LSP), line by line.

A character outside the Basic Multilingual Plane (𠮷, most emoji) is one character for
orgwrite and two code units for LSP; everything before it on the line shifts by one.
"""

from __future__ import annotations


def utf16_column(line: str, column: int) -> int:
    """0-based UTF-16 offset of the 1-based character ``column`` of ``line``."""
    prefix = line[: max(0, column - 1)]
    return len(prefix) + sum(1 for ch in prefix if ord(ch) > 0xFFFF)


def char_column(line: str, utf16: int) -> int:
    """1-based character column of the 0-based UTF-16 offset ``utf16`` in ``line``."""
    units = 0
    for i, ch in enumerate(line):
        if units >= utf16:
            return i + 1
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(line) + 1
