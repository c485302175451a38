"""The lexicon hits of a document sorted by role once, for the enumeration and formulation rules.

Five rules read the same hits for different roles (E101–E104 the members and abbreviations of a
block, E105/E106 the abbreviations, F101 the wrong formulations, F102 the blocks with an anchor).
Asked separately, each walks every role of every hit of the document; here one walk serves them
all, and keeps the order of the hits and of their roles, so that each rule sees its hits as
:func:`orgwrite.lexicon.role_hits` gives them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from orgwrite.lexicon import Entry, Hit, context_lexicon, document_hits
from orgwrite.model import Block, Document
from orgwrite.per_object import per_object
from orgwrite.rules.base import Context


class BlockRoles(NamedTuple):
    """The hits of one block, and what the enumeration and formulation rules need of them.

    A tuple: one is made for every block with a hit, and a tuple costs a third of a class
    instance to make.
    """

    block: Block
    hits: list[Hit]
    #: entry id → the hits that are its members or known wrong members, in hit order (entries
    #: in the order of their first such hit; a hit that is both is listed twice)
    members: Mapping[str, list[Hit]]
    #: (start, end, entry) of the hits that are an enumeration's abbreviation, in hit order
    abbrs: Sequence[tuple[int, int, Entry]]
    #: whether some hit is a formulation's anchor (the only hits a near miss starts from)
    anchored: bool
    #: whether a list may start here: some entry has two member hits, or there is an
    #: abbreviation (chains_of finds nothing in a block of lone members; see its first test)
    listing: bool


class DocumentRoles(NamedTuple):
    """The roles of a document's hits, per block and per role (made once per document).

    A named tuple, not a dataclass: it is only read, and the class costs far less to create
    when a process starts.
    """

    blocks: list[BlockRoles]
    #: (block, hit, entry) for each hit and role, in the order of role_hits(doc, ctx, role)
    by_role: dict[str, list[tuple[Block, Hit, Entry]]]


#: The roles whose (block, hit, entry) triples are kept for role_hits-like iteration.
_LISTED = ("abbr", "fwrong")
#: The roles a hit keeps whatever the longest-match guard decides (it drops GUARDED_ROLES only;
#: tests/test_enumerations.py checks it): what a hit says in these roles is what every hit of
#: its string says, worked out once per string (see _plan).  fwrong is read from each hit.
STABLE = frozenset({"member", "mwrong", "abbr", "anchor"})
#: What a hit of a string that plays none of the roles read here gives: nothing.
_NOTHING: tuple = ((), (), False, False)

#: What a string gives as its roles here: the entry id it is a member of when that is its only
#: role read here (most strings), else (entry ids it is a member or known wrong member of, in role
#: order, with repeats; entries it is the abbreviation of, in role order; whether it is an
#: anchor; whether it plays fwrong, which is read from each hit).
Plan = str | tuple[tuple[str, ...], tuple[Entry, ...], bool, bool]


def _plan(roles: tuple, entries: dict[str, Entry], fwrong: bool) -> Plan:
    """What every hit of one string gives (see Plan).

    ``roles`` may be any hit's roles: the guard never drops a role of STABLE.
    """
    members: list[str] = []
    abbrs: list[Entry] = []
    anchor = False
    for role, eid, _ in roles:
        if role == "member" or role == "mwrong":
            members.append(eid)
        elif role == "abbr":
            abbrs.append(entries[eid])
        elif role == "anchor":
            anchor = True
    if len(members) == 1 and not (abbrs or anchor or fwrong):
        return members[0]
    plan = (tuple(members), tuple(abbrs), anchor, fwrong)
    return _NOTHING if plan == _NOTHING else plan


_new = tuple.__new__


@per_object(4)
def _plans(lex: Any) -> dict[str, Plan]:
    """A lexicon's string → its Plan, filled as strings are first met."""
    return {}


def document_roles(doc: Document, ctx: Context) -> DocumentRoles:
    """The document's hits sorted by role (computed once per check)."""
    cached = ctx.cache.get("enumeration.roles")
    if cached is not None:
        return cached
    lex = context_lexicon(ctx)
    entries = lex.entries
    plans = _plans(lex)
    plan_of = plans.get
    fwrong_strings = lex.patterns_playing(frozenset({"fwrong"}))  # only their hits are asked for it
    by_role: dict[str, list[tuple[Block, Hit, Entry]]] = {role: [] for role in _LISTED}
    abbr_hits, fwrong_hits = by_role["abbr"], by_role["fwrong"]
    blocks: list[BlockRoles] = []
    for block, hits in document_hits(doc, ctx):
        members: dict[str, list[Hit]] = {}
        abbrs: list[tuple[int, int, Entry]] = []
        anchored = paired = False
        for h in hits:
            plan = plan_of(h[2])
            if plan is None:
                plan = plans[h[2]] = _plan(h[3], entries, h[2] in fwrong_strings)
            if plan.__class__ is str:  # a member of one entry, and nothing else read here
                listed = members.get(plan)
                if listed is None:
                    members[plan] = [h]  # no new empty list for each hit, as setdefault makes
                else:
                    listed.append(h)
                    paired = True
                continue
            if plan is _NOTHING:
                continue
            member_of, abbr_of, anchor, fwrong = plan
            for eid in member_of:
                listed = members.get(eid)
                if listed is None:
                    members[eid] = [h]
                else:
                    listed.append(h)
                    paired = True
            for entry in abbr_of:
                abbrs.append((h[0], h[1], entry))
                abbr_hits.append((block, h, entry))
            if anchor:
                anchored = True
            if fwrong:
                for role, eid, _ in h[3]:
                    if role == "fwrong":  # the guard may have dropped it from this hit
                        fwrong_hits.append((block, h, entries[eid]))
        listing = paired or bool(abbrs and members)
        blocks.append(_new(BlockRoles, (block, hits, members, abbrs, anchored, listing)))
    cached = ctx.cache["enumeration.roles"] = DocumentRoles(blocks, by_role)
    return cached


def listed_hits(doc: Document, ctx: Context, role: str) -> list[tuple[Block, Hit, Any]]:
    """What ``role_hits(doc, ctx, role)`` yields, for a role of _LISTED."""
    return document_roles(doc, ctx).by_role[role]
