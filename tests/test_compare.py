"""``orgwrite compare``: a real plan and the summary of the same year and unit.

The pair: 海拉尔区 政府工作报告 of 2018 (二、2018年工作安排, eight items （一）–（八）) and of 2019
(一、2018年工作回顾, six parts （一）–（六） and an opening paragraph).  Read by hand, every one
of the eight items is reported on; the matches below are the ones a reader gives.
"""

from __future__ import annotations

import json

from orgwrite.compare import match_items, plan_items, summary_paragraphs
from orgwrite.io.read import read_document
from orgwrite.io.read_text import read_string
from tests.conftest import HERE

PLAN = HERE / "corpus" / "2018_gov_report_hailar.txt"
SUMMARY = HERE / "corpus" / "2019_gov_report_hailar.txt"

#: plan item → the 2019 review paragraph (line) that reports on it, by reading.
BY_READING = {
    "（一）": 8,  # 三大攻坚战 → （一）三大攻坚战强力突破
    "（二）": 9,  # 城市发展 → （二）城市建管水平有效提升
    "（三）": 10,  # 实体经济 → （三）产业项目蓬勃发展
    "（四）": 8,  # 生态保护 → （一）'s 污染防治、生态植被 sentences
    "（六）": 11,  # 改革开放 → （四）发展活力不断激发
    "（七）": 12,  # 民生 → （五）民生事业提标升级
    "（八）": 13,  # 自身建设 → （六）政府自身建设不断加强
}


def test_plan_items_are_the_plans_sections_only():
    items = plan_items(read_document(PLAN))
    assert [i.number for i in items] == ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）", "（八）"]
    assert items[0].line == 24 and items[0].head == "在打好“三大攻坚战”上聚焦发力，助推全面建成小康社会"
    # The review part of the plan's own report is not a promise.
    assert all(i.line >= 19 for i in items)
    paragraphs = summary_paragraphs(read_document(SUMMARY))
    assert [p.line for p in paragraphs][:2] == [7, 8] and max(p.line for p in paragraphs) < 17


def test_each_item_gets_the_paragraph_a_reader_gives():
    matches = match_items(plan_items(read_document(PLAN)), summary_paragraphs(read_document(SUMMARY)))
    got = {m.item.number: m.paragraph.line for m in matches}
    for number, line in BY_READING.items():
        assert got[number] == line, (number, got[number])
    assert all(m.reported for m in matches)


def test_an_item_nobody_reported_on_is_listed():
    plan = read_string("2025年工作要点\n1.推进干部教育培训。全年举办培训班10期。\n2.建设红色教育基地。新建展馆一座。\n")
    summary = read_string("2025年工作总结\n一年来，全年举办干部教育培训班12期，培训干部1500人次。\n")
    matches = match_items(plan_items(plan), summary_paragraphs(summary))
    assert [(m.item.number, m.reported) for m in matches] == [("1.", True), ("2.", False)]


def test_cli_json_and_table(cli, tmp_path):
    r = cli("compare", str(PLAN), str(SUMMARY), "--format", "json")
    assert r.returncode == 0
    data = json.loads(r.stdout)
    assert data["version"] == 1 and len(data["items"]) == 8
    assert data["items"][1]["match"]["line"] == 9 and data["items"][1]["reported"] is True
    table = cli("compare", str(PLAN), str(SUMMARY)).stdout.decode("utf-8")
    assert "计划事项" in table and "都在总结中找到了对应段落" in table
    empty = tmp_path / "空.txt"
    empty.write_text("2025年工作要点\n", "utf-8")
    r = cli("compare", str(empty), str(SUMMARY))
    assert r.returncode == 2 and "没有找到编号事项" in r.stderr.decode("utf-8")
    r = cli("compare", str(tmp_path / "无.txt"), str(SUMMARY))
    assert r.returncode == 2 and "Traceback" not in r.stderr.decode("utf-8")


def test_the_same_statistic_with_different_values_across_the_set(cli, tmp_path):
    from orgwrite.compare.figures import conflicts, statistics_of

    a = read_string("2023年全市组织工作综述\n截至2023年底，全市共有党员12.3万名，基层党组织4521个。\n")
    b = read_string("2023年度述职报告\n截至2023年底，全市共有党员12.8万名。截至2023年底，全市共有基层党组织4521个。\n")
    (pair,) = conflicts(statistics_of(a, "综述.txt") + statistics_of(b, "述职.txt"))
    assert [s.text for s in pair] == ["截至2023年底，全市共有党员12.3万名", "截至2023年底，全市共有党员12.8万名"]
    # Rounding agrees (12.3万 = 123000); another date, scope or unit is another statistic.
    same = read_string("截至2023年底，全市共有党员123000名。截至2022年底，全市共有党员12.8万名。\n")
    assert conflicts(statistics_of(a, "综述.txt") + statistics_of(same, "其他.txt")) == []
    plan, summary, other = tmp_path / "要点.txt", tmp_path / "综述.txt", tmp_path / "述职.txt"
    plan.write_text("2024年工作要点\n1.推进干部教育培训。\n截至2023年底，全市共有党员12.3万名。\n", "utf-8")
    summary.write_text("2024年工作综述\n一年来，推进干部教育培训。\n", "utf-8")
    other.write_text("述职报告\n截至2023年底，全市共有党员12.8万名。\n", "utf-8")
    data = json.loads(cli("compare", str(plan), str(summary), str(other), "--format", "json").stdout)
    assert [(f["a"]["line"], f["b"]["path"]) for f in data["figures"]] == [(3, str(other))]
    table = cli("compare", str(plan), str(summary), str(other)).stdout.decode("utf-8")
    assert "数字不一致" in table


