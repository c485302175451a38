"""Standard formulations (rule family F): known wrong variants, near-misses, names of Party meetings.

The data is the lexicon's ``formulations.toml``; a new formulation is a data row, not code.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from orgwrite import lazyre
from orgwrite.event_names import document_text
from orgwrite.lexicon import cite, context_lexicon
from orgwrite.model import BlockKind, Document, Finding
from orgwrite.rules.base import Context, rule
from orgwrite.rules.chars import book_title_around
from orgwrite.rules.enumerations.roles import document_roles, listed_hits


def _in_force(entry, ctx: Context) -> bool:
    """A formulation introduced after the text's date is not enforced there."""
    since = entry.get("since")
    return not (since and ctx.as_of and ctx.as_of < since)


@rule("F101", "formulation-variant", "error", "规范表述写成了已知的错误写法", fix="safe")
def formulation_variant(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    词库中的规范表述（如“以习近平同志为核心的党中央”）必须一字不差；这里报告词库记录的已知
    错误写法，并给出规范表述作为替换。各条目的级别见 orgwrite lexicon show 编号。
    原因：
    规范表述是党的文件确定的固定提法，增减或替换一个字都会改变含义或显得不严肃。
    文件名称中的写法照录，不报告（引用的是文件的原名）。
    错误示例：
    在以习近平总书记为核心的党中央坚强领导下，各项工作取得新成效。
    从严落实中央八项规定及实施细则精神。
    正确示例：
    在以习近平同志为核心的党中央坚强领导下，各项工作取得新成效。
    从严落实中央八项规定及其实施细则精神。
    根据《绍兴市中小学校党组织领导下的校长负责制工作规则（试行）》，完善议事规则。
    依据：
    党的十八届六中全会公报（2016年10月27日）等，见各条目的出处。
    """
    for block, h, e in listed_hits(doc, ctx, "fwrong"):
        if not _in_force(e, ctx):
            continue  # the formulation was fixed after the text's date
        title = book_title_around(block.text, h.start, h.end)
        if title is not None and title[1] - title[0] - 2 > h.end - h.start:
            continue  # part of a cited document's title, which is quoted as it was issued
        canonical = e.get("canonical")
        source = cite(e)
        yield ctx.emit(
            "F101",
            block,
            h.start,
            h.end,
            f"规范表述为“{canonical}”，不写作“{h.text}”" + (f"（{source}）" if source else ""),
            canonical,
            severity=e.severity,
        )


@rule("F102", "formulation-near-miss", "warning", "疑似规范表述有增删或错字")
def formulation_near_miss(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    在规范表述的关键字（锚点）附近比对原文，与规范表述只差一两个字（漏字、多字、错字）时报告，
    并给出规范表述。只比对锚点附近的窗口，不做全文模糊搜索；词库列出的正确变体（如习近平
    总书记讲话中的“新时代中国特色社会主义思想”）不报告。
    原因：
    规范表述漏字、错字往往是誊写或输入失误，校对时最难看出。
    错误示例：
    在以习近平同志为核心的中央坚强领导下。
    坚持以习近平新时代中国特别社会主义思想为指导。
    正确示例：
    在以习近平同志为核心的党中央坚强领导下。
    坚持以新时代中国特色社会主义思想为指导。
    依据：
    各条目的出处（orgwrite lexicon show 编号）。
    """
    lex = context_lexicon(ctx)
    for b in document_roles(doc, ctx).blocks:
        if not b.anchored:
            continue  # a near miss is only looked for around an anchor hit
        block = b.block
        for start, end, e in lex.near_misses(block.text, b.hits):
            if not _in_force(e, ctx):
                continue
            canonical = e.get("canonical")
            source = cite(e)
            yield ctx.emit(
                "F102",
                block,
                start,
                end,
                f"疑似规范表述有误：“{block.text[start:end]}”应为“{canonical}”" + (f"（{source}）" if source else ""),
                canonical,
            )


_NUM = r"(?:二十[一二三]?|十[一二三四五六七八九])"
#: A congress or plenum name.  It starts with 二 or 十 (not behind a numeral or 第: see
#: _congress_names), so the engine only tries the positions of those two characters.
_CONGRESS_RE = lazyre.compile(
    rf"(?P<name>{_NUM}(?:届[一二三四五六七八九]中(?:、[一二三四五六七八九]中)*全会|大))(?![学会队类项批])"
)
_NUMERAL_BEFORE_RE = lazyre.compile(r"[一二三四五六七八九十〇零第\d]")
_PREFIX_RE = lazyre.compile(r"(?:党的|中共|共产党|中国共产党)$")
_LIST_SEP_RE = lazyre.compile(r"^(?:、|和|及|以及|与)$")


def _congress_names(text: str) -> Iterator[re.Match[str]]:
    """The matches of _CONGRESS_RE that do not follow a numeral or 第 (_NUMERAL_BEFORE_RE).

    The same matches as one ``finditer`` of the pattern behind a negative look-behind for those
    characters (which would make every position of the text a candidate).  A name's number has
    十 first or second (十九, 二十), followed by at most one digit and 届 or 大: the pattern is
    tried only at the 十 of a match of _NAME_HINT_RE (and at the 二 before it), and a match
    rejected for the character before it lets the next candidate be tried.  A match of the hint
    holds no other 十, so every 十 where a name can start is one of them.
    """
    pos = 0  # where the previous match ended: matches do not overlap
    for hint in _NAME_HINT_RE.finditer(text):
        at = hint.start()
        if at < pos:
            continue
        for start in (at - 1, at) if at and text[at - 1] == "二" else (at,):
            if start < pos:
                continue
            m = _CONGRESS_RE.match(text, start)
            if m is None or (start and _NUMERAL_BEFORE_RE.match(text, start - 1)):
                continue
            yield m
            pos = m.end()


#: In every name of _CONGRESS_RE: its number's 十 (十九, 二十, 二十一), at most one digit, then
#: 届 or 大.  A literal first, so the engine finds the blocks that may hold a name at C speed.
_NAME_HINT_RE = lazyre.compile("十[一二三四五六七八九]?[大届]")


def _inside_title(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside 《…》 (a document title keeps its own wording)."""
    return text.rfind("《", 0, pos) > text.rfind("》", 0, pos)


@rule("F103", "party-prefix", "warning", "党的代表大会、全会名称前缺少“党的”", fix="unsafe")
def party_prefix(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    党的全国代表大会和中央委员会全体会议的简称前应加“党的”（或“中共”）：党的十九大、
    党的十八届三中全会。“党的”可管到顿号连接的几项：“党的十八大、十九大、二十大”
    “党的十八届三中、四中全会”都是正确的。书名号内的标题不检查。全文一律不加“党的”（至少两处、
    没有一处加了）时只在第一处给出一条提示，不逐处报告。
    原因：
    “十九大”“十八届三中全会”是口语化的省略，正式文稿中应写全称或规范简称。
    错误示例：
    扎实抓好十八届三中、四中全会精神学习培训。
    深入学习贯彻二十大精神。
    正确示例：
    扎实抓好党的十八届三中、四中全会精神学习培训。
    深入学习贯彻党的十八大、十九大、二十大精神。
    依据：
    人民日报、新华社和党的文件的通行写法（lexicon-facts C1）。
    """
    whole = document_text(doc, ctx.cache)  # the blocks joined by line breaks, which no name holds
    starts = whole.starts
    # Every name holds a match of _NAME_HINT_RE, none of which crosses a line break: the blocks
    # without one hold no name.
    hinted = sorted({bisect_right(starts, m.start()) - 1 for m in _NAME_HINT_RE.finditer(whole.text)})
    bare: list[tuple] = []  # (block, start, end, name) of every name without the prefix
    prefixed = 0
    blocks = doc.blocks
    chrome = BlockKind.CHROME
    for i in hinted:
        block = blocks[i]
        if block.kind is chrome:
            continue
        text = block.text
        if "大" not in text and "全会" not in text:
            continue  # and ends in 大 or 全会
        covered_until = -1  # end of the previous name that had (or inherited) the prefix
        for m in _congress_names(text):
            start = m.start()
            between = text[covered_until:start] if covered_until >= 0 else None
            if _PREFIX_RE.search(text[max(0, start - 5) : start]) or (
                between is not None and _LIST_SEP_RE.match(between)
            ):
                covered_until = m.end()
                prefixed += 1
                continue
            covered_until = -1
            if _inside_title(text, start) or text[max(0, start - 2) : start].endswith(("省委", "市委", "县委", "区委")):
                continue
            bare.append((block, start, m.end(), m.group("name")))
            covered_until = m.end()
    if len(bare) >= 2 and prefixed == 0:
        # The text writes the bare form throughout: a choice of style, said once.
        block, start, end, name = bare[0]
        names = "、".join(dict.fromkeys(b[3] for b in bare))
        yield ctx.emit(
            "F103",
            block,
            start,
            end,
            f"全文{len(bare)}处党的代表大会、全会简称（{names}）均未加“党的”；正式文稿应写作“党的{name}”等"
            "（“党的”可管到顿号连接的几项）",
            severity="info",
        )
        return
    for block, start, end, name in bare:
        yield ctx.emit(
            "F103",
            block,
            start,
            end,
            f"“{name}”前应加“党的”：党的{name}（“党的”可管到顿号连接的几项）",
            f"党的{name}",
        )


_NPC_RE = lazyre.compile(rf"全国人大({_NUM}届)([一二三四五六七八九]次会议)")
_CPPCC_RE = lazyre.compile(rf"({_NUM}届)全国政协([一二三四五六七八九]次会议)")
#: 全国人大 or 全国政协, one of which each of the two patterns holds: one pass over a text that
#: holds neither (most do) instead of one test for each.
_SESSION_HINT_RE = lazyre.compile("全国(?:人大|政协)")


@rule("F104", "session-name-order", "error", "全国人大、全国政协会议届次的语序", fix="safe")
def session_name_order(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    全国人大会议写作“十四届全国人大三次会议”（届次在前），全国政协会议写作“全国政协十四届
    三次会议”（届次在后）。
    原因：
    这是新华社和两会文件的固定写法，二者恰好相反，最容易写混。
    错误示例：
    出席全国人大十四届三次会议。
    出席十四届全国政协三次会议。
    正确示例：
    出席十四届全国人大三次会议和全国政协十四届三次会议。
    依据：
    新华社两会报道规范（lexicon-facts B12）。
    """
    whole = document_text(doc, ctx.cache)  # every block's text: one search tells whether some block holds one
    if not _SESSION_HINT_RE.search(whole.text):
        return  # each pattern holds 全国人大 or 全国政协
    blocks = doc.blocks
    for i in whole.blocks_with("全国"):
        block = blocks[i]
        if block.kind is BlockKind.CHROME:
            continue
        for m in _NPC_RE.finditer(block.text):
            right = f"{m.group(1)}全国人大{m.group(2)}"
            yield ctx.emit("F104", block, m.start(), m.end(), f"全国人大会议届次在前：应为“{right}”", right)
        for m in _CPPCC_RE.finditer(block.text):
            right = f"全国政协{m.group(1)}{m.group(2)}"
            yield ctx.emit("F104", block, m.start(), m.end(), f"全国政协会议届次在后：应为“{right}”", right)
