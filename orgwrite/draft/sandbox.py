"""The Jinja2 sandbox genre templates run in, with a cap on the work one render may do.

Jinja's own sandbox stops attribute tricks but not work: ``range(10**9)`` raises
OverflowError, two nested ``range(100000)`` loops run for hours, ``"x" * 10**9`` and
``9**9**9`` fill memory or burn CPU.  A user's custom template is code we run, so every
render gets a budget: the numbers ``range`` yields (all calls together), the size of a
repeated string or list, the size of a power, the width a format or a ``center`` /
``indent`` filter pads to, and the length of the output.  Passing any of them is a
:class:`TemplateBudgetError` (a template error, exit 2).
"""

from __future__ import annotations

import re
from typing import Any

from jinja2.sandbox import SandboxedEnvironment

from orgwrite import lazyre
from orgwrite.errors import OrgwriteError

#: Numbers all ``range()`` calls of one render may yield together.
MAX_RANGE_TOTAL = 100_000
#: Items (characters) a ``*`` may produce.
MAX_REPEAT = 1_000_000
#: Bits a ``**`` result may have.
MAX_POWER_BITS = 4096
#: Characters one rendered draft may have (a long report is ~100k).
MAX_OUTPUT = 5_000_000
#: Padding widths a format may ask for ("%999999999d", "{:>999999999}", center(10**9)).
MAX_WIDTH = 10_000
_PERCENT_WIDTH_RE = lazyre.compile(r"%[-+ #0]*(\d+)?(?:\.(\d+))?")
_BRACE_WIDTH_RE = lazyre.compile(r"\{[^{}]*:[^{}]*?(\d+)(?:\.(\d+))?[^{}]*\}")


class TemplateBudgetError(OrgwriteError):
    """A template that does more work than any draft needs (a loop without end, a huge string)."""


class BudgetedSandbox(SandboxedEnvironment):
    """A sandbox that counts the work of one render (make one environment per render)."""

    intercepted_binops = frozenset(["*", "**", "%"])

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.range_left = MAX_RANGE_TOTAL
        self.globals["range"] = self._range
        self.globals.pop("lipsum", None)  # lipsum(n=10**9) is a loop we do not need
        for name in ("center", "indent"):
            self.filters[name] = _capped_width(self.filters[name])
        self.filters["format"] = _checked_format(self.filters["format"])

    def wrap_str_format(self, value: Any):
        wrapped = super().wrap_str_format(value)
        if wrapped is not None:
            check_format_widths(value.__self__, _BRACE_WIDTH_RE)
        return wrapped

    def _range(self, *args: int) -> range:
        rng = range(*args)
        self.range_left -= len(rng)
        if self.range_left < 0:
            raise TemplateBudgetError(f"循环次数过多（range 合计超过 {MAX_RANGE_TOTAL} 次）")
        return rng

    def call_binop(self, context, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(left, int) and isinstance(right, int):
            if right > 0 and abs(left) > 1 and abs(left).bit_length() * right > MAX_POWER_BITS:
                raise TemplateBudgetError(f"乘方结果过大（{left} ** {right}）")
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > MAX_REPEAT:
                    raise TemplateBudgetError(f"重复结果过长（超过 {MAX_REPEAT} 项）")
        if operator == "%" and isinstance(left, str):
            check_format_widths(left, _PERCENT_WIDTH_RE)
        return super().call_binop(context, operator, left, right)


def check_format_widths(fmt: str, pattern: re.Pattern[str]) -> None:
    """Refuse a format string that pads or repeats to more than :data:`MAX_WIDTH`."""
    for m in pattern.finditer(fmt):
        if any(g and (len(g) > 5 or int(g) > MAX_WIDTH) for g in m.groups()):
            raise TemplateBudgetError(f"格式宽度过大（超过 {MAX_WIDTH}）")


def _capped_width(func):
    def capped(value: Any, width: Any = 80, *args: Any, **kwargs: Any) -> Any:
        if isinstance(width, int) and width > MAX_WIDTH:
            raise TemplateBudgetError(f"格式宽度过大（超过 {MAX_WIDTH}）")
        return func(value, width, *args, **kwargs)

    return capped


def _checked_format(func):
    def checked(value: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(value, str):
            check_format_widths(value, _PERCENT_WIDTH_RE)
        return func(value, *args, **kwargs)

    return checked


def render_capped(template, context: dict) -> str:
    """Render ``template``, stopping once the output passes :data:`MAX_OUTPUT` characters."""
    pieces = []
    size = 0
    for piece in template.generate(context):
        size += len(piece)
        if size > MAX_OUTPUT:
            raise TemplateBudgetError(f"输出过长（超过 {MAX_OUTPUT} 字）")
        pieces.append(piece)
    return "".join(pieces)
