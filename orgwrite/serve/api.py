"""The review page's API: the same checks, fixes, Word files and drafts as the command line.

Nothing here is a second implementation: every handler calls the API the commands call
(``check_document``, ``fix_source``, ``annotate_docx``, ``fix_docx``, ``build_docx``,
``draft_outline``).  Uploaded .docx files are kept in memory for the session (the most recent
few) and pass through a private temporary folder only while a Word function needs a path.
"""

from __future__ import annotations

import json
import tempfile
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from orgwrite.errors import OrgwriteError
from orgwrite.serve.security import MAX_BODY, BodyTooLarge

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#: Uploaded Word files kept for their downloads (annotated, tracked changes).
_KEEP = 8


class NotFound(OrgwriteError):
    """An uploaded file the session no longer keeps (unknown or pushed out by newer uploads): 404."""


def _str_list(data: dict, field: str) -> tuple[str, ...]:
    """A field that must be a list of strings (a single string is one item): anything else is a 400."""
    value = data.get(field)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise OrgwriteError(f"{field} 应为字符串列表")
    return tuple(value)


def display_name(data: dict, default: str) -> str:
    """The document's display name: only its last path part, never a path on this machine."""
    value = data.get("name")
    if value is None or value == "":
        return default
    if not isinstance(value, str):
        raise OrgwriteError("name 应为字符串")
    return safe_filename(value) or default


def safe_filename(name: str) -> str:
    """The last part of a client-given file name (``../../a/b.docx`` → ``b.docx``), without control characters."""
    last = name.replace("\\", "/").rsplit("/", 1)[-1]
    return "".join(ch for ch in last if ch.isprintable()).strip()


class Store:
    """The uploaded .docx files of this server's session, newest last."""

    def __init__(self) -> None:
        self.files: OrderedDict[str, tuple[str, bytes]] = OrderedDict()
        self.folder = tempfile.TemporaryDirectory(prefix="orgwrite-serve-")

    def add(self, name: str, data: bytes) -> str:
        import secrets

        key = secrets.token_hex(8)
        self.files[key] = (name, data)
        while len(self.files) > _KEEP:
            self.files.popitem(last=False)
        return key

    def path_of(self, key: str) -> tuple[str, Path]:
        if key not in self.files:
            raise NotFound("找不到上传的 Word 文件，请重新上传")
        import secrets

        name, data = self.files[key]
        # a name of its own per request: two downloads of one upload never share (or delete) a file
        path = Path(self.folder.name) / f"{key}-{secrets.token_hex(4)}.docx"
        path.write_bytes(data)
        return name, path


def error(message: str, status: int = 400) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


async def body_json(request: Request) -> dict:
    try:
        raw = await request.body()
    except BodyTooLarge:
        raise OrgwriteError(f"上传内容超过 {MAX_BODY // (1024 * 1024)} MB 上限") from None
    try:
        data = json.loads(raw or b"{}")
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise OrgwriteError("请求内容不是有效的 JSON") from None
    except RecursionError:
        raise OrgwriteError("请求内容嵌套过深，不是本页面发出的请求") from None
    try:  # "\ud800" is valid JSON but no character: every later step that encodes the text fails
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise OrgwriteError("请求内容含有无效的字符（孤立的 UTF-16 代理项），请重新复制文字") from None
    if not isinstance(data, dict):
        raise OrgwriteError("请求内容应为 JSON 对象")
    return data


def _config(data: dict):
    from orgwrite.config import Config

    as_of = data.get("as_of") or None
    when = None
    if as_of:
        try:
            when = date.fromisoformat(str(as_of))
        except ValueError:
            raise OrgwriteError(f"文本日期“{as_of}”无效，应为 YYYY-MM-DD") from None
    ignore = tuple(c.strip().upper() for c in _str_list(data, "ignore_rules"))
    from orgwrite.config import validate_selectors
    from orgwrite.rules.base import all_rules

    validate_selectors(ignore, set(all_rules()), "ignore_rules")
    return Config(as_of=when, ignore=ignore)


