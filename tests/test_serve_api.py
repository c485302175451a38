"""The review page's API through Starlette's test client: the same findings and files as the
command line, and the guards of a local server (token, Host, Origin, size, .docx defences)."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")

from starlette.testclient import TestClient

from orgwrite import check
from orgwrite.serve.app import create_app
from tests.conftest import sample

TOKEN = "t0ken-for-tests"
HOST = "127.0.0.1:8765"


@pytest.fixture
def client():
    app = create_app(token=TOKEN, hosts={HOST, "localhost:8765"}, max_body=2 * 1024 * 1024)
    with TestClient(app, base_url=f"http://{HOST}") as c:
        c.headers.update({"X-Orgwrite-Token": TOKEN})
        yield c


def test_check_gives_the_command_lines_findings_with_rule_docs(client):
    text = sample("004").read_text("utf-8")
    r = client.post("/api/check", json={"text": text})
    assert r.status_code == 200
    data = r.json()
    cli = [f.to_dict() for f in check(text)]
    assert [{k: v for k, v in f.items() if k in cli[0]} for f in data["findings"]] == cli
    assert data["as_of"] == "2015-01-16"
    assert sum(data["families"].values()) == len(cli)
    assert set(data["rules"]) == {f["rule"] for f in cli}
    assert data["rules"]["P103"]["wrong"] and data["rules"]["P103"]["why"]


def test_ignore_once_ignore_rule_and_as_of_change_the_result(client):
    text = "2024年1月8日\n好干部是“”出来的,进一步坚定“三个自信”。\n"
    base = client.post("/api/check", json={"text": text}).json()["findings"]
    rules = sorted(f["rule"] for f in base)
    assert "T101" in rules and "P103" in rules and "P101" in rules
    p103 = next(f for f in base if f["rule"] == "P103")
    once = client.post("/api/check", json={"text": text, "ignore_once": [p103["key"]]}).json()["findings"]
    assert "P103" not in [f["rule"] for f in once]
    no_p = client.post("/api/check", json={"text": text, "ignore_rules": ["P"]}).json()["findings"]
    assert all(not f["rule"].startswith("P") for f in no_p)
    early = client.post("/api/check", json={"text": text, "as_of": "2015-06-01"}).json()
    assert early["as_of"] == "2015-06-01" and "T101" not in [f["rule"] for f in early["findings"]]
    bad = client.post("/api/check", json={"text": text, "as_of": "2015-02-30"})
    assert bad.status_code == 400 and "文本日期" in bad.json()["error"]


def test_fix_all_and_export(client):
    r = client.post("/api/fix", json={"text": "要坚持,,全面从严治党。\n"})
    assert r.json()["text"] == "要坚持，全面从严治党。\n"
    r = client.post("/api/export", json={"text": sample("001").read_text("utf-8"), "name": "发言.txt"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert zipfile.ZipFile(io.BytesIO(r.content)).read("word/document.xml")


def _docx_of(text: str) -> bytes:
    from orgwrite.io.read_text import read_string
    from orgwrite.io.write_docx import build_docx

    return build_docx(read_string(text))


def test_docx_upload_annotated_and_tracked_downloads(client, tmp_path):
    from orgwrite.io.read_docx import read_docx

    data = _docx_of(sample("004").read_text("utf-8"))
    up = client.post("/api/upload", content=data, headers={"X-Filename": "%E7%BB%BC%E8%BF%B0.docx"}).json()
    assert up["name"] == "综述.docx" and up["docx"]
    path = tmp_path / "in.docx"
    path.write_bytes(data)
    expected = check(read_docx(path))
    found = client.post("/api/check", json={"text": up["text"]}).json()["findings"]
    assert len(found) > 0
    annotated = client.post("/api/annotated", json={"docx": up["docx"]})
    assert annotated.status_code == 200
    comments = zipfile.ZipFile(io.BytesIO(annotated.content)).read("word/comments.xml").decode("utf-8")
    assert comments.count("<w:comment ") == len(expected)
    tracked = client.post("/api/tracked", json={"docx": up["docx"]})
    xml = zipfile.ZipFile(io.BytesIO(tracked.content)).read("word/document.xml").decode("utf-8")
    assert "<w:ins " in xml or "<w:del " in xml


def test_draft_and_its_validation_messages(client):
    genres = client.get("/api/genres").json()["genres"]
    starter = next(g for g in genres if g["name"] == "交流发言")["starter"]
    drafted = client.post("/api/draft", json={"outline": starter}).json()
    assert drafted["errors"] == [] and drafted["text"]
    broken = client.post("/api/draft", json={"outline": "genre: 交流发言\ntitel: 题目\n"}).json()
    assert broken["text"] is None and broken["errors"]
    assert all("大纲" in line or "字段" in line or "：" in line for line in broken["errors"])


# --- the guards ------------------------------------------------------------------------


def test_missing_or_wrong_token_is_refused(client):
    page = client.get("/", headers={"X-Orgwrite-Token": ""})
    assert page.status_code == 403 and "令牌" in page.json()["error"]
    assert client.get(f"/?token={TOKEN}", headers={"X-Orgwrite-Token": ""}).status_code == 200
    assert client.post("/api/check", json={"text": "x"}, headers={"X-Orgwrite-Token": "guess"}).status_code == 403


def test_foreign_origin_and_rebound_host_are_refused(client):
    r = client.post("/api/check", json={"text": "好。"}, headers={"Origin": "http://evil.example"})
    assert r.status_code == 403 and "其他网站" in r.json()["error"]
    r = client.post("/api/check", json={"text": "好。"}, headers={"Host": "evil.example:8765"})
    assert r.status_code == 421
    assert client.post("/api/check", json={"text": "好。"}, headers={"Origin": f"http://{HOST}"}).status_code == 200


def test_oversized_upload_is_refused(client):
    big = b"a" * (2 * 1024 * 1024 + 1)
    r = client.post("/api/upload", content=big, headers={"X-Filename": "a.txt"})
    assert r.status_code == 413 and "MB" in r.json()["error"]


def test_zip_bomb_and_non_docx_are_one_chinese_line(client):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<a/>")
        z.writestr("word/bomb.bin", b"\0" * (300 * 1024 * 1024))
    r = client.post("/api/upload", content=buffer.getvalue(), headers={"X-Filename": "bomb.docx"})
    assert r.status_code == 400
    message = r.json()["error"]
    assert "\n" not in message and any("\u4e00" <= ch <= "\u9fff" for ch in message)
    r = client.post("/api/upload", content=b"not a zip", headers={"X-Filename": "x.docx"})
    assert r.status_code == 400 and "Traceback" not in r.text
    r = client.post("/api/upload", content=b"\x00\x01", headers={"X-Filename": "x.exe"})
    assert r.status_code == 400 and ".docx" in r.json()["error"]


def test_bad_json_is_one_line(client):
    r = client.post("/api/check", content=b"{not json", headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and json.loads(r.text)["error"] == "请求内容不是有效的 JSON"


def test_the_command_prints_a_tokened_loopback_address_and_serves_only_with_it():
    import os
    import re
    import subprocess
    import sys
    import urllib.error
    import urllib.request

    from tests.conftest import ROOT

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "orgwrite", "serve"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env=env
    )
    try:
        line = proc.stderr.readline().decode("utf-8")
        m = re.search(r"http://127\.0\.0\.1:(\d+)/\?token=([\w-]+)", line)
        assert m, line
        url = m.group(0)
        with urllib.request.urlopen(url, timeout=30) as page:
            assert page.status == 200 and "orgwrite 审稿" in page.read().decode("utf-8")
        bare = url.split("?")[0]
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(bare, timeout=30)
        assert refused.value.code == 403
    finally:
        proc.terminate()
        proc.wait(timeout=10)


# --- careless and hostile clients --------------------------------------------------------


def _one_chinese_line(r, status: int) -> str:
    assert r.status_code == status, r.text
    message = r.json()["error"]
    assert "\n" not in message and any("\u4e00" <= ch <= "\u9fff" for ch in message)
    return message


@pytest.mark.parametrize(
    "extra",
    [{"ignore_rules": 5}, {"ignore_rules": {"E": 1}}, {"ignore_rules": [None]}, {"ignore_once": 5}, {"name": 5}],
)
def test_fields_of_the_wrong_type_are_a_400_not_a_500(client, extra):
    r = client.post("/api/check", json={"text": "好的。", **extra})
    message = _one_chinese_line(r, 400)
    assert next(iter(extra)) in message


def test_ignore_rules_as_one_string_is_one_code_not_its_letters(client):
    text = "2024年1月8日\n好干部是“”出来的,进一步坚定“三个自信”。\n"
    r = client.post("/api/check", json={"text": text, "ignore_rules": "P103"})
    assert r.status_code == 200
    rules = [f["rule"] for f in r.json()["findings"]]
    assert "P103" not in rules and "P101" in rules


def test_export_with_a_numeric_or_path_name(client):
    r = client.post("/api/export", json={"text": "好的。", "name": 5})
    _one_chinese_line(r, 400)
    r = client.post("/api/export", json={"text": "好的。", "name": "../../etc/发言.txt"})
    assert r.status_code == 200
    assert r.headers["content-disposition"] == "attachment; filename*=UTF-8''%E5%8F%91%E8%A8%80-GBT9704.docx"


def test_upload_names_lose_their_folders_and_raw_utf8_names_are_read(client):
    r = client.post("/api/upload", content="好的。".encode(), headers={"X-Filename": "..%2F..%2Fa%5Cb.txt"})
    assert r.json()["name"] == "b.txt"
    r = client.post("/api/upload", content="好的。".encode(), headers=[(b"X-Filename", "文稿.md".encode())])
    assert r.status_code == 200 and r.json()["name"] == "文稿.md" and r.json()["format"] == "md"
    r = client.post("/api/upload", content="好的。".encode())
    assert r.status_code == 200 and r.json()["text"] == "好的。"


def _with_dtd(data: bytes) -> bytes:
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for n in source.namelist():
            part = source.read(n)
            if n == "word/document.xml":
                part = part.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "aaaa">]>', 1)
            z.writestr(n, part)
    return out.getvalue()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "旧版"),
        (b"not a zip", "zip"),
        ("dtd", "DTD"),
    ],
)
def test_a_docx_that_cannot_be_read_names_the_upload_not_the_servers_folder(client, content, words):
    if content == "dtd":
        content = _with_dtd(_docx_of("好的。\n"))
    r = client.post("/api/upload", content=content, headers={"X-Filename": "%E6%96%87.docx"})
    message = _one_chinese_line(r, 400)
    assert words in message and message.startswith("文.docx：")
    assert "orgwrite-serve-" not in message and "/tmp" not in message
    assert client.app.app.state.store.files == {}  # not kept for downloads


def test_unknown_or_expired_docx_is_a_404(client):
    data = _docx_of("好的。\n")
    first = client.post("/api/upload", content=data, headers={"X-Filename": "a.docx"}).json()["docx"]
    for _ in range(8):
        client.post("/api/upload", content=data, headers={"X-Filename": "a.docx"})
    for path in ("/api/annotated", "/api/tracked"):
        for key in (first, "nope", None):
            _one_chinese_line(client.post(path, json={"docx": key}), 404)
    latest = next(reversed(client.app.app.state.store.files))
    _one_chinese_line(client.post("/api/tracked", json={"docx": latest, "accepted": 5}), 400)
    _one_chinese_line(client.post("/api/annotated", json={"docx": latest, "ignore_once": 5}), 400)


def test_draft_refuses_yaml_alias_bombs_and_self_references(client):
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    for outline in (bomb, "genre: 交流发言\ntitle: &t [*t]\n"):
        message = _one_chinese_line(client.post("/api/draft", json={"outline": outline}), 400)
        assert "锚点" in message


def test_outline_values_are_never_rendered_as_templates(client):
    genres = client.get("/api/genres").json()["genres"]
    starter = next(g for g in genres if g["name"] == "交流发言")["starter"]
    import yaml

    outline = yaml.safe_load(starter)
    outline["title"] = "{{ 7 * 7 }}{% for x in range(99999999) %}{% endfor %}"
    drafted = client.post("/api/draft", json={"outline": yaml.safe_dump(outline, allow_unicode=True)}).json()
    assert drafted["errors"] == [] and "{{ 7 * 7 }}" in drafted["text"] and "49" not in drafted["text"]


def test_the_private_folder_holds_nothing_between_requests_and_goes_at_shutdown():
    from pathlib import Path

    app = create_app(token=TOKEN, hosts={HOST})
    folder = Path(app.app.state.store.folder.name)
    with TestClient(app, base_url=f"http://{HOST}") as c:
        c.headers.update({"X-Orgwrite-Token": TOKEN})
        key = c.post("/api/upload", content=_docx_of("好的,\n"), headers={"X-Filename": "a.docx"}).json()["docx"]
        assert c.post("/api/tracked", json={"docx": key}).status_code == 200
        assert c.post("/api/annotated", json={"docx": key}).status_code == 200
        assert c.post("/api/draft", json={"outline": "genre: 交流发言\n"}).status_code == 200
        assert list(folder.iterdir()) == []
    assert not folder.exists()


@pytest.mark.parametrize("path", ["/api/check", "/api/fix", "/api/export", "/api/draft"])
def test_deeply_nested_json_and_lone_surrogates_are_a_400(client, path):
    message = _one_chinese_line(client.post(path, content=b"[" * 100000 + b"]" * 100000), 400)
    assert "嵌套" in message
    for body in (b'{"text": "\\ud800\xe5\xa5\xbd,,"}', b'{"outline": "genre: \\udfff"}'):
        assert "代理项" in _one_chinese_line(client.post(path, content=body), 400)
