"""The lexicon: data counts, every entry against its examples, the drafting API, validation, config."""

from __future__ import annotations

from datetime import date

import pytest

from orgwrite import check
from orgwrite.config import Config
from orgwrite.lexicon import LexiconError, load_entries, load_lexicon, shipped_files

LEX = load_lexicon()
ENTRIES = list(LEX.entries.values())
LEXICON_RULES = ("F", "E", "T", "W")


def kind(k: str):
    return [e for e in ENTRIES if e.kind == k]


def test_the_shipped_data_is_big_enough_and_valid():
    counts = {k: len(kind(k)) for k in ("formulation", "enumeration", "dated", "confusable", "banned")}
    assert counts["enumeration"] >= 40
    assert counts["formulation"] >= 60
    assert counts["dated"] >= 30
    assert counts["confusable"] >= 200
    assert counts["banned"] >= 80
    for e in ENTRIES:
        assert e.id and e.source, e.id


def _found(text: str, as_of: str | date | None = None, select=LEXICON_RULES):
    if isinstance(as_of, str):  # example_as_of is loaded as a date; the tests pass strings
        as_of = date.fromisoformat(as_of)
    config = Config(select=select, as_of=as_of)
    return check(text, config)


def _spans(findings, text):
    return [(f.rule, text[f.column - 1 : f.end_column - 1]) for f in findings if f.line == 1]


def _covered(text: str, needle: str, as_of, code: str) -> bool:
    """The entry fires on ``needle``, or a longer lexicon entry (a formulation) covers it and fires instead."""
    for f in _found(text, as_of):
        span = text[f.column - 1 : f.end_column - 1]
        if (f.rule == code and span == needle) or (f.rule != code and needle in span and len(span) > len(needle)):
            return True
    return False


@pytest.mark.parametrize("entry", kind("confusable"), ids=lambda e: e.id)
def test_confusable_fires_on_its_wrong_example_and_not_on_its_right_one(entry):
    wrong = entry.get("example_wrong")
    assert _covered(wrong, entry.get("wrong"), entry.get("example_as_of"), "W101")
    right = entry.get("example_right")
    got = _spans(_found(right, entry.get("example_as_of"), ("W101",)), right)
    assert ("W101", entry.get("wrong")) not in got, (right, got)


@pytest.mark.parametrize("entry", kind("banned"), ids=lambda e: e.id)
def test_banned_fires_on_its_wrong_example_and_not_on_its_right_one(entry):
    wrong = entry.get("example_wrong")
    assert _covered(wrong, entry.get("text"), entry.get("example_as_of"), "W102")
    right = entry.get("example_right")
    got = _spans(_found(right, entry.get("example_as_of"), ("W102",)), right)
    assert ("W102", entry.get("text")) not in got, (right, got)


@pytest.mark.parametrize("entry", kind("formulation"), ids=lambda e: e.id)
def test_formulation_variants_are_replaced_by_the_canonical_text(entry):
    canonical = entry.get("canonical")
    for wrong in entry.get("wrong", []):
        text = f"要{wrong}。"
        found = [f for f in _found(text, "2025-06-01", ("F101",))]
        assert [(text[f.column - 1 : f.end_column - 1], f.replacement) for f in found] == [(wrong, canonical)]
        assert found[0].severity.value == entry.severity
    text = f"要{canonical}。"
    assert [f for f in _found(text, "2025-06-01", ("F",)) if f.rule in ("F101", "F102")] == []
    if entry.get("example_wrong"):
        assert _found(entry.get("example_wrong"), "2025-06-01", ("F101",))
        assert not _found(entry.get("example_right"), "2025-06-01", ("F101", "F102"))


@pytest.mark.parametrize("entry", [e for e in kind("enumeration") if e.get("chain", True)], ids=lambda e: e.id)
def test_enumeration_in_order_is_silent_and_swapped_order_is_found(entry):
    members = entry.get("members")
    # A slogan that is its own abbreviation (学思想、强党性……) is written without it.
    head = "坚持" if members[0] in entry.get("abbr") else f"“{entry.get('abbr')}”，即"
    text = f"{head}{'、'.join(members)}。"
    found = [f for f in _found(text, "2025-06-01", ("E",))]
    assert found == [], found
    swapped = [members[1], members[0], *members[2:]]
    text = f"{head}{'、'.join(swapped)}。"
    found = [f for f in _found(text, "2025-06-01", ("E102",))]
    assert len(found) == 1, (text, found)
    assert found[0].replacement == "、".join(members)


@pytest.mark.parametrize("entry", kind("dated"), ids=lambda e: e.id)
def test_dated_wording_fires_after_the_switch_only(entry):
    term, until = entry.get("term"), entry.get("until")
    text = entry.get("example_wrong") or f"我们认真学习{term}。"
    after = [f for f in _found(text, until.isoformat(), ("T101",))]
    assert [(text[f.column - 1 : f.end_column - 1], f.replacement) for f in after] == [(term, entry.get("replacement"))]
    assert after[0].severity.value == entry.severity
    before = date.fromordinal(until.toordinal() - 1).isoformat()
    assert _found(text, before, ("T101",)) == []


