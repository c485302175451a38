"""P106 and P107: the forms of the ellipsis and the dash."""

from __future__ import annotations

import re
from collections.abc import Iterator

from orgwrite import lazyre
from orgwrite.lazyre import lazy
from orgwrite.model import Block, Document, Finding
from orgwrite.rules.base import Context, rule
from orgwrite.rules.chars import CHINESE, is_chinese
from orgwrite.rules.punctuation._common import absent, joined, source_absent, text_blocks

_ELLIPSIS_RE = lazyre.compile(r"\.{3,}|。{3,}|…+|·{3,}|，{3,}")


def _has_ellipsis(text: str) -> bool:
    """Exactly when _ELLIPSIS_RE matches (five scans for a literal are faster than the regex)."""
    return "…" in text or "..." in text or "。。。" in text or "···" in text or "，，，" in text


#: The part of _ELLIPSIS_RE whose characters the skeleton keeps, each alternative written
#: as literals so the engine scans for their first characters only (``\.{3}`` would make it
#: try every position).
_KEPT_ELLIPSIS_RE = lazyre.compile(r"\.\.\.|…|···")
#: The rest: three stops, which hold two stops side by side.
_STOP_ELLIPSIS = ("。。。", "，，，")


def _ellipsis_blocks(doc: Document, ctx: Context) -> list[Block]:
    """The blocks where _ELLIPSIS_RE may match."""
    j = joined(doc, ctx.cache)
    if j is None:
        return [] if absent(doc, _ELLIPSIS_RE, _has_ellipsis) else list(text_blocks(doc))
    found = j.skeleton_indices(_KEPT_ELLIPSIS_RE, needs=".…·")
    text = j.text
    # three stops in a row start at a pair of stops: look only there, not over the text
    found |= j.indices_at(i for i in j.stop_pairs if text.startswith(_STOP_ELLIPSIS, i))
    blocks = j.pick(found)
    return [] if source_absent(doc, blocks, _ELLIPSIS_RE, _has_ellipsis) else blocks


