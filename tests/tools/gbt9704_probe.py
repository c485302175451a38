#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""gbt9704_probe.py - measure a .docx the way a reader sees it, against GB/T 9704-2012.

The .docx (from any tool) is converted to PDF by LibreOffice (soffice --headless)
in a temp dir, then the PDF is measured with pdfplumber:
  page size, text-block margins from glyph (em) boxes, line pitch, body lines per
  full page, characters per full body line, rendered font/size per text role,
  page-number strings at the page bottoms and their side.
The .docx XML is also read for what it *declares* (page setup, docGrid, fonts per
role, odd/even footers), because the machine running the probe usually lacks the
Chinese government fonts (仿宋_GB2312, 方正小标宋简体, 楷体_GB2312 ...).
Output: one JSON object on stdout, with a "deviations" list.

Requirements (Debian 12):
  apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-noto-cjk \
      fonts-arphic-ukai fonts-arphic-uming fonts-arphic-gbsn00lp fonts-liberation2 \
      fonts-crosextra-carlito poppler-utils
  python3 -m venv .venv-probe && .venv-probe/bin/pip install pdfplumber
Run:
  .venv-probe/bin/python gbt9704_probe.py FILE.docx [--png DIR] [--keep-pdf DIR]

Font stand-ins: a private fontconfig file maps the standard font names to distinct
installed faces (仿宋→AR PL UMing CN, 楷体→AR PL UKai CN, 黑体→Noto Sans CJK SC,
小标宋→Noto Serif CJK SC, 宋体→AR PL SungtiL GB) so roles stay distinguishable in the
PDF; metrics of all CJK faces are 1 em square, so line/char counts are unaffected.

