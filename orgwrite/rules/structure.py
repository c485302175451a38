"""Document structure (rule family S): heading numbers, the title, web leftovers."""

from __future__ import annotations

from collections.abc import Iterator

from orgwrite.model import Block, BlockKind, Document, Finding
from orgwrite.rules.base import Context, rule
from orgwrite.rules.chars import cn_number

_LEVEL_NAMES = {1: "一级标题（一、）", 2: "二级标题（（一））", 3: "三级标题（1.）", 4: "四级标题（（1））"}


def _number_value(block: Block) -> int | None:
    core = block.number.strip("（()）、.．")
    return cn_number(core)


def _shown(level: int, value: int) -> str:
    cn = "〇一二三四五六七八九十"
    if value <= 10:
        c = cn[value]
    elif value < 20:
        c = "十" + (cn[value - 10] if value > 10 else "")
    else:
        c = cn[value // 10] + "十" + (cn[value % 10] if value % 10 else "")
    return {1: f"{c}、", 2: f"（{c}）", 3: f"{value}.", 4: f"（{value}）"}[level]


@rule("S101", "heading-sequence", "warning", "层次序号不连续、重复或顺序颠倒")
def heading_sequence(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    层次序号依次为“一、”“（一）”“1.”“（1）”。同一层级的序号应从一（1）起连续递增；上一层级
    换了新的一项后，下一层级可以重新从一（1）编起，也可以接着前面编（工作要点常把条目
    1至23贯通编号）。跳号、重号和倒序都会报告。
    原因：
    序号错乱多是增删段落后没有重排，读者会以为漏了内容。
    错误示例：
    一、总体要求\n二、重点任务\n四、保障措施
    正确示例：
    一、总体要求\n二、重点任务\n三、保障措施
    依据：
    GB/T 9704-2012 第7.3.3条。
    """
    last: dict[int, int] = {}  # level → last number under the current parent
    running: dict[int, int] = {}  # level → last number anywhere (for continuous numbering)
    for block in doc.blocks:
        if block.kind in (BlockKind.HEADING, BlockKind.TITLE) and not block.level:
            # An unnumbered heading stands above the numbered ones: they may restart under it.
            last.clear()
            continue
        if block.kind not in (BlockKind.HEADING, BlockKind.ITEM) or not block.level:
            continue
        value = _number_value(block)
        if value is None:
            continue
        level = block.level
        previous = last.get(level)
        if previous is None:
            ok = value == 1 or value == running.get(level, 0) + 1
            expected = 1
        else:
            ok = value == previous + 1
            expected = previous + 1
        if not ok:
            if previous is not None and value == previous:
                msg = f"{_LEVEL_NAMES[level]}序号重复：“{block.number}”与上一项相同，应为“{_shown(level, expected)}”"
            elif previous is not None and value < previous:
                msg = f"{_LEVEL_NAMES[level]}序号顺序颠倒：上一项是“{_shown(level, previous)}”，这里是“{block.number}”"
            else:
                msg = f"{_LEVEL_NAMES[level]}序号不连续：此处应为“{_shown(level, expected)}”，实际为“{block.number}”"
            yield ctx.emit("S101", block, 0, len(block.number), msg)
        last[level] = value
        running[level] = value
        for deeper in range(level + 1, 5):
            last.pop(deeper, None)


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
    if any(b.kind is BlockKind.TITLE for b in doc.blocks):
        return
    body = [b for b in doc.blocks if b.kind is not BlockKind.CHROME]
    if len([b for b in body if b.kind in (BlockKind.PARAGRAPH, BlockKind.ITEM)]) < 5:
        return
    first = body[0]
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
    chrome = [b for b in doc.blocks if b.kind is BlockKind.CHROME]
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
