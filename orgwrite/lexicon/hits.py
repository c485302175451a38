"""Per-document helpers the lexicon rules share: one scan per check, hits by role, citations."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from orgwrite import lazyre
from orgwrite.lexicon.cache import load_lexicon
from orgwrite.lexicon.matcher import Hit, Lexicon
from orgwrite.lexicon.schema import Entry

#: cite's patterns, through the pattern cache (``re``'s own would compile them in every process
#: that cites a source)
_SOURCE_PARTS_RE = lazyre.lazy(r"[；;]")
_FACTS_RE = lazyre.lazy(r"lexicon-facts\s*\S+[:：]?\s*")
_ADDRESS_RE = lazyre.lazy(r"https?://\S+")


def cite(entry: Entry, limit: int = 60) -> str:
    """A short source for a message: the first part of ``source`` that is not an address."""
    for part in _SOURCE_PARTS_RE.split(entry.source):
        part = part.strip()
        if not part or part.startswith(("http", "lexicon-facts")) or "://" in part[:12]:
            continue
        part = _FACTS_RE.sub("", part).strip("：: ")
        part = _ADDRESS_RE.sub("", part).strip()
        if part:
            return part if len(part) <= limit else part[: limit - 1] + "…"
    return ""


class JoinedText(NamedTuple):
    """The texts of a document's text blocks (not chrome, not empty) joined by line breaks."""

    blocks: list[Any]
    texts: list[str]
    #: the texts joined by ``\\n``; a block's text starts one past the previous one's end
    text: str


def document_text(doc: Any, ctx: Any) -> JoinedText:
    """The document's :class:`JoinedText`, built once per check and shared by the searches that
    walk the whole text (the lexicon scan, W201)."""
    found = ctx.cache.get("lexicon.joined")
    if found is None or found[0] is not doc:
        from orgwrite.model import BlockKind

        blocks = [b for b in doc.blocks if b.kind is not BlockKind.CHROME and b.text]
        texts = [b.text for b in blocks]
        text = "\n".join(texts)
        found = ctx.cache["lexicon.joined"] = (doc, JoinedText(blocks, texts, text))
    return found[1]


def document_hits(doc: Any, ctx: Any) -> list[tuple[Any, list[Hit]]]:
    """(block, hits) for every text block of ``doc``, scanned once per check and shared by the rules.

    Hits of strings that only guard a confusable's right word are left out (see
    :meth:`Lexicon.scan_many`); blocks without hits are left out too.
    """
    cached = ctx.cache.get("lexicon.hits")
    if cached is not None:
        return cached
    lex = ctx.cache.get("lexicon") or load_lexicon(ctx.config)
    ctx.cache["lexicon"] = lex
    joined = document_text(doc, ctx)
    if not joined.blocks:
        ctx.cache["lexicon.hits"] = []
        return []
    probes = _probes(lex)
    probed: list[int] = []
    scanned = lex.scan_joined(joined.texts, joined.text, guard_only=False, probes=probes, probed=probed)
    out = [(block, hits) for block, hits in zip(joined.blocks, scanned, strict=True) if hits]
    ctx.cache["lexicon.hits"] = out
    if probes:
        blocks = joined.blocks
        ctx.cache["lexicon.doubled"] = [blocks[k] for k in dict.fromkeys(probed)]
    return out


#: The function words W201 reports when written twice (see :mod:`orgwrite.rules.typos`).
DOUBLED_CHARACTERS = "的了在是和与及对被将从向于并而就也都其"
_DOUBLED = tuple(c + c for c in DOUBLED_CHARACTERS)


def _probes(lex: Lexicon) -> tuple[str, ...]:
    """The doubled function words, looked for in the document walk (see :func:`doubled_blocks`),
    unless one of them is a known string (it would then be found as that string only)."""
    known = lex.patterns_playing(frozenset(lex.role_patterns))
    return () if known.intersection(_DOUBLED) else _DOUBLED


def doubled_blocks(doc: Any, ctx: Any) -> list[Any] | None:
    """The text blocks in which one of :data:`DOUBLED_CHARACTERS` stands twice, in document
    order, as the document scan found them; None when no scan has found them for this check."""
    if ctx.cache.get("lexicon.hits") is None:
        return None
    return ctx.cache.get("lexicon.doubled")


#: The roles rules ask :func:`role_hits` for; they are listed in one pass over the hits, any
#: other role in a pass of its own when it is first asked for.
_ASKED_ROLES = frozenset({"fwrong", "dated", "abbr", "conf", "ban"})


def role_hits(doc: Any, ctx: Any, role: str) -> Iterator[tuple[Any, Hit, Entry]]:
    """(block, hit, entry) for every hit of ``doc`` in which an entry plays ``role``.

    Several rules ask for one role each; the document's hits are sorted by role once and
    each call reads its list (in the order of the hits).
    """
    index = ctx.cache.get("lexicon.roles")
    if index is None:
        index = ctx.cache["lexicon.roles"] = _role_index(doc, ctx, _ASKED_ROLES)
    found = index.get(role)
    if found is None:
        found = index[role] = _role_index(doc, ctx, frozenset({role})).get(role, [])
    return iter(found)


def _role_index(doc: Any, ctx: Any, wanted: frozenset[str]) -> dict[str, list[tuple[Any, Hit, Entry]]]:
    """role → (block, hit, entry) for the ``wanted`` roles (each listed, found or not)."""
    lex = context_lexicon(ctx)
    entries = lex.entries
    # The patterns in which a wanted role is played; a hit of any other pattern plays none
    # (the guard only ever takes roles away from a hit).
    candidates = lex.patterns_playing(wanted)
    index: dict[str, list[tuple[Any, Hit, Entry]]] = {r: [] for r in wanted}
    for block, hits in document_hits(doc, ctx):
        for h in hits:
            if h[2] not in candidates:
                continue
            for r, eid, _ in h[3]:
                if r in wanted:
                    index[r].append((block, h, entries[eid]))
    return index


def context_lexicon(ctx: Any) -> Lexicon:
    lex = ctx.cache.get("lexicon")
    if lex is None:
        lex = ctx.cache["lexicon"] = load_lexicon(ctx.config)
    return lex
