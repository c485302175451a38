"""Document structure (rule family S): heading numbers, the title, web leftovers."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from orgwrite.model import Block, Document, Finding
from orgwrite.rules.base import Context, rule
from orgwrite.rules.chars import cn_number
from orgwrite.rules.kinds import (
    ATTACHMENT,
    CHROME,
    CLOSING,
    DATE,
    HEADING,
    ITEM,
    SALUTATION,
    SIGNATURE,
    SPEAKER,
    SUBTITLE,
    TITLE,
    kind_index,
)

_LEVEL_NAMES = {1: "一级标题（一、）", 2: "二级标题（（一））", 3: "三级标题（1.）", 4: "四级标题（（1））"}


def _number_value(block: Block) -> int | None:
    return _value_of(block.number)


@lru_cache(maxsize=2048)
def _value_of(number: str) -> int | None:
    """一、 → 1, （十二） → 12, 3. → 3: a heading number as written has a handful of shapes."""
    return cn_number(number.strip("（()）、.．"))


def _shown(level: int, value: int) -> str:
    cn = "〇一二三四五六七八九十"
    if value <= 10:
        c = cn[value]
    elif value < 20:
        c = "十" + (cn[value - 10] if value > 10 else "")
    else:
        c = cn[value // 10] + "十" + (cn[value % 10] if value % 10 else "")
    return {1: f"{c}、", 2: f"（{c}）", 3: f"{value}.", 4: f"（{value}）"}[level]


#: Blocks that end one document or part and begin another (a compiled text of several
#: reports, an attachment): every numbering may start again after them.
_NEW_PART = frozenset(
    {
        TITLE,
        SUBTITLE,
        SPEAKER,
        SALUTATION,
        CLOSING,
        SIGNATURE,
        DATE,
        ATTACHMENT,
    }
)


def _numbered(doc: Document, ctx: Context) -> tuple[list[tuple[Block, int]], list[int | None]]:
    """The numbered headings and items with the value of their number, in order; and the
    steps of the walk: an index into them, ``None`` where a new part begins, ``-1`` at an
    unnumbered heading.  Plain paragraphs and web leftovers play no part in numbering."""
    blocks = doc.blocks
    numbered: list[tuple[Block, int]] = []
    steps: list[int | None] = []
    for i in kind_index(doc, ctx).frame:
        block = blocks[i]
        kind = block.kind
        if kind is HEADING or kind is ITEM:
            if block.level:
                value = _number_value(block)
                if value is not None:
                    steps.append(len(numbered))
                    numbered.append((block, value))
            elif kind is HEADING:
                steps.append(-1)
        elif kind in _NEW_PART:
            steps.append(None)
    return numbered, steps


def _next_at_level(numbered: list[tuple[Block, int]], index: int) -> int | None:
    """The next number at the level of ``index`` before the numbering goes up a level."""
    level = numbered[index][0].level
    for j in range(index + 1, len(numbered)):
        block, value = numbered[j]
        if block.level < level:
            return None
        if block.level == level:
            return value
    return None


def _starts_a_sequence(numbered: list[tuple[Block, int]], index: int) -> bool:
    """True when the 1 at ``index`` is followed, at its level, by a 2: a new list begins."""
    return _next_at_level(numbered, index) == 2


def _heads_a_part(numbered: list[tuple[Block, int]], index: int) -> bool:
    """True for a numbered heading that stands above shallower ones: “1.孙洪亮（……）” before
    its report's 一、二、 — the next number is shallower and starts at one."""
    block = numbered[index][0]
    if block.kind is not HEADING or index + 1 >= len(numbered):
        return False
    following, value = numbered[index + 1]
    return following.level < block.level and value == 1


