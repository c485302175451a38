"""Drafting with hostile or careless outlines and templates, and numbering a writer did twice.

Each test reproduces a report: a traceback, a hang or a wrong draft; the fix gives one
Chinese line and exit 2, or the draft a reviewer expects.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
import yaml

from orgwrite.draft import draft_outline
from orgwrite.draft.numerals import cn_count, cn_numeral, heading_number
from orgwrite.draft.outline import OutlineError
from orgwrite.draft.render import TemplateProblem
from tests.conftest import run_orgwrite


def _write(tmp_path: Path, data: dict | str, name: str = "o.yaml") -> Path:
    p = tmp_path / name
    p.write_text(data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return p


def _outline(heads: list[str], genre: str = "交流发言", **extra) -> dict:
    return {
        "genre": genre,
        "title": "在全市组织工作会议上的交流发言",
        "date": "2024-06-01",
        "opening": "今年以来，各项工作取得新进展。",
        "sections": [{"heading": h, "points": [f"第{i + 1}项工作扎实推进。"]} for i, h in enumerate(heads)],
        **extra,
    }


def _one_line(r) -> str:
    err = r.stderr.decode().strip()
    assert r.returncode == 2, err
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    return err


# --- numbers beyond 99 and long titles ---------------------------------------------


def test_chinese_numerals_beyond_ninety_nine():
    cases = {
        100: "一百",
        101: "一百零一",
        110: "一百一十",
        115: "一百一十五",
        120: "一百二十",
        999: "九百九十九",
        1000: "一千",
        1001: "一千零一",
        1010: "一千零一十",
        2024: "二千零二十四",
    }
    assert {n: cn_numeral(n) for n in cases} == cases
    assert heading_number(1, 101) == "一百零一、" and heading_number(2, 110) == "（一百一十）"
    assert cn_count(100) == "一百"
    with pytest.raises(ValueError):
        cn_numeral(10000)


def test_an_outline_with_120_top_level_sections_drafts(tmp_path):
    heads = [f"抓好第{i}项重点任务" for i in range(1, 121)]
    text = draft_outline(_write(tmp_path, _outline(heads, "领导讲话"))).text("txt").splitlines()
    assert "九十九、抓好第99项重点任务" in text
    assert "一百、抓好第100项重点任务" in text and "一百二十、抓好第120项重点任务" in text
    assert any("一百二十点意见" in line for line in text)


def test_too_many_sections_is_a_clear_limit(tmp_path):
    p = tmp_path / "o.yaml"
    p.write_text(
        "genre: 交流发言\ntitle: 发言\ndate: 2024-06-01\nsections:\n"
        + "".join(f"  - heading: 第{i}项\n    points: [推进。]\n" for i in range(10001)),
        "utf-8",
    )
    with pytest.raises(OutlineError, match=r"o\.yaml:4：同一级的部分过多（10001 个）"):
        draft_outline(p)


def test_a_title_over_255_characters_exports_whole(tmp_path):
    import docx

    title = "关于进一步加强新时代基层党组织建设" * 16  # 272 characters
    p = _write(tmp_path, {**_outline(["坚持政治引领"]), "title": title})
    out = tmp_path / "d.docx"
    r = run_orgwrite("draft", str(p), "-o", str(out))
    assert r.returncode == 0, r.stderr.decode()
    d = docx.Document(str(out))
    assert d.paragraphs[0].text == title
    assert d.core_properties.title == title[:255]  # the file property's own limit
    md = tmp_path / "d.md"
    md.write_text(f"# {title}\n\n一年来，工作取得新成效。\n", "utf-8")
    r = run_orgwrite("export", str(md), "-o", str(tmp_path / "e.docx"))
    assert r.returncode == 0, r.stderr.decode()
    assert docx.Document(str(tmp_path / "e.docx")).paragraphs[0].text == title


# --- templates that do too much work -------------------------------------------------


def _custom_genre(tmp_path: Path, template: str) -> Path:
    root = tmp_path / "tpl"
    (root / "ceshi").mkdir(parents=True)
    (root / "ceshi" / "genre.yaml").write_text("name: 测试文种\n", "utf-8")
    (root / "ceshi" / "draft.j2").write_text(template, "utf-8")
    return root


@pytest.mark.parametrize(
    ("template", "expect"),
    [
        ("{% for i in range(10**9) %}{{ emit('p', i) }}{% endfor %}\n", "循环次数过多"),
        ("{% for i in range(90000) %}{% for j in range(90000) %}{% endfor %}{% endfor %}\n", "循环次数过多"),
        ("{{ emit('p', 'x' * 10**9) }}\n", "重复结果过长"),
        ("{{ emit('p', 9 ** 99999999) }}\n", "乘方结果过大"),
        ("{% for s in sections * 10**7 %}{% endfor %}\n", "重复结果过长"),
        ("{{ emit('p', lipsum(10**9)) }}\n", "模板"),
        ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}\n", "模板错误"),
        ("{{ emit('p', '%999999999d' % 1) }}\n", "格式宽度过大"),
        ("{{ emit('p', '{:>999999999}'.format(1)) }}\n", "格式宽度过大"),
        ("{{ emit('p', 'x' | center(999999999)) }}\n", "格式宽度过大"),
        ("{{ emit('p', '%0999999999d' | format(1)) }}\n", "格式宽度过大"),
    ],
)
def test_a_template_that_runs_away_is_a_template_error(tmp_path, template, expect):
    root = _custom_genre(tmp_path, template)
    p = _write(tmp_path, {**_outline(["坚持政治引领"]), "genre": "测试文种"})
    started = time.perf_counter()
    with pytest.raises(TemplateProblem, match=expect):
        draft_outline(p, template_dirs=(root,))
    assert time.perf_counter() - started < 60  # a hang is the bug; this only keeps the suite finite


def test_range_of_a_billion_is_one_chinese_line_on_the_command_line(tmp_path):
    root = _custom_genre(tmp_path, "{% for i in range(10**9) %}{{ emit('p', i) }}{% endfor %}\n")
    p = _write(tmp_path, {**_outline(["坚持政治引领"]), "genre": "测试文种"})
    out = tmp_path / "d.md"
    err = _one_line(run_orgwrite("draft", str(p), "--template-dir", str(root), "-o", str(out)))
    assert "draft.j2:1" in err and "循环次数过多" in err
    assert not out.exists()


def test_normal_loops_in_templates_still_work(tmp_path):
    root = _custom_genre(
        tmp_path,
        "{% for i in range(3) %}{{ emit('p', '第' ~ (i + 1) ~ '段。' * 2) }}{% endfor %}\n"
        "{{ emit('p', '%s年' % 2024 ~ '{}月'.format(6) ~ ('x' | center(3))) }}\n",
    )
    p = _write(tmp_path, {**_outline(["坚持政治引领"]), "genre": "测试文种"})
    text = draft_outline(p, template_dirs=(root,)).text("txt")
    assert text == "第1段。段。\n第2段。段。\n第3段。段。\n2024年6月 x\n"


# --- YAML alias bombs ---------------------------------------------------------------------

BOMB = """genre: 交流发言
title: 发言
date: 2024-06-01
a: &a ["哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
sections:
  - heading: 坚持政治引领
    points: *i
"""


def test_a_billion_laughs_outline_is_refused_quickly_naming_the_line(tmp_path):
    assert len(BOMB.encode()) < 1024
    p = _write(tmp_path, BOMB)
    started = time.perf_counter()
    with pytest.raises(OutlineError, match=r"o\.yaml:5：锚点与别名（&、\*）展开后超过 10000 项"):
        draft_outline(p)
    assert time.perf_counter() - started < 30
    out = tmp_path / "d.md"
    err = _one_line(run_orgwrite("draft", str(p), "-o", str(out)))
    assert "o.yaml:5" in err and not out.exists()
    assert _one_line(run_orgwrite("outline", str(p)))


def test_a_self_referencing_alias_is_refused(tmp_path):
    p = _write(tmp_path, "genre: 交流发言\ntitle: 发言\nsections: &s\n  - heading: 甲\n    sections: *s\n")
    with pytest.raises(OutlineError, match="引用了包含它自身的锚点"):
        draft_outline(p)


def test_a_modest_alias_is_still_accepted(tmp_path):
    p = _write(
        tmp_path,
        "genre: 交流发言\ntitle: 发言\ndate: 2024-06-01\n"
        "sections:\n  - heading: 甲\n    points: &p [推进工作。]\n  - heading: 乙\n    points: *p\n",
    )
    text = draft_outline(p).text("txt")
    assert text.count("推进工作。") == 2


# --- the writer's own heading numbers ---------------------------------------------------


def test_a_heading_the_writer_numbered_comes_out_numbered_once(tmp_path, capsys):
    data = _outline(["一、提高站位", "（二）强化落实", "3.狠抓作风"], "领导讲话")
    data["sections"][0]["sections"] = [{"heading": "（一）抓学习", "points": ["学习。"]}]
    text = draft_outline(_write(tmp_path, data)).text("txt").splitlines()
    assert "一、提高站位" in text and "二、强化落实" in text and "三、狠抓作风" in text
    assert "（一）抓学习" in text
    assert not any(line.startswith(("一、一、", "二、（二）", "三、3.", "（一）（一）")) for line in text)


def test_work_plan_items_the_writer_numbered_are_numbered_once(tmp_path):
    data = _outline(["总体要求"], "工作要点")
    data["sections"][0]["points"] = ["1.加强政治建设。", "（2）加强队伍建设。"]
    text = draft_outline(_write(tmp_path, data)).text("txt").splitlines()
    assert "1.加强政治建设。" in text and "2.加强队伍建设。" in text


def test_the_self_check_notices_a_heading_numbered_twice(tmp_path):
    data = _outline(["一、一、提高站位", "强化落实"])
    data["options"] = {"numbered_headings": True}
    p = _write(tmp_path, data)
    r = run_orgwrite("draft", str(p), "-o", str(tmp_path / "d.txt"))
    err = r.stderr.decode()
    assert r.returncode == 0
    assert "标题重复编号" in err and "一、一、提高站位" in err
    assert "自检未发现问题" not in err


def test_headings_without_a_number_of_their_own_are_unchanged(tmp_path):
    data = _outline(["十八大以来的新成就", "1.5倍的增长从何而来"], "领导讲话")
    text = draft_outline(_write(tmp_path, data)).text("txt").splitlines()
    assert "一、十八大以来的新成就" in text and "二、1.5倍的增长从何而来" in text


# --- formulations: quotation marks, and members by date -----------------------------------


def test_lex_marker_gives_a_numbered_abbreviation_its_quotation_marks(tmp_path):
    data = _outline(["坚持政治引领"])
    data["sections"][0]["points"] = [
        "坚决做到［lex:E-two-safeguards］，增强［lex:E-four-consciousness］。",
        "坚决做到“［lex:E-two-safeguards］”。",
        "坚持以［lex:T-guiding-thought］为指导。",
    ]
    text = draft_outline(_write(tmp_path, data)).text("txt")
    assert "坚决做到“两个维护”，增强“四个意识”。" in text
    assert "坚决做到“两个维护”。" in text and "““" not in text
    assert "坚持以习近平新时代中国特色社会主义思想为指导。" in text


def test_members_before_a_member_existed_are_those_valid_then(tmp_path):
    from orgwrite.draft import formulations

    assert formulations.members("E-four-confidences", date(2015, 6, 1)) == ["道路自信", "理论自信", "制度自信"]
    assert formulations.wording("E-four-confidences", date(2015, 6, 1)) == "三个自信"
    assert formulations.members("E-four-confidences", date(2024, 6, 1))[-1] == "文化自信"
    data = _outline(["坚持政治引领"], date="2015-06-01")
    data["sections"][0]["points"] = ["坚定［lex:E-four-confidences］，即［members:E-four-confidences］。"]
    text = draft_outline(_write(tmp_path, data)).text("txt")
    assert "坚定“三个自信”，即道路自信、理论自信、制度自信。" in text and "文化自信" not in text


def test_an_enumeration_that_did_not_exist_yet_is_an_outline_error(tmp_path):
    data = _outline(["坚持政治引领"], date="2019-06-01")
    data["sections"][0]["points"] = ["深刻领悟［lex:E-two-establishments］。"]
    with pytest.raises(OutlineError, match=r"两个确立.*2021年11月11日起才有"):
        draft_outline(_write(tmp_path, data))
