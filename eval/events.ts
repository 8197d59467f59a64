// Stories and events on dated news: the MEANTIME texts (Wikinews, airbus and apple corpora; gm and stock
// carry titles only) and GUM's news texts, grouped by hand into stories and developments
// (eval/developments.jsonl, written before any tuning; `part` is a hash of the story, so a story is never cut
// in two). Each part is briefed on its own through the whole batch pipeline (`briefDocuments`), articles in
// publication order, each read as a dated text file (headline as title, the date as its publication date).
//
// Scores, per part:
//   - story BCubed P/R/F1 against the hand stories;
//   - development story recall: BCubed recall of the stories for the reports of one development (the share of
//     a report's development that shares its story), over all documents and over those whose development
//     has more than one report (the only ones that can miss);
//   - event BCubed P/R/F1 of the events (story, event) against the developments;
//   - the same for `splitEvents` run on each hand story's articles: the events step alone, without the
//     story step's errors.
// "undated": the same with the date withheld (no publication date, dateline cut) from a seeded third of
// the articles, which must then find their event by place, actors and wording.
// Run: npm run eval -- stories            (also runs this)
//      node --import tsx eval/events.ts [--part dev] [--misses]   (tuning on dev; --misses lists dev errors)

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { briefDocuments } from "../src/brief/assemble.js";
import { extractFacts } from "../src/facts/index.js";
import type { Article, Brief, SourceDocument } from "../src/model/index.js";
import { splitEvents } from "../src/stories/index.js";

const DATA = fileURLToPath(new URL("../../shared/data/", import.meta.url));
const GOLD = fileURLToPath(new URL("developments.jsonl", import.meta.url));
const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
/** MEANTIME: "headline Month DD, YYYY body"; GUM: headline line, "Weekday, Month D, YYYY" line, body. */
const DATE = new RegExp(`(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, )?(${MONTHS}) (\\d{1,2}), (\\d{4})`);

interface Gold {
  id: string;
  story: string;
  development: string;
  part: "dev" | "test";
}

interface Doc {
  id: string;
  title: string;
  date: string;
  body: string;
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as T);
}

/** The headline, the publication date and the body, cut where the text writes the date. */
function docOf(id: string, text: string): Doc {
  const m = DATE.exec(text);
  if (!m) throw new Error(`${id}: no date in the text`);
  const month = MONTHS.split("|").indexOf(m[1]) + 1;
  const date = `${m[3]}-${String(month).padStart(2, "0")}-${m[2].padStart(2, "0")}`;
  return { id, title: text.slice(0, m.index).trim().replace(/\s+/g, " "), date, body: text.slice(m.index + m[0].length).trim() };
}

function loadDocs(): Map<string, Doc> {
  const docs = new Map<string, Doc>();
  for (const d of readJsonl<{ id: string; text: string }>(`${DATA}meantime/docs.jsonl`)) if (d.text) docs.set(d.id, docOf(d.id, d.text));
  for (const d of readJsonl<{ id: string; genre: string; text: string }>(`${DATA}gum/docs.jsonl`)) {
    if (d.genre === "news") docs.set(d.id, docOf(d.id, d.text));
  }
  return docs;
}

/** A seeded choice of about a third of the ids (a hash, so it does not depend on the order). */
function withheld(id: string): boolean {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) % 3 === 0;
}

function sourceDocument(doc: Doc, undated: boolean): SourceDocument {
  return { path: `${doc.id}.txt`, body: doc.body, meta: undated ? { title: doc.title } : { title: doc.title, date: doc.date } };
}

interface BCubed {
  p: number;
  r: number;
  f: number;
}

