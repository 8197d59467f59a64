// Copy detection on synthetic copies injected into real news texts, per split.
// Run: node --import tsx eval/copies.ts
// Bases are the ECB+ documents and the AEB ground-truth bodies of one split (dev or test, never mixed).
// A seeded 40% of the bases get one copy each, of one of four kinds:
//   exact    the same body;
//   near     one sentence dropped, ~30% of the long words of another sentence replaced, a copyright line added;
//   partial  the first half of the base (at least 3 sentences) between paragraphs of sentences taken from
//            other documents of the split;
//   spun     ~55% of the lower-case content words replaced (synonyms from a small table, else random words
//            of the split's vocabulary), capitalised names kept, ~10% of sentences merged with the previous.
// Every text goes through buildArticle (cleaning, sentences) like a file would. A copy is dated 1–5 days
// after its base, so the base is the true original. Scores: a found copy is right when it points at its base
// (or at the original its base was itself grouped under); every other reported pair counts against
// precision, including real reuse between ECB+ reports of the same sub-topic (shown separately).

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { findCopies } from "../src/copies/index.js";
import type { Article, Copy, CopyKind } from "../src/model/index.js";
import { buildArticle } from "../src/text/article.js";
import { STOPWORDS } from "../src/text/tokens.js";

const DATA = fileURLToPath(new URL("../../shared/data/", import.meta.url));
const SEED = 1;
/** Share of bases that get a copy. */
const COPY_RATE = 0.4;
/** Bases shorter than this many words are left out: too short to tell copying from a shared phrase. */
const MIN_BASE_WORDS = 40;
/** Share of eligible content words the spinner replaces. */
const SPIN_RATE = 0.55;
/** Share of sentences the spinner merges into the previous one. */
const SPIN_MERGE_RATE = 0.1;
const KINDS: CopyKind[] = ["exact", "near", "partial", "spun"];
const BOILERPLATE = "Copyright 2024 The Herald. All rights reserved. Reproduction without permission is prohibited.";
const SENTENCE_BREAK = /(?<=[.!?]["”']?)\s+(?=["“`]*[A-Z])/;
const PARAGRAPH_BREAK = /\n\s*\n/;
const LONG_WORD = /\b[a-z]{4,}\b/g;
const WORD = /[\p{L}']+/gu;
const SYNONYMS: Record<string, string[]> = {
  said: ["stated", "remarked"],
  company: ["firm", "business"],
  big: ["large", "huge"],
  bought: ["purchased"],
  help: ["assist"],
  quickly: ["swiftly"],
  people: ["individuals", "folks"],
  killed: ["slain"],
  police: ["cops"],
  new: ["fresh"],
  announced: ["declared", "revealed"],
  about: ["regarding"],
  but: ["however"],
  show: ["display"],
  also: ["additionally"],
  because: ["since"],
};

type Split = "dev" | "test";
type Random = () => number;

interface Base {
  key: string;
  /** ECB+ sub-topic, or the AEB page id: bases sharing it may genuinely reuse text. */
  group: string;
  text: string;
}

interface Injected {
  of: string;
  kind: CopyKind;
}

/** mulberry32: a small seeded generator so every run injects the same copies. */
function seeded(seed: number): Random {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(items: T[], r: Random): T => items[Math.floor(r() * items.length)];

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

const sentencesOf = (text: string) => text.split(SENTENCE_BREAK);

function vocabularyOf(texts: string[]): string[] {
  const vocabulary = new Set<string>();
  for (const t of texts) for (const w of t.match(LONG_WORD) ?? []) if (!STOPWORDS.has(w)) vocabulary.add(w);
  return [...vocabulary];
}

function nearCopy(text: string, r: Random, vocabulary: string[]): string {
  const sentences = sentencesOf(text.replace(/\n\s*\n/g, " \n\n "));
  const drop = Math.floor(r() * sentences.length);
  const edit = Math.floor(r() * sentences.length);
  const kept = sentences
    .filter((_, i) => i !== drop || sentences.length < 6)
    .map((s, i) => (i === edit ? s.replace(LONG_WORD, (w) => (r() < 0.3 ? pick(vocabulary, r) : w)) : s));
  return `${kept.join(" ").replace(/ \n\n /g, "\n\n")}\n\n${BOILERPLATE}`;
}

function partialCopy(text: string, r: Random, foreign: string[]): string {
  const sentences = sentencesOf(text.replace(/\n\s*\n/g, " "));
  const half = sentences.slice(0, Math.max(3, Math.ceil(sentences.length / 2))).join(" ");
  const filler = () => `${pick(foreign, r)} ${pick(foreign, r)}`;
  return [filler(), half, filler(), filler(), filler()].join("\n\n");
}

function spinWord(word: string, offset: number, r: Random, vocabulary: string[]): string {
  const lower = word.toLowerCase();
  if (SYNONYMS[lower] && r() < 0.7) return pick(SYNONYMS[lower], r);
  if (STOPWORDS.has(lower)) return r() < 0.05 ? "" : word;
  if (/^\p{Lu}/u.test(word) && offset > 0) return word; // names survive a spinner
  if (word.length < 3 || r() > SPIN_RATE) return word;
  const replacement = pick(vocabulary, r) + (r() < 0.1 ? ` ${pick(vocabulary, r)}` : "");
  return offset === 0 ? replacement[0].toUpperCase() + replacement.slice(1) : replacement;
}

function spun(text: string, r: Random, vocabulary: string[]): string {
  return text
    .split(PARAGRAPH_BREAK)
    .map((paragraph) => {
      const merged: string[] = [];
      for (const sentence of sentencesOf(paragraph)) {
        const s = sentence.replace(WORD, (w, offset: number) => spinWord(w, offset, r, vocabulary)).replace(/ {2,}/g, " ");
        if (merged.length && s && r() < SPIN_MERGE_RATE) {
          merged[merged.length - 1] = `${merged[merged.length - 1].replace(/[.!?]$/, "")}, and ${s[0].toLowerCase()}${s.slice(1)}`;
        } else merged.push(s);
      }
      return merged.join(" ");
    })
    .join("\n\n");
}

const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 864e5).toISOString().slice(0, 10);

interface Corpus {
  articles: Article[];
  /** Article id → corpus key (base key, or base key + "#kind"). */
  keyOf: Map<string, string>;
  groupOf: Map<string, string>;
  injected: Map<string, Injected>;
}

function buildCorpus(split: Split): Corpus {
  const r = seeded(SEED);
  const bases = readBases(split);
  const vocabulary = vocabularyOf(bases.map((b) => b.text));
  const pool = bases.flatMap((b) => sentencesOf(b.text.replace(/\n\s*\n/g, " ")).filter((s) => s.length > 40));
  const docs: { key: string; group: string; date: string; body: string }[] = [];
  const injected = new Map<string, Injected>();
  for (const b of bases) {
    const published = Math.floor(r() * 300);
    docs.push({ key: b.key, group: b.group, date: day(published), body: b.text });
    if (r() >= COPY_RATE) continue;
    const kind = pick(KINDS, r);
    // The base's own sentences are kept out of a partial copy's filler (checked by text, not position).
    const own = new Set(sentencesOf(b.text.replace(/\n\s*\n/g, " ")));
    const body =
      kind === "exact" ? b.text
      : kind === "near" ? nearCopy(b.text, r, vocabulary)
      : kind === "partial" ? partialCopy(b.text, r, pool.filter((s) => !own.has(s)))
      : spun(b.text, r, vocabulary);
    const key = `${b.key}#${kind}`;
    docs.push({ key, group: b.group, date: day(published + 1 + Math.floor(r() * 5)), body });
    injected.set(key, { of: b.key, kind });
  }
  // Input order shuffled so that originals do not always come first.
  for (let i = docs.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [docs[i], docs[j]] = [docs[j], docs[i]];
  }
  const articles = docs.map((d) => buildArticle({ path: `${d.key}.txt`, body: d.body, meta: { date: d.date } }));
  const keyOf = new Map(articles.map((a, i) => [a.id, docs[i].key]));
  const groupOf = new Map(docs.map((d) => [d.key, d.group]));
  return { articles, keyOf, groupOf, injected };
}

