// Cleaning: from a document body to the article's own paragraphs, with the page furniture removed and
// the metadata it carried (title, byline, date, dateline, wire agency, source credit) kept aside.
// Rules look at whole short lines: a real sentence that merely mentions "share" or "comment" is content.
import { leadingDate, normalizeDate } from "./dates.js";
import { words } from "./tokens.js";

export interface CleanResult {
  title: string | null;
  paragraphs: string[];
  sourceName: string | null;
  agency: string | null;
  dateline: string | null;
  author: string | null;
  /** YYYY-MM-DD from a "Posted on …" / "Published: …" / byline date line, or null. */
  date: string | null;
}

export interface CleanOptions {
  /** A title already known (from the file header): a leading body line repeating it is dropped, not taken as title. */
  title?: string;
}

// ---- Thresholds (documented defaults) ----

/** Titles are short: longer first lines are paragraphs. */
const MAX_TITLE_CHARS = 200;
const MAX_TITLE_WORDS = 25;
/** Metadata lines (byline, date, source credit) are looked for among the first and last lines only. */
const LEADING_ZONE_LINES = 8;
const TRAILING_ZONE_LINES = 8;
/** A line with this many words, or ending like a sentence, is article text: the leading zone ends there. */
const CONTENT_LINE_WORDS = 12;
/** Two titles are the same when this share of the shorter one's words is shared (case, punctuation)… */
const TITLE_REPEAT_OVERLAP = 0.8;
/** …and the shorter has at least this share of the longer's words (a site suffix, not a whole paragraph). */
const TITLE_REPEAT_MIN_LENGTH_RATIO = 0.5;
/** Within a block of lines, this share of line ends looking like sentence ends means one paragraph per line. */
const LINE_PER_PARAGRAPH_SHARE = 0.75;
/** After a "Related posts" heading, shorter lines without a final period are link titles. */
const MAX_LINK_TITLE_WORDS = 20;
/** A comment-section heading only cuts the rest when it comes after this share of the lines. */
const COMMENTS_CUT_FROM = 0.5;

// ---- Wire agencies ----

/** Agency names as credited, mapped to one canonical short name. */
const AGENCY_NAMES: Readonly<Record<string, string>> = {
  AFP: "AFP", "Agence France-Presse": "AFP", "Agence France Presse": "AFP",
  Reuters: "Reuters", REUTERS: "Reuters", "Thomson Reuters": "Reuters",
  AP: "AP", "Associated Press": "AP", "The Associated Press": "AP",
  Bloomberg: "Bloomberg", dpa: "dpa", DPA: "dpa", ANI: "ANI", PTI: "PTI", IANS: "IANS", UNI: "UNI",
  Xinhua: "Xinhua", XINHUA: "Xinhua", TASS: "TASS", Interfax: "Interfax", EFE: "EFE", ANSA: "ANSA",
  Kyodo: "Kyodo", "Kyodo News": "Kyodo", Yonhap: "Yonhap", AAP: "AAP", "Canadian Press": "CP",
  "The Canadian Press": "CP", CP: "CP", Anadolu: "Anadolu", "Anadolu Agency": "Anadolu", "PA Media": "PA",
  "Press Association": "PA", PA: "PA", UPI: "UPI", Bernama: "Bernama", Antara: "Antara", WAM: "WAM",
  IRNA: "IRNA", KUNA: "KUNA", Sputnik: "Sputnik", "RIA Novosti": "RIA Novosti", Ukrinform: "Ukrinform",
  Jiji: "Jiji", "Jiji Press": "Jiji", Lusa: "Lusa", Belga: "Belga", ANP: "ANP", NTB: "NTB", PAP: "PAP",
};
// Whole words only: "PA" must not match inside "PARIS".
const AGENCY = `(?<![A-Za-z0-9])(?:${Object.keys(AGENCY_NAMES).sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})(?![A-Za-z0-9])`;
const AGENCY_RE = new RegExp(AGENCY);
/** "By Reuters Staff", "By AFP": an agency credited as the author. */
const AGENCY_AS_AUTHOR = new RegExp(`^${AGENCY}(?:\\s+(?:staff|reporters?|news|correspondents?))?$`, "i");
const AGENCIES = `${AGENCY}(?:\\s*(?:[/,&]|and)\\s*${AGENCY})*`;

