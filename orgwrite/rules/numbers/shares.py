"""N101: a share (占比、覆盖率、满意度、占……的) is never over 100%.

A share is named by a word of ``share_words`` or any word ending in 率 that is not one of
``rate_not_share`` (lexicon/numbers.toml), or by 占 (占全市的、占党员总数的、占).  Every
percentage that states its value is checked: “分别为98%、103%”, “由85%提高到105%”.  A growth
or comparison between the word and the figure (增长、提高、同比、比上年、是……的) makes it a
change, not a share: “覆盖率同比提高120%” says nothing about the share itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from orgwrite import lazyre
from orgwrite.model import Block, Document, Finding
from orgwrite.numerals import inside, number_data
from orgwrite.rules.base import Context, rule
from orgwrite.rules.numbers.common import _NUM, _marked_blocks, _protected

_PCT = rf"(?<![\d.])({_NUM})[%％]"
#: After the first figure: more figures of the same share (、 和 及), or the end of a change
#: of the share (由85%提高到95%).
_MORE = rf"(?:(?:[、和与及]|(?:提高|提升|上升|增长|增加|下降|降低|减少|回落)(?:到|至)|到|至|～|-)(?<![\d.]){_NUM}[%％])"
_GAP = r"[^，。；：、,;:！？!?\d%％]"
#: Between the share and its figure: a change or a comparison, not the share's value.
_CHANGE_RE = lazyre.compile(
    r"增|提高|提升|上升|下降|降低|减少|回落|同比|比上|较|高于|低于|超出|相当于|是|的|倍|目标|任务|计划|预算|平均"
)
#: Between 占 and the figure: a plan or a change, not a whole (占年度任务的110%, 占比提高120%).
_ZHAN_NOT_RE = lazyre.compile(r"目标|任务|计划|增|提高|提升|上升|下降|降低|减少|同比|比上|较|相当|倍|是")
#: 提高到 / 提升至 give the new value of the share, not a change of it.
_TO_RE = lazyre.compile(r"(?:提高|提升|上升|增长|增加|下降|降低|减少|回落)(?:到|至)")
#: 率 as a verb or inside a word that is not a rate.
_NOT_RATE_AFTER = "先领团队"
_NOT_ZHAN_AFTER = "领用据有地位线"
_NOT_ZHAN_BEFORE = "抢侵霸挤独攻强"
#: Figures in one match of a share pattern.
_FIGURE_RE = lazyre.compile(rf"(?<![\d.])({_NUM})[%％]")


def _share_words_re() -> list[str]:
    return sorted(
        (w for w in number_data()["share_words"] if w == "占比" or not w.startswith("占")), key=len, reverse=True
    )


@cache
def _share_re() -> re.Pattern[str]:
    anchors = "|".join([*_share_words_re(), "率"])
    return lazyre.compile(
        rf"(?P<word>{anchors}){_GAP}{{0,16}}?{_PCT}{_MORE}*"
        rf"|(?P<zhan>占)(?P<of>{_GAP}{{0,16}}?)(?:的)?(?:比[重例])?(?:为|达到|达|超过)?{_PCT}{_MORE}*"
    )


@cache
def _share_reach() -> int:
    """The most characters a match of _share_re() has before the number of its first figure:
    a word and 16 gap characters, or 占, 16 gap characters, 的, 比重 and 达到."""
    return max(max(map(len, [*_share_words_re(), "率"])) + 16, 1 + 16 + 1 + 2 + 2)


def _share_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches ``_share_re().finditer(text)`` gives, found by searching only just before
    each percent sign.

    The figure of a match is the first percent sign at or after its start (no gap character
    and no number holds one), its number lies in the run of digits and points before that
    sign, and at most :func:`_share_reach` characters come before the number: so no match
    starts earlier.  The search up to the sign finds the leftmost match starting at or before
    it (nothing before the sign looks past it), and the match there is taken in full.  Each
    kind of sign is looked for again only once the one found has been passed: a text with
    signs of one kind only is read once, not to its end at every sign.
    """
    pattern, reach = _share_re(), _share_reach()
    pos = 0
    half, full = text.find("%"), text.find("％")
    while True:
        if 0 <= half < pos:
            half = text.find("%", pos)
        if 0 <= full < pos:
            full = text.find("％", pos)
        sign = full if half < 0 or 0 <= full < half else half
        if sign < 0:
            return
        first = sign
        while first > 0 and (text[first - 1].isdigit() or text[first - 1] == "."):
            first -= 1
        found = pattern.search(text, max(pos, first - reach), sign + 1)
        if found is None:
            pos = sign + 1
            continue
        m = pattern.match(text, found.start())
        yield m
        pos = m.end()


