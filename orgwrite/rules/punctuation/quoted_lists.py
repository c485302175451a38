"""P105: 顿号 between quoted or 书名号 items."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from orgwrite import lazyre
from orgwrite.model import Document, Finding
from orgwrite.rules.base import Context, rule
from orgwrite.rules.chars import is_han
from orgwrite.rules.punctuation._common import absent, joined, source_absent, text_blocks

#: ``(?<=”)、(?=“)|(?<=》)、(?=《)`` written to start with the 顿号, so the engine scans for it
#: (a leading look-behind is tried at every character).
_QUOTED_LIST_RE = lazyre.compile(r"、(?:(?<=”、)(?=“)|(?<=》、)(?=《))")


def _has_quoted_list(text: str) -> bool:
    """Exactly when _QUOTED_LIST_RE matches, without its leading look-behind."""
    return "”、“" in text or "》、《" in text


@rule("P105", "dunhao-between-quotes", "warning", "标有引号或书名号的并列成分之间用了顿号", fix="safe")
def dunhao_between_quotes(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    标有引号的并列成分之间、标有书名号的并列成分之间通常不用顿号；若有其他成分（如括注）
    插在并列的引号或书名号之间，宜用顿号——此时顿号前是括号而不是引号、书名号，本规则不报告。
    原因：
    引号、书名号已把各项分开，再加顿号是多余的停顿。
    错误示例：
    出台《吉林省公务员考核实施办法》、《吉林省公务员平时考核实施办法（试行）》。
    常态化开展“院士专家基层行”、“院士专家吉林行”等活动。
    正确示例：
    出台《吉林省公务员考核实施办法》《吉林省公务员平时考核实施办法（试行）》。
    《作家》（孟十还主编）、《译文》（黄源主编）相继创刊。
    依据：
    GB/T 15834-2011 第4.5.3.5条。
    """
    j = joined(doc, ctx.cache)
    if j is None:
        blocks = [] if absent(doc, _QUOTED_LIST_RE, _has_quoted_list) else list(text_blocks(doc))
    else:
        blocks = j.pick(j.quoted_list_indices())
        if source_absent(doc, blocks, _QUOTED_LIST_RE, _has_quoted_list):
            return
    for block in blocks:
        text = block.text
        if not _has_quoted_list(text):
            continue
        for seps in _quoted_lists(text):
            first, last = seps[0], seps[-1] + 1
            kind = "引号" if text[first - 1] == "”" else "书名号"
            message = f"标有{kind}的并列成分之间通常不用顿号"
            if len(seps) > 1:
                message += f"（本处列举中有{len(seps)}个）"
            # the text from the first 顿号 to the last without the 顿号: the slices between them
            fixed = "".join([text[i + 1 : k] for i, k in pairwise(seps)])
            yield ctx.emit("P105", block, first, last, message, fixed)


_CLOSING = {"“": "”", "《": "》"}
#: After the last quoted item, a character that ends the list or begins what is said of all
#: its items (等, 的, a count, a conjunction, the predicate: 将长期存在, 是, 要); any other Han
#: character continues the item (“主题党日”活动).
#: How far an item may run on past its closing mark (“主题党日”活动、).
_MAX_RUN_ON = 12
_AFTER_LIST = frozenset(
    "等的和与及或并以为两一二三四五六七八九十几各这将是要已都也均正就还又再不仍被把对从在让使会能可应须必"
)


def _quoted_lists(text: str) -> list[list[int]]:
    """The 顿号 offsets of each list of quoted (or 书名号) items joined by 顿号.

    One list gives one finding.  A list whose last item runs on past its closing mark and
    is followed by more items (“三会一课”、“主题党日”活动、组织生活会) is a list of phrases that
    merely begin with a quotation: the 顿号 is needed there and the list is left alone.
    """
    lists: list[list[int]] = []
    seps: list[int] = []
    for m in _QUOTED_LIST_RE.finditer(text):
        i = m.start()
        if seps and not _item_between(text, seps[-1], i):
            lists.append(seps)
            seps = []
        seps.append(i)
    if seps:
        lists.append(seps)
    return [seps for seps in lists if not _runs_on(text, seps[-1])]


def _item_end(text: str, sep: int) -> int:
    """The offset just after the quoted item that follows the 顿号 at ``sep`` (or -1)."""
    opener = text[sep + 1]
    close = text.find(_CLOSING[opener], sep + 2)
    return close + 1 if close >= 0 else -1


def _item_between(text: str, sep: int, next_sep: int) -> bool:
    """True when exactly one quoted item stands between two 顿号: the list goes on."""
    return _item_end(text, sep) == next_sep


def _runs_on(text: str, sep: int) -> bool:
    """True when the item after the last 顿号 goes on past its closing mark and the list
    goes on after it (“四风”教育、“八项”规定): a list of phrases, not of quoted items.

    A word after the last item that is said of all the items (“保交楼”“保交房”成果,
    “黑天鹅”“灰犀牛”事件) does not make such a list: the 顿号 there is still not needed.
    """
    end = _item_end(text, sep)
    if end < 0 or end >= len(text) or not is_han(text[end]) or text[end] in _AFTER_LIST:
        return False
    stop = end
    while stop < len(text) and stop - end < _MAX_RUN_ON and is_han(text[stop]):
        stop += 1
    return text[stop : stop + 1] == "、"
