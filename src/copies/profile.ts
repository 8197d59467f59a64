// An article reduced to what copy detection needs: one 16-bit code per word, sentence ends, a digest.
// About 2 bytes per word, no text: the copy index keeps these instead of articles.

import type { Article } from "../model/index.js";
import { STOPWORDS, hash32 } from "../text/tokens.js";
import { MAX_TOKENS } from "./options.js";

/**
 * A token code packs the word's class (2 bits), whether it is inside a quotation (1 bit) and a 13-bit
 * hash of the word. Thirteen bits suffice: shingles hash five codes together, and sentence comparison
 * tolerates a rare collision. No synonyms are folded: spun copies are told by sentence alignment, whatever
 * words the spinner chose.
 */
export const HASH_MASK = 0x1fff;
export const QUOTED = 0x2000;
const CLASS_SHIFT = 14;
export enum TokenClass {
  Stop = 0,
  Content = 1,
  Name = 2,
  Number = 3,
}

export function tokenClass(code: number): TokenClass {
  return code >>> CLASS_SHIFT;
}

/** Names and numbers: what a spinner leaves alone and an independent writer words differently around. */
export function isAnchor(code: number): boolean {
  return code >>> CLASS_SHIFT >= TokenClass.Name;
}

export interface CopyProfile {
  id: string;
  published: string | null;
  /** Length of the clean text: the tie-breaker when choosing a family's original. */
  chars: number;
  /** A 53-bit digest of the normalised text (its lowercased words): equal digests are exact copies. */
  digest: number;
  codes: Uint16Array;
  /**
   * Token index where each of the article's sentences ends (exclusive; a sentence without words ends where
   * the previous one did); MAX_TOKENS keeps it within 16 bits, and sentences past it are left out.
   */
  sentenceEnds: Uint16Array;
}

const HAS_DIGIT = /\d/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;

const CAPITAL = 1;
/** First word of a sentence or of a quotation: capitalised there by grammar, not because it is a name. */
const INITIAL = 2;
const IN_QUOTE = 4;

interface RawTokens {
  lower: string[];
  flags: number[];
  ends: number[];
}

/** Letters and digits; a hand-rolled test (ASCII first) because the Unicode regex is the hot spot. */
function isWordChar(text: string, i: number, lettersOnly: boolean): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return ((c | 32) >= 97 && (c | 32) <= 122) || (!lettersOnly && c >= 48 && c <= 57);
  return (lettersOnly ? LETTER : LETTER_OR_DIGIT).test(text[i]);
}

/** Chinese and Japanese characters (BMP ranges): each is a word of its own, as in text/tokens.ts. */
function isCjk(c: number): boolean {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/** End of the word starting at `i`: the word pattern of text/tokens.ts ("don't" is one word). */
function wordEnd(text: string, i: number, limit: number): number {
  if (isCjk(text.charCodeAt(i))) return i + 1;
  for (;;) {
    while (i < limit && isWordChar(text, i, false) && !isCjk(text.charCodeAt(i))) i++;
    const c = text.charCodeAt(i);
    if (i + 1 < limit && (c === 0x27 || c === 0x2019) && isWordChar(text, i + 1, true)) i += 2;
    else return i;
  }
}

function isCapital(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  const first = text[i];
  return first !== first.toLowerCase();
}

/** Quotation state after the punctuation in text[from, to): straight quotes toggle, curly and doubled ones say. */
function quoteStateAfter(text: string, from: number, to: number, quoted: boolean): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) quoted = !quoted;
    else if (c === 0x201c || c === 0xab) quoted = true;
    else if (c === 0x201d || c === 0xbb) quoted = false;
    else if (c === 0x60 && text.charCodeAt(i + 1) === 0x60) (quoted = true), i++;
    else if (c === 0x27 && text.charCodeAt(i + 1) === 0x27) (quoted = false), i++;
  }
  return quoted;
}

function readTokens(article: Article): RawTokens {
  const { text } = article;
  // Lowercasing once is much cheaper than per word; offsets hold unless lowercasing changes a length.
  const lowText = text.toLowerCase();
  const sameOffsets = lowText.length === text.length;
  const lower: string[] = [];
  const flags: number[] = [];
  const ends: number[] = [];
  const sentences = article.sentences.length > 0 ? article.sentences : [{ start: 0, end: text.length, paragraph: 0 }];
  let quoted = false;
  let paragraph = -1;
  let last = 0;
  for (const sentence of sentences) {
    if (lower.length >= MAX_TOKENS) break;
    // News quotations reopen at each paragraph, so an unclosed quote never leaks past one.
    if (sentence.paragraph !== paragraph) (quoted = false), (last = sentence.start);
    paragraph = sentence.paragraph;
    let initial = INITIAL;
    for (let i = sentence.start; i < sentence.end; i++) {
      if (!isWordChar(text, i, false)) continue;
      const end = wordEnd(text, i, sentence.end);
      const wasQuoted = quoted;
      quoted = quoteStateAfter(text, last, i, quoted);
      const low = sameOffsets ? lowText.slice(i, end) : text.slice(i, end).toLowerCase();
      lower.push(low.includes("’") ? low.replace(/’/g, "'") : low);
      const opensQuote = quoted && !wasQuoted ? INITIAL : 0;
      flags.push((isCapital(text, i) ? CAPITAL : 0) | initial | opensQuote | (quoted ? IN_QUOTE : 0));
      initial = 0;
      last = i = end;
    }
    // One end per sentence, empty ones too, so that sentence s of the profile is sentence s of the article.
    ends.push(Math.min(lower.length, MAX_TOKENS));
  }
  lower.length = Math.min(lower.length, MAX_TOKENS);
  return { lower, flags, ends };
}

function classify(lower: string, flags: number, names: ReadonlySet<string>): TokenClass {
  if (STOPWORDS.has(lower)) return TokenClass.Stop;
  if (HAS_DIGIT.test(lower)) return TokenClass.Number;
  if (flags & CAPITAL && (!(flags & INITIAL) || names.has(lower))) return TokenClass.Name;
  return TokenClass.Content;
}

function encode(hash: number, quoted: boolean, cls: TokenClass): number {
  return (cls << CLASS_SHIFT) | (quoted ? QUOTED : 0) | (hash & HASH_MASK);
}

/** Reduces an article to its copy-detection profile. Pure. */
export function profileArticle(article: Article): CopyProfile {
  const { lower, flags, ends } = readTokens(article);
  // A capitalised word opening a sentence is a name only if the article also capitalises it mid-sentence.
  const names = new Set<string>();
  for (let i = 0; i < lower.length; i++) if ((flags[i] & (CAPITAL | INITIAL)) === CAPITAL) names.add(lower[i]);
  const codes = new Uint16Array(lower.length);
  // The digest chains the words' full 32-bit hashes through two multipliers into 53 bits.
  let d1 = 0x811c9dc5;
  let d2 = 0x01000193;
  for (let i = 0; i < lower.length; i++) {
    const hash = hash32(lower[i]);
    d1 = Math.imul(d1 ^ hash, 0x01000193);
    d2 = Math.imul(d2 ^ hash, 0x5bd1e995) ^ (d2 >>> 15);
    codes[i] = encode(hash, (flags[i] & IN_QUOTE) !== 0, classify(lower[i], flags[i], names));
  }
  return {
    id: article.id,
    published: article.published,
    chars: article.text.length,
    digest: (d1 >>> 0) * 0x200000 + (d2 >>> 11),
    codes,
    sentenceEnds: Uint16Array.from(ends),
  };
}
