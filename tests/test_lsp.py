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
        self.times: dict[str, int] = {}
        self.arrived: asyncio.Event = asyncio.Event()

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
            self.published[params.uri] = params.diagnostics
            self.times[params.uri] = self.times.get(params.uri, 0) + 1
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


# --- careless clients and broken settings ------------------------------------------------


def test_an_invalid_orgwrite_toml_is_one_diagnostic_and_the_server_goes_on(tmp_path):
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "orgwrite.toml").write_text("[check\nignore = 5\n", "utf-8")
    broken, fine = tmp_path / "bad" / "a.txt", tmp_path / "b.txt"
    text = "要坚持,,全面从严治党。\n"

    async def run():
        async with Session() as s:
            s.open(broken.as_uri(), text, "plaintext")
            on_open = await s.diagnostics(broken.as_uri(), 20)
            s.client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=broken.as_uri(), version=2),
                    content_changes=[types.TextDocumentContentChangeWholeDocument(text=text + "好。\n")],
                )
            )
            on_change = await s.diagnostics(broken.as_uri(), 20)
            s.open(fine.as_uri(), text, "plaintext")
            return on_open, on_change, await s.diagnostics(fine.as_uri(), 20)

    on_open, on_change, other = asyncio.run(run())
    for got in (on_open, on_change):
        (d,) = got
        assert d.range.start.line == 0 and d.severity == types.DiagnosticSeverity.Error
        assert d.message.startswith("无法检查：") and "orgwrite.toml" in d.message and "\n" not in d.message
    assert [d.code for d in other] == ["P101"]


def test_crlf_outside_bmp_empty_and_incremental_changes(cli, tmp_path):
    text = "在会议上的讲话\r\n𠮷好干部是“”出来的,要坚持,,全面从严治党。\r\n𠮷𠮷要坚持,,从严。𠮷\r\n"
    path = tmp_path / "c.txt"
    path.write_bytes(text.encode("utf-8"))
    expected = _cli_findings(cli, path)
    empty = tmp_path / "empty.txt"

    async def run():
        async with Session() as s:
            s.open(path.as_uri(), text, "plaintext")
            crlf = await s.diagnostics(path.as_uri(), 20)
            s.open(empty.as_uri(), "", "plaintext")
            nothing = await s.diagnostics(empty.as_uri(), 20)
            insert = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0))
            s.client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=empty.as_uri(), version=2),
                    content_changes=[
                        types.TextDocumentContentChangePartial(range=insert, text="𠮷要坚持。\n"),
                        # after the 𠮷 (two UTF-16 units): 要坚持 → 要坚持,,
                        types.TextDocumentContentChangePartial(
                            range=types.Range(
                                start=types.Position(line=0, character=5), end=types.Position(line=0, character=5)
                            ),
                            text=",,",
                        ),
                    ],
                )
            )
            return crlf, nothing, await s.diagnostics(empty.as_uri(), 20)

    crlf, nothing, changed = asyncio.run(run())
    lines = text.split("\r\n")
    assert [(d.code, d.range.start.line, d.range.start.character) for d in crlf] == [
        (f["rule"], f["line"] - 1, _utf16(lines[f["line"] - 1], f["column"])) for f in expected
    ]
    assert list(nothing) == []
    assert [(d.code, d.range.start.line, d.range.start.character, d.range.end.character) for d in changed] == [
        ("P101", 0, 5, 7)
    ]


def test_a_burst_of_changes_to_a_large_document_is_checked_once(tmp_path):
    path = tmp_path / "big.txt"
    text = "要坚持全面从严治党，推进干部教育培训。\n" * 20000

    async def run():
        async with Session() as s:
            uri = path.as_uri()
            s.open(uri, text, "plaintext")
            await s.diagnostics(uri, 60)
            before = s.times[uri]
            for version in range(2, 22):
                s.client.text_document_did_change(
                    types.DidChangeTextDocumentParams(
                        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                        content_changes=[
                            types.TextDocumentContentChangePartial(
                                range=types.Range(
                                    start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)
                                ),
                                text="好",
                            )
                        ],
                    )
                )
            last = await s.diagnostics(uri, 60)
            await asyncio.sleep(1.5)
            return s.times[uri] - before, last

    count, last = asyncio.run(run())
    assert count == 1 and [d.code for d in last] == ["S102"]


def test_a_message_with_bytes_that_are_not_utf8_still_opens_its_document(tmp_path):
    import os
    import subprocess

    def message(body: bytes) -> bytes:
        return b"Content-Length: %d\r\n\r\n" % len(body) + body

    uri = (tmp_path / "gb.txt").as_uri().encode()
    opened = (
        b'{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"'
        + uri
        + b'","languageId":"plaintext","version":1,"text":"\xe5\xa5\xbd\xb9\xa4,,\xe7\x9a\x84\\n"}}}'
    )
    stdin = b"".join(
        message(json.dumps(m).encode()) if isinstance(m, dict) else message(m)
        for m in (
            {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}},
            {"jsonrpc": "2.0", "method": "initialized", "params": {}},
            opened,
        )
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "orgwrite", "server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env
    )
    import threading

    threading.Timer(30, proc.kill).start()  # no diagnostics within 30 s: the document was lost
    proc.stdin.write(stdin)
    proc.stdin.flush()
    out = b""
    while b"publishDiagnostics" not in out:
        chunk = proc.stdout.read1(65536)
        assert chunk, out
        out += chunk
    proc.kill()
    proc.wait()
    published = json.loads(out[out.rindex(b"\r\n\r\n") + 4 :])
    assert published["params"]["uri"] == uri.decode()
    # Each bad byte is one “?”: the columns after them stay where the bytes were.
    assert [(d["code"], d["range"]["start"]["character"]) for d in published["params"]["diagnostics"]] == [("P101", 1)]
