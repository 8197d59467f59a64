// Time expressions in TIMEX3 form (TimeML's values, as TempEval-3 scores them): the calendar dates the
// timeline uses (dates.ts) with TimeML's own granularity for weeks and parts of days, plus what a timeline
// cannot place but a reader can check: durations ("three days" P3D, "the past 20 years" P20Y), sets
// ("daily" P1D), quarters ("the third quarter" 1989-Q3), seasons, decades, clock times and references to
// the present, past and future ("now" PRESENT_REF, "recently" PAST_REF, "the future" FUTURE_REF).
// Relative values are resolved against the article's date; without one they are given with what is open
// left as X ("on Thursday" XXXX-WXX-4), never guessed.

import type { Article, Timex, TimexPrecision, TimexType } from "../model/index.js";
import { findTimes } from "./dates.js";

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
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, eighteen: 18, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, ninety: 90, hundred: 100,
};
const VAGUE = new Set(["several", "few", "a few", "many", "some", "a couple of", "a number of"]);
const UNIT_CODES: Record<string, string> = {
  second: "S", minute: "M", hour: "H", day: "D", week: "W", month: "M", quarter: "Q", year: "Y", decade: "E", century: "C",
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
  if (amount === null) n = "X";
  else {
    const a = amount.toLowerCase().trim();
    if (/^\d+(?:\.\d+)?$/.test(a)) n = a;
    else if (NUMBERS[a] !== undefined) n = String(NUMBERS[a]);
    else if (VAGUE.has(a)) n = "X";
    else return null;
  }
  return CLOCK_UNITS.has(unit) ? `PT${n}${code}` : `P${n}${code}`;
}

interface Found {
  start: number;
  end: number;
  type: TimexType;
  value: string;
  precision: TimexPrecision | null;
}

type Rule = { re: RegExp; make: (m: RegExpExecArray, pub: Ymd | null, sentence: string) => Omit<Found, "start" | "end"> | null };

const NUM = "(\\d+(?:\\.\\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty|thirty|forty|fifty|sixty|ninety|several|a few|few|many|a couple of)";
const UNIT = "(seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?|decades?|centur(?:y|ies))";
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

