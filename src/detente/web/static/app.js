// detente dashboard: fetch page data from /api/ and draw it. All text goes in through
// textContent (never innerHTML), so data from articles and scenarios cannot become markup.
"use strict";

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

const pct = (p) => (100 * p).toFixed(1) + "%";
const num = (x, d = 1) => Number(x).toFixed(d);

async function getJSON(url, options) {
  const r = await fetch(url, options);
  let body = null;
  try { body = await r.json(); } catch (e) { body = null; }
  if (!r.ok) {
    let detail = body && body.detail ? body.detail : r.status + " " + r.statusText;
    if (Array.isArray(detail)) detail = detail.map((d) => (d.loc || []).join(".") + ": " + d.msg).join("; ");
    throw new Error(detail);
  }
  return body;
}

function showError(id, err) {
  const box = document.getElementById(id);
  if (!box) return;
  box.hidden = !err;
  box.textContent = err ? String(err.message || err) : "";
}

function table(headers, rows, id) {
  const t = el("table", { class: "data" });
  if (id) t.id = id;
  t.append(el("thead", {}, el("tr", {}, ...headers.map((h) => el("th", { text: h })))));
  const body = el("tbody");
  for (const r of rows) body.append(el("tr", {}, ...r.map((c) => (c instanceof Node ? el("td", {}, c) : el("td", { text: c })))));
  t.append(body);
  return t;
}

const PLOT_CONFIG = { displaylogo: false, responsive: true };

// ---------------------------------------------------------------- forecast

function classTable(f, id) {
  const models = f.models.map((m) => m.name);
  const rows = f.classes.map((c) => [
    el("span", {}, el("strong", { text: c.name }), " ", el("span", { class: "id", text: c.id })),
    pct(c.probability),
    pct(c.low) + "–" + pct(c.high),
    el("span", { class: "word", text: c.word }),
    el("span", { title: c.reasons.join("; "), text: c.confidence }),
    ...models.map((m) => pct(c.per_model[m])),
  ]);
  return table(["Class", "Probability", "Interval", "Estimative", "Confidence", ...models], rows, id);
}

function drawForecast(f) {
  const box = document.getElementById("forecast-classes");
  box.replaceChildren(classTable(f, "class-table"));
  document.getElementById("run-info").textContent =
    f.draws + " draws, seed " + f.seed + ", " + f.models.length + " models, " +
    (f.cached ? "served from the server's cache (computed earlier in " + num(f.seconds, 2) + " s)"
              : "computed in " + num(f.seconds, 2) + " s");
  const times = document.getElementById("model-times");
  if (times) {
    const secs = (x) => (x === null || x === undefined ? "–" : num(x, 2) + " s");
    times.replaceChildren(table(["Model", "Version", "Seconds", "CPU seconds", "Agrees with majority"],
      f.models.map((m) => [m.name, m.version, secs(m.seconds), secs(m.cpu_seconds), pct(m.agreement)]), "model-times-table"));
  }
  const agreement = document.getElementById("agreement");
  agreement.replaceChildren(el("p", {}, "All models put a draw in the same class in ",
    el("strong", { id: "agreement-all", text: pct(f.agreement) }), " of draws."));
  if (f.warnings.length) agreement.append(el("p", { class: "warn-line", text: f.warnings.join("; ") }));
  if (!window.Plotly) return;
  const classNames = f.classes.map((c) => c.name);
  Plotly.react("chart-classes", f.models.map((m) => ({
    type: "bar", name: m.name, x: classNames, y: f.classes.map((c) => c.per_model[m.name]),
  })), { barmode: "group", yaxis: { title: "probability", range: [0, 1], tickformat: ".0%" },
         margin: { t: 10, b: 90 }, legend: { orientation: "h" } }, PLOT_CONFIG);
  Plotly.react("chart-agreement", [{
    type: "bar", x: f.models.map((m) => m.name), y: f.models.map((m) => m.agreement),
  }], { yaxis: { title: "share of draws in the majority class", range: [0, 1], tickformat: ".0%" },
        margin: { t: 10 } }, PLOT_CONFIG);
  const holder = document.getElementById("charts-issues");
  holder.replaceChildren();
  for (const issue of f.issues) {
    const div = el("div", { class: "chart", id: "chart-issue-" + issue.id });
    holder.append(el("h3", { text: issue.name + " (mean " + num(issue.mean) + ")" }), div);
    const traces = f.histograms.filter((h) => h.issue === issue.id).map((h) => ({
      type: "scatter", mode: "lines", line: { shape: "hvh" }, name: h.model,
      x: h.edges.slice(0, -1).map((e, i) => (e + h.edges[i + 1]) / 2),
      y: h.counts.map((c) => c / f.draws),
    }));
    Plotly.react(div, traces, {
      xaxis: { title: "0 = " + issue.low + " · 100 = " + issue.high, range: [0, 100] },
      yaxis: { title: "share of draws", tickformat: ".0%" }, margin: { t: 10 }, legend: { orientation: "h" },
    }, PLOT_CONFIG);
  }
}

