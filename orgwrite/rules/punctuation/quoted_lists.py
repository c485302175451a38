"""P105: 顿号 between quoted or 书名号 items."""

from __future__ import annotations

import re
from collections.abc import Iterator

from orgwrite.model import Document, Finding
from orgwrite.rules.base import Context, rule
from orgwrite.rules.punctuation._common import absent, text_blocks

_QUOTED_LIST_RE = re.compile(r"(?<=”)、(?=“)|(?<=》)、(?=《)")


def _has_quoted_list(text: str) -> bool:
    """Exactly when _QUOTED_LIST_RE matches, without its leading look-behind."""
    return "”、“" in text or "》、《" in text


@rule("P105", "dunhao-between-quotes", "warning", "标有引号或书名号的并列成分之间用了顿号", fix="safe")
def dunhao_between_quotes(doc: Document, ctx: Context) -> Iterator[Finding]:
    """说明：
    标有引号的并列成分之间、标有书名号的并列成分之间通常不用顿号；若有其他成分（如括注）
    插在并列的引号或书名号之间，宜用顿号——此时顿号前是括号而不是引号、书名号，本规则不报告。
    原因：
    引号、书名号已把各项分开，再加顿号是多余的停顿。
    错误示例：
    出台《吉林省公务员考核实施办法》、《吉林省公务员平时考核实施办法（试行）》。
    常态化开展“院士专家基层行”、“院士专家吉林行”等活动。
    正确示例：
    出台《吉林省公务员考核实施办法》《吉林省公务员平时考核实施办法（试行）》。
    《作家》（孟十还主编）、《译文》（黄源主编）相继创刊。
    依据：
    GB/T 15834-2011 第4.5.3.5条。
    """
    if absent(doc, _QUOTED_LIST_RE, _has_quoted_list):
        return
    for block in text_blocks(doc):
        text = block.text
        if not _has_quoted_list(text):
            continue
        for m in _QUOTED_LIST_RE.finditer(text):
            kind = "引号" if text[m.start() - 1] == "”" else "书名号"
            yield ctx.emit("P105", block, m.start(), m.end(), f"标有{kind}的并列成分之间通常不用顿号", "")