interface KindScore {
  n: number;
  found: number;
  /** Found and pointing at the base itself (not at an original the base was grouped under). */
  direct: number;
  kindRight: number;
}

interface SplitScore {
  articles: number;
  ms: number;
  tp: number;
  fp: number;
  fpSameStory: number;
  fn: number;
  perKind: Map<CopyKind, KindScore>;
  confusion: Map<string, number>;
}

function score(corpus: Corpus, copies: Copy[], ms: number): SplitScore {
  const found = new Map(copies.map((c) => [corpus.keyOf.get(c.copy)!, { of: corpus.keyOf.get(c.of)!, kind: c.kind }]));
  const perKind = new Map(KINDS.map((k) => [k, { n: 0, found: 0, direct: 0, kindRight: 0 }]));
  const confusion = new Map<string, number>();
  const right = (key: string, truth: Injected) => {
    const p = found.get(key);
    return p !== undefined && (p.of === truth.of || found.get(truth.of)?.of === p.of);
  };
  for (const [key, truth] of corpus.injected) {
    const k = perKind.get(truth.kind)!;
    k.n++;
    if (!right(key, truth)) continue;
    k.found++;
    const { of, kind: predicted } = found.get(key)!;
    // The kind is judged only against the base itself: grouped under another original, it describes that pair.
    if (of !== truth.of) continue;
    k.direct++;
    if (predicted === truth.kind) k.kindRight++;
    const cell = `${truth.kind}→${predicted}`;
    confusion.set(cell, (confusion.get(cell) ?? 0) + 1);
  }
  let tp = 0;
  let fp = 0;
  let fpSameStory = 0;
  for (const [key, p] of found) {
    const truth = corpus.injected.get(key);
    if (truth && right(key, truth)) tp++;
    else {
      fp++;
      if (corpus.groupOf.get(key) === corpus.groupOf.get(p.of)) fpSameStory++;
    }
  }
  const fn = [...perKind.values()].reduce((s, k) => s + k.n - k.found, 0);
  return { articles: corpus.articles.length, ms, tp, fp, fpSameStory, fn, perKind, confusion };
}

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : "  -  ");

