// What the spinners and copy makers of the copy evaluation share: a seeded generator, sentence and
// paragraph splitting of plain text, and word replacement at a rate of the text's content words.

import { STOPWORDS } from "../../src/text/tokens.js";

import type { Random } from "../seeded.js";

export { seeded, type Random } from "../seeded.js";

export const pick = <T>(items: T[], r: Random): T => items[Math.floor(r() * items.length)];

export function shuffle<T>(items: T[], r: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const SENTENCE_BREAK = /(?<=[.!?]["”']?)\s+(?=["“`]*[A-Z])/;
export const PARAGRAPH_BREAK = /\n\s*\n/;

export const sentencesOf = (text: string): string[] => text.split(SENTENCE_BREAK).filter((s) => s.trim());
export const paragraphsOf = (text: string): string[] => text.split(PARAGRAPH_BREAK).filter((p) => p.trim());
/** Paragraphs as lists of sentences, and back. */
export const structure = (text: string): string[][] => paragraphsOf(text).map(sentencesOf);
export const join = (paragraphs: string[][]): string => paragraphs.map((p) => p.join(" ")).filter(Boolean).join("\n\n");

const WORD = /[\p{L}][\p{L}']*/gu;
/** A content word a spinner may swap: lowercase, three letters or more, not a function word. */
export const isContentWord = (w: string): boolean => /^[a-z]{3,}$/.test(w) && !STOPWORDS.has(w);

/**
 * Replaces `rate` of the text's content words (chosen at random among those `replace` has a word for);
 * `replace` returns the replacement or null. Returns the text and the share of content words replaced.
 */
export function replaceWords(text: string, rate: number, r: Random, replace: (word: string) => string | null): { text: string; changed: number } {
  const matches = [...text.matchAll(WORD)].filter((m) => isContentWord(m[0]));
  const options = new Map<number, string>();
  for (const m of matches) {
    const w = replace(m[0]);
    if (w !== null && w !== m[0]) options.set(m.index!, w);
  }
  const chosen = new Set(shuffle([...options.keys()], r).slice(0, Math.round(rate * matches.length)));
  let out = "";
  let last = 0;
  for (const m of matches) {
    if (!chosen.has(m.index!)) continue;
    out += text.slice(last, m.index) + options.get(m.index!);
    last = m.index! + m[0].length;
  }
  return { text: out + text.slice(last), changed: matches.length ? chosen.size / matches.length : 0 };
}

export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
