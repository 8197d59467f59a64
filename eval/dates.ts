// Time expressions (facts stage, `findTimexes`) on TempEval-3's TimeBank/AQUAINT documents, with
// TempEval-3's metrics: extraction precision/recall/F1 with relaxed (overlapping) and strict (exact) spans,
// and value F1 = relaxed extraction F1 × accuracy of the TIMEX3 value on the matched expressions; the same
// for calendar dates alone (gold DATE values YYYY, YYYY-MM, YYYY-MM-DD against predictions with such
// values), which is what a timeline uses. Each document is read with its creation time as the article's date.
// Run: npm run eval -- dates                            (test part: the numbers to report)
//      node --import tsx eval/dates.ts --part dev [--misses]  (tuning; --misses lists dev errors)

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { findTimexes } from "../src/facts/timex.js";
import type { Article, Timex } from "../src/model/index.js";
import { splitSentences } from "../src/text/sentences.js";

const DATA = fileURLToPath(new URL("../../shared/data/tempeval3/docs.jsonl", import.meta.url));
const CALENDAR = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
}

interface Doc {
  id: string;
  dct: string;
  split: "dev" | "test";
  text: string;
  timexes: GoldTimex[];
}

interface Span {
  start: number;
  end: number;
  value: string;
}

interface Counts {
  gold: number;
  pred: number;
  relaxed: number;
  strict: number;
  value: number;
}

const empty = (): Counts => ({ gold: 0, pred: 0, relaxed: 0, strict: 0, value: 0 });

function articleOf(doc: Doc): Article {
  return {
    id: doc.id, source: { path: doc.id, name: null, url: null, agency: null, author: null }, title: null,
    published: doc.dct.slice(0, 10), dateline: null, text: doc.text, sentences: splitSentences(doc.text),
  };
}

/** One-to-one matching, gold in order, each to the first unused overlapping prediction. */
function score(gold: Span[], pred: Span[], c: Counts, misses?: string[], text?: string, dct?: string): void {
  // Each listed error with its document date and the words around it, to judge which value is right.
  const at = (s: Span) => `  [${dct}] …${text!.slice(Math.max(0, s.start - 70), s.start).replace(/\s+/g, " ")}⟦${text!.slice(s.start, s.end)}⟧${text!.slice(s.end, s.end + 50).replace(/\s+/g, " ")}…`;
  c.gold += gold.length;
  c.pred += pred.length;
  const used = new Set<number>();
  for (const g of gold) {
    const i = pred.findIndex((p, k) => !used.has(k) && p.start < g.end && g.start < p.end);
    if (i < 0) {
      misses?.push(`missed  ${JSON.stringify(text!.slice(g.start, g.end))} ${g.value}${at(g)}`);
      continue;
    }
    used.add(i);
    const p = pred[i];
    c.relaxed++;
    if (p.start === g.start && p.end === g.end) c.strict++;
    if (p.value === g.value) c.value++;
    else misses?.push(`value   ${JSON.stringify(text!.slice(p.start, p.end))} ${p.value} ≠ ${JSON.stringify(text!.slice(g.start, g.end))} ${g.value}${at(g)}`);
  }
  if (misses) pred.forEach((p, k) => used.has(k) || misses.push(`extra   ${JSON.stringify(text!.slice(p.start, p.end))} ${p.value}${at(p)}`));
}

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : "  -  ");

function row(label: string, c: Counts): string {
  const rp = c.relaxed / c.pred;
  const rr = c.relaxed / c.gold;
  const sp = c.strict / c.pred;
  const sr = c.strict / c.gold;
  const accuracy = c.value / c.relaxed;
  return `${label.padEnd(16)} ${String(c.gold).padStart(5)} ${String(c.pred).padStart(5)} | ${fmt(rp)} ${fmt(rr)} ${fmt(f1(rp, rr))} | ` +
    `${fmt(sp)} ${fmt(sr)} ${fmt(f1(sp, sr))} | ${fmt(accuracy)}  ${fmt(f1(rp, rr) * accuracy)}`;
}

function main(): void {
  const args = process.argv.slice(2);
  const part = args.includes("--part") && args[args.indexOf("--part") + 1] === "dev" ? "dev" : "test";
  const showMisses = args.includes("--misses") && part === "dev"; // test errors are never listed
  const docs = readFileSync(DATA, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Doc).filter((d) => d.split === part);
  const all = empty();
  const calendar = empty();
  const misses: string[] = [];
  const started = performance.now();
  for (const doc of docs) {
    const found: Timex[] = findTimexes(articleOf(doc));
    score(doc.timexes, found, all, showMisses ? misses : undefined, doc.text, doc.dct.slice(0, 10));
    score(doc.timexes.filter((t) => t.type === "DATE" && CALENDAR.test(t.value)), found.filter((t) => CALENDAR.test(t.value)), calendar);
  }
  const ms = performance.now() - started;
  console.log(`\nTime expressions: TempEval-3 (TimeBank + AQUAINT) ${part} part, ${docs.length} documents, read against each document's creation time`);
  console.log("                  gold  pred | relaxed P R F1      | strict P R F1       | value acc  value F1");
  console.log(row("all", all));
  console.log(row("calendar dates", calendar));
  console.log(`(${(ms / docs.length).toFixed(1)} ms per document)`);
  if (showMisses) console.log(`\n${misses.join("\n")}`);
}

main();
