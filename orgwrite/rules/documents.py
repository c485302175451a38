"""Cited documents (rule family D): the 党内法规, laws and standards our texts cite.

The data is ``lexicon/documents.toml``: each document's exact title, issuing body, dates,
editions, wrong titles and, once repealed, what replaced it.  A text is checked against the
document as it stood on the text's date.  Titles the data does not know (a county's own
实施办法) are never looked at: this family only speaks where it knows.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from datetime import date
from itertools import accumulate, chain
from typing import NamedTuple

from orgwrite import lazyre
from orgwrite.asof import bounds
from orgwrite.event_names import document_text
from orgwrite.lexicon import Entry, Lexicon, context_lexicon
from orgwrite.model import Block, BlockKind, Document, Finding
from orgwrite.rules.base import Context, rule
from orgwrite.rules.chars import book_title_around


class Citation(NamedTuple):
    """One known title (or known wrong title) found in a block.

    A named tuple, not a frozen dataclass: the D rules only read its fields, and the class
    costs far less to create when a process starts.
    """

    block: Block
    start: int
    end: int
    entry: Entry
    wrong: bool  # the text is one of the entry's wrong titles
    brackets: tuple[int, int] | None  # the enclosing 《…》 span, if any


_SCANNERS: dict[str, object] = {}


def _scanner(lex: Lexicon):
    """Titles and wrong titles of the lexicon's documents, in one scanner (built once per data)."""
    if lex.data_hash in _SCANNERS:
        return _SCANNERS[lex.data_hash]
    _SCANNERS[lex.data_hash] = built = _build(lex)
    return built


def _build(lex: Lexicon):
    """(scanner of the titles and wrong titles, the character that joins blocks), or None."""
    from orgwrite.event_names import NameScanner

    patterns: dict[str, tuple[str, bool]] = {}
    for e in lex.entries.values():
        if e.kind != "document":
            continue
        patterns.setdefault(e.get("title"), (e.id, False))
        for w in e.get("wrong_titles", []):
            patterns.setdefault(w, (e.id, True))
    if not patterns:
        return None
    # What joins the blocks for one scan: a character no title holds, so no match crosses a joint.
    joint = next(c for c in chain("\n", map(chr, range(0xE000, 0xF900))) if not any(c in t for t in patterns))
    return NameScanner(patterns, guard=frozenset()), joint


def citations(doc: Document, ctx: Context) -> list[Citation]:
    """Every known title in the document, longest match first at each place (scanned once).

    Titles do not overlap: where two occur at one place the longer is taken, and a title that
    starts inside one already taken is not one (the scanner's leftmost-longest matches).
    """
    cached = ctx.cache.get("documents.citations")
    if cached is not None:
        return cached
    lex = context_lexicon(ctx)
    built = _scanner(lex)
    found: list[Citation] = []
    if built is not None:
        # One scan of the blocks joined by a character no title holds (:func:`_build`): no match
        # crosses a joint, and each block's matches are its own.  Mostly that is a line break,
        # and the document's whole text (shared with the other rules) serves; web leftovers
        # are scanned with it and their titles passed over.
        scanner, joint = built
        if joint == "\n":
            whole = document_text(doc, ctx.cache)
            blocks, starts, text = doc.blocks, whole.starts, whole.text
        else:
            blocks = [b for b in doc.blocks if b.text]
            starts = list(accumulate([len(b.text) + 1 for b in blocks], initial=0))
            text = joint.join([b.text for b in blocks])
        chrome = BlockKind.CHROME
        entries = lex.entries
        for (eid, wrong), start, end in scanner.scan(text):
            i = bisect_right(starts, start) - 1
            block = blocks[i]
            if block.kind is chrome:
                continue
            start -= starts[i]
            end -= starts[i]
            brackets = book_title_around(block.text, start, end)
            found.append(Citation(block, start, end, entries[eid], wrong, brackets))
    ctx.cache["documents.citations"] = found
    return found


def _cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


