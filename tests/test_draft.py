"""orgwrite draft: outlines → drafts through the genre templates, as a writer uses it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml

from orgwrite.draft import draft_outline
from orgwrite.draft.numerals import cn_count, cn_numeral, gb_date, heading_number
from orgwrite.draft.outline import OutlineError
from orgwrite.draft.render import TemplateProblem
from tests.conftest import ROOT, run_orgwrite

GENRES = ["交流发言", "领导讲话", "工作综述", "工作总结", "工作要点"]
EXAMPLES = sorted((ROOT / "examples").glob("outline-*"))
GOLDEN = ROOT / "tests" / "golden"


def _err(r) -> str:
    return r.stderr.decode("utf-8")


# --- numbers and dates -------------------------------------------------------------


def test_numerals_and_dates():
    assert [cn_numeral(n) for n in (1, 9, 10, 11, 19, 20, 23, 99)] == [
        "一",
        "九",
        "十",
        "十一",
        "十九",
        "二十",
        "二十三",
        "九十九",
    ]
    assert cn_count(2) == "两" and cn_count(3) == "三" and cn_count(12) == "十二"
    assert [heading_number(level, 3) for level in (1, 2, 3, 4)] == ["三、", "（三）", "3.", "（3）"]
    assert gb_date(date(2024, 6, 1)) == "2024年6月1日"
    with pytest.raises(ValueError):
        cn_numeral(0)


# --- every genre, from a fresh starter and from the bundled example -------------------


@pytest.mark.parametrize("genre", GENRES)
def test_new_then_draft_then_check_is_clean(genre, tmp_path):
    outline, out = tmp_path / "o.yaml", tmp_path / "d.md"
    r = run_orgwrite("new", genre, "-o", str(outline))
    assert r.returncode == 0, _err(r)
    assert outline.read_text("utf-8").startswith("#")  # a commented starter
    r = run_orgwrite("draft", str(outline), "-o", str(out))
    assert r.returncode == 0, _err(r)
    assert "自检未发现问题" in _err(r)
    assert run_orgwrite("check", str(out)).returncode == 0


def test_examples_cover_every_genre_and_match_their_golden_files():
    genres = set()
    assert len(EXAMPLES) >= 5
    for example in EXAMPLES:
        d = draft_outline(example)
        genres.add(d.genre.name)
        for fmt in ("md", "txt"):
            golden = GOLDEN / f"{example.stem}.{fmt}"
            if fmt == "md" or golden.exists():
                assert d.text(fmt) == golden.read_text("utf-8"), f"{example.name} → {golden.name}"
    assert genres == set(GENRES)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_cli_draft_of_example_equals_golden_and_self_check_is_clean(example, tmp_path):
    out = tmp_path / "d.md"
    r = run_orgwrite("draft", str(example), "-o", str(out))
    assert r.returncode == 0, _err(r)
    assert _err(r).strip() == f"{out}：自检未发现问题"
    assert out.read_text("utf-8") == (GOLDEN / f"{example.stem}.md").read_text("utf-8")
    r = run_orgwrite("check", str(out), "--format", "json")
    assert json.loads(r.stdout)["files"][0]["findings"] == []


def test_stdout_is_txt_by_default_and_md_on_request():
    r = run_orgwrite("draft", "examples/outline-gongzuo-yaodian.yaml")
    assert r.returncode == 0
    assert r.stdout.decode("utf-8") == (GOLDEN / "outline-gongzuo-yaodian.txt").read_text("utf-8")
    r = run_orgwrite("draft", "examples/outline-gongzuo-yaodian.yaml", "--format", "md")
    assert r.stdout.decode("utf-8") == (GOLDEN / "outline-gongzuo-yaodian.md").read_text("utf-8")


# --- frame, numbering, counts --------------------------------------------------------


def _write(tmp_path: Path, data: dict | str, name: str = "o.yaml") -> Path:
    p = tmp_path / name
    p.write_text(data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return p


def _outline(n_sections: int, genre: str = "交流发言", **extra) -> dict:
    heads = ["坚持政治引领", "坚持强基固本", "坚持人才强市", "坚持从严治部", "坚持改革创新"]
    return {
        "genre": genre,
        "title": "在全市组织工作会议上的交流发言",
        "date": "2024-06-01",
        "opening": "今年以来，各项工作取得新进展。",
        "sections": [{"heading": heads[i], "points": [f"第{i + 1}项工作扎实推进。"]} for i in range(n_sections)],
        **extra,
    }


def test_stated_count_follows_the_outline(tmp_path):
    three = draft_outline(_write(tmp_path, _outline(3))).text("txt")
    assert "下面，我结合工作实际，从三个方面谈几点体会。" in three
    assert "三、坚持人才强市" in three and "四、" not in three
    four = draft_outline(_write(tmp_path, _outline(4))).text("txt")
    assert "从四个方面谈几点体会" in four and "四、坚持从严治部" in four
    two = draft_outline(_write(tmp_path, _outline(2))).text("txt")
    assert "从两个方面" in two
    speech = draft_outline(_write(tmp_path, _outline(5, "领导讲话"))).text("txt")
    assert "下面，我讲五点意见。" in speech
    lines = speech.splitlines()
    assert lines[:3] == ["在全市组织工作会议上的交流发言", "（2024年6月1日）", "同志们："]


def test_work_plan_items_are_numbered_through_all_sections(tmp_path):
    data = _outline(3, "工作要点")
    data["sections"][1]["points"] = ["甲项工作。", "乙项工作。"]
    text = draft_outline(_write(tmp_path, data)).text("txt").splitlines()
    assert [line[:2] for line in text if line[0].isdigit()] == ["1.", "2.", "3.", "4."]
    assert "二、坚持强基固本" in text and "3.乙项工作。" in text
    data["options"] = {"section_numbers": False, "overall_heading": "总体要求"}
    text = draft_outline(_write(tmp_path, data)).text("txt").splitlines()
    assert text[1:3] == ["一、总体要求", "今年以来，各项工作取得新进展。"]
    assert "坚持强基固本" in text


def test_sub_sections_phrase_lists_and_yishi(tmp_path):
    data = _outline(1, "领导讲话", options={"yishi": True})
    data["sections"] = [
        {
            "heading": "突出工作重点",
            "sections": [
                {"heading": "建强干部队伍", "points": ["选优配强班子，", ["抓班子", "带队伍", "促发展"]]},
                {"heading": "建强基层组织", "points": ["整顿软弱涣散党组织"]},
            ],
        }
    ]
    lines = draft_outline(_write(tmp_path, data)).text("txt").splitlines()
    i = lines.index("一、突出工作重点")
    assert lines[i + 1 : i + 5] == [
        "（一）建强干部队伍",
        "一是选优配强班子。二是抓班子，带队伍，促发展。",
        "（二）建强基层组织",
        "一是整顿软弱涣散党组织。",
    ]


def test_document_has_exact_block_kinds_for_word_and_check():
    d = draft_outline(ROOT / "examples" / "outline-lingdao-jianghua.yaml")
    doc = d.document("md", "x.md")
    kinds = [(b.kind.value, b.level, b.number) for b in doc.blocks[:6]]
    assert kinds == [
        ("title", 0, ""),
        ("speaker", 0, ""),
        ("date", 0, ""),
        ("salutation", 0, ""),
        ("paragraph", 0, ""),
        ("heading", 1, "一、"),
    ]
    h2 = next(b for b in doc.blocks if b.number == "（一）")
    assert h2.level == 2
    for b in doc.blocks:  # every block points at its text in the output
        assert doc.lines[b.line - 1][b.column - 1 :] == b.text
    assert doc.blocks[-1].kind.value == "closing"
    assert doc.meta.as_of == "2024-03-15" and doc.meta.speaker == "张明"


# --- formulations as of the date -----------------------------------------------------


def test_builtin_table_refuses_an_enumeration_before_it_existed(tmp_path, monkeypatch):
    from orgwrite.draft import formulations

    monkeypatch.setattr(formulations, "_lexicon", lambda: None)  # the fallback table alone
    data = _outline(2, "领导讲话")
    data["opening"] = "我们要坚持以［lex:T-guiding-thought］为指导，增强［members:E-four-consciousness］。"
    data["date"] = "2015-06-01"
    with pytest.raises(OutlineError, match=r"o\.yaml:\d+：.*四个意识.*2016年1月29日起才有.*字段 opening"):
        draft_outline(_write(tmp_path, data))
    data["date"] = "2016-06-01"
    assert "增强政治意识、大局意识、核心意识、看齐意识。" in draft_outline(_write(tmp_path, data)).text("txt")


def test_wording_follows_the_date_of_the_text(tmp_path):
    data = _outline(2, "领导讲话")
    data["date"] = "2015-06-01"
    data["opening"] = "我们要坚持以［lex:T-guiding-thought］为指导，坚定［lex:T-three-confidences］。"
    old = draft_outline(_write(tmp_path, data)).text("txt")
    assert "习近平总书记系列重要讲话精神" in old and "坚定“三个自信”" in old
    assert "团结在以习近平同志为总书记的党中央周围" in old  # the genre's default closing
    data["date"] = "2024-06-01"
    new = draft_outline(_write(tmp_path, data)).text("txt")
    assert "习近平新时代中国特色社会主义思想" in new and "坚定“四个自信”" in new
    assert "团结在以习近平同志为核心的党中央周围" in new
    assert "以习近平同志为总书记" not in new


def test_as_of_option_overrides_the_outline_date(tmp_path):
    p = _write(tmp_path, {**_outline(2, "领导讲话"), "date": "2024-06-01"})
    r = run_orgwrite("draft", str(p), "--as-of", "2015-06-01")
    assert r.returncode == 0
    out = r.stdout.decode("utf-8")
    assert "以习近平同志为总书记的党中央" in out and "（2024年6月1日）" in out


def test_unknown_formulation_id_names_line_and_suggests(tmp_path):
    p = _write(
        tmp_path,
        "genre: 交流发言\ntitle: 交流发言\nsections:\n  - heading: 甲\n    points:\n      - 团结在［lex:T-core-party-centrl］周围。\n",
    )
    r = run_orgwrite("draft", str(p), "-o", str(tmp_path / "d.md"))
    assert r.returncode == 2
    assert _err(r).strip() == (
        f"orgwrite：{p}:6：未知的规范表述编号“T-core-party-centrl”，是不是“T-core-party-central”？（字段 sections[0].points[0]）"
    )
    assert not (tmp_path / "d.md").exists()


# --- safety --------------------------------------------------------------------------


def test_outline_values_are_data_never_templates(tmp_path):
    data = _outline(1)
    data["title"] = "{{ 7*7 }}的发言"
    data["sections"][0]["points"] = ["{% for x in range(3) %}甲{% endfor %}", "{{ ''.__class__ }}乙。"]
    text = draft_outline(_write(tmp_path, data)).text("txt")
    assert text.splitlines()[0] == "{{ 7*7 }}的发言"
    assert "{% for x in range(3) %}甲{% endfor %}。" in text and "{{ ''.__class__ }}乙。" in text
    assert "49" not in text


def _custom_genre(tmp_path: Path, template: str) -> Path:
    root = tmp_path / "tpl"
    (root / "ceshi").mkdir(parents=True)
    (root / "ceshi" / "genre.yaml").write_text("name: 测试文种\n", "utf-8")
    (root / "ceshi" / "draft.j2").write_text(template, "utf-8")
    return root


def test_missing_field_in_a_template_names_the_field_and_line(tmp_path):
    root = _custom_genre(tmp_path, '{{ emit("title", title) }}\n{{ emit("p", occasion_text) }}\n')
    p = _write(tmp_path, {**_outline(1), "genre": "测试文种"})
    with pytest.raises(TemplateProblem, match=r"draft\.j2:2：模板用到的字段“occasion_text”不存在"):
        draft_outline(p, template_dirs=(root,))
    r = run_orgwrite("draft", str(p), "--template-dir", str(root), "-o", str(tmp_path / "d.md"))
    assert r.returncode == 2 and "occasion_text" in _err(r) and not (tmp_path / "d.md").exists()


def test_templates_run_in_a_sandbox(tmp_path):
    root = _custom_genre(tmp_path, "{{ emit('p', ''.__class__.__mro__[1].__subclasses__()) }}\n")
    p = _write(tmp_path, {**_outline(1), "genre": "ceshi"})
    with pytest.raises(TemplateProblem, match="模板错误"):
        draft_outline(p, template_dirs=(root,))


def test_user_template_dir_overrides_a_shipped_genre(tmp_path):
    root = tmp_path / "tpl"
    (root / "jiaoliu-fayan").mkdir(parents=True)
    (root / "jiaoliu-fayan" / "genre.yaml").write_text("name: 交流发言\n", "utf-8")
    (root / "jiaoliu-fayan" / "draft.j2").write_text('{{ emit("title", "自定义：" ~ title) }}\n', "utf-8")
    text = draft_outline(_write(tmp_path, _outline(1)), template_dirs=(root,)).text("txt")
    assert text == "自定义：在全市组织工作会议上的交流发言\n"


# --- bad outlines: one Chinese line with file:line, exit 2, nothing written ------------------

BAD = {
    "syntax": ("genre: 交流发言\ntitle: 测试\nsections:\n  - heading: 甲\n    points: [好。\n", 5, "YAML 语法错误"),
    "genre": (
        "genre: 交流发表\ntitle: 测试\nsections:\n  - heading: 甲\n    points: [好。]\n",
        1,
        "未知的文种“交流发表”，是不是“交流发言”？",
    ),
    "title": ("genre: 交流发言\nsections:\n  - heading: 甲\n    points: [好。]\n", 1, "缺少必填字段“title”"),
    "titel": (
        "genre: 交流发言\ntitel: 测试\nsections:\n  - heading: 甲\n    points: [好。]\n",
        2,
        "未知字段“titel”，是不是“title”？",
    ),
    "points": (
        "genre: 交流发言\ntitle: 测试\nsections:\n  - heading: 甲\n    points: [好。]\n  - heading: 乙\n",
        6,
        "该部分没有要点（points）（字段 sections[1]）",
    ),
    "date": (
        "genre: 交流发言\ntitle: 测试\ndate: 2024-02-30\nsections:\n  - heading: 甲\n    points: [好。]\n",
        3,
        "日期无效：“2024-02-30”",
    ),
    "date-text": (
        "genre: 交流发言\ntitle: 测试\ndate: 去年\nsections:\n  - heading: 甲\n    points: [好。]\n",
        3,
        "日期无效：“去年”",
    ),
    "cn-field": ("genre: 交流发言\n标题: 测试\nsections:\n  - heading: 甲\n    points: [好。]\n", 2, "是不是“title”？"),
    "option": (
        "genre: 交流发言\ntitle: 测试\nsections:\n  - heading: 甲\n    points: [好。]\noptions:\n  yishii: true\n",
        7,
        "没有选项“yishii”，是不是“yishi”？",
    ),
}


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_bad_outline_gives_one_chinese_line_with_file_and_line(case, tmp_path):
    text, line, message = BAD[case]
    p = _write(tmp_path, text)
    out = tmp_path / "d.md"
    r = run_orgwrite("draft", str(p), "-o", str(out))
    assert r.returncode == 2
    err = _err(r).strip()
    assert len(err.splitlines()) == 1, err
    assert err.startswith(f"orgwrite：{p}:{line}："), err
    assert message in err and "Traceback" not in err
    assert not out.exists() and list(tmp_path.iterdir()) == [p]


def test_several_problems_are_all_reported(tmp_path):
    p = _write(
        tmp_path,
        "genre: 交流发言\ntitle: 测试\ndate: 2024-13-01\nsections:\n  - heading: 甲\n  - headng: 乙\n    points: [好。]\n",
    )
    with pytest.raises(OutlineError) as exc:
        draft_outline(p)
    lines = str(exc.value).splitlines()
    assert [line.split("：")[0] for line in lines] == [f"{p}:3", f"{p}:5", f"{p}:6", f"{p}:6"]
    assert "是不是“heading”" in lines[2] or "是不是“heading”" in lines[3]


def test_existing_output_is_never_overwritten_without_force(tmp_path):
    out = tmp_path / "d.md"
    out.write_text("原稿\n", "utf-8")
    r = run_orgwrite("draft", "examples/outline-jiaoliu-fayan.yaml", "-o", str(out))
    assert r.returncode == 2 and "已存在" in _err(r) and "--force" in _err(r)
    assert out.read_text("utf-8") == "原稿\n"
    r = run_orgwrite("new", "交流发言", "-o", str(out))
    assert r.returncode == 2 and out.read_text("utf-8") == "原稿\n"
    r = run_orgwrite("draft", "examples/outline-jiaoliu-fayan.yaml", "-o", str(out), "--force")
    assert r.returncode == 0 and out.read_text("utf-8").startswith("---\ngenre: 交流发言\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.md"]  # no temporary file left


def test_unsupported_output_extension(tmp_path):
    r = run_orgwrite("draft", "examples/outline-jiaoliu-fayan.yaml", "-o", str(tmp_path / "d.pdf"))
    assert r.returncode == 2 and "不支持的输出格式" in _err(r) and not (tmp_path / "d.pdf").exists()


def test_docx_output_without_the_word_writer_is_a_clear_error(tmp_path):
    try:
        import orgwrite.io.write_docx  # noqa: F401
    except ImportError:
        r = run_orgwrite("draft", "examples/outline-jiaoliu-fayan.yaml", "-o", str(tmp_path / "d.docx"))
        assert r.returncode == 2 and ".docx" in _err(r) and not (tmp_path / "d.docx").exists()
    else:
        r = run_orgwrite("draft", "examples/outline-jiaoliu-fayan.yaml", "-o", str(tmp_path / "d.docx"))
        assert r.returncode == 0 and (tmp_path / "d.docx").stat().st_size > 0


# --- Markdown outlines, schema, listing ----------------------------------------------


def test_markdown_outline_headings_give_sections_with_lines(tmp_path):
    md = "---\ngenre: 工作综述\ntitle: 综述\ndate: 2023-12-28\n---\n\n导语一句。\n\n# 第一部分\n\n- 甲。\n  - 短语一\n  - 短语二\n\n## 下级\n\n乙。\n\n# 第二部分\n\n- 丙。\n"
    p = _write(tmp_path, md, "o.md")
    text = draft_outline(p).text("txt").splitlines()
    assert text == [
        "综述",
        "导语一句。",
        "一、第一部分",
        "甲，短语一，短语二。",
        "（一）下级",
        "乙。",
        "二、第二部分",
        "丙。",
    ]
    bad = _write(tmp_path, md.replace("# 第二部分\n\n- 丙。\n", "# 第二部分\n"), "bad.md")
    with pytest.raises(OutlineError, match=r"bad\.md:19：该部分没有要点"):
        draft_outline(bad)


def test_schema_documents_every_field_and_accepts_the_examples():
    import jsonschema

    r = run_orgwrite("outline", "--schema")
    assert r.returncode == 0
    out = r.stdout.decode("utf-8")
    for name in (
        "genre",
        "title",
        "subtitle",
        "speaker",
        "issuer",
        "occasion",
        "date",
        "salutation",
        "opening",
        "sections",
        "closing",
        "attachments",
        "options",
        "heading",
        "points",
        "［lex:编号］",
        "［count］",
    ):
        assert name in out
    schema = json.loads(run_orgwrite("outline", "--json-schema").stdout)
    for example in EXAMPLES:
        if example.suffix == ".yaml":
            data = yaml.safe_load(example.read_text("utf-8"))
            data["date"] = str(data["date"])
            jsonschema.validate(data, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"genre": "交流发言", "title": "x", "sections": [{"heading": "甲", "pionts": []}]}, schema)


def test_templates_list_and_show():
    r = run_orgwrite("templates")
    assert r.returncode == 0
    listed = [line.split("\t")[0] for line in r.stdout.decode("utf-8").splitlines()]
    assert sorted(listed) == sorted(GENRES)
    r = run_orgwrite("templates", "show", "讲话")
    out = r.stdout.decode("utf-8")
    assert r.returncode == 0 and out.startswith("领导讲话（lingdao-jianghua）") and "date_line" in out
    r = run_orgwrite("templates", "show", "讲话稿子")
    assert r.returncode == 2 and "未知的文种" in _err(r)
    r = run_orgwrite("new", "述职报告")
    assert r.returncode == 0 and "genre: 工作总结" in r.stdout.decode("utf-8")
