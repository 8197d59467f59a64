// Measures the sequence-tagger candidate (scripts/tagger-candidate.ts) against the rules, on a held-out
// fifth of GUM's dev part, training on the rest of it. Test parts are never read, and no model is shipped:
// it did not beat the rules with the typer (scripts/train-ner.ts), so it is kept only to repeat the measurement.
// Gold layer: names nest in both corpora ("Castlefrank Road in Kanata, Ontario" ⊃ "Kanata, Ontario" ⊃
// "Ontario"); a flat tagger learns the outermost mention that reads as a name (capitalised words, joined
// only by name connectors, commas only in "Town, Region"), else the name-like mentions inside it.
// Run: node --import tsx scripts/train-tagger.ts [--quick]

import { createHash } from "node:crypto";
import { AveragedWeights } from "./perceptron.js";
import { articleOf, evaluate, nameSpan, trimSpan, type System } from "../eval/entities.js";
import { loadGum, type GoldDoc, type GoldMention } from "../eval/entity-data.js";
import { groupEntities } from "../src/facts/merge.js";
import { ruleMentions } from "../src/facts/mentions.js";
import {
  allowed, scoresOf, spansOf, tagFeatures, tagMentions, TAGS, tokenizeArticle, wordContext, wordFeatures,
  type Tag, type TaggerModel, type Word,
} from "./tagger-candidate.js";

const CONNECTOR = new Set(["of", "and", "&", "de", "del", "la", "le", "von", "van", "der", "den", "du", "da", "y", "for", "the", "on", "upon", "al", "el", "bin", "ibn"]);

