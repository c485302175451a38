"""Read .txt and .md files (or a string) into a Document.

One paragraph per line, as our users write and as published texts are collected.
Leading indentation (spaces, tabs, NBSP, U+3000) is not text; positions still point at
the characters in the file.  Markdown structure (front matter, headings, lists, quotes,
emphasis, links, tables, comments, code) is understood so the rules see only the text.
"""

from __future__ import annotations

from itertools import compress, count, repeat
from operator import add, sub
from pathlib import Path

from orgwrite import lazyre
from orgwrite.errors import InputError
from orgwrite.io.decode import decode_bytes, split_lines
from orgwrite.io.layout import RawParagraph, classify, classify_texts
from orgwrite.model import Block, BlockKind, Document, Metadata, SourceInfo

_INDENT = " \t\u00a0\u3000\ufeff"
MARKDOWN_SUFFIXES = (".md", ".markdown")


def read_path(path: Path, *, format: str | None = None, encoding: str | None = None) -> Document:
    """Read a text file; every failure is an InputError with a Chinese message.

    The document remembers how the file was stored (encoding, BOM, line ends) and its
    stamp (size, time, hash), so a fix can write it back the same way, and only if it
    is still the file that was read.
    """
    from orgwrite.io.files import read_input

    name = str(path)
    data, stamp = read_input(path)
    fmt = format or ("md" if path.suffix.lower() in MARKDOWN_SUFFIXES else "txt")
    doc = read_bytes(data, name, format=fmt, encoding=encoding)
    doc.source.stamp = stamp
    return doc


def read_bytes(data: bytes, name: str, *, format: str = "txt", encoding: str | None = None) -> Document:
    decoded = decode_bytes(data, name, encoding)
    doc = read_string(decoded.text, name, format=format)
    doc.source.encoding = decoded.encoding
    doc.source.bom = decoded.bom
    doc.source.newline = decoded.newline
    return doc


def read_string(text: str, name: str = "<string>", *, format: str = "txt") -> Document:
    """A Document from decoded text (no BOM) of a .txt or .md source."""
    lines = split_lines(text)
    meta = Metadata()
    if format == "md":
        blocks = classify(_markdown_paragraphs(lines, meta, name))
    elif "orgwrite:" in text:  # a directive may end or fill a line: the long way, line by line
        blocks = classify(_plain_paragraphs(lines))
    else:
        blocks = _plain_blocks(lines)
    return Document(
        blocks=blocks,
        meta=meta,
        source=SourceInfo(path=name, format=format),
        text=text,
        lines=lines,
    )


def _strip(text: str) -> tuple[str, int]:
    """The text without surrounding blanks, and how many characters were cut in front."""
    body = text.lstrip(_INDENT)
    return body.rstrip(_INDENT), len(text) - len(body)


def _plain_blocks(lines: list[str]) -> list[Block]:
    """The blocks of a plain text without directives: what :func:`_plain_paragraphs` and
    :func:`classify` give, with each column worked out by C-level maps over all lines
    instead of a Python loop and an object per line."""
    lefts = list(map(str.lstrip, lines, repeat(_INDENT)))
    bodies = list(map(str.rstrip, lefts, repeat(_INDENT)))
    columns = map(add, map(sub, map(len, lines), map(len, lefts)), repeat(1))  # indentation cut + 1
    return classify_texts(list(filter(None, bodies)), compress(count(1), bodies), compress(columns, bodies))


def _plain_paragraphs(lines: list[str]) -> list[RawParagraph]:
    raws = []
    append = raws.append
    for number, line in enumerate(lines, start=1):
        body = line.lstrip(_INDENT)  # _strip, inlined: this loop runs once per line of every text
        cut = len(line) - len(body)
        body = body.rstrip(_INDENT)
        if "orgwrite:" in body:
            body = _TRAILING_DIRECTIVE_RE.sub("", body).rstrip(_INDENT)
            if not body or _is_directive_only(body):
                continue
        elif not body:
            continue
        append(RawParagraph(body, number, cut + 1))
    return raws


_TRAILING_DIRECTIVE_RE = lazyre.compile(r"\s*(?:<!--|【|\[|#|//)?\s*orgwrite:[^】\]]*?(?:-->|】|\])?\s*$")
_DIRECTIVE_RE = lazyre.compile(r"^(?:<!--\s*|#\s*|//\s*|【\s*|\[\s*)?orgwrite:\s*[\w -]*\s*(?:-->|】|\])?$")


