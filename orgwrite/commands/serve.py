"""``orgwrite serve``: the local review page."""

from __future__ import annotations

import click


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="监听地址（默认只在本机；改为其他地址时会警告）")
@click.option("--port", type=click.IntRange(0, 65535), default=0, help="端口（默认自动选一个空闲端口）")
@click.option("--open", "open_browser", is_flag=True, help="启动后在浏览器中打开")
def serve(host: str, port: int, open_browser: bool) -> int:
    """启动本机审稿页面：粘贴或拖入文稿，查看高亮的问题，逐条接受修复，下载 Word 文件，起草新稿。

    只监听本机（127.0.0.1）；地址中带有随机令牌，每个请求都要带上，其他网站的页面无法访问。
    按 Ctrl-C 停止。

    \b
    示例：
      orgwrite serve --open
      orgwrite serve --port 8765
    """
    import socket

    try:
        import uvicorn

        from orgwrite.serve.app import create_app, hosts_for
        from orgwrite.serve.security import new_token
    except ImportError as exc:
        from orgwrite.errors import OrgwriteError

        raise OrgwriteError(
            f"审稿页面需要 starlette 和 uvicorn（{exc.name} 未安装）：pip install 'orgwrite[serve]'"
        ) from exc

    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"orgwrite：警告：页面将在 {host} 上对其他机器开放，请确认网络可信", err=True)
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        from orgwrite.errors import OrgwriteError

        raise OrgwriteError(f"无法在 {host}:{port} 上启动（{exc.strerror}）") from exc
    sock.listen(128)  # accept connections before the address is printed
    port = sock.getsockname()[1]
    token = new_token()
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/?token={token}"
    app = create_app(token=token, hosts=hosts_for(shown, port))
    click.echo(f"审稿页面：{url}", err=True)
    click.echo("按 Ctrl-C 停止。", err=True)
    if open_browser:
        import webbrowser

        webbrowser.open(url)
    config = uvicorn.Config(app, log_level="warning", access_log=False)
    uvicorn.Server(config).run(sockets=[sock])
    return 0
