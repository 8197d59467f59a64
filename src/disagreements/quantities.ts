// Numbers a sentence states, with what they measure: "14 countries", "$1.2 billion", "72 hours",
// "about 300 gauges", "a 6.1-magnitude quake". Years, clock times, days of the month and ordinals are not
// quantities (dates are compared on their own).

import { NUMBER_WORDS } from "../text/numbers.js";
import { MONTH_ABBREVIATIONS, MONTH_NAMES, STOPWORDS } from "../text/tokens.js";
import { clauseBefore } from "./polarity.js";
import { singular, type Token } from "./words.js";

/** What a number measures, for telling a figure from a count and for comparing like with like. */
export type QuantityClass = "money" | "percent" | "duration" | "measure" | "count";

export interface Quantity {
  value: number;
  cls: QuantityClass;
  /** Written with "about", "more than", "nearly"…: a near value is no contradiction. */
  hedged: boolean;
  /** Written with a scale word ("1.2 billion"): a rounder number of the same amount is no contradiction. */
  scaled: boolean;
  /** Stems of what is counted or measured ("country", "hour"), and of the word before the number. */
  units: string[];
  before: string | null;
  /** The counted noun, singular, for the subject ("country"); null when nothing follows. */
  noun: string | null;
  /** The number as written with its unit: "12 countries", "$1.2 billion". */
  shown: string;
  /** Token indexes [first, last] the quantity covers. */
  from: number;
  to: number;
}

