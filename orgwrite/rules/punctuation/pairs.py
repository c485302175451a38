"""P102 and P103: paired marks — unbalanced, crossed and empty pairs."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from orgwrite import lazyre
from orgwrite.model import Block, Document, Finding
from orgwrite.rules.base import Context, rule
from orgwrite.rules.punctuation._common import PLACEHOLDER, TEXT_KINDS, absent, joined, source_absent, text_blocks

_OPEN = {"“": "”", "‘": "’", "（": "）", "《": "》", "〈": "〉", "【": "】", "「": "」", "『": "』"}
_CLOSE = {v: k for k, v in _OPEN.items()}
_PAIR_RE = lazyre.compile("[" + "".join(_OPEN) + "".join(_CLOSE) + "]")
_NAMES = {
    "“": "引号",
    "‘": "单引号",
    "（": "括号",
    "《": "书名号",
    "〈": "书名号",
    "【": "方头括号",
    "「": "引号",
    "『": "引号",
}


_PAIRS = tuple(o + c for o, c in _OPEN.items())


def _well_paired(text: str) -> bool:
    """True when the marks of ``text`` are paired and nested properly, with no double quote
    inside a double quote and no ’ (which may be an apostrophe): P102 has nothing to say.

    Done on the string of marks alone with ``str.replace`` (C speed): marks nest properly
    exactly when removing adjacent matching pairs again and again leaves nothing.
    """
    marks = "".join(_PAIR_RE.findall(text))
    if "’" in marks:
        return False
    quotes = marks.translate(_NOT_DOUBLE_QUOTE)
    if quotes != "“”" * (len(quotes) // 2):
        return False
    while marks:
        before = len(marks)
        for pair in _PAIRS:
            marks = marks.replace(pair, "")
        if len(marks) == before:
            return False
    return True


_NOT_A_PAIR_MARK_RE = lazyre.compile("[^\n" + "".join(_OPEN) + "".join(_CLOSE) + "]+")
#: The pair marks but the double quotes: deleting each (``str.replace``, a scan at memory
#: speed) from a string of pair marks and line ends leaves the double quotes and line ends,
#: with less work than a regex that removes every run of other marks.
_NOT_DOUBLE_QUOTES = tuple(ch for ch in (*_OPEN, *_CLOSE) if ch not in "“”")
#: Deletes every pair mark except the double quotes (the same marks, for ``str.translate``).
_NOT_DOUBLE_QUOTE = str.maketrans("", "", "".join(_NOT_DOUBLE_QUOTES))
#: Double quotes that do not alternate “ ” “ ” within a line (of double quotes alone).
_QUOTES_OUT_OF_STEP_RE = lazyre.compile("““|””|^”|“$", re.M)
_NOT_A_LINE_END_RE = lazyre.compile("[^\n]")


def _ill_paired(doc: Document, ctx: Context) -> set[int] | None:
    """The indices of the blocks for which ``_well_paired`` is false (None: every block may
    be, the text cannot be searched as a whole).

    _well_paired is computed for all paragraphs at once, on the marks of the whole text
    (the skeleton keeps every pair mark) with the line ends between paragraphs kept: a pair
    never spans a line end, so removing pairs from the whole string removes them from
    each line as from each paragraph alone.
    """
    j = joined(doc, ctx.cache)
    if j is None:
        return None
    # placeholders first, with one C replace: far fewer runs are left for the regex
    marks = _NOT_A_PAIR_MARK_RE.sub("", j.skeleton.replace(PLACEHOLDER, ""))
    lines: set[int] = set()

    def note(found: Iterator[re.Match[str]], where: str) -> None:
        lines.update(where.count("\n", 0, m.start()) for m in found)

    if "’" in marks:
        note(re.finditer("’", marks), marks)
    quotes = marks  # of pair marks and line ends only
    for mark in _NOT_DOUBLE_QUOTES:
        if mark in quotes:
            quotes = quotes.replace(mark, "")
    if (
        "““" in quotes
        or "””" in quotes
        or "\n”" in quotes
        or "“\n" in quotes
        or quotes.startswith("”")
        or quotes.endswith("“")
    ):  # searches for literals, in C, before the pattern that must try every position
        note(_QUOTES_OUT_OF_STEP_RE.finditer(quotes), quotes)
    while True:
        before = len(marks)
        for pair in _PAIRS:
            marks = marks.replace(pair, "")
        if len(marks) == before or not marks.strip("\n"):
            break  # nothing removed, or nothing but line ends left: another round removes nothing
    note(_NOT_A_LINE_END_RE.finditer(marks), marks)
    return lines


def _is_apostrophe(text: str, i: int) -> bool:
    """’ between Latin letters is an apostrophe (don’t), not a quote."""
    return 0 < i < len(text) - 1 and text[i - 1].isascii() and text[i - 1].isalpha() and text[i + 1].isascii()


@rule("P102", "unbalanced-pair", "error", "引号、括号、书名号不成对或嵌套错误")
def unbalanced_pairs(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    引号“”‘’、括号（）、书名号《》〈〉、方头括号【】必须成对，且不能交叉嵌套；引号内再用引号
    时外层用双引号、内层用单引号。引文跨越几个段落时，每段开头用前引号、只在最后一段末尾用
    后引号——这种情况不报告。同一段同一类符号只报告第一处问题（缺一个引号不连带报出后面每个
    引号）；只有一个双引号方向用反时，直接指出这个引号。
    原因：
    缺失一半的引号或括号使引用、注释的范围不清，往往是编辑中删改留下的残缺。
    错误示例：
    着力形成正确的导向和风气。”省委书记对干部工作提出严格要求。
    出台《关于加强干部监督的意见，推动工作落实。
    正确示例：
    他强调：“要坚持‘三严三实’要求。”
    出台《关于加强干部监督的意见》，推动工作落实。
    依据：
    GB/T 15834-2011 第4.8、4.9、4.10节；引号嵌套见第4.8.3.4条。
    """
    lines = _ill_paired(doc, ctx)
    if lines is not None and not lines:
        return
    prose = [b for b in doc.blocks if b.kind in TEXT_KINDS]
    if lines is None:
        ill_paired: list[int] = list(range(len(prose)))
    elif len(prose) == len(doc.blocks):
        ill_paired = sorted(lines)  # no web leftovers: a block's index is its index in prose
    else:
        chrome = [i for i, b in enumerate(doc.blocks) if b.kind not in TEXT_KINDS]
        ill_paired = sorted(i - bisect_left(chrome, i) for i in lines if doc.blocks[i].kind in TEXT_KINDS)
    broken: set[int] = set()  # paragraphs that are the second half of one broken in two
    for index in ill_paired:
        block = prose[index]
        text = block.text
        if index in broken or not _PAIR_RE.search(text) or _well_paired(text):
            continue
        if _broken_in_two(prose, index):
            broken.add(index + 1)
            continue  # the marks pair up across the break; P110 reports the break itself
        continues = index + 1 < len(prose) and prose[index + 1].text.startswith("“")
        for start, end, message, fixed in _first_problem_per_family(text, continues):
            yield ctx.emit("P102", block, start, end, message, fixed)