def _document(data: dict):
    from orgwrite.io.read_text import read_string

    text = data.get("text")
    if not isinstance(text, str):
        raise OrgwriteError("缺少要检查的文字（text）")
    if len(text.encode("utf-8")) > MAX_BODY:
        raise OrgwriteError(f"文字超过 {MAX_BODY // (1024 * 1024)} MB 上限")
    fmt = "md" if data.get("format") == "md" else "txt"
    return read_string(text, display_name(data, "粘贴的文字"), format=fmt), fmt


def rule_docs(codes: set[str]) -> dict[str, dict[str, Any]]:
    """Each rule's documentation by section, for the page's side panel."""
    from orgwrite.rules.base import _section_lines, all_rules

    rules = all_rules()
    out = {}
    for code in sorted(codes):
        rule = rules[code]
        out[code] = {
            "name": rule.name,
            "summary": rule.summary,
            "severity": rule.severity.value,
            **{key: _section_lines(rule.doc, head) for key, head in _SECTIONS.items()},
        }
    return out


_SECTIONS = {"what": "说明", "why": "原因", "wrong": "错误示例", "right": "正确示例", "basis": "依据"}


def _genre(doc) -> str:
    from orgwrite.model import BlockKind

    title = next((b.text for b in doc.blocks if b.kind is BlockKind.TITLE), "")
    for word, genre in (
        ("发言", "交流发言"),
        ("讲话", "领导讲话"),
        ("综述", "工作综述"),
        ("要点", "工作要点"),
        ("总结", "工作总结"),
        ("报告", "报告"),
    ):
        if word in title:
            return genre
    return doc.meta.genre or ""


def check_payload(data: dict) -> dict:
    from orgwrite.pipeline import check_document

    doc, _fmt = _document(data)
    result = check_document(doc, _config(data))
    once = set(_str_list(data, "ignore_once"))
    findings = [f for f in result.findings if _key(f) not in once]
    families: dict[str, int] = {}
    for f in findings:
        families[f.rule[0]] = families.get(f.rule[0], 0) + 1
    return {
        "as_of": result.as_of.isoformat() if result.as_of else None,
        "as_of_source": result.as_of_source,
        "genre": _genre(doc),
        "findings": [
            {**f.to_dict(), "key": _key(f), "fix": f.fix_safety.value if f.fix_safety else None} for f in findings
        ],
        "families": families,
        "rules": rule_docs({f.rule for f in findings}),
    }


def _key(f) -> str:
    return f"{f.rule}:{f.line}:{f.column}:{f.end_line}:{f.end_column}"


def fix_payload(data: dict) -> dict:
    """Every safe (or, asked for, every) fix to the fixed point, as ``orgwrite check --fix``."""
    from orgwrite.fix import fix_source

    _doc, fmt = _document(data)
    fixed, _passes = fix_source(data["text"], "粘贴的文字", fmt, _config(data), unsafe=bool(data.get("unsafe")))
    return {"text": fixed}


def export_bytes(data: dict) -> bytes:
    from orgwrite.io.write_docx import build_docx

    doc, _fmt = _document(data)
    return build_docx(doc)


def upload_payload(store: Store, name: str, raw: bytes) -> dict:
    """Text of an uploaded .txt/.md/.docx, read with the command line's readers and defences."""
    from orgwrite.io.decode import decode_bytes

    lower = name.lower()
    if lower.endswith(".docx"):
        from orgwrite.io.read_docx import read_docx

        key = store.add(name, raw)
        _, path = store.path_of(key)
        try:
            with _named(path, name):
                doc = read_docx(path)
        except OrgwriteError:
            store.files.pop(key, None)  # a file that cannot be read is not kept for downloads
            raise
        finally:
            path.unlink(missing_ok=True)
        return {"name": name, "format": "txt", "text": "\n".join(doc.lines), "docx": key}
    if not lower.endswith((".txt", ".md", ".markdown")):
        raise OrgwriteError(f"{name}：只能上传 .txt、.md 或 .docx 文件")
    text = decode_bytes(raw, name).text
    return {"name": name, "format": "md" if lower.endswith((".md", ".markdown")) else "txt", "text": text}


