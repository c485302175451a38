"""What keeps the local review page local: a token, the Host and the Origin, a size cap.

The server binds to loopback, but a page on any web site can still make the browser send
requests to 127.0.0.1 (cross-site posts), and a DNS name can be rebound to 127.0.0.1 (DNS
rebinding).  So every request must carry the random token the server printed, name this
server in its Host header, and — when the browser says where it comes from — come from
this server's own origin.  Bodies are capped at the command line's input limit.
"""

from __future__ import annotations

import hmac
import secrets

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

#: The same cap as every other input path of orgwrite (a file, standard input, a .docx).
MAX_BODY = 32 * 1024 * 1024
TOKEN_HEADER = "x-orgwrite-token"


def new_token() -> str:
    return secrets.token_urlsafe(24)


def _refuse(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


class Guard:
    """ASGI middleware: token, Host, Origin and body size, checked before any route runs."""

    def __init__(self, app: ASGIApp, *, token: str, hosts: set[str], max_body: int = MAX_BODY) -> None:
        self.app = app
        self.token = token
        self.hosts = hosts
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        host = headers.get("host", "")
        if host not in self.hosts:
            await _refuse(421, f"拒绝访问：请求的主机名“{host}”不是本服务的地址")(scope, receive, send)
            return
        origin = headers.get("origin")
        if origin is not None and origin.removeprefix("http://") not in self.hosts:
            await _refuse(403, "拒绝访问：请求来自其他网站")(scope, receive, send)
            return
        query = dict(
            part.split("=", 1) for part in scope.get("query_string", b"").decode("latin-1").split("&") if "=" in part
        )
        given = headers.get(TOKEN_HEADER) or query.get("token", "")
        if not hmac.compare_digest(given.encode(), self.token.encode()):
            await _refuse(403, "拒绝访问：缺少或错误的访问令牌（请使用启动时显示的完整地址）")(scope, receive, send)
            return
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await _refuse(413, f"上传内容超过 {self.max_body // (1024 * 1024)} MB 上限")(scope, receive, send)
            return
        await self.app(scope, self._capped(receive), send)

    def _capped(self, receive: Receive) -> Receive:
        """A body without Content-Length (chunked) is counted as it arrives."""
        seen = 0
        limit = self.max_body

        async def capped() -> dict:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge
            return message

        return capped


class BodyTooLarge(Exception):
    """A streamed body went past the cap."""