def test_wording_and_members_for_drafting():
    assert LEX.wording("T-three-confidences", date(2016, 6, 30)) == "三个自信"
    assert LEX.wording("T-three-confidences", date(2016, 7, 1)) == "四个自信"
    assert LEX.wording("T-core-party-central", date(2016, 10, 26)) == "以习近平同志为总书记的党中央"
    assert LEX.wording("T-core-party-central", date(2016, 10, 27)) == "以习近平同志为核心的党中央"
    assert LEX.wording("T-guiding-thought", date(2017, 10, 17)) == "习近平总书记系列重要讲话精神"
    assert LEX.wording("T-guiding-thought", date(2024, 1, 1)) == "习近平新时代中国特色社会主义思想"
    assert LEX.wording("F-core-party-central", date(2015, 1, 1)) == "以习近平同志为总书记的党中央"
    assert LEX.wording("F-core-party-central", date(2020, 1, 1)) == "以习近平同志为核心的党中央"
    assert LEX.wording("E-four-comprehensives", date(2024, 1, 1)) == "四个全面"
    assert LEX.members("E-four-consciousness", date(2024, 1, 1)) == ["政治意识", "大局意识", "核心意识", "看齐意识"]
    assert LEX.members("E-four-confidences", date(2024, 1, 1))[-1] == "文化自信"
    assert LEX.members("E-four-comprehensives", date(2020, 10, 28))[0] == "全面建成小康社会"
    assert LEX.members("E-four-comprehensives", date(2020, 10, 29))[0] == "全面建设社会主义现代化国家"


def test_unknown_ids_raise_a_helpful_key_error():
    with pytest.raises(KeyError, match="E-four-consciousness"):
        LEX.members("E-four-conciousness", date(2024, 1, 1))
    with pytest.raises(KeyError, match="不是列举条目"):
        LEX.members("T-three-confidences", date(2024, 1, 1))


BAD = """\
[[dated]]
id = "T-three-confidences"
term = "某提法"
replacement = "新提法"
until = "2016-13-01"
change = "说明"
source = "出处"
"""


def test_validation_names_file_and_line_of_a_duplicate_id_and_a_bad_date(tmp_path):
    bad = tmp_path / "mine.toml"
    bad.write_text(BAD, "utf-8")
    with pytest.raises(LexiconError) as info:
        load_entries([*shipped_files(), bad])
    problems = [(p.file, p.line, p.message) for p in info.value.problems if p.file == str(bad)]
    assert len(problems) == 2
    assert problems[0][1] == 5 and "2016-13-01" in problems[0][2]
    assert problems[1][1] == 2 and "重复" in problems[1][2] and "dated.toml" in problems[1][2]


def test_validation_rejects_unknown_fields_bad_regex_and_toml_errors(tmp_path):
    f = tmp_path / "x.toml"
    f.write_text(
        '[[banned]]\nid = "W-x"\ntext = "老大"\nseverity = "error"\nreason = "r"\nsource = "s"\n'
        'colour = 1\nafter = "("\n',
        "utf-8",
    )
    with pytest.raises(LexiconError) as info:
        load_entries([f])
    lines = sorted(p.line for p in info.value.problems)
    assert lines == [7, 8]
    f.write_text("[[banned]]\nid = \n", "utf-8")
    with pytest.raises(LexiconError) as info:
        load_entries([f])
    assert info.value.problems[0].line == 2


def test_conflicting_entries_are_refused(tmp_path):
    f = tmp_path / "x.toml"
    f.write_text(
        '[[formulation]]\nid = "F-mine"\ncanonical = "某某"\nwrong = ["以习近平同志为核心的党中央"]\nsource = "s"\n',
        "utf-8",
    )
    with pytest.raises(LexiconError, match="规范表述"):
        load_entries([*shipped_files(), f])


def test_user_lexicon_and_disabled_entries_from_the_configuration(tmp_path):
    mine = tmp_path / "mine.toml"
    mine.write_text(
        '[[banned]]\nid = "W-mine-boss"\ntext = "一把手工程"\nseverity = "info"\nreason = "本单位不用此说法"\n'
        'source = "本单位文稿规范"\n',
        "utf-8",
    )
    (tmp_path / "orgwrite.toml").write_text('lexicon = ["mine.toml"]\ndisable-entries = ["W-jiezhi-time"]\n', "utf-8")
    doc = tmp_path / "a.txt"
    doc.write_text("截止目前，推进一把手工程。\n", "utf-8")
    from orgwrite.config import load_config

    config = load_config(tmp_path / "orgwrite.toml").merged(select=("W",))
    found = check(doc, config)
    assert [(f.rule, f.message) for f in found] == [("W102", "本单位不用此说法")]
    (tmp_path / "orgwrite.toml").write_text('disable-entries = ["W-no-such-entry"]\n', "utf-8")
    from orgwrite.errors import ConfigError

    with pytest.raises(ConfigError, match="W-no-such-entry"):
        check(doc, load_config(tmp_path / "orgwrite.toml"))


