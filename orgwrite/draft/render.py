"""Render a validated outline through its genre template into a draft.

The template (Jinja2, sandboxed, ``StrictUndefined``) writes one block per line as
``kind|text`` (``title|…``, ``h1|一、…``, ``p|…``); :func:`render` turns those lines into
:class:`DraftBlock` records, which become the .txt or .md text and the
:class:`~orgwrite.model.Document` that check and the Word writer consume.

Outline values reach the template as data only: a ``{{ 7*7 }}`` in an outline is text
and appears as written.  The only things expanded in outline text are the markers
``［lex:ID］``, ``［members:ID］`` and ``［count］`` (plain string substitution).
"""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass
from datetime import date
from typing import Any

from orgwrite.draft import formulations, numerals
from orgwrite.draft.genres import Genre
from orgwrite.draft.markers import Expander, own_number
from orgwrite.draft.outline import Outline, OutlineError, Point, Section, suggest
from orgwrite.errors import OrgwriteError
from orgwrite.model import Block, BlockKind, Document, Metadata, SourceInfo

KINDS: dict[str, BlockKind] = {
    "title": BlockKind.TITLE,
    "subtitle": BlockKind.SUBTITLE,
    "speaker": BlockKind.SPEAKER,
    "date": BlockKind.DATE,
    "salutation": BlockKind.SALUTATION,
    "h1": BlockKind.HEADING,
    "h2": BlockKind.HEADING,
    "h3": BlockKind.HEADING,
    "h4": BlockKind.HEADING,
    "p": BlockKind.PARAGRAPH,
    "item": BlockKind.ITEM,
    "closing": BlockKind.CLOSING,
    "signature": BlockKind.SIGNATURE,
    "attachment": BlockKind.ATTACHMENT,
}
_SPLIT_KINDS = ("p", "closing", "item")  # multi-line values become several paragraphs
_SENTENCE_END = "。！？…”’）》"
_TRAILING_SOFT = "，,、；;：: "


class TemplateProblem(OrgwriteError):
    """A genre template that fails to render (a bug in the template, not the outline)."""


@dataclass(slots=True)
class DraftBlock:
    kind: str  # a key of KINDS
    text: str


@dataclass(slots=True)
class Draft:
    """A rendered draft: its blocks and what it was made from."""

    outline: Outline
    genre: Genre
    as_of: date
    blocks: list[DraftBlock]

    def text(self, fmt: str = "txt") -> str:
        """The draft as .txt (one paragraph per line) or .md (front matter, headings with #)."""
        return "".join(line + "\n" for line in self._layout(fmt)[0])

    def _front_matter(self) -> list[str]:
        """Markdown front matter: the genre and the date the wording was chosen for."""
        return ["---", f"genre: {self.genre.name}", f"as-of: {self.as_of.isoformat()}", "---", ""]

    def _layout(self, fmt: str) -> tuple[list[str], list[int]]:
        """The output lines, and the 1-based line of each block."""
        lines: list[str] = self._front_matter() if fmt == "md" else []
        where = []
        for i, (line, _) in enumerate(self._lines(fmt)):
            if fmt == "md" and i:
                lines.append("")
            where.append(len(lines) + 1)
            lines.append(line)
        return lines, where

    def _lines(self, fmt: str) -> list[tuple[str, int]]:
        """(line, column of the text in it) per block."""
        out = []
        for b in self.blocks:
            prefix = ""
            if fmt == "md":
                if b.kind == "title":
                    prefix = "# "
                elif b.kind in ("h1", "h2", "h3", "h4"):
                    prefix = "#" * (int(b.kind[1]) + 1) + " "
            out.append((prefix + b.text, len(prefix) + 1))
        return out

    def document(self, fmt: str = "txt", name: str = "<draft>") -> Document:
        """The draft as a Document with exact block kinds (for the Word writer)."""
        from orgwrite.io.layout import heading_number

        lines, where = self._layout(fmt)
        text = "".join(line + "\n" for line in lines)
        blocks = []
        for b, (_, column), line in zip(self.blocks, self._lines(fmt), where, strict=True):
            kind = KINDS[b.kind]
            level, number = 0, ""
            if kind in (BlockKind.HEADING, BlockKind.ITEM):
                level, number = heading_number(b.text)
                if kind is BlockKind.HEADING and b.kind[1:].isdigit() and number:
                    level = int(b.kind[1:])
            blocks.append(Block(kind=kind, text=b.text, line=line, column=column, level=level, number=number))
        o = self.outline
        meta = Metadata(
            genre=self.genre.name,
            title=o.title,
            subtitle=o.texts.get("subtitle"),
            speaker=o.texts.get("speaker"),
            issuer=o.texts.get("issuer"),
            occasion=o.texts.get("occasion"),
            date=o.date.isoformat() if o.date else None,
            as_of=self.as_of.isoformat(),
            as_of_source="大纲日期" if o.date else "起草日期",
        )
        return Document(
            blocks=blocks,
            meta=meta,
            source=SourceInfo(path=name, format=fmt),
            text=text,
            lines=lines,
        )


