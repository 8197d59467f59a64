// Trains the name tagger (src/facts/tagger.ts): a structured averaged perceptron over BILOU tags, decoded
// by Viterbi per sentence, on GUM's dev part (its own train+dev). Test parts are never read.
// Gold layer (goldLayer): names nest ("Castlefrank Road in Kanata, Ontario" ⊃ "Kanata, Ontario" ⊃
// "Ontario"); a flat tagger learns the outermost mention that reads as one name (capitalised words joined
// only by name connectors, no comma), else the names inside it and the name around its head.
// Run: node --import tsx scripts/train-tagger.ts                 (5-fold cross-validation on GUM dev for the
//                                                                 epoch count, then trains on all of it and
//                                                                 writes models/ner-tagger.json.gz)
//      node --import tsx scripts/train-tagger.ts --epochs 8      (skip the choice)
//      node --import tsx scripts/train-tagger.ts --folds 1 --no-write   (quick: the held-out fifth only)

import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { articleOf, evaluate, storydeskWith, trimSpan, type System } from "../eval/entities.js";
import { loadGum, type GoldDoc } from "../eval/entity-data.js";
import { ruleMentions, type NameModels } from "../src/facts/mentions.js";
import {
  articleView, nameSlots, spansOf, TAGGER_MODEL_URL, TAGS, tagsOf, tokenizeArticle, transitions, viterbi, wordFeatures, emissions,
  lookupOf, nameLists, type NameType, type TaggerModel, type Word,
} from "../src/facts/tagger.js";
import nlp from "compromise";
import { AveragedWeights, shuffled } from "./perceptron.js";

/** compromise's lexicon tags → our list classes. */
const LIST_CLASSES: Record<string, string> = {
  FemaleName: "given", MaleName: "given", FirstName: "given", LastName: "family", Person: "person",
  City: "city", Country: "country", Region: "region", Organization: "org", SportsTeam: "team", ProperNoun: "proper",
};

/**
 * Name lists for the tagger, from compromise's lexicon (MIT; a dev dependency, read only here): given and
 * family names, famous people, cities, countries, regions, organisations, sports teams and other proper
 * nouns. They ship inside the model. (Its common words as a class too measured no better: 0.582.)
 */
function buildLists(): Record<string, string> {
  const lexicon = (nlp as unknown as { world(): { model: { one: { lexicon: Record<string, string | string[]> } } } }).world().model.one.lexicon;
  const out: Record<string, string> = {};
  for (const [word, tags] of Object.entries(lexicon)) {
    const cls = LIST_CLASSES[Array.isArray(tags) ? tags[0] : tags];
    if (cls) out[word] = cls;
  }
  return out;
}

export const LISTS = buildLists();
const LOOKUP_LISTS = nameLists(LISTS);

const CONNECTOR = new Set(["of", "and", "&", "de", "del", "la", "le", "von", "van", "der", "den", "du", "da", "y", "for", "the", "on", "upon", "al", "el", "bin", "ibn"]);