@rule("P106", "ellipsis", "error", "省略号应为“……”（六个点，占两个字位置）", fix="safe")
def ellipsis(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    省略号用两个“…”（U+2026）组成的“……”，不用三个西文句点“...”、三个句号“。。。”或单个“…”。
    省略号后不再加“等”“等等”。
    原因：
    GB/T 15834 规定省略号为六连点、占两个字位置；省略号与“等”都表示列举未尽，同用重复。
    错误示例：
    端午节、中秋节、重阳节...都是传统节日。
    端午节、中秋节、重阳节……等传统节日。
    正确示例：
    端午节、中秋节、重阳节……都是传统节日。
    依据：
    GB/T 15834-2011 第4.11节。
    """
    for block in _ellipsis_blocks(doc, ctx):
        text = block.text
        if not _has_ellipsis(text):
            continue
        for m in _ELLIPSIS_RE.finditer(text):
            s = m.group(0)
            before = text[m.start() - 1] if m.start() else ""
            after = text[m.end()] if m.end() < len(text) else ""
            if s == "……":
                if after == "等":
                    end = m.end() + (2 if text[m.end() : m.end() + 2] == "等等" else 1)
                    yield ctx.emit("P106", block, m.start(), end, "省略号后不再用“等”或“等等”", severity="warning")
                continue
            if s.startswith(".") and not (is_chinese(before) or is_chinese(after)):
                continue  # English text or a table of contents
            if s == "……" * (len(s) // 2) and len(s) % 2 == 0:
                continue  # twelve dots for an omitted paragraph
            yield ctx.emit("P106", block, m.start(), m.end(), f"省略号“{s}”不规范，应为“……”", "……")


# --- P107 dash -----------------------------------------------------------------------------

_ANY_DASH_RE = lazyre.compile(r"--|－－|―|──|—{3}|^—|[ \u3000]—", re.M)
#: Every alternative starts with a literal, so the engine scans for their first characters
#: only (``-{2,}`` written ``--+``, a look-behind after the dash instead of before it).
_DASH_RE = lazy(r"--+|－－+|――?|──|———+|—(?<=^—)(?!—)|—(?<=[ \u3000]—)(?!—)(?=[" + CHINESE + r"])")


def _maybe_dash(text: str) -> bool:
    """True wherever _ANY_DASH_RE (and so _DASH_RE) can match: scans for literals only."""
    return (
        "--" in text
        or "－－" in text
        or "―" in text
        or "──" in text
        or "———" in text
        or text.startswith("—")
        or "\n—" in text
        or " —" in text
        or "\u3000—" in text
    )


#: _ANY_DASH_RE over the skeleton (whose characters it keeps) is a few literals, which
#: ``str.find`` finds faster than the regex engine: these, and "———", " —", "\u3000—" and a
#: block that starts with "—" (after a line end), which need a "—".
_SKELETON_DASHES = ("--", "－－", "―", "──")


#: The forms _maybe_dash looks for inside a paragraph (besides a "—" it starts with).
_DASH_FORMS = ("--", "－－", "―", "──", "———", " —", "\u3000—")


def _source_has_dash(doc: Document, blocks: list[Block]) -> bool:
    """``not absent(doc, _ANY_DASH_RE, _maybe_dash)``: the source decides, as it always did
    (a paragraph that starts with "—" after a tab has no "^—" in the source).

    ``blocks`` are those where _maybe_dash is true.  A plain-text or Word paragraph is a
    source line without its indentation, so a dash form inside one is in the source, and so
    is one at its start when the line starts there or after a space or U+3000 ("\\n—",
    " —", "\\u3000—"); only otherwise is the source searched.
    """
    if doc.source.format != "md":
        for block in blocks:
            text = block.text
            if not text.startswith("—") or any(form in text for form in _DASH_FORMS):
                return True
            if block.column == 1 or (
                not block.segments
                and 0 < block.line <= len(doc.lines)
                and doc.lines[block.line - 1][block.column - 2 : block.column - 1] in (" ", "\u3000")
            ):
                return True
    return not absent(doc, _ANY_DASH_RE, _maybe_dash)


def _dash_indices(j) -> set[int]:
    """The indices of the blocks where _ANY_DASH_RE (so _maybe_dash) matches."""
    skeleton = j.skeleton
    found = j.skeleton_literal_indices(*_SKELETON_DASHES) if any(c in skeleton for c in "-－―─") else set()
    if "—" in skeleton:
        found |= j.skeleton_literal_indices("———", " —", "\u3000—")
        found.update(i + 1 for i in j.skeleton_literal_indices("\n—"))
    if j.text.startswith("—"):
        found.add(0)
    return found


@rule("P107", "dash", "error", "破折号应为“——”（两个一字线）", fix="safe")
def dash(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    破折号是两个连写的一字线“——”（U+2014），不用西文连字符“--”、全角减号“－－”、
    横线“―”或制表线“──”，也不用单个“—”。两个数字、地名之间表示起止的单个“—”是连接号，
    本规则不报告。
    原因：
    字形不对的破折号在排版中长短、位置都不对，而且检索不到。
    错误示例：
    勇当排头兵--党的十八大以来首府组织工作综述
    正确示例：
    勇当排头兵——党的十八大以来首府组织工作综述
    京沪高铁北京—上海段全线贯通。
    依据：
    GB/T 15834-2011 第4.9节（破折号）、第4.13节（连接号）。
    """
    j = joined(doc, ctx.cache)
    if j is None:
        blocks = [] if absent(doc, _ANY_DASH_RE, _maybe_dash) else list(text_blocks(doc))
    else:
        blocks = j.pick(_dash_indices(j))
        if blocks and not _source_has_dash(doc, blocks):
            return
    for block in blocks:
        text = block.text
        if not _maybe_dash(text):
            continue
        for m in _DASH_RE.finditer(text):
            s = m.group(0)
            if (
                s.startswith("-")
                and m.start() > 0
                and not any(is_chinese(c) for c in (text[m.start() - 1 : m.start()] + text[m.end() : m.end() + 1]))
            ):
                continue
            yield ctx.emit("P107", block, m.start(), m.end(), f"破折号“{s}”不规范，应为“——”", "——")
