"""The language server, driven through the protocol as an editor drives it (a real subprocess).

Diagnostics must equal ``orgwrite check --format json`` on the same text, at the right ranges in
UTF-16 code units (a character outside the BMP before a finding shifts it by one), honouring
orgwrite.toml and inline ignores; code actions apply a fix and all safe fixes.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")

from lsprotocol import types
from pygls.lsp.client import LanguageClient

from tests.conftest import ROOT

TEXT = "在全省组织工作会议上的讲话\n𠮷好干部是“”出来的,要坚持,,全面从严治党。\n"


class Session:
    """A client with the server started, collecting the diagnostics it publishes."""

    def __init__(self) -> None:
        self.client = LanguageClient("orgwrite-test", "1")
        self.published: dict[str, list[types.Diagnostic]] = {}
        self.arrived: asyncio.Event = asyncio.Event()

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
            self.published[params.uri] = params.diagnostics
            self.arrived.set()

    async def __aenter__(self) -> Session:
        import os

        env = dict(os.environ, PYTHONPATH=str(ROOT))
        await self.client.start_io(sys.executable, "-m", "orgwrite", "server", env=env)
        await self.client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
        self.client.initialized(types.InitializedParams())
        return self

    async def __aexit__(self, *exc) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()

    async def diagnostics(self, uri: str, timeout: float = 60) -> list[types.Diagnostic]:
        await asyncio.wait_for(self.arrived.wait(), timeout)
        self.arrived.clear()
        return self.published[uri]

    def open(self, uri: str, text: str, language: str = "markdown") -> None:
        item = types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))


def _cli_findings(cli, path: Path) -> list[dict]:
    r = cli("check", str(path), "--format", "json", "--fail-on", "never")
    return json.loads(r.stdout)["files"][0]["findings"]


def _utf16(line: str, column: int) -> int:
    return len(line[: column - 1].encode("utf-16-le")) // 2


def test_diagnostics_equal_the_command_line_at_utf16_ranges(cli, tmp_path):
    path = tmp_path / "讲话.md"
    path.write_text(TEXT, "utf-8")
    expected = _cli_findings(cli, path)
    assert {f["rule"] for f in expected} >= {"P101", "P103"}

    async def run() -> list[types.Diagnostic]:
        async with Session() as s:
            s.open(path.as_uri(), TEXT)
            return await s.diagnostics(path.as_uri())

    got = asyncio.run(run())
    lines = TEXT.split("\n")
    want = [
        (
            f["rule"],
            f["message"],
            (f["line"] - 1, _utf16(lines[f["line"] - 1], f["column"])),
            (f["end_line"] - 1, _utf16(lines[f["end_line"] - 1], f["end_column"])),
        )
        for f in expected
    ]
    have = [
        (d.code, d.message, (d.range.start.line, d.range.start.character), (d.range.end.line, d.range.end.character))
        for d in got
    ]
    assert have == want
    # 𠮷 is one character but two UTF-16 units: the empty quotes (character 6 of line 2, 0-based 5)
    # start at UTF-16 offset 6.
    (p103,) = [d for d in got if d.code == "P103"]
    assert (p103.range.start.line, p103.range.start.character, p103.range.end.character) == (1, 6, 8)
    assert all(d.source == "orgwrite" for d in got)


def test_config_and_inline_ignores_are_honoured(tmp_path):
    (tmp_path / "orgwrite.toml").write_text('ignore = ["P101"]\n', "utf-8")
    path = tmp_path / "a.txt"
    text = "好干部是“”出来的,要坚持。\n好干部是“”出来的。【orgwrite: ignore P103】\n"
    path.write_text(text, "utf-8")

    async def run():
        async with Session() as s:
            s.open(path.as_uri(), text, "plaintext")
            return await s.diagnostics(path.as_uri())

    got = asyncio.run(run())
    assert [(d.code, d.range.start.line) for d in got] == [("P103", 0)]


def test_code_actions_fix_one_and_fix_all_and_changes_are_rechecked(tmp_path):
    path = tmp_path / "b.txt"
    text = "要坚持,,全面从严治党。\n"
    path.write_text(text, "utf-8")

    async def run():
        async with Session() as s:
            uri = path.as_uri()
            s.open(uri, text, "plaintext")
            diags = await s.diagnostics(uri)
            whole = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=1, character=0))
            actions = await s.client.text_document_code_action_async(
                types.CodeActionParams(
                    text_document=types.TextDocumentIdentifier(uri=uri),
                    range=whole,
                    context=types.CodeActionContext(diagnostics=diags),
                )
            )
            hover = await s.client.text_document_hover_async(
                types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=diags[0].range.start)
            )
            # The writer edits: the server re-checks after the pause.
            s.client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
                    content_changes=[types.TextDocumentContentChangeWholeDocument(text="要坚持全面从严治党。\n")],
                )
            )
            after = await s.diagnostics(uri)
            return diags, actions, after, hover

    diags, actions, after, hover = asyncio.run(run())
    assert diags and list(after) == []
    fix_all = [a for a in actions if a.kind == types.CodeActionKind.SourceFixAll]
    assert len(fix_all) == 1
    (edit,) = fix_all[0].edit.changes[path.as_uri()]
    # The same fixed point as ``orgwrite check --fix``: ,, → ，， → ，
    assert edit.new_text == "要坚持，全面从严治党。\n"
    quick = [a for a in actions if a.kind == types.CodeActionKind.QuickFix]
    assert quick and all(a.edit for a in quick)
    assert hover is not None and str(diags[0].code) in hover.contents.value and "依据" in hover.contents.value
