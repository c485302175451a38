"""The lexicon hits of a document sorted by role once, for the enumeration and formulation rules.

Five rules read the same hits for different roles (E101–E104 the members and abbreviations of a
block, E105/E106 the abbreviations, F101 the wrong formulations, F102 the blocks with an anchor).
Asked separately, each walks every role of every hit of the document; here one walk serves them
all, and keeps the order of the hits and of their roles, so that each rule sees its hits as
:func:`orgwrite.lexicon.role_hits` gives them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from orgwrite.lexicon import Entry, Hit, context_lexicon, document_hits
from orgwrite.model import Block, Document
from orgwrite.rules.base import Context


@dataclass
class BlockRoles:
    """The hits of one block, and what the enumeration and formulation rules need of them."""

    block: Block
    hits: list[Hit]
    #: entry id → the hits that are its members or known wrong members, in hit order (entries
    #: in the order of their first such hit; a hit that is both is listed twice)
    members: dict[str, list[Hit]] = field(default_factory=dict)
    #: (start, end, entry) of the hits that are an enumeration's abbreviation, in hit order
    abbrs: list[tuple[int, int, Entry]] = field(default_factory=list)
    #: whether some hit is a formulation's anchor (the only hits a near miss starts from)
    anchored: bool = False


@dataclass
class DocumentRoles:
    blocks: list[BlockRoles]
    #: (block, hit, entry) for each hit and role, in the order of role_hits(doc, ctx, role)
    by_role: dict[str, list[tuple[Block, Hit, Entry]]]


#: The roles whose (block, hit, entry) triples are kept for role_hits-like iteration.
_LISTED = ("abbr", "fwrong")
#: Every role document_roles reads; a hit whose string plays none of them is passed by.
_READ = frozenset({"member", "mwrong", "abbr", "anchor", "fwrong"})


def document_roles(doc: Document, ctx: Context) -> DocumentRoles:
    """The document's hits sorted by role (computed once per check)."""
    cached = ctx.cache.get("enumeration.roles")
    if cached is not None:
        return cached
    lex = context_lexicon(ctx)
    entries = lex.entries
    # A hit's roles are some of its string's roles (the longest-match guard only drops roles):
    # a string that plays none of _READ gives a hit with nothing to read here.
    playing = lex.patterns_playing(_READ)
    by_role: dict[str, list[tuple[Block, Hit, Entry]]] = {role: [] for role in _LISTED}
    abbr_hits, fwrong_hits = by_role["abbr"], by_role["fwrong"]
    blocks: list[BlockRoles] = []
    for block, hits in document_hits(doc, ctx):
        members: dict[str, list[Hit]] = {}
        abbrs: list[tuple[int, int, Entry]] = []
        anchored = False
        for h in hits:
            if h.text not in playing:
                continue
            for role, eid, _ in h.roles:
                if role == "member" or role == "mwrong":
                    listed = members.get(eid)
                    if listed is None:
                        members[eid] = [h]  # no new empty list for each hit, as setdefault makes
                    else:
                        listed.append(h)
                elif role == "abbr":
                    entry = entries[eid]
                    abbrs.append((h.start, h.end, entry))
                    abbr_hits.append((block, h, entry))
                elif role == "anchor":
                    anchored = True
                elif role == "fwrong":
                    fwrong_hits.append((block, h, entries[eid]))
        blocks.append(BlockRoles(block, hits, members, abbrs, anchored))
    cached = ctx.cache["enumeration.roles"] = DocumentRoles(blocks, by_role)
    return cached


def listed_hits(doc: Document, ctx: Context, role: str) -> list[tuple[Block, Hit, Any]]:
    """What ``role_hits(doc, ctx, role)`` yields, for a role of _LISTED."""
    return document_roles(doc, ctx).by_role[role]
