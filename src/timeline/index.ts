// The timeline: dated entries, each a sentence that says what happened when, citing where it was said.

import type { Cite, SentenceRef, StoryMaterial, TimelineEntry } from "../model/index.js";
import { PRECISION_RANK } from "../model/partial-date.js";
import { numbersAgree, numbersIn } from "../text/numbers.js";
import { contentWordSet, jaccard } from "../text/similarity.js";

export const TIMELINE_DEFAULTS = {
  /** Past this many entries a timeline stops being read; the best-supported entries are kept. */
  maxEntries: 25,
  /** Two entries on one date whose sentences overlap this much report the same happening: they merge. */
  sameHappeningJaccard: 0.35,
  /** A new sentence is compared with at most this many entries of its date, so a huge story stays linear. */
  maxComparedPerDate: 64,
  /** Entry text is the citing sentence, cut at this many characters. */
  maxTextLength: 280,
};

interface Draft extends TimelineEntry {
  words: Set<string>;
  numbers: Set<number>;
  /** Order of first appearance, to keep ties stable. */
  order: number;
}

export function buildTimeline(material: StoryMaterial, options = TIMELINE_DEFAULTS): TimelineEntry[] {
  const drafts: Draft[] = [];
  const byDate = new Map<string, Draft[]>();
  const add = (ref: SentenceRef, date: string, precision: TimelineEntry["precision"]) => {
    const cite: Cite = { article: ref.article.id, sentence: ref.sentence.i };
    const words = contentWordSet(ref.sentence.text);
    const numbers = numbersIn(ref.sentence.text);
    const sameDay = byDate.get(date) ?? [];
    // Sources that give different numbers for a happening are kept apart, so the reader sees both.
    const same = sameDay.slice(-options.maxComparedPerDate).find((d) => jaccard(d.words, words) >= options.sameHappeningJaccard && numbersAgree(d.numbers, numbers));
    if (same) {
      if (!same.cites.some((c) => c.article === cite.article && c.sentence === cite.sentence)) same.cites.push(cite);
      return;
    }
    const draft: Draft = { date, precision, text: shorten(ref.sentence.text, options.maxTextLength), cites: [cite], words, numbers, order: drafts.length };
    drafts.push(draft);
    sameDay.push(draft);
    byDate.set(date, sameDay);
  };

  const counted = new Map<string, SentenceRef>();
  for (const ref of material.sentences) counted.set(`${ref.article.id}#${ref.sentence.i}`, ref);
  for (const ref of material.sentences) {
    const times = material.facts.get(ref.article.id)?.times ?? [];
    // One entry per distinct date the sentence names: "signed in July, ratified in March" is two happenings.
    const dates = new Set<string>();
    for (const t of times) {
      if (t.sentence !== ref.sentence.i || dates.has(t.date)) continue;
      dates.add(t.date);
      add(ref, t.date, t.precision);
    }
  }
  // An event no sentence dates still belongs on the timeline: its lead sentence, at the event's date.
  for (const event of material.events) {
    if (!event.date || !event.precision) continue;
    if (drafts.some((d) => event.articles.some((id) => d.cites.some((c) => c.article === id)))) continue;
    const lead = event.articles.map((id) => counted.get(`${id}#0`)).find(Boolean);
    if (lead) add(lead, event.date, event.precision);
  }

  const kept = drafts.length <= options.maxEntries ? drafts : [...drafts]
    .sort((a, b) => b.cites.length - a.cites.length || PRECISION_RANK[b.precision] - PRECISION_RANK[a.precision] || a.order - b.order)
    .slice(0, options.maxEntries);
  return kept
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order))
    .map(({ date, precision, text, cites }) => ({ date, precision, text, cites }));
}

export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(" ", max - 1);
  return `${text.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}