def test_the_compiled_lexicon_is_cached_on_disk(tmp_path, monkeypatch):
    import orgwrite.lexicon.cache as lexicon

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(lexicon, "_MEMORY", {})
    first = lexicon.load_lexicon()
    cached = list((tmp_path / "orgwrite").glob("lexicon-*.pickle"))
    assert len(cached) == 1 and first.data_hash in cached[0].name
    monkeypatch.setattr(lexicon, "_MEMORY", {})
    second = lexicon.load_lexicon()
    assert second.data_hash == first.data_hash and len(second.entries) == len(first.entries)


def test_an_unwritable_cache_folder_is_ignored(tmp_path, monkeypatch):
    import orgwrite.lexicon.cache as lexicon

    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.setattr(lexicon, "_MEMORY", {})
    assert lexicon.load_lexicon().entries


# --- false alarms found on unseen published texts ---------------------------------------------


def test_new_ideas_said_of_ideas_put_forward_are_not_the_old_name_of_the_thought():
    # 党的二十大报告 (2022-10-16) itself: the ideas, not the name of the guiding thought
    text = (
        "我们创立了新时代中国特色社会主义思想，明确坚持和发展中国特色社会主义的基本方略，"
        "提出一系列治国理政新理念新思想新战略，实现了马克思主义中国化时代化新的飞跃。"
    )
    assert _spans(_found(text, "2022-10-16", ("T101",)), text) == []
    named = "深入学习贯彻以习近平同志为核心的党中央治国理政新理念新思想新战略。"
    assert _spans(_found(named, "2022-10-16", ("T101",)), named) == [("T101", "治国理政新理念新思想新战略")]


def test_environmental_protection_departments_are_not_the_old_ministry():
    text = (
        "进入21世纪，国家颁布了一系列环境保护法律、环境保护行政法规、环境保护部门规章和规范性文件，"
        "各级环境保护部门依法履职。"
    )
    assert _spans(_found(text, "2024-10-01", ("T101",)), text) == []
    ministry = "2024年，环境保护部印发了通知。"
    assert _spans(_found(ministry, "2024-10-01", ("T101",)), ministry) == [("T101", "环境保护部")]


def test_wording_the_twentieth_congress_report_itself_uses_is_not_a_variant():
    # 党的二十大报告 (2022-10-16), parts one and seven, word for word
    text = (
        "提出实现中华民族伟大复兴的中国梦，以中国式现代化推进中华民族伟大复兴，统揽伟大斗争、伟大工程、伟大事业、伟大梦想。"
        "动员全体中华儿女围绕实现中华民族伟大复兴中国梦一起来想、一起来干。"
    )
    assert _spans(_found(text, "2022-10-16", ("F101",)), text) == []


def test_some_members_picked_out_by_a_verb_after_the_abbreviation_are_not_an_incomplete_list():
    # 党的二十大报告: the verb 重点纠治 picks two of the 四风 on purpose
    text = "持续深化纠治“四风”，重点纠治形式主义、官僚主义，坚决破除特权思想和特权行为。"
    assert _spans(_found(text, "2022-10-16", ("E1",)), text) == []
    listed = "持续深化纠治“四风”，即形式主义、官僚主义。"
    assert _spans(_found(listed, "2022-10-16", ("E1",)), listed) == [("E103", "即形式主义、官僚主义")]


def test_a_locative_after_the_last_member_is_not_a_wrong_member():
    text = "在统揽伟大斗争、伟大工程、伟大事业、伟大梦想中，起决定性作用的是党的建设新的伟大工程。"
    assert _spans(_found(text, "2019-01-05", ("E1",)), text) == []
    wrong = "在统揽伟大斗争、伟大工程、伟大事业、伟大理想中，起决定性作用的是党的建设新的伟大工程。"
    assert [r for r, _ in _spans(_found(wrong, "2019-01-05", ("E1",)), wrong)] == ["E101"]


def test_twenty_first_century_in_arabic_or_chinese_figures_is_not_reported():
    # 习近平在庆祝改革开放40周年大会上的讲话 (2018) writes 21世纪; the 2021 决议 writes 二十一世纪
    for text in (
        "2018年12月18日\n发展21世纪马克思主义、当代中国马克思主义，是当代中国共产党人责无旁贷的历史责任。\n",
        "2019年1月5日\n发展二十一世纪马克思主义、当代中国马克思主义。\n",
        "2024年3月1日\n这一思想是当代中国马克思主义、21世纪马克思主义。\n",
    ):
        assert [f.rule for f in _found(text, None, ("F1", "T1"))] == []
