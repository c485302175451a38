"""Per-document helpers the lexicon rules share: one scan per check, hits by role, citations."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from orgwrite.lexicon.cache import load_lexicon
from orgwrite.lexicon.matcher import Hit, Lexicon
from orgwrite.lexicon.schema import Entry


def cite(entry: Entry, limit: int = 60) -> str:
    """A short source for a message: the first part of ``source`` that is not an address."""
    for part in re.split(r"[；;]", entry.source):
        part = part.strip()
        if not part or part.startswith(("http", "lexicon-facts")) or "://" in part[:12]:
            continue
        part = re.sub(r"lexicon-facts\s*\S+[:：]?\s*", "", part).strip("：: ")
        part = re.sub(r"https?://\S+", "", part).strip()
        if part:
            return part if len(part) <= limit else part[: limit - 1] + "…"
    return ""


def document_hits(doc: Any, ctx: Any) -> list[tuple[Any, list[Hit]]]:
    """(block, hits) for every text block of ``doc``, scanned once per check and shared by the rules."""
    cached = ctx.cache.get("lexicon.hits")
    if cached is not None:
        return cached
    from orgwrite.model import BlockKind

    lex = ctx.cache.get("lexicon") or load_lexicon(ctx.config)
    ctx.cache["lexicon"] = lex
    blocks = [b for b in doc.blocks if b.kind is not BlockKind.CHROME and b.text]
    scanned = lex.scan_many([b.text for b in blocks])
    out = [(block, hits) for block, hits in zip(blocks, scanned, strict=True) if hits]
    ctx.cache["lexicon.hits"] = out
    return out


def role_hits(doc: Any, ctx: Any, role: str) -> Iterator[tuple[Any, Hit, Entry]]:
    """(block, hit, entry) for every hit of ``doc`` in which an entry plays ``role``."""
    entries = context_lexicon(ctx).entries
    for block, hits in document_hits(doc, ctx):
        for h in hits:
            for r, eid, _ in h.roles:
                if r == role:
                    yield block, h, entries[eid]


def context_lexicon(ctx: Any) -> Lexicon:
    lex = ctx.cache.get("lexicon")
    if lex is None:
        lex = ctx.cache["lexicon"] = load_lexicon(ctx.config)
    return lex
