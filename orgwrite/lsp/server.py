"""The language server: documents in, diagnostics, hovers and code actions out."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from orgwrite import __version__
from orgwrite.lsp.positions import char_column, utf16_column

#: Wait this long after the last keystroke before checking (seconds).
DEBOUNCE = 0.3
_SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


@dataclass
class Checked:
    """The last check of one document: its version, lines and findings."""

    version: int | None
    lines: list[str]
    findings: list
    fmt: str
    path: str


def uri_path(uri: str) -> Path | None:
    parsed = urlparse(uri)
    return Path(unquote(parsed.path)) if parsed.scheme == "file" else None


def _config_for(path: Path | None):
    from orgwrite.config import Config, find_config_file, load_config

    if path is None:
        return Config()
    found = find_config_file(path.parent)
    return load_config(found) if found else Config()


def check_text(uri: str, text: str) -> Checked:
    """Check ``text`` as the command line checks the file at ``uri`` (same config, same format)."""
    from orgwrite.io.read_text import read_string, split_lines
    from orgwrite.pipeline import check_document

    path = uri_path(uri)
    name = str(path) if path else uri
    fmt = "md" if name.lower().endswith((".md", ".markdown")) else "txt"
    findings = check_document(read_string(text, name, format=fmt), _config_for(path)).findings
    return Checked(None, split_lines(text), findings, fmt, name)


def _range(lines: list[str], line: int, column: int, end_line: int, end_column: int) -> types.Range:
    def pos(ln: int, col: int) -> types.Position:
        text = lines[ln - 1] if 0 < ln <= len(lines) else ""
        return types.Position(line=ln - 1, character=utf16_column(text, col))

    return types.Range(start=pos(line, column), end=pos(end_line, end_column))


def diagnostics(checked: Checked) -> list[types.Diagnostic]:
    out = []
    for f in checked.findings:
        out.append(
            types.Diagnostic(
                range=_range(checked.lines, f.line, f.column, f.end_line, f.end_column),
                message=f.message,
                severity=_SEVERITY[f.severity.value],
                code=f.rule,
                source="orgwrite",
                data={"replacement": f.replacement, "safe": f.fix_safety is not None and f.fix_safety.value == "safe"},
            )
        )
    return out


def _basis(code: str) -> str:
    from orgwrite.rules.base import _section_lines, all_rules

    rule = all_rules().get(code)
    if rule is None:
        return ""
    basis = " ".join(_section_lines(rule.doc, "依据"))
    return f"**{code}** {rule.name}：{rule.summary}" + (f"\n\n依据：{basis}" if basis else "")


def _inside(pos: types.Position, rng: types.Range) -> bool:
    start, end = (rng.start.line, rng.start.character), (rng.end.line, rng.end.character)
    return start <= (pos.line, pos.character) <= end


def _overlaps(a: types.Range, b: types.Range) -> bool:
    return (a.start.line, a.start.character) <= (b.end.line, b.end.character) and (
        b.start.line,
        b.start.character,
    ) <= (a.end.line, a.end.character)


class OrgwriteServer(LanguageServer):
    """Keeps the last check of each open document for hovers and code actions."""

    def __init__(self) -> None:
        super().__init__("orgwrite", __version__)
        self.checked: dict[str, Checked] = {}
        self.pending: dict[str, asyncio.Task] = {}

    def run_check(self, uri: str) -> None:
        from orgwrite.errors import OrgwriteError

        doc = self.workspace.get_text_document(uri)
        try:
            checked = check_text(uri, doc.source)
        except OrgwriteError as exc:
            self._report_unchecked(uri, doc.version, str(exc).splitlines()[0])
            return
        checked.version = doc.version
        self.checked[uri] = checked
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics(checked), version=doc.version)
        )

    def _report_unchecked(self, uri: str, version: int | None, message: str) -> None:
        """A document that cannot be checked (an invalid orgwrite.toml): one diagnostic on its
        first line saying why, and the old findings withdrawn, so the writer is not misled."""
        self.checked.pop(uri, None)
        diagnostic = types.Diagnostic(
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
            message=f"无法检查：{message}",
            severity=types.DiagnosticSeverity.Error,
            source="orgwrite",
        )
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[diagnostic], version=version)
        )

    def schedule(self, uri: str) -> None:
        """Check after the writer pauses: a newer change cancels the wait for an older one."""
        old = self.pending.pop(uri, None)
        if old:
            old.cancel()

        async def later() -> None:
            await asyncio.sleep(DEBOUNCE)
            self.pending.pop(uri, None)
            self.run_check(uri)

        self.pending[uri] = asyncio.ensure_future(later())


server = OrgwriteServer()


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: OrgwriteServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.run_check(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
async def did_change(ls: OrgwriteServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: OrgwriteServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.run_check(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: OrgwriteServer, params: types.DidCloseTextDocumentParams) -> None:
    ls.checked.pop(params.text_document.uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: OrgwriteServer, params: types.HoverParams) -> types.Hover | None:
    checked = ls.checked.get(params.text_document.uri)
    if checked is None:
        return None
    parts = []
    for d in diagnostics(checked):
        if _inside(params.position, d.range):
            parts.append(f"{d.message}\n\n{_basis(str(d.code))}")
    if not parts:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)))


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]),
)
def code_action(ls: OrgwriteServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    checked = ls.checked.get(uri)
    if checked is None:
        return []
    actions: list[types.CodeAction] = []
    for d in diagnostics(checked):
        replacement = (d.data or {}).get("replacement")
        if replacement is None or not _overlaps(d.range, params.range):
            continue
        safe = (d.data or {}).get("safe")
        shown = replacement if replacement else "（删除）"
        actions.append(
            types.CodeAction(
                title=f"{d.code}：改为“{shown}”" + ("" if safe else "（需确认）"),
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[d],
                is_preferred=bool(safe),
                edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=d.range, new_text=replacement)]}),
            )
        )
    fix_all = _fix_all(ls, uri, checked)
    if fix_all is not None:
        actions.append(fix_all)
    return actions


def _fix_all(ls: OrgwriteServer, uri: str, checked: Checked) -> types.CodeAction | None:
    """Every safe fix, to the fixed point, as one edit of the whole document (like ``--fix``)."""
    from orgwrite.fix import fix_source

    text = ls.workspace.get_text_document(uri).source
    fixed, _passes = fix_source(text, checked.path, checked.fmt, _config_for(uri_path(uri)))
    if fixed == text:
        return None
    end_line = len(checked.lines)
    last = checked.lines[-1] if checked.lines else ""
    whole = types.Range(
        start=types.Position(line=0, character=0),
        end=types.Position(line=end_line, character=0)
        if text.endswith("\n")
        else types.Position(line=max(0, end_line - 1), character=utf16_column(last, len(last) + 1)),
    )
    return types.CodeAction(
        title="orgwrite：应用全部安全修复",
        kind=types.CodeActionKind.SourceFixAll,
        edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=whole, new_text=fixed)]}),
    )


def char_position(lines: list[str], position: types.Position) -> tuple[int, int]:
    """(1-based line, 1-based character column) of an LSP position."""
    text = lines[position.line] if position.line < len(lines) else ""
    return position.line + 1, char_column(text, position.character)


class RepairedInput:
    """Standard input with bytes that are not UTF-8 read as “?”, one byte for one byte.

    Some clients send a file's bytes as they are (a GB18030 file opened as UTF-8); the
    protocol's JSON then cannot be decoded and the whole message, the document with it, is
    lost.  Replacing each bad byte by one ASCII byte keeps every Content-Length right.
    """

    def __init__(self, raw) -> None:
        self.raw = raw

    def readline(self, *args) -> bytes:
        return self.raw.readline(*args)

    def read(self, *args) -> bytes:
        return repair_utf8(self.raw.read(*args))

    def __getattr__(self, name: str):
        return getattr(self.raw, name)


def repair_utf8(data: bytes) -> bytes:
    try:
        data.decode("utf-8")
        return data
    except UnicodeDecodeError:
        text = data.decode("utf-8", "surrogateescape")
        return "".join("?" if "\udc80" <= ch <= "\udcff" else ch for ch in text).encode("utf-8", "surrogatepass")


def main() -> None:
    import sys

    server.start_io(stdin=RepairedInput(sys.stdin.buffer))
