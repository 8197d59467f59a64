// Copy detection on copies made from real news texts, per split, by makers of different kinds.
// Run: node --import tsx eval/copies.ts [--part dev|test] [--misses]   (--misses lists dev errors)
// Bases are the ECB+ documents and the AEB ground-truth bodies of one split (dev or test, never mixed).
// Each base gets up to two copies, each of one make:
//   exact              the same body;
//   near/headline|figure|added|dropped   one or two light edits: a new first line, a number changed, a
//                      sentence of other material added, a sentence dropped (bases of 5+ sentences);
//   partial/roundup    about two thirds of the base between paragraphs of other material;
//   partial/cut        the first 35–65% of the base alone (a reprint cut short);
//   partial/added      the whole base with as much again of other material after it;
//   spun/SPINNER       run through one of three spinners at 10–70% of its content words (eval/spinners:
//                      ours, WordNet other-sense synonyms, a phrase/clause rewriter with hypernyms);
//   spun+cut/SPINNER   the same, then cut to its first 40–70%.
// Other material comes from MEANTIME's Wikinews texts, which are not in the corpus. Every text goes through buildArticle.
// A copy is dated 1–5 days after its base. Hard negatives are the pairs of bases of one ECB+ sub-topic
// (same event, different writers); the few that are real reuse were checked by hand (copy-reuse.jsonl)
// and count as copies of the kind recorded there.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { align } from "../src/copies/compare.js";
import { findCopies } from "../src/copies/index.js";
import { profileArticle } from "../src/copies/profile.js";
import type { Article, Copy, CopyKind } from "../src/model/index.js";
import { buildArticle } from "../src/text/article.js";
import { STOPWORDS } from "../src/text/tokens.js";
import { oursSpinner } from "./spinners/ours.js";
import { rewriteSpinner } from "./spinners/rewrite.js";
import { join, pick, seeded, sentencesOf, shuffle, structure, type Random } from "./spinners/text.js";
import { WordNet } from "./spinners/wordnet.js";
import { wordnetSpinner } from "./spinners/wordnet-spinner.js";

const DATA = fileURLToPath(new URL("../../shared/data/", import.meta.url));
const REUSE = fileURLToPath(new URL("copy-reuse.jsonl", import.meta.url));
const SEED = 1;
/** Bases shorter than this many words are left out: too short to tell copying from a shared phrase. */
const MIN_BASE_WORDS = 40;
/** Chance of a first copy, and of a second one, per base. */
const COPY_RATES = [0.8, 0.4];
const RATES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7];
const KINDS: CopyKind[] = ["exact", "near", "partial", "spun"];
const BOILERPLATE = "Copyright 2024 The Herald. All rights reserved. Reproduction without permission is prohibited.";
const LONG_WORD = /\b[a-z]{4,}\b/g;

type Split = "dev" | "test";
type Spin = (text: string, rate: number, r: Random) => string;

interface Base {
  key: string;
  /** ECB+ sub-topic, or the AEB page id. */
  group: string;
  text: string;
}

interface Truth {
  of: string;
  kind: CopyKind;
  /** How it was made: "near/figure", "spun/wordnet", "reuse" (hand-checked real reuse) … */
  make: string;
  rate?: number;
}

function readBases(split: Split): Base[] {
  const bases: Base[] = [];
  for (const line of readFileSync(`${DATA}ecbplus/docs.jsonl`, "utf8").split("\n")) {
    if (!line) continue;
    const d = JSON.parse(line) as { id: string; subtopic: string; title: string; text: string; split: string };
    // The title is the story's first sentence; it is not repeated in `text`.
    if (d.split === split) bases.push({ key: `ecb/${d.id}`, group: `ecb/${d.subtopic}`, text: `${d.title} ${d.text}` });
  }
  const truth = JSON.parse(readFileSync(`${DATA}scrapinghub-aeb/ground-truth.json`, "utf8")) as Record<string, { articleBody: string }>;
  const splits = JSON.parse(readFileSync(`${DATA}scrapinghub-aeb/splits.json`, "utf8")) as Record<Split, string[]>;
  for (const id of splits[split]) bases.push({ key: `aeb/${id}`, group: `aeb/${id}`, text: truth[id].articleBody });
  return bases.filter((b) => b.text.split(/\s+/).length >= MIN_BASE_WORDS);
}

/**
 * Other material for roundups and added paragraphs: the sentences of MEANTIME's and GUM's texts (neither
 * is in the corpus, so a roundup copies only its base; the same for both parts, as it is never scored).
 */
