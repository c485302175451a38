"""The command line: a thin layer of options over the API.

Subcommands live in :mod:`orgwrite.commands` and are imported only when invoked, so
``orgwrite --help`` stays instant.  A new command adds one line to ``COMMANDS``.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys

import click

from orgwrite import __version__, clizh, collector

clizh.install()

#: name → ("module:function", one-line Chinese help shown by ``orgwrite --help``)
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("orgwrite.commands.check:check", "检查文本（.txt、.md、.docx）并报告问题"),
    "export": ("orgwrite.commands.export:export", "把文稿导出为符合 GB/T 9704 版式的 Word 文件"),
    "fix": ("orgwrite.commands.fix:fix", "把可自动修复的问题修好写入新文件（Word 可用修订模式）"),
    "rules": ("orgwrite.commands.rules:rules", "列出全部规则，或显示某条规则的说明和示例"),
    "init": ("orgwrite.commands.init:init", "写一个带注释的 orgwrite.toml 配置文件"),
    "draft": ("orgwrite.commands.draft:draft", "按大纲起草文稿（交流发言、讲话、综述、总结、要点）"),
    "new": ("orgwrite.commands.draft:new", "写出某文种带注释的起始大纲"),
    "templates": ("orgwrite.commands.draft:templates", "列出文种模板，或显示某文种的格式和选项"),
    "outline": ("orgwrite.commands.draft:outline", "大纲格式说明（--schema），或校验大纲"),
    "lexicon": ("orgwrite.commands.lexicon:lexicon", "规范表述词库：列出、查看、搜索、校验条目"),
    "compare": ("orgwrite.commands.compare:compare", "把工作要点逐项与同年的总结、综述对照"),
    "server": ("orgwrite.commands.server:server", "启动语言服务器（LSP），在编辑器中检查"),
    "serve": ("orgwrite.commands.serve:serve", "启动本机审稿页面（浏览器中查看和修复问题）"),
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        target = COMMANDS[name][0]
        module, attr = target.split(":")
        command = getattr(importlib.import_module(module), attr)
        if name != "check":  # check lets the collector run again after its first input
            collector.release()
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, help_text) for name, (_, help_text) in sorted(COMMANDS.items())]
        with formatter.section("命令"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__, "--version", "-V", prog_name="orgwrite", message="%(prog)s %(version)s", help="显示版本并退出"
)
@click.help_option("-h", "--help", help="显示帮助并退出")
def cli() -> None:
    """orgwrite：党政机关组织部门文稿的起草与检查工具。

    \b
    示例：
      orgwrite check 报告.txt
      orgwrite check 报告.txt --format json
      orgwrite rules P103
    """


def script() -> None:
    """The installed ``orgwrite`` command and ``python -m orgwrite``: :func:`main` in a process
    of its own, which holds the cyclic collector off while the command starts up (see
    :mod:`orgwrite.collector`).  A program that calls :func:`main` keeps its collector as it is."""
    main(own_process=True)


def main(*, own_process: bool = False) -> None:
    """Entry point: run the CLI; user errors become one Chinese line and exit 2."""
    from orgwrite.errors import OrgwriteError

    if not _FREEZE_AT_EXIT:
        import atexit

        atexit.register(_freeze_what_is_left)
        if hasattr(os, "register_at_fork"):
            os.register_at_fork(after_in_child=collector.release)
        _FREEZE_AT_EXIT.append(True)
    if own_process:
        collector.hold()
    try:
        code = cli.main(standalone_mode=False, prog_name="orgwrite")
    except OrgwriteError as exc:
        click.echo(f"orgwrite：{exc}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("orgwrite：已中断", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2 if exc.exit_code == 2 else exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        _quiet_broken_pipe()
    else:
        sys.exit(code if isinstance(code, int) else 0)
    finally:
        collector.give_back()  # the command may have stopped before its start-up was over


#: Whether :func:`_freeze_what_is_left` is registered (once per process, however often main runs).
_FREEZE_AT_EXIT: list[bool] = []


def _freeze_what_is_left() -> None:
    """At exit, CPython's finalization runs the cycle collector several times over all that
    is still alive (rules, lexicon, jieba, compiled patterns): 15–20 ms of a 200 ms check,
    for memory the process is about to give back anyway.  Registered when the command starts,
    this runs after the exit handlers registered during the run (the pattern cache's save among
    them); nothing left then needs the collector (files are written and closed before a command
    returns, and the handlers that run later close what they own themselves), so the survivors
    are frozen and those passes skip them.  A program that calls :func:`main` in-process has its
    own objects frozen at its exit too: their cycles are then not collected, only freed."""
    gc.freeze()


def _quiet_broken_pipe() -> None:
    """``orgwrite check … | head``: stop quietly, as other command-line tools do."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(1)
