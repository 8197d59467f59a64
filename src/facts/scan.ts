// Sentence tokens for name finding: words with case, possessives, abbreviation periods, punctuation.

import { ABBREVIATIONS } from "./lexicon.js";

export type TokenKind = "cap" | "lower" | "num" | "punct";

export interface Token {
  /** The word as written, without a possessive ending ("Petrov" for "Petrov's"). */
  word: string;
  lower: string;
  /** `lower` without an abbreviation's period: the form to look up in word lists. */
  key: string;
  kind: TokenKind;
  /** Absolute offsets into Article.text; `end` includes a possessive ending. */
  start: number;
  end: number;
  /** Ends in "'s" / "’s": a name ends here. */
  possessive: boolean;
  /** A line break or a cut compound ("Kremlin-backed") separates it from the next token. */
  breakAfter: boolean;
  /** Only punctuation precedes it in the sentence, or an opening quote / colon does. */
  initial: boolean;
}

const TOKEN =
  /(?:\p{Lu}\.){2,}|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’]\p{L}+)*(?:-[\p{L}\p{M}\p{N}]+(?:['’]\p{L}+)*)*|\p{N}+(?:[.,:]\p{N}+)*|[^\s\p{L}\p{N}]/gu;
const UPPER_START = /^\p{Lu}/u;
const LETTER_START = /^[\p{L}\p{M}]/u;
const DIGIT_START = /^\p{N}/u;
const PARTICLE_CAP = /^(?:al|el|bin|ibn|abu|ul|ad|as|ar)-\p{Lu}/u; // "al-Assad", "bin-Salman"
const LOWER_PART = /-\p{Ll}/u; // "Kremlin-backed": the name stops before the hyphen
const SYLLABLE_PAIR = /^\p{Lu}\p{Ll}{1,4}-\p{Ll}{2,6}$/u;
const SINGLE_CAPITAL = /^\p{Lu}$/u;
const OPENERS = new Set(['"', "“", "«", "‘", "(", "[", ":", "—", "–"]);

/** Splits one sentence (at absolute offset `base`) into tokens. Runs on every sentence: kept lean. */
export function tokenize(text: string, base: number): Token[] {
  const out: Token[] = [];
  let onlyPunct = true;
  let prev: Token | undefined;
  // With no capital after its first letter, only the sentence's first word can be a name: its
  // neighbours are all the name finder needs.
  const limit = hasLaterCapital(text) ? Infinity : LEAD_TOKENS;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m && out.length < limit; m = TOKEN.exec(text)) {
    let raw = m[0];
    const at = m.index;
    let kind = kindOf(raw);
    let breakAfter = false;
    // "Leung Che-cheung", "Hau Lung-bin": a syllable pair after a capitalised word is a given name.
    if (kind === "cap" && raw.includes("-") && !(prev?.kind === "cap" && SYLLABLE_PAIR.test(raw))) {
      const cut = raw.search(LOWER_PART);
      if (cut > 0) {
        raw = raw.slice(0, cut);
        breakAfter = true;
      }
    }
    let end = at + raw.length;
    const possessive = kind !== "punct" && kind !== "num" && isPossessive(raw);
    let word = possessive ? raw.slice(0, -2) : raw;
    // "Dr." and initials ("John F. Kennedy") keep their period.
    if (text.charCodeAt(end) === 46 && kind !== "punct" && (ABBREVIATIONS.has(word.toLowerCase()) || SINGLE_CAPITAL.test(word))) {
      word += ".";
      end += 1;
      if (!breakAfter) TOKEN.lastIndex = end;
    }
    if (prev && hasNewline(text, prev.end - base, at)) prev.breakAfter = true;
    // Words that start lowercase are looked up as written ("iPhone" is no list word anyway).
    const lower = kind === "punct" || kind === "lower" ? word : word.toLowerCase();
    prev = {
      word,
      lower,
      key: lower.charCodeAt(lower.length - 1) === 46 ? lower.slice(0, -1) : lower,
      kind,
      start: base + at,
      end: base + end,
      possessive,
      breakAfter,
      initial: onlyPunct || (prev !== undefined && OPENERS.has(prev.word)),
    };
    out.push(prev);
    if (kind !== "punct") onlyPunct = false;
  }
  return out;
}

/** Tokens kept of a sentence whose only capital is its first letter: the word and what follows it
 *  ("Halvorsen, he said"), with room for opening punctuation. */
const LEAD_TOKENS = 6;

/** Is there an upper-case letter after the first letter? ASCII is checked by code, the rest by case mapping. */
function hasLaterCapital(text: string): boolean {
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && isLetter(c))) break;
  }
  for (i++; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
    if (c > 127 && isUpper(c)) return true;
  }
  return false;
}

function isLetter(c: number): boolean {
  const ch = String.fromCharCode(c);
  return ch.toLowerCase() !== ch.toUpperCase();
}

function isUpper(c: number): boolean {
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}

function kindOf(word: string): TokenKind {
  const c = word.charCodeAt(0);
  if (c >= 97 && c <= 122) return word.indexOf("-") > 0 && PARTICLE_CAP.test(word) ? "cap" : "lower";
  if (c >= 65 && c <= 90) return "cap";
  if (c >= 48 && c <= 57) return "num";
  if (c < 128) return "punct";
  if (DIGIT_START.test(word)) return "num";
  if (!LETTER_START.test(word)) return "punct";
  return UPPER_START.test(word) || PARTICLE_CAP.test(word) ? "cap" : "lower";
}

/** Ends in "'s" / "’s". */
function isPossessive(raw: string): boolean {
  const n = raw.length;
  if (n < 3 || raw.charCodeAt(n - 1) !== 115) return false;
  const q = raw[n - 2];
  return q === "'" || q === "’";
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}
