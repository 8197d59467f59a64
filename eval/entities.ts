// Entity mention detection (facts stage) against MEANTIME's annotated entity mentions.
// Run: node --import tsx eval/entities.ts
// MEANTIME has no dev/test split. We looked at a few of its documents once while building the facts stage
// and never tuned on it, so all of it is reported. Only 60 of its 120 documents ship with text (airbus and
// apple; the gm and stock texts are empty), so those 60 are scored.
//
// Gold: mentions typed PER, ORG or LOC whose head the corpus tags as a proper noun: "Boeing", "the Air
// Force", "Northrop Grumman CEO Ron Sugar". Nominal ("the company") and pronoun mentions are out of the
// stage's scope. The annotation gives sentence and token numbers of its own tokenisation, so each gold
// mention is located in the text by its tokens, in document order.
// Match: a predicted mention of the same type whose span overlaps the gold mention, one to one ("overlap";
// the corpus's spans include appositions and titles: "Apple Computer CEO and co-founder Steve Jobs"). "Exact" also asks the predicted name to equal the gold words without a leading
// article. Precision is a lower bound: MEANTIME does not annotate every name (its entities are the
// participants of annotated events), so a correct name it skipped counts as a false positive; the
// "unannotated" column counts predictions overlapping no annotated mention of any kind, and P* is the
// precision without them (an upper view: some of them are real mistakes).

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { extractFacts } from "../src/facts/index.js";
import type { Article, EntityType, Mention } from "../src/model/index.js";
import { splitSentences } from "../src/text/sentences.js";

const DATA = fileURLToPath(new URL("../../shared/data/meantime/", import.meta.url));
const TYPES: Record<string, EntityType> = { PER: "person", ORG: "organization", LOC: "place" };
const SCORED: EntityType[] = ["person", "organization", "place"];
const LEADING_ARTICLE = /^(?:the|a|an)\s+/i;

interface Doc {
  id: string;
  corpus: string;
  text: string;
}

interface Annotation {
  doc_id: string;
  sent_id: number;
  tokens_number: number[];
  tokens_str: string;
  mention_head_pos: string;
  mention_type: string;
}

interface Span {
  start: number;
  end: number;
}

interface Gold extends Span {
  type: EntityType | null;
  named: boolean;
  words: string;
}

/** The corpus tokenises `"` as `` and '' and splits "(EADS" and "Wal-Mart"; the text does not always. */
function tokenPattern(token: string): string {
  if (token === "``" || token === "''") return `(["“”'\`]+)`;
  return `(${token.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")})`;
}

