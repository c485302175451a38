"""E203: “A、B、C分别增长5%、8%” must pair as many names as figures."""

from __future__ import annotations

import re
from collections.abc import Iterator

from orgwrite import lazyre
from orgwrite.lazyre import lazy
from orgwrite.model import Document, Finding
from orgwrite.numerals import inside
from orgwrite.rules.base import Context, rule
from orgwrite.rules.counts.markers import PROSE, cn_count
from orgwrite.rules.counts.quoted import block_quotes
from orgwrite.rules.counts.scan import candidates

_NUMTOK = (
    r"(?:约)?\d+(?:\.\d+)?(?:万亿|亿|万)?(?:%|个百分点|[^\d、和及与，。；,;：:（）()]{0,3})(?:左右|以上|以下|上下)?"
)
_BEFORE = r"(?P<before>[^，。；：,;:“”（）()]{2,60})"
_AFTER = (
    r"分别"
    r"(?P<verb>(?:同比|比上年|较上年)?(?:为|是|达|达到|增长|下降|提高|降低|减少|增加|占|完成|提升到|提高到|上升到|下降到|降至|升至)?了?)"
    rf"(?P<values>{_NUMTOK}(?:[、和及与]{_NUMTOK})+)(?![\d.])"
)
#: The whole statement: the names, 分别, the figures.  Its finditer tries a match at every
#: offset of a paragraph, each reading up to 60 characters back; :func:`_statements` gives the
#: same matches from the places of 分别 (:data:`_AFTER` there, then the names before it).
_RESPECTIVELY_RE = lazy(_BEFORE + _AFTER)
_AFTER_RE = lazy(_AFTER)
#: The characters the names before 分别 cannot hold (the class of :data:`_BEFORE`).
_NOT_IN_NAMES_RE = lazyre.compile(r"[，。；：,;:“”（）()]")
#: Items before 分别 are split at 、; the last may be joined by 和/与/以及 (not a bare 及, which
#: is part of 普及率, 涉及).  A list without any 、 is not checked: 和 inside a name
#: (软件和信息技术服务业) cannot be told from 和 between names.
_LIST_SPLIT_RE = lazyre.compile(r"、")
_LAST_JOIN_RE = lazyre.compile(r"以及|和|与")


@rule("E203", "respectively-mismatch", "warning", "“分别”前后所列项数不一致")
def respectively_mismatch(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    “A、B、C分别增长5%、8%”中，“分别”前列了三项，后面只有两个数，必有一处漏写或多写。本规则
    只在“分别”前面用顿号（最后一项可用“和”“与”“以及”）列出两项以上、后面紧跟两个以上数字时
    核对；只用“和”连接的两项不核对（“软件和信息技术服务业”中的“和”不是并列项之间的连词）。
    原因：
    增删指标后没有同步修改数据，是统计数据表述的常见硬伤。
    错误示例：
    全区一般公共预算收入、税收收入和非税收入分别增长5.2%、8.1%。
    正确示例：
    全区一般公共预算收入、税收收入和非税收入分别增长5.2%、8.1%和2.3%。
    农村供电可靠率、自来水普及率分别达99.9%、94.5%。
    信息传输、租赁和商务服务业增加值分别增长18.6%、13.4%。
    一产、二产、三产增加值分别增长5%左右、5%以上、5%左右。
    依据：
    公文写作常规：“分别”前后一一对应。
    """
    blocks = doc.blocks
    quotes = block_quotes(doc, ctx)
    for index, places in candidates(doc, ctx).respectively.items():
        block = blocks[index]
        if block.kind not in PROSE:
            continue
        text = block.text
        quoted: list[tuple[int, int]] | None = None
        for m in _statements(text, places):
            before = m.group("before")
            if "、" not in before:
                continue
            names = [p for p in _LIST_SPLIT_RE.split(before) if p]
            readings = {len(names)}
            if names:
                # "A、B和C": the last item may hold the final conjunction — or be one name with 和
                # in it (租赁和商务服务业): both readings count, report only when neither fits.
                tail = _LAST_JOIN_RE.split(names[-1])
                # The last part may carry the head noun all items share (……和城市物流配送新能源汽车数量).
                if len(tail) == 2 and 1 < len(tail[0]) <= 12 and 1 < len(tail[1]) <= 20:
                    names[-1:] = tail
                    # A two-character head (租赁和…服务业, 软件和…服务业) is how statistical
                    # category names read; a longer one (税收收入和非税收入) is a second item.
                    readings = {len(names)} if len(tail[0]) >= 3 else readings | {len(names)}
            values = [v for v in re.split(r"(?<=[^\d.])[、和及与](?=约?\d)", m.group("values")) if v]
            if len(names) < 2 or len(values) < 2 or len(values) in readings:
                continue
            if any(len(p) > 20 for p in names):
                continue
            if quoted is None:
                quoted = quotes.spans(block)
            if inside(quoted, m.start(), m.end()):
                continue
            msg = (
                f"“分别”前列出{cn_count(len(names))}项（{'、'.join(names)}），"
                f"后面有{cn_count(len(values))}个数（{'、'.join(values)}），不能一一对应"
            )
            yield ctx.emit("E203", block, m.start("values"), m.end("values"), msg)


def _statements(text: str, places: list[int]) -> list[re.Match[str]]:
    """What ``_RESPECTIVELY_RE.finditer(text)`` yields, given the offsets of every 分别 in it.

    A match at offset p reads the names greedily: the farthest 分别 (at most 60 characters on,
    at least 2, none of the excluded marks between) that :data:`_AFTER_RE` matches at.  So
    the first match from ``end`` on starts at the least p any such 分别 allows."""
    after = {f: m for f in places if (m := _AFTER_RE.match(text, f))}
    if not after:
        return []
    # first[f]: the least offset the names before the 分别 at f may start at
    first: dict[int, int] = {}
    for f in after:
        marks = [b.end() for b in _NOT_IN_NAMES_RE.finditer(text, max(0, f - 60), f)]
        first[f] = max(f - 60, marks[-1] if marks else 0, 0)
    out: list[re.Match[str]] = []
    end = 0
    while True:
        allowed = [max(first[f], end) for f in after if max(first[f], end) <= f - 2]
        if not allowed:
            return out
        # The whole pattern matches at the least such offset, and reads its names greedily
        # up to the farthest 分别 the offset allows: one anchored match per statement.
        m = _RESPECTIVELY_RE.match(text, min(allowed))
        out.append(m)
        end = m.end()
