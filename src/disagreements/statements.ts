// A sentence read for what it asserts: its topic words (stems), quantities, dates and negations. Every
// comparison between two sources works on these, never on the raw text again.

import type { ArticleFacts, SentenceRef } from "../model/index.js";
import { negationsIn, type Negation } from "./polarity.js";
import { quantitiesIn, type Quantity } from "./quantities.js";
import { datesIn, type DateMention } from "./when.js";
import { isContentToken, tokenize, type Token } from "./words.js";

export interface Statement {
  ref: SentenceRef;
  /** The event the article belongs to: statements of different events are never compared. */
  event: string;
  tokens: Token[];
  /** Stems of the topic words, without numbers, dates, negations and attribution words. */
  stems: Set<string>;
  /** Stems of the capitalised words inside the sentence: who and where it is about. */
  names: Set<string>;
  quantities: Quantity[];
  dates: DateMention[];
  negations: Negation[];
}

/** `facts` are the article's: its time expressions and the names the facts stage found. */
export function readStatement(ref: SentenceRef, event: string, facts: Pick<ArticleFacts, "times" | "mentions"> | undefined): Statement {
  const times = facts?.times ?? [];
  const text = ref.sentence.text;
  const tokens = tokenize(text);
  const dates = datesIn(text, ref.sentence.start, times.filter((t) => t.sentence === ref.sentence.i));
  const inDate = (t: Token) => dates.some((d) => t.start < d.end && d.start < t.end);
  const stems = new Set<string>();
  const names = new Set<string>();
  // Names: what the facts stage found (a sentence's first word too), and capitalised words inside it.
  const mentions = (facts?.mentions ?? []).filter((m) => m.sentence === ref.sentence.i && m.type !== "other");
  const inMention = (t: Token) => mentions.some((m) => m.start <= ref.sentence.start + t.start && ref.sentence.start + t.end <= m.end);
  tokens.forEach((t, i) => {
    if (!isContentToken(t) || inDate(t)) return;
    stems.add(t.stem);
    const capitalised = i > 0 && /^\p{Lu}/u.test(t.text) && !/[.!?:"“]\s*$/.test(text.slice(tokens[i - 1].end, t.start));
    if (capitalised || inMention(t)) names.add(t.stem);
  });
  // A question asserts nothing: it can contradict nothing.
  if (/\?["”]?\s*$/.test(text)) return { ref, event, tokens, stems, names, quantities: [], dates: [], negations: [] };
  return { ref, event, tokens, stems, names, quantities: quantitiesIn(text, tokens), dates, negations: negationsIn(text, tokens) };
}

/** Each statement names someone or something the other does not: likely two people, places or happenings. */
export function differentSubjects(a: Statement, b: Statement): boolean {
  const exclusive = (x: Statement, y: Statement) => [...x.names].some((n) => !y.stems.has(n));
  return exclusive(a, b) && exclusive(b, a);
}

/** The share of the smaller statement's topic words the other has too, and how many they share. */
export function overlap(a: Statement, b: Statement): { share: number; shared: number } {
  const [small, large] = a.stems.size <= b.stems.size ? [a.stems, b.stems] : [b.stems, a.stems];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return { share: small.size ? shared / small.size : 0, shared };
}
