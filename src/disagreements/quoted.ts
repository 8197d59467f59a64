// The same quote put in different mouths: two independent sources quoting the same words, each with a
// named speaker, and the two speakers not one person ("Petrov" and "Aleksandr Petrov" are one).

import type { QuoteFinding } from "../model/index.js";
import type { Side, Conflict } from "./compare.js";
import type { Statement } from "./statements.js";
import { isContentToken, tokenize } from "./words.js";

export interface QuotedWords {
  statement: Statement;
  quote: QuoteFinding & { speaker: string };
  words: Set<string>;
  /** All its words, lowercased, for telling the very same short quote ("He didn't want to wait"). */
  plain: string;
  /** Folded words of the quote's sentence: where its speaker, or another, is named. */
  around: Set<string>;
}

export const QUOTE_DEFAULTS = {
  /** Share of the shorter quote's words the other must have to be the same quote. */
  minShare: 0.7,
  /** ...and at least this many words in common. */
  minShared: 4,
  /** Or the very same words, at least this many of them. */
  minSameWords: 5,
};

export function quotedWords(statement: Statement, quote: QuoteFinding & { speaker: string }): QuotedWords {
  const tokens = tokenize(quote.text);
  const text = statement.ref.article.text;
  const sentence = statement.ref.sentence;
  // The quote's own sentence, and the quote itself where it runs on past it.
  const around = quote.end !== undefined ? text.slice(sentence.start, Math.max(sentence.end, quote.end)) : sentence.text;
  return {
    statement, quote, words: new Set(tokens.filter(isContentToken).map((t) => t.stem)), plain: tokens.map((t) => t.lower).join(" "),
    around: new Set(nameWords(around)),
  };
}

export function speakerConflict(a: QuotedWords, b: QuotedWords, options = QUOTE_DEFAULTS): Conflict | null {
  const [small, large] = a.words.size <= b.words.size ? [a.words, b.words] : [b.words, a.words];
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  const same = a.plain === b.plain && a.plain.split(" ").length >= options.minSameWords;
  if (!same && (shared < options.minShared || shared / small.size < options.minShare)) return null;
  if (samePerson(a.quote.speaker, b.quote.speaker)) return null;
  // Each source must name its own speaker by the quote, and not the other's: when both people stand near
  // the quote, one source's attribution may only have been read differently.
  if (b.around.has(personKey(a.quote.speaker)) || a.around.has(personKey(b.quote.speaker))) return null;
  const words = a.quote.text.split(/\s+/);
  const subject = `who said “${words.slice(0, 6).join(" ")}${words.length > 6 ? "…" : ""}”`;
  const side = (q: QuotedWords): Side => ({ statement: q.statement, value: q.quote.speaker, key: personKey(q.quote.speaker) });
  return { kind: "speaker", subject, subjectKey: `speaker:${[...small].sort().slice(0, 8).join(" ")}`, sides: [side(a), side(b)] };
}

/** Folded words of a name: case, accents and a possessive dropped. */
function nameWords(name: string): string[] {
  return name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/['’]s\b/g, "").split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1);
}

function personKey(name: string): string {
  return nameWords(name).at(-1) ?? name.toLowerCase();
}

/** One person under two forms: the same surname, or one name's words all inside the other's. */
export function samePerson(a: string, b: string): boolean {
  const wa = nameWords(a);
  const wb = nameWords(b);
  if (wa.length === 0 || wb.length === 0) return true;
  if (wa.at(-1) === wb.at(-1)) return true;
  const [small, large] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  return small.every((w) => large.includes(w));
}
