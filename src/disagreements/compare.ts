// Two statements of different sources about the same thing: what in them cannot both be true. The words
// the two share say they are about the same thing; what is left over on each side (a number, a date, a
// negation the other lacks) is where they part. A paraphrase or an added detail leaves nothing over on one
// side, so it is no contradiction.

import type { DisagreementKind } from "../model/index.js";
import { clauseAfter, clauseBefore } from "./polarity.js";
import { comparable, kindOf, sameAmount, type Quantity } from "./quantities.js";
import { differentSubjects, overlap, type Statement } from "./statements.js";
import { comparableDates, sameDate, type DateMention } from "./when.js";

export const COMPARE_DEFAULTS = {
  /** Share of the smaller statement's topic words the other must have to be about the same thing. */
  minShare: 0.6,
  /** ...and at least this many topic words in common. */
  minShared: 3,
  /** A lone leftover number on each side is the same slot when the statements are this close. */
  loneShare: 0.6,
  /** A negation the other side lacks contradicts it when the statements share this much. */
  denialShare: 0.5,
  /** Topic words on either side of a date that tie it to what happened on it. */
  dateReach: 3,
  /** How far before a word a negation still reaches it ("no plans to resign"). */
  negationReach: 4,
};

export type CompareOptions = typeof COMPARE_DEFAULTS;

/** One side of a conflict: its statement, what it says in a few words, and a key for "says the same". */
export interface Side {
  statement: Statement;
  value: string;
  key: string;
}

export interface Conflict {
  kind: DisagreementKind;
  /** Readable subject and a key that groups conflicts about the same thing. */
  subject: string;
  subjectKey: string;
  sides: [Side, Side];
  /** For numbers: what is counted and the two values, so a source stating both can be told. */
  unit?: string;
  values?: [number, number];
}

export function conflictsBetween(a: Statement, b: Statement, options: CompareOptions = COMPARE_DEFAULTS): Conflict[] {
  const { share, shared } = overlap(a, b);
  if (shared < options.minShared - 1) return [];
  const out: Conflict[] = [];
  if (share >= options.minShare && shared >= options.minShared && !differentSubjects(a, b)) {
    const numbers = quantityConflicts(a, b);
    const dates = dateConflicts(a, b, share, options);
    // Other figures on another date ("settled in 1981 … $80,000", "settled in 1991 … $26.5 million") are
    // two happenings, not two accounts of one.
    if (numbers.length === 0 || dates.length === 0) out.push(...numbers, ...dates);
  }
  if (share >= options.denialShare && shared >= options.minShared) out.push(...denials(a, b, options), ...denials(b, a, options));
  return out;
}

function quantityConflicts(a: Statement, b: Statement): Conflict[] {
  const leftover = (x: Quantity[], y: Quantity[]) => x.filter((q) => !y.some((r) => comparable(q, r) && sameAmount(q, r)));
  const restA = leftover(a.quantities, b.quantities);
  const restB = leftover(b.quantities, a.quantities);
  const out: Conflict[] = [];
  const used = new Set<Quantity>();
  for (const qa of restA) {
    // The same slot: what is counted, or the word before the number ("delegates from 14 countries" and
    // "delegates from 12 nations"); two durations must last for the same thing ("days of talks").
    // ...and only one number in that slot on each side: "up to 16GB of RAM and 768GB of storage" has two.
    const slot = (x: Quantity, list: Quantity[]) => list.filter((q) => comparable(x, q) && sharedUnit(x, q) !== null);
    const candidates = slot(qa, restB);
    if (candidates.length !== 1 || used.has(candidates[0]) || slot(candidates[0], restA).length !== 1) continue;
    const qb = candidates[0];
    used.add(qb);
    const kind = kindOf(qa) === "figure" || kindOf(qb) === "figure" ? "figure" : "count";
    const unit = sharedUnit(qa, qb);
    const subject = qa.noun ?? qb.noun ?? unit ?? "figure";
    out.push({
      kind, subject, subjectKey: `${kind}:${unit ?? subject}`, unit: unit ?? undefined, values: [qa.value, qb.value],
      sides: [{ statement: a, value: qa.shown, key: String(qa.value) }, { statement: b, value: qb.shown, key: String(qb.value) }],
    });
  }
  // Two accounts of one thing part on one number; statements whose numbers all differ ("six rifles, 12
  // magazines" against "a total of 14 rifles, 31 magazines") are tallies of different things.
  return out.length === 1 ? out : [];
}

/** What the two numbers count: a unit word in common, or the word before them ("magnitude 6.1"). */
function sharedUnit(a: Quantity, b: Quantity): string | null {
  const unit = a.units.find((u) => b.units.includes(u));
  if (unit) return unit;
  return a.before !== null && a.before === b.before ? a.before : null;
}

