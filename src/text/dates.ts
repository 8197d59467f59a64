// Publication dates as written in headers, bylines and "Posted on" lines, normalised to YYYY-MM-DD.
// Only absolute calendar dates: relative ones ("on Saturday") are the facts stage's business.

const MONTH_NUMBERS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** Years outside this range are typos or not dates at all ("3000 protesters"). */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const ORDINAL = String.raw`(?:st|nd|rd|th)?`;
const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
/** A time after the date belongs to the date token ("2022-07-09 14:30 GMT"), so glued headers split after it. */
const TIME = String.raw`(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s+(?:UTC|GMT|[ECMP][SD]T|BST|CES?T|IST)\b)?)?`;

type Order = "ymd" | "mdy" | "dmy" | "slash";

/** Each form with the order of its captured parts. Months are names in mdy/dmy, numbers elsewhere. */
const FORMS: { source: string; order: Order; monthName: boolean }[] = [
  { source: String.raw`(\d{4})-(\d{1,2})-(\d{1,2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`, order: "ymd", monthName: false },
  { source: String.raw`(\d{4})/(\d{1,2})/(\d{1,2})`, order: "ymd", monthName: false },
  { source: `${MONTH}\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})`, order: "mdy", monthName: true },
  { source: `(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})`, order: "dmy", monthName: true },
  // Dotted numeric dates are European: day first.
  { source: String.raw`(\d{1,2})\.(\d{1,2})\.(\d{4})`, order: "dmy", monthName: false },
  // Slashed numeric dates are ambiguous; month first (US) unless the first part cannot be a month.
  { source: String.raw`(\d{1,2})/(\d{1,2})/(\d{4})`, order: "slash", monthName: false },
];

const NOT_AFTER_DIGIT = String.raw`(?<![\p{L}\p{N}])`;
const NOT_BEFORE_DIGIT = String.raw`(?![\p{N}])`;

const ANYWHERE = FORMS.map((f) => ({ ...f, re: new RegExp(NOT_AFTER_DIGIT + f.source + NOT_BEFORE_DIGIT, "iu") }));
const AT_START = FORMS.map((f) => ({ ...f, re: new RegExp(`^${WEEKDAY}${f.source}${NOT_BEFORE_DIGIT}${TIME}`, "iu") }));

function monthNumber(part: string, isName: boolean): number {
  return isName ? MONTH_NUMBERS[part.slice(0, 3).toLowerCase()] ?? 0 : Number(part);
}

function toIso(m: RegExpExecArray, order: Order, monthName: boolean): string | null {
  let year: number, month: number, day: number;
  if (order === "ymd") [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if (order === "mdy") [month, day, year] = [monthNumber(m[1], monthName), Number(m[2]), Number(m[3])];
  else if (order === "dmy") [day, month, year] = [Number(m[1]), monthNumber(m[2], monthName), Number(m[3])];
  else {
    const [a, b] = [Number(m[1]), Number(m[2])];
    [month, day] = a > 12 ? [b, a] : [a, b];
    year = Number(m[3]);
  }
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The first calendar date written in `s`, as YYYY-MM-DD, or null. Accepts ISO dates and timestamps (the
 * date part as written, no time-zone shift), 2022/07/09, "July 9, 2022", "Jul. 9th, 2022", "9 July 2022",
 * 09.07.2022 (day first) and 07/09/2022 (month first unless impossible).
 */
export function normalizeDate(s: string): string | null {
  let best: { index: number; iso: string | null } | null = null;
  for (const form of ANYWHERE) {
    const m = form.re.exec(s);
    if (m && (!best || m.index < best.index)) best = { index: m.index, iso: toIso(m, form.order, form.monthName) };
  }
  return best?.iso ?? null;
}

/**
 * The date token that opens `s` ("Saturday, July 9, 2022 10:30 GMT"), exactly as written, or null when `s`
 * does not start with a valid date. Used to split a date header from body text glued onto its line.
 */
export function leadingDate(s: string): string | null {
  for (const form of AT_START) {
    const m = form.re.exec(s);
    if (m && toIso(m, form.order, form.monthName)) return m[0];
  }
  return null;
}
