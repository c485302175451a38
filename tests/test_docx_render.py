"""The real check: render each exported example with LibreOffice and measure it.

``tests/tools/gbt9704_probe.py`` converts the .docx to PDF (soffice), measures page,
margins, lines per page, characters per line, sizes and page numbers, and reads the
declared fonts.  Every example must give 0 deviations in LibreOffice's own rendering
(no emulation of Word's compressed character grid: the file itself must lay out 22 × 28).  Skipped (with the reason) only
when LibreOffice or pdfplumber is missing; ``.ci/install-render-deps`` installs them.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys

import pytest

from orgwrite.io.read import read_document
from orgwrite.io.write_docx import write_docx
from tests.conftest import HERE, SAMPLES

EXAMPLES = [*sorted(SAMPLES.glob("*.txt")), HERE / "docx" / "frame.md"]
OUTLINES = sorted((HERE.parent / "examples").glob("outline-*"))

MISSING = [
    what
    for what, ok in (
        ("LibreOffice (soffice)", shutil.which("soffice")),
        ("pdfplumber", importlib.util.find_spec("pdfplumber")),
    )
    if not ok
]
pytestmark = pytest.mark.skipif(bool(MISSING), reason="rendering check skipped: missing " + ", ".join(MISSING))


@pytest.fixture(scope="module")
def probe():
    sys.path.insert(0, str(HERE / "tools"))
    try:
        import gbt9704_probe
    finally:
        sys.path.pop(0)
    return gbt9704_probe


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_exported_example_renders_with_zero_deviations(probe, path, tmp_path):
    out = tmp_path / (path.stem + ".docx")
    write_docx(read_document(path), out)
    result = probe.probe(str(out), shutil.which("soffice"), emulate=False)
    assert result["measured"]["pages"] >= 1
    assert result["deviations"] == [], result["deviations"]


@pytest.mark.parametrize("outline", OUTLINES, ids=lambda p: p.name)
def test_every_genre_example_exports_with_zero_deviations(probe, outline, tmp_path):
    """The draft of each bundled genre outline, exported to Word, passes the probe."""
    from orgwrite.draft import draft_outline

    out = tmp_path / (outline.stem + ".docx")
    write_docx(draft_outline(outline).document(), out)
    result = probe.probe(str(out), shutil.which("soffice"), emulate=False)
    assert result["deviations"] == [], result["deviations"]


def test_speech_renders_28_characters_a_line_in_libreoffice(probe, tmp_path):
    """领导讲话 over two pages: LibreOffice itself sets 28 characters a line, 22 lines a page."""
    from orgwrite.draft import draft_outline

    out = tmp_path / "讲话.docx"
    write_docx(draft_outline(HERE.parent / "examples" / "outline-lingdao-jianghua.yaml").document(), out)
    result = probe.probe(str(out), shutil.which("soffice"), emulate=False)
    measured = result["measured"]
    assert measured["pages"] == 2
    assert "word_grid_emulation" not in result
    assert measured["chars_per_full_line"]["mode"] == 28
    assert measured["body_lines_per_full_page"] == [22]
    assert result["deviations"] == []