// The record form names the forecast last shown: its draws, seed, models and inputs hash.
function setRecordForm(f) {
  const form = document.getElementById("record-form");
  if (!form) return;
  for (const old of form.querySelectorAll("input[name=model]")) old.remove();
  form.elements.draws.value = f.draws;
  form.elements.seed.value = f.seed;
  form.elements.inputs_hash.value = f.inputs_hash;
  for (const m of f.models) form.prepend(el("input", { type: "hidden", name: "model", value: m.name }));
}

function recordForm() {
  const form = document.getElementById("record-form");
  if (!form) return;
  const out = document.getElementById("record-result");
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    const body = { draws: Number(data.get("draws")), seed: Number(data.get("seed")), models: data.getAll("model"),
                   inputs_hash: data.get("inputs_hash") };
    const button = document.getElementById("record");
    button.disabled = true;
    try {
      const r = await getJSON("/api/forecast/record", { method: "POST", headers: { "Content-Type": "application/json" },
                                                        body: JSON.stringify(body) });
      out.className = r.new ? "ok" : "notice";
      out.replaceChildren(r.new ? "Recorded as " : "Already recorded as ", el("a", { href: r.url, text: r.id }),
        r.edited ? " (edited scenario: " + r.changes.length + " changed value" + (r.changes.length === 1 ? "" : "s") + ")" : "");
      document.body.dataset.recorded = r.id;
    } catch (e) {
      out.className = "error";
      out.textContent = String(e.message || e);
    } finally { button.disabled = false; }
  });
}

async function forecastPage() {
  const form = document.getElementById("run-form");
  const record = document.getElementById("record");
  recordForm();
  const run = async () => {
    const q = new URLSearchParams(new FormData(form));
    if (!q.getAll("model").length) { showError("forecast-error", "choose at least one model"); return; }
    document.getElementById("rerun").disabled = true;
    if (record) record.disabled = true;
    try {
      const f = await getJSON("/api/forecast?" + q);
      showError("forecast-error", null);
      drawForecast(f);
      setRecordForm(f);
      document.getElementById("record-result").replaceChildren();
      document.body.dataset.ready = "forecast";
    } catch (e) { showError("forecast-error", e); }
    finally {
      document.getElementById("rerun").disabled = false;
      if (record) record.disabled = false;
    }
  };
  const params = new URLSearchParams(location.search);
  for (const k of ["draws", "seed"]) if (params.get(k)) form.elements[k].value = params.get(k);
  const chosen = params.getAll("model");
  if (chosen.length) for (const box of form.querySelectorAll("input[name=model]")) box.checked = chosen.includes(box.value);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    history.replaceState(null, "", "/forecast?" + new URLSearchParams(new FormData(form)));
    run();
  });
  await run();
}

// ---------------------------------------------------------------- scenario

async function scenarioPage() {
  for (const form of document.querySelectorAll("form.edit")) {
    const field = form.querySelector("select[name=field]");
    if (field) field.addEventListener("change", () => { form.elements.value.value = form.dataset[field.value]; });
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const data = new FormData(form);
      const body = { field: data.get("field"), actor: data.get("actor"), value: Number(data.get("value")) };
      if (data.get("issue")) body.issue = data.get("issue");
      if (data.get("value") === "" || Number.isNaN(body.value)) { showError("edit-error", "value: not a number"); return; }
      try {
        await getJSON("/api/scenario/value", { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
        location.reload();
      } catch (e) { showError("edit-error", e); }
    });
  }
  const box = document.getElementById("forecast-summary");
  try {
    const f = await getJSON(box.dataset.api);
    box.replaceChildren(classTable(f, "summary-table"),
      el("p", { class: "hint", text: f.draws + " draws, seed " + f.seed + ", computed in " + num(f.seconds, 2) + " s · " }));
    box.lastChild.append(el("a", { href: "/forecast", text: "charts" }));
    document.body.dataset.ready = "scenario";
  } catch (e) { box.replaceChildren(el("p", { class: "error", text: String(e.message || e) })); }
}

