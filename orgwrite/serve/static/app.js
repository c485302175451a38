// orgwrite review page: the text with its findings in place, fixes accepted one by one or all
// at once, Word files downloaded.  Every request carries the server's token.
"use strict";

const TOKEN = document.body.dataset.token;
const FAMILY = { P: "标点", S: "结构", N: "数字", E: "列举与数目", F: "规范表述", T: "时效", W: "用词", D: "引用文件" };
const SEVERITY = { error: "错误", warning: "警告", info: "提示" };
const $ = (id) => document.getElementById(id);

const state = {
  text: "", format: "txt", name: "", docx: null, asOf: "",
  findings: [], rules: {}, families: {}, hidden: new Set(),
  ignoreRules: new Set(), ignoreOnce: new Set(),
  originalKeys: new Set(), accepted: new Set(), selected: null,
};

async function call(path, body, asBlob) {
  const response = await fetch(path, {
    method: body === undefined ? "GET" : "POST",
    headers: { "X-Orgwrite-Token": TOKEN, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    let message = `请求失败（${response.status}）`;
    try { message = (await response.json()).error || message; } catch (e) { /* not JSON */ }
    throw new Error(message);
  }
  return asBlob ? response : response.json();
}

function say(message) {
  const box = $("message");
  box.textContent = message || "";
  box.hidden = !message;
}

function payload() {
  return {
    text: state.text, format: state.format, name: state.name, as_of: state.asOf || null,
    ignore_rules: [...state.ignoreRules], ignore_once: [...state.ignoreOnce], docx: state.docx,
  };
}

async function runCheck(keepPlace) {
  const doc = $("doc");
  const scroll = doc.scrollTop;
  const selectedAt = state.selected ? [state.selected.line, state.selected.column] : null;
  say("");
  try {
    const result = await call("/api/check", payload());
    state.findings = result.findings;
    state.rules = result.rules;
    state.families = result.families;
    $("asof").value = result.as_of || "";
    $("asof-source").textContent = result.as_of ? `（${result.as_of_source || "指定"}）` : "（未能确定文本日期）";
    $("genre").textContent = result.genre ? `文种：${result.genre}` : "";
    render();
    $("results").hidden = false;
    if (keepPlace) {
      doc.scrollTop = scroll;
      const next = selectedAt && state.findings.find((f) => f.line > selectedAt[0] || (f.line === selectedAt[0] && f.column >= selectedAt[1]));
      if (next) select(next.key, false);
    }
    return result;
  } catch (e) {
    say(e.message);
    return null;
  }
}

function visible() {
  return state.findings.filter((f) => !state.hidden.has(f.rule[0]));
}

function render() {
  const shown = visible();
  $("summary").textContent = `共 ${state.findings.length} 个问题`;
  const families = $("families");
  families.textContent = "";
  for (const [family, count] of Object.entries(state.families).sort()) {
    const label = document.createElement("label");
    label.className = "family";
    const box = document.createElement("input");
    box.type = "checkbox";
    box.checked = !state.hidden.has(family);
    box.dataset.family = family;
    box.addEventListener("change", () => {
      if (box.checked) state.hidden.delete(family); else state.hidden.add(family);
      render();
    });
    label.append(box, ` ${FAMILY[family] || family}（${family}）${count}`);
    families.append(label);
  }
  renderText(shown);
  const list = $("list");
  list.textContent = "";
  for (const f of shown) {
    const item = document.createElement("li");
    item.className = `finding-item sev-${f.severity}`;
    item.dataset.key = f.key;
    item.textContent = `${f.rule} 第${f.line}行：${f.message}`;
    item.addEventListener("click", () => select(f.key, true));
    list.append(item);
  }
  const isDocx = Boolean(state.docx);
  $("download-annotated").hidden = !isDocx;
  $("download-tracked").hidden = !isDocx;
}

function renderText(shown) {
  const doc = $("doc");
  doc.textContent = "";
  const lines = state.text.split("\n");
  const byLine = new Map();
  for (const f of shown) {
    for (let ln = f.line; ln <= f.end_line; ln++) {
      if (!byLine.has(ln)) byLine.set(ln, []);
      byLine.get(ln).push(f);
    }
  }
  lines.forEach((text, i) => {
    const ln = i + 1;
    const row = document.createElement("div");
    row.className = "line";
    const number = document.createElement("span");
    number.className = "lineno";
    number.textContent = ln;
    row.append(number);
    const chars = Array.from(text);
    const spans = (byLine.get(ln) || []).map((f) => ({
      f,
      start: f.line === ln ? f.column - 1 : 0,
      end: f.end_line === ln ? Math.max(f.end_column - 1, f.column) : chars.length,
    }));
    const cuts = new Set([0, chars.length]);
    spans.forEach((s) => { cuts.add(Math.min(s.start, chars.length)); cuts.add(Math.min(s.end, chars.length)); });
    const points = [...cuts].sort((a, b) => a - b);
    for (let k = 0; k + 1 < points.length; k++) {
      const a = points[k], b = points[k + 1];
      const piece = chars.slice(a, b).join("");
      const covering = spans.filter((s) => s.start <= a && b <= s.end && s.start < s.end);
      if (!covering.length) { row.append(piece); continue; }
      const worst = covering.map((s) => s.f.severity).sort((x, y) => ["error", "warning", "info"].indexOf(x) - ["error", "warning", "info"].indexOf(y))[0];
      const mark = document.createElement("mark");
      mark.className = `finding sev-${worst}`;
      mark.dataset.keys = covering.map((s) => s.f.key).join(" ");
      mark.title = covering.map((s) => `${s.f.rule}：${s.f.message}`).join("\n");
      mark.textContent = piece;
      mark.addEventListener("click", () => select(covering[0].f.key, false));
      row.append(mark);
    }
    doc.append(row);
  });
}

function select(key, scroll) {
  const f = state.findings.find((x) => x.key === key);
  if (!f) return;
  state.selected = f;
  document.querySelectorAll(".selected").forEach((el) => el.classList.remove("selected"));
  document.querySelectorAll("mark.finding").forEach((m) => { if (m.dataset.keys.split(" ").includes(key)) m.classList.add("selected"); });
  const item = document.querySelector(`#list li[data-key="${key}"]`);
  if (item) item.classList.add("selected");
  const first = document.querySelector("mark.selected");
  if (scroll && first) first.scrollIntoView({ block: "center" });
  showPanel(f);
}

function showPanel(f) {
  const rule = state.rules[f.rule] || {};
  const panel = $("panel");
  panel.textContent = "";
  const h = document.createElement("h2");
  h.textContent = `${f.rule} ${rule.name || ""}（${SEVERITY[f.severity]}）`;
  const message = document.createElement("p");
  message.id = "panel-message";
  message.textContent = f.message;
  panel.append(h, message);
  if (f.replacement !== null) {
    const p = document.createElement("p");
    p.id = "panel-replacement";
    p.textContent = `建议改为：“${f.replacement}”${f.fix === "safe" ? "（安全修复）" : "（需确认的修复）"}`;
    panel.append(p);
  }
  const section = (title, lines) => {
    if (!lines || !lines.length) return;
    const p = document.createElement("p");
    p.innerHTML = "";
    const b = document.createElement("b");
    b.textContent = `${title}：`;
    p.append(b);
    lines.forEach((line) => {
      const div = document.createElement("div");
      div.className = title.includes("示例") ? "example" : "";
      div.textContent = line.replaceAll("\\n", " ⏎ ");
      p.append(div);
    });
    panel.append(p);
  };
  section("原因", rule.why);
  section("错误示例", rule.wrong);
  section("正确示例", rule.right);
  section("依据", rule.basis);
  const row = document.createElement("div");
  row.className = "row";
  if (f.replacement !== null) {
    row.append(button("accept", f.fix === "safe" ? "接受修复" : "接受修复（需确认）", () => accept(f)));
  }
  row.append(button("ignore-once", "忽略本条", () => { state.ignoreOnce.add(f.key); runCheck(true); }));
  row.append(button("ignore-rule", `本文忽略 ${f.rule}`, () => { state.ignoreRules.add(f.rule); runCheck(true); }));
  panel.append(row);
}

function button(id, label, action) {
  const b = document.createElement("button");
  b.id = id;
  b.type = "button";
  b.textContent = label;
  b.addEventListener("click", action);
  return b;
}

function offset(lines, line, column) {
  let at = 0;
  for (let i = 0; i < line - 1; i++) at += Array.from(lines[i]).length + 1;
  return at + column - 1;
}

function accept(f) {
  const chars = Array.from(state.text);
  const lines = state.text.split("\n");
  const start = offset(lines, f.line, f.column);
  const end = offset(lines, f.end_line, f.end_column);
  state.text = chars.slice(0, start).join("") + f.replacement + chars.slice(end).join("");
  $("text").value = state.text;
  if (state.originalKeys.has(f.key)) state.accepted.add(f.key);
  runCheck(true);
}

async function acceptAll() {
  try {
    const result = await call("/api/fix", payload());
    state.text = result.text;
    $("text").value = state.text;
    state.accepted = null; // every safe fix: the tracked .docx gets them all
    await runCheck(true);
  } catch (e) { say(e.message); }
}

async function download(path, body, fallback) {
  try {
    const response = await call(path, body, true);
    const blob = await response.blob();
    const disposition = response.headers.get("Content-Disposition") || "";
    const m = /filename\*=UTF-8''([^;]+)/.exec(disposition);
    const name = m ? decodeURIComponent(m[1]) : fallback;
    saveBlob(blob, name);
  } catch (e) { say(e.message); }
}

function saveBlob(blob, name) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

async function load(file) {
  say("");
  try {
    const response = await fetch("/api/upload", {
      method: "POST",
      headers: { "X-Orgwrite-Token": TOKEN, "X-Filename": encodeURIComponent(file.name) },
      body: file,
    });
    const data = await response.json();
    if (!response.ok) throw new Error(data.error || `上传失败（${response.status}）`);
    Object.assign(state, { text: data.text, format: data.format, name: data.name, docx: data.docx || null });
    state.ignoreOnce = new Set(); state.ignoreRules = new Set(); state.accepted = new Set();
    $("text").value = data.text;
    $("filename").textContent = data.name;
    const result = await runCheck(false);
    state.originalKeys = new Set(result ? result.findings.map((f) => f.key) : []);
  } catch (e) { say(e.message); }
}

function wire() {
  $("check").addEventListener("click", () => {
    if ($("text").value !== state.text) { state.docx = null; state.originalKeys = new Set(); }
    state.text = $("text").value;
    runCheck(false);
  });
  $("asof").addEventListener("change", () => { state.asOf = $("asof").value; runCheck(true); });
  $("file").addEventListener("change", (e) => { if (e.target.files[0]) load(e.target.files[0]); });
  const drop = $("drop");
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => { e.preventDefault(); drop.classList.remove("over"); if (e.dataTransfer.files[0]) load(e.dataTransfer.files[0]); });
  $("accept-all").addEventListener("click", acceptAll);
  $("download-text").addEventListener("click", () => saveBlob(new Blob([state.text], { type: "text/plain;charset=utf-8" }), (state.name || "文稿").replace(/\.(docx|txt|md)$/i, "") + "-修改后." + (state.format === "md" ? "md" : "txt")));
  $("export").addEventListener("click", () => download("/api/export", payload(), "文稿-GBT9704.docx"));
  $("download-annotated").addEventListener("click", () => download("/api/annotated", payload(), "文稿-批注.docx"));
  $("download-tracked").addEventListener("click", () => download("/api/tracked", { ...payload(), accepted: state.accepted === null ? null : [...state.accepted] }, "文稿-修订.docx"));
  $("tab-review").addEventListener("click", () => tab("review"));
  $("tab-draft").addEventListener("click", () => tab("drafting"));
  $("draft-btn").addEventListener("click", draft);
  $("draft-check").addEventListener("click", () => {
    Object.assign(state, { text: $("draft-preview").textContent, format: "txt", name: "起草稿", docx: null });
    $("text").value = state.text;
    tab("review");
    runCheck(false);
  });
  $("draft-export").addEventListener("click", () => download("/api/export", { text: $("draft-preview").textContent, format: "txt", name: "起草稿" }, "起草稿-GBT9704.docx"));
  loadGenres();
}

function tab(which) {
  $("review").hidden = which !== "review";
  $("drafting").hidden = which !== "drafting";
  $("tab-review").classList.toggle("active", which === "review");
  $("tab-draft").classList.toggle("active", which === "drafting");
}

async function loadGenres() {
  try {
    const { genres } = await call("/api/genres");
    const select = $("genre-select");
    for (const g of genres) {
      const option = document.createElement("option");
      option.value = g.key;
      option.textContent = g.name;
      option.dataset.starter = g.starter;
      select.append(option);
    }
    const pick = () => { $("outline").value = select.selectedOptions[0].dataset.starter; };
    select.addEventListener("change", pick);
    if (genres.length) pick();
  } catch (e) { say(e.message); }
}

async function draft() {
  const errors = $("draft-errors");
  errors.textContent = "";
  try {
    const result = await call("/api/draft", { outline: $("outline").value });
    for (const line of result.errors) {
      const li = document.createElement("li");
      li.textContent = line;
      errors.append(li);
    }
    $("draft-preview").textContent = result.text || "";
    $("draft-check").disabled = !result.text;
    $("draft-export").disabled = !result.text;
  } catch (e) { say(e.message); }
}

wire();