@cache
def _not_share_suffixes() -> tuple[tuple[str, float], ...]:
    """(name, the most it may be) of the rates that may exceed 100%."""
    out = []
    for row in number_data()["rate_not_share"]:
        name, _, most = row.partition("<=")
        out.append((name, float(most) if most else float("inf")))
    return tuple(out)


@cache
def _share_words() -> tuple[str, ...]:
    return tuple(sorted(number_data()["share_words"], key=len, reverse=True))


def _share_name(text: str, m: re.Match[str]) -> tuple[int, float] | None:
    """Where the share's name begins and the most its figures may be (100, or more for a
    rate of rate_not_share that carries its most), or None when the match names no share."""
    if m.group("zhan"):
        i = m.start()
        if _ZHAN_NOT_RE.search(_TO_RE.sub("", (m.group("of") or "").replace("增加值", ""))):
            return None
        after = text[i + 1 : i + 2]
        if after == "地" and text[i + 2 : i + 3] in ("区", "方"):
            after = ""  # 占地区生产总值、占地方财政收入: a whole, not 占地 (land)
        if (after and after in _NOT_ZHAN_AFTER) or (i and text[i - 1] in _NOT_ZHAN_BEFORE):
            return None
        return i, 100.0
    word = m.group("word")
    gap = text[m.end("word") : _FIGURE_RE.search(text, m.end("word")).start()]
    if _CHANGE_RE.search(_TO_RE.sub("", gap.replace("增加值", ""))):
        return None
    end = m.end("word")
    # The longest name that ends here decides: 科技进步贡献率 is a share, 贡献率 may not be.
    known = next((w for w in _share_words() if text.endswith(w, 0, end)), "")
    for name, most in _not_share_suffixes():
        if text.endswith(name, 0, end) and len(name) >= len(known):
            return (end - len(name), most) if most != float("inf") else None
    if word != "率":
        return m.start(), 100.0
    if text[end : end + 1] in _NOT_RATE_AFTER or not "\u4e00" <= text[end - 2 : end - 1] <= "\u9fff":
        return None
    if known:
        return end - len(known), 100.0
    # An unknown rate: its name is the two characters before 率 (上线率), three before 化率.
    start = end - (4 if text[end - 2 : end - 1] == "化" else 3)
    while start < end - 1 and not "\u4e00" <= text[max(start, 0)] <= "\u9fff":
        start += 1
    return start, 100.0


def _over(ctx: Context, block: Block, m: re.Match[str], most: float = 100.0) -> Iterator[tuple[int, int]]:
    """Spans (figure with its %) of the figures of ``m`` over ``most``."""
    for f in _FIGURE_RE.finditer(block.text, m.start(), m.end()):
        if float(f.group(1)) > most and not inside(_protected(ctx, block), f.start(1)):
            yield f.start(1), f.end()


@rule("N101", "share-over-100", "error", "占比、覆盖率、满意度等比例超过100%")
def share_over_100(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    占比、比例、比重、满意度，以及覆盖率、合格率、城镇化率、上线率、参与率等各种“……率”，
    和“占全市的……”“占……%”，都是部分占整体的比例，不会超过100%。半角“%”和全角“％”都核对，
    “分别为……、……”“由……提高到……”中的每个数都核对。增长率、完成率、毛入学率、拨备覆盖率、
    自给率等可以超过100%的“率”，以及“完成目标任务的117%”“增长120%”“同比提高150%”这类增幅，
    不报告。
    原因：
    多是小数点错位或把增长率写成了占比，是评审最先看的硬伤。
    错误示例：
    全市党员参学率达到103.5%，群众满意度持续提升。
    全市常住人口城镇化率达到102.3％。
    全国机关、事业单位党组织覆盖率为99.7%和105.2%。
    35岁以下党员占党员总数的125.6%。
    正确示例：
    全市党员参学率达到98.5%，完成年度目标任务的117%，网上办件量同比增长150%。
    全国机关、事业单位党组织覆盖率为99.7%和95.2%，女党员占26.7%。
    依据：
    常识：比例的分子不大于分母。
    """
    for block in _marked_blocks(doc, ctx, ("%", "％")):
        text = block.text
        for m in _share_matches(text):
            if not any(True for _ in _over(ctx, block, m)):
                continue
            name = _share_name(text, m)
            if name is None:
                continue
            start, most = name
            for a, b in _over(ctx, block, m, most):
                shown = text[start:b]
                limit = "不应超过100%" if most == 100 else f"超过{most:g}%不合常理"
                yield ctx.emit("N101", block, a, b, f"“{shown}”是比例，{limit}，请核对数据")
