// Calendar dates as pages write them, in many languages and formats, to YYYY-MM-DD (plus the time when a
// machine-readable value gives one). Pure string functions: the page-level choice of which date is the
// publication date is in pubdate.ts.

/** A date found in a string. */
export interface FoundDate {
  /** YYYY-MM-DD as written (no time-zone shift). */
  day: string;
  /** The full ISO 8601 value when a machine-readable value gave a time ("2021-05-14T09:30:00+02:00"), else `day`. */
  iso: string;
  /** Where the match starts in the string searched, and its length. */
  index: number;
  length: number;
}

/** Plausibility bounds, as YYYY-MM-DD strings (compared as strings). */
export interface DateBounds {
  /** Earliest acceptable date. */
  min: string;
  /** Latest acceptable date: the capture date, or today. */
  max: string;
}

export interface TextDateOptions {
  /** How to read 05/04/2021: day first (most of the world) or month first (the US). Default: day first. */
  dayFirst?: boolean;
  /** Accept two-digit years (14.05.21): only in short strings known to hold a date (a date element). */
  shortYears?: boolean;
}

// ---- Month names: one table for every language, looked up with diacritics removed ----

const MONTH_WORDS: readonly string[][] = [
  // 1
  ["january", "jan", "januar", "jänner", "janner", "janvier", "janv", "enero", "ene", "gennaio", "gen", "janeiro", "januari",
    "tammikuuta", "tammikuu", "styczeń", "stycznia", "leden", "ledna", "январь", "января", "янв", "січень", "січня", "ocak",
    "január", "ianuarie", "ιανουαρίου", "ιανουάριος", "يناير", "jaanuar", "sausio", "janvāris", "janvāra"],
  // 2
  ["february", "feb", "februar", "feber", "février", "fevrier", "févr", "fevr", "fév", "fev", "febrero", "febbraio", "fevereiro",
    "februari", "helmikuuta", "helmikuu", "luty", "lutego", "únor", "února", "февраль", "февраля", "фев", "лютий", "лютого",
    "şubat", "subat", "február", "febr", "februarie", "φεβρουαρίου", "φεβρουάριος", "فبراير", "veebruar", "vasario", "februāris"],
  // 3
  ["march", "mar", "märz", "marz", "mär", "mrz", "mars", "marzo", "março", "marco", "maart", "mrt", "marts", "maaliskuuta",
    "maaliskuu", "marzec", "marca", "březen", "března", "март", "марта", "мар", "березень", "березня", "mart", "március", "márc",
    "martie", "μαρτίου", "μάρτιος", "مارس", "märts", "kovo", "marts"],
  // 4
  ["april", "apr", "avril", "avr", "abril", "abr", "aprile", "huhtikuuta", "huhtikuu", "kwiecień", "kwietnia", "duben", "dubna",
    "апрель", "апреля", "апр", "квітень", "квітня", "nisan", "április", "ápr", "aprilie", "απριλίου", "απρίλιος", "أبريل", "ابريل",
    "aprill", "balandžio", "aprīlis"],
  // 5
  ["may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maj", "toukokuuta", "toukokuu", "maja", "květen", "května", "май", "мая",
    "травень", "травня", "mayıs", "mayis", "május", "máj", "μαΐου", "μαΐου", "μάιος", "مايو", "gegužės", "maijs"],
  // 6
  ["june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "kesäkuuta", "kesäkuu", "czerwiec", "czerwca", "červen",
    "června", "июнь", "июня", "червень", "червня", "haziran", "június", "jún", "iunie", "ιουνίου", "ιούνιος", "يونيو", "juuni",
    "birželio", "jūnijs"],
  // 7
  ["july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "heinäkuuta", "heinäkuu", "lipiec", "lipca",
    "červenec", "července", "июль", "июля", "липень", "липня", "temmuz", "július", "júl", "iulie", "ιουλίου", "ιούλιος", "يوليو",
    "juuli", "liepos", "jūlijs"],
  // 8
  ["august", "aug", "août", "aout", "agosto", "ago", "augustus", "augusti", "elokuuta", "elokuu", "sierpień", "sierpnia", "srpen",
    "srpna", "август", "августа", "авг", "серпень", "серпня", "ağustos", "agustos", "augusztus", "αυγούστου", "αύγουστος",
    "أغسطس", "اغسطس", "agustus", "rugpjūčio", "augusts"],
  // 9
  ["september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set", "setembro", "syyskuuta", "syyskuu",
    "wrzesień", "września", "září", "сентябрь", "сентября", "сен", "сент", "вересень", "вересня", "eylül", "eylul", "szeptember",
    "szept", "septembrie", "σεπτεμβρίου", "σεπτέμβριος", "سبتمبر", "septembris", "rugsėjo"],
  // 10
  ["october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out", "lokakuuta", "lokakuu",
    "październik", "października", "říjen", "října", "октябрь", "октября", "окт", "жовтень", "жовтня", "ekim", "október",
    "octombrie", "οκτωβρίου", "οκτώβριος", "أكتوبر", "اكتوبر", "oktoober", "spalio", "oktobris"],
  // 11
  ["november", "nov", "novembre", "noviembre", "novembro", "marraskuuta", "marraskuu", "listopad", "listopada", "listopadu",
    "ноябрь", "ноября", "ноя", "листопада", "kasım", "kasim", "noiembrie", "νοεμβρίου", "νοέμβριος", "نوفمبر", "lapkričio",
    "novembris"],
  // 12
  ["december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre", "dezembro", "desember",
    "joulukuuta", "joulukuu", "grudzień", "grudnia", "prosinec", "prosince", "декабрь", "декабря", "дек", "грудень", "грудня",
    "aralık", "aralik", "decembrie", "δεκεμβρίου", "δεκέμβριος", "ديسمبر", "detsember", "gruodžio", "decembris"],
];