function report(split: Split, s: SplitScore): void {
  const p = s.tp / (s.tp + s.fp);
  const pOther = s.tp / (s.tp + s.fp - s.fpSameStory);
  const r = s.tp / (s.tp + s.fn);
  const kinds = [...s.perKind.values()];
  const kindAccuracy = kinds.reduce((sum, k) => sum + k.kindRight, 0) / kinds.reduce((sum, k) => sum + k.direct, 0);
  console.log(
    `${split.padEnd(5)} ${String(s.articles).padStart(8)} | ${fmt(p)} ${fmt(r)} ${fmt((2 * p * r) / (p + r))} | ${fmt(pOther)} | ` +
      `${String(s.tp).padStart(3)} ${String(s.fp).padStart(3)} ${String(s.fpSameStory).padStart(4)} ${String(s.fn).padStart(3)} | ` +
      `${fmt(kindAccuracy)} | ${s.ms.toFixed(0)} ms`,
  );
  const perKind = [...s.perKind].map(([kind, k]) => `${kind} ${fmt(k.found / k.n)} (${k.found}/${k.n})`).join("  ");
  console.log(`      recall per kind: ${perKind}`);
  const wrongKinds = [...s.confusion].filter(([cell]) => cell.split("→")[0] !== cell.split("→")[1]);
  console.log(`      kind mistakes (true→predicted): ${wrongKinds.map(([c, n]) => `${c} ${n}`).join(", ") || "none"}`);
}

console.log("Copies: injected copies in ECB+ and AEB texts (pairs: precision, recall, F1; kind accuracy among found copies pointing at their base)");
console.log("P counts every uninjected pair as wrong; P* leaves out pairs of two ECB+ reports of the same sub-topic");
console.log("(unlabelled real reuse: wire rewrites of one story), shown in the 'same' column.");
console.log("split articles |   P     R     F1  |   P*  |  tp  fp same  fn | kind  | time");
for (const split of ["dev", "test"] as const) {
  const corpus = buildCorpus(split);
  const t0 = performance.now();
  const copies = findCopies(corpus.articles);
  report(split, score(corpus, copies, performance.now() - t0));
}
