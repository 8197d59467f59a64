// Where sources disagree: independent sources stating different numbers for the same thing in the same
// event ("14 countries signed" against "12 countries signed").
//
// A claim is a number with the words that follow it ("14 countries", "31 people"). Two claims conflict when
// they come from different copy families of one event, count the same thing, differ in value, and sit in
// sentences that otherwise say much the same; a source that states both values (a correction, "up from 12")
// is not taken as a side.

import type { Cite, Disagreement, SentenceRef, StoryMaterial } from "../model/index.js";
import { NUMBER_WORDS, numberValue } from "../text/numbers.js";
import { contentWordSet, jaccard } from "../text/similarity.js";
import { MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES } from "../text/tokens.js";

export const DISAGREEMENT_DEFAULTS = {
  /** The two sentences must share this much vocabulary besides the number to be about the same claim. */
  minContextJaccard: 0.2,
  /** Claims compared per counted thing and event: bounds the pairwise check in very large stories. */
  maxClaimsPerKey: 200,
  /** At most this many disagreements per story, the best supported first. */
  maxPerStory: 10,
};

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|${Object.keys(NUMBER_WORDS).join("|")})`;
/** A number, an optional scale or percent, then up to two words: what is counted. */
const CLAIM = new RegExp(String.raw`\b${NUMBER}(?:\s+(million|billion|thousand|percent|per cent|%))?\s+([a-z][a-z-]+)(?:\s+([a-z][a-z-]+))?`, "giu");
/** Counted things that are really dates, times or parts of a name. */
const NOT_COUNTED: ReadonlySet<string> = new Set([
  ...MONTH_NAMES, ...MONTH_ABBREVIATIONS, ...WEEKDAY_NAMES,
  ..."am pm a.m p.m of to and or the a in on at for by from per cent".split(" "),
]);

interface Claim {
  ref: SentenceRef;
  value: number;
  shown: string;
  counted: string[];
  context: Set<string>;
}

export function findDisagreements(material: StoryMaterial, options = DISAGREEMENT_DEFAULTS): Disagreement[] {
  const eventOf = new Map<string, string>();
  for (const e of material.events) for (const id of e.articles) eventOf.set(id, e.id);

  // Claims indexed by (event, counted word): only claims under one key are ever compared.
  const byKey = new Map<string, Claim[]>();
  for (const ref of material.sentences) {
    for (const claim of claimsIn(ref)) {
      for (const word of claim.counted) {
        const key = `${eventOf.get(ref.article.id) ?? ""}\u0000${word}`;
        const list = byKey.get(key) ?? [];
        if (list.length < options.maxClaimsPerKey) list.push(claim);
        byKey.set(key, list);
      }
    }
  }

  const found: Disagreement[] = [];
  const reported = new Set<string>();
  for (const [key, claims] of byKey) {
    const subject = key.split("\u0000")[1];
    const disagreement = conflictAmong(subject, claims, options);
    if (!disagreement) continue;
    const signature = disagreement.claims.flatMap((c) => c.cites.map((x) => `${x.article}#${x.sentence}`)).sort().join();
    if (reported.has(signature)) continue;
    reported.add(signature);
    found.push(disagreement);
  }
  return found
    .sort((a, b) => support(b) - support(a))
    .slice(0, options.maxPerStory);
}

function support(d: Disagreement): number {
  return d.claims.reduce((n, c) => n + c.cites.length, 0);
}

function claimsIn(ref: SentenceRef): Claim[] {
  const claims: Claim[] = [];
  const text = ref.sentence.text;
  for (const m of text.matchAll(CLAIM)) {
    const value = toNumber(m[1], m[2]);
    if (value === null) continue;
    // "in 2021", "the 2022 summit": years are dates, not counts.
    if (value >= 1900 && value <= 2100 && !m[2]) continue;
    const counted = [m[3], m[4]]
      .filter((w): w is string => !!w)
      .map((w) => singular(w.toLowerCase()))
      .filter((w) => !NOT_COUNTED.has(w) && w.length > 2);
    if (counted.length === 0) continue;
    const context = contentWordSet(text.replace(m[0], " "));
    claims.push({ ref, value, shown: m[0].slice(0, m[0].length - (m[4] ? m[4].length + 1 : 0)).trim(), counted, context });
  }
  return claims;
}

function conflictAmong(subject: string, claims: Claim[], options: typeof DISAGREEMENT_DEFAULTS): Disagreement | null {
  // A family that states two values under one key is reporting a change, not taking a side.
  const valuesByFamily = new Map<string, Set<number>>();
  for (const c of claims) {
    const values = valuesByFamily.get(c.ref.family) ?? new Set<number>();
    values.add(c.value);
    valuesByFamily.set(c.ref.family, values);
  }
  const sides = claims.filter((c) => valuesByFamily.get(c.ref.family)!.size === 1);
  const values = new Set(sides.map((c) => c.value));
  if (values.size < 2) return null;

  // Keep the claims that some claim of another value (and another family) backs up as "the same claim".
  const conflicting = sides.filter((a) =>
    sides.some((b) => b.value !== a.value && b.ref.family !== a.ref.family && jaccard(a.context, b.context) >= options.minContextJaccard),
  );
  const byValue = new Map<number, Claim[]>();
  for (const c of conflicting) byValue.set(c.value, [...(byValue.get(c.value) ?? []), c]);
  if (byValue.size < 2) return null;

  return {
    subject,
    claims: [...byValue.values()].map((group) => ({
      value: group[0].shown,
      text: group[0].ref.sentence.text,
      cites: uniqueCites(group.map((c) => ({ article: c.ref.article.id, sentence: c.ref.sentence.i }))),
    })),
  };
}

function uniqueCites(cites: Cite[]): Cite[] {
  const seen = new Set<string>();
  return cites.filter((c) => {
    const key = `${c.article}#${c.sentence}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toNumber(raw: string, scale: string | undefined): number | null {
  const base = numberValue(raw);
  if (base === null) return null;
  const factor = scale?.toLowerCase() === "million" ? 1e6 : scale?.toLowerCase() === "billion" ? 1e9 : scale?.toLowerCase() === "thousand" ? 1e3 : 1;
  return base * factor;
}

function singular(word: string): string {
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith("ses") || word.endsWith("xes")) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss") && word.length > 3) return word.slice(0, -1);
  return word;
}
