"""W201 searches all block texts at once; each finding must land in its own block, at its place."""

from __future__ import annotations

from orgwrite.pipeline import check


def _w201(text: str) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.replacement) for f in check(text) if f.rule == "W201"]


def test_a_doubled_character_is_found_in_the_last_paragraph_and_in_a_heading():
    text = "关于做好培训工作的通知\n\n一、在在学习中提高\n\n全面加强干部教育培训。\n\n回顾我们改革发展的的历程。\n"
    assert _w201(text) == [(3, 3, "在"), (7, 9, "的")]


def test_two_paragraphs_that_meet_at_the_same_character_are_no_doubling():
    # 的 ends one paragraph and starts the next: joined for the search by a line break only.
    text = "这是我们的\n\n的确是这样，成绩来之不易。\n"
    assert _w201(text) == []


def test_the_aabb_check_stays_inside_one_paragraph():
    # 实实 ends the paragraph before 在在: across the break that is no AABB, so 在在 is reported.
    text = "把工作做得扎扎实实\n\n在在学习教育中走在前列。\n"
    assert _w201(text) == [(3, 1, "在")]


def test_every_slip_of_a_paragraph_is_found_not_only_the_first():
    # One walk picks the paragraphs that hold a doubled character; each is then searched whole.
    text = "回顾我们改革发展的的历程，努力在在学习教育中走在前列。\n\n把正确政绩观根植于心，在在学习教育中走在前列。\n"
    assert _w201(text) == [(1, 9, "的"), (1, 16, "在"), (3, 12, "在")]


def test_characters_beyond_the_bmp_do_not_shift_or_hide_a_slip():
    # 𠮷 and 😀 are four UTF-8 bytes (two UTF-16 code units) each: columns count characters.
    text = "𠮷😀回顾我们改革发展的的历程，努力在在学习教育中走在前列。\n\n😀的的确确。在在学习教育中走在前列。\n"
    assert _w201(text) == [(1, 11, "的"), (1, 18, "在"), (3, 7, "在")]


def test_a_doubled_character_in_a_word_document_is_found(tmp_path):
    from docx import Document as WordDocument

    from orgwrite.io.read import read_document
    from orgwrite.pipeline import check_document

    path = tmp_path / "slip.docx"
    word = WordDocument()
    word.add_paragraph("全面加强干部教育培训。")
    word.add_paragraph("回顾我们改革发展的的历程。")
    word.save(path)
    found = [(f.line, f.replacement) for f in check_document(read_document(path)).findings if f.rule == "W201"]
    assert found == [(2, "的")]


def test_the_document_scan_picks_the_paragraphs_w201s_own_walk_picks():
    """W201 reads the paragraphs the lexicon scan found doubled characters in, or walks the text
    itself when no scan ran (W201 selected alone): the same paragraphs, the same findings."""
    from pathlib import Path

    from orgwrite.config import Config
    from orgwrite.io.read_text import read_string
    from orgwrite.lexicon import document_hits
    from orgwrite.rules import typos
    from orgwrite.rules.base import Context

    here = Path(__file__).resolve().parent
    texts = [p.read_text("utf-8") for p in sorted((here / "samples").glob("*.txt"))]
    texts += [p.read_text("utf-8") for p in sorted((here / "corpus").glob("*.txt"))[:20]]
    texts += ["的的\n\n在在", "这是我们的\n\n的确是这样", "𠮷回顾我们改革发展的的历程。\n\n在在学习\n", "", "的"]
    picked = 0
    for text in texts:
        doc = read_string(text, "x.txt")
        scanned, alone = Context(config=Config(), as_of=None), Context(config=Config(), as_of=None)
        document_hits(doc, scanned)
        by_scan = typos._candidate_blocks(doc, scanned)
        assert by_scan == typos._candidate_blocks(doc, alone), text[:40]
        assert list(typos.doubled_character(doc, scanned)) == list(typos.doubled_character(doc, alone))
        picked += len(by_scan)
    assert picked > 5  # the constructed texts alone hold 4


def test_a_doubled_character_that_is_also_a_known_string_is_still_found(tmp_path):
    """A user lexicon that lists 在在 makes it a known string: the document scan then finds it as
    that string, so W201 walks the text itself, and reports what it reports without that lexicon."""
    from orgwrite.config import Config
    from orgwrite.io.read_text import read_string
    from orgwrite.pipeline import check_document

    mine = tmp_path / "mine.toml"
    mine.write_text(
        '[[banned]]\nid = "W-mine-zaizai"\ntext = "在在"\nseverity = "info"\nreason = "本单位不用此说法"\n'
        'source = "本单位文稿规范"\n',
        "utf-8",
    )
    text = "关于做好培训工作的通知\n\n一、在在学习中提高\n\n回顾我们改革发展的的历程。\n"

    def found(config: Config) -> list[tuple[str, int, int]]:
        result = check_document(read_string(text, "x.txt"), config)
        return [(f.rule, f.line, f.column) for f in result.findings if f.rule in ("W201", "W102")]

    assert found(Config()) == [("W201", 3, 3), ("W201", 5, 9)]
    assert found(Config(lexicon_files=(mine,))) == [("W102", 3, 3), ("W201", 3, 3), ("W201", 5, 9)]
