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
