"""Bench: read + check a ~100-page .docx, and annotate it (seconds and peak RSS).

    python bench/bench_docx.py [--pages 100] [--keep DIR]

The document is the bundled samples exported together, repeated until it fills about
``--pages`` pages of 22 × 28 characters.  Each phase runs in its own process so the
peak RSS printed is that phase's own.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHARS_PER_PAGE = 22 * 28


def build(path: Path, pages: int) -> int:
    from orgwrite.io.read import read_document
    from orgwrite.io.write_docx import write_docx
    from orgwrite.model import BlockKind, Document

    docs = [read_document(p) for p in sorted((ROOT / "tests" / "samples").glob("*.txt"))]
    blocks = []
    first = True
    while sum(len(b.text) for b in blocks) < pages * CHARS_PER_PAGE * 0.8:
        for d in docs:
            for b in d.blocks:
                if b.kind is BlockKind.CHROME or (b.kind is BlockKind.TITLE and not first):
                    continue
                blocks.append(b)
                first = False
    write_docx(Document(blocks=blocks), path, force=True)
    return sum(len(b.text) for b in blocks)


def phase(name: str, path: Path, out: Path) -> None:
    from orgwrite.pipeline import check_path

    start = time.perf_counter()
    result = check_path(path)
    if name == "annotate":
        from orgwrite.io.annotate_docx import annotate_docx

        annotate_docx(path, result.findings, out, force=True)
    seconds = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    paragraphs = len(result.document.lines)
    print(
        f"{name:<18} {seconds:6.2f} s   peak RSS {rss:6.1f} MB   {paragraphs} paragraphs, {len(result.findings)} findings"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--keep", type=Path)
    ap.add_argument("--phase", help=argparse.SUPPRESS)
    ap.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.phase:
        phase(a.phase, a.file, a.file.with_name("annotated.docx"))
        return
    folder = a.keep or Path(tempfile.mkdtemp(prefix="orgwrite-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "bench.docx"
    chars = build(path, a.pages)
    print(
        f"document: {path} ({chars} characters ≈ {chars / CHARS_PER_PAGE:.0f} pages, {path.stat().st_size // 1024} KB)"
    )
    for name in ("read+check", "read+check+annotate"):
        key = "annotate" if "annotate" in name else "check"
        subprocess.run([sys.executable, __file__, "--phase", key, "--file", str(path)], check=True)


if __name__ == "__main__":
    main()
