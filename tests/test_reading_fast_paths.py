"""The short cuts of reading and of the check pipeline give what the long way gave.

Layout decides the frame kinds only until the body begins, web furniture is found by two
patterns instead of one, line splitting skips the regex when there is no CR, the rule
selection is worked out once per configuration, and the structure rules share one index
of block kinds per document.  Each test pins a boundary where a short cut could bite.
"""

from __future__ import annotations

import pytest

from orgwrite import check, pipeline
from orgwrite.config import Config
from orgwrite.errors import ConfigError
from orgwrite.io import layout
from orgwrite.io.decode import split_lines
from orgwrite.io.layout import RawParagraph, classify
from orgwrite.io.read_text import read_string
from orgwrite.model import BlockKind as K
from orgwrite.rules.base import Context
from orgwrite.rules.kinds import kind_index


def kinds(text: str) -> list[K]:
    return [b.kind for b in read_string(text).blocks]


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("来源：新华社", True),  # anchored at the start
        ("本文来源：新华社", False),  # the same words inside a line are prose
        ("发布时间", True),
        ("某某网 版权所有", True),  # anywhere in the line
        ("京ICP备12024993号-1", True),
        ("记者 张三", True),  # ends the line
        ("记者张三在现场采访了他们", False),
        ("下载", True),
        ("下载中心的使用说明", False),
        ("2023-05-06 10:20", True),  # a timestamp
        ("责任编辑：李四", True),
        ("（责任编辑：李四）", True),
    ],
)
def test_web_furniture_is_found_at_the_start_or_anywhere_as_before(line, chrome):
    text = f"关于加强基层党建的报告\n全面加强基层党组织建设。\n{line}\n继续推进各项工作。\n"
    assert (kinds(text)[2] is K.CHROME) is chrome
    assert layout.is_chrome(line) is chrome


def test_frame_kinds_are_read_before_the_body_and_body_kinds_after_it():
    text = (
        "在全市组织工作会议上的讲话\n——着力提升组织工作质量\n张三\n（2024年1月5日）\n同志们：\n"
        "今天召开会议。\n一、总体要求\n（一）坚持稳中求进。\n1.抓好落实。\n"
        "保障措施\n附件：1.培训计划\n2024年1月5日\n同志们：\n谢谢大家！\n"
    )
    assert kinds(text) == [
        K.TITLE,
        K.SUBTITLE,
        K.SPEAKER,
        K.DATE,
        K.SALUTATION,
        K.PARAGRAPH,
        K.HEADING,
        K.ITEM,
        K.ITEM,
        K.HEADING,
        K.ATTACHMENT,
        K.DATE,  # a date line in the body is still a date line
        K.PARAGRAPH,  # a salutation only opens a text; later it is a line of prose
        K.CLOSING,
    ]
    blocks = read_string(text).blocks
    assert [(b.level, b.number) for b in blocks[6:10]] == [(1, "一、"), (2, "（一）"), (3, "1."), (0, "")]


def test_a_readers_hint_wins_in_the_body_as_in_the_frame():
    raws = [
        RawParagraph("全市组织工作综述", 1, hint=K.TITLE),
        RawParagraph("全面加强党的建设。", 2),
        RawParagraph("加强干部队伍建设", 3, hint=K.HEADING, level=2),
        RawParagraph("三、加强人才工作", 4, hint=K.HEADING, level=1),
        RawParagraph("一段正文，读者说是段落。", 5, hint=K.PARAGRAPH),
        RawParagraph("读者说是段落的短行", 6, hint=K.PARAGRAPH),  # its shape decides
        RawParagraph("网站首页", 7, hint=K.CHROME),
    ]
    blocks = classify(raws)
    assert [b.kind for b in blocks] == [K.TITLE, K.PARAGRAPH, K.HEADING, K.HEADING, K.PARAGRAPH, K.HEADING, K.CHROME]
    assert [(b.level, b.number) for b in blocks[2:4]] == [(2, ""), (1, "三、")]


def test_lines_split_the_same_with_and_without_carriage_returns():
    for text in ("一\n二\n\n三\n", "一\r\n二\r\n\r\n三\r\n", "一\r二\r\r三\r", "一\n二\r\n三\r四", "", "\n", "x"):
        lf = text.replace("\r\n", "\n").replace("\r", "\n")
        assert split_lines(text) == split_lines(lf)
    assert split_lines("甲\u2028乙\x0c丙\n") == ["甲\u2028乙\x0c丙"]  # only CR and LF end a line