function readMaterial(): string[] {
  const read = (name: string) =>
    readFileSync(`${DATA}${name}/docs.jsonl`, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { text: string }).text ?? "");
  // A MEANTIME text opens with its headline and date; the material starts after them.
  const meantime = read("meantime").map((text) => {
    const date = text.slice(0, 400).match(/\b[A-Z][a-z]+ \d{1,2}, (?:19|20)\d\d\s+/);
    return date ? text.slice(date.index! + date[0].length) : "";
  });
  return [...meantime, ...read("gum").flatMap((text) => text.split("\n"))].flatMap(sentencesOf).filter((s) => s.split(" ").length >= 6);
}

/** Hand-checked verdicts on real reuse between ECB+ documents: "a|b" (sorted keys) → kind, or null for not a copy. */
function readReuse(): Map<string, CopyKind | null> {
  const out = new Map<string, CopyKind | null>();
  for (const line of readFileSync(REUSE, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const v = JSON.parse(line) as { a: string; b: string; verdict: CopyKind | "none" };
    out.set(pairKey(`ecb/${v.a}`, `ecb/${v.b}`), v.verdict === "none" ? null : v.verdict);
  }
  return out;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const countSentences = (text: string) => structure(text).reduce((n, p) => n + p.length, 0);

/** The first `share` of a text's sentences (at least `min`), paragraphs kept. */
function firstPart(text: string, share: number, min = 3): string {
  let left = Math.max(min, Math.round(countSentences(text) * share));
  return join(structure(text).map((p) => p.filter(() => left-- > 0)));
}

interface Maker {
  vocabulary: string[];
  /** Other material: paragraphs of 2–4 sentences. */
  foreign: (paragraphs: number) => string[];
  spinners: Record<string, Spin>;
}

function nearCopy(text: string, r: Random, m: Maker): { body: string; make: string } {
  // A sentence is dropped before one is added, so that the edits never cancel out.
  const order = ["dropped", "headline", "figure", "added"];
  const edits = shuffle(order, r).slice(0, r() < 0.5 ? 1 : 2).sort((x, y) => order.indexOf(x) - order.indexOf(y));
  let paragraphs = structure(text);
  const flat = () => paragraphs.flatMap((p, i) => p.map((_, j) => [i, j] as const));
  for (const edit of edits) {
    const spots = flat();
    if (edit === "headline") {
      // A new first line: the first sentence's names and a few words of the copier's own.
      const names = (paragraphs[0][0].match(/\b[A-Z][a-z]+\b/g) ?? []).slice(0, 3);
      const words = Array.from({ length: 4 }, () => pick(m.vocabulary, r));
      paragraphs[0][0] = `${[...names, ...words].join(" ").replace(/^./, (c) => c.toUpperCase())}.`;
    } else if (edit === "figure") {
      const withNumber = spots.filter(([i, j]) => /\d/.test(paragraphs[i][j]));
      const [i, j] = withNumber.length ? pick(withNumber, r) : pick(spots, r);
      const s = paragraphs[i][j];
      paragraphs[i][j] = /\d/.test(s)
        ? s.replace(/\d+/, (n) => String(Number(n) + 1 + Math.floor(r() * 9)))
        : s.replace(LONG_WORD, (w) => (STOPWORDS.has(w) || r() > 0.3 ? w : pick(m.vocabulary, r)));
    } else if (edit === "added") {
      const [i, j] = pick(spots, r);
      paragraphs[i].splice(j + 1, 0, r() < 0.3 ? BOILERPLATE : sentencesOf(m.foreign(1)[0])[0]);
    } else {
      const [i, j] = pick(spots.slice(1), r);
      paragraphs[i].splice(j, 1);
      paragraphs = paragraphs.filter((p) => p.length);
    }
  }
  return { body: join(paragraphs), make: `near/${edits.join("+")}` };
}

function partialCopy(text: string, r: Random, m: Maker): { body: string; make: string } {
  const n = countSentences(text);
  const shape = pick(n >= 6 ? ["roundup", "cut", "added"] : ["roundup", "added"], r);
  const body =
    shape === "roundup" ? [...m.foreign(2 + Math.floor(r() * 3)), firstPart(text, 0.55 + r() * 0.25), ...m.foreign(3 + Math.floor(r() * 4))].join("\n\n")
    : shape === "cut" ? firstPart(text, 0.35 + r() * 0.3)
    : [text, ...m.foreign(Math.max(3, Math.round(n * (0.6 + r() * 0.6))))].join("\n\n");
  return { body, make: `partial/${shape}` };
}

function makeCopy(b: Base, r: Random, m: Maker): { body: string; truth: Omit<Truth, "of"> } {
  const n = countSentences(b.text);
  const roll = r();
  const kind: CopyKind = roll < 0.1 ? "exact" : roll < 0.3 && n >= 5 ? "near" : roll < 0.5 && n >= 5 ? "partial" : "spun";
  if (kind === "exact") return { body: b.text, truth: { kind, make: "exact" } };
  if (kind === "near") {
    const { body, make } = nearCopy(b.text, r, m);
    return { body, truth: { kind, make } };
  }
  if (kind === "partial") {
    const { body, make } = partialCopy(b.text, r, m);
    return { body, truth: { kind, make } };
  }
  const spinner = pick(Object.keys(m.spinners), r);
  const rate = pick(RATES, r);
  const spun = m.spinners[spinner](b.text, rate, r);
  const cut = n >= 6 && r() < 0.25;
  return { body: cut ? firstPart(spun, 0.4 + r() * 0.3) : spun, truth: { kind, make: `${cut ? "spun+cut" : "spun"}/${spinner}`, rate } };
}

const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 864e5).toISOString().slice(0, 10);

interface Corpus {
  articles: Article[];
  /** Article id → corpus key (base key, or base key + "#n"). */
  keyOf: Map<string, string>;
  groupOf: Map<string, string>;
  truth: Map<string, Truth>;
  /** Pairs of bases of one ECB+ sub-topic, by pairKey, with the hand-checked verdict when there is one. */
  sameStory: Set<string>;
}

function buildCorpus(split: Split, wn: WordNet, reuse: Map<string, CopyKind | null>): Corpus {
  const r = seeded(SEED);
  const bases = readBases(split);
  const vocabulary = [...new Set(bases.flatMap((b) => b.text.match(LONG_WORD) ?? []))].filter((w) => !STOPWORDS.has(w));
  // Each sentence of other material is used once (until all are), so copies never share it.
  let material: string[] = [];
  const maker: Maker = {
    vocabulary,
    foreign: (count) =>
      Array.from({ length: count }, () => {
        if (material.length < 4) material = shuffle(readMaterial(), r);
        return material.splice(0, 2 + Math.floor(r() * 3)).join(" ");
      }),
    spinners: { ours: oursSpinner(vocabulary), wordnet: wordnetSpinner(wn), rewrite: rewriteSpinner(wn) },
  };
  const docs: { key: string; group: string; date: string; body: string }[] = [];
  const truth = new Map<string, Truth>();
  for (const b of bases) {
    const published = Math.floor(r() * 300);
    docs.push({ key: b.key, group: b.group, date: day(published), body: b.text });
    COPY_RATES.forEach((rate, n) => {
      if (r() >= rate) return;
      const copy = makeCopy(b, r, maker);
      const key = `${b.key}#${n}`;
      docs.push({ key, group: b.group, date: day(published + 1 + Math.floor(r() * 5)), body: copy.body });
      truth.set(key, { of: b.key, ...copy.truth });
    });
  }
  const sameStory = new Set<string>();
  const ecb = bases.filter((b) => b.key.startsWith("ecb/"));
  for (const x of ecb) for (const y of ecb) if (x.key < y.key && x.group === y.group) sameStory.add(pairKey(x.key, y.key));
  // Hand-checked real reuse among the bases: the later-dated one is the copy.
  const dateOf = new Map(docs.map((d) => [d.key, d.date]));
  for (const [pair, kind] of reuse) {
    const [a, b] = pair.split("|");
    if (!kind || !dateOf.has(a) || !dateOf.has(b)) continue;
    const [copy, of] = dateOf.get(a)! > dateOf.get(b)! ? [a, b] : [b, a];
    truth.set(copy, { of, kind, make: "reuse (ECB+, by hand)" });
  }
  const order = shuffle(docs, r);
  const articles = order.map((d) => buildArticle({ path: `${d.key}.txt`, body: d.body, meta: { date: d.date } }));
  const keyOf = new Map(articles.map((a, i) => [a.id, order[i].key]));
  const groupOf = new Map(docs.map((d) => [d.key, d.group]));
  return { articles, keyOf, groupOf, truth, sameStory };
}

type Cell = CopyKind | "none";

interface Score {
  /** Per make: truth count, found (right original), found under another original, right kind, predicted kinds. */
  makes: Map<string, { n: number; found: number; family: number; right: number; predicted: Map<Cell, number> }>;
  /** Rows truth kind (or "none": hard negatives), columns predicted kind (or "none"). */
  confusion: Map<Cell, Map<Cell, number>>;
  predicted: Map<CopyKind, { all: number; right: number }>;
  recalled: Map<CopyKind, { n: number; right: number }>;
  /** Spun copies per spinner and rate: made, called spun with the right original. */
  spinners: Map<string, Map<number, { n: number; right: number }>>;
  /** Copies found under the original their base copies (kind not judged: it describes that pair). */
  viaFamily: number;
  /** With --misses: copies pointing at their original with the wrong kind, described. */
  wrongKinds: string[];
  /** Same-sub-topic pairs of bases called copies (not hand-checked as reuse), and other false pairs. */
  hardNegatives: string[];
  otherFalse: number;
  hardTotal: number;
  ms: number;
}

function score(c: Corpus, copies: Copy[], ms: number, misses: boolean): Score {
  const found = new Map(copies.map((x) => [c.keyOf.get(x.copy)!, { of: c.keyOf.get(x.of)!, kind: x.kind }]));
  const family = (key: string) => found.get(key)?.of ?? key;
  // Right when the copy points at its original, or both are in one family under another original.
  const rightPair = (key: string, t: Truth) => {
    const p = found.get(key);
    return p !== undefined && (p.of === t.of || family(t.of) === p.of);
  };
  const makes: Score["makes"] = new Map();
  const confusion: Score["confusion"] = new Map();
  const count = (row: Cell, col: Cell) => {
    const r = confusion.get(row) ?? confusion.set(row, new Map()).get(row)!;
    r.set(col, (r.get(col) ?? 0) + 1);
  };
  const predicted = new Map(KINDS.map((k) => [k, { all: 0, right: 0 }]));
  const recalled = new Map(KINDS.map((k) => [k, { n: 0, right: 0 }]));
  const spinners: Score["spinners"] = new Map();
  const wrongKinds: string[] = [];
  let viaFamily = 0;
  for (const [key, t] of c.truth) {
    const m = makes.get(t.make) ?? makes.set(t.make, { n: 0, found: 0, family: 0, right: 0, predicted: new Map() }).get(t.make)!;
    m.n++;
    const p = found.get(key);
    const ok = rightPair(key, t);
    // Found under the original its base is itself a copy of: the kind describes that pair, not this one.
    if (ok && p!.of !== t.of) {
      m.found++;
      m.family++;
      viaFamily++;
      continue;
    }
    const col: Cell = ok ? p!.kind : "none";
    m.predicted.set(col, (m.predicted.get(col) ?? 0) + 1);
    count(t.kind, col);
    const right = ok && p!.kind === t.kind;
    recalled.get(t.kind)!.n++;
    if (t.rate !== undefined) {
      const spinner = t.make.split("/")[1];
      const byRate = spinners.get(spinner) ?? spinners.set(spinner, new Map()).get(spinner)!;
      const cell = byRate.get(t.rate) ?? byRate.set(t.rate, { n: 0, right: 0 }).get(t.rate)!;
      cell.n++;
      if (right) cell.right++;
    }
    if (misses && !right) wrongKinds.push(describeMiss(c, key, t, ok ? p!.kind : "none"));
    if (!ok) continue;
    m.found++;
    if (right) (m.right++, recalled.get(t.kind)!.right++);
  }
  const hardNegatives: string[] = [];
  let otherFalse = 0;
  for (const [key, p] of found) {
    const t = c.truth.get(key);
    const ok = t !== undefined && rightPair(key, t);
    if (ok && p.of !== t.of) continue;
    predicted.get(p.kind)!.all++;
    if (ok && p.kind === t.kind) predicted.get(p.kind)!.right++;
    if (ok) continue;
    const base = (k: string) => k.split("#")[0];
    if (c.sameStory.has(pairKey(base(key), base(p.of))) && !c.truth.has(key)) {
      hardNegatives.push(`${key} → ${p.of} (${p.kind})`);
      count("none", p.kind);
    } else otherFalse++;
  }
  const hardTotal = [...c.sameStory].filter((pair) => !c.truth.has(pair.split("|")[0]) && !c.truth.has(pair.split("|")[1])).length;
  count("none", "none");
  confusion.get("none")!.set("none", hardTotal - hardNegatives.length);
  return { makes, confusion, predicted, recalled, spinners, wrongKinds, viaFamily, hardNegatives, otherFalse, hardTotal, ms };
}

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : "  -  ");
const pad = (s: string | number, n: number) => String(s).padStart(n);