Known LibreOffice limitation (checked on LO 7.4): a w:docGrid of type linesAndChars
whose charSpace makes the character pitch smaller than the glyph (e.g. 28 chars of
3号 in 156 mm, pitch 15.79pt < 16pt) is rendered by LibreOffice with TWO grid cells
per CJK character (about 14 chars per line), while Word compresses to the pitch.
The probe detects that case and, by default, measures a patched copy in which the
character grid is replaced by equivalent character-spacing compression
("word_grid_emulation"); the raw LibreOffice result is reported too.
"""
import argparse
import collections
import copy
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
import xml.etree.ElementTree as ET

PT_PER_MM = 72 / 25.4
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS = {"w": W, "a": A}


def q(tag):
    p, t = tag.split(":")
    return "{%s}%s" % ({"w": W, "a": A}[p], t)


# ---------------------------------------------------------------- the standard
STD = {
    "page_mm": (210.0, 297.0),
    "top_mm": 37.0, "left_mm": 28.0,           # 天头, 订口 (±1 mm)
    "text_w_mm": 156.0, "text_h_mm": 225.0,    # 版心
    "right_mm": 26.0, "bottom_mm": 35.0,       # derived: 210-28-156, 297-37-225
    "lines": 22, "chars": 28,                  # 5.2.3 一般每面排22行, 每行排28个字
    "body_pt": 16.0, "title_pt": 22.0, "pageno_pt": 14.0,
    "pageno_gap_mm": 7.0,                      # 一字线上距版心下边缘7mm
}
TOL_MARGIN = 1.0
ROLE_FONT_RULES = {   # role -> (regex on declared East Asian font name, human text)
    "title": (r"小标宋", "2号小标宋体 (方正小标宋简体)"),
    "body": (r"仿宋|FangSong", "3号仿宋体 (仿宋_GB2312)"),
    "h1": (r"黑体|SimHei|Hei", "3号黑体"),
    "h2": (r"楷体|KaiTi|Kai", "3号楷体 (楷体_GB2312)"),
    "h3": (r"仿宋|FangSong", "3号仿宋体"),
    "h4": (r"仿宋|FangSong", "3号仿宋体"),
    "page_number": (r"宋体|SimSun|Song", "4号半角宋体阿拉伯数字"),
}
ROLE_SIZE = {"title": 22.0, "body": 16.0, "h1": 16.0, "h2": 16.0, "h3": 16.0, "h4": 16.0,
             "page_number": 14.0}
STAND_INS = {  # requested family -> installed stand-in (must cover GB2312)
    "仿宋_GB2312": "AR PL UMing CN", "仿宋": "AR PL UMing CN", "FangSong": "AR PL UMing CN",
    "FangSong_GB2312": "AR PL UMing CN", "方正仿宋_GBK": "AR PL UMing CN",
    "方正仿宋简体": "AR PL UMing CN", "华文仿宋": "AR PL UMing CN", "STFangsong": "AR PL UMing CN",
    "楷体_GB2312": "AR PL UKai CN", "楷体": "AR PL UKai CN", "KaiTi": "AR PL UKai CN",
    "KaiTi_GB2312": "AR PL UKai CN", "方正楷体_GBK": "AR PL UKai CN", "方正楷体简体": "AR PL UKai CN",
    "华文楷体": "AR PL UKai CN", "STKaiti": "AR PL UKai CN",
    "黑体": "Noto Sans CJK SC", "SimHei": "Noto Sans CJK SC", "方正黑体_GBK": "Noto Sans CJK SC",
    "方正黑体简体": "Noto Sans CJK SC", "微软雅黑": "Noto Sans CJK SC", "Microsoft YaHei": "Noto Sans CJK SC",
    "方正小标宋简体": "Noto Serif CJK SC", "方正小标宋_GBK": "Noto Serif CJK SC",
    "小标宋": "Noto Serif CJK SC", "华文中宋": "Noto Serif CJK SC",
    "宋体": "AR PL SungtiL GB", "SimSun": "AR PL SungtiL GB", "新宋体": "AR PL SungtiL GB",
    "NSimSun": "AR PL SungtiL GB",
}
# PDF base-font name fragment -> stand-in family label
PDF_FONT_LABEL = [
    ("UMing", "AR PL UMing CN (stand-in for 仿宋)"),
    ("UKai", "AR PL UKai CN (stand-in for 楷体)"),
    ("NotoSansCJK", "Noto Sans CJK (stand-in for 黑体, or LibreOffice fallback)"),
    ("NotoSerifCJK", "Noto Serif CJK (stand-in for 小标宋)"),
    ("Bousung", "AR PL SungtiL GB (stand-in for 宋体)"),
    ("WenQuanYi", "WenQuanYi Zen Hei (LibreOffice fallback: requested CJK font unknown)"),
    ("LiberationSerif", "Liberation Serif (metric stand-in for Times New Roman)"),
    ("Carlito", "Carlito (metric stand-in for Calibri)"),
    ("DejaVu", "DejaVu (fallback)"),
]

RE_PAGENO = re.compile(r"^[\s\-—–―－一_]*(\d{1,4})[\s\-—–―－一_]*$|^第\s*(\d{1,4})\s*页(共\s*\d+\s*页)?$")
RE_ROLE = [
    ("h1", re.compile(r"^[一二三四五六七八九十百]+、")),
    ("h2", re.compile(r"^[（(][一二三四五六七八九十百]+[）)]")),
    ("h3", re.compile(r"^\d{1,2}[.．](?!\d)")),
    ("h4", re.compile(r"^[（(]\d{1,2}[）)]")),
]


def role_of_text(text):
    t = text.strip()
    for name, rx in RE_ROLE:
        if rx.match(t):
            return name
    return None


def is_wide(ch):
    # a PDF "char" may hold a ligature of several characters (Noto CJK joins "——")
    return bool(ch) and unicodedata.east_asian_width(ch[0]) in ("F", "W")


def char_units(text):
    return sum(1.0 if is_wide(c) else 0.5 for c in text if not c.isspace())


# ------------------------------------------------------------ docx (declared)
def _attr(el, name):
    return None if el is None else el.get(q("w:" + name))


class DocxInfo:
    def __init__(self, path):
        self.z = zipfile.ZipFile(path)
        names = set(self.z.namelist())
        self.doc = ET.fromstring(self.z.read("word/document.xml"))
        self.styles = ET.fromstring(self.z.read("word/styles.xml")) if "word/styles.xml" in names else None
        self.settings = ET.fromstring(self.z.read("word/settings.xml")) if "word/settings.xml" in names else None
        self.theme = None
        for n in names:
            if n.startswith("word/theme/") and n.endswith(".xml"):
                self.theme = ET.fromstring(self.z.read(n))
                break
        self.style_map = {}
        if self.styles is not None:
            for s in self.styles.findall("w:style", NS):
                self.style_map[s.get(q("w:styleId"))] = s
        self.rels = {}
        if "word/_rels/document.xml.rels" in names:
            for r in ET.fromstring(self.z.read("word/_rels/document.xml.rels")):
                self.rels[r.get("Id")] = r.get("Target")
        self.names = names

    # -- defaults / styles
    def _doc_default_rpr(self):
        if self.styles is None:
            return None
        return self.styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)

    def default_para_style_id(self):
        for sid, s in self.style_map.items():
            if s.get(q("w:type")) == "paragraph" and s.get(q("w:default")) in ("1", "true"):
                return sid
        return "Normal"

    def lang_east_asia(self):
        rpr = self._doc_default_rpr()
        lang = rpr.find("w:lang", NS) if rpr is not None else None
        ns = self.style_map.get(self.default_para_style_id())
        nl = ns.find("w:rPr/w:lang", NS) if ns is not None else None
        return _attr(nl, "eastAsia") or _attr(lang, "eastAsia")

    def theme_font(self, which):
        """which: minorEastAsia / majorEastAsia / minorHAnsi ..."""
        if self.theme is None:
            return None
        major = which.startswith("major")
        fs = self.theme.find(".//a:fontScheme/a:%s" % ("majorFont" if major else "minorFont"), NS)
        if fs is None:
            return None
        if "EastAsia" in which:
            ea = fs.find("a:ea", NS)
            if ea is not None and ea.get("typeface"):
                return ea.get("typeface")
            lang = (self.lang_east_asia() or "").lower()
            script = {"zh-cn": "Hans", "zh-sg": "Hans", "zh-tw": "Hant", "zh-hk": "Hant",
                      "ja-jp": "Jpan", "ko-kr": "Hang"}.get(lang)
            if script:
                f = fs.find("a:font[@script='%s']" % script, NS)
                if f is not None:
                    return f.get("typeface")
            return "(theme ea font empty; East Asian language=%s)" % (lang or "unset")
        lat = fs.find("a:latin", NS)
        return lat.get("typeface") if lat is not None else None

    def _rpr_chain(self, p, r):
        """rPr elements from most specific to least."""
        chain = []
        rpr = r.find("w:rPr", NS) if r is not None else None
        if rpr is not None:
            chain.append(rpr)
            rs = rpr.find("w:rStyle", NS)
            if rs is not None:
                chain += self._style_rprs(_attr(rs, "val"))
        ppr = p.find("w:pPr", NS)
        ps = ppr.find("w:pStyle", NS) if ppr is not None else None
        chain += self._style_rprs(_attr(ps, "val") if ps is not None else self.default_para_style_id())
        d = self._doc_default_rpr()
        if d is not None:
            chain.append(d)
        return chain

    def _style_rprs(self, sid, depth=0):
        out = []
        s = self.style_map.get(sid)
        if s is None or depth > 20:
            return out
        rpr = s.find("w:rPr", NS)
        if rpr is not None:
            out.append(rpr)
        b = s.find("w:basedOn", NS)
        if b is not None:
            out += self._style_rprs(_attr(b, "val"), depth + 1)
        return out

    def effective_font(self, p, r):
        ea = latin = size = None
        bold = None
        for rpr in self._rpr_chain(p, r):
            rf = rpr.find("w:rFonts", NS)
            if rf is not None:
                if ea is None:
                    if _attr(rf, "eastAsia"):
                        ea = _attr(rf, "eastAsia")
                    elif _attr(rf, "eastAsiaTheme"):
                        ea = "theme:%s=%s" % (_attr(rf, "eastAsiaTheme"), self.theme_font(_attr(rf, "eastAsiaTheme")))
                if latin is None:
                    if _attr(rf, "ascii"):
                        latin = _attr(rf, "ascii")
                    elif _attr(rf, "asciiTheme"):
                        latin = "theme:%s=%s" % (_attr(rf, "asciiTheme"), self.theme_font(_attr(rf, "asciiTheme")))
            sz = rpr.find("w:sz", NS)
            if size is None and sz is not None and _attr(sz, "val"):
                size = int(_attr(sz, "val")) / 2.0
            b = rpr.find("w:b", NS)
            if bold is None and b is not None:
                bold = _attr(b, "val") not in ("0", "false")
        return {"east_asia": ea or "(none: application default)", "latin": latin or "(none)",
                "size_pt": size if size is not None else 10.0, "bold": bool(bold)}

    # -- paragraphs
    def paragraphs(self):
        body = self.doc.find("w:body", NS)
        out = []
        for p in body.iter(q("w:p")):
            runs = [r for r in p.iter(q("w:r"))]
            text = "".join(t.text or "" for t in p.iter(q("w:t")))
            first = None
            for r in runs:
                if "".join(t.text or "" for t in r.iter(q("w:t"))).strip():
                    first = r
                    break
            out.append((p, text, first))
        return out

    def declared_roles(self):
        roles = collections.defaultdict(collections.Counter)
        paras = self.paragraphs()
        sizes = []
        for p, text, r in paras:
            if r is not None and text.strip():
                sizes.append(self.effective_font(p, r)["size_pt"])
        title_seen = False
        for i, (p, text, r) in enumerate(paras):
            if r is None or not text.strip():
                continue
            f = self.effective_font(p, r)
            role = role_of_text(text)
            if role is None:
                if not title_seen and sizes and f["size_pt"] >= max(sizes) and f["size_pt"] > 16.5:
                    role = "title"
                    title_seen = True
                else:
                    role = "body"
            key = "%s | latin=%s | %.1fpt%s" % (f["east_asia"], f["latin"], f["size_pt"], " bold" if f["bold"] else "")
            roles[role][key] += 1
        return {k: dict(v.most_common()) for k, v in roles.items()}

    # -- section / settings
    def section(self):
        body = self.doc.find("w:body", NS)
        sects = list(body.iter(q("w:sectPr")))
        s = sects[-1] if sects else None
        info = {"sections": len(sects)}
        if s is None:
            return info
        tw = lambda v: None if v is None else round(int(v) / 20.0 / PT_PER_MM, 2)
        pg = s.find("w:pgSz", NS)
        mar = s.find("w:pgMar", NS)
        info["page_mm"] = [tw(_attr(pg, "w")), tw(_attr(pg, "h"))] if pg is not None else None
        if mar is not None:
            info["margins_mm"] = {k: tw(_attr(mar, k)) for k in ("top", "bottom", "left", "right", "header", "footer", "gutter")}
        g = s.find("w:docGrid", NS)
        if g is not None:
            info["docGrid"] = {k: _attr(g, k) for k in ("type", "linePitch", "charSpace") if _attr(g, k) is not None}
        refs = collections.defaultdict(list)
        for ref in s.findall("w:footerReference", NS):
            refs[ref.get(q("w:type"))].append(self._part_text(ref))
        info["footers"] = dict(refs)
        info["titlePg"] = s.find("w:titlePg", NS) is not None
        if self.settings is not None:
            eo = self.settings.find("w:evenAndOddHeaders", NS)
            info["evenAndOddHeaders"] = eo is not None and _attr(eo, "val") not in ("0", "false")
            info["mirrorMargins"] = self.settings.find("w:mirrorMargins", NS) is not None
        info["lang_eastAsia"] = self.lang_east_asia()
        return info

    def _part_text(self, ref):
        rid = ref.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        target = self.rels.get(rid)
        if not target:
            return None
        name = "word/" + target.lstrip("/").replace("word/", "")
        if name not in self.names:
            return None
        x = ET.fromstring(self.z.read(name))
        txt = "".join(t.text or "" for t in x.iter(q("w:t")))
        instr = " ".join((t.text or "").strip() for t in x.iter(q("w:instrText")))
        for fs in x.iter(q("w:fldSimple")):
            instr += " " + (fs.get(q("w:instr")) or "")
        return {"text": txt, "fields": instr.strip()}

    def normal_size_pt(self):
        s = self.style_map.get(self.default_para_style_id())
        sz = s.find("w:rPr/w:sz", NS) if s is not None else None
        if sz is not None:
            return int(_attr(sz, "val")) / 2.0
        d = self._doc_default_rpr()
        sz = d.find("w:sz", NS) if d is not None else None
        return int(_attr(sz, "val")) / 2.0 if sz is not None else 10.0


# ---------------------------------------------- LibreOffice char-grid workaround
def needs_grid_emulation(info, normal_pt):
    g = info.get("docGrid") or {}
    if g.get("type") != "linesAndChars" or not g.get("charSpace"):
        return None
    cs = int(g["charSpace"])
    if cs >= 2 ** 31:          # LibreOffice's DOCX export writes negative values as unsigned 32-bit
        cs -= 2 ** 32
    pitch = normal_pt + cs / 4096.0
    if pitch < normal_pt - 0.01:
        return {"char_pitch_pt": round(pitch, 3), "normal_size_pt": normal_pt,
                "spacing_twentieths": int((pitch - normal_pt) * 20) - 1}
    return None


def make_emulated_copy(src, dst, emu):
    """Copy the docx; switch docGrid to 'lines' and condense character spacing
    in docDefaults by the grid's compression, which is what Word does."""
    zin = zipfile.ZipFile(src)
    zout = zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED)
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == "word/document.xml":
            s = data.decode("utf8")
            s = re.sub(r'(<w:docGrid\b[^>]*?)w:type="linesAndChars"', r'\1w:type="lines"', s)
            data = s.encode("utf8")
        elif item.filename == "word/styles.xml":
            s = data.decode("utf8")
            sp = '<w:spacing w:val="%d"/>' % emu["spacing_twentieths"]
            m = re.search(r"<w:rPrDefault>\s*<w:rPr>", s)
            if m:
                s = s[:m.end()] + sp + s[m.end():]
            elif "<w:docDefaults>" in s:
                s = s.replace("<w:docDefaults>", "<w:docDefaults><w:rPrDefault><w:rPr>%s</w:rPr></w:rPrDefault>" % sp, 1)
            data = s.encode("utf8")
        zout.writestr(item, data)
    zout.close()


