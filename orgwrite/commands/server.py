"""``orgwrite server``: the language server for editors (stdio)."""

from __future__ import annotations

import click


@click.command()
def server() -> int:
    """启动语言服务器（LSP，经标准输入输出通信），供 VS Code、Neovim 等编辑器使用。

    编辑 .md、.txt 文件时给出诊断（停止输入 0.3 秒后检查）、悬停说明（规则代码、说明和依据）和
    修复操作（逐条修复；“应用全部安全修复”）。按文件所在目录的 orgwrite.toml 配置，行内豁免同样有效。
    配置方法见 README“编辑器”一节。
    """
    try:
        from orgwrite.lsp.server import main
    except ImportError as exc:
        from orgwrite.errors import OrgwriteError

        raise OrgwriteError(f"语言服务器需要 pygls（{exc.name} 未安装）：pip install 'orgwrite[lsp]'") from exc
    main()
    return 0