function report(split: Split, c: Corpus, s: Score, misses: boolean): void {
  console.log(`\n== ${split}: ${c.articles.length} articles, ${c.truth.size} copies, ${s.hardTotal} same-story pairs of bases; findCopies ${s.ms.toFixed(0)} ms CPU`);
  console.log("kind     precision        recall (right original and kind)");
  for (const k of KINDS) {
    const p = s.predicted.get(k)!;
    const r = s.recalled.get(k)!;
    console.log(`${k.padEnd(8)} ${fmt(p.right / p.all)} ${pad(`(${p.right}/${p.all})`, 9)}  ${fmt(r.right / r.n)} (${r.right}/${r.n})`);
  }
  console.log(`hard negatives called copies: ${s.hardNegatives.length} of ${s.hardTotal}; other false pairs: ${s.otherFalse}`);
  console.log(`copies found under the original their base itself copies (kind not judged): ${s.viaFamily}`);
  if (misses) for (const h of s.hardNegatives) console.log(`  hard negative: ${h}`);
  for (const w of s.wrongKinds) console.log(`  wrong kind: ${w}`);
  console.log("confusion (rows: truth, none = hard negative; columns: predicted, none = not found or wrong original)");
  const cols: Cell[] = [...KINDS, "none"];
  console.log(`${"".padEnd(8)}${cols.map((x) => pad(x, 8)).join("")}`);
  for (const row of cols) console.log(`${row.padEnd(8)}${cols.map((col) => pad(s.confusion.get(row)?.get(col) ?? 0, 8)).join("")}`);
  console.log("make                          n  found  family  right kind  recall  predicted (family: under another original, kind not judged)");
  for (const [make, m] of [...s.makes].sort(([x], [y]) => x.localeCompare(y))) {
    const kinds = [...m.predicted].map(([k, n]) => `${k} ${n}`).join(", ");
    console.log(`${make.padEnd(26)}${pad(m.n, 5)}${pad(m.found, 7)}${pad(m.family, 8)}${pad(m.right, 12)}  ${fmt(m.right / (m.n - m.family))}  ${kinds}`);
  }
  console.log("spinner   spun with the right original, by rate of content words            all");
  for (const [spinner, byRate] of [...s.spinners].sort(([x], [y]) => x.localeCompare(y))) {
    const cells = RATES.map((rate) => byRate.get(rate) ?? { n: 0, right: 0 });
    const all = cells.reduce((t, x) => ({ n: t.n + x.n, right: t.right + x.right }), { n: 0, right: 0 });
    console.log(`${spinner.padEnd(9)} ${cells.map((x, i) => `${RATES[i]}: ${x.right}/${x.n}`).join("  ")}  ${fmt(all.right / all.n)} (${all.right}/${all.n})`);
  }
}

