// What an article is about, as weighted terms: content words and name bigrams, counted with more weight
// in the title and lead, and marked when they look like names or numbers. IDF is applied later (vector.ts),
// because document frequencies belong to the corpus, not to the article.

import type { Article } from "../model/index.js";
import { MONTH_NAMES, STOPWORDS, WEEKDAY_NAMES, hash32, words } from "../text/tokens.js";
import type { StoryOptions } from "./options.js";

/** An article's distinct terms (hashed), how much each was used, and the boost its kind earns. */
export interface ArticleTerms {
  terms: number[];
  /** Position-weighted occurrence count. */
  raw: number[];
  boost: number[];
}

interface TermStat {
  raw: number;
  /** Mid-sentence occurrences, and how many of them were capitalised. */
  seen: number;
  caps: number;
  /** A name bigram: a name by construction. */
  name: boolean;
}

// Capitalised, but they date a matter rather than name it; the event stage handles dates.
// ("May" is left out: mid-sentence and capitalised it is as often a name.)
const CALENDAR: ReadonlySet<string> = new Set([...MONTH_NAMES.filter((m) => m !== "may"), ...WEEKDAY_NAMES]);
const DIGIT = /\p{N}/u;
const SENTENCE_END = new Set([".", "!", "?", ":", ";", "\n"]);
const SKIPPED_BEFORE = new Set([" ", "\t", "\r", '"', "'", "“", "‘", "(", "[", "«", "—", "-", "`"]);

export function articleTerms(article: Article, options: StoryOptions): ArticleTerms {
  const out: ArticleTerms = { terms: [], raw: [], boost: [] };
  for (const [term, s] of termStats(article, options)) {
    out.terms.push(hash32(term));
    out.raw.push(s.raw);
    out.boost.push(boostOf(s, term, options));
  }
  return out;
}

/** A term as written (lowercased) and its weight before IDF: (1 + log count) × boost. */
export interface KeyTerm {
  term: string;
  weight: number;
  /** Looks like a name (a capitalised word or a pair of them). */
  name: boolean;
}

/**
 * The article's `topTerms` heaviest terms as words, weighed as articleTerms counts them but without IDF,
 * which belongs to the corpus: what explanations read, where only the story's own articles are at hand.
 */
export function keyTerms(article: Article, options: StoryOptions): KeyTerm[] {
  const out: KeyTerm[] = [];
  for (const [term, s] of termStats(article, options)) {
    const boost = boostOf(s, term, options);
    out.push({ term, weight: (1 + Math.log(s.raw)) * boost, name: boost === options.nameBoost && !hasDigit(term) });
  }
  out.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return out.slice(0, options.topTerms);
}

function termStats(article: Article, options: StoryOptions): Map<string, TermStat> {
  const stats = new Map<string, TermStat>();
  if (article.title) countTitle(article.title, options.titleWeight, stats);
  countBody(article, options, stats);
  return stats;
}

function boostOf(s: TermStat, term: string, options: StoryOptions): number {
  if (s.name) return options.nameBoost;
  if (s.seen > 0 && s.caps * 2 > s.seen) return options.nameBoost;
  return hasDigit(term) ? options.numberBoost : 1;
}

function statOf(stats: Map<string, TermStat>, term: string): TermStat {
  let s = stats.get(term);
  if (!s) stats.set(term, (s = { raw: 0, seen: 0, caps: 0, name: false }));
  return s;
}

/** Headlines are often in Title Case, so their capitals say nothing: count words only. */
function countTitle(title: string, weight: number, stats: Map<string, TermStat>): void {
  for (const w of words(title)) if (isContent(w)) statOf(stats, w).raw += weight;
}

function countBody(article: Article, options: StoryOptions, stats: Map<string, TermStat>): void {
  const text = article.text;
  const stop = Math.min(text.length, options.maxBodyChars);
  const leadEnd = leadEndOffset(article, options.leadSentences);
  let prevName: string | null = null;
  let prevEnd = -1;
  let start = nextWordStart(text, 0, stop);
  while (start < stop) {
    const end = wordEnd(text, start);
    const token = text.slice(start, end);
    const lower = token.toLowerCase();
    const w = lower.includes("’") ? lower.replace(/’/g, "'") : lower;
    const content = isContent(w);
    const capital = content && token[0] !== lower[0] && !CALENDAR.has(w);
    if (content) {
      const weight = start < leadEnd ? options.leadWeight : 1;
      const initial = sentenceInitial(text, start);
      const s = statOf(stats, w);
      s.raw += weight;
      if (!initial) {
        s.seen++;
        if (capital) s.caps++;
      }
      // "Tara Reid", "Promises Treatment": adjacent capitalised words name one thing.
      if (capital && !initial && prevName !== null && prevEnd === start - 1 && isSpace(text, prevEnd)) {
        const pair = statOf(stats, `${prevName} ${w}`);
        pair.raw += weight;
        pair.name = true;
      }
    }
    prevName = capital ? w : null;
    prevEnd = end;
    start = nextWordStart(text, end, stop);
  }
}

// A hand-rolled scanner for the word pattern of text/tokens.ts (letters and digits, inner apostrophes):
// the body is the bulk of this stage's work and a Unicode-property regex costs several times more per
// character. ASCII is decided by char code; anything else asks the regex about that one character.
const WORD_CHAR = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return WORD_CHAR.test(text[i]);
}

function isLetter(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return LETTER.test(text[i]);
}

function nextWordStart(text: string, from: number, stop: number): number {
  let i = from;
  while (i < stop && !isWordChar(text, i)) i++;
  return i;
}

function wordEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && isWordChar(text, i)) i++;
  while ((text[i] === "'" || text[i] === "’") && i + 1 < text.length && isLetter(text, i + 1)) {
    i += 2;
    while (i < text.length && isLetter(text, i)) i++;
  }
  return i;
}

function isContent(w: string): boolean {
  return (w.length > 1 || hasDigit(w)) && !STOPWORDS.has(w);
}

function hasDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
    if (c > 127 && DIGIT.test(w[i])) return true;
  }
  return false;
}

/** Where the lead ends in the text: after the first `n` sentences (all of it when sentences are missing). */
function leadEndOffset(article: Article, n: number): number {
  const sentences = article.sentences;
  if (sentences.length === 0) return article.text.length;
  if (n <= 0) return 0;
  return sentences[Math.min(n, sentences.length) - 1].end;
}

/** True when only spaces, quotes or brackets separate the word from a sentence end or the text start. */
function sentenceInitial(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && SKIPPED_BEFORE.has(text[i])) i--;
  return i < 0 || SENTENCE_END.has(text[i]);
}

function isSpace(text: string, at: number): boolean {
  const c = text[at];
  return c === " " || c === "\u00a0";
}