/** Does the trimmed span read as one name? */
function nameLike(text: string): boolean {
  const words = text.split(/\s+/);
  if (words.length > 8 || /[()"“”;:,]/.test(text)) return false;
  return words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || CONNECTOR.has(w.toLowerCase().replace(/,$/, "")) || /^[-–&]$/.test(w));
}

interface Span {
  s: number;
  e: number;
  type: NameType;
}

/**
 * The name-like run of words around a mention's head, inside the mention: "Groningen" of "Groningen, in the
 * Netherlands", "Jacob Bernoulli" of "Jacob Bernoulli (who was …)". Null when the head is no capitalised word.
 */
function headRun(text: string, m: Span, head: [number, number] | null): Span | null {
  if (!head || head[0] < m.s || head[1] > m.e) return null;
  const words = [...text.slice(m.s, m.e).matchAll(/\S+/g)].map((w) => ({ s: m.s + w.index, e: m.s + w.index + w[0].length, w: w[0] }));
  const at = words.findIndex((w) => w.s <= head[0] && head[0] < w.e);
  if (at < 0) return null;
  const capital = (w: string) => /^[\p{Lu}\p{N}]/u.test(w);
  const inName = (w: string) => capital(w) || CONNECTOR.has(w.toLowerCase());
  if (!capital(words[at].w)) return null;
  let from = at;
  let to = at;
  // A word ending in a comma or bracket closes the name; one starting with a bracket opens it.
  const closes = (w: string) => /[,;:)("“”]$/.test(w);
  while (from > 0 && inName(words[from - 1].w) && !closes(words[from - 1].w) && !/^[("“]/.test(words[from].w)) from--;
  while (to + 1 < words.length && !closes(words[to].w) && inName(words[to + 1].w) && !/^[("“]/.test(words[to + 1].w)) to++;
  while (from < to && !capital(words[from].w)) from++;
  while (to > from && !capital(words[to].w)) to--;
  const e = words[to].e - (/[,;:)("“”.]+$/.exec(words[to].w)?.[0].length ?? 0);
  const s = words[from].s + (/^[("“]+/.exec(words[from].w)?.[0].length ?? 0);
  return e > s ? { ...trimmed(text, s, e), type: m.type } : null;
}

/** The end of a name cut before `at`, without the connectors and punctuation left dangling ("X of the"). */
function clipEnd(text: string, start: number, at: number): number {
  const words = text.slice(start, at).split(/(\s+)/);
  while (words.length && (!words[words.length - 1].trim() || CONNECTOR.has(words[words.length - 1].toLowerCase()) || /^[,;:(-]+$/.test(words[words.length - 1]))) words.pop();
  return start + words.join("").replace(/[,;:(]+$/, "").length;
}

function trimmed(text: string, start: number, end: number): { s: number; e: number } {
  const t = trimSpan(text, start, end);
  return { s: t.start, e: t.end };
}

/**
 * The mentions a flat tagger should learn, trimmed of "the" and "'s": the outermost name-like mention of each
 * nest; inside one that is not name-like, the name-like mentions it holds and the name around its head.
 */
function goldLayer(doc: GoldDoc): Span[] {
  const ms = doc.mentions.map((m) => ({ ...trimmed(doc.text, m.start, m.end), type: m.type, head: m.head })).filter((m) => m.e > m.s);
  const inside = (c: Span, p: Span) => c !== p && p.s <= c.s && c.e <= p.e && p.e - p.s > c.e - c.s;
  const out: Span[] = [];
  const take = (m: (typeof ms)[0]): void => {
    const inner = ms.filter((c) => inside(c, m));
    const text = doc.text.slice(m.s, m.e);
    // "Bernoulli and Euler" with both names inside is two names; "Food and Drug Administration" is one.
    // "Lee Cheuk-yan of the Labour Party", "DAB's Starry Lee" are a person and a party, as news annotates
    // them; "University of Paris" stays one organisation.
    const coordination = / (?:and|&) /.test(text) && inner.length > 1;
    const personOf = m.type === "person" && inner.some((c) => c.type !== "person");
    if (nameLike(text) && !coordination && !personOf) {
      out.push(m);
      return;
    }
    const taken = inner.filter((c) => !inner.some((p) => inside(c, p)));
    for (const c of taken) take(c);
    // The name around the head, up to the first name inside it ("Lee Cheuk-yan" of the example above).
    const run = headRun(doc.text, m, m.head);
    const before = run && taken.filter((c) => c.s <= run.s && c.e > run.s).sort((a, b) => b.e - a.e)[0];
    if (run && before) run.s = before.e + (/^(?:['’]s)?\s*/.exec(doc.text.slice(before.e, run.e))?.[0].length ?? 0);
    const next = run && taken.filter((c) => c.s > run.s).sort((a, b) => a.s - b.s)[0];
    if (run && next && next.s < run.e) run.e = clipEnd(doc.text, run.s, next.s);
    if (run && run.e > run.s && !taken.some((c) => c.s < run.e && run.s < c.e)) out.push(run);
  };
  for (const m of ms) if (!ms.some((o) => inside(m, o))) take(m);
  out.sort((a, b) => a.s - b.s || b.e - a.e);
  const flat: Span[] = [];
  for (const m of out) if (!flat.length || m.s >= flat[flat.length - 1].e) flat.push(m);
  return flat;
}

interface Sentence {
  /** Features per word; null for words outside every name (`nameSlots`). */
  feats: (string[] | null)[];
  gold: number[];
}

let unaligned = 0;

export function sentencesOf(docs: GoldDoc[]): Sentence[] {
  const out: Sentence[] = [];
  for (const d of docs) {
    const article = articleOf(d.id, d.text);
    const sentences = tokenizeArticle(article);
    const view = articleView(sentences, ruleMentions(article), LOOKUP_LISTS);
    const layer = goldLayer(d);
    sentences.forEach((words: Word[], s) => {
      const spans: { from: number; to: number; type: NameType }[] = [];
      for (const g of layer) {
        if (!words.length || g.e <= words[0].start || g.s >= words[words.length - 1].end) continue;
        const from = words.findIndex((w) => w.start === g.s);
        // The scorer's trimming drops a final period that the word keeps ("U.S.").
        const to = words.findIndex((w) => w.end === g.e || (w.end === g.e + 1 && w.text.endsWith(".")));
        if (from < 0 || to < from) unaligned++;
        else spans.push({ from, to: to + 1, type: g.type });
      }
      const slots = nameSlots(words);
      out.push({ feats: words.map((_, i) => (slots[i] ? wordFeatures(words, i, view, s) : null)), gold: tagsOf(words.length, spans) });
    });
  }
  return out;
}

/** Collins' structured perceptron: decode with the current weights, move them toward the gold path. */
export function train(sentences: Sentence[], epochs: number): TaggerModel {
  const weights = new AveragedWeights(TAGS.length);
  const get = (f: string) => weights.current.get(f);
  for (let e = 0; e < epochs; e++) {
    for (const { feats, gold } of shuffled(sentences, 11 + e)) {
      weights.step();
      if (!feats.length) continue;
      const guess = viterbi(emissions(feats, get), transitions(get));
      for (let i = 0; i < gold.length; i++) {
        const prevGold = i > 0 ? gold[i - 1] : -1;
        const prevGuess = i > 0 ? guess[i - 1] : -1;
        const fs = feats[i];
        if (gold[i] !== guess[i] && fs) {
          for (const f of fs) {
            weights.update(f, gold[i], 1);
            weights.update(f, guess[i], -1);
          }
        }
        if (i > 0 && (gold[i] !== guess[i] || prevGold !== prevGuess)) {
          weights.update(`T=${TAGS[prevGold]}`, gold[i], 1);
          weights.update(`T=${TAGS[prevGuess]}`, guess[i], -1);
        }
      }
    }
  }
  // Weights are sums of ±1 updates averaged over the steps: features none of whose weights reach 1, and
  // the digits past the first decimal, change GUM dev's 5-fold F1 by 0.001 and halve the model.
  return { version: 1, tags: [...TAGS], weights: weights.averaged(1, 1), lists: LISTS };
}

export const foldOf = (id: string) => parseInt(createHash("sha1").update(`tune:${id}`).digest("hex").slice(0, 8), 16) % 5;

interface Counts {
  gold: number;
  pred: number;
  hit: number;
}

function typedCounts(docs: GoldDoc[], system: System): Counts {
  const c = { gold: 0, pred: 0, hit: 0 };
  for (const t of evaluate(docs, system).byType.values()) {
    c.gold += t.gold;
    c.pred += t.pred;
    c.hit += t.exact;
  }
  return c;
}

const f1 = (c: Counts) => (2 * c.hit) / (c.gold + c.pred);
const add = (a: Counts, b: Counts): Counts => ({ gold: a.gold + b.gold, pred: a.pred + b.pred, hit: a.hit + b.hit });

function arg(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function main(): void {
  const dev = loadGum().filter((d) => d.part === "dev");
  const folds = Number(arg("--folds") ?? 5);
  const candidates = arg("--epochs") ? [Number(arg("--epochs"))] : [6, 10];
  let epochs = candidates[0];
  if (candidates.length > 1 || process.argv.includes("--no-write")) {
    // Each fold's tagger is trained on the other folds only.
    const totals = new Map<string, Counts>();
    const note = (name: string, c: Counts) => totals.set(name, add(totals.get(name) ?? { gold: 0, pred: 0, hit: 0 }, c));
    for (let k = 0; k < folds; k++) {
      const held = dev.filter((d) => foldOf(d.id) === k);
      const fit = sentencesOf(dev.filter((d) => foldOf(d.id) !== k));
      const line = [`fold ${k} (${held.length} docs)`];
      const systems: [string, NameModels][] = [["rules", {}], ...candidates.map((e): [string, NameModels] => [`tagger ${e}`, { tagger: train(fit, e) }])];
      for (const [name, models] of systems) {
        const c = typedCounts(held, storydeskWith(models));
        note(name, c);
        line.push(`${name} ${f1(c).toFixed(3)}`);
      }
      console.log(line.join("; "));
    }
    console.log(`exact typed F1 on GUM dev, ${folds}-fold cross-validation (each fold's tagger trained on the others):`);
    let best = -1;
    for (const [name, c] of totals) {
      console.log(`  ${name.padEnd(20)} ${f1(c).toFixed(3)} (P ${(c.hit / c.pred).toFixed(3)} R ${(c.hit / c.gold).toFixed(3)})`);
      const e = /^tagger (\d+)$/.exec(name);
      if (e && f1(c) > best) [best, epochs] = [f1(c), Number(e[1])];
    }
    if (unaligned) console.log(`  (${unaligned} gold names off word boundaries, not learned)`);
  }
  if (process.argv.includes("--no-write")) return;
  const model = train(sentencesOf(dev), epochs);
  const file = gzipSync(JSON.stringify(model), { level: 9 });
  writeFileSync(TAGGER_MODEL_URL, file);
  console.log(`trained on ${dev.length} dev documents, ${epochs} epochs: ${Object.keys(model.weights).length} features, ${(file.length / 1024).toFixed(0)} KiB`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
