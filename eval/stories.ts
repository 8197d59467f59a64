// Story grouping against ECB+ sub-topics (and topics), per split; a sanity check on MEANTIME.
// Run: node --import tsx eval/stories.ts ['{"joinThreshold":0.2}']   (optional JSON of StoryOptions overrides)
// Tune on dev only; report test. Input order is the file's (grouped by topic, the easy case) and a
// seeded shuffle (what a folder of mixed files looks like); "online" is the incremental index alone.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Article, Sentence } from "../src/model/index.js";
import { addToStoryIndex, createStoryIndex, groupStories } from "../src/stories/index.js";
import type { StoryOptions } from "../src/stories/options.js";

const DATA = fileURLToPath(new URL("../../shared/data/", import.meta.url));
const SENTENCE = /[^.!?]+(?:[.!?]+|$)/g;

interface Doc {
  id: string;
  title: string;
  text: string;
  topic?: string;
  subtopic?: string;
  split?: string;
  corpus?: string;
}

function readDocs(path: string): Doc[] {
  return readFileSync(path, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line) as Doc);
}

/** A trivial sentence split is enough here: the stories stage only reads sentence offsets for the lead. */
function toArticle(doc: Doc): Article {
  const sentences: Sentence[] = [];
  for (const m of doc.text.matchAll(SENTENCE)) {
    const text = m[0].trim();
    if (!text) continue;
    const start = m.index! + m[0].indexOf(text);
    sentences.push({ i: sentences.length, text, start, end: start + text.length, paragraph: 0 });
  }
  return {
    id: doc.id,
    source: { path: doc.id, name: null, url: null, agency: null, author: null },
    title: doc.title,
    published: null,
    dateline: null,
    text: doc.text,
    sentences,
  };
}

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

interface Scores {
  bP: number;
  bR: number;
  bF: number;
  pF: number;
}

function score(groups: string[][], gold: Map<string, string>): Scores {
  const predicted = new Map<string, number>();
  groups.forEach((g, i) => g.forEach((id) => predicted.set(id, i)));
  const goldSize = new Map<string, number>();
  for (const g of gold.values()) goldSize.set(g, (goldSize.get(g) ?? 0) + 1);
  let p = 0;
  let r = 0;
  let tp = 0;
  let predPairs = 0;
  let goldPairs = 0;
  for (const group of groups) {
    const byGold = new Map<string, number>();
    for (const id of group) byGold.set(gold.get(id)!, (byGold.get(gold.get(id)!) ?? 0) + 1);
    for (const id of group) {
      const shared = byGold.get(gold.get(id)!)!;
      p += shared / group.length;
      r += shared / goldSize.get(gold.get(id)!)!;
    }
    for (const n of byGold.values()) tp += (n * (n - 1)) / 2;
    predPairs += (group.length * (group.length - 1)) / 2;
  }
  for (const n of goldSize.values()) goldPairs += (n * (n - 1)) / 2;
  const n = predicted.size;
  const bP = p / n;
  const bR = r / n;
  const pP = predPairs ? tp / predPairs : 1;
  const pR = goldPairs ? tp / goldPairs : 1;
  return { bP, bR, bF: (2 * bP * bR) / (bP + bR), pF: pP + pR ? (2 * pP * pR) / (pP + pR) : 0 };
}

const fmt = (x: number) => x.toFixed(3);

function evalEcb(options: Partial<StoryOptions>): void {
  const docs = readDocs(`${DATA}ecbplus/docs.jsonl`);
  console.log("ECB+ stories (BCubed P/R/F1, pairwise F1)");
  console.log("split  order     | vs sub-topic              | vs topic                  | stories  gold");
  for (const split of ["dev", "test"]) {
    const part = docs.filter((d) => d.split === split);
    const subtopic = new Map(part.map((d) => [d.id, d.subtopic!]));
    const topic = new Map(part.map((d) => [d.id, d.topic!]));
    const runs = [
      ["file", groupStories(part.map(toArticle), [], options)],
      ["shuffled", groupStories(shuffled(part, 7).map(toArticle), [], options)],
      ["online", online(shuffled(part, 7).map(toArticle), options)],
    ] as const;
    for (const [order, groups] of runs) {
      const s = score(groups, subtopic);
      const t = score(groups, topic);
      console.log(
        `${split.padEnd(6)} ${order.padEnd(9)} | ${fmt(s.bP)} ${fmt(s.bR)} ${fmt(s.bF)} ${fmt(s.pF)} | ` +
          `${fmt(t.bP)} ${fmt(t.bR)} ${fmt(t.bF)} ${fmt(t.pF)} | ${String(groups.length).padStart(7)} ${new Set(subtopic.values()).size}`,
      );
    }
  }
}

/** The incremental index alone (rough document frequencies, no refinement pass), as a server would run it. */
function online(articles: Article[], options: Partial<StoryOptions>): string[][] {
  const index = createStoryIndex(options);
  const groups = new Map<string, string[]>();
  for (const a of articles) {
    const story = addToStoryIndex(index, a);
    groups.set(story, [...(groups.get(story) ?? []), a.id]);
  }
  return [...groups.values()];
}

function evalMeantime(options: Partial<StoryOptions>): void {
  const docs = readDocs(`${DATA}meantime/docs.jsonl`);
  const corpus = new Map(docs.map((d) => [d.id, d.corpus!]));
  const groups = groupStories(docs.map(toArticle), [], options);
  const sizes = groups.map((g) => g.length);
  console.log(`\nMEANTIME (${docs.length} Wikinews articles, 4 broad corpora, no gold stories)`);
  console.log(`stories ${groups.length}, singletons ${sizes.filter((n) => n === 1).length}, largest ${sizes.slice(0, 8).join(" ")}`);
  const mixed = groups.filter((g) => new Set(g.map((id) => corpus.get(id))).size > 1).length;
  console.log(`stories mixing corpora: ${mixed}`);
}

const overrides = process.argv[2] ? (JSON.parse(process.argv[2]) as Partial<StoryOptions>) : {};
evalEcb(overrides);
evalMeantime(overrides);
