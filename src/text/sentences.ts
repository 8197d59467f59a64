// Sentence splitting for news prose: one pass over the characters; only at a candidate sentence end
// does it look at the word before and the word after.
import type { Sentence } from "../model/index.js";
import { STOPWORDS } from "./tokens.js";

/** Abbreviations that stand before a name or number and so never end a sentence ("Gen. Smith", "e.g. rice"). */
const NEVER_FINAL = new Set(
  `mr mrs ms messrs dr prof gov govs sen sens rep reps gen gens lt col capt cpt cmdr adm maj sgt cpl pvt brig lieut
  st mt ft rev fr hon pres supt insp det atty amb sec secy treas dept univ assn vs v e.g i.e cf approx viz al`.split(/\s+/),
);
/** Abbreviations that do not end a sentence when a number follows ("Jan. 6", "No. 10", "Art. 5"). */
const BEFORE_NUMBER = new Set("jan feb mar apr jun jul aug sep sept oct nov dec no nos art para p pp ch vol fig tel op".split(" "));
/**
 * Abbreviations that may end a sentence or not ("Acme Inc. said" / "… Acme Inc. The"): they end one only when
 * the next word is a function word that opens sentences (The, He, But) or a quote opens. Any token with
 * inner dots ("U.S.", "a.m.") is treated the same way.
 */
const MAYBE_FINAL = new Set("inc ltd corp co llc plc jr sr etc bros cos".split(" "));

const NEWLINE = 0x0a;
const DOT = 0x2e;
const CLOSERS = new Set([0x22, 0x27, 0x201d, 0x2019, 0x29, 0x5d, 0xbb, 0x203a, 0x300d, 0x300f, 0xff09, 0x3011]); // " ' ” ’ ) ] » › 」 』 ） 】
const OPENERS = new Set([0x22, 0x27, 0x201c, 0x2018, 0x28, 0x5b, 0xab, 0x2039]); // " ' “ ‘ ( [ « ‹
const UPPER = /^\p{Lu}/u;
const LOWER = /^\p{Ll}/u;
/** A word starting with a lowercase letter then an uppercase one is a brand ("iPhone"): it can open a sentence. */
const BRAND = /^\p{Ll}\p{Lu}/u;
const SINGLE_INITIAL = /^\p{Lu}$/u;

// Comparisons, not Set lookups: these run on every character.
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0x3000;
}

/** . ! ? … */
function isTerminator(c: number): boolean {
  return c === DOT || c === 0x21 || c === 0x3f || c === 0x2026;
}

/** Full-width 。！？ (Chinese, Japanese): they end a sentence with no space after them. */
function isFullWidthTerminator(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff61;
}

/** German writes day numbers as ordinals ("am 14. Mai"): a period between a day and a month ends nothing. */
const ORDINAL_DAY = /^\d{1,2}$/;
const GERMAN_MONTHS = new Set("januar jänner februar märz april mai juni juli august september oktober november dezember".split(" "));

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** The token just before position `end` (a period), without leading quotes or brackets. */
function tokenBefore(text: string, end: number): string {
  let s = end;
  while (s > 0 && !isSpace(text.charCodeAt(s - 1)) && !OPENERS.has(text.charCodeAt(s - 1))) s--;
  return text.slice(s, end);
}

/** The word starting at `k`, lowercased (letters only). */
function wordAt(text: string, k: number): string {
  let e = k;
  while (e < text.length && /[\p{L}'’]/u.test(text[e])) e++;
  return text.slice(k, e).toLowerCase();
}

/** Whether a period, followed by whitespace and then the character at `k`, ends a sentence. */
function periodEnds(text: string, dot: number, k: number): boolean {
  const next = text.charCodeAt(k);
  const nextChar = text[k];
  const opensQuote = OPENERS.has(next);
  const token = tokenBefore(text, dot);
  const lower = token.toLowerCase();
  if (SINGLE_INITIAL.test(token) || NEVER_FINAL.has(lower)) return false;
  if (ORDINAL_DAY.test(token) && GERMAN_MONTHS.has(wordAt(text, k))) return false;
  if (isDigit(next)) return !BEFORE_NUMBER.has(lower);
  if (LOWER.test(nextChar) && !BRAND.test(text.slice(k, k + 2))) return false;
  if (MAYBE_FINAL.has(lower) || lower.includes(".")) return opensQuote || STOPWORDS.has(wordAt(text, k));
  return opensQuote || UPPER.test(nextChar);
}

/** Whether the terminator run text[at..after) (with closing quotes) ends a sentence. */
function endsSentence(text: string, at: number, after: number): boolean {
  let k = after;
  while (k < text.length && isSpace(text.charCodeAt(k))) {
    if (text.charCodeAt(k) === NEWLINE) return true;
    k++;
  }
  if (k >= text.length) return true;
  const single = text.charCodeAt(at) === DOT && (at + 1 >= text.length || text.charCodeAt(at + 1) !== DOT);
  if (single) return periodEnds(text, at, k);
  // "?", "!", "…", "...": a lowercase continuation ("Why?" she asked) keeps the sentence going.
  return !LOWER.test(text[k]) || BRAND.test(text.slice(k, k + 2));
}

/**
 * Splits text (paragraphs separated by blank lines) into sentences with offsets into `text`.
 * A paragraph break always ends a sentence; closing quotes after the final punctuation belong to it. Pure.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let paragraphHasText = false;
  let start = 0;
  const emit = (from: number, to: number): void => {
    while (from < to && isSpace(text.charCodeAt(from))) from++;
    while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
    if (to <= from) return;
    out.push({ i: out.length, text: text.slice(from, to), start: from, end: to, paragraph });
    paragraphHasText = true;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      emit(start, i);
      let newlines = 0;
      let j = i;
      for (; j < text.length && isSpace(text.charCodeAt(j)); j++) if (text.charCodeAt(j) === NEWLINE) newlines++;
      // A blank line starts a new paragraph (a single newline only ends the sentence).
      if (newlines >= 2 && paragraphHasText) {
        paragraph++;
        paragraphHasText = false;
      }
      start = j;
      i = j - 1;
      continue;
    }
    if (isFullWidthTerminator(c)) {
      let after = i + 1;
      while (after < text.length && (isFullWidthTerminator(text.charCodeAt(after)) || CLOSERS.has(text.charCodeAt(after)))) after++;
      emit(start, after);
      start = after;
      i = after - 1;
      continue;
    }
    if (!isTerminator(c)) continue;
    let after = i + 1;
    while (after < text.length && isTerminator(text.charCodeAt(after))) after++;
    while (after < text.length && CLOSERS.has(text.charCodeAt(after))) after++;
    // Inside a token ("3.5", "U.S.A", "example.com") no sentence ends.
    if (after < text.length && !isSpace(text.charCodeAt(after))) {
      i = after - 1;
      continue;
    }
    if (endsSentence(text, i, after)) {
      emit(start, after);
      start = after;
    }
    i = after - 1;
  }
  emit(start, text.length);
  return out;
}