# --- text helpers ------------------------------------------------------------------


def sentence(text: str) -> str:
    """``text`` as a full sentence: soft trailing marks replaced, a full stop added if missing."""
    text = text.strip().rstrip(_TRAILING_SOFT)
    if text and text[-1] not in _SENTENCE_END:
        text += "。"
    return text


def phrases(items: list[str]) -> str:
    """A short phrase list as one sentence: 坚持政治标准，突出实绩导向，注重群众公认。"""
    return sentence("，".join(p.strip().rstrip(_TRAILING_SOFT + "。") for p in items))


def yishi(points: list[str]) -> str:
    """Points as one paragraph enumerated 一是……。二是……。"""
    return "".join(f"{numerals.ordinal_shi(i)}{sentence(p)}" for i, p in enumerate(points, start=1))


def emit(kind: str, value: Any) -> str:
    """Template helper: one ``kind|text`` line per paragraph of ``value`` (nothing for empty)."""
    if kind not in KINDS:
        raise TemplateProblem(f"模板使用了未知的块类型“{kind}”（可用：{'、'.join(KINDS)}）")
    if value is None or value is False or value == "":
        return ""
    values = value if isinstance(value, list | tuple) else [str(value)]
    lines = []
    for v in values:
        v = str(v)
        parts = v.split("\n") if kind in _SPLIT_KINDS else [v.replace("\n", "")]
        lines.extend(f"{kind}|{p.strip()}" for p in parts if p.strip())
    return "\n".join(lines) + ("\n" if lines else "")


# --- rendering ---------------------------------------------------------------------


def resolve_options(outline: Outline, genre: Genre) -> dict[str, Any]:
    """The genre's option defaults with the outline's options over them, checked."""
    opts = {name: o.default for name, o in genre.options.items()}
    problems = []
    for key, value in outline.options.items():
        field = f"options.{key}"
        line = outline.lines.get(field, 0)
        where = f"{outline.path}:{line}" if line else outline.path
        if key not in genre.options:
            hint = suggest(key, list(genre.options))
            choices = "、".join(genre.options) or "无"
            problems.append(
                f"{where}：文种“{genre.name}”没有选项“{key}”"
                + (f"，是不是“{hint}”？" if hint else f"（可用：{choices}）")
                + f"（字段 {field}）"
            )
            continue
        kind = genre.options[key].kind
        if kind == "bool" and not isinstance(value, bool):
            problems.append(f"{where}：选项“{key}”应为 true 或 false（字段 {field}）")
            continue
        if kind == "text" and not (isinstance(value, str) or value is False or value is None):
            problems.append(f"{where}：选项“{key}”应是一段文字，或 false（字段 {field}）")
            continue
        opts[key] = value
    if problems:
        raise OutlineError("\n".join(problems))
    return opts