def test_a_directive_on_the_last_line_of_a_text_still_silences():
    text = "工作总结\n我们 要增强四个意识。\n<!-- orgwrite: ignore-file P -->"
    assert not [f for f in check(text) if f.rule.startswith("P")]
    assert [f for f in check(text.rsplit("\n", 1)[0]) if f.rule.startswith("P")]


def test_the_rule_selection_follows_the_configuration_and_still_refuses_bad_codes():
    text = "工作总结\n我们 要增强四个意识，，落实。\n"
    every = {f.rule for f in check(text)}
    assert len(every) >= 2
    some = next(iter(sorted(every)))
    assert some not in {f.rule for f in check(text, Config(ignore=(some,)))}
    assert {f.rule for f in check(text, Config(select=(some,)))} == {some}
    assert {f.rule for f in check(text)} == every  # the default selection again, not the last one
    for _ in range(2):  # refused every time, not only the first
        with pytest.raises(ConfigError):
            check(text, Config(select=("Z999",)))
        with pytest.raises(ConfigError):
            check(text, Config(severity={"Q123": "info"}))


def test_a_rule_registered_later_is_part_of_the_next_selection(monkeypatch):
    from orgwrite.rules import base

    before = pipeline.selected_rules(Config(select=("S",)))
    monkeypatch.setattr(base, "_REGISTRY", dict(base._REGISTRY))

    @base.rule("S299", "late", "info", "后注册的规则")
    def late(doc, ctx):
        """说明：
        测试用。
        错误示例：
        甲
        正确示例：
        乙
        """
        yield from ()

    after = pipeline.selected_rules(Config(select=("S",)))
    assert [r.code for r in after] == [r.code for r in before] + ["S299"]


def test_findings_are_sorted_by_their_sort_key():
    from orgwrite.pipeline import _SORT_KEY

    findings = check("关于2023年工作的报告\n一、总体情况\n我们 要增强 四个意识，，落实。\n三、下一步\n")
    assert len(findings) >= 2
    assert all(_SORT_KEY(f) == f.sort_key for f in findings)
    assert findings == sorted(findings, key=lambda f: f.sort_key)


def test_the_kind_index_belongs_to_one_document():
    ctx = Context(config=Config())
    first = read_string("工作综述\n网站首页\n正文一段。\n一、总体情况\n")
    second = read_string("全面加强党的建设。\n二、重点任务\n")
    a = kind_index(first, ctx)
    assert kind_index(first, ctx) is a  # shared by the rules of one check
    b = kind_index(second, ctx)
    assert b is not a and b.by_kind[K.HEADING] == [1] and b.paragraphs == 1
    assert a.frame == [i for i, blk in enumerate(first.blocks) if blk.kind is not K.PARAGRAPH]


def test_missing_title_points_at_the_first_line_after_web_furniture():
    body = "\n".join(f"第{i}段正文，内容充实。" for i in range(6))
    (f,) = [f for f in check(f"网站首页\n来源：某某网\n{body}\n") if f.rule == "S102"]
    assert f.line == 3
    (g,) = [f for f in check(f"{body}\n") if f.rule == "S102"]
    assert g.line == 1


def test_a_wrong_date_line_is_found_among_the_last_lines_only():
    tail = "特此报告。\n中共某某县委组织部\n二〇二六年五月一日\n"
    assert [f.line for f in check("关于某某工作的报告\n今年工作扎实。\n" + tail) if f.rule == "S201"] == [5]
    early = "关于某某工作的报告\n二〇二六年五月一日\n" + "\n".join(["今年工作扎实。"] * 5) + "\n"
    assert [f for f in check(early) if f.rule == "S201"] == []


@pytest.mark.parametrize(
    ("doc", "accepted"),
    [
        ("说明：\n    x\n    错误示例：\n    甲\n    正确示例：\n    乙\n", True),
        ("错误示例:\n\t甲\n正确示例\n乙", True),  # ASCII colon, no colon, tabs
        ("错误示例：\n    \n正确示例：\n乙", False),  # an empty section
        ("错误示例：甲\n正确示例：\n乙", False),  # text on the heading line is not a heading
        ("错误示例：\n甲\n依据：\n乙", False),
        ("", False),
    ],
)
def test_a_rule_is_registered_only_with_both_examples(monkeypatch, doc, accepted):
    from orgwrite.rules import base

    monkeypatch.setattr(base, "_REGISTRY", dict(base._REGISTRY))

    def func(doc, ctx):
        yield from ()

    func.__doc__ = doc
    register = base.rule("S298", "probe", "info", "测试")
    if accepted:
        register(func)
        assert base._REGISTRY["S298"].examples()[0]
    else:
        with pytest.raises(ValueError, match="错误示例 and 正确示例"):
            register(func)