function dateConflicts(a: Statement, b: Statement, share: number, options: CompareOptions): Conflict[] {
  const leftover = (x: DateMention[], y: DateMention[]) => x.filter((d) => !y.some((e) => sameDate(d, e)));
  const restA = leftover(a.dates, b.dates);
  const restB = leftover(b.dates, a.dates);
  if (restA.length === 0 || restB.length === 0) return [];
  // Several leftover dates on a side cannot be paired with any confidence unless the statements are close.
  if ((restA.length > 1 || restB.length > 1) && share < options.loneShare) return [];
  for (const da of restA) {
    // The date must belong to the same happening: a topic word near it on both sides ("signed on Thursday").
    const db = restB.find((d) => comparableDates(da, d) && samePrecision(da, d) && sharesNeighbour(a, da, b, d, options));
    if (!db) continue;
    const subject = `date of ${nearestSharedWord(a, da, b) ?? "the event"}`;
    return [{
      kind: "date", subject, subjectKey: `date:${subject}`,
      sides: [{ statement: a, value: da.value ?? da.text, key: da.value ?? da.written! }, { statement: b, value: db.value ?? db.text, key: db.value ?? db.written! }],
    }];
  }
  return [];
}

function sharesNeighbour(a: Statement, da: DateMention, b: Statement, db: DateMention, options: CompareOptions): boolean {
  const near = (s: Statement, d: DateMention) => {
    const before = s.tokens.filter((t) => t.end <= d.start && s.stems.has(t.stem)).slice(-options.dateReach);
    const after = s.tokens.filter((t) => t.start >= d.end && s.stems.has(t.stem)).slice(0, options.dateReach);
    return new Set([...before, ...after].map((t) => t.stem));
  };
  const nearB = near(b, db);
  for (const w of near(a, da)) if (nearB.has(w)) return true;
  return false;
}

function samePrecision(a: DateMention, b: DateMention): boolean {
  return a.value && b.value ? a.value.length === b.value.length : true;
}

/** The topic word both statements share that stands nearest before the date ("signed" in "signed on Thursday"). */
function nearestSharedWord(a: Statement, date: DateMention, b: Statement): string | null {
  const before = a.tokens.filter((t) => t.end <= date.start && b.stems.has(t.stem) && a.stems.has(t.stem));
  const after = a.tokens.filter((t) => t.start >= date.end && b.stems.has(t.stem) && a.stems.has(t.stem));
  const word = before.at(-1) ?? after[0];
  return word ? word.lower : null;
}

/** `denier` negates a word `affirmer` states plainly: "no meeting took place" against "the two met". */
function denials(affirmer: Statement, denier: Statement, options: CompareOptions): Conflict[] {
  const out: Conflict[] = [];
  const text = denier.ref.sentence.text;
  for (const n of denier.negations) {
    if (!affirmer.stems.has(n.head) || negates(affirmer, n.head, options)) continue;
    // What is negated must be what the other states: a topic word of the negated clause besides its head
    // ("no meeting WITH WANJIRU", "PETROV did not meet") is the other's too. "…because we didn't know" is not.
    const scope = [
      ...clauseBefore(text, denier.tokens, n.at, options.negationReach),
      ...clauseAfter(text, denier.tokens, n.headAt, n.denial ? 2 * options.negationReach : options.negationReach, n.denial),
    ];
    if (!scope.some((t) => t.stem !== n.head && denier.stems.has(t.stem) && affirmer.stems.has(t.stem))) continue;
    // Only a negation in the shared part: "…, though the cause was not known" adds a detail, denies nothing.
    const headToken = affirmer.tokens.find((t) => t.stem === n.head)!;
    const next = affirmer.tokens.find((t) => t.start > headToken.start && denier.stems.has(t.stem) && affirmer.stems.has(t.stem));
    const subject = next ? `${headToken.lower} ${next.text}` : headToken.lower;
    out.push({
      kind: "denial", subject, subjectKey: `denial:${n.head}`,
      sides: [{ statement: affirmer, value: "reported", key: "reported" }, { statement: denier, value: "denied", key: "denied" }],
    });
    break;
  }
  return out;
}

/** Whether a statement negates `head` itself: a negation with that head, or one just before the word. */
function negates(s: Statement, head: string, options: CompareOptions): boolean {
  if (s.negations.some((n) => n.head === head)) return true;
  return s.tokens.some((t, i) => t.stem === head && s.negations.some((n) => n.at < i && i - n.at <= options.negationReach));
}