const RULES: Rule[] = [
  // Durations with a number: "three days", "more than four hours", "the past 20 years", "18 months".
  {
    re: new RegExp(`\\b(?:(?:the\\s+)?(?:past|last|next|first|coming|previous|following)\\s+)?${HEDGE}${NUM}\\s+(?:more\\s+|full\\s+|straight\\s+)?${UNIT}\\b(?!\\s+(?:ago|earlier|later|old|from now)\\b)(?!-)`, "gi"),
    make: (m) => {
      const v = durationValue(m[1], m[2]);
      return v ? { type: "DURATION", value: v, precision: null } : null;
    },
  },
  // Hyphenated: "a 16-hour flight", "the two-year plan", "a 30-day period".
  {
    re: new RegExp(`\\b${NUM}-(second|minute|hour|day|week|month|year|decade)(?:-long)?\\b(?!-old)`, "gi"),
    make: (m) => {
      const v = durationValue(m[1], m[2]);
      return v ? { type: "DURATION", value: v, precision: null } : null;
    },
  },
  // "for years", "within weeks", "over the past decade", "in recent months".
  {
    re: /\b(?<=(?:for|within|over|in)\s+)(?:the\s+)?(?:(?:past|last|coming)\s+)?(decade|years|months|weeks|days|hours|decades|centuries)\b(?!\s+(?:ago|earlier|later|old|of)\b)/gi,
    make: (m) => {
      const unit = m[1].toLowerCase();
      if (unit === "decade") return /past|last/i.test(m[0]) ? { type: "DURATION", value: "P10Y", precision: null } : null;
      const v = durationValue(null, unit);
      return v ? { type: "DURATION", value: v, precision: null } : null;
    },
  },
  // Sets: "daily", "every week", "each Thursday".
  {
    re: /\b(hourly|daily|weekly|monthly)\b/gi,
    make: (m) => ({ type: "SET", value: SETS[m[1].toLowerCase()], precision: null }),
  },
  {
    re: /\b(?:every|each)\s+(day|week|month|quarter|year|hour|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/gi,
    make: (m) => {
      const w = m[1].toLowerCase();
      const wd = WEEKDAYS.indexOf(w);
      if (wd >= 0) return { type: "SET", value: `XXXX-WXX-${wd + 1}`, precision: null };
      return { type: "SET", value: durationValue("1", w)!, precision: null };
    },
  },
  // Quarters: "the third quarter", "third-quarter", "the quarter", "the year-ago quarter".
  {
    re: /\b(?:(the|this|last|next)\s+(?:year-(?:ago|earlier)\s+)?)?(first|second|third|fourth|1st|2nd|3rd|4th)[-\s]quarter\b/gi,
    make: (m, pub) => {
      if (!pub) return null;
      const q = QUARTER_WORDS[m[2].toLowerCase()];
      let value = quarterOf(pub, q);
      if (/year-(?:ago|earlier)/i.test(m[0])) value = `${+value.slice(0, 4) - 1}${value.slice(4)}`;
      return { type: "DATE", value, precision: "quarter" };
    },
  },
  {
    re: /\bthe\s+(?:(latest|year-ago|year-earlier|current|fiscal)\s+)?quarter\b(?!\s+(?:of|ended|ending)\b)(?!ly)/gi,
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
  // "the year-ago period": the year before (a quarter when one was named just before; see anchorToQuarter).
  {
    re: /\bthe\s+year-(?:ago|earlier)\s+period\b/gi,
    make: (_m, pub) => (pub ? { type: "DATE", value: String(pub.y - 1), precision: "year" } : null),
  },
  // "the first nine months", "the nine months": a duration of months.
  {
    re: new RegExp(`\\bthe\\s+(?:first\\s+)?${NUM}\\s+months\\b`, "gi"),
    make: (m) => {
      const v = durationValue(m[1], "months");
      return v ? { type: "DURATION", value: v, precision: null } : null;
    },
  },
  // Seasons: "last fall", "this summer", "the summer of 1998", "winter 2021".
  {
    re: /\b(?:(last|this|next)\s+)(spring|summer|fall|autumn|winter)\b|\b(?:the\s+)?(spring|summer|fall|autumn|winter)\s+(?:of\s+)?((?:19|20)\d\d)\b/gi,
    make: (m, pub) => {
      const code = SEASONS[(m[2] ?? m[3]).toLowerCase()];
      if (m[4]) return { type: "DATE", value: `${m[4]}-${code}`, precision: "season" };
      if (!pub) return null;
      const rel = m[1].toLowerCase();
      const start = SEASON_MONTH[code];
      let y = pub.y;
      if (rel === "last") y = start < pub.m ? pub.y : pub.y - 1;
      if (rel === "next") y = start > pub.m ? pub.y : pub.y + 1;
      return { type: "DATE", value: `${y}-${code}`, precision: "season" };
    },
  },
  // Decades: "the 1990s", "the '90s".
  {
    re: /\b(?:the\s+)?((?:1[89]|20)\d)0s\b/gi,
    make: (m) => ({ type: "DATE", value: m[1], precision: "decade" }),
  },
  // "fiscal 1989", and a year standing alone ("1990 was a bad year"): a year is a year.
  {
    re: /\b(?:fiscal\s+)?((?:19|20)\d\d)\b(?![-–/.,]?\d|%|['’]s\b|\s*(?:people|homes|jobs|troops|votes|cases|dollars|euros|shares|acres|miles|feet|tons|tonnes|members|workers|units|cars|barrels)\b)/g,
    make: (m, _pub, sentence) => {
      const before = sentence.slice(0, (m as RegExpExecArray & { index: number }).index);
      // A number in a list of amounts or after a currency sign is no year.
      if (/[$€£#]\s*$|\bNo\.\s*$/.test(before)) return null;
      return { type: "DATE", value: m[1], precision: "year" };
    },
  },
  // Clock times: "3 p.m.", "10:30 a.m.", "noon"; the day is the article's unless one is written beside it.
  {
    re: /\b(?:(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\.?(?=\W|$)|(noon|midday|midnight)\b)/gi,
    make: (m, pub) => {
      let t: string;
      if (m[4]) t = m[4].toLowerCase() === "midnight" ? "T24:00" : "T12:00";
      else {
        if (+m[1] > 12) return null;
        const h = (+m[1] % 12) + (m[3].toLowerCase() === "p" ? 12 : 0);
        t = `T${pad(h)}:${m[2] ?? "00"}`;
      }
      return { type: "TIME", value: pub ? `${pub.y}-${pad(pub.m)}-${pad(pub.d)}${t}` : `XXXX-XX-XX${t}`, precision: "time" };
    },
  },
  // A year before or after: "a year earlier", "a year before".
  {
    re: /\b(a|one|two|three|four|five)\s+(year|month)s?\s+(earlier|before)\b/gi,
    make: (m, pub) => {
      if (!pub) return null;
      const n = NUMBERS[m[1].toLowerCase()];
      if (m[2].toLowerCase() === "year") return { type: "DATE", value: String(pub.y - n), precision: "year" };
      const k = pub.y * 12 + pub.m - 1 - n;
      return { type: "DATE", value: `${Math.floor(k / 12)}-${pad((k % 12) + 1)}`, precision: "month" };
    },
  },
  // References: "now", "currently", "recently", "the past", "the future", "soon".
  {
    re: /\b(?:right\s+)?now\b(?!\s+that\b)|\bcurrently\b|\bat present\b|\bnowadays\b|\bthese days\b/gi,
    make: () => ({ type: "DATE", value: "PRESENT_REF", precision: null }),
  },
  {
    re: /\b(?:more\s+)?recently\b|\brecent(?:\s+(?:days|weeks|years|times))?\b(?!\s+months)|\bthe past\b(?!\s+(?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten|week|month|year|decade|day))/gi,
    make: () => ({ type: "DATE", value: "PAST_REF", precision: null }),
  },
  {
    re: /\bthe (?:near\s+)?future\b|\bthe near term\b|\bcoming (?:days|months)\b|\ba later date\b/giu,
    make: () => ({ type: "DATE", value: "FUTURE_REF", precision: null }),
  },
  // "for the year", "the year ended June 30": a year's length; "in the year" (no other year named): the
  // article's year. "this year" is dates.ts's.
  {
    re: /(?<=\b(in|for|during|of|through)\s+)the\s+(?:(?:current|latest|fiscal|full)\s+)?year\b(?!-)(?!\s+(?:before|after|earlier|ago|of|two|\d)\b)(?=(\s+end(?:ed|ing))?)/gi,
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
  return kept.map((f) => ({ start: f.start, end: f.end, text: article.text.slice(f.start, f.end), sentence: f.sentence, type: f.type, value: f.value, precision: f.precision }));
}

const YEAR_BACK = /^(?:(?:a|one)\s+year\s+(?:earlier|ago|before)|the\s+year-(?:ago|earlier)\s+period)$/i;
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
