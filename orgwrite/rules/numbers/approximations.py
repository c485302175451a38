"""N102: one number, one way of approximating it (约3万余人 says it twice)."""

from __future__ import annotations

from collections.abc import Iterator

from orgwrite import lazyre
from orgwrite.model import Document, Finding
from orgwrite.numerals import inside
from orgwrite.rules.base import Context, rule
from orgwrite.rules.numbers.common import (
    _NUM,
    _PROSE,
    _after,
    _marked_blocks,
    _protected,
)

# --- N102 redundant or contradictory approximations ------------------------------------------

_CN_Q = "[一二三四五六七八九十两百千万亿]"
_APPROX_RE = lazyre.compile(
    r"(?P<pre>大约|约|将近|接近|近|超过|逾)"
    rf"(?P<q>(?<![\d.]){_NUM}(?:万亿|亿|万)?|{_CN_Q}{{1,6}})"
    r"(?:(?P<post1>余|多)(?![余多]?次|多余)|(?P<unit>[个名位人项家户所万亿元年天月次期场篇件批]{1,2})(?P<post2>左右|以上|余(?=[，。；、来])|多(?=[，。；、来]))|(?P<post3>左右|以上))"
)
#: In every match of _APPROX_RE: 约 (大约), 近 (将近, 接近), 超过 or 逾 right before a digit or
#: a Chinese numeral; in every match of _DOUBLE_RE: 余多 or 多余, found from its 余.  Each led
#: by one literal, which scans faster than the patterns (and than a search for 余多 and one
#: for 多余).
_APPROX_QUICK = (
    *(lazyre.compile(rf"{word}(?=\d|{_CN_Q})") for word in ("约", "近", "超过", "逾")),
    lazyre.compile(r"余(?:(?=多)|(?<=多余))"),
)
_DOUBLE_RE = lazyre.compile(rf"({_NUM}(?:万亿|亿|万)?)(余多|多余)(?=[个名位人项家户所元次])")
_NOT_APPROX_BEFORE = {"约": "节制契预相邀签公缔违履隐", "近": "最附邻靠亲临就不逼贴走拉新远晚相"}


@rule("N102", "double-approximation", "warning", "概数重复表达（约……余、近……多、余多等）", fix="unsafe")
def double_approximation(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    一个数只用一种概数表达。“约”“近”“超过”与“余”“多”“左右”“以上”不能同时修饰一个数：
    “约3万余人”写“3万余人”或“约3万人”；“近400余人”自相矛盾（近是不到，余是超过）；
    “1000余多人”中“余”“多”重复。建议删去前面的词。
    原因：
    概数词叠用，意思重复甚至相反，是数字表述的常见硬伤。
    错误示例：
    全年共培训基层党员约3万余人次。
    全市选派第一书记将近400余名。
    共组织专题培训1000余多人。
    正确示例：
    全年共培训基层党员3万余人次，选派第一书记近400名，另有约300人列席。
    依据：
    GB/T 15835-2011 第4.2条（概数）；编辑出版常规。
    """
    for block in _marked_blocks(doc, ctx, _APPROX_QUICK, _PROSE):
        text = block.text
        for m in _APPROX_RE.finditer(text):
            if _after(text, m.start(), _NOT_APPROX_BEFORE.get(m.group("pre"), "")):
                continue  # 节约、最近、贴近 are words, not approximations
            if inside(_protected(ctx, block), m.start()):
                continue
            post = m.group("post1") or m.group("post2") or m.group("post3")
            pre = m.group("pre")
            quantity = text[m.start("q") : m.end()]
            if pre in ("近", "将近", "接近") and post in ("余", "多", "以上"):
                why = f"“{pre}”表示不到，“{post}”表示超过，自相矛盾"
            else:
                why = f"“{pre}”与“{post}”重复"
            yield ctx.emit(
                "N102",
                block,
                m.start(),
                m.end(),
                f"“{m.group(0)}”概数重复：{why}，应写“{quantity}”或去掉“{post}”",
                quantity,
            )
        if "余多" not in text and "多余" not in text:
            continue  # in every match of _DOUBLE_RE
        for m in _DOUBLE_RE.finditer(text):
            if _after(text, m.start(), "0123456789."):
                continue
            if inside(_protected(ctx, block), m.start()):
                continue
            yield ctx.emit(
                "N102",
                block,
                m.start(),
                m.end(),
                f"“{m.group(0)}”中“余”与“多”重复，只用其一",
                m.group(1) + "余",
            )