def _chrome_the_long_way(text: str) -> bool:
    """is_chrome as the three patterns say it, without the first-character short cuts."""
    if len(text) > layout.MAX_CHROME:
        return False
    return bool(
        layout._CHROME_AT_START.match(text)
        or layout._CHROME_ANYWHERE.search(text)
        or layout._TIMESTAMP_RE.match(text.strip())
    )


@pytest.mark.parametrize(
    "line",
    [
        "新华社记者 王五 摄影",  # the free-start alternative: any first character, ends in 摄影
        "图为村民在田间劳作 县融媒体中心供图",
        "图为村民在田间劳作，县融媒体中心供图",  # a comma inside: not furniture
        "供图单位说明了情况",
        "县融媒体中心供图\n",  # ``$`` matches before a final line end too
        "记者 张三 摄影",
        "\u20032023-05-06 10:20",  # a blank outside the reader's indentation, then a timestamp
        "\u2002 2024年1月5日 10时20分",
        "２０２３-05-06",  # full-width digits: both \d and str.isdigit accept them
        "【字号：大 中 小】",
        "[打印]",
        "》》返回列表",
        "（责任编辑：李四）",
        "评论 12",
        "所属栏目：工作动态",
        "默认",
        "减小",
        "中",
        "12:30 发布",
        "",
    ],
)
def test_web_furniture_short_cuts_answer_as_the_patterns_do(line):
    assert layout.is_chrome(line) is _chrome_the_long_way(line)


def test_web_furniture_short_cuts_agree_on_every_short_line_of_the_samples():
    from pathlib import Path

    root = Path(__file__).parent
    lines = {
        line.strip(" \t\u3000")
        for path in [*root.glob("samples/*.txt"), *root.glob("corpus/**/*.txt")]
        for line in path.read_text("utf-8").splitlines()
    }
    short = [line for line in lines if line and len(line) <= layout.MAX_CHROME]
    assert len(short) > 200
    assert [line for line in short if layout.is_chrome(line) is not _chrome_the_long_way(line)] == []
    assert any(layout.is_chrome(line) for line in short)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一、总体要求", (1, "一、")),
        ("十二．主要任务", (1, "十二．")),
        ("一.5倍", (0, "")),  # a decimal point is not a number mark
        ("（一）坚持", (2, "（一）")),
        ("(二)坚持", (2, "(二)")),
        ("1.抓好落实", (3, "1.")),
        ("1.5万人", (0, "")),
        ("（1）加强", (4, "（1）")),
        ("(12)加强", (4, "(12)")),
        ("（1234）年", (0, "")),
        ("一是加强", (0, "")),
        ("", (0, "")),
    ],
)
def test_heading_numbers_by_level_from_one_pattern(text, expected):
    assert layout.heading_number(text) == expected
    for level, pattern in layout.NUMBER_PATTERNS:  # the first of the four that matches, as before
        m = pattern.match(text)
        if m:
            assert expected == (level, m.group(0))
            break
    else:
        assert expected == (0, "")


def _blocks(doc):
    return [(b.kind, b.text, b.line, b.column, b.level, b.number) for b in doc.blocks]


@pytest.mark.parametrize(
    "text",
    [
        "关于加强基层党建的报告\n\n\u3000\u3000全面加强基层党组织建设。\n  \t\n\ufeff一、总体情况 \u3000\n谢谢。",
        "关于加强基层党建的报告\r\n\u3000\u3000全面加强。\r\n\r\n\u00a0（一）坚持\u3000\r\n",
        "\n\n\u3000\n",
        "",
        "标题\n正文一段。\n最后一行没有换行",
        # the body's own loop: a label alone makes the next line furniture, a long numbered
        # line is an item, long lines may still open an attachment note or a closing
        "工作综述\n正文一段。\n来源：\n新华社\n" + "一、" + "加强" * 40 + "。\n"
        "附件：" + "培训" * 40 + "\n谢谢" + "大家" * 40 + "\n汇报完毕。\n（一）短标题\n2024年1月5日\n"
        "责任编辑：李四\n1.5万人参加了培训。\n" + "十二、" + "长" * 70 + "\n",
    ],
)
def test_plain_text_is_read_by_maps_as_line_by_line(text):
    """The reader's C-level path gives the blocks the loop over raw paragraphs gave."""
    from orgwrite.io import read_text

    lines = split_lines(text)
    assert _blocks(read_string(text)) == _blocks(
        read_text.Document(blocks=classify(read_text._plain_paragraphs(lines)))
    )


