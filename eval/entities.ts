// Entities (facts stage) against GUM and MEANTIME named mentions, beside compromise as a baseline.
// Run: npm run eval -- entities            (test parts, the numbers to report)
//      node --import tsx eval/entities.ts --part dev   (dev parts, for tuning)
//
// Gold: named person, organisation and place mentions (entity-data.ts). Spans are compared after
// dropping a leading article and a trailing possessive on both sides ("the United States" = "United
// States", "Hurt's" = "Hurt"), since whether "the" belongs to a name is a corpus convention.
// - exact: same span and type, one to one. GUM nests names ("Kanata, Ontario" inside "Castlefrank Road in
//   Kanata, Ontario"; both gold) and a flat tagger finds one of each nest: `ceiling` is the recall of the
//   outermost gold mentions alone.
// - head: a prediction of the same type inside the gold span that covers its head word ("Charles Bolden"
//   for "NASA Administrator Charles Bolden"): the name was found, its edges differ.
// - BCubed: of the gold mentions found (head match, any type), the predicted entities (merging within the
//   document) against the gold chains; `found` is the share of gold mentions that take part.
// MEANTIME annotates only the participants of its annotated events, so its precision is a lower bound.

import nlp from "compromise";
import { findMentions, type NameModels } from "../src/facts/mentions.js";
import { shippedTagger } from "../src/facts/tagger.js";
import { groupEntities } from "../src/facts/merge.js";
import type { Article, EntityType, Mention } from "../src/model/index.js";
import { splitSentences } from "../src/text/sentences.js";
import { loadGum, loadMeantime, type GoldDoc, type GoldType, type Part } from "./entity-data.js";

const TYPES: GoldType[] = ["person", "organization", "place"];
const part: Part = process.argv.includes("--part") && process.argv[process.argv.indexOf("--part") + 1] === "dev" ? "dev" : "test";

/** A predicted mention: span, type, and the entity it was merged into (any key unique per document). */
export interface Predicted {
  start: number;
  end: number;
  type: EntityType;
  entity: string;
}

export type System = (text: string) => Predicted[];

export function articleOf(id: string, text: string): Article {
  return {
    id, source: { path: id, name: null, url: null, agency: null, author: null }, title: null, published: null,
    dateline: null, text, sentences: splitSentences(text),
  };
}

/** storydesk's mentions and merging with the given models (none: the rules alone). */
export function storydeskWith(models: NameModels): System {
  return (text) => {
    const mentions = findMentions(articleOf("doc", text), models);
    const { entityOf } = groupEntities([{ article: "doc", mentions, quotes: [], times: [] }]);
    return mentions.map((m) => ({ ...nameSpan(m), type: m.type, entity: String(entityOf.get(m.name)) }));
  };
}

/**
 * The span scored for a mention: as written, but without a lowercase role before the name ("chief executive
 * Noel Forgeard" → "Noel Forgeard"): both corpora keep capitalised titles in a name ("Senator John McCain",
 * "Environment Minister John Baird") and leave lowercase ones out.
 */
export function nameSpan(m: Mention): { start: number; end: number } {
  if (m.text === m.name || !/^\p{Ll}/u.test(m.text)) return { start: m.start, end: m.end };
  const at = m.text.indexOf(m.name.split(" ")[0]);
  return at > 0 ? { start: m.start + at, end: m.end } : { start: m.start, end: m.end };
}

const COMPROMISE_TYPES: [string, EntityType][] = [["people", "person"], ["organizations", "organization"], ["places", "place"]];

/** compromise's people, organisations and places; one entity per normalised surface form. */
const compromise: System = (text) => {
  const doc = nlp(text);
  const out: Predicted[] = [];
  for (const [method, type] of COMPROMISE_TYPES) {
    const found = (doc as unknown as Record<string, () => { out(f: "offset"): { offset: { start: number; length: number } }[] }>)[method]();
    for (const m of found.out("offset")) {
      const start = m.offset.start;
      const end = start + m.offset.length;
      const span = trimSpan(text, start, end);
      if (span.start >= span.end) continue;
      out.push({ start, end, type, entity: text.slice(span.start, span.end).toLowerCase() });
    }
  }
  return out.sort((a, b) => a.start - b.start);
};

