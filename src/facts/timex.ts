// Time expressions in TIMEX3 form (TimeML's values, as TempEval-3 scores them): the calendar dates the
// timeline uses (dates.ts) with TimeML's own granularity for weeks and parts of days, plus what a timeline
// cannot place but a reader can check: durations ("three days" P3D, "the past 20 years" P20Y), sets
// ("daily" P1D), quarters ("the third quarter" 1989-Q3), seasons, weekends ("last weekend" 2000-W01-WE),
// holidays ("Thanksgiving Day"), decades ("the 1990s" 199X), centuries, clock times, days told from the day
// last named ("the next day") and references to the present, past and future ("now" PRESENT_REF, "recently"
// PAST_REF, "the future" FUTURE_REF).
// Relative values are resolved against the article's date; without one they are given with what is open
// left as X ("on Thursday" XXXX-WXX-4), never guessed.

import type { Article, Timex, TimexPrecision, TimexType } from "../model/index.js";
import { clauseTense, findTimes } from "./dates.js";

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;
const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

function parseDay(s: string | null): Ymd | null {
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})/.exec(s) : null;
  return m ? { y: +m[1], m: +m[2], d: +m[3] } : null;
}

const dayNumber = (p: Ymd): number => Date.UTC(p.y, p.m - 1, p.d) / DAY_MS;

function fromDayNumber(n: number): Ymd {
  const t = new Date(n * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** ISO 8601 week of a day: "2022-W27". */
export function isoWeek(p: Ymd): string {
  const n = dayNumber(p);
  const weekday = (new Date(n * DAY_MS).getUTCDay() + 6) % 7; // Monday 0
  const thursday = fromDayNumber(n - weekday + 3);
  const jan1 = dayNumber({ y: thursday.y, m: 1, d: 1 });
  const week = Math.floor((dayNumber(thursday) - jan1) / 7) + 1;
  return `${thursday.y}-W${pad(week)}`;
}

const NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, "a hundred": 100, "a couple of": 2, "couple of": 2, "a dozen": 12, dozen: 12,
};
const VAGUE = new Set(["several", "few", "a few", "many", "some", "a number of"]);

/** "24", "twenty-four", "twenty four", "a couple of" as a number, or null. */
function numberValue(words: string): number | null {
  const a = words.toLowerCase().trim();
  if (/^\d+(?:\.\d+)?$/.test(a)) return +a;
  if (NUMBERS[a] !== undefined) return NUMBERS[a];
  const parts = a.split(/[-\s]+/);
  if (parts.length === 2 && NUMBERS[parts[0]] >= 20 && NUMBERS[parts[1]] < 10) return NUMBERS[parts[0]] + NUMBERS[parts[1]];
  return null;
}
const UNIT_CODES: Record<string, string> = {
  second: "S", minute: "M", hour: "H", day: "D", week: "W", fortnight: "W", month: "M", quarter: "Q", year: "Y", decade: "E", century: "C",
};
const CLOCK_UNITS = new Set(["second", "minute", "hour"]);

const unitOf = (word: string): string => {
  const w = word.toLowerCase().replace(/-/g, "");
  if (w.startsWith("centur")) return "century";
  return w.replace(/s$/, "");
};

function durationValue(amount: string | null, unitWord: string): string | null {
  const unit = unitOf(unitWord);
  const code = UNIT_CODES[unit];
  if (!code) return null;
  let n: string;
  if (amount === null || VAGUE.has(amount.toLowerCase().trim())) n = "X";
  else {
    const v = numberValue(amount);
    if (v === null) return null;
    n = String(v);
  }
  if (unit === "fortnight") return n === "X" ? "PXW" : `P${2 * +n}W`;
  return CLOCK_UNITS.has(unit) ? `PT${n}${code}` : `P${n}${code}`;
}

interface Found {
  start: number;
  end: number;
  type: TimexType;
  value: string;
  precision: TimexPrecision | null;
}

type Rule = { hint?: RegExp; re: RegExp; make: (m: RegExpExecArray, pub: Ymd | null, sentence: string) => Omit<Found, "start" | "end"> | null };

const TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
const NUMBER_WORD = `(?:(?:${TENS})(?:[-\\s](?:one|two|three|four|five|six|seven|eight|nine)\\b)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|hundred|a dozen)`;
const NUM = `(\\d+(?:\\.\\d+)?|${NUMBER_WORD}|a|an|several|a few|few|many|a couple of|couple of)`;
const UNIT = "(seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies))";
const HEDGE = "(?:(?:more than|less than|at least|up to|over|about|some|nearly|almost|roughly|only)\\s+)?";

const QUARTER_WORDS: Record<string, number> = { first: 1, "1st": 1, second: 2, "2nd": 2, third: 3, "3rd": 3, fourth: 4, "4th": 4 };
const SEASONS: Record<string, string> = { spring: "SP", summer: "SU", fall: "FA", autumn: "FA", winter: "WI" };
const SEASON_MONTH: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };
// Not "quarterly" or "annually": in news they qualify money ("a quarterly dividend"), not when things happen.
const SETS: Record<string, string> = { hourly: "PT1H", daily: "P1D", weekly: "P1W", monthly: "P1M" };
const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/** The most recently completed quarter before `pub`, or `pub`'s own when `current`. */
function quarterOf(pub: Ymd, q: number): string {
  const now = Math.ceil(pub.m / 3);
  return `${q <= now ? pub.y : pub.y - 1}-Q${q}`;
}

const RELATIVE_YEAR: Record<string, number> = { last: -1, this: 0, next: 1 };
const DECADE_WORDS = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"];
const ZONE = String.raw`\s+(?:GMT|UTC|[ECMP][SD]T|BST|CES?T|local\s+time)\b`;
// After "a second" or "a quarter", a word that makes it an ordinal or a fraction: "a second goal", "a quarter of".
const NOT_A_LENGTH = /^\s+(?:of\b|(?!(?:or|and|later|earlier|before|after|ago|longer|more|less|too|in|to|for|at|on|the|that|when|if)\b)\p{Ll})/u;
/** Marks a day, month or year told from the one last named ("the next day" ANCHORD1, "the following month"
 *  ANCHORM1), resolved in findTimexes. */
const ANCHOR = "ANCHOR";

const dayValue = (p: Ymd): string => `${p.y}-${pad(p.m)}-${pad(p.d)}`;

function monthValue(y: number, m: number): string {
  const k = y * 12 + (m - 1); // months may overflow: "three months before January"
  return `${Math.floor(k / 12)}-${pad((k % 12) + 1)}`;
}

// Holidays by name, each a function of the year. Movable ones by rule (US: Thanksgiving, Labor Day ...).
const fixed = (m: number, d: number) => (y: number): Ymd => ({ y, m, d });
/** The n-th weekday (0 Sunday) of a month, or the last one when n is -1. */
const nth = (m: number, wd: number, n: number) => (y: number): Ymd => {
  if (n < 0) {
    const last = dayNumber({ y, m: m + 1, d: 0 });
    return fromDayNumber(last - ((new Date(last * DAY_MS).getUTCDay() - wd + 7) % 7));
  }
  const first = dayNumber({ y, m, d: 1 });
  return fromDayNumber(first + ((wd - new Date(first * DAY_MS).getUTCDay() + 7) % 7) + 7 * (n - 1));
};
/** Easter Sunday (Gregorian, the anonymous algorithm), shifted by `shift` days. */
const easter = (shift: number) => (y: number): Ymd => {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
  return fromDayNumber(dayNumber({ y, m: month, d: day }) + shift);
};
const HOLIDAY_DATES: Record<string, (y: number) => Ymd> = {
  "new years day": fixed(1, 1), "new years eve": fixed(12, 31), "valentines day": fixed(2, 14), "st patricks day": fixed(3, 17),
  "saint patricks day": fixed(3, 17), "fourth of july": fixed(7, 4), halloween: fixed(10, 31), christmas: fixed(12, 25),
  "christmas day": fixed(12, 25), "christmas eve": fixed(12, 24), "boxing day": fixed(12, 26), "veterans day": fixed(11, 11),
  "armistice day": fixed(11, 11), "remembrance day": fixed(11, 11), "bastille day": fixed(7, 14), "may day": fixed(5, 1),
  "waitangi day": fixed(2, 6), "australia day": fixed(1, 26), "canada day": fixed(7, 1), "anzac day": fixed(4, 25),
  "labor day": nth(9, 1, 1), "labour day": nth(9, 1, 1), "memorial day": nth(5, 1, -1), thanksgiving: nth(11, 4, 4),
  "thanksgiving day": nth(11, 4, 4), "martin luther king day": nth(1, 1, 3), "martin luther king jr day": nth(1, 1, 3),
  "presidents day": nth(2, 1, 3), easter: easter(0), "easter sunday": easter(0), "easter monday": easter(1), "good friday": easter(-2),
  // The Tuesday after the first Monday of November.
  "election day": (y) => fromDayNumber(dayNumber(nth(11, 1, 1)(y)) + 1),
};
const HOLIDAY_NAMES = String.raw`New\s+Year['’]?s\s+(?:Day|Eve)|Valentine['’]?s\s+Day|(?:St\.?|Saint)\s+Patrick['’]?s\s+Day|Fourth\s+of\s+July|Christmas\s+(?:Day|Eve)|Boxing\s+Day|Veterans['’]?\s+Day|Armistice\s+Day|Remembrance\s+Day|Bastille\s+Day|May\s+Day|Labou?r\s+Day|Memorial\s+Day|Thanksgiving\s+Day|Election\s+Day|Martin\s+Luther\s+King(?:,?\s+Jr\.?)?\s+Day|Presidents['’]?\s+Day|Easter\s+(?:Sunday|Monday)|Good\s+Friday|Waitangi\s+Day|Australia\s+Day|Canada\s+Day|Anzac\s+Day`;
// Names that are also other things ("Christmas Island", "Easter eggs") only after a word that dates them.
const BARE_HOLIDAYS = "Christmas|Easter|Thanksgiving|Halloween";
// The words that date them, also capitalised at a sentence's start ("On Christmas").
const HOLIDAY_TRIGGERS = ["on", "at", "by", "before", "after", "since", "until", "till", "over", "for", "around", "through", "during", "from", "last", "this", "next", "past"]
  .map((w) => `[${w[0].toUpperCase()}${w[0]}]${w.slice(1)}`).join("|");
const HOLIDAY = new RegExp(
  String.raw`\b(?:([Ll]ast|[Tt]his\s+past|[Tt]his|[Nn]ext)\s+)?(?:(${HOLIDAY_NAMES})|(?<=\b(?:${HOLIDAY_TRIGGERS})\s+)(${BARE_HOLIDAYS})\b(?!\s+\p{Lu}))(?:,?\s+((?:19|20)\d\d)\b)?`,
  "gu",
);

function holiday(m: RegExpExecArray, pub: Ymd | null, sentence: string): Omit<Found, "start" | "end"> | null {
  const key = (m[2] ?? m[3]).toLowerCase().replace(/['’.,]/g, "").replace(/\s+/g, " ");
  const dateIn = HOLIDAY_DATES[key];
  if (!dateIn) return null;
  if (m[4]) return { type: "DATE", value: dayValue(dateIn(+m[4])), precision: "day" };
  if (!pub) {
    // Without the article's date a fixed holiday keeps its month and day ("Christmas" XXXX-12-25).
    const [a, b] = [dateIn(2001), dateIn(2002)];
    return a.m === b.m && a.d === b.d ? { type: "DATE", value: `XXXX-${pad(a.m)}-${pad(a.d)}`, precision: "day" } : null;
  }
  const today = dayNumber(pub);
  const days = [pub.y - 1, pub.y, pub.y + 1].map((y) => dayNumber(dateIn(y)));
  const before = (strict: boolean) => days.filter((d) => (strict ? d < today : d <= today)).at(-1)!;
  const after = (strict: boolean) => days.find((d) => (strict ? d > today : d >= today))!;
  const rel = m[1]?.toLowerCase().replace(/\s+/g, " ");
  let day: number;
  if (rel === "last" || rel === "this past") day = before(true);
  else if (rel === "next") day = after(true);
  else if (rel === "this") day = days[1];
  else {
    const tense = clauseTense(sentence, m.index, m.index + m[0].length);
    if (tense === "future") day = after(false);
    else if (tense === "past") day = before(false);
    // No tense: the nearer one, the coming one only when much nearer (news is mostly about what happened).
    else day = (after(false) - today) * 2 < today - before(false) ? after(false) : before(false);
  }
  return { type: "DATE", value: dayValue(fromDayNumber(day)), precision: "day" };
}

const RULES: Rule[] = [
  // Durations with a number: "three days", "more than four hours", "the past 20 years", "18 months", "a few days
  // later" (the length, as TimeML marks it; "three days ago" is a date, dates.ts's).
  {
    hint: /second|minute|hour|day|week|month|quarter|year|decade|centur/i,
    re: new RegExp(`\\b(?:(?:the\\s+)?(?:past|last|next|first|coming|previous|following)\\s+)?${HEDGE}${NUM}\\s+(?:more\\s+|full\\s+|straight\\s+)?${UNIT}\\b(?!\\s+(?:ago|old|from now)\\b)(?!-)`, "gi"),
    make: (m, _pub, sentence) => {
      // "a second goal", "a quarter of voters": an ordinal or a fraction, not a length of time.
      if (/^(?:a|an|one)$/i.test(m[1]) && /^(?:second|quarter)$/i.test(m[2]) && NOT_A_LENGTH.test(sentence.slice(m.index + m[0].length))) return null;
      const v = durationValue(m[1], m[2]);
      return v ? { type: "DURATION", value: v, precision: null } : null;
    },
  },
  // Hyphenated: "a 16-hour flight", "the two-year plan", "a 30-day period".
  {
    hint: /-(?:second|minute|hour|day|week|month|year|decade)/i,
    re: new RegExp(`\\b${NUM}-(second|minute|hour|day|week|month|year|decade)(?:-long)?\\b(?!-old)`, "gi"),
    make: (m) => {
      const v = durationValue(m[1], m[2]);
      return v ? { type: "DURATION", value: v, precision: null } : null;
    },
  },
  // "for years", "within weeks", "over the past decade".
  {
    hint: /decade|years|months|weeks|days|hours|centuries/i,
    re: /\b(?<=(?:for|within|over|in)\s+)(?:the\s+)?(?:(?:past|last|coming)\s+)?(decade|years|months|weeks|days|hours|decades|centuries)\b(?!\s+(?:ago|earlier|later|old|of)\b)/gi,
    make: (m) => {
      const unit = m[1].toLowerCase();
      if (unit === "decade") return /past|last/i.test(m[0]) ? { type: "DURATION", value: "P10Y", precision: null } : null;
      const v = durationValue(null, unit);
      return v ? { type: "DURATION", value: v, precision: null } : null;
    },
  },
  // "the past year", "the last week", "the next month": one unit's length. "this past week" is last week.
  {
    hint: /past|last|previous|next|coming/i,
    re: /\b(the|this)\s+(?:past|last|next|coming)\s+(year|month|week|decade|century)\b(?!['’]s)/gi,
    make: (m, pub) => {
      const unit = m[2].toLowerCase();
      if (m[1].toLowerCase() === "this") {
        if (!pub || unit === "decade" || unit === "century") return null;
        if (unit === "week") return { type: "DATE", value: isoWeek(fromDayNumber(dayNumber(pub) - 7)), precision: "week" };
        if (unit === "month") return { type: "DATE", value: monthValue(pub.y, pub.m - 1), precision: "month" };
        return { type: "DATE", value: String(pub.y - 1), precision: "year" };
      }
      return { type: "DURATION", value: unit === "decade" ? "P10Y" : unit === "century" ? "P100Y" : durationValue("1", unit)!, precision: null };
    },
  },
  // Sets: "daily", "every week", "each Thursday"; not a title ("LA Weekly", "Daily et al.").
  {
    hint: /hourly|daily|weekly|monthly/,
    re: /\b(hourly|daily|weekly|monthly)\b/g,
    make: (m) => ({ type: "SET", value: SETS[m[1]], precision: null }),
  },
  {
    hint: /every|each/i,
    re: /\b(?:every|each)\s+(day|week|month|quarter|year|hour|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/gi,
    make: (m) => {
      const w = m[1].toLowerCase();
      const wd = WEEKDAYS.indexOf(w);
      if (wd >= 0) return { type: "SET", value: `XXXX-WXX-${wd + 1}`, precision: null };
      return { type: "SET", value: durationValue("1", w)!, precision: null };
    },
  },
  // Quarters: "the third quarter", "third-quarter", "the 1988 third quarter", "the first quarter of 1990",
  // "next year's first quarter", "the year-ago quarter".
  {
    hint: /quarter/i,
    re: /\b(?:(?:(last|this|next)\s+year['’]s\s+)|(?:(the|this|last|next)\s+(?:((?:19|20)\d\d)\s+|year-(?:ago|earlier)\s+)?))?(first|second|third|fourth|1st|2nd|3rd|4th)[-\s]quarter\b(?:\s+of\s+(?:(?:fiscal\s+)?((?:19|20)\d\d)\b|(last|this|next)\s+year\b))?/gi,
    make: (m, pub) => {
      const q = QUARTER_WORDS[m[4].toLowerCase()];
      const year = m[3] ?? m[5];
      if (year) return { type: "DATE", value: `${year}-Q${q}`, precision: "quarter" };
      if (!pub) return null;
      const rel = (m[1] ?? m[6])?.toLowerCase();
      if (rel) return { type: "DATE", value: `${pub.y + RELATIVE_YEAR[rel]}-Q${q}`, precision: "quarter" };
      let value = quarterOf(pub, q);
      if (/year-(?:ago|earlier)/i.test(m[0])) value = `${+value.slice(0, 4) - 1}${value.slice(4)}`;
      return { type: "DATE", value, precision: "quarter" };
    },
  },
  // "Q3", "Q1 2024", "3Q": with a year, or where a date goes ("in Q3", "its Q2 results"); "Audi Q3" is a car.
  {
    hint: /Q[1-4]|[1-4]Q/,
    re: /(?<=\b(?:in|the|for|during|of|its|their|this|last|next|fiscal|by|from|to)\s+)(?:Q([1-4])|([1-4])Q)\b(?:\s+((?:19|20)\d\d)\b)?|\b(?:Q([1-4])|([1-4])Q)\s+((?:19|20)\d\d)\b/g,
    make: (m, pub) => {
      const q = +(m[1] ?? m[2] ?? m[4] ?? m[5]);
      const year = m[3] ?? m[6];
      if (year) return { type: "DATE", value: `${year}-Q${q}`, precision: "quarter" };
      return pub ? { type: "DATE", value: quarterOf(pub, q), precision: "quarter" } : null;
    },
  },
  {
    hint: /quarter/i,
    re: /\bthe\s+(?:(latest|year-ago|year-earlier|current|fiscal)\s+)?quarter\b(?!\s+of\b)(?!ly)/gi,
    make: (m, pub) => {
      if (!pub) return null;
      const kind = m[1]?.toLowerCase();
      const now = Math.ceil(pub.m / 3);
      // A report's "the quarter" is the last completed one.
      let y = now === 1 ? pub.y - 1 : pub.y;
      let q = now === 1 ? 4 : now - 1;
      if (kind === "current") [y, q] = [pub.y, now];
      if (kind === "year-ago" || kind === "year-earlier") y--;
      return { type: "DATE", value: `${y}-Q${q}`, precision: "quarter" };
    },
  },
  // "the year-ago period", "year-earlier results": the year before (a quarter when one was named just before;
  // see anchorToQuarter).
  {
    hint: /year-/i,
    re: /\bthe\s+year-(?:ago|earlier)\s+period\b|\byear-(?:ago|earlier)\b(?!\s+(?:quarter|period)\b)/gi,
    make: (_m, pub) => (pub ? { type: "DATE", value: String(pub.y - 1), precision: "year" } : null),
  },
  // "the first nine months", "the year-earlier nine months": a duration of months.
  {
    hint: /months/i,
    re: new RegExp(`\\bthe\\s+(?:(?:first|year-(?:ago|earlier))\\s+)?${NUM}\\s+months\\b`, "gi"),
    make: (m) => {
      const v = durationValue(m[1], "months");
      return v ? { type: "DURATION", value: v, precision: null } : null;
    },
  },
  // Seasons: "last fall", "this past spring", "the summer of 1998", "winter 2021", "into the summer".
  {
    hint: /spring|summer|fall|autumn|winter/i,
    re: /\b(?:(last|this\s+past|this|next)\s+)(spring|summer|fall|autumn|winter)\b|\b(?:the\s+)?(spring|summer|fall|autumn|winter)\s+(?:of\s+)?((?:19|20)\d\d)\b|(?<=\b(?:in|into|during|over|through|throughout|by|until|since)\s+)the\s+(?:(early|late)\s+)?(spring|summer|fall|autumn|winter)\b(?!\s+of\b)/gi,
    make: (m, pub, sentence) => {
      const code = SEASONS[(m[2] ?? m[3] ?? m[6]).toLowerCase()];
      if (m[4]) return { type: "DATE", value: `${m[4]}-${code}`, precision: "season" };
      if (!pub) return null;
      const start = SEASON_MONTH[code];
      let rel = m[1]?.toLowerCase().replace(/\s+/g, " ");
      // "in the summer": the one just begun or gone, or the next in a future clause.
      if (!rel) rel = clauseTense(sentence, m.index, m.index + m[0].length) === "future" ? (start > pub.m ? "this" : "next") : start <= pub.m ? "this" : "last";
      let y = pub.y;
      if (rel === "last" || rel === "this past") y = start < pub.m ? pub.y : pub.y - 1;
      if (rel === "next") y = start > pub.m ? pub.y : pub.y + 1;
      return { type: "DATE", value: `${y}-${code}`, precision: "season" };
    },
  },
  // Decades: "the 1990s", "the early 1990s", "the 1930's", "the '90s", "the sixties" (TimeML's 199X).
  {
    hint: /0['’]?s\b|ties\b/i,
    re: /\b(?:the\s+)?(?:(?:early|mid|late)[-\s]+)?((?:1[89]|20)\d)0['’]?s\b|(?:\bthe\s+)?['’]([1-9])0s\b|\bthe\s+(?:(?:early|mid|late)[-\s]+)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b/gi,
    make: (m, pub) => {
      if (m[1]) return { type: "DATE", value: `${m[1]}X`, precision: "decade" };
      if (m[2]) {
        // "the '90s" is the last such decade: the 1990s before 2090, the 2010s from 2010 on.
        const now = pub?.y ?? 2000;
        const d = +m[2];
        const century = 2000 + d * 10 <= now ? 20 : 19;
        return { type: "DATE", value: `${century}${d}X`, precision: "decade" };
      }
      return { type: "DATE", value: `19${DECADE_WORDS.indexOf(m[3].toLowerCase()) + 2}X`, precision: "decade" };
    },
  },
  // Centuries: "the 20th century", "the nineteenth century", "this century" (TimeML's "19" for the 1900s).
  {
    hint: /century/i,
    re: /\b(?:the\s+)?(?:(\d{1,2})(?:st|nd|rd|th)|(nineteenth|twentieth|twenty-first|twenty\s+first))\s+century\b|\b(this|last|next)\s+century\b/gi,
    make: (m, pub) => {
      let c: number;
      if (m[1]) c = +m[1] - 1;
      else if (m[2]) c = /nineteenth/i.test(m[2]) ? 18 : /twentieth/i.test(m[2]) ? 19 : 20;
      else if (pub) c = Math.floor(pub.y / 100) + RELATIVE_YEAR[m[3].toLowerCase()];
      else return null;
      return c >= 1 && c <= 30 ? { type: "DATE", value: pad(c), precision: "century" } : null;
    },
  },
  // "fiscal 1989", "FY2023", and a year standing alone ("1990 was a bad year"): a year is a year.
  {
    hint: /\d\d\d\d/,
    re: /\b(?:fiscal\s+(?:year\s+)?|FY\s?)?((?:19|20)\d\d)\b(?![-–/.,]?\d|%|['’]s\b|\s*(?:people|homes|jobs|troops|votes|cases|dollars|euros|shares|acres|miles|feet|tons|tonnes|members|workers|units|cars|barrels)\b)/g,
    make: (m, _pub, sentence) => {
      const before = sentence.slice(0, m.index);
      // A number in a list of amounts or after a currency sign is no year.
      if (/[$€£#]\s*$|\bNo\.\s*$/.test(before)) return null;
      return { type: "DATE", value: m[1], precision: "year" };
    },
  },
  // Clock times: "3 p.m.", "10:30 a.m. EDT", "noon", "at 22:30", "15:11 GMT", "4 in the morning"; the day is
  // the article's unless one is written beside it.
  {
    hint: /\d|noon|midday|midnight/i,
    re: new RegExp(
      `\\b(?:(\\d{1,2})(?::(\\d{2}))?\\s*([ap])\\.?m\\.?(?=\\W|$)|(noon|midday|midnight)\\b|(?<=\\b(?:at|by|from|until|till|before|after|around|about|of|since|to)\\s+)([01]?\\d|2[0-3]):([0-5]\\d)\\b(?![:.,]?\\d)|([01]?\\d|2[0-3]):([0-5]\\d)(?=${ZONE})|(\\d{1,2}|${NUMBER_WORD})\\s+(?:o['’]clock\\s+)?in\\s+the\\s+(morning|afternoon|evening|night)\\b)(?:${ZONE})?`,
      "gi",
    ),
    make: (m, pub, sentence) => {
      let h: number;
      let min = "00";
      if (m[4]) {
        // "High Noon" is a film.
        if (/\bhigh\s+$/i.test(sentence.slice(Math.max(0, m.index - 6), m.index))) return null;
        h = m[4].toLowerCase() === "midnight" ? 24 : 12;
      } else if (m[3]) {
        if (+m[1] > 12 || +m[1] === 0) return null;
        h = (+m[1] % 12) + (m[3].toLowerCase() === "p" ? 12 : 0);
        min = m[2] ?? "00";
      } else if (m[5] ?? m[7]) {
        h = +(m[5] ?? m[7]);
        min = m[6] ?? m[8];
      } else {
        const n = numberValue(m[9]);
        if (n === null || n < 1 || n > 12) return null;
        const part = m[10].toLowerCase();
        h = part === "morning" || (part === "night" && n < 5) ? n % 12 : (n % 12) + 12;
      }
      const t = `T${pad(h)}:${min}`;
      return { type: "TIME", value: pub ? `${pub.y}-${pad(pub.m)}-${pad(pub.d)}${t}` : `XXXX-XX-XX${t}`, precision: "time" };
    },
  },
  // Parts of the article's day: "by mid-afternoon", "in the early evening" (a weekday's are dates.ts's).
  {
    hint: /morning|afternoon|evening/i,
    re: /(?<=\b(?:by|until|till|since|from|at|in|before|after)\s+)(?:the\s+)?(?:early|late|mid)[-\s]?(morning|afternoon|evening)\b(?!\s+(?:of|on)\b)/gi,
    make: (m, pub) => ({ type: "TIME", value: `${pub ? dayValue(pub) : "XXXX-XX-XX"}T${PART_OF_DAY[m[1].toLowerCase()]}`, precision: "time" }),
  },
  // A year before or after: "a year earlier", "a year before".
  {
    hint: /earlier|before/i,
    re: /\b(a|one|two|three|four|five)\s+(year|month)s?\s+(earlier|before)\b/gi,
    make: (m, pub) => {
      if (!pub) return null;
      const n = NUMBERS[m[1].toLowerCase()];
      if (m[2].toLowerCase() === "year") return { type: "DATE", value: String(pub.y - n), precision: "year" };
      return { type: "DATE", value: monthValue(pub.y, pub.m - n), precision: "month" };
    },
  },
  // "a decade ago", "four decades ago", "a century ago": that year. "years ago", "a few months ago": some time
  // back, no more. "two hours ago": that day. ("three days ago" is dates.ts's.)
  {
    hint: /ago\b/i,
    re: new RegExp(`\\b(?:${HEDGE}${NUM}\\s+)?(seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies))\\s+ago\\b`, "gi"),
    make: (m, pub) => {
      const unit = unitOf(m[2]);
      const n = m[1] && !VAGUE.has(m[1].toLowerCase()) ? numberValue(m[1]) : null;
      if (n === null) return { type: "DATE", value: "PAST_REF", precision: null };
      if (!pub) return null;
      if (unit === "fortnight") return { type: "DATE", value: dayValue(fromDayNumber(dayNumber(pub) - 14 * n)), precision: "day" };
      if (unit === "decade" || unit === "century") return { type: "DATE", value: String(pub.y - n * (unit === "decade" ? 10 : 100)), precision: "year" };
      if (CLOCK_UNITS.has(unit)) {
        const back = Math.floor((unit === "hour" ? n : unit === "minute" ? n / 60 : n / 3600) / 24);
        return { type: "DATE", value: dayValue(fromDayNumber(dayNumber(pub) - back)), precision: "day" };
      }
      return null; // dates.ts
    },
  },
  // "two weeks from now", "a year from today": that day, month or year.
  {
    hint: /from\s+(?:now|today)/i,
    re: new RegExp(`\\b${NUM}\\s+${UNIT}\\s+from\\s+(?:now|today)\\b`, "gi"),
    make: (m, pub) => {
      const n = numberValue(m[1]);
      if (!pub || n === null || !Number.isInteger(n)) return null;
      const unit = unitOf(m[2]);
      const days = { day: 1, week: 7, fortnight: 14 }[unit as "day"];
      if (days) return { type: "DATE", value: dayValue(fromDayNumber(dayNumber(pub) + days * n)), precision: "day" };
      if (unit === "month") return { type: "DATE", value: monthValue(pub.y, pub.m + n), precision: "month" };
      if (unit === "year") return { type: "DATE", value: String(pub.y + n), precision: "year" };
      return CLOCK_UNITS.has(unit) ? { type: "DATE", value: dayValue(pub), precision: "day" } : null;
    },
  },
  // Sets with a count: "every two years", "twice a week", "three times a day".
  {
    hint: /every|once|twice|times/i,
    re: new RegExp(`\\bevery\\s+(?:(other)|${NUM})\\s+${UNIT}\\b|\\b(?:once|twice|thrice|(?:\\d+|${NUMBER_WORD})\\s+times)\\s+(?:a|an|per|each)\\s+(day|week|month|year|hour)\\b`, "gi"),
    make: (m) => {
      const v = m[4] ? durationValue("1", m[4]) : durationValue(m[1] ? "2" : m[2], m[3]);
      return v ? { type: "SET", value: v, precision: null } : null;
    },
  },
  // Holidays: "Thanksgiving Day", "on Christmas", "last Easter", "Election Day 2020".
  {
    hint: /Day|Eve|Christmas|Easter|Thanksgiving|Halloween|Fourth|Friday/,
    re: HOLIDAY,
    make: (m, pub, sentence) => holiday(m, pub, sentence),
  },
  // Weekends: "this weekend", "last weekend", "over the weekend" (TimeML's 2000-W16-WE).
  {
    hint: /weekend/i,
    re: /\b(this\s+past|this|last|next|the)\s+weekend\b(?!\s+of\b)/gi,
    make: (m, pub, sentence) => {
      if (!pub) return { type: "DATE", value: "XXXX-WXX-WE", precision: "week" };
      const rel = m[1].toLowerCase().replace(/\s+/g, " ");
      const today = dayNumber(pub);
      const wd = new Date(today * DAY_MS).getUTCDay(); // 0 Sunday
      const inWeekend = wd === 6 || wd === 0;
      const current = today - (wd === 0 ? 1 : wd === 6 ? 0 : wd + 1); // the Saturday on or before
      const coming = inWeekend ? current : today + (6 - wd);
      let saturday: number;
      if (rel === "last" || rel === "this past") saturday = inWeekend ? current - 7 : current;
      else if (rel === "next") saturday = inWeekend ? current + 7 : coming;
      else saturday = clauseTense(sentence, m.index, m.index + m[0].length) === "future" ? coming : current;
      return { type: "DATE", value: `${isoWeek(fromDayNumber(saturday))}-WE`, precision: "week" };
    },
  },
  // Year and month ends: "by year end", "by year's end", "the end of the year", "the end of the month".
  {
    hint: /end/i,
    re: /\b(?:year[-\s]end|year['’]s\s+end|(?:the\s+)?end\s+of\s+the\s+(year|month))\b/gi,
    make: (m, pub) => {
      if (!pub) return null;
      return m[1]?.toLowerCase() === "month" ? { type: "DATE", value: monthValue(pub.y, pub.m), precision: "month" } : { type: "DATE", value: String(pub.y), precision: "year" };
    },
  },
  // Told from the day, month or year last named: "the next day", "the following morning", "that day", "the day
  // before" (not "the day before last Tuesday", nor "the day before police issued a warrant": that day is the one
  // named), "the following month", "the previous year".
  {
    hint: /day|morning|afternoon|evening|night|following|previous|preceding/i,
    re: /\b(?:the\s+(next|following|previous|preceding)\s+(day|morning|afternoon|evening|night)|the\s+day\s+(before|after)\b(?!\s+[\p{L}\d])|(?:that|the)\s+same\s+day|that\s+day|the\s+(following|previous|preceding)\s+(month|year))\b/giu,
    make: (m) => {
      const word = (m[1] ?? m[3] ?? m[4] ?? "").toLowerCase();
      const shift = word === "next" || word === "following" || word === "after" ? 1 : word ? -1 : 0;
      if (m[5]) {
        const unit = m[5].toLowerCase();
        return { type: "DATE", value: `${ANCHOR}${unit === "month" ? "M" : "Y"}${shift}`, precision: unit === "month" ? "month" : "year" };
      }
      const part = m[2] && m[2].toLowerCase() !== "day" ? PART_OF_DAY[m[2].toLowerCase()] : "";
      return { type: part ? "TIME" : "DATE", value: `${ANCHOR}D${shift}${part ? `T${part}` : ""}`, precision: part ? "time" : "day" };
    },
  },
  // References: "now", "currently", "recently", "the past", "the future".
  {
    hint: /now|current|present|these days/i,
    re: /\b(?:right\s+)?now\b(?!\s+that\b)|\bcurrently\b|\bat present\b|\bnowadays\b|\bthese days\b/gi,
    make: () => ({ type: "DATE", value: "PRESENT_REF", precision: null }),
  },
  {
    hint: /recent|past/i,
    re: /\b(?:more\s+)?recently\b|\brecent(?:\s+(?:days|weeks|years|times))?\b(?!\s+months)|\bthe past\b(?!\s+(?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten|week|month|year|decade|day|century))/gi,
    make: () => ({ type: "DATE", value: "PAST_REF", precision: null }),
  },
  // "in recent months": some months.
  {
    hint: /recent/i,
    re: /\brecent\s+months\b/gi,
    make: () => ({ type: "DURATION", value: "PXM", precision: null }),
  },
  // "the future of peace" is a subject, not a time.
  {
    hint: /future|near term|coming|later date/i,
    re: /\bthe (?:near\s+)?future\b(?!\s+of\b)|\bthe near term\b|\b(?:the\s+)?coming (?:days|weeks|months|years)\b|\ba later date\b/giu,
    make: () => ({ type: "DATE", value: "FUTURE_REF", precision: null }),
  },
  // "for the year", "the year ended June 30": a year's length; "in the year" (no other year named): the
  // article's year. "this year" is dates.ts's.
  {
    hint: /year/i,
    re: /(?<=\b(in|for|during|of|through)\s+)the\s+(?:(?:current|latest|fiscal|full)\s+){0,2}year\b(?!-)(?!\s+(?:before|after|earlier|ago|of|two|\d+)\b)(?=(\s+end(?:ed|ing))?)/gi,
    make: (m, pub) => {
      if (m[1].toLowerCase() === "for" || m[2]) return { type: "DURATION", value: "P1Y", precision: null };
      return pub ? { type: "DATE", value: String(pub.y), precision: "year" } : null;
    },
  },
];

// Without the article's date, what needs it stays open in the value instead of being guessed: "on Thursday"
// XXXX-WXX-4, "in July" XXXX-07, "March 5" XXXX-03-05, "yesterday" XXXX-XX-XX, "last year" XXXX.
const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_RE = "(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";
const monthNumber = (word: string): number => MONTH_NAMES.findIndex((m) => m.startsWith(word.toLowerCase().replace(/\.$/, "").slice(0, 3))) + 1;

const UNDATED_RULES: Rule[] = [
  {
    re: new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?![,.]?\\s*\\d)`, "g"),
    make: (m) => (+m[2] >= 1 && +m[2] <= 31 ? { type: "DATE", value: `XXXX-${pad(monthNumber(m[1]))}-${pad(+m[2])}`, precision: "day" } : null),
  },
  {
    re: /(?<=\b(?:in|since|until|by|during|last|next|early|late)\s+)(January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s*\d)/g,
    make: (m) => ({ type: "DATE", value: `XXXX-${pad(monthNumber(m[1]))}`, precision: "month" }),
  },
  {
    re: /(?<=\b(?:on|last|next|this|since|until|by)\s+)(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g,
    make: (m) => ({ type: "DATE", value: `XXXX-WXX-${WEEKDAYS.indexOf(m[1].toLowerCase()) + 1}`, precision: "day" }),
  },
  {
    re: /\b(?:yesterday|tomorrow)\b/gi,
    make: () => ({ type: "DATE", value: "XXXX-XX-XX", precision: "day" }),
  },
  {
    re: /\btoday\b/gi,
    make: () => ({ type: "DATE", value: "PRESENT_REF", precision: null }),
  },
  {
    re: /\b(?:last|this|next)\s+(week|month|year)\b/gi,
    make: (m) => {
      const unit = m[1].toLowerCase();
      return unit === "week" ? { type: "DATE", value: "XXXX-WXX", precision: "week" }
        : unit === "month" ? { type: "DATE", value: "XXXX-XX", precision: "month" }
        : { type: "DATE", value: "XXXX", precision: "year" };
    },
  },
];

const PART_OF_DAY: Record<string, string> = { morning: "MO", afternoon: "AF", evening: "EV", night: "NI", tonight: "NI" };
const WEEK = /\b(last|this|next|early\s+(?:last|this|next)|late\s+(?:last|this|next))\s+week\b/i;
const WEEKS_AGO = /\b(\w+)\s+weeks?\s+ago\b/i;

/** A calendar date from dates.ts in TimeML's granularity: weeks as weeks, parts of days marked ("TNI"). */
function fromCalendar(text: string, date: string, precision: "day" | "month" | "year", pub: Ymd | null): Omit<Found, "start" | "end"> {
  const lower = text.toLowerCase();
  if (pub && WEEK.test(lower)) {
    const rel = WEEK.exec(lower)![1].split(/\s+/).at(-1)!;
    const shift = rel === "last" ? -7 : rel === "next" ? 7 : 0;
    return { type: "DATE", value: isoWeek(fromDayNumber(dayNumber(pub) + shift)), precision: "week" };
  }
  const day = parseDay(date);
  if (day && WEEKS_AGO.test(lower)) return { type: "DATE", value: isoWeek(day), precision: "week" };
  const part = /(morning|afternoon|evening|night|tonight)$/.exec(lower);
  if (part && precision === "day") return { type: "TIME", value: `${date}T${PART_OF_DAY[part[1]]}`, precision: "time" };
  return { type: "DATE", value: date, precision };
}

/** All time expressions of an article with TIMEX3 type and value, in text order. Pure. */
export function findTimexes(article: Article): Timex[] {
  const pub = parseDay(article.published);
  const found: (Found & { sentence: number; rank: number })[] = [];
  for (const t of findTimes(article)) found.push({ start: t.start, end: t.end, sentence: t.sentence, rank: 0, ...fromCalendar(t.text, t.date, t.precision, pub) });
  for (const s of article.sentences) {
    for (const rule of pub ? RULES : [...RULES, ...UNDATED_RULES]) {
      if (rule.hint && !rule.hint.test(s.text)) continue; // most rules find nothing in most sentences
      rule.re.lastIndex = 0;
      for (let m = rule.re.exec(s.text); m; m = rule.re.exec(s.text)) {
        const made = rule.make(m, pub, s.text);
        if (!made) continue;
        found.push({ start: s.start + m.index, end: s.start + m.index + m[0].length, sentence: s.i, rank: 1, ...made });
      }
    }
  }
  // The longest expression at the earliest start wins; at equal spans the calendar date does.
  found.sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank);
  const kept: (Found & { sentence: number })[] = [];
  let lastEnd = -1;
  for (const f of found) {
    if (f.start < lastEnd) continue;
    const prev = kept.at(-1);
    const joined = prev && clockWithDay(prev, f, article.text);
    if (joined) kept[kept.length - 1] = { ...joined, sentence: prev.sentence };
    else kept.push(f);
    lastEnd = f.end;
  }
  anchorToQuarter(kept, article.text);
  anchorToDay(kept, pub);
  return kept.map((f) => ({ start: f.start, end: f.end, text: article.text.slice(f.start, f.end), sentence: f.sentence, type: f.type, value: f.value, precision: f.precision }));
}

const NAMED = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\d-])/;
const ANCHORED = new RegExp(`^${ANCHOR}([DMY])(-?\\d+)(T\\w+)?$`);

/**
 * "The next day", "the day before", "that day", "the following month": told from the day, month or year last
 * named before them (in "was arrested on March 3 and charged the next day", March 4), or from the article's date
 * when none was.
 */
function anchorToDay(found: Found[], pub: Ymd | null): void {
  let day = pub;
  let month = pub && { y: pub.y, m: pub.m };
  let year = pub?.y ?? null;
  for (const f of found) {
    const a = ANCHORED.exec(f.value);
    if (a) {
      const shift = +a[2];
      if (a[1] === "D") {
        day = day && fromDayNumber(dayNumber(day) + shift);
        f.value = `${day ? dayValue(day) : "XXXX-XX-XX"}${a[3] ?? ""}`;
      } else if (a[1] === "M") {
        const v = month ? monthValue(month.y, month.m + shift) : "XXXX-XX";
        month = month && { y: +v.slice(0, 4), m: +v.slice(5, 7) };
        f.value = v;
      } else {
        year = year && year + shift;
        f.value = year ? String(year) : "XXXX";
      }
      continue;
    }
    const d = f.type === "DATE" || f.type === "TIME" ? NAMED.exec(f.value) : null;
    if (!d) continue;
    year = +d[1];
    if (d[2]) month = { y: year, m: +d[2] };
    if (d[3]) day = { y: year, m: +d[2], d: +d[3] };
  }
}

const YEAR_BACK = /^(?:(?:a|one)\s+year\s+(?:earlier|ago|before)|(?:the\s+)?year-(?:ago|earlier)(?:\s+period)?)$/i;
/** How many sentences back a quarter still anchors "a year earlier". */
const QUARTER_REACH = 3;

/**
 * In an earnings report "a year earlier" is the same quarter a year before ("third-quarter profit rose to
 * $5 million from $4 million a year earlier": 1988-Q3), when a quarter was named just before.
 */
function anchorToQuarter(found: (Found & { sentence: number })[], text: string): void {
  let quarter: { y: number; q: string; sentence: number } | null = null;
  for (const f of found) {
    if (f.precision === "quarter" && /^\d{4}-Q\d$/.test(f.value)) {
      quarter = { y: +f.value.slice(0, 4), q: f.value.slice(5), sentence: f.sentence };
      continue;
    }
    if (quarter && f.sentence - quarter.sentence <= QUARTER_REACH && YEAR_BACK.test(text.slice(f.start, f.end))) {
      f.value = `${quarter.y - 1}-${quarter.q}`;
      f.precision = "quarter";
    }
  }
}

const CLOCK_DAY_GAP = /^,?\s+(?:on\s+|at\s+)?$/;

/** "10 p.m. Wednesday", "Tuesday at 9 a.m.": one TIME on that day. */
function clockWithDay(a: Found, b: Found, text: string): Found | null {
  if (!CLOCK_DAY_GAP.test(text.slice(a.end, b.start))) return null;
  const clock = a.type === "TIME" && a.value.includes("T") ? a : b.type === "TIME" && b.value.includes("T") ? b : null;
  const day = clock === a ? b : a;
  if (!clock || day.precision !== "day") return null;
  const time = clock.value.slice(clock.value.indexOf("T"));
  if (!/^T\d/.test(time)) return null;
  return { start: a.start, end: b.end, type: "TIME", value: `${day.value}${time}`, precision: "time" };
}
