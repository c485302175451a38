"""Stated counts and inline sequences (rule family E, codes E201–E299).

“从三个方面”must be followed by three items (E201, :mod:`.stated`); 一是、二是、三是 must not
skip or repeat (E202, :mod:`.sequence`); “A、B、C分别增长5%、8%” must pair the same number of
names and figures (E203, :mod:`.respectively`).  The inline markers both E201 and E202 read
are found once per document (:mod:`.markers`); the places where the items of a count can
stand are :mod:`.items`.  Importing this package registers the rules.
"""

from orgwrite.rules.counts import respectively, sequence, stated

__all__ = ["respectively", "sequence", "stated"]