def render(outline: Outline, genre: Genre, as_of: date) -> Draft:
    """Render ``outline`` through ``genre``'s template as of ``as_of``."""
    from jinja2 import FileSystemLoader, StrictUndefined, TemplateError, UndefinedError

    from orgwrite.draft.sandbox import BudgetedSandbox, TemplateBudgetError, render_capped

    options = resolve_options(outline, genre)
    count = len(outline.sections)
    expand = Expander(outline, as_of, count)
    context = _context(outline, genre, as_of, options, expand)
    env = BudgetedSandbox(
        loader=FileSystemLoader([str(genre.folder), str(genre.root)]),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(_globals(as_of))
    env.filters.update(sentence=sentence, phrases=phrases, yishi=yishi, cn=numerals.cn_numeral)
    try:
        template = env.get_template("draft.j2")
        rendered = render_capped(template, context)
    except TemplateBudgetError as exc:
        raise TemplateProblem(f"{_template_where(exc, genre)}：模板错误：{exc}") from None
    except OrgwriteError:
        raise
    except UndefinedError as exc:
        raise TemplateProblem(f"{_template_where(exc, genre)}：{_undefined_cn(str(exc))}") from None
    except TemplateError as exc:
        where = _template_where(exc, genre)
        raise TemplateProblem(f"{where}：模板错误：{exc.message or exc.__class__.__name__}") from None
    except (TypeError, ValueError, AttributeError, KeyError, IndexError, OverflowError, ZeroDivisionError) as exc:
        raise TemplateProblem(f"{_template_where(exc, genre)}：模板错误：{exc}") from None
    except (RecursionError, MemoryError):
        raise TemplateProblem(f"{_template_where(Exception(), genre)}：模板错误：递归过深或占用内存过多") from None
    return Draft(outline=outline, genre=genre, as_of=as_of, blocks=_parse_blocks(rendered, genre))


def _globals(as_of: date) -> dict[str, Any]:
    def lex(ident: str) -> str:
        try:
            return formulations.wording(ident, as_of)
        except formulations.UnknownFormulation as exc:
            raise TemplateProblem(f"模板：{exc}") from None

    def members(ident: str) -> list[str]:
        try:
            return formulations.members(ident, as_of)
        except formulations.UnknownFormulation as exc:
            raise TemplateProblem(f"模板：{exc}") from None

    return {
        "emit": emit,
        "lex": lex,
        "members": members,
        "cn": numerals.cn_numeral,
        "cn_count": numerals.cn_count,
        "number": numerals.heading_number,
        "shi": numerals.ordinal_shi,
        "gb_date": numerals.gb_date,
        "as_of": as_of,
    }


def _context(outline: Outline, genre: Genre, as_of: date, options: dict, expand: Expander) -> dict[str, Any]:
    counter = [0]

    def point_text(p: Point) -> str:
        if isinstance(p.value, list):
            return phrases([expand(x, p.path) for x in p.value])
        return sentence(expand(p.value, p.path))

    def section(s: Section, level: int, index: int) -> dict[str, Any]:
        points = [point_text(p) for p in s.points]
        items = []
        for text in points:
            counter[0] += 1
            items.append({"number": f"{counter[0]}.", "text": own_number(text)[1]})  # numbered by us
        children = [section(c, level + 1, i) for i, c in enumerate(s.sections, start=1)]
        mine, heading = own_number(expand(s.heading, f"{s.path}.heading").rstrip("。；;，,"))
        return {
            "heading": heading,  # without the writer's own number: the template numbers it
            "own_number": mine,  # what the writer wrote, for templates that do not number
            "number": numerals.heading_number(level, index),
            "level": level,
            "index": index,
            "points": points,
            "entries": items,
            "sections": children,
            "count": len(children),
            "count_cn": numerals.cn_count(len(children)) if children else "",
        }

    def text(key: str, default: Any = None) -> Any:
        if key in outline.texts:
            value = outline.texts[key]
            return expand(value, key) if value else None
        return default

    def paragraphs(value: Any, key: str) -> list[str]:
        if not value:
            return []
        return [sentence(line) for line in str(value).split("\n") if line.strip()]

    opts = {k: (expand(v, f"options.{k}") if isinstance(v, str) else v) for k, v in options.items()}
    sections = [section(s, 1, i) for i, s in enumerate(outline.sections, start=1)]
    attachments = [expand(a, "attachments") for a in outline.attachments]
    return {
        "genre": genre.name,
        "title": expand(outline.title, "title"),
        "subtitle": text("subtitle"),
        "speaker": text("speaker"),
        "issuer": text("issuer"),
        "occasion": text("occasion"),
        "date": outline.date,
        "date_cn": numerals.gb_date(outline.date) if outline.date else "",
        "salutation": text("salutation", opts.get("salutation")),
        "opening": paragraphs(text("opening"), "opening"),
        "closing": paragraphs(text("closing", opts.get("closing")), "closing"),
        "attachments": attachments,
        "attachments_note": _attachments_note(attachments),
        "sections": sections,
        "count": len(sections),
        "count_cn": numerals.cn_count(len(sections)) if sections else "",
        "items_total": counter[0],
        "opt": opts,
    }


def _attachments_note(names: list[str]) -> str:
    """附件：名称 (one) or 附件：1.名称；2.名称 (several), without final punctuation (GB/T 9704 §7.3.6)."""
    names = [n.rstrip("。；;，,") for n in names]
    if len(names) == 1:
        return f"附件：{names[0]}"
    return "附件：" + "；".join(f"{i}.{n}" for i, n in enumerate(names, start=1)) if names else ""


def _parse_blocks(rendered: str, genre: Genre) -> list[DraftBlock]:
    blocks = []
    for number, raw in enumerate(rendered.split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        kind, sep, text = line.partition("|")
        if not sep or kind not in KINDS:
            raise TemplateProblem(
                f"{genre.folder / 'draft.j2'}：输出第{number}行没有块类型（应为“类型|文字”，如 p|……）：{line[:30]}"
            )
        if text.strip():
            blocks.append(DraftBlock(kind, text.strip()))
    return blocks


def _template_where(exc: Exception, genre: Genre) -> str:
    lineno = getattr(exc, "lineno", None)
    filename = getattr(exc, "filename", None)
    if not lineno:
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if frame.filename.endswith(".j2"):
                filename, lineno = frame.filename, frame.lineno
                break
    filename = filename or str(genre.folder / "draft.j2")
    return f"{filename}:{lineno}" if lineno else filename


def _undefined_cn(message: str) -> str:
    m = re.search(r"has no attribute '([^']+)'|'([^']+)' is undefined", message)
    name = (m.group(1) or m.group(2)) if m else message
    return f"模板用到的字段“{name}”不存在（大纲中没有此字段，或模板拼写有误）"