_SENTENCE_END = "。！？；\n"
#: Words that make a mention historical: the text tells of the old document (or sets it beside its
#: successor: 与《……》相比), it does not apply it.
_HISTORY_RE = lazyre.compile(
    r"相比|相较|对比|比较|原(?![则因创始])|曾|此前|以前|过去|废止|取代|代替|替代|修订前|沿用|当时|首次|制定了|出台了|印发了|颁布了"
)
_YEAR_RE = lazyre.compile(r"((?:19|20)\d{2})年")


def _sentence(text: str, start: int, end: int) -> str:
    lo = max((text.rfind(c, 0, start) for c in _SENTENCE_END), default=-1) + 1
    ends = [i for i in (text.find(c, end) for c in _SENTENCE_END) if i >= 0]
    return text[lo : min(ends) if ends else len(text)]


def _historical(c: Citation, repealed: date) -> bool:
    """The sentence dates or narrates the old document rather than citing it as in force."""
    sentence = _sentence(c.block.text, c.start, c.end)
    if _HISTORY_RE.search(sentence):
        return True
    return any(int(y) <= repealed.year for y in _YEAR_RE.findall(sentence))


@rule("D101", "repealed-document", "warning", "引用的文件在文本日期已废止或被取代")
def repealed_document(doc: Document, ctx: Context) -> Iterator[Finding]:
    r"""说明：
    引用的文件在文本日期之前已经废止或被新文件取代（《国家行政机关公文处理办法》自2012年7月1日
    起由《党政机关公文处理工作条例》取代）。叙述历史的句子（写明当年年份，或“原”“曾”“废止”
    “取代”等）不报告；无法确定文本日期时不检查。
    原因：
    依据已废止的文件开展工作、写入文稿，是审稿必改的硬伤。
    错误示例：
    2024年3月1日\n根据《国家行政机关公文处理办法》规范行文。
    正确示例：
    2024年3月1日\n根据《党政机关公文处理工作条例》规范行文。\n2000年，国务院印发《国家行政机关公文处理办法》。
    依据：
    各文件的发布、废止日期及出处见 orgwrite lexicon list --kind document。
    """
    span = bounds(ctx.as_of, doc.meta.as_of_source)
    if span is None:
        return
    lo, _hi = span
    for c in citations(doc, ctx):
        repealed = c.entry.get("repealed")
        if not repealed or lo < repealed or _historical(c, repealed):
            continue
        title = c.entry.get("title")
        replaced = c.entry.get("replaced_by")
        yield ctx.emit(
            "D101",
            c.block,
            c.start,
            c.end,
            f"《{title}》已于{_cn_date(repealed)}废止，由《{replaced}》取代；"
            f"文本日期为{_cn_date(ctx.as_of)}，应引用现行文件",
        )


_EDITION_AFTER_RE = lazyre.compile(r"^（((?:19|20)\d{2})年(修订|修正|版|修订版|修正版)?）")
_EDITION_BEFORE_RE = lazyre.compile(r"((?:19|20)\d{2})年(?:新)?(修订|修正)(?:的|后的|版)?$")


def _editions(e: Entry) -> set[int]:
    years = set(e.get("editions", []))
    years.add(e.get("adopted").year)
    return years