// ---------------------------------------------------------------- what-if

async function whatifPage() {
  const form = document.getElementById("whatif-form");
  if (!form) return;
  const run = async () => {
    const q = new URLSearchParams([...new FormData(form)].filter(([k, v]) => k !== "shock" || v.trim()));
    try {
      const w = await getJSON("/api/whatif?" + q);
      showError("whatif-error", null);
      const signed = (x, f) => (x >= 0 ? "+" : "−") + f(Math.abs(x));
      const pp = (x) => num(100 * x, 1) + " pts";
      const box = document.getElementById("whatif-result");
      box.replaceChildren(el("p", { class: "hint", text: w.draws + " draws, seed " + w.seed + ", computed in " + num(w.seconds, 2) + " s" }));
      w.effects.forEach((eff, n) => {
        box.append(
          el("h2", { text: eff.name }),
          el("p", { class: "hint", text: eff.changes.map((c) => c.actor + "." + c.field + (c.issue ? "." + c.issue : "") + " " + c.op + " " + c.value).join("; ") }),
          table(["Class", "Before", "After", "Change (95% interval)", "In words"], eff.classes.map((c) => [
            c.name, pct(c.before), pct(c.after),
            signed(c.change, pp) + " (" + signed(c.low, pp) + " to " + signed(c.high, pp) + ")",
            c.word_before + " → " + c.word_after]), "whatif-classes-" + n),
          table(["Issue (mean outcome)", "Before", "After", "Change"], eff.issues.map((i) => [
            i.name, num(i.before), num(i.after), signed(i.change, (x) => num(x))]), "whatif-issues-" + n));
      });
      const chart = document.getElementById("chart-whatif");
      chart.hidden = false;
      if (window.Plotly) {
        const names = w.baseline.classes.map((c) => c.name);
        Plotly.react(chart, [{ type: "bar", name: "baseline", x: names, y: w.baseline.classes.map((c) => c.probability) },
          ...w.effects.map((eff) => ({ type: "bar", name: eff.name, x: names, y: eff.classes.map((c) => c.after) }))],
          { barmode: "group", yaxis: { range: [0, 1], tickformat: ".0%" }, margin: { t: 10, b: 90 }, legend: { orientation: "h" } }, PLOT_CONFIG);
      }
      document.body.dataset.ready = "whatif";
    } catch (e) { showError("whatif-error", e); }
  };
  const params = new URLSearchParams(location.search);
  const chosen = params.getAll("shock").filter((x) => x.trim());
  const ids = [];
  for (const box of form.querySelectorAll("input[type=checkbox][name=shock]")) { box.checked = chosen.includes(box.value); ids.push(box.value); }
  const custom = chosen.filter((x) => !ids.includes(x));
  if (custom.length) document.getElementById("custom-shock").value = custom.join("; ");
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    history.replaceState(null, "", "/whatif?" + new URLSearchParams(new FormData(form)));
    run();
  });
  if (chosen.length) await run();
}

// ---------------------------------------------------------------- timeline and actors

