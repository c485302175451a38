"""Parse an outline's YAML into plain data, remembering the line of every field.

Anchors and aliases are accepted only within a small expansion budget: an alias copies
its anchor's whole subtree, and a few lines of nested aliases ("billion laughs") would
otherwise expand to billions of nodes and run for minutes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from orgwrite.draft.outline_model import Problem, _field


def _load_yaml(text: str, name: str, marks: dict, problems: list[Problem], *, line_offset: int) -> Any:
    import yaml

    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or "格式错误"
        mark = getattr(exc, "problem_mark", None)
        context = getattr(exc, "context_mark", None)
        if context is not None and (mark is None or "end" in problem):
            mark = context  # an unclosed quote or bracket: point at where it opened
        line = min(mark.line, max(text.count("\n"), 0)) + line_offset if mark else 0
        problems.append(Problem(line, f"YAML 语法错误：{_yaml_problem_cn(problem)}"))
        return None
    finally:
        loader.dispose()
    if node is None:
        return {}
    budget = _Budget()
    try:
        return _build(node, (), marks, loader, problems, line_offset, budget)
    except _TooManyNodes as exc:
        problems.append(Problem(exc.line, exc.message))
        return None


#: Nodes that aliases may add to an outline (every use of an alias copies its anchor's
#: subtree).  A real outline repeats a few points; a "billion laughs" of nine lines
#: expands to a billion nodes.
MAX_ALIAS_NODES = 10_000


class _TooManyNodes(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class _Budget:
    """Counts the nodes built through aliases and remembers where the first alias was used."""

    def __init__(self) -> None:
        self.copied = 0
        self.seen: set[int] = set()
        self.open: set[int] = set()  # nodes being built: meeting one again is a cycle
        self.alias_line = 0

    def enter(self, node, line: int) -> None:
        if id(node) in self.open:
            raise _TooManyNodes(line, "别名（*）引用了包含它自身的锚点（&），无法展开")
        if id(node) not in self.seen:
            self.seen.add(id(node))
            return
        self.alias_line = self.alias_line or line
        self.copied += 1
        if self.copied > MAX_ALIAS_NODES:
            raise _TooManyNodes(
                self.alias_line,
                f"锚点与别名（&、*）展开后超过 {MAX_ALIAS_NODES} 项，大纲拒绝处理（请直接写出内容，不用别名）",
            )


_YAML_PROBLEMS = {
    "mapping values are not allowed here": "此处不能有冒号键值（缩进或冒号有误？值中含冒号时请加引号）",
    "could not find expected ':'": "缺少冒号“:”",
    "found character '\\t' that cannot start any token": "不能用制表符缩进，请用空格",
    "expected <block end>, but found '-'": "列表项缩进不一致",
    "found unexpected end of stream": "文件意外结束（引号或括号未闭合？）",
    "found undefined alias": "引用了未定义的锚点",
    "expected ',' or ']'": "方括号列表 [ ] 未闭合或缺少逗号",
    "expected ',' or '}'": "花括号 { } 未闭合或缺少逗号",
    "found unexpected ':'": "多余的冒号（值中含冒号时请加引号）",
    "found unknown escape character": "双引号中有无效的转义字符",
    "expected <block end>": "缩进不一致",
    "expected alphabetic or numeric character": "“*”或“&”后应是锚点名（值以 * 或 & 开头时请加引号）",
}


def _yaml_problem_cn(problem: str) -> str:
    for key, cn in _YAML_PROBLEMS.items():
        if problem.startswith(key):
            return cn
    return problem


def _build(node, path: tuple, marks: dict, loader, problems: list[Problem], offset: int, budget: _Budget) -> Any:
    import yaml

    marks[path] = node.start_mark.line + offset
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        budget.open.add(id(node))
        for key_node, value_node in node.value:
            key = str(key_node.value)
            kpath = (*path, key)
            line = key_node.start_mark.line + offset
            if key in out:
                problems.append(Problem(line, f"字段“{key}”重复", _field(kpath)))
                continue
            budget.enter(value_node, line)
            out[key] = _build(value_node, kpath, marks, loader, problems, offset, budget)
            marks[kpath] = line
        budget.open.discard(id(node))
        return out
    if isinstance(node, yaml.SequenceNode):
        items = []
        budget.open.add(id(node))
        for i, item in enumerate(node.value):
            budget.enter(item, marks[path])
            items.append(_build(item, (*path, i), marks, loader, problems, offset, budget))
        budget.open.discard(id(node))
        return items
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, yaml.YAMLError):
        if path and path[-1] == "date":
            return _BadDate(str(node.value))
        return str(node.value)


@dataclass(slots=True)
class _BadDate:
    """A YAML timestamp that is not a real date (2024-02-30)."""

    text: str