/** Lower case, diacritics removed: "Märzo" → "marzo", "мая" stays Cyrillic. */
export function foldWord(word: string): string {
  return word.toLowerCase().normalize("NFD").replace(/\p{M}+/gu, "");
}

const MONTHS: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  MONTH_WORDS.forEach((words, i) => {
    for (const w of words) map.set(foldWord(w), i + 1);
  });
  return map;
})();

/** The month a word names in any of the languages known (1–12), or 0. A trailing dot is ignored. */
export function monthFromWord(word: string): number {
  return MONTHS.get(foldWord(word.replace(/\.$/, ""))) ?? 0;
}

// ---- Digits ----

/** Other digit systems (Arabic-Indic, Persian, full-width, Devanagari) → ASCII, so every pattern sees 0-9. */
const FOREIGN_DIGITS = /[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19\u0966-\u096f]/g;
export function asciiDigits(s: string): string {
  return s.replace(FOREIGN_DIGITS, (c) => {
    const code = c.charCodeAt(0);
    const zero = code >= 0xff10 ? 0xff10 : code >= 0x0966 ? 0x0966 : code >= 0x06f0 ? 0x06f0 : 0x0660;
    return String(code - zero);
  });
}

// ---- Validation ----

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** YYYY-MM-DD when the parts form a real calendar day, else null. */
export function makeDay(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function withinBounds(day: string, bounds: DateBounds): boolean {
  return day >= bounds.min && day <= bounds.max;
}

/** A YYYY-MM-DD day for a moment (a Date or an ISO string), in UTC; null when unreadable. */
export function dayOf(moment: Date | string): string | null {
  const date = typeof moment === "string" ? new Date(moment) : moment;
  const t = date.getTime();
  if (!Number.isFinite(t)) {
    // An ISO date the Date parser refused ("2021-05-14T25:00"): its date part still counts.
    const m = typeof moment === "string" ? /^(\d{4})-(\d{2})-(\d{2})/.exec(moment) : null;
    return m ? makeDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  }
  return date.toISOString().slice(0, 10);
}

/** Adds days to a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  const t = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

// ---- Machine-readable values: <meta content>, JSON-LD, <time datetime> ----

const ISO_VALUE = /^\s*(\d{4})-?(\d{2})-?(\d{2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{1,2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?)?/i;
const EPOCH = /^\s*(\d{10}|\d{13})(?:\.\d+)?\s*$/;

/**
 * A machine-readable date value: ISO 8601 (date, or date and time; compact 20210514 too), a Unix time in
 * seconds or milliseconds, or failing those any written date at the start of the value (RFC 822
 * "Fri, 14 May 2021 10:00:00 GMT", "14.05.2021"…). Null when none or outside the bounds.
 */
export function parseDateValue(value: string, bounds: DateBounds, options: TextDateOptions = {}): FoundDate | null {
  const s = asciiDigits(value).slice(0, 100);
  const epoch = EPOCH.exec(s);
  if (epoch) {
    const ms = epoch[1].length === 13 ? Number(epoch[1]) : Number(epoch[1]) * 1000;
    const date = new Date(ms);
    const day = dayOf(date);
    if (!day || !withinBounds(day, bounds)) return null;
    return { day, iso: date.toISOString().replace(/\.000Z$/, "Z"), index: 0, length: epoch[0].length };
  }
  const iso = ISO_VALUE.exec(s);
  if (iso) {
    const day = makeDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (!day) return null;
    if (!withinBounds(day, bounds)) return null;
    let full = day;
    if (iso[4] !== undefined) {
      const hour = Number(iso[4]);
      const minute = Number(iso[5]);
      const second = iso[6] !== undefined ? Number(iso[6]) : 0;
      if (hour < 24 && minute < 60 && second < 60) {
        let zone = iso[7] ?? "";
        if (/^(utc|gmt)$/i.test(zone)) zone = "Z";
        else if (/^[+-]\d{2}$/.test(zone)) zone += ":00";
        else if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
        // A midnight time with no zone carries no information ("2021-05-14 00:00:00" from a date column).
        if (hour || minute || second || zone) full = `${day}T${pad(hour)}:${pad(minute)}:${pad(second)}${zone}`;
      }
    }
    return { day, iso: full, index: iso.index, length: iso[0].length };
  }
  const found = firstDateInText(s, bounds, { ...options, shortYears: options.shortYears ?? true });
  return found && found.index <= 40 ? found : null;
}

// ---- Written dates in text ----

const WORD = String.raw`(\p{L}[\p{L}\p{M}]{1,13}\.?)`;
const L_EDGE = String.raw`(?<![\p{L}\p{N}])`;
const D_EDGE = String.raw`(?<![\p{L}\p{N}.,/-])`;
const R_EDGE = String.raw`(?![\p{N}])`;
const YEAR = String.raw`((?:19|20)\d{2})`;

type Form = { re: RegExp; parts: (m: RegExpExecArray, options: TextDateOptions) => [number, number, number] | null; short?: boolean };

function numericDayMonth(a: number, b: number, dayFirst: boolean): [number, number] {
  // [day, month]
  if (a > 12) return [a, b];
  if (b > 12) return [b, a];
  return dayFirst ? [a, b] : [b, a];
}

function twoDigitYear(y: string): number {
  const n = Number(y);
  return y.length === 4 ? n : n >= 90 ? 1900 + n : 2000 + n;
}

const FORMS: Form[] = [
  // 2021-05-14, 2021/05/14, 2021.05.14, 2021. 05. 14. (Korean, Hungarian)
  {
    re: new RegExp(`${D_EDGE}${YEAR}(?:([-/.])[^\\S\\n]?(\\d{1,2})\\2[^\\S\\n]?(\\d{1,2})|-(\\d{2})-(\\d{2})T)${R_EDGE}`, "gu"),
    parts: (m) => [Number(m[1]), Number(m[3] ?? m[5]), Number(m[4] ?? m[6])],
  },
  // 14.05.2021, 14/05/2021, 14-05-2021 (dots and dashes day first; slashes by the page's convention)
  {
    re: new RegExp(`${D_EDGE}(\\d{1,2})([./-])[^\\S\\n]?(\\d{1,2})\\2[^\\S\\n]?${YEAR}${R_EDGE}`, "gu"),
    parts: (m, o) => {
      const [day, month] = numericDayMonth(Number(m[1]), Number(m[3]), m[2] !== "/" || o.dayFirst !== false);
      return [Number(m[4]), month, day];
    },
  },
  // 14.05.21, 14/05/21 (short strings only)
  {
    re: new RegExp(`${D_EDGE}(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{2})(?![\\p{N}.:/-])`, "gu"),
    parts: (m, o) => {
      const [day, month] = numericDayMonth(Number(m[1]), Number(m[3]), m[2] !== "/" || o.dayFirst !== false);
      return [twoDigitYear(m[4]), month, day];
    },
    short: true,
  },
  // 14 May 2021, 14. Mai 2021, 14 de mayo de 2021, 1er mai 2021, 14th of May, 2021, 14 мая 2021 г.
  {
    re: new RegExp(`${D_EDGE}(\\d{1,2})(?:\\.|st|nd|rd|th|er|º|°|ª)?[^\\S\\n]*(?:of[^\\S\\n]+|de[^\\S\\n]+)?${WORD},?[^\\S\\n]*(?:de[^\\S\\n]+|del[^\\S\\n]+|,[^\\S\\n]*)?${YEAR}${R_EDGE}`, "giu"),
    parts: (m) => [Number(m[3]), monthFromWord(m[2]), Number(m[1])],
  },
  // May 14, 2021, Mai 14 2021, Sept. 4th, 2021
  {
    re: new RegExp(`${L_EDGE}${WORD}[^\\S\\n]*(\\d{1,2})(?:st|nd|rd|th)?\\.?,?[^\\S\\n]+${YEAR}${R_EDGE}`, "giu"),
    parts: (m) => [Number(m[3]), monthFromWord(m[1]), Number(m[2])],
  },
  // 2021年5月14日, 2021년 5월 14일
  {
    re: new RegExp(`${D_EDGE}${YEAR}[^\\S\\n]*[年년][^\\S\\n]*(\\d{1,2})[^\\S\\n]*[月월][^\\S\\n]*(\\d{1,2})[^\\S\\n]*[日일号]?`, "gu"),
    parts: (m) => [Number(m[1]), Number(m[2]), Number(m[3])],
  },
  // 2021. május 14. (Hungarian), 2021 May 14
  {
    re: new RegExp(`${D_EDGE}${YEAR}\\.?,?[^\\S\\n]*${WORD}[^\\S\\n]*(\\d{1,2})(?:\\.|${R_EDGE})`, "giu"),
    parts: (m) => [Number(m[1]), monthFromWord(m[2]), Number(m[3])],
  },
];

/** Texts longer than this are searched only around their four-digit years (every form but the short-year one has one). */
const WINDOWED_FROM = 600;
const YEAR_ANYWHERE = /(?:19|20)\d{2}/g;
/** How far a written date reaches before and after its year ("Sonntag, 14. September 2021", "2021年5月14日"). */
const BEFORE_YEAR = 40;
const AFTER_YEAR = 30;

/** Every date written in `s`, in order of position (overlapping matches: the earliest, then the longest). */
export function datesInText(s: string, bounds: DateBounds, options: TextDateOptions = {}): FoundDate[] {
  const text = asciiDigits(s);
  const found: FoundDate[] = [];
  const search = (part: string, offset: number) => {
    for (const form of FORMS) {
      if (form.short && !options.shortYears) continue;
      form.re.lastIndex = 0;
      for (let m = form.re.exec(part); m; m = form.re.exec(part)) {
        const parts = form.parts(m, options);
        const day = parts && parts[1] ? makeDay(parts[0], parts[1], parts[2]) : null;
        if (day && withinBounds(day, bounds)) found.push({ day, iso: day, index: m.index + offset, length: m[0].length });
      }
    }
  };
  if (text.length <= WINDOWED_FROM || options.shortYears) search(text, 0);
  else {
    // Windows around the years, merged where they overlap; edges fall on the text's own characters.
    let start = -1;
    let end = -1;
    YEAR_ANYWHERE.lastIndex = 0;
    for (let m = YEAR_ANYWHERE.exec(text); m; m = YEAR_ANYWHERE.exec(text)) {
      const from = Math.max(0, m.index - BEFORE_YEAR);
      const to = Math.min(text.length, m.index + 4 + AFTER_YEAR);
      if (from <= end) end = to;
      else {
        if (end > start) search(text.slice(start, end), start);
        start = from;
        end = to;
      }
    }
    if (end > start) search(text.slice(start, end), start);
  }
  found.sort((a, b) => a.index - b.index || b.length - a.length);
  // Drop matches inside an earlier one.
  const out: FoundDate[] = [];
  let last = -1;
  for (const f of found) {
    if (f.index < last) continue;
    out.push(f);
    last = f.index + f.length;
  }
  return out;
}

/** The first date written in `s`, or null. */
export function firstDateInText(s: string, bounds: DateBounds, options: TextDateOptions = {}): FoundDate | null {
  return datesInText(s, bounds, options)[0] ?? null;
}

// ---- URLs ----

export interface UrlDate {
  day: string;
  /** The part of the URL that holds it: "/2021/05/14/", "/20210514/", "date=2021-05-14". */
  detail: string;
}

const URL_FORMS: { re: RegExp; order: "ymd" | "dmy" }[] = [
  // /2021/05/14/, /2021/5/14-slug, /2021-05-14/, _2021_05_14
  { re: /[/_-]((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?=[/_.?#-]|$)/, order: "ymd" },
  // /20210514/, -20210514-, /20210514123456 (a timestamp id starting with the day)
  { re: /[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_.?#-]|\d{4,6}(?:[/_.?#-]|$)|$)/, order: "ymd" },
  // date=2021-05-14, ?d=20210514
  { re: /[?&][\w-]*(?:date|day|d)=((?:19|20)\d{2})-?(\d{2})-?(\d{2})(?=[&#]|$)/i, order: "ymd" },
  // /14-05-2021/, _14.05.2021_ (day first)
  { re: /[/_-](\d{2})([-_.])(\d{2})\2((?:19|20)\d{2})(?=[/_.?#-]|$)/, order: "dmy" },
];

/** A full date (day precision) in a URL's path or query, or null. */
export function dateFromUrl(url: string, bounds: DateBounds): UrlDate | null {
  let path = url;
  try {
    const u = new URL(url);
    path = u.pathname + u.search;
  } catch {
    // Not absolute: search it as given.
  }
  for (const form of URL_FORMS) {
    const m = form.re.exec(path);
    if (!m) continue;
    const day = form.order === "ymd" ? makeDay(Number(m[1]), Number(m[2]), Number(m[3])) : makeDay(Number(m[4]), Number(m[3]), Number(m[1]));
    if (day && withinBounds(day, bounds)) return { day, detail: m[0].replace(/^[_-]/, "") + (path[m.index + m[0].length] === "/" ? "/" : "") };
  }
  return null;
}