def docx_findings(store: Store, key: str, data: dict):
    from orgwrite.io.read_docx import read_docx
    from orgwrite.pipeline import check_document

    config = _config(data)
    once = set(_str_list(data, "ignore_once"))
    name, path = store.path_of(key)
    with _named(path, name):
        result = check_document(read_docx(path), config)
    return name, path, [f for f in result.findings if _key(f) not in once]


@contextmanager
def _named(path: Path, name: str) -> Iterator[None]:
    """Errors about the private temporary copy name the file the user uploaded instead."""
    try:
        yield
    except OrgwriteError as exc:
        raise type(exc)(str(exc).replace(str(path), name)) from None


def annotated_bytes(store: Store, data: dict) -> tuple[str, bytes]:
    from orgwrite.io.annotate_docx import annotate_docx

    name, path, findings = docx_findings(store, str(data.get("docx")), data)
    out = path.with_name(path.stem + "-annotated.docx")
    try:
        with _named(path, name), _named(out, name):
            annotate_docx(path, findings, out)
        return name, out.read_bytes()
    finally:
        path.unlink(missing_ok=True)
        out.unlink(missing_ok=True)


def tracked_bytes(store: Store, data: dict) -> tuple[str, bytes]:
    """The uploaded .docx with the accepted fixes as tracked changes (all safe ones if none named)."""
    from orgwrite.io.fix_docx import fix_docx

    name, path, findings = docx_findings(store, str(data.get("docx")), data)
    accepted = data.get("accepted")
    if accepted is not None:
        keep = set(_str_list(data, "accepted"))
        findings = [f for f in findings if _key(f) in keep]
    out = path.with_name(path.stem + "-tracked.docx")
    try:
        with _named(path, name), _named(out, name):
            fix_docx(path, findings, out, track_changes=True, unsafe=bool(data.get("unsafe")) or accepted is not None)
        return name, out.read_bytes()
    finally:
        path.unlink(missing_ok=True)
        out.unlink(missing_ok=True)


def draft_payload(store: Store, data: dict) -> dict:
    """A draft from an outline written on the page (YAML), or the outline's problems by line."""
    from orgwrite.draft import draft_outline

    outline = data.get("outline")
    if not isinstance(outline, str) or not outline.strip():
        raise OrgwriteError("请填写大纲")
    _refuse_aliases(outline)
    import secrets

    path = Path(store.folder.name) / f"大纲-{secrets.token_hex(4)}.yaml"
    path.write_text(outline, "utf-8")
    try:
        drafted = draft_outline(path)
    except OrgwriteError as exc:
        lines = [line.replace(str(path), "大纲", 1) for line in str(exc).splitlines() if line.strip()]
        return {"errors": lines, "text": None}
    finally:
        path.unlink(missing_ok=True)
    return {"errors": [], "text": drafted.text("txt")}


def _refuse_aliases(outline: str) -> None:
    """An outline with YAML anchors or aliases is refused before it is read.

    Aliases let a few lines stand for billions of values (``b: [*a, *a, …]`` nested nine deep)
    or for themselves (``a: &a [*a]``); an outline written by hand never needs them.  Scanning
    the events does not expand anything, so this costs one pass over the text.
    """
    import yaml

    try:
        for event in yaml.parse(outline, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise OrgwriteError("大纲中不能使用 YAML 锚点或引用（& 和 *），请直接写出内容")
    except yaml.YAMLError:
        return  # the outline reader reports syntax errors by line


def genres_payload() -> dict:
    from orgwrite.draft.genres import load_genres

    out = []
    for g in sorted(load_genres().values(), key=lambda g: g.key):
        starter = g.folder / "starter.yaml"
        out.append(
            {
                "name": g.name,
                "key": g.key,
                "summary": g.summary,
                "starter": starter.read_text("utf-8") if starter.is_file() else "",
            }
        )
    return {"genres": out}


def docx_response(name: str, data: bytes, suffix: str) -> Response:
    from urllib.parse import quote

    stem = Path(name).stem or "文稿"
    filename = f"{stem}{suffix}.docx"
    return Response(
        data,
        media_type=DOCX_TYPE,
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}"},
    )
