"""orgwrite.per_object: once per object by identity, for objects a dict cannot hold as keys,
and never more than its limit of them (a long-lived process must not keep every lexicon)."""

from __future__ import annotations

import gc
import weakref
from dataclasses import dataclass

from orgwrite.per_object import per_object


@dataclass
class Thing:  # compared by value and so unhashable, like Lexicon and Entry
    name: str


def test_once_per_object_and_equal_objects_each_their_own():
    made = []

    @per_object(4)
    def size(thing: Thing) -> list[str]:
        made.append(thing.name)
        return [thing.name]

    a, b = Thing("甲"), Thing("甲")
    assert size(a) is size(a)
    assert size(b) == ["甲"] and size(b) is not size(a)
    assert made == ["甲", "甲"]


def test_no_more_than_the_limit_is_kept_alive():
    @per_object(2)
    def name(thing: Thing) -> str:
        return thing.name

    first = Thing("0")
    name(first)
    gone = weakref.ref(first)
    del first
    for i in range(1, 6):
        name(Thing(str(i)))
    gc.collect()
    assert gone() is None
