"""Sources a reviewer trusts: every lexicon entry names its primary document, never a
reposting page or an internal research tag, and ``orgwrite lexicon show`` prints it."""

from __future__ import annotations

import re

import pytest

from orgwrite.lexicon import load_lexicon

#: Sites a 组织部 reviewer accepts as the place of an official text.
OFFICIAL = re.compile(
    r"https?://(?:[\w-]+\.)*(?:gov\.cn|people\.com\.cn|xinhuanet\.com|news\.cn|12371\.cn|qstheory\.cn|gmw\.cn|cctv\.com)/"
)
URL = re.compile(r"https?://[!-~]+")

ENTRIES = list(load_lexicon().entries.values())


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_source_is_a_primary_document(entry):
    source = entry.source
    assert source.strip(), entry.id
    assert "lexicon-facts" not in source and "笔记" not in source, source
    for url in URL.findall(source):
        assert OFFICIAL.match(url), f"{entry.id}: reposting page {url}"
    # A document, a speech, a meeting, a standard or dictionary — or an explicit rationale.
    assert re.search(
        r"《|报告|讲话|会议|全会|公报|GB/T|理据：|决议|意见|通知|条例|印发|通过|制定|批准|发布|国务院令|国家标准",
        source,
    ), source
    assert not source.startswith(("（", "）", "；")) and source.count("（") == source.count("）"), source


def test_lexicon_show_prints_the_primary_source(cli):
    r = cli("lexicon", "show", "T-core-party-central")
    out = r.stdout.decode("utf-8")
    assert r.returncode == 0
    assert "source: 《中国共产党第十八届中央委员会第六次全体会议公报》（2016-10-27）" in out