@rule("D102", "nonexistent-edition", "error", "引用了不存在的修订年份")
def nonexistent_edition(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    标注的修订、修正年份不是该文件实际的版本年份（《中国共产党纪律处分条例》只有2003、2015、
    2018、2023年的版本，“2016年修订”不存在；2016年是2015年修订版的施行年份）。只检查词库记有
    版本年份的文件；标注“版”时，版本年份的次年（常为施行年份）也视为正确。
    原因：
    版本年份写错，读者就找不到所引的条文，审稿时必查。
    错误示例：
    依据《中国共产党纪律处分条例》（2016年修订）给予处分。
    正确示例：
    依据《中国共产党纪律处分条例》（2023年修订）给予处分。
    依据：
    各文件的版本年份及出处见 orgwrite lexicon show 编号。
    """
    for c in citations(doc, ctx):
        if c.brackets is None or not c.entry.get("editions"):
            continue
        text = c.block.text
        open_at, close_at = c.brackets
        found = None
        if m := _EDITION_AFTER_RE.match(text[close_at:]):
            found = (close_at + 1, close_at + 1 + len(m.group(1)), int(m.group(1)), m.group(2) or "版")
        elif m := _EDITION_BEFORE_RE.search(text[max(0, open_at - 12) : open_at]):
            base = max(0, open_at - 12) + m.start(1)
            found = (base, base + 4, int(m.group(1)), m.group(2))
        if found is None:
            continue
        start, end, year, kind = found
        valid = _editions(c.entry)
        if "版" in kind:
            # 版 may name the year an edition took effect (often the year after it was issued).
            valid |= {y + 1 for y in valid}
        if year in valid:
            continue
        listed = "、".join(str(y) for y in sorted(_editions(c.entry)))
        yield ctx.emit(
            "D102",
            c.block,
            start,
            end,
            f"《{c.entry.get('title')}》没有{year}年的版本（版本年份：{listed}）",
        )


@rule("D103", "wrong-document-title", "error", "引用文件的名称写错", fix="unsafe")
def wrong_document_title(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    书名号内写的是已知文件的错误或不规范名称（《党政机关公文处理条例》应为
    《党政机关公文处理工作条例》），给出准确全称。只在书名号内容恰为已知错误名称时报告。
    原因：
    文件名称是引用的依据，一字之差就成了另一份（不存在的）文件。
    错误示例：
    严格执行《党政机关公文处理条例》。
    正确示例：
    严格执行《党政机关公文处理工作条例》。
    依据：
    各文件的准确名称及出处见 orgwrite lexicon list --kind document。
    """
    for c in citations(doc, ctx):
        if not c.wrong or c.brackets is None or c.brackets != (c.start - 1, c.end + 1):
            continue
        title = c.entry.get("title")
        yield ctx.emit(
            "D103",
            c.block,
            c.start,
            c.end,
            f"文件名称有误：应为《{title}》（{c.entry.get('issuer')}）",
            title,
        )


#: A bare regulation name next to the title in the same list: the writer lists names, not citations.
_BARE_NEIGHBOUR_BEFORE = lazyre.compile(
    r"(?:^|[^《》])[\u4e00-\u9fff]{2,14}(?:条例|规定|准则|细则|办法)[、，和及到]{1,2}$"
)
_BARE_NEIGHBOUR_AFTER = lazyre.compile(r"^[、，和及]{1,2}[\u4e00-\u9fff]{2,14}(?:条例|规定|准则|细则|办法)(?![》])")


def _listed_with_bare_names(text: str, start: int, end: int) -> bool:
    return bool(
        _BARE_NEIGHBOUR_BEFORE.search(text[max(0, start - 18) : start])
        or _BARE_NEIGHBOUR_AFTER.match(text[end : end + 18])
    )


@rule("D104", "title-without-book-marks", "warning", "引用文件的全称没有加书名号", fix="safe")
def title_without_book_marks(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    已知文件的全称出现在正文中却没有书名号（认真贯彻党政机关公文处理工作条例）。简称
    （党章、干部任用条例）不报告。
    原因：
    GB/T 15834—2011 4.15：书名号标示书名、文件名、法规名等。
    与其他不带书名号的法规简称并列时（从纪律处分条例、问责条例，到关于新形势下党内政治生活的
    若干准则），作者是在列举名称，也不报告。
    错误示例：
    认真贯彻党政机关公文处理工作条例。
    正确示例：
    认真贯彻《党政机关公文处理工作条例》，学习党章。
    从纪律处分条例、问责条例，到关于新形势下党内政治生活的若干准则、党内监督条例。
    依据：
    GB/T 15834—2011《标点符号用法》4.15。
    """
    for c in citations(doc, ctx):
        if c.wrong or c.brackets is not None or c.block.kind in (BlockKind.TITLE, BlockKind.SUBTITLE):
            continue
        text = c.block.text
        before = text[c.start - 1] if c.start else ""
        after = text[c.end] if c.end < len(text) else ""
        if (before in "“「〈" and after in "”」〉") or _listed_with_bare_names(text, c.start, c.end):
            continue
        title = c.entry.get("title")
        yield ctx.emit("D104", c.block, c.start, c.end, f"文件名称应加书名号：《{title}》", f"《{title}》")
