// Dateline web view: timeline, actor network, event evidence. Plain JS, no libraries; talks to the JSON
// API of `dateline serve` (doc/formats/api.md). Data from the database is only ever inserted as text
// (textContent / createTextNode), never as HTML.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const DAY = 86400000;
const QUAD_NAMES = {0: "uncoded", 1: "verbal cooperation", 2: "material cooperation",
                    3: "verbal conflict", 4: "material conflict"};
const MAX_EVENTS = 5000;  // events drawn at most; the count line says when there are more

const state = {
  meta: null,
  events: [],        // summaries currently drawn
  total: 0,
  view: null,        // [t0, t1] in ms
  extent: null,      // [t0, t1] fitting all events
  marks: new Map(),  // event id -> {g, ev, x0, x1, y}
  selected: null,
  ghosts: [],
};

// ---------- helpers ----------
function $(id) { return document.getElementById(id); }
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}
function svg(tag, attrs, parent) {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.setAttribute("class", v);
    else e.setAttribute(k, v);
  }
  if (parent) parent.appendChild(e);
  return e;
}
async function api(path, params) {
  const qs = params ? "?" + new URLSearchParams(params).toString() : "";
  const res = await fetch(path + qs, {headers: {"Accept": "application/json"}});
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) {
    const msg = body && body.error ? body.error.message : res.statusText;
    throw new Error(`${res.status}: ${msg}`);
  }
  return body;
}
function showError(err) {
  $("summary").textContent = "error — " + err.message;
  $("summary").classList.add("warn");
}
function actorLabel(a) {
  if (!a || (!a.name && !a.id)) return "—";
  return a.name || a.id;
}
function eventTitle(ev) {
  const mode = ev.mode ? ` (${ev.mode})` : "";
  const tgt = ev.target && (ev.target.name || ev.target.id) ? ` → ${actorLabel(ev.target)}` : "";
  return `${actorLabel(ev.source)} · ${ev.type || ev.cameo || "event"}${mode}${tgt}`;
}
// "2023-03-09" / "2023-03" / "2023" → {start, end} in ms (end exclusive).
function dateRange(s) {
  if (!s) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(s);
  if (!m) return null;
  const y = +m[1];
  if (m[3]) { const t = Date.UTC(y, +m[2] - 1, +m[3]); return {start: t, end: t + DAY}; }
  if (m[2]) return {start: Date.UTC(y, +m[2] - 1, 1), end: Date.UTC(y, +m[2], 1)};
  return {start: Date.UTC(y, 0, 1), end: Date.UTC(y + 1, 0, 1)};
}
function fmtDate(t, unit) {
  const d = new Date(t);
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  if (unit === "year") return String(d.getUTCFullYear());
  if (unit === "month") return `${months[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  return `${d.getUTCDate()} ${months[d.getUTCMonth()]}`;
}

// ---------- filters ----------
function filterParams() {
  const form = $("filters");
  const p = {};
  for (const input of form.querySelectorAll("input, select")) {
    if (input.type === "checkbox") { if (input.checked) p[input.name] = input.value; continue; }
    const v = input.value.trim();
    if (v !== "") p[input.name] = v;
  }
  return p;
}

// ---------- timeline ----------
const TL = {left: 130, right: 18, top: 10, bottom: 28};

function lanesFor(events) {
  const lanes = [1, 2, 3, 4];
  if (events.some((e) => !(e.quad_class >= 1 && e.quad_class <= 4))) lanes.push(0);
  return lanes;
}

function layoutTimeline() {
  const box = $("timeline");
  const W = box.clientWidth || 1000, H = box.clientHeight || 300;
  const lanes = lanesFor(state.events);
  const laneH = (H - TL.top - TL.bottom) / lanes.length;
  // Stack events that share a lane and a date.
  const stacks = new Map();
  for (const ev of state.events) {
    const q = ev.quad_class >= 1 && ev.quad_class <= 4 ? ev.quad_class : 0;
    const key = q + "|" + ev.date;
    if (!stacks.has(key)) stacks.set(key, []);
    stacks.get(key).push(ev);
  }
  // A stack fills its lane top-down, then continues in further columns either side of the day, a fixed
  // number of pixels apart: zoomed out they overlap the neighbouring days, zoomed in every mark is clear.
  const pos = new Map();
  const CELL = 13;
  for (const [key, list] of stacks) {
    const q = +key.split("|")[0];
    const lane = lanes.indexOf(q);
    list.sort((a, b) => b.num_sources - a.num_sources || (a.id < b.id ? -1 : 1));
    const rows = Math.max(1, Math.floor((laneH - 10) / CELL));
    const cols = Math.ceil(list.length / rows);
    const step = list.length <= rows ? Math.min(16, (laneH - 10) / list.length) : CELL;
    list.forEach((ev, i) => {
      const row = i % rows, col = Math.floor(i / rows);
      pos.set(ev.id, {y: TL.top + lane * laneH + 5 + row * step + step / 2,
                      dx: cols > 1 ? (col - (cols - 1) / 2) * CELL : 0, crowded: cols > 1 || step < 12});
    });
  }
  return {W, H, lanes, laneH, pos};
}

function xOf(t, W) {
  const [t0, t1] = state.view;
  return TL.left + ((t - t0) / (t1 - t0)) * (W - TL.left - TL.right);
}
function tOf(x, W) {
  const [t0, t1] = state.view;
  return t0 + ((x - TL.left) / (W - TL.left - TL.right)) * (t1 - t0);
}

// Rebuilds the marks; `fit` resets the view to show every event.
function drawTimeline(fit) {
  const box = $("timeline");
  box.replaceChildren();
  state.marks.clear();
  const {W, H, lanes, laneH, pos} = layoutTimeline();
  box.setAttribute("viewBox", `0 0 ${W} ${H}`);
  const defs = svg("defs", {}, box);
  const clip = svg("clipPath", {id: "plot-clip"}, defs);
  svg("rect", {x: TL.left - 14, y: 0, width: W - TL.left - TL.right + 28, height: H}, clip);
  lanes.forEach((q, i) => {
    const y = TL.top + i * laneH;
    svg("line", {class: "lane", x1: TL.left, x2: W - TL.right, y1: y + laneH, y2: y + laneH}, box);
    const label = svg("text", {class: "lane-label", x: 8, y: y + laneH / 2 + 4}, box);
    label.textContent = `${q} ${QUAD_NAMES[q]}`;
  });
  svg("g", {class: "axis", id: "axis"}, box);
  const plot = svg("g", {id: "plot", "clip-path": "url(#plot-clip)"}, box);
  svg("g", {id: "ghosts"}, plot);
  for (const ev of state.events) {
    const r = dateRange(ev.date);
    if (!r) continue;
    const q = ev.quad_class >= 1 && ev.quad_class <= 4 ? ev.quad_class : 0;
    const cls = ["ev", "q" + q, ev.status];
    if (ev.has_conflict) cls.push("has-conflict");
    const g = svg("g", {class: cls.join(" "), "data-id": ev.id, tabindex: "0"}, plot);
    const title = svg("title", {}, g);
    title.textContent = `${ev.date} · ${eventTitle(ev)} · ${ev.status} · ${ev.num_sources} source(s)` +
                        (ev.has_conflict ? " · reports disagree" : "") + (ev.sentence ? `\n“${ev.sentence}”` : "");
    const p = pos.get(ev.id);
    // In a crowded stack marks keep to their cell; the title still gives the number of sources.
    const radius = Math.min(p.crowded ? 6 : 14, 3.5 + 2.5 * Math.sqrt(Math.max(1, ev.num_sources)));
    const wide = r.end - r.start > DAY;
    const span = wide ? svg("line", {class: "span", y1: 0, y2: 0}, g) : null;
    svg("circle", {class: "mark", r: radius, cx: 0, cy: 0}, g);
    if (ev.status === "denied") svg("line", {class: "strike", x1: -radius - 2, y1: radius + 2, x2: radius + 2, y2: -radius - 2}, g);
    if (ev.has_conflict) svg("circle", {class: "ring", r: radius + 3.5, cx: 0, cy: 0}, g);
    g.addEventListener("click", () => selectEvent(ev.id));
    g.addEventListener("keydown", (e) => { if (e.key === "Enter") selectEvent(ev.id); });
    state.marks.set(ev.id, {g, span, ev, start: r.start, end: r.end, y: p.y, dx: p.dx});
  }
  if (fit || !state.view) fitView();
  positionTimeline();
}

function positionTimeline() {
  const box = $("timeline");
  const W = box.clientWidth || 1000, H = box.clientHeight || 300;
  for (const m of state.marks.values()) {
    const mid = m.end - m.start > DAY ? (m.start + m.end) / 2 : m.start + DAY / 2;
    const x = xOf(mid, W) + m.dx;
    m.g.setAttribute("transform", `translate(${x.toFixed(1)},${m.y.toFixed(1)})`);
    if (m.span) {
      m.span.setAttribute("x1", (xOf(m.start, W) - x).toFixed(1));
      m.span.setAttribute("x2", (xOf(m.end, W) - x).toFixed(1));
    }
  }
  drawGhosts();
  drawAxis(W, H);
}

function tickPlan(span, plotW) {
  const want = Math.max(2, plotW / 95);
  const per = span / want;
  const steps = [["day", 1], ["day", 2], ["day", 7], ["day", 14], ["month", 1], ["month", 2], ["month", 3],
                 ["month", 6], ["year", 1], ["year", 2], ["year", 5], ["year", 10], ["year", 25], ["year", 50]];
  for (const [unit, n] of steps) {
    const len = unit === "day" ? n * DAY : unit === "month" ? n * 30.4 * DAY : n * 365.25 * DAY;
    if (len >= per) return [unit, n];
  }
  return ["year", 100];
}

function drawAxis(W, H) {
  const axis = $("axis");
  axis.replaceChildren();
  const [t0, t1] = state.view;
  const [unit, n] = tickPlan(t1 - t0, W - TL.left - TL.right);
  const d = new Date(t0);
  let t;
  if (unit === "day") t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  else if (unit === "month") t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - (d.getUTCMonth() % n), 1);
  else t = Date.UTC(d.getUTCFullYear() - (d.getUTCFullYear() % n), 0, 1);
  const y = H - TL.bottom;
  svg("line", {x1: TL.left, x2: W - TL.right, y1: y, y2: y}, axis);
  for (let guard = 0; t <= t1 && guard < 400; guard++) {
    if (t >= t0) {
      const x = xOf(t, W);
      svg("line", {x1: x, x2: x, y1: y, y2: y + 5}, axis);
      const label = svg("text", {x: x + 2, y: y + 17}, axis);
      label.textContent = fmtDate(t, unit === "day" ? "day" : unit);
    }
    const nd = new Date(t);
    if (unit === "day") t += n * DAY;
    else if (unit === "month") t = Date.UTC(nd.getUTCFullYear(), nd.getUTCMonth() + n, 1);
    else t = Date.UTC(nd.getUTCFullYear() + n, 0, 1);
  }
}

// Range [lo, hi] covering `marks` (a month- or year-long event counts by its midpoint), padded.
function rangeOf(marks) {
  let lo = Infinity, hi = -Infinity;
  for (const m of marks) {
    const wide = m.end - m.start > DAY;
    lo = Math.min(lo, wide ? (m.start + m.end) / 2 : m.start);
    hi = Math.max(hi, wide ? (m.start + m.end) / 2 : m.end);
  }
  const pad = Math.max(DAY, (hi - lo) * 0.05);
  return [lo - pad, hi + pad];
}

// The first view shows the day-precise story; a few year-precise events would otherwise squeeze it into
// a corner. "fit" shows everything.
function fitView() {
  const all = Array.from(state.marks.values());
  if (!all.length) {
    const now = Date.now();
    state.extent = [now - 30 * DAY, now + DAY];
    state.view = state.extent.slice();
    return;
  }
  state.extent = rangeOf(all);
  const days = all.filter((m) => m.end - m.start <= DAY);
  state.view = days.length ? rangeOf(days) : state.extent.slice();
  const outside = all.filter((m) => m.end <= state.view[0] || m.start >= state.view[1]).length;
  $("timeline-outside").textContent = outside ? ` · ${outside} vaguely dated event(s) outside this view (press fit)` : "";
}

function zoom(factor, centerT) {
  const [t0, t1] = state.view;
  const c = centerT === undefined ? (t0 + t1) / 2 : centerT;
  let n0 = c - (c - t0) * factor, n1 = c + (t1 - c) * factor;
  if (n1 - n0 < DAY / 2) return;
  if (n1 - n0 > 300 * 365 * DAY) return;
  state.view = [n0, n1];
  positionTimeline();
}

function installTimelineControls() {
  const box = $("timeline");
  box.addEventListener("wheel", (e) => {
    e.preventDefault();
    const rect = box.getBoundingClientRect();
    zoom(Math.exp(e.deltaY * 0.0015), tOf(e.clientX - rect.left, rect.width));
  }, {passive: false});
  let drag = null;
  box.addEventListener("mousedown", (e) => {
    drag = {x: e.clientX, view: state.view.slice(), moved: false};
    box.classList.add("dragging");
  });
  window.addEventListener("mousemove", (e) => {
    if (!drag) return;
    const dx = e.clientX - drag.x;
    if (Math.abs(dx) > 2) drag.moved = true;
    const plotW = box.clientWidth - TL.left - TL.right;
    const dt = (-dx / plotW) * (drag.view[1] - drag.view[0]);
    state.view = [drag.view[0] + dt, drag.view[1] + dt];
    positionTimeline();
  });
  window.addEventListener("mouseup", () => { drag = null; box.classList.remove("dragging"); });
  $("zoom-in").addEventListener("click", () => zoom(0.6));
  $("zoom-out").addEventListener("click", () => zoom(1 / 0.6));
  $("zoom-fit").addEventListener("click", () => { state.view = state.extent.slice(); positionTimeline(); });
  window.addEventListener("resize", () => drawTimeline(false));
}

// Alternative dates that other reports give for the selected event, drawn as dashed ghosts.
function drawGhosts() {
  const layer = $("ghosts");
  if (!layer) return;
  layer.replaceChildren();
  const box = $("timeline");
  const W = box.clientWidth || 1000;
  for (const g of state.ghosts) {
    const m = state.marks.get(g.id);
    const r = dateRange(g.value);
    if (!m || !r) continue;
    const x = xOf(r.start + Math.min(DAY, r.end - r.start) / 2, W);
    const mx = xOf(m.end - m.start > DAY ? (m.start + m.end) / 2 : m.start + DAY / 2, W) + m.dx;
    svg("line", {class: "ghost-link", x1: mx, x2: x, y1: m.y, y2: m.y}, layer);
    svg("circle", {class: "ghost", cx: x, cy: m.y, r: 7}, layer);
    const t = svg("text", {class: "ghost-label", x: x + 9, y: m.y - 8}, layer);
    t.textContent = `${g.value}? (${g.docs.length} report${g.docs.length === 1 ? "" : "s"})`;
  }
}

// ---------- network ----------
async function loadNetwork(params) {
  const box = $("network");
  const data = await api("/api/network", params);
  box.replaceChildren();
  const W = box.clientWidth || 500, H = box.clientHeight || 420;
  box.setAttribute("viewBox", `0 0 ${W} ${H}`);
  $("network-count").textContent = `${data.nodes.length} actors, ${data.edges.length} links`;
  if (!data.nodes.length) {
    const t = svg("text", {x: 20, y: 30, class: "muted"}, box);
    t.textContent = "No two-actor events under these filters.";
    return;
  }
  // Undirected weights for the layout; directed edges are drawn (A→B and B→A side by side).
  const nodes = data.nodes.map((n, i) => {
    const a = (2 * Math.PI * i) / data.nodes.length;
    return {...n, x: Math.cos(a) * 100, y: Math.sin(a) * 100, vx: 0, vy: 0};
  });
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const links = data.edges.map((e) => ({s: index.get(e.source), t: index.get(e.target), w: e.events, e}));
  const k = Math.max(40, Math.sqrt((W * H) / Math.max(1, nodes.length)) * 0.6);
  const maxNode = Math.max(1, ...nodes.map((n) => n.events));
  const maxEdge = Math.max(1, ...links.map((l) => l.w));
  for (let it = 0; it < 300; it++) {
    const temp = 8 * (1 - it / 300) + 0.5;
    for (const n of nodes) { n.fx = -n.x * 0.02; n.fy = -n.y * 0.02; }
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i], b = nodes[j];
        let dx = a.x - b.x, dy = a.y - b.y;
        const d2 = Math.max(25, dx * dx + dy * dy), d = Math.sqrt(d2);
        const f = (k * k) / d2;
        dx /= d; dy /= d;
        a.fx += dx * f; a.fy += dy * f; b.fx -= dx * f; b.fy -= dy * f;
      }
    }
    for (const l of links) {
      const a = nodes[l.s], b = nodes[l.t];
      const dx = b.x - a.x, dy = b.y - a.y, d = Math.max(1, Math.hypot(dx, dy));
      const f = ((d * d) / k / 40) * (1 + Math.log2(l.w));
      a.fx += (dx / d) * f; a.fy += (dy / d) * f; b.fx -= (dx / d) * f; b.fy -= (dy / d) * f;
    }
    for (const n of nodes) {
      const m = Math.hypot(n.fx, n.fy);
      if (m > 0) { n.x += (n.fx / m) * Math.min(m, temp); n.y += (n.fy / m) * Math.min(m, temp); }
    }
  }
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (const n of nodes) { x0 = Math.min(x0, n.x); x1 = Math.max(x1, n.x); y0 = Math.min(y0, n.y); y1 = Math.max(y1, n.y); }
  const pad = 50;
  const sx = (W - 2 * pad) / Math.max(1, x1 - x0), sy = (H - 2 * pad) / Math.max(1, y1 - y0);
  for (const n of nodes) { n.px = pad + (n.x - x0) * sx; n.py = pad + (n.y - y0) * sy; }
  const edgeLayer = svg("g", {}, box);
  for (const l of links) {
    const a = nodes[l.s], b = nodes[l.t];
    const cls = l.e.cooperation > l.e.conflict ? "coop" : l.e.conflict > l.e.cooperation ? "conf" : "mixed";
    // Offset each direction slightly so A→B and B→A stay visible.
    const dx = b.px - a.px, dy = b.py - a.py, d = Math.max(1, Math.hypot(dx, dy));
    const ox = (-dy / d) * 2.5, oy = (dx / d) * 2.5;
    const line = svg("line", {class: "edge " + cls, x1: a.px + ox, y1: a.py + oy, x2: b.px + ox, y2: b.py + oy,
                              "stroke-width": (1 + 6 * Math.log2(1 + l.w) / Math.log2(1 + maxEdge)).toFixed(1), "stroke-opacity": 0.7}, edgeLayer);
    const t = svg("title", {}, line);
    t.textContent = `${a.name || a.id} → ${b.name || b.id}: ${l.w} event(s), ${l.e.sources} source(s)`;
  }
  const active = filterParams().actor;
  for (const n of nodes) {
    const g = svg("g", {class: "node" + (active && (active === n.id || active === n.country) ? " active" : ""),
                        transform: `translate(${n.px.toFixed(1)},${n.py.toFixed(1)})`}, box);
    svg("circle", {r: (3.5 + 10 * Math.sqrt(n.events / maxNode)).toFixed(1)}, g);
    const label = svg("text", {x: 8, y: 4}, g);
    label.textContent = n.name || n.id;
    const t = svg("title", {}, g);
    t.textContent = `${n.name || n.id} (${n.id}) — ${n.events} event(s)`;
    g.addEventListener("click", () => {
      $("filters").elements.actor.value = n.id;
      refresh();
    });
  }
}

// ---------- event panel ----------
function marked(parts) {
  const frag = document.createDocumentFragment();
  for (const p of parts || []) {
    if (p.marks && p.marks.length) {
      const m = el("mark", {class: p.marks.join(" ")}, p.text);
      if (p.events) m.dataset.events = p.events.join(" ");
      frag.append(m);
    } else {
      frag.append(document.createTextNode(p.text));
    }
  }
  return frag;
}

async function selectEvent(id) {
  const panel = $("event-panel");
  for (const m of state.marks.values()) {
    m.g.classList.toggle("selected", m.ev.id === id);
    if (m.ev.id === id) m.g.parentNode.appendChild(m.g);  // draw the selected mark on top
  }
  state.selected = id;
  panel.dataset.loading = "1";
  let ev;
  try {
    ev = await api("/api/events/" + encodeURIComponent(id));
  } catch (e) {
    panel.replaceChildren(el("p", {class: "warn"}, e.message));
    return;
  }
  if (state.selected !== id) return;
  history.replaceState(null, "", "#event=" + encodeURIComponent(id));
  const facts = el("dl", {class: "facts"});
  const add = (k, v) => { if (v !== "" && v !== null && v !== undefined) facts.append(el("dt", {}, k), el("dd", {}, v)); };
  add("when", `${ev.date || "unknown"}${ev.date_precision && ev.date_precision !== "day" ? " (" + ev.date_precision + ")" : ""}`);
  add("status", el("span", {class: "badge " + ev.status}, ev.status));
  add("who", `${actorLabel(ev.source)}${ev.source.code ? " [" + ev.source.code + "]" : ""}`);
  add("to whom", ev.target && ev.target.id ? `${actorLabel(ev.target)}${ev.target.code ? " [" + ev.target.code + "]" : ""}` : "");
  add("what", `${ev.type}${ev.mode ? " / " + ev.mode : ""} · CAMEO ${ev.cameo || "—"} · QuadClass ${ev.quad_class} (${QUAD_NAMES[ev.quad_class] || "?"}) · Goldstein ${ev.goldstein}`);
  add("where", ev.location);
  add("evidence", `${ev.num_mentions} mention(s) in ${ev.num_articles} article(s) from ${ev.num_sources} source(s) · confidence ${(+ev.confidence).toFixed(2)}`);

  const children = [el("h3", {}, eventTitle(ev)), facts];
  state.ghosts = [];
  if (ev.conflicts && ev.conflicts.length) {
    const box = el("div", {class: "conflicts", id: "conflicts"}, el("h4", {}, "Reports disagree"));
    const ul = el("ul");
    for (const c of ev.conflicts) {
      const li = el("li", {}, el("strong", {}, c.field + ": "));
      c.values.forEach((v, i) => {
        if (i) li.append(" vs ");
        li.append(el("span", {class: v.chosen ? "chosen" : ""}, v.value || "(none)"),
                  ` (${v.docs.join(", ")})`);
        if (c.field === "date" && !v.chosen) state.ghosts.push({id: ev.id, value: v.value, docs: v.docs});
      });
      ul.append(li);
    }
    box.append(ul, el("p", {class: "muted"}, "The value in bold is the one the event carries (best supported)."));
    children.push(box);
  }
  if (ev.links && ev.links.length) {
    const box = el("div", {class: "links conflicts"}, el("h4", {}, "Claims and denials"));
    for (const l of ev.links) {
      const label = l.kind === "denied_by" ? "Denied by: " : l.kind === "denies" ? "Denies: " : l.kind + ": ";
      box.append(el("div", {}, label,
                    el("a", {onclick: () => selectEvent(l.event.id)}, `${l.event.date} ${eventTitle(l.event)} (${l.event.status})`)));
    }
    children.push(box);
  }
  // One item per evidence sentence (several mentions of the event in a sentence are merged).
  const list = el("ul", {class: "mentions"});
  const sentences = ev.sentences || [];
  for (const snt of sentences) {
    const ms = snt.mentions.map((i) => ev.mentions[i]);
    const notes = new Set();
    for (const m of ms) {
      if (m.status !== ev.status) notes.add("reported as " + m.status);
      if (m.attribution) notes.add("according to " + m.attribution);
      if (m.date && m.date !== ev.date) notes.add("dated " + m.date);
    }
    const meta = [snt.doc_source || "", snt.doc_published || "", ...notes].filter(Boolean).join(" · ");
    list.append(el("li", {class: "mention"},
      el("div", {class: "src"},
        el("a", {class: "doclink", onclick: () => openDocument(snt.doc, ev.id)}, snt.doc_title || snt.doc), meta ? " · " + meta : "",
        ms.length > 1 ? ` · ${ms.length} mentions` : ""),
      el("div", {class: "sentence"}, marked(snt.parts))));
  }
  children.push(el("h4", {}, `Evidence (${sentences.length} sentence${sentences.length === 1 ? "" : "s"}, ` +
                             `${(ev.mentions || []).length} mention${(ev.mentions || []).length === 1 ? "" : "s"})`), list);
  panel.replaceChildren(...children);
  panel.dataset.eventId = id;
  delete panel.dataset.loading;
  drawGhosts();
}

async function openDocument(docId, eventId) {
  const box = $("document-box");
  let doc;
  try {
    doc = await api("/api/documents/" + encodeURIComponent(docId), eventId ? {event: eventId} : null);
  } catch (e) {
    showError(e);
    return;
  }
  $("doc-title").textContent = doc.title || doc.id;
  $("doc-meta").textContent = [doc.id, doc.source, doc.published, doc.url].filter(Boolean).join(" · ");
  const text = $("doc-text");
  text.replaceChildren(marked(doc.parts));
  for (const m of text.querySelectorAll("mark[data-events]")) {
    const first = m.dataset.events.split(" ")[0];
    m.title = "event " + first + " — click to open";
    m.addEventListener("click", () => selectEvent(first));
  }
  box.hidden = false;
  box.dataset.docId = doc.id;
  const focus = text.querySelector("mark.focus");
  box.scrollIntoView({block: "start"});
  if (focus) focus.scrollIntoView({block: "center"});
}

// ---------- loading ----------
async function loadEvents(params) {
  const pageSize = state.meta ? state.meta.limits.max_page_size : 100;
  const events = [];
  let total = 0;
  for (let offset = 0; offset < MAX_EVENTS; offset += pageSize) {
    // Most-reported first, so a cut at MAX_EVENTS keeps the events that matter most across the whole range.
    const page = await api("/api/events", {...params, sort: "importance", limit: Math.min(pageSize, MAX_EVENTS - offset), offset});
    total = page.total;
    events.push(...page.events);
    if (events.length >= total || page.events.length === 0) break;
  }
  state.events = events;
  state.total = total;
  const undated = events.filter((e) => !dateRange(e.date)).length;
  $("timeline-count").textContent = `${events.length} of ${total} events` +
      (undated ? `, ${undated} without a date (not drawn)` : "") +
      (events.length < total ? ` — narrow the filters to see the rest` : "");
  drawTimeline(true);
}

async function refresh() {
  const params = filterParams();
  document.body.dataset.ready = "0";
  try {
    await Promise.all([loadEvents(params), loadNetwork(params)]);
    $("summary").classList.remove("warn");
  } catch (e) {
    showError(e);
  }
  document.body.dataset.ready = "1";
}

async function init() {
  installTimelineControls();
  $("filters").addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
  $("reset").addEventListener("click", () => { $("filters").reset(); refresh(); });
  $("doc-close").addEventListener("click", () => { $("document-box").hidden = true; });
  try {
    state.meta = await api("/api/meta");
    const c = state.meta.counts;
    $("summary").textContent = `${c.events} events from ${c.documents} articles, ${c.actors} actors` +
        (c.first_date ? `, ${c.first_date} – ${c.last_date}` : "") +
        (c.events_with_conflicts ? ` · ${c.events_with_conflicts} with contradicting reports` : "");
    const types = $("filters").elements.type;
    for (const t of state.meta.types) if (t.type) types.append(el("option", {value: t.type}, `${t.type} (${t.n})`));
    const health = await api("/health");
    $("stale").hidden = !health.events_stale;
  } catch (e) {
    showError(e);
  }
  await refresh();
  const m = /#event=([^&]+)/.exec(location.hash);
  if (m) selectEvent(decodeURIComponent(m[1]));
}

document.addEventListener("DOMContentLoaded", init);
