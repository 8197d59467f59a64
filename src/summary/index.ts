// The summary: a few extractive sentences per story, most important first, each citing its sources.
//
// Importance is what many independent sources say: a word's weight is the share of copy families that use it,
// so a sentence built from the story's common vocabulary scores high, and a lead sentence gets a bonus
// because news puts the essentials first. Redundancy is removed greedily (maximal marginal relevance).

import type { Cite, SentenceRef, StoryMaterial, SummarySentence } from "../model/index.js";
import { numbersAgree, numbersIn } from "../text/numbers.js";
import { contentWordSet, jaccard } from "../text/similarity.js";

export const SUMMARY_DEFAULTS = {
  minSentences: 3,
  maxSentences: 7,
  /** Sentences outside this length (in words) are fragments or run-ons, poor summary material. */
  minWords: 7,
  maxWords: 60,
  /** A candidate this close to a chosen sentence says the same thing. */
  redundantJaccard: 0.3,
  /** Another source's sentence this close to a chosen one corroborates it and is cited too. */
  corroboratingJaccard: 0.45,
  maxCites: 4,
  /** Score multipliers for an article's first and second sentence. */
  leadBonus: [1.5, 1.2],
};

interface Candidate {
  ref: SentenceRef;
  words: Set<string>;
  score: number;
}

export function summarize(material: StoryMaterial, options = SUMMARY_DEFAULTS): SummarySentence[] {
  const candidates = material.sentences.map((ref) => ({ ref, words: contentWordSet(ref.sentence.text), score: 0 }));
  const weight = familyShare(candidates);
  for (const c of candidates) c.score = scoreSentence(c, weight, options);

  const chosen: Candidate[] = [];
  const target = summaryLength(material, options);
  for (const c of [...candidates].sort((a, b) => b.score - a.score)) {
    if (chosen.length >= target) break;
    if (c.score <= 0) break;
    if (chosen.some((k) => jaccard(k.words, c.words) >= options.redundantJaccard)) continue;
    chosen.push(c);
  }
  return chosen.map((c) => ({ text: c.ref.sentence.text, cites: citesFor(c, candidates, options) }));
}

/** Share of copy families using each content word. */
function familyShare(candidates: Candidate[]): Map<string, number> {
  const families = new Map<string, Set<string>>();
  const all = new Set<string>();
  for (const c of candidates) {
    all.add(c.ref.family);
    for (const w of c.words) {
      let f = families.get(w);
      if (!f) families.set(w, (f = new Set()));
      f.add(c.ref.family);
    }
  }
  const weight = new Map<string, number>();
  for (const [w, f] of families) weight.set(w, f.size / all.size);
  return weight;
}

function scoreSentence(c: Candidate, weight: Map<string, number>, options: typeof SUMMARY_DEFAULTS): number {
  const text = c.ref.sentence.text;
  const wordCount = text.split(/\s+/).length;
  if (wordCount < options.minWords || wordCount > options.maxWords) return 0;
  if (/\?["”]?$/.test(text)) return 0;
  let sum = 0;
  for (const w of c.words) sum += weight.get(w) ?? 0;
  let score = sum / Math.sqrt(Math.max(c.words.size, 1));
  score *= options.leadBonus[c.ref.sentence.i] ?? 1;
  // A sentence that is mostly someone's quote is colour, not the news itself.
  if (/^["“]/.test(text)) score *= 0.7;
  return score;
}

/** More events and more independent sources earn a longer summary, within the bounds. */
function summaryLength(material: StoryMaterial, options: typeof SUMMARY_DEFAULTS): number {
  const families = new Set(material.sentences.map((s) => s.family)).size;
  const wanted = 2 + Math.ceil(Math.log2(families + 1)) + Math.max(0, material.events.length - 1);
  return Math.min(options.maxSentences, Math.max(options.minSentences, wanted));
}

function citesFor(chosen: Candidate, candidates: Candidate[], options: typeof SUMMARY_DEFAULTS): Cite[] {
  const cites: Cite[] = [{ article: chosen.ref.article.id, sentence: chosen.ref.sentence.i }];
  const families = new Set([chosen.ref.family]);
  const numbers = numbersIn(chosen.ref.sentence.text);
  for (const c of candidates) {
    if (cites.length >= options.maxCites) break;
    if (families.has(c.ref.family)) continue;
    if (jaccard(c.words, chosen.words) < options.corroboratingJaccard) continue;
    // A sentence that states other numbers does not back this one up: it contradicts it.
    if (!numbersAgree(numbers, numbersIn(c.ref.sentence.text))) continue;
    families.add(c.ref.family);
    cites.push({ article: c.ref.article.id, sentence: c.ref.sentence.i });
  }
  return cites;
}