#: A paragraph that ends in one of these is complete; any other end is a break mid-sentence.
_COMPLETE_END = frozenset("。？！…”’）》」』；：—.?!;:)\"'")


def _broken_in_two(prose: list[Block], index: int) -> bool:
    """True when paragraph ``index`` stops mid-sentence and its marks pair up only together
    with the next paragraph: one paragraph broken in two by the layout, not a missing mark."""
    text = prose[index].text
    if text[-1] in _COMPLETE_END or index + 1 >= len(prose):
        return False
    return _well_paired(text + prose[index + 1].text)


_DOUBLE_QUOTE_RE = lazyre.compile("[“”]")
_TURNED = {"“": "”", "”": "“"}
#: Marks of one family share one finding: quotes of every shape, and each kind of bracket.
_QUOTES = frozenset("“”‘’「」『』")


def _family(ch: str) -> str:
    return "quote" if ch in _QUOTES else _CLOSE.get(ch, ch)


def _first_problem_per_family(text: str, continues: bool) -> list[tuple[int, int, str, str | None]]:
    """The first pairing problem of each family of marks in ``text``, in text order.

    One missing or extra mark throws every later mark of its family out of step (each later
    “ looks nested, each ” closes the wrong one), so only the first problem of a family is
    worth a reviewer's time; once it is mended a new check shows whatever is left.  A double
    quote inside a double quote is reported only when the quotes are otherwise balanced: when
    they are not, the nesting is an effect of the missing mark.
    """
    problems: list[tuple[str, bool, int, int, str]] = []  # family, nested?, start, end, message
    stack: list[int] = []
    for m in _PAIR_RE.finditer(text):
        i = m.start()
        ch = text[i]
        if ch in _OPEN:
            if ch == "“" and any(text[j] == "“" for j in stack):
                problems.append(
                    ("quote", True, i, i + 1, "引号内又用了双引号：内层引号应为单引号‘’，或此处应为后引号”")
                )
            stack.append(i)
            continue
        if ch == "’" and _is_apostrophe(text, i):
            continue
        opener = _CLOSE[ch]
        if stack and text[stack[-1]] == opener:
            stack.pop()
            continue
        inner = [j for j in stack if text[j] == opener]
        if inner:
            crossed = text[stack[-1]]
            message = f"{_NAMES[crossed]}与{_NAMES[opener]}交叉嵌套：“{crossed}”应在“{ch}”之前闭合"
            problems.append((_family(crossed), False, stack[-1], i + 1, message))
            problems.append((_family(ch), False, stack[-1], i + 1, ""))  # the same finding
            del stack[stack.index(inner[-1]) :]
            continue
        name = _NAMES[opener]
        problems.append((_family(ch), False, i, i + 1, f"{name}不成对：有后{name}“{ch}”而无对应的前{name}"))
    for j in stack:
        ch = text[j]
        if ch == "“" and continues:
            continue  # a quotation running over several paragraphs
        name = _NAMES[ch]
        problems.append((_family(ch), False, j, j + 1, f"{name}不成对：前{name}“{ch}”在本段内没有对应的“{_OPEN[ch]}”"))
    unbalanced = {family for family, nested, *_ in problems if not nested}
    first: dict[str, tuple[int, int, str]] = {}
    for family, nested, start, end, message in sorted(problems, key=lambda p: (p[2], not p[4])):
        if family in first or (nested and family in unbalanced):
            continue
        first[family] = (start, end, message)
    if "quote" in first:
        turned = _turned_quote(text)
        if turned is not None:
            right = "后引号”" if text[turned] == "“" else "前引号“"
            first["quote"] = (turned, turned + 1, f"引号方向用反了：此处应为{right}")
    found = sorted({p for p in first.values() if p[2]})
    return [(s, e, m, _TURNED[text[s]] if m.startswith("引号方向") else None) for s, e, m in found]


