"""Click's own words (usage lines, option help, error messages) in Chinese.

Click marks its messages for ``gettext``, but a catalogue is looked up by the user's locale,
and orgwrite speaks Chinese whatever the locale is: a writer on an English-language system
still reads 用法 and 错误.  So each click module's ``_``/``ngettext`` name is pointed at this
table instead; a message missing from it (a newer click) stays in English rather than break.
"""

from __future__ import annotations

import sys

#: click's message → Chinese, ``{placeholders}`` kept as click formats them.
MESSAGES: dict[str, str] = {
    "Usage:": "用法：",  # the formatter below drops click's space after it
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "位置参数",
    "Show this message and exit.": "显示帮助并退出",
    "Show the version and exit.": "显示版本并退出",
    "%(prog)s, version %(version)s": "%(prog)s %(version)s",
    "Aborted!": "已中断",
    "Missing command.": "缺少命令。",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Missing {param_type}": "缺少{param_type}",
    "argument": "参数",
    "option": "选项",
    "parameter": "参数",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "用“{command} {option}”查看帮助。",
    "No such option {name!r}.": "没有选项 {name!r}。",
    "No such command {name!r}.": "没有命令 {name!r}。",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "unknown error": "未知错误",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename!r}：{message}",
    "Option {name!r} does not take a value.": "选项 {name!r} 不带值。",
    "Argument {name!r} takes {nargs} values.": "参数 {name!r} 需要 {nargs} 个值。",
    "Invalid start character for option ({option})": "选项的首字符无效（{option}）",
    "Value must be an iterable.": "值必须是一组值。",
    "default: {default}": "默认：{default}",
    "env var: {var}": "环境变量：{var}",
    "(dynamic)": "（动态）",
    "deprecated": "已弃用",
    "required": "必填",
    "file": "文件",
    "directory": "文件夹",
    "path": "路径",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} 不是有效的布尔值，可用：{states}",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的{number_type}。",
    "integer": "整数",
    "float": "数",
    "{value!r} is not a valid UUID.": "{value!r} 不是有效的 UUID。",
    "{name} {filename!r} is a file.": "{name} {filename!r} 是文件。",
    "{name} {filename!r} is a directory.": "{name} {filename!r} 是文件夹。",
    "{name} {filename!r} is not readable.": "{name} {filename!r} 不可读。",
    "{name} {filename!r} is not writable.": "{name} {filename!r} 不可写。",
    "{name} {filename!r} is not executable.": "{name} {filename!r} 不可执行。",
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在。",
    "Do you want to continue?": "是否继续？",
    "Confirm the action without prompting.": "不提示，直接确认。",
    "Press any key to continue...": "按任意键继续……",
    "Repeat for confirmation": "再输入一次以确认",
    "Error: The two entered values do not match.": "错误：两次输入不一致。",
    "Error: invalid input": "错误：输入无效",
    "Shell completion is not supported for Bash versions older than 4.4.": "Bash 4.4 以前的版本不支持命令补全。",
    "Couldn't detect Bash version, shell completion is not supported.": "无法确定 Bash 版本，不支持命令补全。",
}

#: click's plural pairs (singular form as the key) → Chinese (Chinese has no plural).
PLURALS: dict[str, str] = {
    "Got unexpected extra argument ({args})": "多余的参数（{args}）",
    "Did you mean {possibility}?": "是不是要用 {possibility}？",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要一个值。",
    "Takes {nargs} values but 1 was given.": "需要 {nargs} 个值，只给了 1 个。",
    "{value!r} is not {choice}.": "{value!r} 不是 {choice}。",
    "{value!r} does not match the format {format}.": "{value!r} 不符合格式 {format}。",
    "{len_type} values are required, but {len_value} was given.": "需要 {len_type} 个值，给了 {len_value} 个。",
}

#: Plural messages whose Chinese differs from the singular one (the key is click's plural form).
PLURAL_FORMS: dict[str, str] = {
    "(Did you mean one of: {possibilities}?)": "（是不是要用其中之一：{possibilities}？）",
    "Got unexpected extra arguments ({args})": "多余的参数（{args}）",
    "Option {name!r} requires {nargs} arguments.": "选项 {name!r} 需要 {nargs} 个值。",
    "Takes {nargs} values but {len} were given.": "需要 {nargs} 个值，给了 {len} 个。",
    "{value!r} is not one of {choices}.": "{value!r} 不是可选值（{choices}）之一。",
    "{value!r} does not match the formats {formats}.": "{value!r} 不符合格式 {formats} 中的任何一个。",
    "{len_type} values are required, but {len_value} were given.": "需要 {len_type} 个值，给了 {len_value} 个。",
}

_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.types",
    "click.termui",
    "click.utils",
    "click.shell_completion",
)


def gettext(message: str) -> str:
    """Click's ``_``: the Chinese message, or click's own when the table lacks it."""
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Click's ``ngettext``: Chinese has one form; keep the plural's placeholders."""
    if n == 1:
        return PLURALS.get(singular, singular)
    return PLURAL_FORMS.get(plural, plural)


#: click's names of number types, shown in help (``--jobs 整数``) and in errors.
TYPE_NAMES = {"IntParamType": "整数", "FloatParamType": "数", "IntRange": "整数", "FloatRange": "数"}


def display_width(text: str) -> int:
    """Terminal columns of ``text``: a Chinese character takes two (click counts one)."""
    from unicodedata import east_asian_width

    from click._compat import strip_ansi

    return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in strip_ansi(text))


def _formatter_class() -> type:
    import click

    class ChineseHelpFormatter(click.HelpFormatter):
        """Headings end with a full-width colon (选项：), as Chinese text does."""

        def write_heading(self, heading: str) -> None:
            self.write(f"{'':>{self.current_indent}}{heading}：\n")

        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, args, gettext("Usage:") if prefix is None else prefix)

    return ChineseHelpFormatter


def install() -> None:
    """Point the ``_``/``ngettext`` of click's modules at the Chinese table (idempotent, cheap)."""
    import click
    import click.formatting
    import click.types

    click.Context.formatter_class = _formatter_class()
    click.formatting.term_len = display_width  # aligns the option column under Chinese metavars
    for cls_name, name in TYPE_NAMES.items():
        getattr(click.types, cls_name).name = name
    for name in _MODULES:
        module = sys.modules.get(name)
        if module is None:
            continue
        if hasattr(module, "_"):
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext
