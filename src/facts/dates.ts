// Time expressions: finds dates in an article's sentences and resolves them against its publication date.
//
// Orientation rules. News reports what happened, so the default direction is the past:
// - A bare weekday ("on Thursday", "Monday night") is the most recent such day ON OR BEFORE publication:
//   a Thursday article's "on Thursday" is that same day (same-day reporting is the norm in news).
// - A bare month ("in July", "early July") is the most recent such month on or before the publication month;
//   a month and day without a year ("February 24") the most recent such day on or before publication.
// - Those three go forward only when their own clause is in the future tense ("will meet on Monday",
//   "is due to vote in July", or a scheduling verb in the present: "the session ends on Saturday";
//   the last tense marker between the clause start and the date is a future one)
//   and they do not follow "since". A weekday then means the next one strictly after publication (written on
//   a Thursday, a future "on Thursday" is next week, or the writer would say "today"); a month or month-day
//   the next one on or after publication.
// - "last X" is strictly before, "next X" strictly after; "this July" is July of the publication year.
// - Precision: "last/this/next week" → month of (publication ∓ 7 days): a week has no PartialDate and day
//   precision would be invented. "N days/weeks ago" → day (a week ago names a day); "N months ago",
//   "last month" → month; "N years ago", "last year" → year.
// - Without a publication date only expressions that carry their own year resolve.
// Not handled on purpose: numeric dates like 3/2/2023 (US and European order clash), seasons, weekends.

import type { Article, DatePrecision, TimeFinding } from "../model/index.js";

interface Ymd {
  y: number;
  m: number; // 1–12
  d: number;
}

interface Resolved {
  date: string;
  precision: DatePrecision;
}

/** What a resolver knows about the match's surroundings. */
interface Scope {
  pub: Ymd | null;
  /** The sentence and the match's offset in it: for the words around the match and the tense check. */
  sentence: string;
  index: number;
  /** Where the match ends: the word after it may be its verb ("a court Thursday refused"). */
  end: number;
}

/** A resolved match; `from` moves its start back over a word that belongs to it ("last" in "last July"). */
interface Found extends Resolved {
  from?: number;
}

type Resolver = (m: RegExpExecArray, scope: Scope) => Found | null;

interface Rule {
  /** Something every match contains: a sentence without it skips the rule at the cost of one quick test. */
  hint?: RegExp;
  re: RegExp;
  resolve: Resolver;
}

// ---------------------------------------------------------------------------------------------------------
// Calendar arithmetic (UTC day numbers, so no time zone can shift a date).

const DAY_MS = 86_400_000;

function dayNumber(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromDayNumber(n: number): Ymd {
  const t = new Date(n * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad = (n: number): string => String(n).padStart(2, "0");

function dayDate(p: Ymd): Resolved {
  return { date: `${p.y}-${pad(p.m)}-${pad(p.d)}`, precision: "day" };
}

function monthDate(y: number, m: number): Resolved {
  // Normalise month overflow from "next month" / "3 months ago".
  const k = y * 12 + (m - 1);
  return { date: `${Math.floor(k / 12)}-${pad((k % 12) + 1)}`, precision: "month" };
}

function yearDate(y: number): Resolved {
  return { date: String(y), precision: "year" };
}

function shiftDays(p: Ymd, days: number): Ymd {
  return fromDayNumber(dayNumber(p.y, p.m, p.d) + days);
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parsePublished(published: string | null): Ymd | null {
  const m = published ? ISO_DAY.exec(published) : null;
  if (!m) return null;
  const p = { y: +m[1], m: +m[2], d: +m[3] };
  return validDay(p.y, p.m, p.d) ? p : null;
}

function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

// ---------------------------------------------------------------------------------------------------------
// Vocabulary.

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]; // getUTCDay order

const monthIndex = (name: string): number => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
const weekdayIndex = (name: string): number => WEEKDAYS.indexOf(name.slice(0, 3).toLowerCase());

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100,
};

const MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December";
// Abbreviations only ever combine with a day or a year ("Feb. 24", "Sept 2021"): bare "Mar" or "Jun" is noise.
const MONTH_ANY = `(?:(?:${MONTH_FULL})\\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\b\\.?)`;
const WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
const YEAR = "((?:19|20)\\d{2})";
// A year given after a month or a day: "March 5, 2022", "5 March of 2022", "March 5 last year".
const YEAR_TAIL = `(?:,?\\s+(?:of\\s+)?${YEAR}\\b|\\s+(?:of\\s+)?(last|this|next)\\s+year\\b)?`;
// A number that continues ("April 1,000", "May 3.5") is not a day.
const NOT_NUMBER = "(?![.,]?\\d)";

// Words that make a bare month or year a date. Each rule's regex starts at the date itself (fast to scan);
// the word before it is checked afterwards.
const PREPOSITIONS = new Set(
  ["in", "since", "until", "till", "by", "from", "during", "through", "before", "after", "of", "between"],
);
// May is also a name (Theresa May): only words no one puts before a person ("a speech by May", "after May said").
const MAY_PREPOSITIONS = new Set(["in", "since", "until", "till", "during", "through"]);
const YEAR_PREPOSITIONS = new Set([...PREPOSITIONS, "spring", "summer", "autumn", "fall", "winter"]);
// Words that qualify a month or year and belong to the expression ("last July", "mid-2021").
const MONTH_MODIFIERS = new Set(["last", "next", "this", "early", "late", "mid"]);
const PART_MODIFIERS = new Set(["early", "late", "mid"]);
const WEEKDAY_MODIFIERS = new Set(["last", "next", "this", "early", "late"]);
const PERIOD_MODIFIERS = new Set(["earlier", "later", "early", "late"]);
// Words before a weekday that make it a date even when a capitalised word follows ("on Tuesday President X said").
const WEEKDAY_TRIGGERS = new Set(["on", "since", "until", "till", "by", "from", "before", "after"]);
// Words before a weekday that make it generic or part of a name: "every Monday", "the Sunday Times".
const WEEKDAY_GENERIC = new Set(["a", "an", "the", "every", "each", "any", "one", "following", "previous", "same"]);

// Cheap gate: a sentence without any of these cannot hold a time expression, and most sentences have none.
const MAYBE_TIME =
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)|\b(?:19|20)\d\d\b|\b(?:[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow|ago|[Ll]ast (?:week|month|year|night)|[Tt]his (?:week|month|year|morning|afternoon|evening)|[Nn]ext (?:week|month|year))\b/;

// Tense markers in the clause before a bare date. The last one wins: "will meet on Friday" points forward;
// reported plans too ("said he would travel on Sunday", "planned a march on Saturday", "expected to be charged"),
// but not a relative clause's "would" ("found a box that would hold a shotgun ... Monday evening").
// "will be sentenced after he was convicted on Tuesday" and "will resign, officials said on Tuesday" do not.
const TENSE_MARKER =
  /\b(?:(will|shall|won[’']t|(?<!\b(?:that|which|who)\s+)would|must|(?:is|are|am)\s+(?:not\s+)?(?:due|scheduled|expected|set|slated|going|planning)|plan(?:s|ned|ning)?\s+to|(?<!\b(?:a|an|the|its|his|her|their)\s+)planned|to\s+be\s+(?:\p{L}+ed|held|built|sent|made|done|given|taken|paid|sold|set|run|shown|seen)|payable|upcoming|(?:begins|starts|opens|reopens|ends|closes|resumes|convenes|takes\s+place|kicks\s+off))|(could)|was|were|had|did|said|told)\b|([’']ll)\b/giu;
// For a month and day with no tense marker above, the verb just before it: common irregular pasts and -ed
// verbs, but not a participle after "be" or "get" ("must be returned by Jan. 14" is no past); "must" points on.
const PAST_VERB =
  /\b(?:(must|reconvenes)|(?<!\b(?:be|been|being|is|are|am|get|gets|getting|to)\s+)(?:began|came|went|took|made|met|saw|fell|rose|won|lost|left|held|got|gave|became|ran|sent|spent|struck|broke|brought|bought|found|kept|led|paid|sold|stood|wrote|spoke|chose|flew|grew|knew|threw|fought|caught|sought|built|felt|heard|fled|drew|withdrew|\p{L}+(?<!ee)ed))\b/giu;
// Where a clause starts, looking back from the date. Not commas, quotes or brackets: they open inside a clause
// ("will fly to Sydney, then Melbourne on May 16").
const CLAUSE_BOUNDARY = /[;:—–]/;
// A relative clause after a comma is a clause of its own: "hoped she would bring aid to Kenya, where the Aug. 7
// blasts killed 257 people".
const RELATIVE_CLAUSE = /,\s+(?:where|which|who|whom|whose|when)\s/g;
const TENSE_WINDOW = 160;
// A past verb right beside a date is its own verb, whatever the clause says: "would appeal the decision,
// announced Wednesday", "will stay even after a court Thursday refused", "a session that stretched late into
// Tuesday night". Not a participle after "be" or a
// scheduling one ("will be announced Monday", "postponed until Friday", "expected Monday").
const PAST_FORMS = String.raw`(?:said|told|began|came|went|took|made|met|saw|fell|rose|won|lost|left|held|gave|became|ran|sent|spent|struck|broke|brought|found|kept|led|paid|sold|stood|wrote|spoke|flew|fled|drew|\p{L}+(?<!ee)ed)`;
const SCHEDULING = /^(?:scheduled|rescheduled|planned|expected|slated|postponed|adjourned|delayed|deferred|moved|pushed|needed|wanted|hoped|aimed|intended|proposed)$/i;
const PAST_VERB_BEFORE = new RegExp(String.raw`(?<!\b(?:be|been|being|is|are|am|get|gets|getting|to|will|would|must)\s+)\b(${PAST_FORMS})\s+(?:(?:late|early)\s+)?(?:(?:on|in|into|at|by|from|through|since|until|till)\s+)?$`, "iu");
const PAST_VERB_AFTER = new RegExp(String.raw`^\s+(${PAST_FORMS})\b`, "iu");

/** Whether a bare date at `index` (ending at `end`) points forward: its clause is in the future tense and it is
 *  not "since X". */
function pointsForward(sentence: string, index: number, end: number): boolean {
  return clauseTense(sentence, index, end) === "future";
}

/** The tense of the clause before a bare date by its last tense marker, or null when it has none. */
export function clauseTense(sentence: string, index: number, end: number): "future" | "past" | null {
  if (wordBefore(sentence, index)?.lower === "since") return "past";
  const before = PAST_VERB_BEFORE.exec(sentence.slice(Math.max(0, index - 32), index));
  if (before && !SCHEDULING.test(before[1])) return "past";
  const after = PAST_VERB_AFTER.exec(sentence.slice(end, end + 24));
  if (after && !SCHEDULING.test(after[1])) return "past";
  let from = Math.max(0, index - TENSE_WINDOW);
  for (let i = index - 1; i >= from; i--) {
    if (CLAUSE_BOUNDARY.test(sentence[i])) {
      from = i + 1;
      break;
    }
  }
  const clause = sentence.slice(from, index);
  let opens = 0;
  for (const m of clause.matchAll(RELATIVE_CLAUSE)) opens = m.index + m[0].length;
  let tense: "future" | "past" | null = null;
  // "could" says nothing either way ("could not be reached Wednesday", "could take until December").
  for (const m of clause.slice(opens).matchAll(TENSE_MARKER)) tense = m[1] !== undefined || m[3] !== undefined ? "future" : m[2] !== undefined ? null : "past";
  return tense;
}

// ---------------------------------------------------------------------------------------------------------
// Resolution helpers.

/** The weekday `wd` nearest to `pub` in direction: "onOrBefore", "before" (strictly), "after" (strictly). */
function weekdayFrom(pub: Ymd, wd: number, direction: "onOrBefore" | "before" | "after"): Ymd {
  const today = dayNumber(pub.y, pub.m, pub.d);
  const pubWd = new Date(today * DAY_MS).getUTCDay();
  if (direction === "after") return fromDayNumber(today + (((wd - pubWd + 6) % 7) + 1));
  const back = (pubWd - wd + 7) % 7;
  return fromDayNumber(today - (back === 0 && direction === "before" ? 7 : back));
}

/** The year of month `m` as seen from `pub`: "onOrBefore"/"before" the publication month, or "onOrAfter". */
function monthYear(pub: Ymd, m: number, direction: "onOrBefore" | "before" | "onOrAfter" | "after"): number {
  switch (direction) {
    case "onOrBefore": return m <= pub.m ? pub.y : pub.y - 1;
    case "before": return m < pub.m ? pub.y : pub.y - 1;
    case "onOrAfter": return m >= pub.m ? pub.y : pub.y + 1;
    case "after": return m > pub.m ? pub.y : pub.y + 1;
  }
}

const RELATIVE_YEAR: Record<string, number> = { last: -1, this: 0, next: 1 };
/** How far back a month and day in a future clause may still be the one just gone. */
const RECENT_PAST_DAYS = 31;

/** A month and day, with the year as written, relative ("last year"), or inferred around publication. */
function resolveMonthDay(month: number, day: number, year: string | undefined, rel: string | undefined, scope: Scope): Resolved | null {
  if (day < 1 || day > 31) return null;
  let y: number;
  if (year) y = +year;
  else if (!scope.pub) return null;
  else if (rel) y = scope.pub.y + RELATIVE_YEAR[rel.toLowerCase()];
  else {
    const pub = scope.pub;
    const pubDay = dayNumber(pub.y, pub.m, pub.d);
    const yearBefore = (future: boolean): number => {
      // Past: not after publication; future: not before it. Feb 29 walks on to a leap year.
      let year = pub.y;
      for (let tries = 0; tries < 8; tries++) {
        const fits = validDay(year, month, day) && (future ? dayNumber(year, month, day) >= pubDay : dayNumber(year, month, day) <= pubDay);
        if (fits) break;
        year += future ? 1 : -1;
      }
      return year;
    };
    const weekday = weekdayWritten(scope);
    const tense = clauseTense(scope.sentence, scope.index, scope.end) ?? verbNearBefore(scope.sentence, scope.index);
    const past = yearBefore(false);
    const next = yearBefore(true);
    const distance = (c: number) => (validDay(c, month, day) ? Math.abs(dayNumber(c, month, day) - pubDay) : Infinity);
    if (tense === "future") {
      // A future clause about a day of the last month is reported speech about a deadline that has passed
      // ("ordered that the boy must be returned by Jan. 14", written Jan. 15), not one a year on.
      y = distance(past) <= RECENT_PAST_DAYS ? past : next;
    } else if (tense === "past") y = past;
    else {
      // No tense to go by ("by Jan. 14", "Congress reconvenes Jan. 24"): the nearer one, news being mostly
      // about the past, the future one only when it is much nearer ("its record high set on Aug. 6", written
      // Feb. 6: last August). A date written without its year is rarely more than half a year away.
      y = distance(next) * 2 < distance(past) ? next : past;
    }
    // "Monday, Oct. 26": the year in which that day is that weekday, nearest publication.
    const fitting = weekday === null ? undefined : [past, next, past - 1, next + 1].find((c) => validDay(c, month, day) && new Date(Date.UTC(c, month - 1, day)).getUTCDay() === weekday);
    if (fitting !== undefined) y = fitting;
  }
  return validDay(y, month, day) ? dayDate({ y, m: month, d: day }) : null;
}

/** The tense of a verb among the few words right before a date ("Protests began on March 5"); a verb further
 *  back governs something else ("declared a dividend, payable Dec. 1"). */
function verbNearBefore(sentence: string, index: number): "future" | "past" | null {
  const near = /(?:\S+\s+){0,4}$/.exec(sentence.slice(Math.max(0, index - 60), index))?.[0] ?? "";
  let tense: "future" | "past" | null = null;
  for (const m of near.matchAll(PAST_VERB)) tense = m[1] !== undefined ? "future" : "past";
  return tense;
}

/** The weekday written right before a month-day ("Monday, Oct. 26"), 0 = Sunday, or null. */
function weekdayWritten(scope: Scope): number | null {
  const from = Math.max(0, scope.index - 16);
  const m = WEEKDAY_BEFORE_NAMED.exec(scope.sentence.slice(from, scope.index));
  return m ? weekdayIndex(m[1]) : null;
}

// ---------------------------------------------------------------------------------------------------------
// Rules. Each finds one shape of expression; overlaps are settled afterwards (longest at the earliest start).

interface WordBefore {
  lower: string;
  capitalised: boolean;
  start: number;
}

// The word right before a match, separated by spaces ("in July") or, for "mid", a hyphen ("mid-July").
const WORD_BEFORE = /([\p{L}\p{N}']+)(\s+|-)$/u;
const LOOKBACK = 24;

function wordBefore(sentence: string, index: number): WordBefore | null {
  const from = Math.max(0, index - LOOKBACK);
  const m = WORD_BEFORE.exec(sentence.slice(from, index));
  if (!m) return null;
  const lower = m[1].toLowerCase();
  if (m[2] === "-" && lower !== "mid") return null;
  return { lower, capitalised: /^\p{Lu}/u.test(m[1]), start: from + m.index };
}

// "Thursday, March 2": the weekday joins the date it names.
const WEEKDAY_BEFORE = new RegExp(`\\b(?:${WEEKDAY}),?\\s+(?:the\\s+)?$`);
const WEEKDAY_BEFORE_NAMED = new RegExp(`\\b(${WEEKDAY}),?\\s+(?:the\\s+)?$`);

function withWeekdayBefore(found: Found | null, scope: Scope): Found | null {
  if (!found) return null;
  const from = Math.max(0, scope.index - 16);
  const m = WEEKDAY_BEFORE.exec(scope.sentence.slice(from, scope.index));
  return m ? { ...found, from: from + m.index } : found;
}

const resolveIso: Resolver = (m) =>
  validDay(+m[1], +m[2], +m[3]) ? dayDate({ y: +m[1], m: +m[2], d: +m[3] }) : null;

const resolveMonthThenDay: Resolver = (m, scope) =>
  withWeekdayBefore(resolveMonthDay(monthIndex(m[1]), +m[2], m[3], m[4], scope), scope);

const resolveDayThenMonth: Resolver = (m, scope) =>
  withWeekdayBefore(resolveMonthDay(monthIndex(m[2]), +m[1], m[3], m[4], scope), scope);

/** "February 2021", "mid-March 2020". */
const resolveMonthYear: Resolver = (m, scope) => {
  const before = wordBefore(scope.sentence, scope.index);
  const found = monthDate(+m[2], monthIndex(m[1]));
  return before && PART_MODIFIERS.has(before.lower) ? { ...found, from: before.start } : found;
};

// The second of two joined dates: "in March and June", "from 2009 to 2011".
const MONTH_JOINED = new RegExp(`\\b(?:${MONTH_FULL})\\s+(?:and|or|to)\\s+$`);
const YEAR_JOINED = /\b(?:19|20)\d\d\s+(?:and|or|to)\s+$/;

function joinedTo(joined: RegExp, scope: Scope): boolean {
  return joined.test(scope.sentence.slice(Math.max(0, scope.index - 16), scope.index));
}

/** "last July", "in early July", "since May", "June last year"; a bare month needs one of those words. */
const resolveMonth: Resolver = (m, scope) => {
  const month = monthIndex(m[1]);
  const before = wordBefore(scope.sentence, scope.index);
  const modifier = before && MONTH_MODIFIERS.has(before.lower) ? before.lower : null;
  const dated = modifier || (before && (month === 5 ? MAY_PREPOSITIONS : PREPOSITIONS).has(before.lower));
  // "December's figures", "for January", "the October slaying" (May is also a name: "May's speech").
  const asModifier = month !== 5 && (m[3] !== undefined || before?.lower === "for" || (before?.lower === "the" && LOWERCASE_NEXT.test(scope.sentence.slice(scope.end))));
  if (!dated && !asModifier && !joinedTo(MONTH_JOINED, scope)) return null;
  if (m[3] === undefined && /^['’]s\b/.test(scope.sentence.slice(scope.end))) return null; // "July's" before a name
  const pub = scope.pub;
  if (!pub) return null;
  const from = modifier ? before!.start : undefined;
  const rel = m[2];
  if (rel) return { ...monthDate(pub.y + RELATIVE_YEAR[rel.toLowerCase()], month), from };
  let year: number;
  if (modifier === "last") year = monthYear(pub, month, "before");
  else if (modifier === "next") year = monthYear(pub, month, "after");
  else if (modifier === "this") year = pub.y;
  else year = monthYear(pub, month, pointsForward(scope.sentence, scope.index, scope.end) ? "onOrAfter" : "onOrBefore");
  return { ...monthDate(year, month), from };
};

/** "in 2021", "since 1998", "mid-2020", "between 2014 and 2016"; a bare number is not a year. */
const resolveYear: Resolver = (m, scope) => {
  const before = wordBefore(scope.sentence, scope.index);
  if (!before) return null;
  if (PART_MODIFIERS.has(before.lower)) return { ...yearDate(+m[1]), from: before.start };
  return YEAR_PREPOSITIONS.has(before.lower) || joinedTo(YEAR_JOINED, scope) ? yearDate(+m[1]) : null;
};

const CAPITALISED_NEXT = /^\s+\p{Lu}\p{Ll}/u;
const LOWERCASE_NEXT = /^\s+\p{Ll}/u;
/** Capitalised words that make a weekday part of a name: "Good Friday", "Super Tuesday", "Black Monday". */
const WEEKDAY_NAMES_BEFORE = new Set(["good", "black", "super", "ash", "holy", "easter", "palm", "cyber", "bloody", "maundy", "shrove", "giving", "manic", "blue"]);

/** "on Thursday", "last Friday", "Monday night"; not "the Sunday Times", "Good Friday", "every Monday". */
const resolveWeekday: Resolver = (m, scope) => {
  const pub = scope.pub;
  if (!pub) return null;
  const before = wordBefore(scope.sentence, scope.index);
  const word = before?.lower ?? "";
  const modifier = WEEKDAY_MODIFIERS.has(word) ? word : null;
  if (!modifier) {
    const after = scope.sentence.slice(scope.index + m[0].length);
    const nameFollows = CAPITALISED_NEXT.test(after);
    // "the Friday explosions" is a date; "the Sunday Times", "every Monday" are not.
    if (WEEKDAY_GENERIC.has(word) && !(word === "the" && LOWERCASE_NEXT.test(after))) return null;
    if (before?.capitalised && WEEKDAY_NAMES_BEFORE.has(word)) return null; // "Good Friday", "Super Tuesday"
    // "Sunday Times", "Saturday Night Live" are names; after a name ("Iran Saturday condemned") it is a date.
    if (nameFollows && !WEEKDAY_TRIGGERS.has(word) && !before?.capitalised) return null;
  }
  const wd = weekdayIndex(m[1]);
  const from = modifier ? before!.start : undefined;
  if (modifier === "last") return { ...dayDate(weekdayFrom(pub, wd, "before")), from };
  if (modifier === "next") return { ...dayDate(weekdayFrom(pub, wd, "after")), from };
  const future = pointsForward(scope.sentence, from ?? scope.index, scope.end);
  return { ...dayDate(weekdayFrom(pub, wd, future ? "after" : "onOrBefore")), from };
};

/** "yesterday", "today", "tomorrow", "last night", "this morning". */
const resolveDayWord: Resolver = (m, scope) => {
  const pub = scope.pub;
  if (!pub) return null;
  if (m[0] === "Today" && wordBefore(scope.sentence, scope.index)?.capitalised) return null; // "USA Today"
  const word = m[0].toLowerCase();
  const offset = word === "yesterday" || word.startsWith("last") ? -1 : word === "tomorrow" ? 1 : 0;
  return dayDate(shiftDays(pub, offset));
};

/** "last week", "earlier this month", "late last year", "next month". */
const resolvePeriod: Resolver = (m, scope) => {
  const pub = scope.pub;
  if (!pub) return null;
  const before = wordBefore(scope.sentence, scope.index);
  if (before?.lower === "the") return null; // "over the last year": a duration, not last year
  const from = before && PERIOD_MODIFIERS.has(before.lower) ? before.start : undefined;
  const step = RELATIVE_YEAR[m[1].toLowerCase()];
  const unit = m[2].toLowerCase();
  if (unit === "week") {
    const p = shiftDays(pub, 7 * step);
    return { ...monthDate(p.y, p.m), from };
  }
  return { ...(unit === "month" ? monthDate(pub.y, pub.m + step) : yearDate(pub.y + step)), from };
};

/** "two days ago", "three weeks ago", "a year ago"; "a few days ago" is too vague to date. */
const resolveAgo: Resolver = (m, scope) => {
  const pub = scope.pub;
  if (!pub) return null;
  const before = wordBefore(scope.sentence, scope.index);
  if (!before) return null;
  const n = /^\d{1,3}$/.test(before.lower) ? +before.lower : NUMBER_WORDS[before.lower];
  if (!n) return null;
  const unit = m[1].toLowerCase();
  const found =
    unit === "day" ? dayDate(shiftDays(pub, -n))
    : unit === "week" ? dayDate(shiftDays(pub, -7 * n))
    : unit === "month" ? monthDate(pub.y, pub.m - n)
    : yearDate(pub.y - n);
  return { ...found, from: before.start };
};

// Counted things after a bare number: "in 2000 homes" is not a year.
const COUNTED_NOUN =
  "people|persons|men|women|children|troops|soldiers|homes|houses|jobs|workers|employees|residents|students|votes|cases|deaths|dollars|euros|pounds|feet|metres|meters|miles|kilometres|kilometers|km|tonnes|tons|units|copies|members|families|refugees|migrants|protesters|officers|police|flights|passengers|vehicles|cars|acres|hectares|points|shares|barrels";

const HAS_DIGIT = /\d/;

const RULES: Rule[] = [
  { hint: HAS_DIGIT, re: /\b((?:19|20)\d{2})[-/](\d{2})[-/](\d{2})\b/g, resolve: resolveIso },
  { hint: HAS_DIGIT, re: new RegExp(`\\b(${MONTH_ANY})\\s+${DAY}\\b${NOT_NUMBER}${YEAR_TAIL}`, "g"), resolve: resolveMonthThenDay },
  { hint: HAS_DIGIT, re: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?(${MONTH_ANY})${YEAR_TAIL}`, "g"), resolve: resolveDayThenMonth },
  { hint: HAS_DIGIT, re: new RegExp(`\\b(${MONTH_ANY})\\s+(?:of\\s+)?${YEAR}\\b${NOT_NUMBER}`, "g"), resolve: resolveMonthYear },
  {
    hint: HAS_DIGIT,
    re: new RegExp(`\\b${YEAR}\\b(?![-–/.,]?\\d|%|['’]s\\b|\\s+(?:${COUNTED_NOUN})\\b)`, "g"),
    resolve: resolveYear,
  },
  {
    re: new RegExp(`\\b(${MONTH_FULL})\\b(?!\\s*\\d)(?:\\s+(?:of\\s+)?(last|this|next)\\s+year\\b)?(?=(['’]s\\s+[a-z])?)`, "g"),
    resolve: resolveMonth,
  },
  {
    hint: /day/,
    re: new RegExp(`\\b(${WEEKDAY})\\b(?:\\s+(?:morning|afternoon|evening|night))?`, "g"),
    resolve: resolveWeekday,
  },
  {
    hint: /day|night|morning|afternoon|evening|tomorrow/i,
    re: /\b(?:yesterday|today|tonight|tomorrow|last night|this (?:morning|afternoon|evening))\b/gi,
    resolve: resolveDayWord,
  },
  { hint: /week|month|year/i, re: /\b(last|this|next)\s+(week|month|year)\b/gi, resolve: resolvePeriod },
  { hint: /ago/i, re: /\b(day|week|month|year)s?\s+ago\b/gi, resolve: resolveAgo },
];

// ---------------------------------------------------------------------------------------------------------

interface Candidate extends Resolved {
  start: number;
  end: number;
  text: string;
}

function candidatesIn(sentence: string, pub: Ymd | null): Candidate[] {
  const out: Candidate[] = [];
  for (const { hint, re, resolve } of RULES) {
    if (hint && !hint.test(sentence)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const found = resolve(m, { pub, sentence, index: m.index, end: m.index + m[0].length });
      if (!found) continue;
      const start = found.from ?? m.index;
      const end = m.index + m[0].length;
      out.push({ date: found.date, precision: found.precision, start, end, text: sentence.slice(start, end) });
    }
  }
  return out;
}

/** Keeps the longest candidate at the earliest start, then whatever does not overlap it, in text order. */
function withoutOverlaps(candidates: Candidate[]): Candidate[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  let lastEnd = -1;
  for (const c of candidates) {
    if (c.start < lastEnd) continue;
    kept.push(c);
    lastEnd = c.end;
  }
  return kept;
}

/** Time expressions in the article's sentences, resolved against its publication date, in text order. */
export function findTimes(article: Article): TimeFinding[] {
  const pub = parsePublished(article.published);
  const out: TimeFinding[] = [];
  for (const s of article.sentences) {
    if (!MAYBE_TIME.test(s.text)) continue;
    for (const c of withoutOverlaps(candidatesIn(s.text, pub))) {
      out.push({ text: c.text, sentence: s.i, start: s.start + c.start, end: s.start + c.end, date: c.date, precision: c.precision });
    }
  }
  return out;
}