# --- careless inputs --------------------------------------------------------------------

SUMMARY_2024 = "2024年工作总结\n全年举办干部专题培训班12期，培训干部1500人次。\n完成村级组织阵地改造86个，基层党组织标准化建设全面推进。\n"
ITEMS = ("加强干部教育培训，全年举办专题培训班12期。", "推进基层党组织标准化建设。", "做好人才引进工作。")


def _numbers_and_reported(plan_text: str) -> list[tuple[str, str, bool]]:
    matches = match_items(plan_items(read_string(plan_text)), summary_paragraphs(read_string(SUMMARY_2024)))
    return [(m.item.number, m.item.head, m.reported) for m in matches]


def test_plans_numbered_1_dun_circled_or_yishi_give_one_item_each_with_its_number():
    expected_heads = ["加强干部教育培训，全年举办专题培训班12期", "推进基层党组织标准化建设", "做好人才引进工作"]
    for marks in (("1、", "2、", "3、"), ("①", "②", "③")):
        text = "工作要点\n" + "".join(f"{m}{t}\n" for m, t in zip(marks, ITEMS, strict=True))
        got = _numbers_and_reported(text)
        assert [g[0] for g in got] == list(marks) and [g[1] for g in got] == expected_heads
        assert [g[2] for g in got] == [True, True, False]
    one_paragraph = "今年工作要点：一是" + "二是".join(ITEMS[:2]) + "三是" + ITEMS[2] + "\n"
    got = _numbers_and_reported(one_paragraph)
    assert [(n, r) for n, _h, r in got] == [("一是", True), ("二是", True), ("三是", False)]
    # 之一是, 统一是 are not numbers: a paragraph without 一是 … 二是 stays one item.
    assert len(_numbers_and_reported("工作要点\n这是重点之一是干部教育，统一是原则。\n")) == 1


def _one_line_exit_2(r) -> str:
    err = r.stderr.decode("utf-8")
    assert r.returncode == 2 and err.count("\n") == 1 and "Traceback" not in err, err
    return err


def test_every_bad_input_is_one_chinese_line_and_exit_2(cli, tmp_path):
    good = tmp_path / "要点.txt"
    good.write_text("工作要点\n1. 推进干部教育培训。\n", "utf-8")
    (tmp_path / "空.txt").write_bytes(b"")
    (tmp_path / "二进制.dat").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "文件夹").mkdir()
    huge = tmp_path / "大.txt"
    with huge.open("wb") as f:
        f.truncate(32 * 1024 * 1024 + 1)
    for args, words in (
        ((tmp_path / "空.txt", good), "没有找到编号事项"),
        ((tmp_path / "二进制.dat", good), "二进制"),
        ((tmp_path / "文件夹", good), "文件夹"),
        ((good, tmp_path / "无.txt"), "不存在"),
        ((good, good, tmp_path / "无.txt"), "不存在"),
        ((huge, good), "32 MB"),
        ((good, huge), "32 MB"),
    ):
        assert words in _one_line_exit_2(cli("compare", *map(str, args)))


def test_encodings_docx_and_markdown_give_the_same_json(cli, tmp_path):
    from orgwrite.io.write_docx import build_docx

    plan_text = "工作要点\n" + "".join(f"{i}. {t}\n" for i, t in enumerate(ITEMS, 1))
    plan_gb, summary_u16 = tmp_path / "要点.txt", tmp_path / "总结.txt"
    plan_gb.write_bytes(plan_text.encode("gb18030"))
    summary_u16.write_bytes(SUMMARY_2024.encode("utf-16"))
    plan_docx, summary_md = tmp_path / "要点.docx", tmp_path / "总结.md"
    plan_docx.write_bytes(build_docx(read_string(plan_text)))
    summary_md.write_text("# 2024年工作总结\n\n" + SUMMARY_2024.split("\n", 1)[1].replace("\n", "\n\n"), "utf-8")
    runs = [
        json.loads(cli("compare", str(p), str(s), "--format", "json").stdout)
        for p, s in ((plan_gb, summary_u16), (plan_docx, summary_md))
    ]
    for data in runs:
        assert set(data) == {"version", "plan", "summary", "threshold", "items", "figures"}
        assert [set(i) for i in data["items"]] == [{"number", "line", "text", "reported", "score", "match"}] * 3
        assert [(i["number"], i["reported"]) for i in data["items"]] == [("1.", True), ("2.", True), ("3.", False)]
    # The same file twice: every item is its own best match.
    data = json.loads(cli("compare", str(plan_gb), str(plan_gb), "--format", "json").stdout)
    assert all(i["reported"] and i["match"]["line"] == i["line"] for i in data["items"])