@rule("S101", "heading-sequence", "warning", "层次序号不连续、重复或顺序颠倒")
def heading_sequence(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    层次序号依次为“一、”“（一）”“1.”“（1）”。同一层级的序号应从一（1）起连续递增；上一层级
    换了新的一项后，下一层级可以重新从一（1）编起，也可以接着前面编（工作要点常把条目
    1至23贯通编号）。几份报告汇编在一起、附件或新的一部分（前面有不带序号的标题、结束语、
    落款）重新编号，同一标题下另起的一组“1.”“2.”，各份报告前带序号的姓名行（“1.孙洪亮”下
    是“一、”“二、”）与其下的序号各自编号，都不报告。跳号、重号和倒序都会报告；
    提示的应有序号与本文的编号方式一致。
    原因：
    序号错乱多是增删段落后没有重排，读者会以为漏了内容。
    错误示例：
    一、总体要求\n二、重点任务\n四、保障措施
    正确示例：
    一、总体要求\n二、重点任务\n三、保障措施
    依据：
    GB/T 9704-2012 第7.3.3条。
    """
    numbered, steps = _numbered(doc, ctx)
    if not numbered:
        return
    last: dict[int, int] = {}  # level → last number under the current parent
    running: dict[int, int] = {}  # level → last number anywhere (for continuous numbering)
    # level → how earlier parts numbered: True (continued the numbering), False (restarted)
    continued: dict[int, bool] = {}
    parts: dict[int, int] = {}  # level → last number of the headings above whole parts
    for index in steps:
        if index is None:  # a block that begins a new part
            last.clear()
            running.clear()
            continued.clear()
            continue
        if index < 0:
            # An unnumbered heading stands above the numbered ones: they may restart under it.
            last.clear()
            continue
        block, value = numbered[index]
        level = block.level
        if block.kind is HEADING and _heads_a_part(numbered, index):
            previous_part = parts.get(level)
            if previous_part is not None and value != previous_part + 1:
                yield ctx.emit("S101", block, 0, len(block.number), _message(block, value, previous_part, 0, {}))
            parts[level] = value
            last.clear()
            running.clear()
            continued.clear()
            continue
        previous = last.get(level)
        before = running.get(level, 0)
        if previous is None:
            ok = value == 1 or value == before + 1
            if before and value == 1:
                continued[level] = False
            elif before and value == before + 1:
                continued[level] = True
        else:
            ok = value == previous + 1 or (value == 1 and _starts_a_sequence(numbered, index))
        if not ok:
            yield ctx.emit("S101", block, 0, len(block.number), _message(block, value, previous, before, continued))
            expected = _expected_value(value, previous, before, continued.get(level))
            if expected is not None and _next_at_level(numbered, index) == expected + 1:
                value = expected  # a mistyped number: the ones after it follow the expected one
        last[level] = value
        running[level] = value
        for deeper in range(level + 1, 5):
            last.pop(deeper, None)


def _expected_value(value: int, previous: int | None, before: int, way: bool | None) -> int | None:
    """The one number expected here, or None when a restart and a continuation are both open."""
    if previous is not None:
        return previous + 1
    if not before or way is False:
        return 1
    return before + 1 if way else None


def _message(block: Block, value: int, previous: int | None, before: int, continued: dict[int, bool]) -> str:
    """What is wrong with the number of ``block``, naming the number this text's numbering expects."""
    level = block.level
    name = _LEVEL_NAMES[level]
    if previous is not None:
        expected = _shown(level, previous + 1)
        if value == previous:
            return f"{name}序号重复：“{block.number}”与上一项相同，应为“{expected}”"
        if value < previous:
            return f"{name}序号顺序颠倒：上一项是“{_shown(level, previous)}”，这里是“{block.number}”"
        return f"{name}序号不连续：此处应为“{expected}”，实际为“{block.number}”"
    # The first number of a part: it may restart at one or continue the numbering before it.
    restart, carry_on = _shown(level, 1), _shown(level, before + 1)
    way = continued.get(level)
    if not before or way is False:
        expected = f"“{restart}”"
    elif way:
        expected = f"“{carry_on}”（本文各部分连续编号）"
    else:
        expected = f"“{restart}”（本部分重新编号）或“{carry_on}”（接续上文编号）"
    return f"{name}序号不连续：此处应为{expected}，实际为“{block.number}”"


@rule("S102", "missing-title", "info", "未识别到文稿标题")
def missing_title(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    文稿第一行应是标题（居中，末尾不加标点）。本规则在正文有五段以上、却找不到标题行时提示。
    原因：
    缺少标题的文稿往往是从网页或其他文件中截取的片段，报送前应补全。
    错误示例：
    党的十八大以来，全省组织工作坚持以习近平新时代中国特色社会主义思想为指导。\n一、坚持政治引领\n全面加强党的政治建设。\n二、坚持强基固本\n全面提升基层党建质量。\n三、坚持人才强省\n人才活力竞相迸发。\n四、坚持从严治部\n打造模范部门。
    正确示例：
    全省组织工作综述\n党的十八大以来，全省组织工作坚持以习近平新时代中国特色社会主义思想为指导。\n一、坚持政治引领\n全面加强党的政治建设。
    依据：
    GB/T 9704-2012 第7.3.1条（标题）。
    """
    index = kind_index(doc, ctx)
    if TITLE in index.by_kind:
        return
    if index.paragraphs + len(index.by_kind.get(ITEM, ())) < 5:
        return
    chrome = index.by_kind.get(CHROME, ())
    # The first block that is not web furniture: chrome positions are in order from 0.
    first = doc.blocks[next((i for i, at in enumerate(chrome) if i != at), len(chrome))]
    yield ctx.emit("S102", first, 0, min(len(first.text), 1), "未识别到标题：第一行是正文，文稿可能缺少标题")


@rule("S103", "web-leftovers", "info", "文中残留网页信息（版权、来源、责任编辑、时间戳等）", fix="unsafe")
def web_leftovers(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    从网页复制的文字常带有网站名称、发布时间、来源、责任编辑、评论数和版权、备案信息。
    这些行不是正文，其他规则不检查它们；本规则在全文只提示一次，列出所在行。
    原因：
    报送的文稿中不应出现网页残留。
    错误示例：
    组织工作综述\n全面加强基层党组织建设。\n共产党员网 版权所有 京ICP备12024993号-1
    正确示例：
    组织工作综述\n全面加强基层党组织建设。
    依据：
    公文写作常规：正文只含文稿本身。
    """
    chrome = kind_index(doc, ctx).blocks(doc, CHROME)
    if not chrome:
        return
    lines = sorted({b.line for b in chrome})
    ranges: list[str] = []
    start = prev = lines[0]
    for n in [*lines[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        ranges.append(f"{start}" if start == prev else f"{start}—{prev}")
        if n is not None:
            start = prev = n
    first = chrome[0]
    yield ctx.emit(
        "S103",
        first,
        0,
        len(first.text),
        f"疑似网页残留（第{'、'.join(ranges)}行），不是正文，报送前请删除",
    )