def _is_directive_only(text: str) -> bool:
    """A line holding only an ``orgwrite:`` suppression directive is not text."""
    return "orgwrite:" in text and bool(_DIRECTIVE_RE.match(text))


# --- Markdown -----------------------------------------------------------------------

_MD_HEADING_RE = lazyre.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_BULLET_RE = lazyre.compile(r"^([-*+]\s+|>\s?)+")
_MD_FENCE_RE = lazyre.compile(r"^(```|~~~)")
_MD_TABLE_RULE_RE = lazyre.compile(r"^\|?\s*:?-{2,}")
_TABLE_CELL_RE = lazyre.compile(r"[^|]+")
_MD_INLINE_RE = lazyre.compile(r"<!--.*?-->|\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|\]\([^)]*\)|\[|`")


def _markdown_paragraphs(lines: list[str], meta: Metadata, name: str) -> list[RawParagraph]:
    raws: list[RawParagraph] = []
    start = _front_matter(lines, meta, name)
    in_fence = False
    in_comment = False
    first_heading = True
    for number in range(start + 1, len(lines) + 1):
        line = lines[number - 1]
        body, cut = _strip(line)
        if in_comment:
            in_comment = "-->" not in body
            continue
        if _MD_FENCE_RE.match(body):
            in_fence = not in_fence
            continue
        if in_fence or not body:
            continue
        if body.startswith("<!--"):
            in_comment = "-->" not in body
            continue
        hint: BlockKind | None = None
        m = _MD_HEADING_RE.match(body)
        if m:
            cut += m.start(2)
            body = m.group(2)
            hint = BlockKind.TITLE if (len(m.group(1)) == 1 and first_heading) else BlockKind.HEADING
            first_heading = False
        elif body.startswith("|"):
            if not _MD_TABLE_RULE_RE.match(body):
                raws.extend(_table_cells(body, number, cut))
            continue
        else:
            bullet = _MD_BULLET_RE.match(body)
            if bullet:
                cut += bullet.end()
                body = body[bullet.end() :]
        text, segments = _inline(body, number, cut + 1)
        if text and not _is_directive_only(text):
            raws.append(RawParagraph(text=text, line=number, column=cut + 1, segments=segments, hint=hint))
    return raws


def _inline(body: str, line: int, column: int) -> tuple[str, tuple[tuple[int, int, int], ...]]:
    """Remove emphasis, link targets and code marks, keeping a map back to the source."""
    if not _MD_INLINE_RE.search(body):
        return body, ()
    pieces: list[str] = []
    segments: list[tuple[int, int, int]] = []
    pos = 0
    length = 0
    for m in _MD_INLINE_RE.finditer(body):
        if m.start() > pos:
            segments.append((length, line, column + pos))
            pieces.append(body[pos : m.start()])
            length += m.start() - pos
        pos = m.end()
    if pos < len(body):
        segments.append((length, line, column + pos))
        pieces.append(body[pos:])
    return "".join(pieces), tuple(segments)


def _table_cells(body: str, line: int, cut: int) -> list[RawParagraph]:
    cells = []
    for m in _TABLE_CELL_RE.finditer(body):
        text, lead = _strip(m.group(0))
        if text:
            cells.append(RawParagraph(text=text, line=line, column=cut + m.start() + lead + 1))
    return cells


def _front_matter(lines: list[str], meta: Metadata, name: str) -> int:
    """Parse a leading ``---`` YAML block into ``meta``; return the lines it took."""
    if not lines or lines[0].strip() != "---":
        return 0
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        return 0
    import yaml  # only Markdown with front matter pays for it

    try:
        data = yaml.safe_load("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{name}:{mark.line + 2}" if mark else name
        raise InputError(f"{where}：文首元数据（front matter）不是有效的 YAML") from None
    if isinstance(data, dict):
        meta.front_matter = data
        for key in ("title", "genre", "speaker", "issuer", "occasion", "subtitle"):
            if isinstance(data.get(key), str):
                setattr(meta, key, data[key])
        if data.get("date") is not None:
            meta.date = str(data["date"])
    return end + 1
