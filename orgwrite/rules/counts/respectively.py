"""E203: “A、B、C分别增长5%、8%” must pair as many names as figures."""

from __future__ import annotations

import re
from collections.abc import Iterator

from orgwrite.lazyre import lazy
from orgwrite.model import Document, Finding
from orgwrite.numerals import inside, quoted_spans
from orgwrite.rules.base import Context, rule
from orgwrite.rules.counts.markers import PROSE, cn_count

_NUMTOK = (
    r"(?:约)?\d+(?:\.\d+)?(?:万亿|亿|万)?(?:%|个百分点|[^\d、和及与，。；,;：:（）()]{0,3})(?:左右|以上|以下|上下)?"
)
_RESPECTIVELY_RE = lazy(
    r"(?P<before>[^，。；：,;:“”（）()]{2,60})分别"
    r"(?P<verb>(?:同比|比上年|较上年)?(?:为|是|达|达到|增长|下降|提高|降低|减少|增加|占|完成|提升到|提高到|上升到|下降到|降至|升至)?了?)"
    rf"(?P<values>{_NUMTOK}(?:[、和及与]{_NUMTOK})+)(?![\d.])"
)
#: Items before 分别 are split at 、; the last may be joined by 和/与/以及 (not a bare 及, which
#: is part of 普及率, 涉及).  A list without any 、 is not checked: 和 inside a name
#: (软件和信息技术服务业) cannot be told from 和 between names.
_LIST_SPLIT_RE = re.compile(r"、")
_LAST_JOIN_RE = re.compile(r"以及|和|与")


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
    for block in doc.blocks:
        if block.kind not in PROSE or "分别" not in block.text:
            continue
        text = block.text
        quoted: list[tuple[int, int]] | None = None
        for m in _RESPECTIVELY_RE.finditer(text):
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
                quoted = quoted_spans(text)
            if inside(quoted, m.start(), m.end()):
                continue
            msg = (
                f"“分别”前列出{cn_count(len(names))}项（{'、'.join(names)}），"
                f"后面有{cn_count(len(values))}个数（{'、'.join(values)}），不能一一对应"
            )
            yield ctx.emit("E203", block, m.start("values"), m.end("values"), msg)
