"""Planted-error audit of ``orgwrite check`` on held-out published texts.

Why: recall and precision measured on texts the rules were never tuned on.  With a fixed seed the
script plants one typical error per copy of a held-out paragraph (the error classes of the
detection issue: stated counts, numbers, dated wording, word choice, formulations), checks the
planted copy and the untouched text through the public API (``orgwrite.check`` with a
``Config`` carrying the source's as-of date, as ``orgwrite check --as-of`` would), and prints
per class: planted, caught, recall, and the same on natural hosts only (no inserted sentence).  A plant is caught when a finding of the expected rule
family overlaps the planted span and was not already there in the untouched text.

Planting looks for a natural host first (a correct phrase the writer got right, turned into the
typical wrong form: a count, an ordinal, a rate, 既要, 权力, the core formulation, a spelled-out
enumeration); only where real texts have too few hosts does it insert a sentence built from the
shapes these texts use (其中 breakdowns, a statistic stated a second time, enumerations).

Run from the repository root::

    .venv/bin/python bench/audit_detection.py                 # the table
    .venv/bin/python bench/audit_detection.py --verbose       # + every miss and false alarm
    .venv/bin/python bench/audit_detection.py --findings      # every finding on the untouched
                                                              # held-out files, grouped by rule
    .venv/bin/python bench/audit_detection.py --heldout /work/heldout --seed 7 --per-class 60

A copy of this script outside a repository uses the repository of the current directory (its
orgwrite/ and lexicon/).  ``--heldout`` is a folder of .txt files (one paragraph per line) with a SOURCES.md table whose
columns include ``file`` and ``date``; the default is bench/heldout.  ``--class E-`` limits the
run to classes starting with that prefix; ``--jobs N`` checks in N processes.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

HAN = "\u4e00-\u9fa5"
CN_DIGITS = "零一二三四五六七八九"


def cn_count(n: int) -> str:
    """A count as written before a classifier (两个, 三项, 十一个)."""
    if n == 2:
        return "两"
    return cn_number(n)


def cn_number(n: int) -> str:
    if n < 10:
        return CN_DIGITS[n]
    if n < 20:
        return "十" + (CN_DIGITS[n - 10] if n > 10 else "")
    return CN_DIGITS[n // 10] + "十" + (CN_DIGITS[n % 10] if n % 10 else "")


def parse_cn(s: str) -> int | None:
    """两/三/十一/二十 → int; None for anything else."""
    s = s.replace("两", "二")
    if not s or any(c not in CN_DIGITS + "十" for c in s):
        return None
    if "十" not in s:
        return CN_DIGITS.index(s) if len(s) == 1 else None
    a, _, b = s.partition("十")
    tens = CN_DIGITS.index(a) if a else 1
    ones = CN_DIGITS.index(b) if b else 0
    return tens * 10 + ones


CN_NUM_RE = "[两二三四五六七八九十]{1,3}"


# ---------------------------------------------------------------------------------------------
# Corpus
# ---------------------------------------------------------------------------------------------


@dataclass
class Text:
    name: str
    lines: list[str]
    as_of: date | None

    @property
    def year(self) -> int:
        return self.as_of.year if self.as_of else 0


def load_corpus(folder: Path) -> list[Text]:
    dates: dict[str, date] = {}
    sources = folder / "SOURCES.md"
    if sources.exists():
        header: list[str] | None = None
        for row in sources.read_text(encoding="utf-8").splitlines():
            if not row.startswith("|"):
                header = None
                continue
            cells = [c.strip() for c in row.strip("|").split("|")]
            if header is None:
                header = cells
                continue
            if "file" in header and "date" in header and len(cells) == len(header):
                m = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", cells[header.index("date")])
                if m:
                    dates[cells[header.index("file")]] = date(int(m[1]), int(m[2]), int(m[3] or 1))
    texts = []
    for path in sorted(folder.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        texts.append(Text(path.name, lines, dates.get(path.name)))
    return texts


# ---------------------------------------------------------------------------------------------
# Plants
# ---------------------------------------------------------------------------------------------


@dataclass
class Plant:
    """One error planted into a copy of ``text``: lines [start, end) replaced by ``new``."""

    cls: str
    text: Text
    start: int
    end: int
    new: list[str]
    spans: list[tuple[int, int, int]]  # (line index in the planted file, col0, col1), 0-based, end excl.
    note: str
    undated: bool = False  # check the host paragraph alone, as-of inferred from its content
    inserted: bool = False  # a sentence built from real shapes was inserted (no natural host)
    findings: list = field(default_factory=list)
    caught: bool = False

    def planted_lines(self) -> list[str]:
        return self.text.lines[: self.start] + self.new + self.text.lines[self.end :]


def one_line(cls: str, t: Text, i: int, new: str, c0: int, c1: int, note: str, **kw) -> Plant:
    return Plant(cls, t, i, i + 1, [new], [(i, c0, c1)], note, **kw)


def replace_at(cls: str, t: Text, i: int, m0: int, m1: int, wrong: str, note: str, **kw) -> Plant:
    line = t.lines[i]
    return one_line(cls, t, i, line[:m0] + wrong + line[m1:], m0, m0 + len(wrong), note, **kw)


def sentence_slots(line: str) -> list[int]:
    """Offsets where a new sentence may start inside a paragraph (start, after each 。)."""
    slots = [0] if len(line) > 0 else []
    slots += [k + 1 for k, ch in enumerate(line) if ch == "。" and 0 < k + 1 < len(line)]
    if line.endswith("。"):
        slots.append(len(line))
    return slots


def is_body(line: str) -> bool:
    return len(line) >= 60 and line.endswith("。") and not re.match(r"^[（(]?[一二三四五六七八九十\d]+[）)、.．]", line)


def insert_sentence(
    cls: str, t: Text, i: int, sentence: str, rng: random.Random, sub: tuple[int, int], note: str, **kw
):
    """Insert ``sentence`` at a sentence boundary of line i; ``sub`` is the planted span inside it."""
    line = t.lines[i]
    pos = rng.choice(sentence_slots(line))
    new = line[:pos] + sentence + line[pos:]
    return one_line(cls, t, i, new, pos + sub[0], pos + sub[1], note, inserted=True, **kw)


def body_hosts(texts: list[Text], pred=None) -> list[tuple[Text, int]]:
    out = []
    for t in texts:
        for i, line in enumerate(t.lines):
            if is_body(line) and (pred is None or pred(t, line)):
                out.append((t, i))
    return out


def wrong_count(k: int, rng: random.Random) -> int:
    choices = [k + 1, k + 1, k - 1, k + 2] if k > 2 else [k + 1, k + 2, k + 1]
    return rng.choice([c for c in choices if c >= 2 and c != k])


# --- E: stated counts ---------------------------------------------------------------------------

ITEM = rf"(?:“[^”“]{{1,12}}”|(?:(?![的等和与及为各之以在对])[{HAN}]){{2,8}})"
LIST_NOUNS = "方面|领域|行业|环节|产业|问题|任务|工程|行动|机制|体系|平台|板块|群体|要素|指标|内容|环境|能力|短板"
CLASSIFIER = {
    "个": "方面|领域|行业|环节|问题|平台|板块|群体|要素|指标|短板",
    "项": "任务|工程|行动|机制|指标|内容",
    "大": "产业|板块|体系|工程|行动|领域|行业|群体",
}
LIST_NOUN_RE = re.compile(rf"(?<![等和与及、{HAN}])((?:{ITEM}、){{2,6}}{ITEM})({LIST_NOUNS})")
LIST_COUNT_RE = re.compile(rf"((?:{ITEM}、){{2,6}}{ITEM})({CN_NUM_RE})(个|项|大|类|种|张|条|支)([{HAN}]{{0,2}})")


def _items(listed: str) -> list[str]:
    parts = re.findall(r"“[^”“]*”|[^、“”]+", listed)
    return [p for p in parts if p.strip("、")]


def plant_list_count(texts, rng):
    out = []
    for t in texts:
        for i, line in enumerate(t.lines):
            for m in LIST_COUNT_RE.finditer(line):  # an existing, correct count after a list: make it wrong
                items = _items(m[1])
                k = parse_cn(m[2])
                if k is None or k != len(items) or "等" in m[1] or "和" in m[1][-4:]:
                    continue
                w = cn_count(wrong_count(k, rng))
                s = m.start(1)
                new = line[: m.start(2)] + w + line[m.end(2) :]
                out.append(one_line("E-list-count", t, i, new, s, m.end(4) + len(w) - len(m[2]), f"{m[0]} → {w}"))
            for m in LIST_NOUN_RE.finditer(line):  # a list followed by its noun: insert a wrong count
                items = _items(m[1])
                if len(items) < 3 or any(len(x) > 10 for x in items):
                    continue
                noun = m[2]
                cl = rng.choice([c for c, ns in CLASSIFIER.items() if re.fullmatch(ns, noun)] or ["个"])
                w = cn_count(wrong_count(len(items), rng)) + cl
                new = line[: m.end(1)] + w + line[m.end(1) :]
                out.append(one_line("E-list-count", t, i, new, m.start(1), m.end(2) + len(w), f"{m[1]}+{w}{noun}"))
    return out


MARKERS = ["一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是"]
LEADS_INLINE = [
    "主要抓了{n}个方面：",
    "重点做好{n}项工作：",
    "具体有{n}点：",
    "着重抓好以下{n}件事：",
    "主要体现在{n}个方面：",
    "重点推进{n}个方面工作：",
    "主要采取了{n}项措施：",
    "突出抓好{n}个重点：",
]
COUNT_BEFORE_COLON = re.compile(rf"({CN_NUM_RE})(个方面|个|项|件|点|条|大)([{HAN}]{{0,8}})：")


def _last(matches):
    """The last of an iterator of matches, or None."""
    last = None
    for last in matches:  # noqa: B007
        pass
    return last


def _marker_run(line: str, start: int) -> list[int]:
    """Positions of 一是, 二是, … in order from ``start``; stops at the first gap."""
    pos = []
    k = start
    for mk in MARKERS:
        j = line.find(mk, k)
        if j < 0:
            break
        pos.append(j)
        k = j + 2
    return pos


def plant_colon_count(texts, rng):
    out = []
    for t in texts:
        lines = t.lines
        for i, line in enumerate(lines):
            j = line.find("一是")
            if j >= 0:
                run = _marker_run(line, j)
                if 2 <= len(run) < len(MARKERS) and line.find(MARKERS[len(run)], run[-1]) < 0:
                    k = len(run)
                    before = line[:j]
                    m = _last(COUNT_BEFORE_COLON.finditer(before))
                    n = cn_count(wrong_count(k, rng))
                    if m and m.end() == j and parse_cn(m[1]) == k:
                        new = line[: m.start(1)] + n + line[m.end(1) :]
                        out.append(
                            one_line(
                                "E-colon-count", t, i, new, m.start(1), m.end() + len(n) - len(m[1]), f"{m[0]} → {n}"
                            )
                        )
                    else:
                        lead = rng.choice(LEADS_INLINE).format(n=n)
                        if j == 0 or before.endswith("。"):
                            new, s = line[:j] + lead + line[j:], j
                        elif before.endswith(("：", "，")):
                            new, s = line[: j - 1] + "，" + lead + line[j:], j
                        else:
                            new = None
                        if new:
                            out.append(one_line("E-colon-count", t, i, new, s, s + len(lead), f"+{lead} ({k} items)"))
            # items on the following lines
            style = _item_style(lines[i + 1]) if i + 1 < len(lines) else None
            if (
                style
                and (line.endswith("：") or is_body(line) or _heading(line))
                and not _item_style(line)
                and not line.startswith("附")
            ):
                k = 0
                while i + 1 + k < len(lines) and _item_no(lines[i + 1 + k], style) == k + 1:
                    k += 1
                if not 2 <= k <= 9:
                    continue
                n = cn_count(wrong_count(k, rng))
                items = lines[i + 1 : i + 1 + k]
                if rng.random() < 0.5:
                    new_style = rng.choice(["1、", "（1）", "①", "第一，", "1."])
                    items = [_renumber(x, style, new_style, q + 1) for q, x in enumerate(items)]
                m = COUNT_BEFORE_COLON.search(line)
                if line.endswith("：") and m and m.end() == len(line) and parse_cn(m[1]) == k:
                    lead = line[: m.start(1)] + n + line[m.end(1) :]
                    sp = (m.start(1), m.start(1) + len(n) + len(m[0]) - len(m[1]))
                    out.append(Plant("E-colon-count", t, i, i + 1 + k, [lead, *items], [(i, *sp)], f"{m[0]} → {n}"))
                elif line.endswith("："):
                    add = rng.choice(
                        ["，主要有以下{n}个方面：", "，具体包括{n}项：", "，重点做好以下{n}项工作："]
                    ).format(n=n)
                    lead = line[:-1] + add
                    out.append(
                        Plant(
                            "E-colon-count",
                            t,
                            i,
                            i + 1 + k,
                            [lead, *items],
                            [(i, len(line) - 1, len(lead))],
                            f"+{add} ({k} lines)",
                        )
                    )
                else:
                    add = rng.choice(
                        ["重点做好以下{n}项工作：", "主要有以下{n}个方面：", "具体抓好{n}件事：", "主要措施有{n}条："]
                    ).format(n=n)
                    out.append(
                        Plant(
                            "E-colon-count",
                            t,
                            i + 1,
                            i + 1 + k,
                            [add, *items],
                            [(i + 1, 0, len(add))],
                            f"new lead {add} ({k} lines)",
                        )
                    )
    return out


ITEM_STYLES = {
    "1、": r"^(\d{1,2})、",
    "1.": r"^(\d{1,2})[.．](?!\d)",
    "（1）": r"^[（(](\d{1,2})[）)]",
    "①": r"^([①②③④⑤⑥⑦⑧⑨⑩])",
    "第一，": r"^第([一二三四五六七八九十]{1,2})[，、]",
    "（一）": r"^（([一二三四五六七八九十]{1,2})）",
}


def _item_style(line: str) -> str | None:
    for st, rx in ITEM_STYLES.items():
        if re.match(rx, line) and _item_no(line, st) == 1:
            return st
    return None


def _heading(line: str) -> bool:
    return 4 <= len(line) <= 40 and not line.endswith(("。", "；", "，"))


def _item_no(line: str, style: str) -> int | None:
    m = re.match(ITEM_STYLES[style], line)
    if not m:
        return None
    g = m[1]
    if g.isdigit():
        return int(g)
    if g in "①②③④⑤⑥⑦⑧⑨⑩":
        return "①②③④⑤⑥⑦⑧⑨⑩".index(g) + 1
    return parse_cn(g)


def _renumber(line: str, old: str, new: str, n: int) -> str:
    body = re.sub(ITEM_STYLES[old], "", line, count=1)
    body = body.lstrip("、，. ")
    mark = {
        "1、": f"{n}、",
        "（1）": f"（{n}）",
        "①": "①②③④⑤⑥⑦⑧⑨⑩"[n - 1],
        "第一，": f"第{cn_number(n)}，",
        "1.": f"{n}.",
    }[new]
    return mark + body


SEMI_RE = re.compile(r"：([^。：；]{3,100}(?:；[^。：；]{3,100}){1,9})(?:。|$)")


def plant_semicolon(texts, rng):
    out = []
    for t in texts:
        for i, line in enumerate(t.lines):
            for m in SEMI_RE.finditer(line):
                seg = m[1]
                if "一是" in seg:  # 一是……；二是…… → the same items without the markers
                    if not seg.startswith("一是"):
                        continue
                    stripped = re.sub(r"(^|；)[一二三四五六七八九十]是", r"\1", seg)
                    seg_new = stripped
                else:
                    seg_new = seg
                k = seg_new.count("；") + 1
                n = cn_count(wrong_count(k, rng))
                before = line[: m.start()]
                cm = _last(COUNT_BEFORE_COLON.finditer(line[: m.start() + 1]))
                if cm and cm.end() == m.start() + 1 and parse_cn(cm[1]) == k and seg_new == seg:
                    new = line[: cm.start(1)] + n + line[cm.end(1) :]
                    out.append(
                        one_line(
                            "E-semicolon", t, i, new, cm.start(1), cm.end() + len(n) - len(cm[1]), f"{cm[0]} → {n}"
                        )
                    )
                    continue
                if cm and cm.end() == m.start() + 1:
                    continue  # a count of something else
                lead = rng.choice(
                    ["，主要有{n}个方面", "，具体包括{n}项", "，主要体现在{n}个方面", "，归纳起来有{n}点"]
                ).format(n=n)
                if before.endswith(("，", "。")) or not before:
                    continue
                new = before + lead + "：" + seg_new + line[m.end(1) :]
                out.append(
                    one_line(
                        "E-semicolon",
                        t,
                        i,
                        new,
                        len(before),
                        len(before) + len(lead) + 1 + len(seg_new),
                        f"+{lead} ({k} items)",
                    )
                )
            out.extend(_semicolon_from_markers(t, i, rng))
            out.extend(_semicolon_from_item_lines(t, i, rng))
    return out


def _semicolon_from_item_lines(t, i, rng):
    """Short numbered item lines 1. A / 2. B / 3. C written as one paragraph (lead)：A；B；C。"""
    lines = t.lines
    style = _item_style(lines[i]) if i == 0 or not _item_style(lines[i - 1]) else None
    if not style or style == "（一）":
        return []
    k = 0
    while i + k < len(lines) and _item_no(lines[i + k], style) == k + 1:
        k += 1
    if not 2 <= k <= 9:
        return []
    bodies = [re.sub(ITEM_STYLES[style], "", x, count=1).lstrip("、，. ").rstrip("。；;") for x in lines[i : i + k]]
    if any(not 4 <= len(b) <= 50 or re.search(r"[。：；]", b) for b in bodies):
        return []
    n = cn_count(wrong_count(k, rng))
    lead = rng.choice(
        ["重点做好以下{n}项工作：", "主要有{n}个方面：", "具体包括{n}项内容：", "主要措施有{n}条："]
    ).format(n=n)
    new = lead + "；".join(bodies) + "。"
    return [Plant("E-semicolon", t, i, i + k, [new], [(i, 0, len(new) - 1)], f"{k} item lines joined, +{lead}")]


def _semicolon_from_markers(t, i, rng):
    """一是A；二是B；三是C。 → (lead)：A；B；C。 — the same items, announced with a wrong count."""
    line = t.lines[i]
    j = line.find("一是")
    run = _marker_run(line, j) if j >= 0 else []
    if len(run) < 2 or len(run) >= len(MARKERS) or line.find(MARKERS[len(run)], run[-1]) >= 0:
        return []
    segs = [line[a + 2 : b] for a, b in zip(run, [*run[1:], None], strict=True)]
    end = segs[-1].find("。")
    if end >= 0 and all(x.endswith("。") and x.count("。") == 1 and len(x) <= 80 for x in segs[:-1]):
        segs[:-1] = [x[:-1] + "；" for x in segs[:-1]]  # one sentence per item: writers join them with ；
    if end < 0 or any(not x.endswith("；") or "。" in x or x.count("；") != 1 for x in segs[:-1]):
        return []
    if "；" in segs[-1][:end]:
        return []  # an item with its own ；: without the markers the text would show more items
    tail = segs[-1][end:]
    segs[-1] = segs[-1][:end]
    body = "".join(segs)
    before = line[:j].rstrip("：，")
    n = cn_count(wrong_count(len(run), rng))
    lead = rng.choice(LEADS_INLINE).format(n=n)
    sep = "，" if before and not before.endswith("。") else ""
    new = before + sep + lead + body + tail
    s0 = len(before) + len(sep)
    return [
        one_line(
            "E-semicolon", t, i, new, s0, s0 + len(lead) + len(body), f"markers dropped, +{lead} ({len(run)} items)"
        )
    ]


# --- N: numbers ---------------------------------------------------------------------------------

ARABIC = {c: str(i) for i, c in enumerate(CN_DIGITS)}


def arabic(cn: str) -> str:
    v = parse_cn(cn)
    return str(v) if v is not None else cn


ORDINAL_PATTERNS = [
    (
        re.compile(
            r"第([一二三四五六七八九十]{1,3})届(?=[^，。；]{0,12}(?:人民代表大会|委员会|党代会|代表大会|人大|政协))"
        ),
        lambda m, r: f"第{arabic(m[1])}届",
    ),
    (
        re.compile(r"([十二]{1,2}[一二三四五六七八九]?)届([一二三四五六七八九])中全会"),
        lambda m, r: r.choice(
            [f"{arabic(m[1])}届{arabic(m[2])}中全会", f"{m[1]}届{arabic(m[2])}中全会", f"{arabic(m[1])}届{m[2]}中全会"]
        ),
    ),
    (
        re.compile(
            r"(?:(?<=人民代表大会)|(?<=委员会))第([一二三四五六七八九十]{1,3})次(全体会议|会议)|第([一二三四五六七八九十]{1,3})次(全国代表大会|党代会|代表大会)"
        ),
        lambda m, r: f"第{arabic(m[1] or m[3])}次{m[2] or m[4]}",
    ),
    (re.compile(r"党的(十八|十九|二十)大"), lambda m, r: f"党的{arabic(m[1])}大"),
    (
        re.compile(r"“(七一|八一|五四|十一)”"),
        lambda m, r: "“" + {"七一": "7·1", "八一": "8·1", "五四": "5·4", "十一": "10·1"}[m[1]] + "”",
    ),
]
QIYI_SENTENCES = [
    "在庆祝“7·1”建党节之际，各支部开展了形式多样的主题党日活动。",
    "“7·1”前夕，党委对优秀共产党员和先进基层党组织进行了表彰。",
    "结合“7·1”建党纪念日，组织党员重温入党誓词。",
]


def plant_fixed_ordinal(texts, rng):
    out = []
    for t in texts:
        for i, line in enumerate(t.lines):
            for rx, make in ORDINAL_PATTERNS:
                for m in rx.finditer(line):
                    wrong = make(m, rng)
                    if wrong != m[0]:
                        out.append(replace_at("N-fixed-ordinal", t, i, m.start(), m.end(), wrong, f"{m[0]} → {wrong}"))
    hosts = body_hosts([t for t in texts if "dangjian" in t.name or "zuzhi" in t.name or "shuzhi" in t.name])
    for t, i in rng.sample(hosts, min(12, len(hosts))):
        s = rng.choice(QIYI_SENTENCES)
        k = s.index("“7·1”")
        out.append(insert_sentence("N-fixed-ordinal", t, i, s, rng, (k, k + 5), "+“7·1”"))
    return out


RATE_RE = re.compile(
    rf"([{HAN}]{{0,8}}(?:率|比例|占比|满意度|比重))(达到|达|为|提高到|提升到|提升至|提高至|保持在|稳定在|超过|均达|分别为)?(\d{{1,3}}(?:\.\d{{1,2}})?)([%％])"
)
SHARE_RE = re.compile(rf"(占[{HAN}“”（）]{{1,14}}的?)(\d{{1,3}}(?:\.\d{{1,2}})?)([%％])")


def _over_100(v: str, rng: random.Random) -> str | None:
    x = float(v)
    options = []
    if "." in v and float(v.replace(".", "")) > 100:
        options.append(v.replace(".", ""))  # the decimal point lost
    if x >= 80:
        options.append(f"{x + rng.choice([10, 12, 20, 15]):g}")  # mistyped leading digit
    if x < 100:
        options.append("1" + v if x >= 10 else "10" + v)
    options = [o for o in options if float(o) > 100]
    return rng.choice(options) if options else None


def plant_rate(texts, rng):
    out = []
    for t in texts:
        for i, line in enumerate(t.lines):
            for m in RATE_RE.finditer(line):
                if re.search(r"增长率|增速|增幅|回报率|贡献率|利率|汇率|税率|倍率|费率|收益率|变化率", m[1]):
                    continue
                if line[m.end() : m.end() + 2] in ("以上", "左右") and rng.random() < 0.5:
                    continue
                w = _over_100(m[3], rng)
                if not w:
                    continue
                sign = rng.choice(["%", "％"])
                new = line[: m.start(3)] + w + sign + line[m.end(4) :]
                out.append(
                    one_line("N-rate-over-100", t, i, new, m.start(1), m.start(3) + len(w) + 1, f"{m[0]} → {w}{sign}")
                )
            for m in SHARE_RE.finditer(line):
                if "增长" in m[1] or "提高" in m[1]:
                    continue
                w = _over_100(m[2], rng)
                if not w:
                    continue
                sign = rng.choice(["%", "％"])
                new = line[: m.start(2)] + w + sign + line[m.end(3) :]
                out.append(
                    one_line("N-rate-over-100", t, i, new, m.start(1), m.start(2) + len(w) + 1, f"{m[0]} → {w}{sign}")
                )
    return out


SCOPES = ["全市", "全县", "全区", "全省", "全校", "全系统", "本单位", "全镇"]
BREAKDOWN_SHAPES = [
    # (total noun, unit, disjoint parts, overlapping parts)
    (
        "党员",
        "名",
        ["农村党员", "机关党员", "“两新”组织党员", "城市社区党员", "国有企业党员", "事业单位党员"],
        ["女党员", "少数民族党员", "35岁以下党员", "大专以上学历党员"],
    ),
    ("基层党组织", "个", ["党委", "党总支", "党支部"], []),
    ("在职教职工", "人", ["专任教师", "行政后勤人员"], ["中共党员", "高级职称教师", "女教职工"]),
    ("问题线索", "件", ["初核", "谈话函询", "暂存待查", "予以了结"], ["立案审查"]),
]
TRAINING = [
    ("培训党员干部", "人次", ["线上培训", "线下集中培训"]),
    ("开展志愿服务", "人次", ["党员志愿者参与", "群众参与"]),
]


def _num(x: float, big: bool) -> str:
    return f"{x / 10000:.2f}".rstrip("0").rstrip(".") + "万" if big else str(int(x))


def plant_breakdown(texts, rng):
    out = []
    hosts = body_hosts(texts)
    rng.shuffle(hosts)
    for n, (t, i) in enumerate(hosts[:120]):
        year = max(t.year - 1, 2012) if t.year else 2023
        scope = rng.choice(SCOPES)
        lead = rng.choice([f"截至{year}年底，", f"{year}年，", "目前，", ""])
        if n % 4 == 3:
            what, unit, kinds = rng.choice(TRAINING)
            total = rng.randrange(1200, 90000)
            big = total > 20000 and rng.random() < 0.5
            a = int(total * rng.uniform(0.55, 0.8))
            b = total - a + rng.randrange(max(2, total // 20), max(3, total // 5))
            parts = f"{kinds[0]}{_num(a, big)}{unit}、{kinds[1]}{_num(b, big)}{unit}"
            s = f"{lead}{scope}累计{what}{_num(total, big)}{unit}，其中{parts}。"
        else:
            noun, unit, disjoint, overlap = rng.choice(BREAKDOWN_SHAPES)
            total = rng.randrange(60, 400) if unit != "名" else rng.randrange(300, 180000)
            big = unit == "名" and total > 20000 and rng.random() < 0.5
            if overlap and rng.random() < 0.35:  # one overlapping part larger than the whole
                kind = rng.choice(overlap)
                part = total + rng.randrange(max(2, total // 50), max(3, total // 8))
                parts = f"{kind}{_num(part, big)}{unit}"
            else:
                kinds = rng.sample(disjoint, min(len(disjoint), rng.choice([2, 3, 3])))
                shares = [rng.uniform(0.2, 0.5) for _ in kinds]
                scale = rng.uniform(1.08, 1.35) / sum(shares)
                vals = [int(total * s * scale) for s in shares]
                parts = "、".join(f"{k}{_num(v, big)}{unit}" for k, v in zip(kinds, vals, strict=True))
            verb = "共有" if noun != "问题线索" else "共受理"
            s = f"{lead}{scope}{verb}{noun}{_num(total, big)}{unit}，其中{parts}。"
        k = s.index("，其中")
        out.append(
            insert_sentence("N-breakdown", t, i, s, rng, (k - len(_num(total, big)) - len(unit) - 2, len(s) - 1), s)
        )
    out.extend(_natural_breakdowns(texts, rng))
    return out


QIZHONG_RE = re.compile(r"(\d+(?:\.\d+)?)(万)?(名|个|人次|人|家|所|项|件|户)[^，。；]{0,12}，其中([^。；]{2,80})")


def _natural_breakdowns(texts, rng):
    out = []
    for t in texts:
        for i, line in enumerate(t.lines):
            for m in QIZHONG_RE.finditer(line):
                if ("." in m[1] and not m[2]) or not re.search(
                    r"(共|有|总|累计|全|达|完成|建设|新增)[^，。；]{0,10}$", line[max(0, m.start() - 12) : m.start()]
                ):
                    continue
                parts = list(re.finditer(rf"(\d+(?:\.\d+)?)({m[2] or ''}){m[3]}", m[4]))
                if not parts:
                    continue
                p = rng.choice(parts)
                total = float(m[1])
                wrong = f"{total * rng.uniform(1.1, 1.5):.{1 if '.' in m[1] else 0}f}"
                a = m.start(4) + p.start(1)
                new = line[:a] + wrong + line[a + len(p[1]) :]
                out.append(
                    one_line(
                        "N-breakdown", t, i, new, m.start(1), a + len(wrong), f"part {p[0]} → {wrong} (total {m[1]})"
                    )
                )
    return out


STAT_RE = re.compile(
    r"((?:截至|截止)\d{4}年(?:底|末|\d{1,2}月(?:底|末)?)|\d{4}年(?:底|末|全年|上半年)?|全年|去年|过去一年)，"
    r"([^，。；：\d]{2,24}?)(\d+(?:\.\d+)?)(万|亿)?(名|个|人|亿元|万元|元|家|户|公里|项|所|吨|万人|人次|件|套|辆|平方米|亩)"
)
STAT_SHAPES = [  # (shape, value is in 万)
    ("截至{y}年底，{s}共有党员{v}万名", True),
    ("截至{y}年底，{s}共有基层党组织{v}个", False),
    ("{y}年，{s}共发展党员{v}名", False),
    ("{y}年，{s}累计培训党员干部{v}万人次", True),
    ("截至{y}年底，{s}共有在职教职工{v}人", False),
    ("{y}年，{s}新增城镇就业{v}万人", True),
    ("截至{y}年底，{s}共有党员{v}名", False),
    ("{y}年，{s}累计培训党员干部{v}人次", False),
]


def plant_same_stat(texts, rng):
    out = []
    for t in texts:
        for i, line in enumerate(t.lines):
            for m in STAT_RE.finditer(line):
                if len(m[2]) < 4 or re.search(r"增长|下降|同比|比上年|提高|减少|迈上|突破|超过", m[2]):
                    continue
                out.extend(_restate(t, i, m.start(), m.start(3), m.end(3), m.end(), rng, m[0]))
    hosts = body_hosts([t for t in texts if t.as_of])
    for t, i in rng.sample(hosts, 70):
        y = t.year - 1
        shape, wan = rng.choice(STAT_SHAPES)
        v = f"{rng.uniform(1, 30):.1f}" if wan else str(rng.randrange(120, 9000))
        scope = rng.choice(["全市", "全省", "全区"] if "就业" in shape else SCOPES)
        stat = shape.format(y=y, s=scope, v=v)
        line = t.lines[i]
        pos = rng.choice(sentence_slots(line))
        new = line[:pos] + stat + "。" + line[pos:]
        host = Text(t.name, [*t.lines[:i], new, *t.lines[i + 1 :]], t.as_of)
        a = pos + stat.index(v)
        for p in _restate(host, i, pos, a, a + len(v), pos + len(stat), rng, stat):
            p.text = t
            p.inserted = True
            out.append(p)
    return out


def _restate(t, i, s0, v0, v1, s1, rng, stat):
    """The statement line[s0:s1] (value at v0:v1) stated again, with another value, in a later paragraph."""
    line = t.lines[i]
    v = line[v0:v1]
    x = float(v)
    nv = f"{x * rng.choice([0.9, 0.95, 1.05, 1.1, 1.2]) + (0.1 if '.' in v else 1):.{len(v.split('.')[1]) if '.' in v else 0}f}"
    if nv == v:
        return []
    second = line[s0:v0] + nv + line[v1:s1]
    later = [j for j in range(i + 1, min(len(t.lines), i + 30)) if is_body(t.lines[j])]
    if not later:
        return []
    j = rng.choice(later)
    pos = rng.choice(sentence_slots(t.lines[j]))
    new_j = t.lines[j][:pos] + second + "。" + t.lines[j][pos:]
    off = pos + (v0 - s0)
    spans = [(j, off, off + len(nv)), (i, v0, v1)]
    return [
        Plant("N-same-stat", t, i, j + 1, [*t.lines[i:j], new_j], spans, f"{stat} restated as {nv} on line {j + 1}")
    ]


# --- T: dated wording ---------------------------------------------------------------------------

# (old wording, current wording (a natural host), date from which the old wording is outdated,
#  sentence shapes carrying the old wording)
DATED = [
    (
        "决胜全面建成小康社会",
        "全面建设社会主义现代化国家",
        date(2021, 7, 1),
        ["奋力夺取决胜全面建成小康社会的新胜利。", "为决胜全面建成小康社会作出新的更大贡献。"],
    ),
    (
        "坚决打赢脱贫攻坚战",
        "巩固拓展脱贫攻坚成果",
        date(2021, 2, 25),
        ["坚决打赢脱贫攻坚战，确保现行标准下农村贫困人口全部脱贫。"],
    ),
    (
        "五大发展理念",
        "新发展理念",
        date(2017, 10, 18),
        ["牢固树立和贯彻落实五大发展理念，推动高质量发展。", "坚持以五大发展理念引领经济社会发展。"],
    ),
    ("新时期好干部标准", "新时代好干部标准", date(2020, 1, 1), ["坚持新时期好干部标准，树立重实干重实绩的用人导向。"]),
    (
        "打铁还需自身硬",
        "打铁必须自身硬",
        date(2017, 10, 18),
        ["打铁还需自身硬，各级党组织要切实扛起管党治党政治责任。"],
    ),
    ("全过程民主", "全过程人民民主", date(2021, 7, 1), ["坚持和发展全过程民主，支持人大依法履职。"]),
    (
        "马克思主义中国化最新成果",
        "马克思主义中国化时代化最新成果",
        date(2022, 10, 16),
        ["习近平新时代中国特色社会主义思想是马克思主义中国化最新成果。"],
    ),
    (
        "中央全面深化改革领导小组",
        "中央全面深化改革委员会",
        date(2018, 3, 21),
        ["认真落实中央全面深化改革领导小组部署的各项改革任务。"],
    ),
    ("银保监会", "国家金融监督管理总局", date(2023, 5, 18), ["配合银保监会做好地方金融风险处置工作。"]),
    ("卫生计生委", "卫生健康委", date(2018, 3, 21), ["由市卫生计生委牵头，完善基层医疗卫生服务体系。"]),
    ("环境保护部", "生态环境部", date(2018, 3, 21), ["积极配合环境保护部开展中央生态环境保护督察。"]),
    ("国土资源部", "自然资源部", date(2018, 3, 21), ["按照国土资源部要求完成永久基本农田划定。"]),
    ("社会主义新农村建设", "乡村振兴", date(2017, 10, 18), ["扎实推进社会主义新农村建设，改善农村人居环境。"]),
    ("中央纪委监察部", "中央纪委国家监委", date(2018, 3, 23), ["认真学习中央纪委监察部通报的典型案例。"]),
    (
        "以习近平同志为总书记的党中央",
        "以习近平同志为核心的党中央",
        date(2016, 10, 27),
        ["更加紧密地团结在以习近平同志为总书记的党中央周围。"],
    ),
    (
        "习近平总书记系列重要讲话精神",
        "习近平新时代中国特色社会主义思想",
        date(2017, 10, 18),
        ["深入学习贯彻习近平总书记系列重要讲话精神，坚定理想信念。"],
    ),
    ("三个自信", "四个自信", date(2016, 7, 1), ["坚定“三个自信”，增强“四个意识”。"]),
    (
        "人民日益增长的物质文化需要同落后的社会生产之间的矛盾",
        "人民日益增长的美好生活需要和不平衡不充分的发展之间的矛盾",
        date(2017, 10, 18),
        ["我国社会主要矛盾仍然是人民日益增长的物质文化需要同落后的社会生产之间的矛盾。"],
    ),
]
BOUND_EVENTS = [
    (re.compile(r"党的二十大(以来|精神|报告|作出|提出|强调|擘画|部署|后)"), date(2022, 10, 22)),
    (re.compile(r"二十届三中全会(精神|以来|作出|提出|部署|《决定》)"), date(2024, 7, 18)),
    (re.compile(r"党的十九大(以来|精神|报告|作出|提出|强调|部署)"), date(2017, 10, 24)),
]


def plant_dated(texts, rng):
    out = []
    for t in texts:
        if not t.as_of:
            continue
        for i, line in enumerate(t.lines):
            for old, cur, until, _shapes in DATED:
                if t.as_of >= until:
                    for m in re.finditer(re.escape(cur), line):
                        out.append(replace_at("T-dated", t, i, m.start(), m.end(), old, f"{cur} → {old} ({t.as_of})"))
    for t, i in rng.sample(body_hosts([t for t in texts if t.as_of and t.as_of >= date(2016, 7, 1)]), 60):
        choices = [d for d in DATED if t.as_of >= d[2]]
        old, _cur, _until, shapes = rng.choice(choices)
        s = rng.choice(shapes)
        k = s.index(old)
        out.append(insert_sentence("T-dated", t, i, s, rng, (k, k + len(old)), f"+{old} ({t.as_of})"))
    # undated paragraphs: the lower bound comes from an event the paragraph speaks of as past
    for t in texts:
        for i, line in enumerate(t.lines):
            bound = max((d for rx, d in BOUND_EVENTS if rx.search(line)), default=None)
            if re.search(r"迎接|喜迎|即将|召开前|前夕", line):
                continue  # the event may still lie ahead
            if not bound or len(line) < 40 or re.search(r"\d{4}年", line):
                continue
            choices = [d for d in DATED if bound >= d[2]]
            if not choices:
                continue
            old, cur, _u, shapes = rng.choice(choices)
            if cur in line:
                j = line.index(cur)
                out.append(replace_at("T-dated", t, i, j, j + len(cur), old, f"undated: {cur} → {old}", undated=True))
            else:
                s = rng.choice(shapes)
                k = s.index(old)
                out.append(
                    insert_sentence("T-dated", t, i, s, rng, (k, k + len(old)), f"undated: +{old}", undated=True)
                )
    return out


STALE = [
    ("党的二十大精神", "党的十九大精神"),
    ("二十届历次全会精神", "十九届历次全会精神"),
    ("党的二十大和二十届", "党的十九大和十九届"),
]
STALE_SHAPES = ["深入学习贯彻党的十九大精神，", "全面贯彻落实党的十九大精神，", "认真学习宣传贯彻党的十九大精神，"]


def plant_stale_congress(texts, rng):
    out = []
    recent = [t for t in texts if t.as_of and t.as_of >= date(2023, 1, 1)]
    for t in recent:
        for i, line in enumerate(t.lines):
            for cur, old in STALE:
                for m in re.finditer(cur, line):
                    out.append(
                        replace_at("T-stale-congress", t, i, m.start(), m.end(), old, f"{cur} → {old} ({t.as_of})")
                    )
    for t, i in rng.sample(body_hosts(recent), 40):
        line = t.lines[i]
        slots = [k for k in sentence_slots(line) if k < len(line)]
        pos = rng.choice(slots)
        s = rng.choice(STALE_SHAPES)
        k = s.index("党的十九大精神")
        out.append(
            one_line(
                "T-stale-congress", t, i, line[:pos] + s + line[pos:], pos + k, pos + k + 7, f"+{s}", inserted=True
            )
        )
    return out


# --- W: word choice -----------------------------------------------------------------------------

JIYAO_PAIRS = [
    ("立足当前", "着眼长远"),
    ("敢于担当", "善于作为"),
    ("抓好经济发展", "守住安全底线"),
    ("严管", "厚爱"),
    ("治标", "治本"),
    ("“走出去”", "“引进来”"),
    ("算经济账", "算政治账"),
    ("抓住重点", "统筹兼顾"),
    ("仰望星空", "脚踏实地"),
    ("讲成绩", "找差距"),
    ("加强教育引导", "强化制度约束"),
    ("保持定力", "增强活力"),
    ("看数量", "重质量"),
    ("对上负责", "对下负责"),
    ("抓当前", "谋长远"),
]
GUODU = [
    ("对摆脱贫困的县，从脱贫之日起设立5年{w}期。", "过渡"),
    ("{w}期内保持主要帮扶政策总体稳定。", "过渡"),
    ("做好新旧政策{w}期衔接，确保平稳{w}。", "过渡"),
    ("机构改革{w}阶段，各项工作不断、队伍不散。", "过渡"),
    ("设置一年{w}期，帮助企业平稳适应新标准。", "过渡"),
    ("这是从试点到全面推开的{w}阶段。", "过渡"),
]
FANYING = [
    "着力解决群众反映强烈的突出问题。",
    "畅通群众反映问题的渠道。",
    "及时向党组织如实反映思想和工作情况。",
    "对群众反映的问题做到件件有着落。",
    "认真梳理师生反映集中的意见建议。",
    "主动向上级反映基层的困难和诉求。",
]
QUANLI_RE = re.compile(
    r"权力(?=运行|清单|监督|寻租|观|关进|机关|的笼子|行使|边界|结构|配置|制约)|(?:(?<=监督|滥用|规范|制约|用好|用权|手中|行使)|(?<=公))权力"
)
QUANLI = [
    "规范权力运行，推进权力运行公开化、规范化。",
    "深化权力清单和责任清单制度。",
    "把权力关进制度的笼子里。",
    "加强对权力运行的制约和监督。",
    "严防滥用权力、以权谋私。",
    "树立正确的权力观、政绩观、事业观。",
]
BIXU_RE = re.compile(r"(?<![个“])必须(?![品要的”])")


def _word_plants(cls, texts, rng, natural, sentences, wrong_of, extra=40):
    """Natural hosts (regex ``natural`` over real lines) and inserted sentences; ``wrong_of`` maps text → wrong text."""
    out = []
    for t in texts:
        for i, line in enumerate(t.lines):
            for m in natural.finditer(line):
                w = wrong_of(m[0])
                out.append(replace_at(cls, t, i, m.start(), m.end(), w, f"{m[0]} → {w}"))
    for t, i in rng.sample(body_hosts(texts), extra):
        s = rng.choice(sentences)
        m = natural.search(s)
        w = wrong_of(m[0])
        s2 = s[: m.start()] + w + s[m.end() :]
        out.append(insert_sentence(cls, t, i, s2, rng, (m.start(), m.start() + len(w)), f"+{s2}"))
    return out


def plant_words(texts, rng):
    jiyao = [f"{'既要'}{a}，又要{b}。" for a, b in JIYAO_PAIRS] + [f"既要{a}，也要{b}。" for a, b in JIYAO_PAIRS[:5]]
    out = _word_plants("W-jiyao", texts, rng, re.compile(r"既要"), jiyao, lambda s: "即要", 60)
    guodu = [s.format(w=w) for s, w in GUODU]
    out += _word_plants("W-guodu", texts, rng, re.compile(r"过渡(?=期|阶段|性|时期)"), guodu, lambda s: "过度", 60)
    out += _word_plants(
        "W-fanying",
        texts,
        rng,
        re.compile(r"(?<=群众|师生|如实|及时|主动|职工|干部|上级)反映|反映(?=强烈|问题|的问题|情况|诉求|意见)"),
        FANYING,
        lambda s: "反应",
        50,
    )
    out += _word_plants("W-quanli", texts, rng, QUANLI_RE, QUANLI, lambda s: "权利", 45)
    bixu = [t for t in texts]
    out += _word_plants("W-bixu", bixu, rng, BIXU_RE, ["我们必须清醒认识到面临的风险挑战。"], lambda s: "必需", 5)
    return out


def plant_lexicon(texts, rng, root: Path):
    """Entries of lexicon/confusables.toml: a real use of ``right`` turned into ``wrong``, where the entry's
    own context (after/before/not_after/not_before) says the wrong form is wrong there."""
    import tomllib

    data = tomllib.loads((root / "lexicon" / "confusables.toml").read_text(encoding="utf-8"))
    skip = re.compile(r"既要|即要|过渡|过度|反映|反应|权力|权利|必须|必需")
    out = []
    for e in data.get("confusable", []):
        wrong, right = e["wrong"], e["right"]
        if skip.search(wrong + right) or not right or wrong == right:
            continue
        cands = []
        for t in texts:
            if e.get("since") and t.as_of and t.as_of < e["since"]:
                continue
            for i, line in enumerate(t.lines):
                for m in re.finditer(re.escape(right), line):
                    new = line[: m.start()] + wrong + line[m.end() :]
                    a, b = m.start(), m.start() + len(wrong)
                    after, before = new[b : b + 12], new[max(0, a - 12) : a]
                    if e.get("after") and not re.match(e["after"], after):
                        continue
                    if e.get("before") and not re.search(e["before"] + "$", before):
                        continue
                    if e.get("not_after") and re.match(e["not_after"], after):
                        continue
                    if e.get("not_before") and re.search(e["not_before"] + "$", before):
                        continue
                    if right in wrong and line[m.start() : m.start() + len(wrong)] == wrong:
                        continue
                    cands.append(one_line("W-lexicon", t, i, new, a, b, f"{e['id']}: {right} → {wrong}"))
        out.extend(rng.sample(cands, min(2, len(cands))))
    return out


# --- F: formulations ----------------------------------------------------------------------------

CORE = "以习近平同志为核心的党中央"
CORE_WRONG = [
    "以习近平同志为首的党中央",
    "以习近平同志为核心的中央",
    "以习近平总书记为核心的党中央",
    "以习近平为核心的党中央",
    "以习近平同志为核心党中央",
]
CORE_SENTENCES = [
    f"在{CORE}坚强领导下，我们攻坚克难、砥砺前行。",
    f"更加紧密地团结在{CORE}周围。",
    f"坚决维护{CORE}权威和集中统一领导。",
]


def plant_core(texts, rng):
    out = []
    for t in texts:
        if t.as_of and t.as_of < date(2016, 10, 27):
            continue
        for i, line in enumerate(t.lines):
            for m in re.finditer(CORE, line):
                w = rng.choice(CORE_WRONG)
                out.append(replace_at("F-core", t, i, m.start(), m.end(), w, f"→ {w}"))
    for t, i in rng.sample(body_hosts([t for t in texts if t.year >= 2017]), 20):
        s = rng.choice(CORE_SENTENCES)
        w = rng.choice(CORE_WRONG)
        k = s.index(CORE)
        s2 = s.replace(CORE, w)
        out.append(insert_sentence("F-core", t, i, s2, rng, (k, k + len(w)), f"+{w}"))
    return out


# (members, a plausible wrong member for each position or None, sentence shape, earliest date)
ENUMS = [
    (
        [
            "马克思列宁主义",
            "毛泽东思想",
            "邓小平理论",
            "“三个代表”重要思想",
            "科学发展观",
            "习近平新时代中国特色社会主义思想",
        ],
        [None, "毛泽东理论", "邓小平思想", "“三个代表”思想", "科学发展理念", None],
        "坚持以{L}为指导，",
        date(2017, 10, 18),
    ),
    (["道路自信", "理论自信", "制度自信", "文化自信"], [None, None, None, "历史自信"], "坚定{L}，", date(2016, 7, 1)),
    (
        ["创新", "协调", "绿色", "开放", "共享"],
        [None, None, None, None, "共赢"],
        "完整、准确、全面贯彻{L}的新发展理念，",
        date(2017, 10, 18),
    ),
    (
        ["政治意识", "大局意识", "核心意识", "看齐意识"],
        [None, "全局意识", None, "责任意识"],
        "牢固树立{L}，",
        date(2016, 1, 1),
    ),
    (
        ["经济建设", "政治建设", "文化建设", "社会建设", "生态文明建设"],
        [None, None, None, None, "生态建设"],
        "统筹推进{L}“五位一体”总体布局，",
        date(2012, 11, 8),
    ),
    (
        ["全面建设社会主义现代化国家", "全面深化改革", "全面依法治国", "全面从严治党"],
        [None, None, "全面依法执政", "全面从严管党"],
        "协调推进{L}“四个全面”战略布局，",
        date(2020, 10, 29),
    ),
    (
        ["富强", "民主", "文明", "和谐", "自由", "平等", "公正", "法治", "爱国", "敬业", "诚信", "友善"],
        [None] * 7 + ["法制", None, None, "诚实", None],
        "积极培育和践行{L}的社会主义核心价值观，",
        date(2012, 11, 8),
    ),
    (
        ["政治建设", "思想建设", "组织建设", "作风建设", "纪律建设"],
        [None, None, None, "作风养成", None],
        "全面推进党的{L}，把制度建设贯穿其中，",
        date(2017, 10, 18),
    ),
    (
        ["信念坚定", "为民服务", "勤政务实", "敢于担当", "清正廉洁"],
        [None, "服务群众", None, None, "廉洁自律"],
        "坚持{L}的好干部标准，",
        date(2013, 6, 28),
    ),
]


def _join(members: list[str], last_he: bool) -> str:
    if last_he and len(members) > 2:
        return "、".join(members[:-1]) + "和" + members[-1]
    return "、".join(members)


def plant_enums(texts, rng):
    out = []
    for cls in ("F-enum-member", "F-enum-order"):
        for members, wrongs, shape, since in ENUMS:
            for he in (False, True):
                full = _join(members, he)
                natural = [
                    (t, i, m.start())
                    for t in texts
                    for i, line in enumerate(t.lines)
                    for m in re.finditer(re.escape(full), line)
                ]
                hosts = (
                    [
                        (t, i, None)
                        for t, i in rng.sample(body_hosts([t for t in texts if t.as_of and t.as_of >= since]), 6)
                    ]
                    if not he
                    else []
                )
                for t, i, at in natural + hosts:
                    mutated = _mutate(members, wrongs, cls, rng)
                    wrong = _join(mutated, he)
                    if at is not None:
                        out.append(replace_at(cls, t, i, at, at + len(full), wrong, f"{full} → {wrong}"))
                    else:
                        s = shape.format(L=wrong)
                        s = s[:-1] + "。" if rng.random() < 0.5 else s + _tail(rng)
                        k = s.index(wrong)
                        out.append(insert_sentence(cls, t, i, s, rng, (k, k + len(wrong)), f"+{wrong}"))
    return out


def _tail(rng):
    return rng.choice(["推动各项工作取得新成效。", "不断开创工作新局面。", "为高质量发展提供坚强保证。"])


def _mutate(members, wrongs, cls, rng):
    m = list(members)
    if cls == "F-enum-order":
        a = rng.randrange(len(m) - 1)
        b = a + 1 if rng.random() < 0.7 else rng.randrange(a + 1, len(m))
        m[a], m[b] = m[b], m[a]
        return m
    repl = [k for k, w in enumerate(wrongs) if w]
    if repl and rng.random() < 0.4:
        k = rng.choice(repl)
        m[k] = wrongs[k]
    else:
        del m[rng.randrange(len(m))]
    return m


# ---------------------------------------------------------------------------------------------
# Classes and expected rule families
# ---------------------------------------------------------------------------------------------

EXPECTED = {
    "E-list-count": ("E2", "E104"),
    "E-colon-count": ("E2", "E104"),
    "E-semicolon": ("E2", "E104"),
    "N-fixed-ordinal": ("N",),
    "N-rate-over-100": ("N",),
    "N-breakdown": ("N",),
    "N-same-stat": ("N",),
    "T-dated": ("T",),
    "T-stale-congress": ("T",),
    "W-jiyao": ("W",),
    "W-guodu": ("W",),
    "W-fanying": ("W",),
    "W-quanli": ("W",),
    "W-bixu": ("W",),
    "W-lexicon": ("W",),
    "F-core": ("F",),
    "F-enum-member": ("F", "E101", "E103", "E104"),
    "F-enum-order": ("F", "E102"),
}


def all_plants(texts, rng, root):
    return [
        *plant_list_count(texts, rng),
        *plant_colon_count(texts, rng),
        *plant_semicolon(texts, rng),
        *plant_fixed_ordinal(texts, rng),
        *plant_rate(texts, rng),
        *plant_breakdown(texts, rng),
        *plant_same_stat(texts, rng),
        *plant_dated(texts, rng),
        *plant_stale_congress(texts, rng),
        *plant_words(texts, rng),
        *plant_lexicon(texts, rng, root),
        *plant_core(texts, rng),
        *plant_enums(texts, rng),
    ]


def choose(plants: list[Plant], per_class: int, rng: random.Random) -> list[Plant]:
    """Up to ``per_class`` plants per class, spread over hosts (at most two per host line)."""
    by_cls: dict[str, list[Plant]] = defaultdict(list)
    for p in plants:
        by_cls[p.cls].append(p)
    chosen = []
    for cls in sorted(by_cls):
        cands = by_cls[cls]
        rng.shuffle(cands)
        und = [p for p in cands if p.undated][: per_class // 4]  # undated texts get a fixed share
        cands = und + [p for p in cands if p not in und]
        per_host: Counter = Counter()
        picked = []
        for p in cands:
            key = (p.text.name, p.start)
            if per_host[key] >= 2 and len(cands) > per_class * 2:
                continue
            per_host[key] += 1
            picked.append(p)
            if len(picked) == per_class:
                break
        chosen.extend(picked)
    return chosen


# ---------------------------------------------------------------------------------------------
# Checking
# ---------------------------------------------------------------------------------------------


def run_check(text: str, as_of: date | None):
    from orgwrite import Config, check

    return check(text, Config(as_of=as_of))


def _overlaps(f, spans) -> bool:
    for ln, c0, c1 in spans:
        start, end = (ln + 1, c0 + 1), (ln + 1, c1 + 1)
        if (f.line, f.column) < end and (f.end_line, f.end_column) > start:
            return True
    return False


def _key(f):
    return (f.rule, f.message)


def evaluate(plant: Plant, original: dict[str, list]) -> Plant:
    if plant.undated:
        text = "\n".join(plant.new) + "\n"
        base = run_check("\n".join(plant.text.lines[plant.start : plant.end]) + "\n", None)
        shift = plant.start
        spans = [(ln - shift, c0, c1) for ln, c0, c1 in plant.spans]
        found = run_check(text, None)
    else:
        text = "\n".join(plant.planted_lines()) + "\n"
        base = [f for f in original[plant.text.name] if plant.start < f.line <= plant.end]
        spans = plant.spans
        found = run_check(text, plant.text.as_of)
    before = Counter(_key(f) for f in base)
    prefixes = EXPECTED[plant.cls]
    plant.findings = [f for f in found if _overlaps(f, spans)]
    plant.caught = any(f.rule.startswith(prefixes) and before[_key(f)] == 0 for f in plant.findings)
    return plant


def _evaluate_star(args):
    return evaluate(*args)


def main(argv: list[str] | None = None) -> int:
    here = Path(__file__).resolve().parent.parent
    root = here if (here / "orgwrite").is_dir() else Path.cwd()  # a copy outside the repo: run from the repo
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--heldout", type=Path, default=root / "bench" / "heldout")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--per-class", type=int, default=60)
    ap.add_argument("--class", dest="only", default="", help="only classes starting with this prefix")
    ap.add_argument("--verbose", action="store_true", help="list every miss and every false alarm")
    ap.add_argument("--findings", action="store_true", help="print every finding on the untouched files, by rule")
    ap.add_argument("--jobs", type=int, default=1, help="check in N processes")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(root))
    started = time.perf_counter()
    texts = load_corpus(args.heldout)
    if not texts:
        print(f"no .txt files in {args.heldout}", file=sys.stderr)
        return 2
    original = {t.name: run_check("\n".join(t.lines) + "\n", t.as_of) for t in texts}
    if args.findings:
        return print_findings(texts, original)
    rng = random.Random(args.seed)
    plants = [p for p in choose(all_plants(texts, rng, root), args.per_class, rng) if p.cls.startswith(args.only)]
    work = [(p, original) for p in plants]
    if args.jobs > 1:
        from multiprocessing import Pool

        with Pool(args.jobs) as pool:
            plants = pool.map(_evaluate_star, work, chunksize=8)
    else:
        plants = [evaluate(*w) for w in work]
    print_table(plants, texts, original, args.verbose)
    print(
        f"\nheld-out: {args.heldout} ({len(texts)} files, {sum(len(x) for t in texts for x in t.lines)} chars), seed {args.seed}, {time.perf_counter() - started:.1f} s"
    )
    return 0


def print_table(plants, texts, original, verbose):
    by_cls: dict[str, list[Plant]] = defaultdict(list)
    for p in plants:
        by_cls[p.cls].append(p)
    print(f"{'class':<18}{'planted':>8}{'caught':>8}{'recall':>8}{'natural':>9}{'nat.rec':>8}  caught by")
    tp = tn = 0
    for cls in sorted(by_cls):
        ps = by_cls[cls]
        c = sum(p.caught for p in ps)
        tp += c
        tn += len(ps)
        codes = Counter(f.rule for p in ps if p.caught for f in p.findings if f.rule.startswith(EXPECTED[cls]))
        nat = [p for p in ps if not p.inserted]
        nrec = f"{sum(p.caught for p in nat) / len(nat):.2f}" if nat else "-"
        by = " ".join(f"{k}:{v}" for k, v in codes.most_common(4))
        print(f"{cls:<18}{len(ps):>8}{c:>8}{c / len(ps):>8.2f}{len(nat):>9}{nrec:>8}  {by}")
        und = [p for p in ps if p.undated]
        if und:
            print(f"{'  of which undated':<18}{len(und):>8}{sum(p.caught for p in und):>8}")
    print(f"{'total':<18}{tn:>8}{tp:>8}{tp / max(tn, 1):>8.2f}")
    # false alarms on the untouched host paragraphs
    hosts = {(p.text.name, ln) for p in plants if not p.undated for ln in range(p.start, p.end)}
    by_name = {t.name: t for t in texts}
    chars = sum(len(by_name[n].lines[ln]) for n, ln in hosts)
    alarms = [(n, f) for n in original for f in original[n] if (n, f.line - 1) in hosts]
    rate = len(alarms) / chars * 10000 if chars else 0.0
    print(
        f"\nuntouched host paragraphs: {len(hosts)} paragraphs, {chars} chars, {len(alarms)} findings = {rate:.2f} per 10k chars"
    )
    rules = Counter(f.rule for _, f in alarms)
    print("  by rule: " + " ".join(f"{k}:{v}" for k, v in rules.most_common()))
    if verbose:
        print("\nfindings on untouched host paragraphs:")
        for n, f in sorted(alarms, key=lambda x: (x[1].rule, x[0], x[1].line)):
            line = by_name[n].lines[f.line - 1]
            print(f"  {f.rule} {n}:{f.line}:{f.column} {f.message} | {line[max(0, f.column - 16) : f.end_column + 15]}")
        print("\nmisses:")
        for p in sorted(plants, key=lambda p: p.cls):
            if not p.caught:
                ln, c0, c1 = p.spans[0]
                src = p.new[ln - p.start] if not p.undated else p.new[0]
                got = ",".join(sorted({f.rule for f in p.findings})) or "-"
                print(f"  {p.cls} {p.text.name}:{ln + 1} [{got}] {p.note} | {src[max(0, c0 - 20) : c1 + 20]}")


def print_findings(texts, original) -> int:
    by_rule: dict[str, list] = defaultdict(list)
    total = sum(len(x) for t in texts for x in t.lines)
    for t in texts:
        for f in original[t.name]:
            by_rule[f.rule].append((t, f))
    n = sum(len(v) for v in by_rule.values())
    print(f"{n} findings on {len(texts)} untouched files ({total} chars) = {n / total * 10000:.2f} per 10k chars\n")
    for rule in sorted(by_rule):
        items = by_rule[rule]
        print(f"== {rule} ({len(items)}, {len(items) / total * 10000:.2f} per 10k)")
        for t, f in items:
            line = t.lines[f.line - 1] if f.line - 1 < len(t.lines) else ""
            ctx = (
                line[max(0, f.column - 21) : f.end_column + 20]
                if f.end_line == f.line
                else line[max(0, f.column - 21) :][:60]
            )
            print(f"  {t.name}:{f.line}:{f.column} {f.message} | {ctx}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
