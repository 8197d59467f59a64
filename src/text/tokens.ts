// Shared text helpers: word tokens, stopwords and fast string hashing.
// Pure and allocation-light: they run on every sentence of every article.

import { createHash } from "node:crypto";

/**
 * A word: a run of letters and digits ("don't" stays one), except that Chinese and Japanese, written
 * without spaces, give one token per character, so shingles over them are character n-grams.
 */
const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}`;
// Built from a string: the set-subtraction ("v") flag is newer than the TypeScript target (Node 20 has it).
const WORD = new RegExp(String.raw`[${CJK}]|[[\p{L}\p{N}]--[${CJK}]]+(?:['’]\p{L}+)*`, "gv");

/** Lowercased word tokens (letters and digits; "don't" stays one token; one per Chinese or Japanese character). */
export function words(text: string): string[] {
  // One lowercase and one global match over the whole text: several times faster than a per-token loop.
  const lower = text.toLowerCase();
  const out = lower.match(WORD) ?? [];
  return lower.includes("’") ? out.map((w) => w.replace(/’/g, "'")) : out;
}

/** English function words: carry no topic, and survive spinning (synonym rewriting) untouched. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being below
  between both but by can could did do does doing down during each few for from further had has have having
  he her here hers herself him himself his how i if in into is it its itself just me more most my myself no
  nor not now of off on once only or other our ours ourselves out over own same she should so some such than
  that the their theirs them themselves then there these they this those through to too under until up very
  was we were what when where which while who whom why will with would you your yours yourself yourselves
  said says say told according would could may might must shall us one two new also mr mrs ms dr it's its
  there's that's he's she's they're we're i'm don't doesn't didn't isn't wasn't aren't weren't won't can't
  s t`.split(/\s+/).filter(Boolean),
);

/** Calendar words, lowercase: each stage composes the set it needs from these. */
export const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"] as const;
export const MONTH_ABBREVIATIONS = ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"] as const;
export const WEEKDAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
export const WEEKDAY_ABBREVIATIONS = ["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"] as const;

/** Lowercased content words: tokens that are neither stopwords nor one character long. */
export function contentWords(text: string): string[] {
  return words(text).filter(isContentWord);
}

export function isContentWord(word: string): boolean {
  return word.length > 1 && !STOPWORDS.has(word);
}

/** 32-bit FNV-1a hash of a string: fast, stable across runs, good enough for shingles and term ids. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A short stable hex digest (SHA-1, truncated), for ids derived from content. */
export function digest(s: string, length = 12): string {
  return createHash("sha1").update(s).digest("hex").slice(0, length);
}

/** Text compared loosely: lowercased, punctuation and whitespace runs collapsed. */
export function normalizeForCompare(text: string): string {
  return words(text).join(" ");
}