def _turned_quote(text: str) -> int | None:
    """The one double quote whose direction is wrong (“必修课程的校本化实施“、), or None.

    Double quotes alternate “ ” “ ”; when exactly one mark breaks the alternation, turning it
    pairs every quote of the paragraph, and that mark is the error.  A missing mark (an odd
    number of quotes) or several wrong ones are left to the general messages.
    """
    quotes = [m for m in _DOUBLE_QUOTE_RE.finditer(text)]
    if not quotes or len(quotes) % 2:
        return None
    wrong = [m.start() for n, m in enumerate(quotes) if m.group() != "“”"[n % 2]]
    return wrong[0] if len(wrong) == 1 else None


# --- P103 empty pairs --------------------------------------------------------------------

_EMPTY_RE = lazyre.compile(
    r"“[ \u3000]*”|‘[ \u3000]*’|《[ \u3000]*》|〈[ \u3000]*〉|（[ \u3000]*）|\([ \u3000]*\)|【[ \u3000]*】|「[ \u3000]*」"
)


#: The pairs of _EMPTY_RE with nothing between: ``str.find`` finds each faster than the
#: regex engine scans for all the openers (“ and （ are frequent).
_EMPTY_PAIRS = ("“”", "‘’", "《》", "〈〉", "（）", "()", "【】", "「」")


def _empty_pair_indices(j) -> set[int]:
    """The indices of the blocks where _EMPTY_RE matches (its marks and spaces are kept in
    the skeleton): those with an empty pair, and when the skeleton holds a space, those
    where a pair holds only spaces."""
    skeleton = j.skeleton
    if " " in skeleton or "\u3000" in skeleton:
        return j.skeleton_indices(_EMPTY_RE)
    return j.skeleton_literal_indices(*_EMPTY_PAIRS)


@rule("P103", "empty-pair", "error", "引号、书名号或括号内没有内容（内容丢失）")
def empty_pairs(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    成对的引号、书名号、括号中间没有任何文字，几乎总是复制、转换或删改时丢失了内容。
    原因：
    读者无法得知被引用或被标注的是什么，必须补上原文。
    错误示例：
    群众总体评价为“”和“较好”的达99.82%。
    正确示例：
    群众总体评价为“好”和“较好”的达99.82%。
    依据：
    GB/T 15834-2011 第4.8节（引号）、第4.15节（书名号）。
    """
    j = joined(doc, ctx.cache)
    if j is None:
        blocks = [] if absent(doc, _EMPTY_RE) else list(text_blocks(doc))
    else:
        blocks = j.pick(_empty_pair_indices(j))
        if source_absent(doc, blocks, _EMPTY_RE):
            return
    for block in blocks:
        text = block.text
        for m in _EMPTY_RE.finditer(text):
            kind = _NAMES.get(m.group(0)[0], "括号")
            yield ctx.emit("P103", block, m.start(), m.end(), f"空{kind}：{kind}内没有内容，可能丢失了文字")
