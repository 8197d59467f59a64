// The dates a sentence gives, for telling "signed on Thursday" from "signed on Wednesday". A date the facts
// stage resolved against the article's own date compares by value (so one source's "yesterday" and another's
// "on Thursday" agree); a date it could not resolve (an undated article) compares as written, weekday with
// weekday, day of a month with day of a month, year with year.

import type { TimeFinding } from "../model/index.js";
import { MONTH_NAMES, WEEKDAY_NAMES } from "../text/tokens.js";

export interface DateMention {
  /** Offsets into the sentence. */
  start: number;
  end: number;
  text: string;
  /** The resolved value (YYYY, YYYY-MM or YYYY-MM-DD), when the facts stage resolved it. */
  value: string | null;
  /** Otherwise the date as written, normalised by form: "weekday:thursday", "day:03-05", "year:2021". */
  written: string | null;
}

const MONTH = MONTH_NAMES.join("|");
const WRITTEN = new RegExp(
  String.raw`\b(?:(${WEEKDAY_NAMES.join("|")})|(${MONTH})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?|(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${MONTH})\b(?:,?\s+(\d{4}))?|(?:in|since|of|during)\s+(${MONTH})(?:\s+(\d{4}))?|(?:in|since|of|during|by)\s+((?:19|20)\d{2})\b)`,
  "giu",
);

/** The dates of one sentence: the facts stage's resolved ones first, then those it left unresolved. */
export function datesIn(text: string, sentenceStart: number, times: readonly TimeFinding[]): DateMention[] {
  const out: DateMention[] = times.map((t) => ({
    start: t.start - sentenceStart, end: t.end - sentenceStart, text: t.text, value: t.date, written: null,
  }));
  const covered = (s: number, e: number) => out.some((d) => d.start < e && s < d.end);
  for (const m of text.matchAll(WRITTEN)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (covered(start, end)) continue;
    const written = writtenKey(m);
    if (written) out.push({ start, end, text: m[0], value: null, written });
  }
  return out;
}

function writtenKey(m: RegExpMatchArray): string | null {
  const month = (name: string) => String(MONTH_NAMES.indexOf(name.toLowerCase() as (typeof MONTH_NAMES)[number]) + 1).padStart(2, "0");
  if (m[1]) return `weekday:${m[1].toLowerCase()}`;
  if (m[2]) return `day:${m[4] ?? "????"}-${month(m[2])}-${m[3].padStart(2, "0")}`;
  if (m[6]) return `day:${m[7] ?? "????"}-${month(m[6])}-${m[5].padStart(2, "0")}`;
  if (m[8]) return `month:${m[9] ?? "????"}-${month(m[8])}`;
  if (m[10]) return `year:${m[10]}`;
  return null;
}

/**
 * Whether two dates can be the same day as written: resolved values when both have one (one may be the
 * other at a coarser precision: 2022-07 and 2022-07-07), written forms of one kind otherwise. Dates that
 * cannot be compared (one resolved, one not; a weekday against a year) are taken to agree.
 */
export function sameDate(a: DateMention, b: DateMention): boolean {
  if (a.value && b.value) return a.value.startsWith(b.value) || b.value.startsWith(a.value);
  if (a.written && b.written) {
    const [ka, va] = splitKey(a.written);
    const [kb, vb] = splitKey(b.written);
    if (ka !== kb) return true;
    return sameWritten(va, vb);
  }
  return true;
}

/** Dates that can be compared at all (so that their difference is a contradiction, not a gap). */
export function comparableDates(a: DateMention, b: DateMention): boolean {
  if (a.value && b.value) return true;
  if (a.written && b.written) return splitKey(a.written)[0] === splitKey(b.written)[0];
  return false;
}

function splitKey(key: string): [string, string] {
  const i = key.indexOf(":");
  return [key.slice(0, i), key.slice(i + 1)];
}

/** "????-03-05" (no year written) matches "2021-03-05". */
function sameWritten(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && a[i] !== "?" && b[i] !== "?") return false;
  return true;
}