# ------------------------------------------------------------ conversion
def fontconfig_file(tmp):
    lines = ['<?xml version="1.0"?>', '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">', "<fontconfig>",
             '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>']
    for k, v in STAND_INS.items():
        lines.append('  <alias binding="same"><family>%s</family><prefer><family>%s</family></prefer></alias>' % (k, v))
    lines.append("</fontconfig>")
    path = os.path.join(tmp, "fonts.conf")
    with open(path, "w", encoding="utf8") as f:
        f.write("\n".join(lines))
    return path


def to_pdf(docx, outdir, soffice, tmp, use_fontmap=True, timeout=180):
    env = dict(os.environ)
    if use_fontmap:
        env["FONTCONFIG_FILE"] = fontconfig_file(tmp)
    profile = os.path.join(tmp, "lo-profile")
    cmd = [soffice, "-env:UserInstallation=file://" + profile, "--headless", "--norestore",
           "--convert-to", "pdf", "--outdir", outdir, docx]
    r = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    pdf = os.path.join(outdir, os.path.splitext(os.path.basename(docx))[0] + ".pdf")
    if not os.path.exists(pdf):
        raise RuntimeError("LibreOffice produced no PDF: %s %s" % (r.stdout.decode(errors="replace"), r.stderr.decode(errors="replace")))
    return pdf