async function timelinePage() {
  const div = document.getElementById("chart-timeline");
  const t = await getJSON(div.dataset.api + location.search);
  if (!window.Plotly || !t.events.length) { div.hidden = !t.events.length; return; }
  const types = [...new Set(t.events.map((e) => e.type))].sort();
  const statuses = [...new Set(t.events.map((e) => e.status))].sort();
  const symbols = { occurred: "circle", planned: "diamond", cancelled: "x", denied: "x-open", hypothetical: "circle-open" };
  // jitter within a row so events on one day stay apart
  const seen = {};
  const traces = statuses.map((st) => {
    const evs = t.events.filter((e) => e.status === st && e.date);
    return {
      type: "scatter", mode: "markers", name: st, marker: { size: 9, symbol: symbols[st] || "circle" },
      x: evs.map((e) => e.date),
      y: evs.map((e) => { const k = e.date + e.type; seen[k] = (seen[k] || 0) + 1; return types.indexOf(e.type) + ((seen[k] % 5) - 2) * 0.08; }),
      text: evs.map((e) => (e.source || "?") + " → " + (e.target || "?") + ": " + e.type + " (" + e.status + ")"),
      hoverinfo: "text+x", customdata: evs.map((e) => e.link),
    };
  });
  await Plotly.react(div, traces, {
    yaxis: { tickvals: types.map((_, i) => i), ticktext: types, automargin: true },
    xaxis: { type: "date" }, margin: { t: 10 }, height: Math.max(320, 28 * types.length + 120), legend: { orientation: "h" },
  }, PLOT_CONFIG);
  div.on("plotly_click", (ev) => { const link = ev.points[0].customdata; if (link && link.startsWith("/articles/")) location.href = link; });
  document.body.dataset.ready = "timeline";
}

async function actorsPage() {
  const div = document.getElementById("chart-network");
  const data = await getJSON(div.dataset.api);
  if (!window.Plotly || !data.edges.length) { div.hidden = !data.edges.length; return; }
  // Nodes: actors taking part in an event with both ends named; placed on a circle in order
  // of activity (a force layout would move on every load; a circle is stable and readable).
  const weight = {};
  for (const e of data.edges) { weight[e.source] = (weight[e.source] || 0) + e.count; weight[e.target] = (weight[e.target] || 0) + e.count; }
  const nodes = Object.keys(weight).sort((a, b) => weight[b] - weight[a] || a.localeCompare(b));
  const pos = {};
  nodes.forEach((n, i) => { const a = (2 * Math.PI * i) / nodes.length; pos[n] = [Math.cos(a), Math.sin(a)]; });
  const max = Math.max(...data.edges.map((e) => e.count));
  const edges = data.edges.map((e) => ({
    type: "scatter", mode: "lines", hoverinfo: "text", showlegend: false,
    x: [pos[e.source][0], 0.92 * pos[e.target][0] + 0.08 * pos[e.source][0]],
    y: [pos[e.source][1], 0.92 * pos[e.target][1] + 0.08 * pos[e.source][1]],
    line: { width: 1 + (7 * e.count) / max, color: "rgba(31,95,168,0.35)" },
    text: e.source + " → " + e.target + ": " + Object.entries(e.types).map(([t, n]) => t + " " + n).join(", "),
  }));
  const arrows = data.edges.map((e) => ({
    ax: pos[e.source][0], ay: pos[e.source][1], axref: "x", ayref: "y", xref: "x", yref: "y",
    x: 0.92 * pos[e.target][0] + 0.08 * pos[e.source][0], y: 0.92 * pos[e.target][1] + 0.08 * pos[e.source][1],
    showarrow: true, arrowhead: 2, arrowsize: 1, arrowwidth: 1, arrowcolor: "rgba(31,95,168,0.5)", text: "",
  }));
  const nodeTrace = {
    type: "scatter", mode: "markers+text", showlegend: false, textposition: "top center",
    x: nodes.map((n) => pos[n][0]), y: nodes.map((n) => pos[n][1]), text: nodes,
    marker: { size: nodes.map((n) => 8 + 22 * Math.sqrt(weight[n] / Math.max(...Object.values(weight)))), color: "#17324f" },
    hovertext: nodes.map((n) => n + ": " + weight[n] + " events"), hoverinfo: "text",
  };
  await Plotly.react(div, [...edges, nodeTrace], {
    xaxis: { visible: false, range: [-1.3, 1.3] }, yaxis: { visible: false, range: [-1.15, 1.15] },
    annotations: arrows, margin: { t: 10, b: 10, l: 10, r: 10 }, height: 560, hovermode: "closest",
  }, PLOT_CONFIG);
  document.body.dataset.ready = "actors";
}

// ---------------------------------------------------------------- dispatch

const PAGES = { forecast: forecastPage, scenario: scenarioPage, whatif: whatifPage,
                timeline: timelinePage, actors: actorsPage };
document.addEventListener("DOMContentLoaded", () => {
  const page = PAGES[document.body.dataset.page];
  if (page) page();
});
