"""Every rule's documented wrong examples fire it, and its right examples do not."""

from __future__ import annotations

import pytest

from orgwrite import check
from orgwrite.config import Config
from orgwrite.rules.base import all_rules

RULES = all_rules()


def _text(example: str):
    """The example as text; one that opens with front matter (---) is read as Markdown."""
    text = example.replace("\\n", "\n")
    if text.startswith("---\n"):
        from orgwrite.io.read_text import read_string

        return read_string(text, format="md")
    return text


@pytest.mark.parametrize("code", sorted(RULES))
def test_wrong_examples_fire(code):
    wrong, _ = RULES[code].examples()
    assert wrong, f"{code} documents no wrong example"
    for example in wrong:
        found = [f for f in check(_text(example), Config(select=(code,))) if f.rule == code]
        assert found, f"{code} stays silent on its wrong example: {example}"


@pytest.mark.parametrize("code", sorted(RULES))
def test_right_examples_are_silent(code):
    _, right = RULES[code].examples()
    assert right, f"{code} documents no right example"
    for example in right:
        found = [f for f in check(_text(example), Config(select=(code,))) if f.rule == code]
        assert not found, f"{code} fires on its right example: {example}: {found}"


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_has_a_chinese_summary(code):
    rule = RULES[code]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in rule.summary)