# ------------------------------------------------------------ PDF measurement
def clean_font(name):
    return re.sub(r"^[A-Z]{6}\+", "", name or "")


def label_font(name):
    for frag, lab in PDF_FONT_LABEL:
        if frag.lower() in name.lower():
            return lab
    return name


def pdf_lines(pdf_path):
    try:
        import pdfplumber
    except ImportError:
        sys.exit("gbt9704_probe: needs pdfplumber (python3 -m venv V && V/bin/pip install pdfplumber; run with V/bin/python)")
    pages = []
    with pdfplumber.open(pdf_path) as pdf:
        for pno, page in enumerate(pdf.pages, 1):
            h = float(page.height)
            chars = [c for c in page.chars if c["text"].strip()]
            rows = []
            for c in sorted(chars, key=lambda c: (round(h - c["matrix"][5], 1), c["x0"])):
                base = h - c["matrix"][5]          # baseline, from top, pt
                for row in rows:
                    if abs(row["base"] - base) < 1.5:
                        row["chars"].append(c)
                        break
                else:
                    rows.append({"base": base, "chars": [c]})
            lines = []
            for row in rows:
                cs = sorted(row["chars"], key=lambda c: c["x0"])
                text = "".join(c["text"] for c in cs)
                sizes = collections.Counter(round(c["size"] * 2) / 2 for c in cs)
                lines.append({
                    "base": row["base"], "text": text, "chars": cs,
                    "x0": min(c["x0"] for c in cs), "x1": max(c["x1"] for c in cs),
                    "top": min(c["top"] for c in cs), "bottom": max(c["bottom"] for c in cs),
                    "size": sizes.most_common(1)[0][0],
                })
            lines.sort(key=lambda l: l["base"])
            pages.append({"no": pno, "w": float(page.width), "h": h, "lines": lines})
    return pages


