// Headless Chromium test of the `dateline serve` page, driven over the DevTools protocol on a pipe
// (--remote-debugging-pipe: no WebSocket, no npm packages).
//
//   node tests/serve/browser_test.mjs --server "<command that serves and prints http://127.0.0.1:PORT/>" \
//        --out screenshot.png [--chromium /usr/bin/chromium]
//
// Checks: the page loads without script errors; the timeline draws one mark per dated event the API
// returns (same ids); a real mouse click on an event opens its panel with every evidence sentence and
// the trigger highlighted (and the contradiction box when reports disagree); the document link opens the
// article with the evidence highlighted. Saves a screenshot. Exit 0 pass, 1 fail, 77 skip.
import {spawn} from "node:child_process";
import {mkdtempSync, rmSync, writeFileSync, existsSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith("--")) acc.push([a.slice(2), all[i + 1]]);
  return acc;
}, []));
const chromiumPath = args.chromium || process.env.CHROMIUM || "/usr/bin/chromium";
if (!existsSync(chromiumPath)) { console.log(`SKIP: no chromium at ${chromiumPath}`); process.exit(77); }
if (!args.server || !args.out) { console.error("usage: --server CMD --out FILE.png"); process.exit(2); }

const children = [];
let userDir = null;
function cleanup() {
  for (const c of children) { try { c.kill("SIGTERM"); } catch (e) { /* gone */ } }
  if (userDir) { try { rmSync(userDir, {recursive: true, force: true}); } catch (e) { /* ignore */ } }
}
function fail(msg) { console.error("FAIL: " + msg); cleanup(); process.exit(1); }
setTimeout(() => fail("test took longer than 90 s"), 90000).unref();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// 1. Start the server and read its URL.
function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn("/bin/sh", ["-c", "exec " + args.server], {stdio: ["ignore", "pipe", "pipe"]});
    children.push(child);
    let seen = "";
    const onData = (d) => {
      seen += d.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(seen);
      if (m) resolve(`http://127.0.0.1:${m[1]}/`);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`server exited (${code}): ${seen.slice(0, 500)}`)));
    setTimeout(() => reject(new Error("server did not print its URL in 20 s: " + seen.slice(0, 500))), 20000);
  });
}

// 2. Chromium over a DevTools pipe: fd 3 carries commands in, fd 4 carries answers out, NUL-separated.
class Cdp {
  constructor(child) {
    this.child = child; this.next = 1; this.pending = new Map(); this.listeners = []; this.buf = "";
    child.stdio[4].on("data", (d) => {
      this.buf += d.toString();
      let i;
      while ((i = this.buf.indexOf("\0")) >= 0) {
        const msg = JSON.parse(this.buf.slice(0, i));
        this.buf = this.buf.slice(i + 1);
        if (msg.id && this.pending.has(msg.id)) {
          const {resolve, reject, method} = this.pending.get(msg.id);
          this.pending.delete(msg.id);
          if (msg.error) reject(new Error(`${method}: ${msg.error.message}`)); else resolve(msg.result);
        } else {
          for (const l of this.listeners) l(msg);
        }
      }
    });
  }
  send(method, params = {}, sessionId) {
    const id = this.next++;
    const msg = {id, method, params};
    if (sessionId) msg.sessionId = sessionId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, {resolve, reject, method});
      this.child.stdio[3].write(JSON.stringify(msg) + "\0");
      setTimeout(() => reject(new Error(method + " timed out")), 20000).unref();
    });
  }
}

