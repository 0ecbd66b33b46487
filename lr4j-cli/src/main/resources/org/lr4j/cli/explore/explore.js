// lr4j explore: the page. Options, presets and values all come from the server (/api/*); the state
// lives in the URL fragment (docs/explore.md):
//   #FLAGS[;FLAGS...][;view:x=update&log-y=1&active=N]
// where FLAGS are `lr4j table` flags without their leading `--` in query-string syntax, plus label=TEXT.
"use strict";
(function () {
  const COLOURS = ["#1f6fd1", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"];
  const $ = (id) => document.getElementById(id);
  let options = [];
  let presets = [];
  let state = { configs: [{ label: "", params: new Map([["sched", "tanh"]]) }], view: { x: "epoch", logY: false }, active: 0 };
  let results = []; // per config: {data} or {error}
  let plot = null;
  let pending = null;
  let generation = 0;
  let exportKind = null;

  // ---- fragment syntax -------------------------------------------------------------------
  const enc = (s) => String(s).replace(/[^A-Za-z0-9._~,:\-]/g, (c) => encodeURIComponent(c));
  const dec = (s) => decodeURIComponent(s.replace(/\+/g, " "));

  function parsePairs(text) {
    const m = new Map();
    for (const pair of text.split("&")) {
      if (!pair) continue;
      const i = pair.indexOf("=");
      const k = dec(i < 0 ? pair : pair.slice(0, i));
      const v = i < 0 ? "" : dec(pair.slice(i + 1));
      m.set(k, v);
    }
    return m;
  }

  function parseHash(hash) {
    const text = hash.replace(/^#/, "");
    const next = { configs: [], view: { x: "epoch", logY: false }, active: 0 };
    for (const part of text.split(";")) {
      if (part.startsWith("view:")) {
        const v = parsePairs(part.slice(5));
        next.view.x = v.get("x") === "update" ? "update" : "epoch";
        next.view.logY = v.get("log-y") === "1" || v.get("log-y") === "true";
        next.active = Math.max(0, parseInt(v.get("active") || "0", 10) || 0);
      } else if (part) {
        const params = parsePairs(part);
        const label = params.get("label") || "";
        params.delete("label");
        next.configs.push({ label, params });
      }
    }
    if (next.configs.length === 0) next.configs.push({ label: "", params: new Map([["sched", "tanh"]]) });
    next.active = Math.min(next.active, next.configs.length - 1);
    return next;
  }

  const flagsOf = (c) => [...c.params].map(([k, v]) => enc(k) + "=" + enc(v)).join("&");

  function toHash(s) {
    const parts = s.configs.map((c) => flagsOf(c) + (c.label ? "&label=" + enc(c.label) : ""));
    const view = [];
    if (s.view.x !== "epoch") view.push("x=" + s.view.x);
    if (s.view.logY) view.push("log-y=1");
    if (s.active) view.push("active=" + s.active);
    if (view.length) parts.push("view:" + view.join("&"));
    return "#" + parts.join(";");
  }

  const labelOf = (c, i) => c.label || (flagsOf(c).replace(/&/g, " ") || "defaults") || "config " + (i + 1);

  // ---- controls --------------------------------------------------------------------------
  const active = () => state.configs[state.active];

  function control(o) {
    let input;
    if (o.type === "boolean" || o.choices) {
      input = document.createElement("select");
      const values = o.type === "boolean" ? ["true", "false"] : o.choices;
      const none = document.createElement("option");
      none.value = "";
      none.textContent = "default" + (o.default ? ": " + o.default : "");
      input.append(none);
      for (const v of values) {
        const opt = document.createElement("option");
        opt.value = v;
        opt.textContent = v;
        input.append(opt);
      }
    } else {
      input = document.createElement("input");
      input.type = "text";
      input.autocomplete = "off";
      input.spellcheck = false;
      input.placeholder = o.default || (o.type.startsWith("list") ? "a,b,..." : "");
    }
    input.id = "opt-" + o.name;
    input.dataset.flag = o.name;
    input.title = o.help + (o.rule ? " Range: " + o.rule + "." : "");
    input.addEventListener("input", onControl);
    input.addEventListener("change", onControl);
    return input;
  }

  function buildControls() {
    const sched = $("opt-sched");
    const so = options.find((o) => o.name === "sched");
    sched.innerHTML = "";
    for (const v of so.choices) {
      const opt = document.createElement("option");
      opt.value = v;
      opt.textContent = v;
      sched.append(opt);
    }
    sched.title = so.help;
    $("sched-help").textContent = so.help + (so.default ? " Default: " + so.default + "." : "");
    sched.addEventListener("change", onControl);
    const box = $("options");
    box.innerHTML = "";
    let group = null;
    for (const o of options) {
      if (o.name === "sched") continue;
      if (o.group !== group) {
        group = o.group;
        const t = document.createElement("div");
        t.className = "group-title";
        t.textContent = group === "schedule" ? "schedule flags" : "table flags";
        box.append(t);
      }
      const wrap = document.createElement("div");
      wrap.className = "option";
      wrap.dataset.flag = o.name;
      wrap.dataset.schedulers = o.schedulers.join(" ");
      const row = document.createElement("div");
      row.className = "row";
      const label = document.createElement("label");
      label.htmlFor = "opt-" + o.name;
      label.textContent = o.name;
      row.append(label, control(o));
      const help = document.createElement("div");
      help.className = "help";
      help.textContent = o.help + (o.default ? " Default: " + o.default + "." : "") + (o.rule ? " Range: " + o.rule + "." : "");
      wrap.append(row, help);
      box.append(wrap);
    }
    $("label").addEventListener("input", () => {
      active().label = $("label").value;
      commit(false);
    });
  }

  function showControls() {
    const c = active();
    const sched = c.params.get("sched") || "cosine";
    $("opt-sched").value = sched;
    // a PyTorch / transformers schedule by its Python call (the table's --schedule) replaces --sched
    $("opt-sched").disabled = c.params.has("schedule");
    $("sched-help").hidden = c.params.has("schedule");
    $("label").value = c.label;
    for (const wrap of document.querySelectorAll(".option")) {
      const flag = wrap.dataset.flag;
      const applies = !wrap.dataset.schedulers || wrap.dataset.schedulers.split(" ").includes(sched) || c.params.has(flag);
      wrap.hidden = !applies;
      const input = $("opt-" + flag);
      const v = c.params.has(flag) ? c.params.get(flag) : "";
      if (input !== document.activeElement) input.value = v;
    }
    const tabs = $("tabs");
    tabs.innerHTML = "";
    state.configs.forEach((cfg, i) => {
      const b = document.createElement("button");
      b.type = "button";
      b.className = i === state.active ? "active" : "";
      b.id = "tab-" + i;
      const sw = document.createElement("span");
      sw.className = "swatch";
      sw.style.background = COLOURS[i % COLOURS.length];
      b.append(sw, document.createTextNode(cfg.label || "config " + (i + 1)));
      b.addEventListener("click", () => { state.active = i; commit(false); showControls(); });
      tabs.append(b);
    });
    const add = document.createElement("button");
    add.type = "button";
    add.id = "add-config";
    add.textContent = "+ overlay";
    add.title = "Add a configuration (a copy of this one) to the chart";
    add.addEventListener("click", () => {
      state.configs.push({ label: "", params: new Map(active().params) });
      state.active = state.configs.length - 1;
      commit(true);
      showControls();
    });
    tabs.append(add);
    if (state.configs.length > 1) {
      const del = document.createElement("button");
      del.type = "button";
      del.id = "remove-config";
      del.textContent = "× remove";
      del.title = "Remove this configuration";
      del.addEventListener("click", () => {
        state.configs.splice(state.active, 1);
        state.active = Math.max(0, state.active - 1);
        commit(true);
        showControls();
      });
      tabs.append(del);
    }
    $("x-" + state.view.x).checked = true;
    $("log-y").checked = state.view.logY;
  }

  function onControl(e) {
    const flag = e.target.dataset.flag;
    const v = e.target.value.trim();
    const c = active();
    if (v === "") c.params.delete(flag); else c.params.set(flag, v);
    if (flag === "sched") showControls();
    commit(true);
  }

  // ---- state, fetching, drawing ----------------------------------------------------------
  function commit(refetch) {
    const h = toHash(state);
    if (location.hash !== h) history.replaceState(null, "", h);
    if (refetch) schedule(); else draw();
  }

  function schedule() {
    clearTimeout(pending);
    pending = setTimeout(refresh, 120);
  }

  async function fetchSeries(c) {
    const r = await fetch("/api/series?" + flagsOf(c));
    if (!r.ok) return { error: (await r.text()).trim() };
    return { data: await r.json() };
  }

  async function refresh() {
    const g = ++generation;
    const got = await Promise.all(state.configs.map((c) => fetchSeries(c).catch((e) => ({ error: String(e) }))));
    if (g !== generation) return;
    results = got;
    draw();
  }

  function showErrors() {
    const lines = [];
    document.querySelectorAll(".invalid").forEach((el) => el.classList.remove("invalid"));
    results.forEach((r, i) => {
      if (!r || !r.error) return;
      lines.push((state.configs.length > 1 ? labelOf(state.configs[i], i) + ": " : "") + r.error);
      if (i === state.active) {
        const m = /--([a-z][a-z0-9-]*)/.exec(r.error);
        const el = m && $("opt-" + m[1]);
        if (el) el.classList.add("invalid");
      }
    });
    $("error").hidden = lines.length === 0;
    $("error").textContent = lines.join("\n");
  }

  function xs(c, d) {
    if (d.step) return d.step; // a --schedule (PyTorch / transformers) table counts steps
    if (state.view.x === "update") return d.update;
    const upe = Number(c.params.get("updates-per-epoch") || "1") || 1;
    const perUpdate = c.params.has("sched-on-updates") && c.params.get("sched-on-updates") !== "false";
    return perUpdate ? d.update.map((u) => u / upe) : d.epoch;
  }

  function tables() {
    const out = [];
    results.forEach((r, i) => {
      if (!r || !r.data) return;
      const c = state.configs[i];
      const x = xs(c, r.data);
      const y = r.data.lr.map((v) => (state.view.logY && !(v > 0) ? null : v));
      out.push({ i, label: labelOf(c, i), x, y, rows: r.data.rows, shown: r.data.lr.length });
    });
    return out;
  }

  function draw() {
    showErrors();
    const ts = tables();
    const info = ts.map((t) => (t.rows > t.shown ? t.shown + " of " + t.rows + " rows drawn" : t.rows + " rows"));
    $("rows").textContent = info.join(" · ");
    const el = $("chart");
    if (plot) { plot.destroy(); plot = null; }
    if (ts.length === 0) return;
    const data = window.uPlot.join(ts.map((t) => [t.x, t.y]));
    const xLabel = results.some((r) => r && r.data && r.data.step) ? "step" : state.view.x === "update" ? "update" : "epoch";
    const series = [{ label: xLabel }].concat(ts.map((t) => ({
      label: t.label,
      stroke: COLOURS[t.i % COLOURS.length],
      width: t.i === state.active ? 2.5 : 1.8,
      spanGaps: true,
      points: { show: false },
      value: (u, v) => (v == null ? "—" : fmt(v)),
    })));
    const width = Math.max(320, el.clientWidth || 800);
    plot = new window.uPlot({
      width,
      height: 440,
      scales: { x: { time: false }, y: state.view.logY ? { distr: 3, log: 10 } : { range: (u, lo, hi) => [Math.min(0, lo), hi * 1.05 || 1] } },
      axes: [
        { label: xLabel },
        { label: "learning rate", size: 70, values: (u, vals) => vals.map((v) => (v == null ? "" : fmt(v, 3))) },
      ],
      series,
      legend: { live: true },
      cursor: { drag: { x: true, y: false } },
      hooks: { setCursor: [readout] },
    }, data, el);
    el.dataset.series = String(ts.length);
    el.dataset.points = ts.map((t) => t.y.length).join(",");
  }

  function fmt(v, digits) {
    if (v === 0) return "0";
    const a = Math.abs(v);
    return a >= 1e-3 && a < 1e4 ? String(+v.toPrecision(digits || 6)) : v.toExponential(digits ? digits - 1 : 5).replace(/\.?0+e/, "e");
  }

  function readout(u) {
    const i = u.cursor.idx;
    if (i == null) return;
    const t = u.data[0][i];
    const parts = [];
    for (let s = 1; s < u.data.length; s++) {
      const v = u.data[s][i];
      if (v != null) parts.push("(" + t + ", " + fmt(v) + ")" + (u.data.length > 2 ? " " + u.series[s].label : ""));
    }
    $("readout").textContent = (state.view.x === "update" ? "(update, lr) " : "(epoch, lr) ") + parts.join("   ");
  }

  // ---- exports ---------------------------------------------------------------------------
  function setExport(kind, text, downloadName, href) {
    exportKind = kind;
    document.querySelectorAll("[data-export]").forEach((b) => b.classList.toggle("active", b.dataset.export === kind));
    $("export-text").value = text;
    $("copy").disabled = false;
    const a = $("download");
    a.hidden = !downloadName;
    if (downloadName) {
      a.download = downloadName;
      a.href = href;
    }
  }

  async function doExport(kind) {
    const c = active();
    if (kind === "csv") {
      const r = await fetch("/api/table.csv?" + flagsOf(c));
      const text = await r.text();
      if (!r.ok) return setExport(kind, text.trim());
      return setExport(kind, text, "lr4j-table.csv", URL.createObjectURL(new Blob([text], { type: "text/csv" })));
    }
    if (kind === "png") {
      const url = png();
      return setExport(kind, url, "lr4j-schedule.png", url);
    }
    if (kind === "svg") {
      const text = svg();
      return setExport(kind, text, "lr4j-schedule.svg", URL.createObjectURL(new Blob([text], { type: "image/svg+xml" })));
    }
    const r = await fetch("/api/export?" + flagsOf(c));
    if (!r.ok) return setExport(kind, (await r.text()).trim());
    const all = await r.json();
    const names = { java: "LrSchedule.java", python: "lr_schedule.py", cli: "lr4j-table.sh" };
    setExport(kind, all[kind], names[kind], URL.createObjectURL(new Blob([all[kind]], { type: "text/plain" })));
  }

  function png() {
    if (!plot) return "";
    const src = plot.ctx.canvas;
    const legendH = 22 * Math.ceil(tables().length / 2) + 10;
    const cv = document.createElement("canvas");
    cv.width = src.width;
    cv.height = src.height + legendH * devicePixelRatio;
    const g = cv.getContext("2d");
    g.fillStyle = "#fff";
    g.fillRect(0, 0, cv.width, cv.height);
    g.drawImage(src, 0, 0);
    g.scale(devicePixelRatio, devicePixelRatio);
    g.font = "13px sans-serif";
    tables().forEach((t, k) => {
      const x = 80 + (k % 2) * (src.width / devicePixelRatio / 2);
      const y = src.height / devicePixelRatio + 16 + 22 * Math.floor(k / 2);
      g.fillStyle = COLOURS[t.i % COLOURS.length];
      g.fillRect(x - 22, y - 6, 16, 3);
      g.fillStyle = "#1d2430";
      g.fillText(t.label, x, y);
    });
    return cv.toDataURL("image/png");
  }

  const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

  function ticks(lo, hi, n) {
    const step0 = (hi - lo) / n || 1;
    const mag = Math.pow(10, Math.floor(Math.log10(step0)));
    const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= step0);
    const out = [];
    for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(+v.toPrecision(12));
    return out;
  }

  /** The chart as SVG, drawn from the values the chart shows. */
  function svg() {
    const ts = tables();
    const W = 900, H = 520, L = 80, R = 20, T = 20, B = 60 + 20 * ts.length;
    const all = ts.flatMap((t) => t.x);
    const ys = ts.flatMap((t) => t.y).filter((v) => v != null);
    const x0 = Math.min(...all), x1 = Math.max(...all) || 1;
    const log = state.view.logY;
    const f = log ? Math.log10 : (v) => v;
    const y0 = log ? Math.min(...ys) : Math.min(0, ...ys), y1 = Math.max(...ys);
    const px = (x) => L + ((x - x0) / (x1 - x0 || 1)) * (W - L - R);
    const py = (y) => H - B - ((f(y) - f(y0)) / (f(y1) - f(y0) || 1)) * (H - B - T);
    let s = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">\n`;
    s += `<rect width="${W}" height="${H}" fill="#fff"/>\n`;
    for (const v of ticks(x0, x1, 8)) {
      s += `<line x1="${px(v)}" y1="${T}" x2="${px(v)}" y2="${H - B}" stroke="#e5e8ee"/><text x="${px(v)}" y="${H - B + 16}" text-anchor="middle">${v}</text>\n`;
    }
    const yt = log ? ticks(Math.floor(f(y0)), Math.ceil(f(y1)), 6).filter(Number.isInteger).map((e) => Math.pow(10, e)).filter((v) => v >= y0 && v <= y1) : ticks(y0, y1, 6);
    for (const v of yt) {
      s += `<line x1="${L}" y1="${py(v)}" x2="${W - R}" y2="${py(v)}" stroke="#e5e8ee"/><text x="${L - 6}" y="${py(v) + 4}" text-anchor="end">${fmt(v, 3)}</text>\n`;
    }
    s += `<rect x="${L}" y="${T}" width="${W - L - R}" height="${H - B - T}" fill="none" stroke="#888"/>\n`;
    s += `<text x="${(L + W - R) / 2}" y="${H - B + 36}" text-anchor="middle">${state.view.x}</text>\n`;
    s += `<text transform="translate(16 ${(T + H - B) / 2}) rotate(-90)" text-anchor="middle">learning rate</text>\n`;
    ts.forEach((t, k) => {
      let d = "";
      let pen = "M";
      for (let j = 0; j < t.x.length; j++) {
        if (t.y[j] == null) { pen = "M"; continue; }
        d += pen + px(t.x[j]).toFixed(2) + " " + py(t.y[j]).toFixed(2);
        pen = " L";
      }
      const colour = COLOURS[t.i % COLOURS.length];
      s += `<path class="series" data-label="${esc(t.label)}" data-points="${t.y.filter((v) => v != null).length}" d="${d}" fill="none" stroke="${colour}" stroke-width="2"/>\n`;
      const ly = H - B + 52 + 20 * k;
      s += `<line x1="${L}" y1="${ly - 4}" x2="${L + 24}" y2="${ly - 4}" stroke="${colour}" stroke-width="3"/><text x="${L + 30}" y="${ly}">${esc(t.label)}</text>\n`;
    });
    return s + "</svg>\n";
  }

  async function copy() {
    const text = $("export-text").value;
    try {
      if (exportKind === "png" && window.ClipboardItem) {
        const blob = await (await fetch(text)).blob();
        await navigator.clipboard.write([new ClipboardItem({ "image/png": blob })]);
      } else {
        await navigator.clipboard.writeText(text);
      }
      $("copy").textContent = "Copied";
    } catch (e) {
      $("export-text").select();
      $("copy").textContent = document.execCommand("copy") ? "Copied" : "Select and copy";
    }
    setTimeout(() => { $("copy").textContent = "Copy"; }, 1500);
  }

  // ---- presets ---------------------------------------------------------------------------
  function buildPresets() {
    const sel = $("preset");
    for (const p of presets) {
      const opt = document.createElement("option");
      opt.value = p.name;
      opt.textContent = p.name;
      opt.title = p.description;
      sel.append(opt);
    }
    sel.addEventListener("change", () => {
      const p = presets.find((q) => q.name === sel.value);
      if (!p) return;
      state = {
        configs: p.configs.map((c) => ({ label: c.label, params: parsePairs(c.flags) })),
        view: { x: p.x === "update" ? "update" : "epoch", logY: p.log_y },
        active: 0,
      };
      showControls();
      commit(true);
    });
  }

  // ---- start -----------------------------------------------------------------------------
  async function start() {
    const [o, p] = await Promise.all([fetch("/api/options"), fetch("/api/presets")]);
    options = await o.json();
    presets = await p.json();
    buildControls();
    buildPresets();
    if (location.hash.length > 1) state = parseHash(location.hash);
    document.querySelectorAll("input[name=x]").forEach((r) => r.addEventListener("change", () => {
      state.view.x = r.value;
      commit(false);
    }));
    $("log-y").addEventListener("change", () => { state.view.logY = $("log-y").checked; commit(false); });
    document.querySelectorAll("[data-export]").forEach((b) => b.addEventListener("click", () => doExport(b.dataset.export)));
    $("copy").addEventListener("click", copy);
    window.addEventListener("hashchange", () => {
      if (location.hash === toHash(state)) return;
      state = parseHash(location.hash);
      showControls();
      commit(true);
    });
    let w = 0;
    window.addEventListener("resize", () => {
      if (plot && Math.abs($("chart").clientWidth - w) > 20) { w = $("chart").clientWidth; plot.setSize({ width: w, height: 440 }); }
    });
    showControls();
    commit(true);
  }

  // for the browser tests and the curious: what the page holds and draws
  window.lr4jExplore = { state: () => state, results: () => results, plotData: () => (plot ? plot.data : null), toHash, parseHash };
  document.addEventListener("DOMContentLoaded", start);
})();