/** A line that is only a credit: "— AFP", "(Reuters)", "With inputs from PTI", "AP contributed to this report." */
const AGENCY_LINE = new RegExp(
  `^[\\s(\\[—–-]*(?:[Ww]ith (?:inputs? from |additional reporting (?:by|from) )?)?(${AGENCIES})` +
    `(?:\\s+contributed(?: to this (?:report|story))?)?[\\s)\\].]*$`,
);
/** A credit at the very end of the last paragraph, after its final sentence: "… he said. — AFP". */
const AGENCY_SUFFIX = new RegExp(`(?<=[.!?"”’])\\s*(?:[—–-]{1,2}\\s*\\(?|\\()\\s*(${AGENCIES})\\s*\\)?\\.?$`);

function canonicalAgency(credit: string): string | null {
  const first = AGENCY_RE.exec(credit)?.[0];
  return first ? AGENCY_NAMES[first] ?? null : null;
}

// ---- Datelines ----

const MONTH_SHORT = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?`;
const DAY_MONTH = `(?:${MONTH_SHORT}\\s+\\d{1,2}|\\d{1,2}\\s+${MONTH_SHORT})(?:,?\\s+\\d{4})?`;
const CAPS_WORD = String.raw`\p{Lu}[\p{Lu}.'’\-]*\p{Lu}\.?`;
const PROPER_WORD = String.raw`\p{Lu}\p{Ll}[\p{L}.'’\-]*`;
const PARTICLE = String.raw`(?:de|del|da|do|di|la|le|el|al|am|an|upon|on|of)`;
const PROPER_PLACE = `${PROPER_WORD}(?:\\s+(?:${PARTICLE}\\s+)?${PROPER_WORD}){0,3}`;
const CAPS_PLACE = `${CAPS_WORD}(?:\\s+${CAPS_WORD}){0,3}`;
const REGION = `(?:,\\s*(?:${PROPER_PLACE}|${CAPS_PLACE}))?`;
const DASH = String.raw`\s*(?:[—–]|-{1,2})\s*`;

/** Opening agency credit, with or without a place: "(Reuters) -", "NEW DELHI, July 9 (AFP) -". */
const DATELINE_AGENCY = new RegExp(`^(?:((?:${CAPS_PLACE}|${PROPER_PLACE})${REGION})(?:,\\s*${DAY_MONTH})?\\s*)?\\((${AGENCIES})\\)(?:${DASH}|\\s*:\\s*)`, "u");
/**
 * A wire dateline crediting an agency storydesk does not know: "VALMARA, March 18 (Baltic Wire) —". Only
 * with a capitals place and a date, the wire style, so a parenthesis opening an ordinary sentence is not one.
 */
const DATELINE_WIRE = new RegExp(`^(${CAPS_PLACE}${REGION}),\\s*${DAY_MONTH}\\s*\\((${PROPER_WORD}(?:\\s+${PROPER_WORD}){0,3})\\)${DASH}`, "u");
/** "NEW DELHI —", "KYIV, Ukraine —", "MUMBAI:" */
const DATELINE_CAPS = new RegExp(`^(${CAPS_PLACE}${REGION})(?:,\\s*${DAY_MONTH})?(?:${DASH}|\\s*:\\s+)(?=\\S)`, "u");
/** "Geneva, 9 July –", "Mumbai, July 9:" (a proper-cased place needs a date or a long dash to be a dateline). */
const DATELINE_PROPER_DATED = new RegExp(`^(${PROPER_PLACE}${REGION}),\\s*${DAY_MONTH}(?:${DASH}|\\s*:\\s+)(?=\\S)`, "u");
const DATELINE_PROPER_DASH = new RegExp(`^(${PROPER_PLACE}${REGION})\\s+[—–]\\s*(?=[\\p{Lu}"“])`, "u");
/** Capitalised labels that open a paragraph like a dateline but are not places. */
const NOT_PLACES = new Set(["BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "VIDEO", "PHOTOS", "LIVE", "ANALYSIS", "OPINION", "EDITORIAL", "NOTE", "EDITOR'S NOTE", "CORRECTION", "FILE", "ALERT", "URGENT", "FLASH"]);

// ---- Bylines, date lines, source credits ----

const NAME_WORD = String.raw`\p{Lu}[\p{L}'’.\-]*`;
const NAME = `${NAME_WORD}(?:\\s+(?:(?:van|von|de|der|den|da|di|del|la|le|bin|al|el|ibn)\\s+)?${NAME_WORD}){0,4}`;
const NAMES = `${NAME}(?:\\s*(?:,|and|&)\\s*${NAME})*`;
/** "By Jane Doe", "By Jane Doe and John Roe, Reuters", "Written by JANE DOE | July 9, 2022". */
const BYLINE = new RegExp(`^(?:[Bb]y|BY|[Ww]ritten [Bb]y|WRITTEN BY|[Ww]ords by|[Ss]tory by)[:\\s]\\s*(${NAMES})(?:\\s*(?:[,|·•–—-]|\\bin\\b)\\s*(.*))?$`, "u");
/** Things a capitalised word after "By" can be that are not people: "By Monday, …", "By Reuters Staff". */
const NOT_NAMES = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|The|This|That|Then|Now|Law|Contrast|Comparison|Far|Noon|Night|Midnight|Dawn|Evening|Morning|Afternoon|Early|Late|Last|Next)\b/;
/** A byline's tail (after "," or "|") that is a role, place or date: short. */
const MAX_BYLINE_TAIL_WORDS = 6;

const DATE_LINE_LABEL = /^(?:(posted|published|first published|date|dated|updated|last updated|modified|last modified)(?:\s+on)?\s*[:\-–—]?\s*)?/i;
const UPDATE_LABEL = /^(?:updated|last updated|modified|last modified)/i;
/** What may follow the date on a date line: a time zone remnant, "| Jane Doe", "by Jane Doe". */
const DATE_LINE_TAIL = /^(?:[|·•,–—-]\s*.{0,80}|by\s+.{1,80})?$/i;

const SOURCE_CREDIT = /^(?:source|via|courtesy(?:\s+of)?)\s*[:\-–—]\s*(.{2,80})$|^(?:originally published (?:at|on|in|by)|this (?:article|story) (?:first |originally )?appeared (?:on|in|at))\s*:?\s*(.{2,80}?)\.?$/i;
const MAX_SOURCE_WORDS = 8;

// ---- Boilerplate ----

/**
 * Whole-line rules: the pattern must match the entire line, which must be at most `maxWords` long.
 * A `hint` is a lowercase word the line must contain, checked first because it is cheaper than the pattern.
 */
const BOILERPLATE_RULES: { re: RegExp; maxWords: number; hint?: string }[] = [
  { maxWords: 12, re: /^(?:leave a (?:comment|reply)|post a comment|add (?:a )?comment|join the (?:conversation|discussion)|(?:view|show|read|load) (?:all |more )?comments|cancel reply|comments? (?:\(\d+\)|are closed)|comments?|(?:no|\d+) (?:comments?|responses?|replies)|discussion)\s*[:.!]?$/i },
  { maxWords: 40, re: /^(?:your email address will not be published|required fields are marked|you must be logged in to post)/i },
  { maxWords: 12, re: /^(?:share|share (?:this|the) (?:article|story|post|page)|share this|share on \w+|tweet|pin it|email|e-mail|print|save|bookmark|copy link|link copied|click to (?:share|email|print|copy)\b.*|share (?:via|with) .*)\s*[:.!]?$/i },
  { maxWords: 12, re: /^(?:related|recommended|popular|trending|latest|more)(?: (?:posts?|articles?|stories|news|content|reading|coverage|videos?|from .{1,40}))?\s*:?$/i },
  { maxWords: 12, re: /^(?:you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|more stories|read next|up next|most (?:read|popular|viewed|shared)|don'?t miss|also read|see also|what to read next|editor'?s picks?|top stories)\b.*$/i },
  { maxWords: 25, re: /^(?:subscribe|sign up|signup|register|log ?in)\b.*$/i },
  { maxWords: 25, re: /^.{0,100}\b(?:(?:our|free|daily|weekly) newsletters?|(?:to|in) your inbox)\b.{0,100}$/i },
  // Credits naming no agency; "With inputs from PTI" names one and is taken as a credit instead.
  { maxWords: 8, re: /^\(?with (?:agency )?inputs?(?: from (?:agencies|wires|news agencies))?\)?\.?$/i },
  { maxWords: 6, re: /^(?:advertisement|advertisements|advert|ad|sponsored(?: content)?|paid content|story continues below(?: advertisement)?|continue reading below|scroll to continue(?: with content)?)\s*[:.]?$/i },
  { maxWords: 25, re: /^(?:read more|read also|also read|continue reading|read the (?:full|original) (?:story|article)|click here|more info|learn more|watch now|(?:watch|listen|video)\s*:)\b.*$/i },
  { maxWords: 40, re: /^\(?(?:photo|photos|image|images|picture|video|photograph|file photo|illustration|graphic|caption|credit)s?(?: credit| by| courtesy(?: of)?)?\s*[:|/©].*$/i },
  { maxWords: 40, re: /\((?:photo|image|picture|file photo|credit)s?:[^)]*\)\s*$/i },
  { maxWords: 12, re: /^.{0,60}\b(?:getty images|shutterstock|afp via getty|ap photo|reuters\/[\p{L} .]+)\)?$/iu },
  { maxWords: 50, hint: "cookie", re: /\b(?:we use cookies|uses cookies|use of cookies|cookie (?:policy|settings|preferences|notice|consent)|accept (?:all )?cookies|by continuing to (?:use|browse))\b/i },
  { maxWords: 20, re: /^(?:all rights reserved|copyright\s*(?:©|\(c\)|\d{4}).*|©.*|\(c\) ?\d{4}.*).{0,80}$/i },
  { maxWords: 40, re: /^(?:tags|tagged(?: with| in)?|topics|categories|category|filed under|posted in|posted under|related topics|keywords|labels|section)\s*:.*$/i },
  { maxWords: 4, re: /^(?:posted|published|updated|posted on|published on|updated on|by|author|date|written by)\s*:?$/i },
  { maxWords: 6, re: /^[\d,.]+k?\s+(?:posts|articles|shares|comments|views|followers|likes|reads)\b.*$/i },
  { maxWords: 12, re: /^(?:view all posts(?: by .*)?|about the author|about (?:me|us)|follow (?:me|us)(?: on .*)?|author bio|more by this author|see all articles(?: by .*)?|contact the author)\s*[:.]?$/i },
  { maxWords: 10, re: /^(?:skip to (?:main )?content|back to top|menu|home|search|close|loading\.*|like this:?|like loading\.*|(?:\d+ )?min(?:ute)?s? read|reading time.*|listen to this article.*|print this (?:page|article)|report an? (?:error|typo|correction)|(?:posted|published|updated) \d+ (?:seconds?|minutes?|hours?|days?) ago)\s*[:.]?$/i },
  { maxWords: 20, re: /^(?:previous|next|prev|older|newer) (?:post|article|story|entry)\b.*$/i },
  { maxWords: 40, re: /^\(?(?:additional )?(?:reporting|writing|editing|compiled|contributing|research) by\b.*$/i },
  { maxWords: 12, re: /^(?:(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|email|e-mail|print|share|tweet|messenger|copy link|flipboard|mastodon|threads|bluesky)[\s,|/·•]*){1,12}$/i },
  { maxWords: 30, re: /^(?:#[\p{L}\p{N}_]+[\s,]*)+$/u },
  { maxWords: 3, re: /^(?:https?:\/\/|www\.)\S+$/i },
  // The footer of an embedded tweet: "— Jane Roe (@janeroe) November 3, 2019".
  { maxWords: 16, re: /^[—–-]\s*.{1,60}\(@\w{1,30}\)\s+\p{L}+\.? \d{1,2}, \d{4}$/u },
  { maxWords: 20, re: /^[-_*=~•·.\s]{3,}$/ },
];

/** A heading after which come link titles to other articles, not this one's text. */
const RELATED_HEADING = /^(?:related|recommended|more|popular|trending|latest|you (?:may|might) (?:also )?like|read next|more stories|more from .{1,40}|most (?:read|popular|viewed)|editor'?s picks?|top stories)(?: (?:posts?|articles?|stories|news|content|reading|coverage))?\s*:?$/i;
/** A heading after which, late in a page, come readers' comments. */
const COMMENTS_HEADING = /^(?:leave a (?:comment|reply)|post a comment|\d+ (?:comments?|responses?|replies)|comments?(?: \(\d+\))?|join the (?:conversation|discussion)|discussion)\s*[:.]?$/i;

// ---- Lines ----

interface Line {
  text: string;
  /** A blank line came before it: a hard paragraph break. */
  gap: boolean;
  words: number;
}

/** Zero-width spaces, word joiners, soft hyphens, stray BOMs (not U+200D, which joins emoji). */
const INVISIBLE = /[\u200B\u2060\u00AD\uFEFF]/g;
const MARKDOWN_HEADING = /^#{1,6}\s+/;
const WHITESPACE_TO_COLLAPSE = /\s{2,}|[^\S ]/g;
const SENTENCE_END = /[.!?…]["”’')\]]*$/;
const TITLE_BAD_END = /[.,;:]["”’')\]]*$/;
/** A sentence boundary inside a line (after a word, so not "Mr. Smith"): a title is one phrase, not two sentences. */
const INNER_SENTENCE_END = /\p{Ll}{3}[.!?]["”’]?\s+["“]?\p{Lu}/u;
const BULLET = /^(?:[-*•·]|\d{1,2}[.)])\s/;
const STARTS_LOWER = /^\p{Ll}/u;
/** Words a headline does not end with; a first line ending so is a wrapped sentence. */
const DANGLING = new Set(["the", "a", "an", "of", "and", "or", "to", "in", "for", "that", "with", "on", "at", "by", "from", "as", "is", "was", "said"]);

/** Words in a whitespace-collapsed line. */
function countWords(text: string): number {
  let n = 1;
  for (let i = text.indexOf(" "); i >= 0; i = text.indexOf(" ", i + 1)) n++;
  return n;
}

function toLines(body: string): Line[] {
  const lines: Line[] = [];
  let gap = false;
  for (const raw of body.replace(INVISIBLE, "").split("\n")) {
    // Only runs and odd spaces are rewritten: replacing every single space is the slow part of cleaning.
    const text = raw.replace(WHITESPACE_TO_COLLAPSE, " ").trim().replace(MARKDOWN_HEADING, "");
    if (!text) {
      gap = lines.length > 0;
      continue;
    }
    lines.push({ text, gap, words: countWords(text) });
    gap = false;
  }
  return lines;
}

function isBoilerplate(line: Line): boolean {
  let lower: string | null = null;
  for (const rule of BOILERPLATE_RULES) {
    if (line.words > rule.maxWords) continue;
    if (rule.hint && !(lower ??= line.text.toLowerCase()).includes(rule.hint)) continue;
    if (rule.re.test(line.text)) return true;
  }
  return false;
}

function isContentLine(line: Line): boolean {
  return line.words >= CONTENT_LINE_WORDS || (line.words >= 4 && SENTENCE_END.test(line.text));
}

/**
 * Removes page furniture: boilerplate lines, link titles under a "Related" heading, and readers' comments
 * under a late "Comments" heading.
 */
function dropFurniture(lines: Line[]): Line[] {
  const kept: Line[] = [];
  let inRelated = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (COMMENTS_HEADING.test(line.text) && i >= lines.length * COMMENTS_CUT_FROM && kept.some(isContentLine)) break;
    if (RELATED_HEADING.test(line.text) && line.words <= MAX_LINK_TITLE_WORDS) {
      inRelated = true;
      continue;
    }
    if (inRelated && line.words <= MAX_LINK_TITLE_WORDS && !/\.["”’]?$/.test(line.text)) continue;
    inRelated = false;
    if (!isBoilerplate(line)) kept.push(line);
  }
  return kept;
}

// ---- Title ----

function sameTitle(a: string, b: string): boolean {
  // Cheap rejection first: far longer or shorter lines (a lead paragraph) cannot be a repeat.
  const [ca, cb] = [countWords(a), countWords(b)];
  if (Math.min(ca, cb) < Math.max(ca, cb) * TITLE_REPEAT_MIN_LENGTH_RATIO * 0.5) return false;
  const wa = words(a);
  const wb = words(b);
  if (wa.length === 0 || wb.length === 0) return false;
  const setA = new Set(wa);
  const setB = new Set(wb);
  let shared = 0;
  for (const w of setA) if (setB.has(w)) shared++;
  const [shorter, longer] = setA.size <= setB.size ? [setA.size, setB.size] : [setB.size, setA.size];
  return shared / shorter >= TITLE_REPEAT_OVERLAP && shorter / longer >= TITLE_REPEAT_MIN_LENGTH_RATIO;
}

/** Hard-wrapped text: consecutive long lines of nearly the same width. */
const WRAP_MIN_CHARS = 50;
const WRAP_WIDTH_TOLERANCE = 0.15;

function looksWrapped(line: Line, next: Line): boolean {
  const a = line.text.length;
  return a > WRAP_MIN_CHARS && Math.abs(a - next.text.length) <= a * WRAP_WIDTH_TOLERANCE;
}

function isTitleLine(line: Line, next: Line | undefined): boolean {
  if (!next || line.text.length > MAX_TITLE_CHARS || line.words < 2 || line.words > MAX_TITLE_WORDS) return false;
  if (TITLE_BAD_END.test(line.text) || INNER_SENTENCE_END.test(line.text) || DANGLING.has(line.text.slice(line.text.lastIndexOf(" ") + 1).toLowerCase())) return false;
  // A line continued in lowercase, or by a line of about its length, in the same block is wrapped text.
  if (!next.gap && (STARTS_LOWER.test(next.text) || looksWrapped(line, next))) return false;
  return !datelineOf(line.text) && !bylineOf(line.text) && !dateLineOf(line.text) && !sourceCreditOf(line.text);
}

// ---- Metadata lines ----

interface Byline { author: string; date: string | null; agency: string | null }

/** A name and a date with no "By": "Piotr Ek · 19 March 2024", "Jane Doe | July 9, 2022" (pages print these). */
const NAME_THEN_DATE = new RegExp(`^(${NAMES})\\s*[|·•–—]\\s*(.{6,40})$`, "u");

function bylineOf(text: string): Byline | null {
  const named = NAME_THEN_DATE.exec(text);
  if (named && !NOT_NAMES.test(named[1])) {
    const date = leadingDate(named[2].trim()) === named[2].trim() ? normalizeDate(named[2]) : null;
    if (date) return { author: named[1].trim(), date, agency: null };
  }
  const m = BYLINE.exec(text);
  if (!m || NOT_NAMES.test(m[1])) return null;
  const tail = m[2] ?? "";
  const date = tail ? normalizeDate(tail) : null;
  const agency = tail ? canonicalAgency(tail) : null;
  if (tail && !date && !agency && countWords(tail) > MAX_BYLINE_TAIL_WORDS) return null;
  const author = m[1].trim();
  // "By Reuters Staff", "By AFP" credit an agency, not a person.
  const authorAgency = canonicalAgency(author);
  if (authorAgency && AGENCY_AS_AUTHOR.test(author)) {
    return { author: "", date, agency: authorAgency };
  }
  return { author, date, agency };
}

interface DateLine { date: string; isUpdate: boolean; author: string | null }

const DATE_LINE_AUTHOR = new RegExp(`^by\\s+(${NAMES})$`, "u");

function dateLineOf(text: string): DateLine | null {
  const label = DATE_LINE_LABEL.exec(text)!;
  const rest = text.slice(label[0].length);
  const token = leadingDate(rest);
  const tail = token ? rest.slice(token.length).trim() : "";
  if (!token || !DATE_LINE_TAIL.test(tail)) return null;
  const date = normalizeDate(token);
  const author = DATE_LINE_AUTHOR.exec(tail.replace(/^By\b/, "by"))?.[1] ?? null;
  return date ? { date, isUpdate: !!label[1] && UPDATE_LABEL.test(label[1]), author } : null;
}

/** The outlet named by a URL: its host without "www." ("https://www.example.com/a" → "example.com"). */
export function hostOf(url: string): string | null {
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`).hostname.replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}

function sourceCreditOf(text: string): string | null {
  const m = SOURCE_CREDIT.exec(text);
  const value = (m?.[1] ?? m?.[2])?.trim().replace(/\.$/, "");
  if (!value || countWords(value) > MAX_SOURCE_WORDS) return null;
  return /^(?:https?:\/\/|www\.)/i.test(value) ? hostOf(value) : value;
}

/** Metadata found while cleaning; first finding wins. */
class Found {
  title: string | null = null;
  sourceName: string | null = null;
  agency: string | null = null;
  dateline: string | null = null;
  author: string | null = null;
  date: string | null = null;
  updated: string | null = null;

  /** Takes a metadata line's content and says whether the line was metadata (and is to be dropped). */
  takeLine(text: string): boolean {
    const byline = bylineOf(text);
    if (byline) {
      this.author ??= byline.author || null;
      this.date ??= byline.date;
      this.agency ??= byline.agency;
      return true;
    }
    const dateLine = dateLineOf(text);
    if (dateLine) {
      if (dateLine.isUpdate) this.updated ??= dateLine.date;
      else this.date ??= dateLine.date;
      this.author ??= dateLine.author;
      return true;
    }
    const source = sourceCreditOf(text);
    if (source) {
      // "Source: Reuters" credits the wire the story came from, not the outlet that ran it.
      if (AGENCY_AS_AUTHOR.test(source)) this.agency ??= canonicalAgency(source);
      else this.sourceName ??= source;
      return true;
    }
    const agency = AGENCY_LINE.exec(text);
    if (agency) {
      this.agency ??= canonicalAgency(agency[1]);
      return true;
    }
    return false;
  }
}

/** Drops metadata lines (and title repeats) before the first line of article text. */
function takeLeading(lines: Line[], found: Found, knownTitle: string | null): Line[] {
  const kept: Line[] = [];
  let i = 0;
  for (; i < lines.length && i < LEADING_ZONE_LINES; i++) {
    const line = lines[i];
    if (knownTitle && sameTitle(line.text, knownTitle)) continue;
    if (isContentLine(line) && !bylineOf(line.text)) break;
    if (!found.takeLine(line.text)) kept.push(line);
  }
  return kept.concat(lines.slice(i));
}

/** Drops credit, byline and source lines after the last line of article text; takes a credit ending it. */
function takeTrailing(lines: Line[], found: Found): Line[] {
  let end = lines.length;
  while (end > 0 && lines.length - end < TRAILING_ZONE_LINES && found.takeLine(lines[end - 1].text)) end--;
  const kept = lines.slice(0, end);
  const last = kept[kept.length - 1];
  const suffix = last && AGENCY_SUFFIX.exec(last.text);
  if (last && suffix) {
    found.agency ??= canonicalAgency(suffix[1]);
    kept[kept.length - 1] = { ...last, text: last.text.slice(0, suffix.index).trimEnd() };
  }
  return kept;
}

// ---- Dateline ----

interface Dateline { place: string | null; agency: string | null; length: number }

/** Every dateline form ends in a dash, colon or "(Agency)" within this many characters. */
const MAX_DATELINE_CHARS = 80;
const DATELINE_MARK = /[—–:(-]/;

function datelineOf(text: string): Dateline | null {
  if (!DATELINE_MARK.test(text.slice(0, MAX_DATELINE_CHARS))) return null;
  const withAgency = DATELINE_AGENCY.exec(text);
  if (withAgency) return { place: withAgency[1]?.trim() || null, agency: canonicalAgency(withAgency[2]), length: withAgency[0].length };
  const wire = DATELINE_WIRE.exec(text);
  if (wire) return { place: wire[1].trim(), agency: wire[2], length: wire[0].length };
  const m = DATELINE_CAPS.exec(text) ?? DATELINE_PROPER_DATED.exec(text) ?? DATELINE_PROPER_DASH.exec(text);
  if (!m || NOT_PLACES.has(m[1].toUpperCase())) return null;
  return { place: m[1].trim(), agency: null, length: m[0].length };
}

/** Takes the dateline (and an opening agency credit) off the first line of article text. */
function takeDateline(lines: Line[], found: Found): Line[] {
  const first = lines.findIndex(isContentLine);
  const dateline = first >= 0 ? datelineOf(lines[first].text) : null;
  if (!dateline) return lines;
  found.dateline = dateline.place;
  found.agency ??= dateline.agency;
  const out = lines.slice();
  out[first] = { ...lines[first], text: lines[first].text.slice(dateline.length) };
  return out;
}

// ---- Paragraphs ----

/** Lines of one block (between blank lines) are paragraphs of their own when most end like sentences. */
function linesAreParagraphs(block: Line[]): boolean {
  if (block.length < 2) return true;
  let ends = 0;
  for (let i = 0; i < block.length - 1; i++) if (SENTENCE_END.test(block[i].text)) ends++;
  return ends >= (block.length - 1) * LINE_PER_PARAGRAPH_SHARE;
}

function toParagraphs(lines: Line[]): string[] {
  const paragraphs: string[] = [];
  for (let start = 0; start < lines.length; ) {
    let end = start + 1;
    while (end < lines.length && !lines[end].gap) end++;
    const block = lines.slice(start, end);
    const split = linesAreParagraphs(block);
    let current = block[0].text;
    for (const line of block.slice(1)) {
      const joins = split ? STARTS_LOWER.test(line.text) : !BULLET.test(line.text);
      if (joins) current += ` ${line.text}`;
      else {
        paragraphs.push(current);
        current = line.text;
      }
    }
    paragraphs.push(current);
    start = end;
  }
  return paragraphs.filter((p) => p.length > 0);
}

/** Cleans a document body: paragraphs of article text, and the metadata its furniture carried. Pure. */
export function cleanBody(body: string, options: CleanOptions = {}): CleanResult {
  const found = new Found();
  let lines = dropFurniture(toLines(body));
  const knownTitle = options.title?.trim() || null;
  if (!knownTitle && lines.length > 0 && isTitleLine(lines[0], lines[1])) {
    found.title = lines[0].text;
    lines = lines.slice(1);
  }
  lines = takeLeading(lines, found, knownTitle ?? found.title);
  lines = takeTrailing(lines, found);
  lines = takeDateline(lines, found);
  return {
    title: found.title,
    paragraphs: toParagraphs(lines.filter((l) => l.text.length > 0)),
    sourceName: found.sourceName,
    agency: found.agency,
    dateline: found.dateline,
    author: found.author,
    date: found.date ?? found.updated,
  };
}