def mm(v):
    return round(v / PT_PER_MM, 2)


def mode(vals):
    return collections.Counter(vals).most_common(1)[0][0] if vals else None


def right_edge(lines):
    """Right text edge = median right end of the long lines; ignores a hanging
    punctuation mark that LibreOffice lets protrude past the margin."""
    mx = max(l["x1"] for l in lines)
    mn = min(l["x0"] for l in lines)
    long_ = sorted(l["x1"] for l in lines if l["x1"] >= mn + 0.9 * (mx - mn))
    return long_[len(long_) // 2]


def analyse_pdf(pages):
    res = {"pages": len(pages)}
    res["page_size_mm"] = sorted({(mm(p["w"]), mm(p["h"])) for p in pages})
    # split footer / header candidates from body lines
    for p in pages:
        body, foot, head = [], [], []
        for l in p["lines"]:
            t = l["text"].strip()
            if l["base"] > p["h"] * 0.80 and RE_PAGENO.match(t):
                foot.append(l)
            elif l["base"] < p["h"] * 0.10 and len(t) < 40 and l is p["lines"][0] and len(p["lines"]) > 3:
                head.append(l)
            else:
                body.append(l)
        p["body"], p["foot"], p["head"] = body, foot, head
    body_sizes = [l["size"] for p in pages for l in p["body"]]
    body_pt = mode(body_sizes)
    res["body_font_size_pt"] = body_pt
    # pitch between consecutive body-size lines
    diffs = []
    for p in pages:
        bl = [l for l in p["body"] if l["size"] == body_pt]
        for a, b in zip(bl, bl[1:]):
            d = b["base"] - a["base"]
            if d < body_pt * 2.5:
                diffs.append(round(d, 1))
    pitch = mode(diffs)
    res["line_pitch_pt"] = pitch
    res["line_pitch_mm"] = mm(pitch) if pitch else None
    # per page geometry
    per_page = []
    for p in pages:
        b = p["body"]
        if not b:
            per_page.append({"page": p["no"], "body_lines": 0})
            continue
        re_ = right_edge(b)
        per_page.append({
            "page": p["no"], "body_lines": len(b),
            "em_top_mm": mm(min(l["top"] for l in b)),
            "em_bottom_from_page_bottom_mm": mm(p["h"] - max(l["bottom"] for l in b)),
            "left_mm": mm(min(l["x0"] for l in b)),
            "right_from_page_right_mm": mm(p["w"] - re_),
            "max_overhang_past_right_edge_mm": mm(max(l["x1"] for l in b) - re_),
            "first_baseline_mm": mm(b[0]["base"]), "last_baseline_mm": mm(b[-1]["base"]),
        })
    # line slots: rows of the line grid from first to last baseline (blank lines count)
    for x in per_page:
        if x.get("body_lines") and pitch:
            x["line_slots"] = int(round((x["last_baseline_mm"] - x["first_baseline_mm"]) / mm(pitch))) + 1
    res["per_page"] = per_page
    full = per_page[:-1] if len(per_page) > 1 else per_page
    res["full_pages"] = [x["page"] for x in full]
    res["body_lines_per_full_page"] = sorted({x.get("line_slots", x["body_lines"]) for x in full})
    res["text_lines_per_full_page"] = sorted({x["body_lines"] for x in full})
    # chars per full line: lines that start at the page's left text edge and end at the right edge
    counts, pitches = [], []
    for p in pages:
        bl = [l for l in p["body"] if l["size"] == body_pt]
        if not bl:
            continue
        left = min(l["x0"] for l in bl)
        right = right_edge(bl)
        for l in bl:
            if abs(l["x0"] - left) < body_pt * 0.3 and abs(l["x1"] - right) < body_pt * 0.6:
                u = char_units(l["text"])
                counts.append(u)
                xs = [c["x0"] for c in l["chars"] if is_wide(c["text"])]
                for a, c in zip(xs, xs[1:]):
                    pitches.append(round(c - a, 2))
    res["chars_per_full_line"] = {"mode": mode(counts), "distribution": dict(collections.Counter(counts).most_common(6)),
                                  "full_lines_measured": len(counts)}
    res["cjk_char_pitch_pt"] = mode(pitches)
    res["_body_pt"] = body_pt
    return res


def rendered_roles(pages, body_pt):
    roles = collections.defaultdict(collections.Counter)
    first = pages[0]["body"] if pages else []
    big = max([l["size"] for l in first], default=0)
    for p in pages:
        for l in p["body"]:
            role = role_of_text(l["text"])
            if role is None:
                role = "title" if (p["no"] == 1 and l["size"] == big and big > body_pt + 2) else "body"
            cs = l["chars"]
            if role in ("h1", "h2", "h3", "h4"):
                m = re.match(r"^\s*\S*?[、）).．]", l["text"])
                k = len(m.group(0)) if m else 0
                cs = [c for c in cs[k:k + 6] if is_wide(c["text"])] or cs
            for c in cs:
                kind = "cjk" if is_wide(c["text"]) else "latin"
                roles[role]["%s %s %.1fpt" % (kind, clean_font(c["fontname"]), round(c["size"] * 2) / 2)] += 1
        for l in p["foot"]:
            for c in l["chars"]:
                kind = "digit" if c["text"].isdigit() else ("dash" if c["text"] in "—–―－-一" else "other")
                roles["page_number"]["%s %s %.1fpt" % (kind, clean_font(c["fontname"]), round(c["size"] * 2) / 2)] += 1
    out = {}
    for r, cnt in roles.items():
        out[r] = [{"font": k.split(" ")[1], "kind": k.split(" ")[0], "size_pt": float(k.split(" ")[2][:-2]),
                   "chars": n, "means": label_font(k.split(" ")[1])} for k, n in cnt.most_common(4)]
    return out


def page_numbers(pages, text_left_pt, text_right_pt, text_bottom_pt):
    out = []
    for p in pages:
        if not p["foot"]:
            out.append({"page": p["no"], "text": None})
            continue
        l = p["foot"][-1]
        cx = (l["x0"] + l["x1"]) / 2
        gap_left = l["x0"] - text_left_pt
        gap_right = text_right_pt - l["x1"]
        side = "center" if abs(gap_left - gap_right) < 15 else ("left" if gap_left < gap_right else "right")
        m = RE_PAGENO.match(l["text"].strip())
        num = int(m.group(1) or m.group(2)) if m else None
        dashes = [c for c in l["chars"] if c["text"] in "—―－-–一"]
        dash_y = None
        if dashes:
            d = dashes[0]
            dash_y = (d["top"] + d["bottom"]) / 2
        out.append({
            "page": p["no"], "text": l["text"], "number": num, "side": side,
            "dash_chars": sorted({"U+%04X" % ord(c["text"]) for c in dashes}),
            "size_pt": l["size"],
            "inset_from_text_edge_mm": mm(gap_right if side == "right" else gap_left) if side != "center" else None,
            "dash_center_below_text_bottom_mm": mm(dash_y - text_bottom_pt) if dash_y else None,
            "center_x_mm": mm(cx),
        })
    return out


# ------------------------------------------------------------ deviations
def dev(devs, item, expected, measured, ok, tol=None, note=None, severity="error"):
    d = {"item": item, "expected": expected, "measured": measured, "ok": bool(ok)}
    if tol is not None:
        d["tolerance"] = tol
    if note:
        d["note"] = note
    if not ok:
        d["severity"] = severity
    devs.append(d)


def check(declared, geo, roles_r, roles_d, pnos):
    devs = []
    sec = declared
    pw, ph = geo["page_size_mm"][0] if geo["page_size_mm"] else (0, 0)
    dev(devs, "page size (GB/T 148 A4)", "210 x 297 mm", "%s x %s mm" % (pw, ph),
        abs(pw - 210) <= 1 and abs(ph - 297) <= 1, "±1 mm")
    m = sec.get("margins_mm") or {}
    if m:
        dev(devs, "declared top margin 天头", "37 mm", m.get("top"), abs((m.get("top") or 0) - 37) <= 1, "±1 mm")
        dev(devs, "declared left margin 订口", "28 mm", m.get("left"), abs((m.get("left") or 0) - 28) <= 1, "±1 mm")
        if sec.get("page_mm"):
            tw = sec["page_mm"][0] - (m.get("left") or 0) - (m.get("right") or 0)
            th = sec["page_mm"][1] - (m.get("top") or 0) - (m.get("bottom") or 0)
            dev(devs, "declared text block 版心", "156 x 225 mm", "%.1f x %.1f mm" % (tw, th),
                abs(tw - 156) <= 1 and abs(th - 225) <= 1, "±1 mm")
    pitch = geo.get("line_pitch_pt") or 0
    body = geo.get("_body_pt") or 16
    slack = max(pitch - body, 0) / PT_PER_MM  # em box sits somewhere inside its line box
    full = [x for x in geo["per_page"] if x["page"] in geo["full_pages"] and x.get("body_lines")]
    if full:
        tops = [x["em_top_mm"] for x in full]
        dev(devs, "measured text top (first body line em box)", "within [36, %.1f] mm from page top" % (38 + slack),
            tops, all(36 <= t <= 38 + slack for t in tops), "±1 mm + (line pitch - font size)",
            note="em box of a line lies inside its line box; the line box must start at 37 mm")
        lefts = [x["left_mm"] for x in full]
        dev(devs, "measured left edge 订口", "28 mm", lefts, all(abs(v - 28) <= 1 for v in lefts), "±1 mm")
        rights = [x["right_from_page_right_mm"] for x in full]
        dev(devs, "measured right edge (210-28-156)", "26 mm", rights, all(abs(v - 26) <= 1 for v in rights), "±1 mm")
        if len(geo["per_page"]) > 1:
            bots = [x["em_bottom_from_page_bottom_mm"] for x in full]
            dev(devs, "measured text bottom on full pages (last line em box)", "within [34, %.1f] mm from page bottom" % (36 + slack),
                bots, all(34 <= b <= 36 + slack for b in bots), "±1 mm + (line pitch - font size)")
    dev(devs, "body font size 3号", "16 pt", geo.get("body_font_size_pt"), abs((geo.get("body_font_size_pt") or 0) - 16) <= 0.25, "±0.25 pt")
    if pitch:
        dev(devs, "line pitch (225 mm / 22)", "10.23 mm (28.99 pt)", "%s mm" % geo["line_pitch_mm"],
            abs(geo["line_pitch_mm"] - 225 / 22) <= 0.25, "±0.25 mm")
    if len(geo["per_page"]) > 1:
        dev(devs, "body lines per full page", 22, geo["body_lines_per_full_page"],
            geo["body_lines_per_full_page"] == [22], "exact",
            note="5.2.3 一般每面排22行; line slots (blank lines included) between first and last baseline, every page except the last", severity="warn")
    else:
        dev(devs, "body lines per full page", 22, "not measurable (single page)", True)
    cpl = geo["chars_per_full_line"]["mode"]
    dev(devs, "characters per full body line", 28, geo["chars_per_full_line"],
        cpl is not None and abs(cpl - 28) <= 0.5, "±0.5 (half-width counts 0.5)",
        note="5.2.3 每行排28个字; mode over lines touching both text edges", severity="warn")
    # fonts
    for role, (rx, human) in ROLE_FONT_RULES.items():
        if role == "page_number":
            continue
        dec = roles_d.get(role)
        if not dec:
            continue
        top = next(iter(dec))
        ea = top.split(" | ")[0]
        dev(devs, "declared East Asian font: %s" % role, human, top, re.search(rx, ea) is not None)
        size = float(top.split(" | ")[2].split("pt")[0])
        dev(devs, "declared size: %s" % role, "%.0f pt" % ROLE_SIZE[role], "%.1f pt" % size,
            abs(size - ROLE_SIZE[role]) <= 0.25)
    for role in ("title", "body", "h1", "h2", "h3", "h4"):
        rr = [x for x in roles_r.get(role, []) if x["kind"] == "cjk"]
        if rr:
            s = rr[0]["size_pt"]
            dev(devs, "rendered CJK size: %s" % role, "%.0f pt" % ROLE_SIZE[role], "%.1f pt" % s, abs(s - ROLE_SIZE[role]) <= 0.25)
    # page numbers
    pn = [x for x in pnos if x.get("text")]
    dev(devs, "page number on every page", len(pnos), len(pn), len(pn) >= len(pnos) - 1,
        note="版记页前有空白页时空白页和版记页不编排页码", severity="error")
    for x in pn:
        exp_side = "right" if x["page"] % 2 == 1 else "left"
        dev(devs, "page %d number side" % x["page"], exp_side + " (单页码居右空一字, 双页码居左空一字)", x["side"], x["side"] == exp_side)
        dev(devs, "page %d number format" % x["page"], "— %d — (一字线 U+2014 each side)" % x["page"], x["text"],
            x["number"] == x["page"] and "U+2014" in x["dash_chars"] and x["text"].count("—") >= 2)
        dev(devs, "page %d number size 4号" % x["page"], "14 pt", x["size_pt"], abs(x["size_pt"] - 14) <= 0.25)
        if x["inset_from_text_edge_mm"] is not None:
            dev(devs, "page %d number inset 空一字" % x["page"], "one 4号 char = 4.9 mm", x["inset_from_text_edge_mm"],
                abs(x["inset_from_text_edge_mm"] - 4.94) <= 1.5, "±1.5 mm", severity="warn",
                note="some templates read 一字 as one 3号 char (5.6 mm)")
        if x["dash_center_below_text_bottom_mm"] is not None:
            dev(devs, "page %d dash below 版心 bottom" % x["page"], "7 mm", x["dash_center_below_text_bottom_mm"],
                abs(x["dash_center_below_text_bottom_mm"] - 7) <= 1.5, "±1.5 mm (em-box centre of the dash)", severity="warn")
    if not sec.get("evenAndOddHeaders"):
        dev(devs, "settings evenAndOddHeaders", "true (odd right / even left page numbers)", False, False)
    lang = sec.get("lang_eastAsia")
    dev(devs, "East Asian language tag", "zh-CN", lang, (lang or "").lower() == "zh-cn", severity="warn",
        note="affects which theme/fallback font Word and LibreOffice pick for CJK")
    return devs


# ------------------------------------------------------------ main
def probe(docx, soffice="soffice", keep_pdf=None, png=None, fontmap=True, emulate=True):
    docx = os.path.abspath(docx)
    info = DocxInfo(docx)
    declared = info.section()
    roles_d = info.declared_roles()
    normal_pt = info.normal_size_pt()
    tmp = tempfile.mkdtemp(prefix="gbt9704-")
    out = {"file": docx, "renderer": None, "declared": declared, "declared_fonts_by_role": roles_d}
    try:
        v = subprocess.run([soffice, "--version"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=60)
        out["renderer"] = v.stdout.decode(errors="replace").strip()
        raw_pdf = to_pdf(docx, tmp, soffice, tmp, fontmap)
        emu = needs_grid_emulation(declared, normal_pt) if emulate else None
        measured_pdf = raw_pdf
        if emu:
            raw_pages = pdf_lines(raw_pdf)
            raw_geo = analyse_pdf(raw_pages)
            out["libreoffice_raw"] = {k: raw_geo[k] for k in ("pages", "chars_per_full_line", "cjk_char_pitch_pt", "body_lines_per_full_page")}
            emu_dir = os.path.join(tmp, "emu")
            os.makedirs(emu_dir)
            emu_docx = os.path.join(emu_dir, os.path.basename(docx))
            make_emulated_copy(docx, emu_docx, emu)
            measured_pdf = to_pdf(emu_docx, emu_dir, soffice, tmp, fontmap)
            emu["why"] = ("docGrid linesAndChars with pitch < glyph size: Word compresses CJK text to the pitch, "
                          "LibreOffice does not (it gives each glyph 2 grid cells, or ignores an unsigned charSpace); "
                          "measured a copy with grid type 'lines' + character spacing %d/20 pt instead"
                          % emu["spacing_twentieths"])
            out["word_grid_emulation"] = emu
        pages = pdf_lines(measured_pdf)
        geo = analyse_pdf(pages)
        pw_pt = pages[0]["w"] if pages else 595.3
        m = declared.get("margins_mm") or {}
        # page numbers are judged against the standard's 版心, not the file's margins
        pnos = page_numbers(pages, STD["left_mm"] * PT_PER_MM, (210 - STD["right_mm"]) * PT_PER_MM,
                            (297 - STD["bottom_mm"]) * PT_PER_MM)
        roles_r = rendered_roles(pages, geo["_body_pt"])
        out["measured"] = {k: v for k, v in geo.items() if not k.startswith("_")}
        out["rendered_fonts_by_role"] = roles_r
        out["page_numbers"] = pnos
        devs = check(declared, geo, roles_r, roles_d, pnos)
        out["deviations"] = [d for d in devs if not d["ok"]]
        out["checks_passed"] = [d["item"] for d in devs if d["ok"]]
        out["summary"] = {"checks": len(devs), "failed": len(out["deviations"]),
                          "errors": sum(1 for d in out["deviations"] if d.get("severity") == "error")}
        if keep_pdf:
            os.makedirs(keep_pdf, exist_ok=True)
            shutil.copy(measured_pdf, keep_pdf)
            if measured_pdf != raw_pdf:
                shutil.copy(raw_pdf, os.path.join(keep_pdf, "raw-" + os.path.basename(raw_pdf)))
        if png:
            os.makedirs(png, exist_ok=True)
            stem = os.path.join(png, os.path.splitext(os.path.basename(docx))[0])
            subprocess.run(["pdftoppm", "-r", "60", "-png", measured_pdf, stem], check=False)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("docx")
    ap.add_argument("--soffice", default=shutil.which("soffice") or "soffice")
    ap.add_argument("--keep-pdf", metavar="DIR", help="copy the measured PDF(s) here")
    ap.add_argument("--png", metavar="DIR", help="also render pages to PNG here (pdftoppm)")
    ap.add_argument("--no-fontmap", action="store_true", help="do not map standard font names to stand-ins")
    ap.add_argument("--no-grid-emulation", action="store_true", help="measure LibreOffice's raw rendering only")
    ap.add_argument("--strict", action="store_true", help="exit 1 when any deviation is found")
    a = ap.parse_args()
    res = probe(a.docx, a.soffice, a.keep_pdf, a.png, not a.no_fontmap, not a.no_grid_emulation)
    json.dump(res, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    if a.strict and res.get("deviations"):
        sys.exit(1)


if __name__ == "__main__":
    main()
