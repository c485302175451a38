"""Dates and genre frame by the standards (rule family S, 2xx): what GB/T 9704-2012 and
《党政机关公文处理工作条例》 require of a document's date line, attachment note and genre.

Leading zeros in dates and weekdays that contradict the date are N103's; these rules add
what only the frame of a 公文 decides.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from orgwrite import lazyre
from orgwrite.model import Document, Finding
from orgwrite.rules.base import Context, rule
from orgwrite.rules.kinds import ATTACHMENT, CHROME, DATE, SIGNATURE, TITLE, kind_index

_CN_DIGIT = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_DATE_RE = lazyre.compile(
    r"([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)
_HAO_DATE_RE = lazyre.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})号")
_DATE_RE = lazyre.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日")
#: A whole line that is a date written the wrong way: layout does not read it as a date line.
_WHOLE_DATE_RE = lazyre.compile(
    r"^\s*(?:[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日|"
    r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}号)\s*$"
)


def _date_lines(doc: Document, ctx: Context):
    """Date and signature blocks, and the last lines that are nothing but a date, in order."""
    by_kind = kind_index(doc, ctx).by_kind
    blocks = doc.blocks
    tail = range(max(0, len(blocks) - 4), len(blocks))
    frame = {*by_kind.get(DATE, ()), *by_kind.get(SIGNATURE, ())}
    for i in sorted(frame.union(tail)):
        block = blocks[i]
        if i in frame or _WHOLE_DATE_RE.match(block.text):
            yield block


def _cn_number(s: str) -> int:
    """一 → 1, 十二 → 12, 二十三 → 23, 三十一 → 31."""
    if "十" not in s:
        return _CN_DIGIT[s]
    tens, _, ones = s.partition("十")
    return (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[ones] if ones else 0)


@rule("S201", "date-line-numerals", "warning", "成文日期应用阿拉伯数字写全年、月、日，用“日”不用“号”", fix="safe")
def date_line_numerals(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    落款和成文日期行中的日期用汉字数字（二〇二六年五月一日）或用“号”（2026年5月1号）时报告，
    给出阿拉伯数字写法（2026年5月1日）。正文中的日期不在此检查。
    原因：
    GB/T 9704—2012 7.3.5.1：成文日期中的数字用阿拉伯数字将年、月、日标全，年份应标全称，
    月、日不编虚位。1999年版标准用汉字数字，2012年起改为阿拉伯数字。
    错误示例：
    特此报告。\n中共某某县委组织部\n2026年5月1号
    正确示例：
    特此报告。\n中共某某县委组织部\n2026年5月1日
    依据：
    GB/T 9704—2012《党政机关公文格式》7.3.5.1。
    """
    for block in _date_lines(doc, ctx):
        for m in _CN_DATE_RE.finditer(block.text):
            year = int("".join(str(_CN_DIGIT[c]) for c in m.group(1)))
            month, day = _cn_number(m.group(2)), _cn_number(m.group(3))
            if not 1 <= month <= 12 or not 1 <= day <= 31:
                continue
            yield ctx.emit(
                "S201",
                block,
                m.start(),
                m.end(),
                "成文日期应用阿拉伯数字（GB/T 9704—2012 7.3.5.1）",
                f"{year}年{month}月{day}日",
            )
        for m in _HAO_DATE_RE.finditer(block.text):
            yield ctx.emit(
                "S201",
                block,
                m.start(),
                m.end(),
                "成文日期用“日”，不用“号”（GB/T 9704—2012 7.3.5.1）",
                f"{m.group(1)}年{int(m.group(2))}月{int(m.group(3))}日",
            )


