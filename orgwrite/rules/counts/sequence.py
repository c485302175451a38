"""E202: 一是、二是 / 第一、第二 / ①② written inside the text must not skip, repeat or go back."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from orgwrite.model import Document, Finding
from orgwrite.rules.base import Context, rule
from orgwrite.rules.counts.markers import document_runs, place, shown


@rule("E202", "inline-sequence", "warning", "文中的“一是、二是”“第一、第二”等序号跳号、重复或颠倒")
def inline_sequence(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    段落中用“一是、二是……”“第一、第二……”“（一）（二）……”“①②……”“首先、其次、最后”列举时，
    序号应从一起依次递增。一组序号可以接着写到后面以同样序号开头的段落里；从“一是”重新
    开始视为新的一组。跳号、重号和倒序都会报告。
    原因：
    增删内容后没有重排序号，读者会以为漏了一项。
    错误示例：
    加强干部队伍建设，一是严格选拔任用，二是强化教育培训，四是从严管理监督。
    要抓好三件事：第一，学习；第二，调研；第二，检视。
    首先，要提高认识；其次，要压实责任；其次，要强化督导。
    正确示例：
    加强干部队伍建设，一是严格选拔任用，二是强化教育培训，三是从严管理监督。
    要抓好三件事：第一，学习；第二，调研；第三，检视。
    首先，要提高认识；其次，要压实责任；最后，要强化督导。
    依据：
    GB/T 15835-2011；公文写作常规：同一组列举的序号连续、不重复。
    """
    for run in document_runs(doc, ctx):
        if run[0].value != 1:
            continue  # a run that starts in the middle may continue an earlier paragraph
        for prev, mk in itertools.pairwise(run):
            if mk.value == prev.value + 1 or (mk.family == "首先" and mk.value > prev.value):
                continue
            fam = mk.family
            if mk.value == prev.value and fam == "首先":
                msg = f"“{mk.text}”重复：前面已用过“{prev.text}”（{place(prev)}）"
            elif mk.value == prev.value:
                msg = f"序号重复：前一项已是“{prev.text}”（{place(prev)}），此处又是“{mk.text}”，应为“{shown(fam, prev.value + 1)}”"
            elif mk.value < prev.value and fam == "首先":
                msg = f"次序颠倒：“{prev.text}”（{place(prev)}）之后又出现“{mk.text}”"
            elif mk.value < prev.value:
                msg = f"序号顺序颠倒：前一项是“{prev.text}”（{place(prev)}），此处是“{mk.text}”"
            else:
                missing = "、".join(f"“{shown(fam, v)}”" for v in range(prev.value + 1, mk.value))
                msg = f"序号不连续：“{prev.text}”（{place(prev)}）之后是“{mk.text}”，缺少{missing}"
            yield ctx.emit("E202", mk.block, mk.start, mk.end, msg)
            break  # one finding per run: later numbers follow from the first slip