const args = process.argv.slice(2);
const parts: Split[] = args.includes("--part") ? [args[args.indexOf("--part") + 1] as Split] : ["dev", "test"];
const wn = new WordNet();
const reuse = readReuse();
console.log("Copies: copies made from ECB+ and AEB texts by exact reprint, light edits, partial reuse and three spinners;");
console.log("hard negatives: other reports of the same ECB+ sub-topic. Precision per kind counts every reported copy of");
console.log("that kind; a copy is right when it points at its original (or shares its family) with the right kind.");
for (const split of parts) {
  const corpus = buildCorpus(split, wn, reuse);
  const cpu = process.cpuUsage();
  const copies = findCopies(corpus.articles);
  const used = process.cpuUsage(cpu);
  // Errors are listed on dev only: test is measured, never looked into.
  const misses = args.includes("--misses") && split === "dev";
  report(split, corpus, score(corpus, copies, (used.user + used.system) / 1000, misses), misses);
}


/** A copy given the wrong kind, with how its sentences aligned with its original's (dev only). */
function describeMiss(c: Corpus, key: string, t: Truth, predicted: string): string {
  const byKey = new Map([...c.keyOf].map(([id, k]) => [k, c.articles.find((a) => a.id === id)!]));
  const [copy, original] = [byKey.get(key)!, byKey.get(t.of)!];
  const found = align({ profile: profileArticle(copy) }, { profile: profileArticle(original) });
  const n = (m: string) => found?.pairs.filter((p) => p.match === m).length ?? 0;
  return `${key} ${t.make} ${t.rate ?? ""} → ${predicted}: sentences ${copy.sentences.length}/${original.sentences.length}, aligned ${found?.pairs.length ?? 0} (verbatim ${n("verbatim")}, edited ${n("edited")}, reworded ${n("reworded")})`;
}