function locate(text: string, a: Annotation, from: number): Span | null {
  const tokens = a.tokens_str.split(" ");
  const boundary = /^\w/.test(tokens[0]) ? "(?<![\\w])" : "";
  const pattern = new RegExp(boundary + tokens.map(tokenPattern).join("\\s*"), "g");
  pattern.lastIndex = from;
  const m = pattern.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

/** Gold mentions of one document, located in its text; `missing` counts the ones not found. */
function goldOf(text: string, annotations: Annotation[]): { gold: Gold[]; missing: number } {
  const seen = new Set<string>();
  const ordered = annotations
    .filter((a) => {
      const key = `${a.sent_id}:${a.tokens_number.join(",")}`; // the file repeats a mention once per chain view
      return !seen.has(key) && seen.add(key);
    })
    .sort((x, y) => x.sent_id - y.sent_id || x.tokens_number[0] - y.tokens_number[0]);
  const gold: Gold[] = [];
  let missing = 0;
  let cursor = 0;
  for (const a of ordered) {
    const found = locate(text, a, cursor);
    const type = TYPES[a.mention_type] ?? null;
    const named = a.mention_head_pos === "PROPN";
    if (!found) {
      if (type && named) missing++;
      continue;
    }
    cursor = found.start;
    const words = text.slice(found.start, found.end).replace(LEADING_ARTICLE, "").replace(/\s+/g, " ");
    gold.push({ ...found, type, named, words });
  }
  return { gold, missing };
}

function articleOf(doc: Doc): Article {
  return {
    id: doc.id,
    source: { path: doc.id, name: null, url: null, agency: null, author: null },
    title: null,
    published: null,
    dateline: null,
    text: doc.text,
    sentences: splitSentences(doc.text),
  };
}

interface Counts {
  gold: number;
  predicted: number;
  overlap: number;
  exact: number;
  unannotated: number;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * The corpus annotates an apposition and the names inside it as separate mentions ("Apple Computer CEO and
 * co-founder Steve Jobs", "CEO", "Steve Jobs"); one name found there is one hit, so overlapping gold
 * mentions of one type count as one, with the words of each of them.
 */
function nestedTogether(gold: Gold[]): { start: number; end: number; words: string[] }[] {
  const groups: { start: number; end: number; words: string[] }[] = [];
  for (const g of [...gold].sort((a, b) => a.start - b.start)) {
    const last = groups.at(-1);
    if (last && g.start < last.end) {
      last.end = Math.max(last.end, g.end);
      last.words.push(g.words);
    } else groups.push({ start: g.start, end: g.end, words: [g.words] });
  }
  return groups;
}

function scoreDoc(gold: Gold[], predicted: Mention[], counts: Map<EntityType, Counts>): void {
  for (const type of SCORED) {
    const c = counts.get(type)!;
    const g = nestedTogether(gold.filter((x) => x.named && x.type === type));
    const p = predicted.filter((x) => x.type === type);
    c.gold += g.length;
    c.predicted += p.length;
    c.unannotated += p.filter((x) => !gold.some((y) => overlaps(x, y))).length;
    const used = new Set<Mention>();
    for (const x of g) {
      const match = p.find((y) => !used.has(y) && overlaps(y, x));
      if (!match) continue;
      used.add(match);
      c.overlap++;
      if (x.words.includes(match.name.replace(/\s+/g, " "))) c.exact++;
    }
  }
}

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : "  -  ");
const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

function main(): void {
  const docs = readFileSync(`${DATA}docs.jsonl`, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Doc);
  const annotations = JSON.parse(readFileSync(`${DATA}entity_mentions.json`, "utf8")) as Annotation[];
  const byDoc = new Map<string, Annotation[]>();
  for (const a of annotations) byDoc.set(a.doc_id, [...(byDoc.get(a.doc_id) ?? []), a]);
  const scored = docs.filter((d) => d.text && byDoc.has(d.id));
  const counts = new Map(SCORED.map((t) => [t, { gold: 0, predicted: 0, overlap: 0, exact: 0, unannotated: 0 }]));
  let missing = 0;
  for (const doc of scored) {
    const { gold, missing: lost } = goldOf(doc.text, byDoc.get(doc.id)!);
    missing += lost;
    scoreDoc(gold, extractFacts(articleOf(doc)).mentions, counts);
  }
  console.log(`\nEntities: MEANTIME named mentions (all of it, no split; ${scored.length} of ${docs.length} documents have text)`);
  console.log(`gold mentions not located in the text (left out): ${missing}; nested gold mentions of one type count once`);
  console.log("P is a lower bound (MEANTIME leaves many names unannotated); P* leaves out predictions overlapping no annotation");
  console.log("type          gold  pred |    overlap: P     R     F1  | exact: P     R     F1  | unannotated  P*");
  const total = { gold: 0, predicted: 0, overlap: 0, exact: 0, unannotated: 0 };
  const rows = [...counts.entries()] as [string, Counts][];
  for (const [, c] of rows) for (const k of Object.keys(total) as (keyof Counts)[]) total[k] += c[k];
  for (const [type, c] of [...rows, ["all", total] as [string, Counts]]) {
    const hp = c.overlap / c.predicted;
    const hr = c.overlap / c.gold;
    const ep = c.exact / c.predicted;
    const er = c.exact / c.gold;
    const pAnnotated = c.overlap / (c.predicted - c.unannotated);
    console.log(
      `${type.padEnd(12)} ${String(c.gold).padStart(5)} ${String(c.predicted).padStart(5)} |` +
        `        ${fmt(hp)} ${fmt(hr)} ${fmt(f1(hp, hr))} |    ${fmt(ep)} ${fmt(er)} ${fmt(f1(ep, er))} | ${String(c.unannotated).padStart(6)}   ${fmt(pAnnotated)}`,
    );
  }
}

main();