/** Does the trimmed span read as one name? */
function nameLike(text: string): boolean {
  const words = text.split(/\s+/);
  if (words.length > 8) return false;
  if (/[()"“”;:]/.test(text)) return false;
  const commas = (text.match(/,/g) ?? []).length;
  if (commas > 1) return false;
  return words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || CONNECTOR.has(w.toLowerCase().replace(/,$/, "")) || /^\p{Ll}+\.$/u.test(w) === false && /^[-–&]$/.test(w));
}

/** The mentions a flat tagger should learn, trimmed of "the" and "'s". */
function goldLayer(doc: GoldDoc): (GoldMention & { s: number; e: number })[] {
  const ms = doc.mentions.map((m) => {
    const t = trimSpan(doc.text, m.start, m.end);
    return { ...m, s: t.start, e: t.end };
  }).filter((m) => m.e > m.s);
  const out: typeof ms = [];
  const take = (m: (typeof ms)[0]): void => {
    if (nameLike(doc.text.slice(m.s, m.e))) {
      out.push(m);
      return;
    }
    // Direct children: mentions inside it not inside another one inside it.
    const inner = ms.filter((c) => c !== m && c.s >= m.s && c.e <= m.e && (c.e - c.s) < (m.e - m.s));
    for (const c of inner) {
      const parent = inner.some((p) => p !== c && p.s <= c.s && c.e <= p.e && (p.e - p.s) > (c.e - c.s));
      if (!parent) take(c);
    }
  };
  for (const m of ms) {
    const outer = !ms.some((o) => o !== m && o.s <= m.s && m.e <= o.e && (o.e - o.s) > (m.e - m.s));
    if (outer) take(m);
  }
  // Overlapping (not nested) leftovers: keep the earlier.
  out.sort((a, b) => a.s - b.s || b.e - a.e);
  const flat: typeof out = [];
  for (const m of out) if (!flat.length || m.s >= flat[flat.length - 1].e) flat.push(m);
  return flat;
}

interface Sequence {
  words: Word[];
  feats: string[][];
  gold: Tag[];
}

function sequencesOf(docs: GoldDoc[]): Sequence[] {
  return docs.map((d) => {
    const article = articleOf(d.id, d.text);
    const words = tokenizeArticle(article);
    const ctx = wordContext(words, ruleMentions(article));
    const gold: Tag[] = words.map(() => "O");
    for (const m of goldLayer(d)) {
      let first = true;
      for (let i = 0; i < words.length; i++) {
        if (words[i].start < m.s || words[i].end > m.e) continue;
        gold[i] = `${first ? "B" : "I"}-${m.type}` as Tag;
        first = false;
      }
    }
    return { words, feats: words.map((_, i) => wordFeatures(words, i, ctx)), gold };
  });
}

function train(seqs: Sequence[], epochs: number): TaggerModel {
  const L = TAGS.length;
  const weights = new AveragedWeights(L);
  let seed = 11;
  for (let e = 0; e < epochs; e++) {
    const order = seqs.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const j = seed % (i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const si of order) {
      const { words, feats, gold } = seqs[si];
      // Trained on its own previous guesses, as it will run.
      const guessTags: Tag[] = [];
      for (let i = 0; i < words.length; i++) {
        weights.step();
        const same = i > 0 && words[i - 1].sentence === words[i].sentence;
        const prev = same ? guessTags[i - 1] : "<s>";
        const prev2 = same && i > 1 && words[i - 2].sentence === words[i].sentence ? guessTags[i - 2] : "<s>";
        const f = [...feats[i], ...tagFeatures(prev, prev2, words[i])];
        const s = weights.scores(f);
        let best = 0;
        for (let k = 1; k < L; k++) if (allowed(prev, TAGS[k]) && (s[k] > s[best] || !allowed(prev, TAGS[best]))) best = k;
        const goldK = TAGS.indexOf(gold[i]);
        if (best !== goldK) for (const x of f) {
          weights.update(x, goldK, 1);
          weights.update(x, best, -1);
        }
        guessTags.push(TAGS[best]);
      }
    }
  }
  return { version: 1, tags: [...TAGS], weights: weights.averaged(0.002) };
}

const tuneFifth = (id: string) => parseInt(createHash("sha1").update(`tune:${id}`).digest("hex").slice(0, 8), 16) % 5 === 0;

function systemWith(model: TaggerModel | null): System {
  return (text) => {
    const article = articleOf("doc", text);
    const mentions = tagMentions(article, ruleMentions(article), model);
    const { entityOf } = groupEntities([{ article: "doc", mentions, quotes: [], times: [] }]);
    return mentions.map((m) => ({ ...nameSpan(m), type: m.type, entity: String(entityOf.get(m.name)) }));
  };
}

function typedF1(docs: GoldDoc[], system: System): number {
  const s = evaluate(docs, system);
  let gold = 0;
  let pred = 0;
  let hit = 0;
  for (const t of s.byType.values()) {
    gold += t.gold;
    pred += t.pred;
    hit += t.exact;
  }
  return (2 * hit) / (gold + pred);
}

/** Span F1 of the tagger's own output against the gold layer it was trained on. */
function layerF1(seqs: Sequence[], model: TaggerModel): number {
  let gold = 0;
  let pred = 0;
  let hit = 0;
  for (const s of seqs) {
    const tags = decodeFeatures(s, model);
    const key = (x: { from: number; to: number; type: string }) => `${x.from}:${x.to}:${x.type}`;
    const g = new Set(spansOf(s.gold).map(key));
    const p = spansOf(tags).map(key);
    gold += g.size;
    pred += p.length;
    hit += p.filter((x) => g.has(x)).length;
  }
  return (2 * hit) / (gold + pred);
}

function decodeFeatures(s: Sequence, model: TaggerModel): Tag[] {
  const tags: Tag[] = [];
  for (let i = 0; i < s.words.length; i++) {
    const same = i > 0 && s.words[i - 1].sentence === s.words[i].sentence;
    const prev = same ? tags[i - 1] : "<s>";
    const prev2 = same && i > 1 && s.words[i - 2].sentence === s.words[i].sentence ? tags[i - 2] : "<s>";
    const sc = scoresOf(model.weights, [...s.feats[i], ...tagFeatures(prev, prev2, s.words[i])], TAGS.length);
    let best = 0;
    for (let k = 1; k < TAGS.length; k++) if (allowed(prev, TAGS[k]) && (sc[k] > sc[best] || !allowed(prev, TAGS[best]))) best = k;
    tags.push(TAGS[best]);
  }
  return tags;
}

/**
 * GUM's dev part only: MEANTIME annotates just the participants of its annotated events, so its other
 * names would be taught as non-names.
 */
function trainingDocs(): GoldDoc[] {
  return loadGum().filter((d) => d.part === "dev");
}

function main(): void {
  const dev = trainingDocs();
  const tune = dev.filter((d) => tuneFifth(d.id));
  const fit = sequencesOf(dev.filter((d) => !tuneFifth(d.id)));
  console.log(`tuning on ${tune.length} held-out dev documents; rules alone: exact typed F1 ${typedF1(tune, systemWith(null)).toFixed(3)}`);
  const tuneSeqs = sequencesOf(tune);
  for (const e of process.argv.includes("--quick") ? [4] : [2, 4, 6, 8]) {
    const model = train(fit, e);
    const f = typedF1(tune, systemWith(model));
    console.log(`  epochs ${e}: exact typed F1 ${f.toFixed(3)}; tagger alone against its gold layer: ${layerF1(tuneSeqs, model).toFixed(3)} (on its training part ${layerF1(fit, model).toFixed(3)})`);
  }
}

main();
