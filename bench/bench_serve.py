"""The review page's first check of a 5,000-character text, the server warm.

Starts the application in-process (as ``orgwrite serve`` runs it), checks one text once to warm
the lexicon and rules, then times the first check of each of 7 different 5,000-character texts
(no result cache can help) through the real HTTP stack of Starlette's test client.  Prints min
and median in milliseconds.  Target: ≤ 500 ms.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from starlette.testclient import TestClient

from orgwrite.serve.app import create_app

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    corpus = "".join(p.read_text("utf-8") for p in sorted((ROOT / "tests" / "corpus").glob("*.txt")))
    texts = [corpus[i * 5000 : (i + 1) * 5000] for i in range(8)]
    app = create_app(token="bench", hosts={"127.0.0.1:8765"})
    with TestClient(app, base_url="http://127.0.0.1:8765", headers={"X-Orgwrite-Token": "bench"}) as client:
        client.post("/api/check", json={"text": texts[0]})  # warm: lexicon, rules, jieba
        times = []
        for text in texts[1:]:
            t0 = time.perf_counter()
            r = client.post("/api/check", json={"text": text})
            times.append((time.perf_counter() - t0) * 1000)
            assert r.status_code == 200
    print(
        f"first check of a 5,000-character text, server warm: min {min(times):.0f} ms, median {statistics.median(times):.0f} ms (target ≤ 500 ms)"
    )


if __name__ == "__main__":
    main()