const HEDGES = new Set("about around some nearly almost approximately roughly over under least most estimated up than".split(" "));
const SCALES: Readonly<Record<string, number>> = { hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, mn: 1e6, m: 1e6, k: 1e3 };
const CURRENCY_SYMBOLS = new Set(["$", "€", "£"]);
const CURRENCY_WORDS = new Set("dollar dollars euro euros pound pounds yen yuan rupee rupees franc francs rouble roubles ruble rubles usd eur gbp".split(" "));
const PERCENT = new Set(["%", "percent", "pc"]);
/** Durations in hours, so "72 hours" and "three days" are one figure. */
const DURATION: Readonly<Record<string, number>> = {
  second: 1 / 3600, minute: 1 / 60, hour: 1, day: 24, week: 168, month: 730, year: 8760,
};
const MEASURES = new Set(
  `km kilometre kilometer mile metre meter feet foot inch cm mm kg kilogram gram tonne ton pound litre liter
  gallon acre hectare barrel degree magnitude point mph knot megawatt gigawatt watt volt ghz mhz gb mb tb`.split(/\s+/),
);
const CALENDAR = new Set<string>([...MONTH_NAMES, ...MONTH_ABBREVIATIONS]);
/** After a number, these make it a time of day or an ordinal, not a quantity. */
const NOT_AFTER = new Set(["am", "pm", "a", "p", "gmt", "utc", "st", "nd", "rd", "th", "o'clock", "bst", "est", "cet"]);
const YEAR_BEFORE = new Set(["in", "since", "of", "by", "until", "from", "to", "between", "early", "late", "mid", "during", "before", "after", "the", "and", "year", "season", "summer", "winter", "spring", "autumn"]);
const QUALIFIERS = new Set(["other", "more", "new", "additional", "further", "separate", "different"]);
const TENS = new Set(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]);
const MORE_WORDS: Readonly<Record<string, number>> = { sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

function wordValue(lower: string): number | null {
  return NUMBER_WORDS[lower] ?? MORE_WORDS[lower] ?? null;
}

/** The quantities of a sentence, from its tokens and its text (for `shown`). */
export function quantitiesIn(text: string, tokens: Token[]): Quantity[] {
  const out: Quantity[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    let value: number | null;
    let j = i;
    if (t.digits) {
      if (/,\d{1,2}$|,\d{4}|:/.test(t.text)) continue; // "1,5" or "12,3456": not a number as English writes it
      value = Number(t.text.replace(/,/g, ""));
    } else {
      value = wordValue(t.lower);
      if (value === null || t.lower === "one" || t.lower === "dozen") continue; // "one of", "dozen" alone: too vague
      // "twenty-five", "two hundred"
      if (TENS.has(t.lower) && tokens[i + 1] && (wordValue(tokens[i + 1].lower) ?? 10) < 10) value += wordValue(tokens[++j].lower)!;
    }
    if (!Number.isFinite(value)) continue;
    const prev = tokens[i - 1];
    const next = tokens[j + 1];
    // "0845 125 222", "31 - 24": phone numbers and scores, not quantities.
    if (t.digits && (prev?.digits || next?.digits)) continue;
    // Parts of dates and times: "March 5", "5 March", "10:30", "3 p.m.", "1st".
    if (prev && CALENDAR.has(prev.lower) && t.digits) continue;
    if (next && (CALENDAR.has(next.lower) || (NOT_AFTER.has(next.lower) && (next.glued || next.lower !== "a")))) continue;
    if (t.digits && /^\d{4}$/.test(t.text) && value >= 1800 && value <= 2100 && isYear(prev, next)) continue;
    let k = j + 1;
    let scaled = false;
    const scale = tokens[k] && SCALES[tokens[k].lower];
    if (scale && (tokens[k].lower.length > 2 || tokens[k].glued)) {
      value *= scale;
      scaled = scale >= 1e6 || !t.digits;
      k++;
    }
    let cls: QuantityClass = "count";
    let unitAt = k;
    if (prev && CURRENCY_SYMBOLS.has(prev.text)) cls = "money";
    if (tokens[k] && CURRENCY_WORDS.has(tokens[k].lower)) cls = "money";
    if (tokens[k] && PERCENT.has(tokens[k].lower)) {
      cls = "percent";
      unitAt = k + 1;
    } else if (tokens[k]?.lower === "per" && tokens[k + 1]?.lower === "cent") {
      cls = "percent";
      unitAt = k + 2;
    }
    const unitWords = [tokens[unitAt], tokens[unitAt + 1], tokens[unitAt + 2]].filter((u): u is Token => !!u && !u.digits && !STOPWORDS.has(u.lower) && !CALENDAR.has(u.lower));
    // The counted noun is the next word, or the one after it when the next is an adjective ("14 African countries").
    // ...or after "other", "more", "new" ("eleven other men", "200 new features").
    const counted = tokens[unitAt] && QUALIFIERS.has(tokens[unitAt].lower) ? tokens[unitAt + 1] : tokens[unitAt];
    const firstUnit = counted && unitWords.includes(counted) ? counted : null;
    const unit = firstUnit ? singular(firstUnit.lower) : null;
    if (cls === "count" && unit !== null) {
      if (DURATION[unit] !== undefined) {
        cls = "duration";
        value *= DURATION[unit];
      } else if (MEASURES.has(unit)) cls = "measure";
    }
    if (cls === "count" && !scaled && t.digits && /\./.test(t.text)) cls = "measure";
    const hedged = !!prev && (HEDGES.has(prev.lower) || (prev.lower === "than" && !!tokens[i - 2]));
    const from = prev && CURRENCY_SYMBOLS.has(prev.text) ? i - 1 : i;
    const to = firstUnit ? tokens.indexOf(firstUnit, unitAt) : Math.max(j, k - 1);
    const before = clauseBefore(text, tokens, from, 3).reverse().find((b) => !b.digits && !STOPWORDS.has(b.lower) && !HEDGES.has(b.lower));
    out.push({
      value, cls, hedged, scaled,
      // A duration is named by what lasts ("72 hours' notice", "three days of talks"), not by its unit.
      units: cls === "duration" ? tokens.slice(unitAt + 1, unitAt + 4).filter(isWord).slice(0, 2).map((u) => u.stem) : unitWords.map((u) => u.stem),
      before: before?.stem ?? null,
      noun: unit,
      shown: text.slice(tokens[from].start, tokens[to].end), from, to,
    });
    i = Math.max(i, to);
  }
  return out;
}

const isWord = (t: Token) => !t.digits && !STOPWORDS.has(t.lower) && t.lower.length > 1;

function isYear(prev: Token | undefined, next: Token | undefined): boolean {
  if (!next || STOPWORDS.has(next.lower) || CALENDAR.has(next.lower)) return true;
  if (prev && YEAR_BEFORE.has(prev.lower)) return !next.lower.endsWith("s") || STOPWORDS.has(next.lower);
  return !next.lower.endsWith("s");
}

/** Two quantities that can be the same amount as written: equal, or near when one is hedged or rounded. */
export function sameAmount(a: Quantity, b: Quantity): boolean {
  if (a.value === b.value) return true;
  const [small, large] = a.value <= b.value ? [a.value, b.value] : [b.value, a.value];
  if (large === 0) return false;
  if ((a.hedged || b.hedged) && small / large >= 0.85) return true;
  // "$1.2 billion" and "$1.23 billion": the scaled one is the other rounded.
  const rounded = (q: Quantity, other: Quantity) => q.scaled && roundTo(other.value, significant(q.value)) === q.value;
  return rounded(a, b) || rounded(b, a);
}

function significant(n: number): number {
  const digits = String(n).replace(/e.*$/, "").replace(".", "").replace(/^0+/, "").replace(/0+$/, "");
  return Math.max(1, digits.length);
}

function roundTo(n: number, digits: number): number {
  if (n === 0) return 0;
  const p = Math.pow(10, digits - Math.ceil(Math.log10(Math.abs(n))));
  return Math.round(n * p) / p;
}

/** Money with money, a duration with a duration; a count with a count or a bare measure. */
export function comparable(a: Quantity, b: Quantity): boolean {
  if (a.cls === b.cls) return true;
  const loose = (c: QuantityClass) => c === "count" || c === "measure";
  return loose(a.cls) && loose(b.cls);
}

/**
 * A count of things ("14 countries", "55 million viewers") or a figure: money, a percent, a measure, a
 * duration, or a number with nothing counted after it ("grossed 141 million").
 */
export function kindOf(q: Quantity): "figure" | "count" {
  return q.cls === "count" && q.noun !== null ? "count" : "figure";
}
