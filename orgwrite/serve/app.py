"""The review page's web application (Starlette): routes over :mod:`orgwrite.serve.api`."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from importlib import resources

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from orgwrite.errors import OrgwriteError
from orgwrite.serve import api
from orgwrite.serve.security import MAX_BODY, BodyTooLarge, Guard

_STATIC = {"app.js": "text/javascript; charset=utf-8", "app.css": "text/css; charset=utf-8"}


def _asset(name: str) -> str:
    return resources.files("orgwrite.serve").joinpath("static", name).read_text("utf-8")


def create_app(*, token: str, hosts: set[str], max_body: int = MAX_BODY) -> Guard:
    """The application behind its guard: every request needs ``token`` and one of ``hosts``."""
    store = api.Store()

    async def page(request: Request) -> HTMLResponse:
        html = _asset("index.html").replace("__TOKEN__", token)
        return HTMLResponse(html, headers={"Cache-Control": "no-store", "X-Frame-Options": "DENY"})

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in _STATIC:
            return api.error("没有这个文件", 404)
        return Response(_asset(name), media_type=_STATIC[name])

    def handler(work):
        async def endpoint(request: Request) -> Response:
            try:
                return await work(request)
            except OrgwriteError as exc:
                status = 404 if isinstance(exc, api.NotFound) else 400
                return api.error(str(exc).splitlines()[0] if str(exc) else "无法处理请求", status)
            except BodyTooLarge:
                return api.error(f"上传内容超过 {max_body // (1024 * 1024)} MB 上限", 413)
            except Exception as exc:  # one Chinese line for the page, never a traceback
                return api.error(f"处理失败（{exc.__class__.__name__}）", 500)

        return endpoint

    async def check(request: Request) -> Response:
        return JSONResponse(api.check_payload(await api.body_json(request)))

    async def fix(request: Request) -> Response:
        return JSONResponse(api.fix_payload(await api.body_json(request)))

    async def export(request: Request) -> Response:
        data = await api.body_json(request)
        return api.docx_response(api.display_name(data, "文稿"), api.export_bytes(data), "-GBT9704")

    async def upload(request: Request) -> Response:
        name = api.safe_filename(_header_filename(request)) or "上传的文件.txt"
        try:
            raw = await request.body()
        except BodyTooLarge:
            return api.error(f"上传内容超过 {max_body // (1024 * 1024)} MB 上限", 413)
        return JSONResponse(api.upload_payload(store, name, raw))

    async def annotated(request: Request) -> Response:
        name, data = api.annotated_bytes(store, await api.body_json(request))
        return api.docx_response(name, data, "-批注")

    async def tracked(request: Request) -> Response:
        name, data = api.tracked_bytes(store, await api.body_json(request))
        return api.docx_response(name, data, "-修订")

    async def draft(request: Request) -> Response:
        return JSONResponse(api.draft_payload(store, await api.body_json(request)))

    async def genres(request: Request) -> Response:
        return JSONResponse(api.genres_payload())

    routes = [
        Route("/", page),
        Route("/static/{name}", static),
        Route("/api/check", handler(check), methods=["POST"]),
        Route("/api/fix", handler(fix), methods=["POST"]),
        Route("/api/export", handler(export), methods=["POST"]),
        Route("/api/upload", handler(upload), methods=["POST"]),
        Route("/api/annotated", handler(annotated), methods=["POST"]),
        Route("/api/tracked", handler(tracked), methods=["POST"]),
        Route("/api/draft", handler(draft), methods=["POST"]),
        Route("/api/genres", handler(genres)),
    ]

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            store.folder.cleanup()  # the uploads' private folder goes with the server

    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.store = store
    return Guard(app, token=token, hosts=hosts, max_body=max_body)


def _header_filename(request: Request) -> str:
    """X-Filename as the page sends it (percent-encoded UTF-8) or as other clients do (raw UTF-8)."""
    from urllib.parse import unquote

    raw = request.headers.get("x-filename", "")
    try:
        raw = raw.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass
    return unquote(raw)


def hosts_for(host: str, port: int) -> set[str]:
    """The Host headers a browser sends for this server."""
    names = {host}
    if host in ("127.0.0.1", "localhost"):
        names |= {"127.0.0.1", "localhost"}
    return {f"{n}:{port}" for n in names}
