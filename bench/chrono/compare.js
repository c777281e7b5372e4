// Runs chrono-node (the most used JavaScript date parser) on the articles timex_bench dumped and compares
// its speed and findings with Dateline's timex stage.
//
//   timex_bench --dump-corpus corpus.jsonl --dump-timexes ours.jsonl
//   node bench/chrono/compare.js corpus.jsonl ours.jsonl [MAX_ARTICLES]
//
// Prints chrono's MB/s of CPU time (parse only, same text, reference date = the article's date; CPU time,
// like timex_bench's figure, so a loaded machine does not skew it), the counts of
// expressions found by both (overlapping spans), only by chrono and only by Dateline, and the most
// frequent texts of each kind.
'use strict';
const fs = require('fs');
const chrono = require('chrono-node');

const [corpusPath, oursPath, maxArg] = process.argv.slice(2);
if (!corpusPath || !oursPath) {
  console.error('usage: node compare.js corpus.jsonl ours.jsonl');
  process.exit(2);
}
const docs = fs.readFileSync(corpusPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
  .slice(0, maxArg ? Number(maxArg) : undefined);
const ours = new Map();
for (const l of fs.readFileSync(oursPath, 'utf8').split('\n')) {
  if (!l) continue;
  const x = JSON.parse(l);
  if (!ours.has(x.id)) ours.set(x.id, []);
  ours.get(x.id).push(x);
}

// Byte offset of each UTF-16 index (Dateline reports byte offsets).
function byteOffsets(text) {
  const out = new Uint32Array(text.length + 1);
  let b = 0;
  for (let i = 0; i < text.length; i++) {
    out[i] = b;
    const c = text.charCodeAt(i);
    b += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? 4 : c >= 0xdc00 && c < 0xe000 ? 0 : 3;
  }
  out[text.length] = b;
  return out;
}

let bytes = 0;
for (const d of docs) bytes += Buffer.byteLength(d.text, 'utf8');

// Timing: parse every article once (after a short warm-up), CPU seconds of this process.
// An article without a date gets no reference (an Invalid Date reference makes chrono-node 2.x loop).
const refs = docs.map((d) => (d.dct ? new Date(d.dct + 'T12:00:00Z') : undefined));
for (let i = 0; i < Math.min(200, docs.length); i++) chrono.parse(docs[i].text, refs[i]);
const c0 = process.cpuUsage();
const w0 = process.hrtime.bigint();
const results = docs.map((d, i) => chrono.parse(d.text, refs[i]));
const wall = Number(process.hrtime.bigint() - w0) / 1e9;
const cpu = process.cpuUsage(c0);
const best = (cpu.user + cpu.system) / 1e6;

let both = 0, onlyChrono = 0, onlyOurs = 0, chronoTotal = 0, oursTotal = 0;
const chronoOnlyTexts = new Map(), oursOnlyTexts = new Map();
const bump = (m, k) => m.set(k, (m.get(k) || 0) + 1);
docs.forEach((d, i) => {
  const offs = byteOffsets(d.text);
  const mine = ours.get(d.id) || [];
  const used = new Array(mine.length).fill(false);
  oursTotal += mine.length;
  for (const r of results[i]) {
    chronoTotal++;
    const s = offs[r.index], e = offs[r.index + r.text.length];
    const j = mine.findIndex((x, k) => !used[k] && x.start < e && s < x.end);
    if (j >= 0) { used[j] = true; both++; } else { onlyChrono++; bump(chronoOnlyTexts, r.text.toLowerCase()); }
  }
  mine.forEach((x, k) => { if (!used[k]) { onlyOurs++; bump(oursOnlyTexts, x.text.toLowerCase()); } });
});

const top = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([t, n]) => `${n}× ${JSON.stringify(t)}`).join(', ');
console.log(`articles ${docs.length}, ${(bytes / 1e6).toFixed(2)} MB`);
console.log(`chrono-node: ${best.toFixed(2)} CPU s (${wall.toFixed(2)} s wall), ${(bytes / 1e6 / best).toFixed(3)} MB/s, ${chronoTotal} expressions`);
console.log(`dateline: ${oursTotal} expressions`);
console.log(`overlapping: ${both}; only chrono: ${onlyChrono}; only dateline: ${onlyOurs}`);
console.log(`only chrono, most frequent: ${top(chronoOnlyTexts)}`);
console.log(`only dateline, most frequent: ${top(oursOnlyTexts)}`);