@rule("S202", "date-after-as-of", "warning", "成文日期晚于指定的文本日期")
def date_after_as_of(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    用 --as-of、配置或文首元数据指定了文本日期，落款的成文日期却在其后（多为年份或月份
    写错，或沿用了模板的日期）。文本日期由落款本身推断时不检查。
    原因：
    成文日期以负责人签发的日期为准（GB/T 9704—2012 7.3.5.1），不会晚于文稿报送审核的日期。
    错误示例：
    ---\nas-of: 2026-05-01\n---\n特此报告。\n\n中共某某县委组织部\n2026年6月1日
    正确示例：
    ---\nas-of: 2026-05-01\n---\n特此报告。\n\n中共某某县委组织部\n2026年4月28日
    依据：
    GB/T 9704—2012《党政机关公文格式》7.3.5.1。
    """
    if ctx.as_of is None or doc.meta.as_of_source not in ("命令行或配置指定", "文首元数据"):
        return
    for block in kind_index(doc, ctx).blocks(doc, DATE):
        for m in _DATE_RE.finditer(block.text):
            try:
                written = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue  # N103 reports dates that do not exist
            if written > ctx.as_of:
                yield ctx.emit(
                    "S202",
                    block,
                    m.start(),
                    m.end(),
                    f"成文日期{m.group(0)}晚于文本日期{ctx.as_of.year}年{ctx.as_of.month}月{ctx.as_of.day}日"
                    f"（{doc.meta.as_of_source}），请核对",
                )


_REPORT_TITLE_RE = lazyre.compile(r"(?:的|情况|工作|专题|调研|自查)报告$")
_NOT_A_REPORT_RE = lazyre.compile(r"述职|政府工作报告|代表大会|党代会|讲话|发言")
_REQUEST_RE = lazyre.compile(
    r"妥否，?请批示|当否，?请批示|请予?批示|请予?批准|请予?审批|请予?批复|请予?核准|请予?审定|请予?解决|请予?拨付|请批转"
)


@rule("S203", "request-in-report", "warning", "报告中夹带请示事项")
def request_in_report(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    标题为“……报告”的公文中出现请求批准、批示的用语（妥否，请批示；请予审批），报告中夹带了
    请示事项。需要上级批准的事项应另行请示。述职报告、政府工作报告、党代会报告和讲话不在此列。
    原因：
    《党政机关公文处理工作条例》第十五条第（四）项：请示应当一文一事；不得在报告等非请示性
    公文中夹带请示事项。
    错误示例：
    关于2025年度干部教育培训工作情况的报告\n今年共举办培训班12期。\n妥否，请批示。
    正确示例：
    关于2025年度干部教育培训工作情况的报告\n今年共举办培训班12期。\n特此报告。
    依据：
    《党政机关公文处理工作条例》（中共中央办公厅、国务院办公厅2012年4月16日印发）第十五条。
    """
    titles = kind_index(doc, ctx).blocks(doc, TITLE)
    title = titles[0].text.strip() if titles else ""
    if not title or not _REPORT_TITLE_RE.search(title) or _NOT_A_REPORT_RE.search(title):
        return
    for block in doc.blocks:
        if block.kind in (TITLE, CHROME):
            continue
        for m in _REQUEST_RE.finditer(block.text):
            yield ctx.emit(
                "S203",
                block,
                m.start(),
                m.end(),
                f"报告不得夹带请示事项（“{m.group(0)}”）：需要批准的事项应另行请示"
                "（《党政机关公文处理工作条例》第十五条）",
            )


_VERB = r"(?:申请|增加|增设|调整|设立|购置|拨付|解决|开展|举办|建设|修建|成立|变更|追加|核定|补充|更换|划拨|安排|使用|招聘|表彰|撤销|合并)"
_TWO_MATTERS_RE = lazyre.compile(rf"^关于{_VERB}[^和及并、]{{2,30}}(?:和|及|并|、){_VERB}[^的]{{2,30}}的请示$")


@rule("S205", "request-with-several-matters", "warning", "请示应当一文一事")
def request_with_several_matters(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    请示的标题中有两件以上分别需要批准的事项（关于增设某某科和追加培训经费的请示），应分别请示。
    只在标题中两个事项各以“申请、增设、调整、追加……”等动词开头时报告。
    原因：
    《党政机关公文处理工作条例》第十五条第（四）项：请示应当一文一事。
    错误示例：
    关于增设干部监督科和追加干部培训经费的请示\n妥否，请批示。
    正确示例：
    关于追加干部培训经费的请示\n妥否，请批示。
    依据：
    《党政机关公文处理工作条例》（中共中央办公厅、国务院办公厅2012年4月16日印发）第十五条。
    """
    for block in kind_index(doc, ctx).blocks(doc, TITLE):
        if _TWO_MATTERS_RE.match(block.text.strip()):
            yield ctx.emit(
                "S205",
                block,
                0,
                len(block.text.rstrip()),
                "请示应当一文一事：标题中有两件需要分别批准的事项（《党政机关公文处理工作条例》第十五条）",
            )
            return


_ITEM_END_RE = lazyre.compile(r"[。；，、]+$")
_LIST_ITEM_RE = lazyre.compile(r"^\d+[.．、]")
_NUMBERED_RE = lazyre.compile(r"^(?:附件[：:]\s*)?(\d+)[.．、]")


@rule("S204", "attachment-note", "warning", "附件说明的序号或标点不规范", fix="safe")
def attachment_note(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    附件说明（附件：1.……）中附件名称后加了标点，或只有一个附件却编了序号。附件名称后不加
    标点，多个附件用阿拉伯数字和“.”编号，一个附件不编号。
    原因：
    GB/T 9704—2012 7.3.4：附件名称后不加标点符号；如有附件，在正文下空一行左空二字编排
    “附件”二字，后标全角冒号和附件名称，如有序号使用阿拉伯数字（如“附件：1.×××××”）。
    错误示例：
    特此通知。\n附件：1.2026年度培训计划。\n2.参训人员名单。
    正确示例：
    特此通知。\n附件：1.2026年度培训计划\n2.参训人员名单
    依据：
    GB/T 9704—2012《党政机关公文格式》7.3.4。
    """
    blocks = doc.blocks
    for i in kind_index(doc, ctx).by_kind.get(ATTACHMENT, ()):
        block = blocks[i]
        group = [block]
        j = i + 1
        while j < len(blocks) and blocks[j].kind is ATTACHMENT:
            group.append(blocks[j])
            j += 1
        if i > 0 and blocks[i - 1].kind is ATTACHMENT:
            continue  # reported with the first line of its group
        # Continuation lines of a numbered note (2.……) that layout reads as paragraphs.
        while j < len(blocks) and _LIST_ITEM_RE.match(blocks[j].text.strip()) and len(blocks[j].text) < 60:
            group.append(blocks[j])
            j += 1
        numbers = [int(m.group(1)) for b in group if (m := _NUMBERED_RE.match(b.text.strip()))]
        if len(group) == 1 and numbers == [1]:
            m = _NUMBERED_RE.match(block.text)
            if m:
                yield ctx.emit("S204", block, m.start(1), m.end(), "只有一个附件时不编序号（GB/T 9704—2012 7.3.4）", "")
        for b in group:
            text = b.text.rstrip()
            if m := _ITEM_END_RE.search(text):
                yield ctx.emit("S204", b, m.start(), m.end(), "附件名称后不加标点符号（GB/T 9704—2012 7.3.4）", "")
