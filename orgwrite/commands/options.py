"""Options shared by commands that check text, and the configuration they resolve to."""

from __future__ import annotations

import os
from pathlib import Path

import click

from orgwrite.config import Config, find_config_file, load_config, parse_date

FORMATS = ("human", "json", "sarif", "github")
#: ``--encoding`` values (the keys of ``orgwrite.io.decode.ENCODINGS``; listed here so
#: ``--help`` does not import the reader).
ENCODING_CHOICES = ("utf-8", "gb18030", "gbk", "utf-16", "utf-16le", "utf-16be")


def split_codes(value: str | None) -> tuple[str, ...] | None:
    """``"P101, S"`` → ("P101", "S"); None when the option was not given."""
    if value is None:
        return None
    return tuple(c.strip().upper() for c in value.replace("，", ",").split(",") if c.strip())


class ConfigResolver:
    """Finds each input's configuration once per folder and applies the command line."""

    def __init__(
        self,
        config_path: Path | None,
        *,
        select: str | None = None,
        ignore: str | None = None,
        extend_select: str | None = None,
        fail_on: str | None = None,
        as_of: str | None = None,
        encoding: str | None = None,
    ) -> None:
        self._fixed = load_config(config_path) if config_path else None
        self._merged: dict[Path | None, Config] = {}  # by real folder (None: --config)
        self._real: dict[str, Path] = {}  # absolute folder -> its real path
        self._overrides = {
            "select": split_codes(select),
            "ignore": split_codes(ignore),
            "fail_on": fail_on,
            "as_of": parse_date(as_of, "--as-of") if as_of else None,
            "encoding": encoding.lower() if encoding else None,
        }
        self._extend = split_codes(extend_select)
        from orgwrite.config import validate_selectors
        from orgwrite.rules.base import all_rules

        known = set(all_rules())
        for option, value in (("--select", select), ("--ignore", ignore), ("--extend-select", extend_select)):
            validate_selectors(split_codes(value) or (), known, option)
        if select is not None and ignore is None:
            # An explicit --select asks for those rules: the file's ignore list no longer applies.
            self._overrides["ignore"] = ()

    def for_path(self, path: str) -> Config:
        """The configuration of ``path``'s folder with the command line applied.

        Worked out once per folder and then shared (a Config is immutable): a batch of 400
        files in one folder used to resolve each path and build 400 equal copies, ≈ 20 ms
        before any check could start.
        """
        folder = None if self._fixed is not None else self._folder(path)
        config = self._merged.get(folder)
        if config is None:
            if self._fixed is not None:
                base = self._fixed
            else:
                found = find_config_file(folder)
                base = load_config(found) if found else Config()
            config = base.merged(**self._overrides)
            if self._extend:
                config = config.merged(extend_select=config.extend_select + self._extend)
            self._merged[folder] = config
        return config

    def _folder(self, path: str) -> Path:
        """The real folder of ``path`` (symbolic links followed), as ``Path(path).resolve().parent``.

        A path that is no link and has no ``..`` is in the real folder of its parent, which is
        resolved once for all the files it holds.
        """
        if path == "-":
            return Path.cwd()
        parent = os.path.dirname(os.path.abspath(path))
        if ".." in path.replace(os.sep, "/").split("/") or os.path.islink(path):
            return Path(path).resolve().parent
        real = self._real.get(parent)
        if real is None:
            real = self._real[parent] = Path(parent).resolve()
        return real

    def default(self) -> Config:
        return self.for_path(str(Path.cwd() / "x"))


def _rule_code_list(ctx: click.Context, param: click.Parameter, incomplete: str) -> list:
    """:func:`orgwrite.completion.rule_code_list`, imported only while completing: its module
    imports click's completion machinery, which an ordinary run never uses."""
    from orgwrite.completion import rule_code_list

    return rule_code_list(ctx, param, incomplete)


def check_options(func):
    """Decorate a command with the options that choose rules and configuration."""
    options = [
        click.option(
            "--select",
            metavar="CODES",
            shell_complete=_rule_code_list,
            help="只启用这些规则（代码或族前缀，逗号分隔），覆盖配置文件",
        ),
        click.option(
            "--ignore", metavar="CODES", shell_complete=_rule_code_list, help="停用这些规则（代码或族前缀，逗号分隔）"
        ),
        click.option("--extend-select", metavar="CODES", shell_complete=_rule_code_list, help="在已选规则之外追加启用"),
        click.option(
            "--config",
            "config_path",
            type=click.Path(dir_okay=False, path_type=Path),
            help="配置文件（默认从文件所在目录向上查找 orgwrite.toml 或 pyproject.toml）",
        ),
        click.option("--as-of", metavar="YYYY-MM-DD", help="按此日期判断时效表述（默认从文本推断）"),
        click.option(
            "--encoding",
            type=click.Choice(ENCODING_CHOICES, case_sensitive=False),
            default=None,
            help="文本文件的编码（默认自动识别 UTF-8、GB18030、带 BOM 的 UTF-16；识别有误时指定）",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func
