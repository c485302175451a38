"""P104: two stops in a row."""

from __future__ import annotations

from collections.abc import Iterator

from orgwrite import lazyre
from orgwrite.lazyre import lazy
from orgwrite.model import Document, Finding
from orgwrite.rules.base import Context, rule
from orgwrite.rules.punctuation._common import absent, joined, source_absent, text_blocks

_DOUBLE_RE = lazy(r"[，、；：。]{2,}|[，、；：。][？！]|[？！][，、；：。]")
#: Two marks in a row: in every match of _DOUBLE_RE, and found by a fast class scan.
_DOUBLE_QUICK_RE = lazyre.compile(r"[，、；：。？！][，、；：。？！]")


@rule("P104", "doubled-punctuation", "error", "点号重复或冲突（，， 。， ；。）", fix="safe")
def doubled_punctuation(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    两个点号（逗号、顿号、分号、冒号、句号等）连用：或是重复输入，或是改稿时留下了旧标点。
    重复的同一标点建议删去多余的一个；不同标点相冲突时须由作者决定保留哪一个。
    问号、叹号的叠用（？！）属修辞用法，不报告。
    原因：
    一处停顿只能用一个点号。
    错误示例：
    全面加强基层党组织建设，，提升组织力。
    会议强调。，要压实责任。
    正确示例：
    全面加强基层党组织建设，提升组织力。
    这难道不值得深思吗？！
    依据：
    GB/T 15834-2011 第4章（点号的用法）。
    """
    j = joined(doc, ctx.cache)
    if j is None:
        blocks = [] if absent(doc, _DOUBLE_RE, _DOUBLE_QUICK_RE.search) else list(text_blocks(doc))
    else:
        blocks = j.pick(j.indices_at(j.stop_pairs))  # where _DOUBLE_QUICK_RE matches
        if source_absent(doc, blocks, _DOUBLE_RE, _DOUBLE_QUICK_RE.search):
            return
    for block in blocks:
        if not _DOUBLE_QUICK_RE.search(block.text):
            continue
        for m in _DOUBLE_RE.finditer(block.text):
            s = m.group(0)
            if len(s) >= 3 and set(s) == {"。"}:
                continue  # "。。。" is a malformed ellipsis: P106 reports it
            if len(set(s)) == 1:
                yield ctx.emit("P104", block, m.start(), m.end(), f"标点“{s[0]}”重复了{len(s)}次", s[0])
            else:
                yield ctx.emit("P104", block, m.start(), m.end(), f"点号“{s}”连用相互冲突，只应保留一个")
