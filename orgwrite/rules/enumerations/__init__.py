"""Named enumerations (rule family E): 四个意识, 四个自信, 五位一体 and the other lists of the lexicon.

A list is found from the members the lexicon knows: the clause around a member hit is split at
its separators (、, and ， where the entry allows it; 和/及 before the last item) into items, and
the run of items that are members, known wrong members, or look like members (same shared
suffix, such as ……意识) is the list.  It is *anchored* when its abbreviation stands right
before or after it (“四个意识”：…… / ……的新发展理念).  Only anchored lists, or lists long
enough to be unmistakable, are judged, so that two members quoted in passing are left alone.

Modules: :mod:`.roles` (the document's lexicon hits sorted by role once, shared with the F rules),
:mod:`.match` (one item), :mod:`.chains` (the lists of a block), and one module per rule
group: :mod:`.members` (E101, E103), :mod:`.order` (E102), :mod:`.count` (E104), :mod:`.abbr`
(E105, E106).  Importing the package registers every rule.
"""

from orgwrite.rules.enumerations import abbr, count, members, order
from orgwrite.rules.enumerations.chains import block_chains, members_for

__all__ = ["abbr", "block_chains", "count", "members", "members_for", "order"]