def test_a_directive_anywhere_in_a_plain_text_takes_the_line_by_line_path():
    text = "关于某某工作的报告\n\u3000\u3000今年工作扎实。【orgwrite: ignore P101】\norgwrite: ignore\n一、总体情况\n"
    blocks = read_string(text).blocks
    assert [(b.text, b.line, b.column) for b in blocks] == [
        ("关于某某工作的报告", 1, 1),
        ("今年工作扎实。", 2, 3),
        ("一、总体情况", 4, 1),
    ]


def test_every_corpus_text_is_read_by_maps_as_line_by_line():
    from pathlib import Path

    from orgwrite.io import read_text

    paths = sorted(Path(__file__).parent.glob("corpus/**/*.txt"))
    assert len(paths) >= 5
    for path in paths:
        text = path.read_text("utf-8")
        slow = read_text.Document(blocks=classify(read_text._plain_paragraphs(split_lines(text))))
        assert _blocks(read_string(text)) == _blocks(slow), path.name


def test_a_finding_is_built_as_a_frozen_dataclass_builds_it():
    import dataclasses
    import inspect
    import pickle

    from orgwrite.model import Finding, FixSafety, Severity

    # Its __init__ is written out: it must take every field, in order, and no other.
    fields = [(x.name, x.default) for x in dataclasses.fields(Finding)]
    params = list(inspect.signature(Finding.__init__).parameters.values())[1:]
    assert [(p.name, p.default if p.default is not p.empty else dataclasses.MISSING) for p in params] == fields
    f = Finding("P101", Severity.ERROR, "多余的空格", 3, 5, 3, 6, "", FixSafety.SAFE)
    g = Finding(
        rule="P101",
        severity=Severity.ERROR,
        message="多余的空格",
        line=3,
        column=5,
        end_line=3,
        end_column=6,
        replacement="",
        fix_safety=FixSafety.SAFE,
    )
    assert f == g and hash(f) == hash(g) and pickle.loads(pickle.dumps(f)) == f
    assert Finding("P101", Severity.ERROR, "m", 1, 1, 1, 2).replacement is None
    assert dataclasses.replace(f, severity=Severity.INFO).severity is Severity.INFO
    assert repr(f).startswith("Finding(rule='P101', severity=<Severity.ERROR")
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.line = 4  # type: ignore[misc]
    with pytest.raises(TypeError):
        Finding("P101", Severity.ERROR, "m", 1, 1)  # type: ignore[call-arg]


def test_emit_locates_a_contiguous_block_as_block_locate_does():
    from orgwrite.model import Block

    ctx = Context(config=Config())
    plain = Block(K.PARAGRAPH, "我们 要增强四个意识。", 7, 3)
    mapped = Block(K.PARAGRAPH, plain.text, 7, 3, segments=((0, 7, 3),))  # the same place, by segments
    for start, end in ((2, 3), (0, 0), (4, 2), (0, len(plain.text))):
        a = ctx.emit("P101", plain, start, end, "多余的空格", "")
        b = ctx.emit("P101", mapped, start, end, "多余的空格", "")
        assert a == b
    assert (a.line, a.column, a.end_line, a.end_column) == (7, 3, 7, 3 + len(plain.text))


def test_suppression_reads_the_directive_word_from_the_text_or_the_lines():
    from orgwrite import suppress
    from orgwrite.model import Finding, Severity

    found = [Finding("P101", Severity.ERROR, "m", 2, 1, 2, 2)]
    lines = ["标题", "正文 一段。【orgwrite: ignore P101】"]
    assert suppress.apply(found, lines, "\n".join(lines)) == []
    assert suppress.apply(found, lines) == []  # no text (as a caller of old gave): the lines joined
    assert suppress.apply(found, ["标题", "正文 一段。"], "标题\n正文 一段。") == found
