// A text file's optional metadata header: `date 2022-07-09`, `title: …`, `source: …`, `url: …`, `author: …`
// lines at the top (or YAML front matter in Markdown). The header may share its last line with the body.
import type { DocumentMeta, SourceDocument } from "../model/index.js";
import { leadingDate } from "../text/dates.js";

/** A header longer than this is not a header: stop looking. */
const MAX_HEADER_LINES = 12;
/** Titles longer than this are paragraphs. */
const MAX_TITLE_CHARS = 200;
/** Source and author values are names, not sentences. */
const MAX_NAME_CHARS = 100;
const MAX_NAME_WORDS = 10;
/** Without a colon ("source Daily Ledger") a value must look even more like a name. */
const MAX_BARE_NAME_WORDS = 6;
/** Front matter must close within this many lines. */
const MAX_FRONT_MATTER_LINES = 60;

/** The header keys a text file may set: the single-valued string fields. */
type Key = "title" | "date" | "source" | "url" | "author";

const KEY_SYNONYMS: Readonly<Record<string, Key>> = {
  date: "date", published: "date", title: "title", source: "source",
  url: "url", link: "url", author: "author", byline: "author",
};

const HEADER_LINE = /^[ \t]*(date|published|title|source|url|link|author|byline)(?=[ \t:]|$)[ \t]*(:?)[ \t]*(.*)$/i;
const URL_TOKEN = /^(?:https?:\/\/|www\.)[^\s<>"]+/i;
const SENTENCE_END = /[.!?]["”’']?$/;
const DOMAIN = /^[\w-]+(?:\.[\w-]+)+\.?$/;
const FRONT_MATTER_FENCE = /^---[ \t]*$/;
const FRONT_MATTER_LINE = /^[ \t]*([A-Za-z_]+)[ \t]*:[ \t]*(.*?)[ \t]*$/;

interface HeaderLine {
  key: Key;
  value: string;
  /** Body text that followed the value on the same line, or "". */
  rest: string;
  /** Strong lines (a colon, or a date/URL-shaped value) prove a header; bare name lines alone do not. */
  strong: boolean;
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

function isNameLike(value: string, colon: boolean): boolean {
  if (!value || value.length > MAX_NAME_CHARS) return false;
  if (colon) return wordCount(value) <= MAX_NAME_WORDS;
  return wordCount(value) <= MAX_BARE_NAME_WORDS && (!SENTENCE_END.test(value) || DOMAIN.test(value));
}

function isTitleLike(value: string, colon: boolean): boolean {
  if (!value || value.length > MAX_TITLE_CHARS) return false;
  return colon || !SENTENCE_END.test(value);
}

/** Reads one line as a header line, or returns null when its value has the wrong shape for its key. */
function headerLine(line: string): HeaderLine | null {
  const m = HEADER_LINE.exec(line);
  if (!m) return null;
  const key = KEY_SYNONYMS[m[1].toLowerCase()];
  const colon = m[2] === ":";
  const value = m[3].trim();
  if (key === "date") {
    const afterOn = value.replace(/^on\s+/i, "");
    const date = leadingDate(afterOn);
    return date ? { key, value: date, rest: afterOn.slice(date.length).trim(), strong: true } : null;
  }
  if (key === "url") {
    const url = URL_TOKEN.exec(value)?.[0];
    return url ? { key, value: url, rest: value.slice(url.length).trim(), strong: true } : null;
  }
  if (key === "title") return isTitleLike(value, colon) ? { key, value, rest: "", strong: colon } : null;
  const name = key === "author" ? value.replace(/^by\s+/i, "") : value;
  return isNameLike(name, colon) ? { key, value: name.replace(/\.$/, ""), rest: "", strong: colon } : null;
}

function unquote(s: string): string {
  return s.replace(/^(["'])(.*)\1$/, "$2");
}

/** The line starting at `pos` (without its newline) and where the next one starts. */
function lineAt(text: string, pos: number): { line: string; next: number } {
  const nl = text.indexOf("\n", pos);
  return nl < 0 ? { line: text.slice(pos), next: text.length } : { line: text.slice(pos, nl), next: nl + 1 };
}

/** YAML-style front matter (`---` … `---`) with the same keys; other keys are ignored. */
function frontMatter(text: string): { meta: DocumentMeta; body: string } | null {
  let { line, next: pos } = lineAt(text, text.length - text.trimStart().length);
  if (!FRONT_MATTER_FENCE.test(line)) return null;
  const meta: DocumentMeta = {};
  for (let n = 0; pos < text.length && n < MAX_FRONT_MATTER_LINES; n++) {
    ({ line, next: pos } = lineAt(text, pos));
    if (FRONT_MATTER_FENCE.test(line)) return { meta, body: text.slice(pos) };
    const m = FRONT_MATTER_LINE.exec(line);
    const key = m && KEY_SYNONYMS[m[1].toLowerCase()];
    const value = m && unquote(m[2]);
    if (key && value && meta[key] === undefined) meta[key] = value;
  }
  return null;
}

/** The leading header block: its metadata and where the body starts. No header → empty meta, whole text. */
function headerBlock(text: string): { meta: DocumentMeta; body: string } {
  const meta: DocumentMeta = {};
  let strong = false;
  let bodyStart = 0;
  let glued = "";
  for (let pos = 0, seen = 0; pos < text.length && seen < MAX_HEADER_LINES; ) {
    const { line, next } = lineAt(text, pos);
    pos = next;
    if (!line.trim()) continue;
    seen++;
    const h = headerLine(line);
    if (!h) break;
    if (meta[h.key] === undefined) meta[h.key] = h.value;
    strong ||= h.strong;
    bodyStart = next;
    if (h.rest) {
      glued = h.rest;
      break;
    }
  }
  if (!strong) return { meta: {}, body: text };
  const rest = text.slice(bodyStart).replace(/^(?:[ \t]*\n)+/, "");
  return { meta, body: glued ? `${glued}\n${rest}` : rest };
}

/** Splits a decoded text file into its metadata header (if any) and body. Pure. */
export function parseTextFile(path: string, text: string): SourceDocument {
  const { meta, body } = frontMatter(text) ?? headerBlock(text);
  return { path, body, meta };
}