async function main() {
  const url = await startServer();
  userDir = mkdtempSync(join(tmpdir(), "dateline-chromium-"));
  const chrome = spawn(chromiumPath, [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
    `--user-data-dir=${userDir}`, "--remote-debugging-pipe", "about:blank",
  ], {stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"]});
  children.push(chrome);
  chrome.stderr.on("data", () => {});
  const cdp = new Cdp(chrome);
  const {targetId} = await cdp.send("Target.createTarget", {url: "about:blank"});
  const {sessionId} = await cdp.send("Target.attachToTarget", {targetId, flatten: true});
  const S = (m, p) => cdp.send(m, p, sessionId);
  const errors = [];
  cdp.listeners.push((msg) => {
    if (msg.sessionId !== sessionId) return;
    if (msg.method === "Runtime.exceptionThrown") errors.push(msg.params.exceptionDetails.exception?.description || msg.params.exceptionDetails.text);
    if (msg.method === "Log.entryAdded" && msg.params.entry.level === "error") errors.push(msg.params.entry.text);
  });
  await S("Page.enable"); await S("Runtime.enable"); await S("Log.enable");
  await S("Emulation.setDeviceMetricsOverride", {width: 1400, height: 1000, deviceScaleFactor: 1, mobile: false});
  const evaluate = async (expression) => {
    const r = await S("Runtime.evaluate", {expression, awaitPromise: true, returnByValue: true});
    if (r.exceptionDetails) throw new Error("in page: " + (r.exceptionDetails.exception?.description || r.exceptionDetails.text));
    return r.result.value;
  };
  const waitFor = async (expression, what, ms = 20000) => {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (await evaluate(expression)) return;
      await sleep(100);
    }
    const seen = await evaluate(`(document.getElementById("summary") || {}).textContent + " | " + location.href`).catch((e) => e.message);
    fail(`timed out waiting for ${what}; page says: ${seen}; script errors: ${errors.join(" | ") || "none"}`);
  };
  const click = async (selector) => {
    await evaluate(`document.querySelector(${JSON.stringify(selector)}).scrollIntoView({block: "center"})`);
    const box = await evaluate(`(() => { const r = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect();
                                         return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()`);
    for (const type of ["mouseMoved", "mousePressed", "mouseReleased"]) {
      await S("Input.dispatchMouseEvent", {type, x: box.x, y: box.y, button: "left", clickCount: type === "mouseMoved" ? 0 : 1});
    }
  };

  // 3. Load the page.
  await S("Page.navigate", {url});
  await waitFor(`document.body && document.body.dataset.ready === "1"`, "the page to load its events");

  // 4. The timeline draws the API's events.
  const api = await evaluate(`(async () => {
    const ids = []; let total = 0; const dated = [];
    for (let offset = 0; offset < 5000; offset += 500) {
      const page = await (await fetch("/api/events?sort=importance&limit=500&offset=" + offset)).json();
      total = page.total;
      for (const e of page.events) {
        if (!e.date) continue;
        ids.push(e.id);
        dated.push(e);
      }
      if (offset + 500 >= total) break;
    }
    // Candidates to click: events whose reports disagree first, then by sources.
    dated.sort((a, b) => (b.has_conflict - a.has_conflict) || (b.num_sources - a.num_sources));
    return {total, ids, candidates: dated.slice(0, 200).map((e) => ({id: e.id, conflict: e.has_conflict}))};
  })()`);
  const drawn = await evaluate(`Array.from(document.querySelectorAll("#timeline .ev")).map((g) => g.dataset.id)`);
  console.log(`events in API: ${api.total} (${api.ids.length} dated); marks on the timeline: ${drawn.length}`);
  if (api.ids.length === 0) fail("the database has no dated events to show");
  if (drawn.length !== api.ids.length) fail(`timeline shows ${drawn.length} events, API has ${api.ids.length} dated`);
  const missing = api.ids.filter((id) => !drawn.includes(id));
  if (missing.length) fail("events missing from the timeline: " + missing.slice(0, 5).join(", "));
  // The first view fits the day-precise events; "fit" shows every mark.
  const inside = `Array.from(document.querySelectorAll("#timeline .ev .mark")).filter((c) => {
      const r = c.getBoundingClientRect(); const s = document.getElementById("timeline").getBoundingClientRect();
      return r.width > 0 && r.left >= s.left - 1 && r.right <= s.right + 1; }).length`;
  const dayEvents = await evaluate(`(async () => { let n = 0;
      for (let o = 0; o < 5000; o += 500) { const p = await (await fetch("/api/events?sort=importance&limit=500&offset=" + o)).json();
        n += p.events.filter((e) => /^\\d{4}-\\d{2}-\\d{2}$/.test(e.date)).length; if (o + 500 >= p.total) break; }
      return n; })()`);
  const first = await evaluate(inside);
  if (first < dayEvents) fail(`only ${first} marks in the first view, ${dayEvents} events have a day`);
  await click("#zoom-fit");
  const all = await evaluate(inside);
  if (all !== drawn.length) fail(`after "fit", ${all} of ${drawn.length} marks are inside the timeline`);
  console.log(`marks in the first view: ${first} (${dayEvents} day-precise events); after "fit": ${all}`);
  // Back to the first view through the filter form (Apply reloads and refits).
  await evaluate(`document.body.dataset.ready = "0"`);
  await click(`#filters button[type="submit"]`);
  await waitFor(`document.body.dataset.ready === "1"`, "the events to reload after Apply");
  const network = await evaluate(`document.querySelectorAll("#network .node").length`);
  console.log(`actor network nodes: ${network}`);

  // Every event (the first 150) can be followed to at least one source sentence.
  const noEvidence = await evaluate(`(async () => {
    const ids = ${JSON.stringify(api.ids.slice(0, 150))}; const bad = [];
    for (const id of ids) {
      const e = await (await fetch("/api/events/" + id)).json();
      if (!e.sentences || !e.sentences.length || !e.sentences.every((s) => s.sentence_text)) bad.push(id);
    }
    return bad; })()`);
  console.log(`events checked for evidence: ${Math.min(150, api.ids.length)}, without a source sentence: ${noEvidence.length}`);
  if (noEvidence.length) fail("events without evidence: " + noEvidence.slice(0, 5).join(", "));

  // 5. Click an event (one with contradicting reports when there is one) and see its evidence.
  // The first candidate whose mark is not covered by another at its centre (dense days overlap when
  // zoomed out, as they would for a person, who would zoom in).
  let pick = null, pickConflict = false;
  const hitTest = (id) => evaluate(`(() => {
      const m = document.querySelector('#timeline .ev[data-id="${id}"] .mark');
      const r = m.getBoundingClientRect();
      const s = document.getElementById("timeline").getBoundingClientRect();
      const x = r.left + r.width / 2, y = r.top + r.height / 2;
      if (x < s.left || x > s.right) return null;
      const top = document.elementFromPoint(x, y);
      return {x, y, hit: !!top && !!top.closest(".ev") && top.closest(".ev").dataset.id === "${id}"};
    })()`);
  for (const c of api.candidates) {
    const h = await hitTest(c.id);
    if (h && h.hit) { pick = c.id; pickConflict = c.conflict; break; }
  }
  // On a crowded timeline, zoom in with the mouse wheel around a candidate, as a person would.
  for (const c of pick ? [] : api.candidates.slice(0, 10)) {
    for (let step = 0; step < 8 && !pick; step++) {
      const h = await hitTest(c.id);
      if (!h) break;
      if (h.hit) { pick = c.id; pickConflict = c.conflict; break; }
      await S("Input.dispatchMouseEvent", {type: "mouseWheel", x: h.x, y: h.y, deltaX: 0, deltaY: -500});
      await sleep(50);
    }
    if (pick) { console.log("zoomed in to reach it"); break; }
  }
  if (!pick) fail("no event mark can be clicked: every candidate is covered by another");
  console.log(`clicking event ${pick}${pickConflict ? " (reports disagree)" : ""}`);
  await click(`#timeline .ev[data-id="${pick}"] .mark`);
  await waitFor(`document.getElementById("event-panel").dataset.eventId === ${JSON.stringify(pick)}`, "the event panel");
  const detail = await evaluate(`fetch("/api/events/${pick}").then((r) => r.json())`);
  const panel = await evaluate(`(() => {
    const p = document.getElementById("event-panel");
    return {mentions: Array.from(p.querySelectorAll(".mention .sentence")).map((s) => s.textContent),
            triggers: p.querySelectorAll(".mention mark.trigger").length,
            conflicts: !!p.querySelector("#conflicts"), text: p.textContent.slice(0, 300)};
  })()`);
  console.log(`panel: ${panel.mentions.length} evidence sentence(s), ${panel.triggers} trigger(s) highlighted, conflicts box: ${panel.conflicts}`);
  if (panel.mentions.length !== detail.sentences.length) fail(`panel shows ${panel.mentions.length} sentences, event has ${detail.sentences.length}`);
  detail.sentences.forEach((m, i) => {
    if (m.sentence_text && panel.mentions[i] !== m.sentence_text) fail(`sentence ${i} differs: "${panel.mentions[i]}" vs "${m.sentence_text}"`);
  });
  if (panel.triggers < 1) fail("no trigger highlighted in the evidence");
  if (detail.conflicts.length && !panel.conflicts) fail("the event has conflicts but the panel does not show them");

  // 6. Open the first source document; the evidence is highlighted in the full text.
  await click(`#event-panel .doclink`);
  await waitFor(`!document.getElementById("document-box").hidden && !!document.querySelector("#doc-text mark.focus")`, "the document view");
  const focus = await evaluate(`Array.from(document.querySelectorAll("#doc-text mark.focus")).map((m) => m.textContent).join("")`);
  console.log(`document ${await evaluate(`document.getElementById("document-box").dataset.docId`)}: evidence highlighted "${focus.slice(0, 90)}"`);
  if (!detail.sentences.some((m) => focus.includes(m.sentence_text.slice(0, 20)))) fail("highlighted span is not the evidence sentence");

  // 7. Screenshot of the whole page.
  await evaluate(`window.scrollTo(0, 0)`);
  await sleep(200);
  const height = await evaluate(`Math.min(4000, document.documentElement.scrollHeight)`);
  const shot = await S("Page.captureScreenshot", {format: "png", captureBeyondViewport: true,
                                                  clip: {x: 0, y: 0, width: 1400, height, scale: 1}});
  writeFileSync(args.out, Buffer.from(shot.data, "base64"));
  console.log(`screenshot: ${args.out} (1400x${height})`);
  if (errors.length) fail("script errors in the page: " + errors.join(" | "));
  await cdp.send("Browser.close").catch(() => {});
  cleanup();
  console.log("PASS");
  process.exit(0);
}

main().catch((e) => fail(e.stack || String(e)));