/** BCubed precision and recall of `predicted` (item → cluster) against `gold`, averaged over `items`. */
function bcubed(items: string[], predicted: Map<string, string>, gold: Map<string, string>): BCubed {
  const members = (of: Map<string, string>) => {
    const out = new Map<string, Set<string>>();
    for (const id of items) {
      const key = of.get(id)!;
      out.set(key, (out.get(key) ?? new Set()).add(id));
    }
    return out;
  };
  const pred = members(predicted);
  const truth = members(gold);
  let p = 0;
  let r = 0;
  for (const id of items) {
    const a = pred.get(predicted.get(id)!)!;
    const b = truth.get(gold.get(id)!)!;
    let shared = 0;
    for (const x of a) if (b.has(x)) shared++;
    p += shared / a.size;
    r += shared / b.size;
  }
  p /= items.length;
  r /= items.length;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

interface Result {
  docs: number;
  stories: BCubed;
  devRecall: number;
  devRecallMulti: number;
  multi: number;
  events: BCubed;
  /** Events of splitEvents on the hand stories. */
  eventsAlone: BCubed;
  misses: string[];
}

function run(part: Gold[], docs: Map<string, Doc>, undated: boolean): Result {
  const ordered = part.map((g) => docs.get(g.id)!).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const brief: Brief = briefDocuments(ordered.map((d) => sourceDocument(d, undated && withheld(d.id))), [], { now: new Date(0) });
  const docOfArticle = new Map(brief.articles.map((a) => [a.id, a.source.path.replace(/\.txt$/, "")]));
  const story = new Map<string, string>();
  const event = new Map<string, string>();
  for (const s of brief.stories) {
    for (const id of s.articles) story.set(docOfArticle.get(id)!, s.id);
    for (const e of s.events) for (const id of e.articles) event.set(docOfArticle.get(id)!, e.id);
  }
  const items = part.map((g) => g.id);
  const goldStory = new Map(part.map((g) => [g.id, g.story]));
  const goldDev = new Map(part.map((g) => [g.id, g.development]));
  const devSize = new Map<string, number>();
  for (const g of part) devSize.set(g.development, (devSize.get(g.development) ?? 0) + 1);
  const multi = items.filter((id) => devSize.get(goldDev.get(id)!)! > 1);
  const devRecall = (ids: string[]) => (ids.length ? bcubed(ids, story, goldDev).r : 1);
  return {
    docs: items.length,
    stories: bcubed(items, story, goldStory),
    devRecall: devRecall(items),
    devRecallMulti: devRecall(multi),
    multi: multi.length,
    events: bcubed(items, event, goldDev),
    eventsAlone: bcubed(items, eventsOnHandStories(brief, docOfArticle, part), goldDev),
    misses: misses(brief, docOfArticle, part, docs),
  };
}

/** Document → event, with each hand story's articles (in input order) split into events by splitEvents alone. */
function eventsOnHandStories(brief: Brief, docOfArticle: Map<string, string>, part: Gold[]): Map<string, string> {
  const storyOf = new Map(part.map((g) => [g.id, g.story]));
  const byStory = new Map<string, Article[]>();
  for (const a of brief.articles) {
    const story = storyOf.get(docOfArticle.get(a.id)!)!;
    byStory.set(story, [...(byStory.get(story) ?? []), a]);
  }
  const event = new Map<string, string>();
  for (const [story, articles] of byStory) {
    const facts = new Map(articles.map((a) => [a.id, extractFacts(a)] as const));
    splitEvents(articles, facts, []).forEach((e, i) => {
      for (const id of e.articles) event.set(docOfArticle.get(id)!, `${story}#${i}`);
    });
  }
  return event;
}

/** Each predicted story with its events, the hand story and development of every member: for reading dev errors. */
function misses(brief: Brief, docOfArticle: Map<string, string>, part: Gold[], docs: Map<string, Doc>): string[] {
  const gold = new Map(part.map((g) => [g.id, g]));
  const lines: string[] = [];
  for (const s of brief.stories) {
    const stories = new Set(s.articles.map((a) => gold.get(docOfArticle.get(a)!)!.story));
    const devs = new Set(s.articles.map((a) => gold.get(docOfArticle.get(a)!)!.development));
    if (stories.size === 1 && devs.size === s.events.length) continue;
    lines.push(`story ${s.id} (${stories.size} hand stories, ${devs.size} developments, ${s.events.length} events)`);
    for (const e of s.events) {
      lines.push(`  event ${e.date ?? "undated"} ${e.place ?? "-"} [${e.actors.join(", ")}]`);
      for (const a of e.articles) {
        const g = gold.get(docOfArticle.get(a)!)!;
        lines.push(`    ${docs.get(g.id)!.date} ${g.story} / ${g.development}  ${docs.get(g.id)!.title.slice(0, 60)}`);
      }
    }
  }
  return lines;
}

const fmt = (x: number) => x.toFixed(3);
const three = (b: BCubed) => `${fmt(b.p)} ${fmt(b.r)} ${fmt(b.f)}`;

const args = process.argv.slice(2);
const onlyPart = args.includes("--part") ? args[args.indexOf("--part") + 1] : null;
const docs = loadDocs();
const gold = readJsonl<Gold>(GOLD);
console.log("Events on dated news: MEANTIME (airbus, apple) and GUM news, hand stories and developments (eval/developments.jsonl)");
console.log("part  dates    docs | stories P / R / F1   | dev. story recall (multi-report) | events P / R / F1   | events on hand stories");
for (const partName of ["dev", "test"] as const) {
  if (onlyPart && partName !== onlyPart) continue;
  const part = gold.filter((g) => g.part === partName);
  for (const undated of [false, true]) {
    const r = run(part, docs, undated);
    console.log(
      `${partName.padEnd(5)} ${(undated ? "1/3 none" : "all").padEnd(8)} ${String(r.docs).padStart(4)} | ${three(r.stories)}    | ` +
        `${fmt(r.devRecall)} (${fmt(r.devRecallMulti)} over ${r.multi})          | ${three(r.events)} | ${three(r.eventsAlone)}`,
    );
    if (args.includes("--misses") && partName === "dev") console.log(r.misses.join("\n"));
  }
}