const LEADING = /^(?:the|a|an)\s+/i;
const TRAILING = /(?:['’]s?|[\s,.;:!?)"”])+$/u;

/** The span without a leading article, trailing possessive and punctuation. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  const s = text.slice(start, end);
  const lead = LEADING.exec(s)?.[0].length ?? 0;
  const body = s.slice(lead);
  const trail = TRAILING.exec(body)?.[0].length ?? 0;
  return { start: start + lead, end: start + lead + body.length - trail };
}

interface Tally {
  gold: number;
  pred: number;
  exact: number;
  head: number;
}

const tally = (): Tally => ({ gold: 0, pred: 0, exact: 0, head: 0 });

interface Scores {
  byType: Map<GoldType, Tally>;
  span: Tally;
  outermost: number;
  /** BCubed sums over found gold mentions. */
  b3p: number;
  b3r: number;
  b3n: number;
  goldAll: number;
}

function emptyScores(): Scores {
  return { byType: new Map(TYPES.map((t) => [t, tally()])), span: tally(), outermost: 0, b3p: 0, b3r: 0, b3n: 0, goldAll: 0 };
}

function scoreDoc(doc: GoldDoc, predicted: Predicted[], s: Scores): void {
  const key = (x: { start: number; end: number }) => {
    const t = trimSpan(doc.text, x.start, x.end);
    return `${t.start}:${t.end}`;
  };
  const gold = doc.mentions.map((g) => ({ ...g, key: key(g), trimmed: trimSpan(doc.text, g.start, g.end) }));
  const pred = predicted.map((p) => ({ ...p, key: key(p), trimmed: trimSpan(doc.text, p.start, p.end) }));
  s.goldAll += gold.length;
  s.outermost += gold.filter((g) => !gold.some((o) => o !== g && o.start <= g.start && g.end <= o.end && o.end - o.start > g.end - g.start)).length;
  const headOf = (g: (typeof gold)[0]) => g.head ?? [g.trimmed.start, g.trimmed.end];
  const inside = (p: (typeof pred)[0], g: (typeof gold)[0]) => {
    const [hs, he] = headOf(g);
    return p.trimmed.start >= g.start && p.trimmed.end <= g.end && p.trimmed.start < he && hs < p.trimmed.end;
  };
  // Exact and head matches, one to one, per type and ignoring type.
  const match = (typed: boolean, how: "exact" | "head", type?: GoldType): Map<number, number> => {
    const used = new Set<number>();
    const pairs = new Map<number, number>();
    gold.forEach((g, gi) => {
      if (typed && g.type !== type) return;
      const pi = pred.findIndex((p, i) => !used.has(i) && (!typed || p.type === type) && (how === "exact" ? p.key === g.key : inside(p, g)));
      if (pi >= 0) {
        used.add(pi);
        pairs.set(gi, pi);
      }
    });
    return pairs;
  };
  for (const type of TYPES) {
    const t = s.byType.get(type)!;
    t.gold += gold.filter((g) => g.type === type).length;
    t.pred += pred.filter((p) => p.type === type).length;
    t.exact += match(true, "exact", type).size;
    t.head += match(true, "head", type).size;
  }
  s.span.gold += gold.length;
  s.span.pred += pred.length;
  s.span.exact += match(false, "exact").size;
  const found = match(false, "head");
  s.span.head += found.size;
  // BCubed over the found gold mentions: predicted entity vs gold chain.
  const items = [...found].map(([gi, pi]) => ({ gold: gold[gi].chain, pred: pred[pi].entity }));
  for (const a of items) {
    const samePred = items.filter((b) => b.pred === a.pred);
    const sameGold = items.filter((b) => b.gold === a.gold);
    s.b3p += samePred.filter((b) => b.gold === a.gold).length / samePred.length;
    s.b3r += sameGold.filter((b) => b.pred === a.pred).length / sameGold.length;
    s.b3n++;
  }
}

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : "  -  ");
const prf = (hit: number, t: { gold: number; pred: number }) => {
  const p = hit / t.pred;
  const r = hit / t.gold;
  return `${fmt(p)} ${fmt(r)} ${fmt(f1(p, r))}`;
};

export function evaluate(docs: GoldDoc[], system: System): Scores {
  const s = emptyScores();
  for (const d of docs) scoreDoc(d, system(d.text), s);
  return s;
}

function print(label: string, docs: GoldDoc[], systems: [string, System][]): void {
  const gold = docs.reduce((n, d) => n + d.mentions.length, 0);
  console.log(`\n${label}: ${docs.length} documents, ${gold} named mentions`);
  console.log("system        | exact P     R     F1   | person F1 org F1 place F1 | head P R F1           | untyped exact F1 ceiling | BCubed P R F1 (found) | CPU ms/doc");
  for (const [name, system] of systems) {
    // CPU time of the system alone (models loaded first), not of the scoring.
    system(docs[0].text);
    let micros = 0;
    const s = evaluate(docs, (text) => {
      const cpu = process.cpuUsage();
      const out = system(text);
      const used = process.cpuUsage(cpu);
      micros += used.user + used.system;
      return out;
    });
    const ms = micros / 1000 / docs.length;
    const all = [...s.byType.values()].reduce((a, t) => ({ gold: a.gold + t.gold, pred: a.pred + t.pred, exact: a.exact + t.exact, head: a.head + t.head }), tally());
    const typeF1 = TYPES.map((t) => {
      const x = s.byType.get(t)!;
      return fmt(f1(x.exact / x.pred, x.exact / x.gold));
    });
    const bp = s.b3p / s.b3n;
    const br = s.b3r / s.b3n;
    console.log(
      `${name.padEnd(13)} | ${prf(all.exact, all)} | ${typeF1[0]}     ${typeF1[1]}  ${typeF1[2]}    | ${prf(all.head, all)} | ` +
        `${fmt(f1(s.span.exact / s.span.pred, s.span.exact / s.span.gold))}            ${fmt(s.outermost / s.goldAll)} | ` +
        `${fmt(bp)} ${fmt(br)} ${fmt(f1(bp, br))} (${fmt(s.b3n / s.goldAll)}) | ${ms.toFixed(2)}`,
    );
  }
}

function main(): void {
  const gum = loadGum().filter((d) => d.part === part);
  const meantime = loadMeantime();
  const mt = meantime.docs.filter((d) => d.part === part);
  const systems: [string, System][] = [["storydesk", storydeskWith({ tagger: shippedTagger() })], ["rules only", storydeskWith({})], ["compromise", compromise]];
  console.log(`\nEntities: named person / organisation / place mentions, ${part} parts (exact = same span and type after dropping "the" and "'s")`);
  print(`GUM ${part}, all genres`, gum, systems);
  print(`GUM ${part}, news and interview`, gum.filter((d) => d.genre === "news" || d.genre === "interview"), systems);
  print(`MEANTIME ${part} (${meantime.missing} gold mentions not located in the text; P is a lower bound)`, mt, systems);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
