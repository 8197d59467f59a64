// The JSON lines reader: one article per line (.jsonl, .ndjson, .jsonl.gz), streamed line by line, as
// crawlers and scrapers write them (news-please, trafilatura, newspaper, Common Crawl derived sets, Scrapy).
// A JSON array of such records (a Scrapy `-o items.json` export) is mapped the same way, record by record
// (`file.json#n`, n from 1); being one JSON value it is parsed whole, so it is limited to maxRecordBytes.
//
// Field mapping, first field present wins (names compared case-insensitively; `_`, `-` and case ignored):
//
// | document field | record fields, in order of preference                                                         |
// | -------------- | --------------------------------------------------------------------------------------------- |
// | body (text)    | maintext, text, content, body, article, article_text, full_text, fulltext, raw_text, plain_text |
// | body (HTML)    | html, raw_html, content_html, body_html, page_html, article_html, source_html                  |
// | body fallback  | description, summary, excerpt, lead, abstract (used only when no body field has text)          |
// | title          | title, headline, title_page, title_rss                                                         |
// | date           | date_publish, published, published_at, publish_date, publication_date, date_published,        |
// |                | pubDate, pub_date, datePublished, date, created_at                                             |
// | modified       | date_modify, modified, date_modified, dateModified, updated, updated_at, last_modified        |
// | url            | url, link, canonical_url, canonical_link, source_url, permalink, uri                           |
// | authors        | authors, author, byline, creator, creators, writers (a list, a string, or {name} objects)      |
// | source         | source_name, site_name, sitename, source, publisher, outlet, source_domain, domain, hostname   |
// | language       | language, lang, locale, inLanguage                                                             |
// | captured       | date_download, captured, crawled_at, fetched_at, date_crawled, warc_date, timestamp            |
//
// A text field that holds HTML markup is extracted like an HTML field. HTML goes through extractPage (with
// the record's url as context); the record's own fields come first and the page's metadata fills the rest.
// Evidence kind "jsonl", detail = the field name as written in the record.
//
// A line that is not a JSON object gives a `malformed` error for `file.jsonl#n` (n = line number from 1);
// blank lines are skipped; the rest of the file goes on. Lines over maxRecordBytes are skipped unread.
import type { DocumentMeta, InputError, SourceDocument } from "../model/index.js";
import { type ByteReader, sizeInWords } from "./bytes.js";
import { decodeText } from "./decode.js";
import { inputErrors } from "./errors.js";
import type { ReadLimits } from "./limits.js";
import { contentBody, finish, looksLikeHtml, MetaFiller, primaryLanguage, type PageResult } from "./page.js";

const FIELDS = {
  text: ["maintext", "text", "content", "body", "article", "article_text", "full_text", "fulltext", "raw_text", "plain_text"],
  html: ["html", "raw_html", "content_html", "body_html", "page_html", "article_html", "source_html"],
  fallback: ["description", "summary", "excerpt", "lead", "abstract"],
  title: ["title", "headline", "title_page", "title_rss"],
  date: ["date_publish", "published", "published_at", "publish_date", "publication_date", "date_published", "pubdate", "pub_date", "datepublished", "date", "created_at"],
  modified: ["date_modify", "modified", "date_modified", "datemodified", "updated", "updated_at", "last_modified"],
  url: ["url", "link", "canonical_url", "canonical_link", "source_url", "permalink", "uri"],
  authors: ["authors", "author", "byline", "creator", "creators", "writers"],
  source: ["source_name", "site_name", "sitename", "source", "publisher", "outlet", "source_domain", "domain", "hostname"],
  language: ["language", "lang", "locale", "inlanguage"],
  captured: ["date_download", "captured", "crawled_at", "fetched_at", "date_crawled", "warc_date", "timestamp"],
} as const;

function squash(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, "");
}

/** A record's keys by their squashed form, so `publishedAt`, `published_at` and `Published-At` all match. */
function keyIndex(record: Record<string, unknown>): Map<string, string> {
  const index = new Map<string, string>();
  for (const key of Object.keys(record)) {
    const k = squash(key);
    if (!index.has(k)) index.set(k, key);
  }
  return index;
}

/** A string, a number, or an object's name/$date/value (one level down, no deeper: records can nest without end). */
function scalar(v: unknown, depth = 0): string | undefined {
  if (typeof v === "string") return v.trim() ? v : undefined;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (v && typeof v === "object" && !Array.isArray(v) && depth < 2) {
    const o = v as Record<string, unknown>;
    return scalar(o.name, depth + 1) ?? scalar(o.$date, depth + 1) ?? scalar(o.value, depth + 1);
  }
  return undefined;
}

function nameList(v: unknown): string[] {
  const list = Array.isArray(v) ? v : [v];
  return list.map((x) => scalar(x)).filter((s): s is string => s !== undefined).map((s) => s.replace(/^\s*by\s+/i, ""));
}

/** A Unix timestamp (seconds or milliseconds) as an ISO date; other values as written. */
function dateValue(v: unknown): string | undefined {
  if (typeof v === "number" && Number.isFinite(v)) {
    const ms = v > 1e11 ? v : v * 1000;
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
  }
  return scalar(v);
}

type Found = { key: string; value: unknown };

function pick(record: Record<string, unknown>, index: Map<string, string>, names: readonly string[]): Found | undefined {
  for (const name of names) {
    const key = index.get(squash(name));
    if (key === undefined) continue;
    const value = record[key];
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) continue;
    return { key, value };
  }
  return undefined;
}

/** One parsed record → its document, or why it gives none. */
export function recordDocument(path: string, value: unknown, limits: ReadLimits): SourceDocument | InputError {
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    return inputErrors.malformed(path, `is ${Array.isArray(value) ? "a JSON array" : `a JSON ${value === null ? "null" : typeof value}`}, not an article object. Each line must be one JSON object such as {"title": …, "text": …}.`);
  }
  const record = value as Record<string, unknown>;
  const index = keyIndex(record);
  const url = pick(record, index, FIELDS.url);
  const urlText = url ? scalar(url.value) : undefined;
  const meta: DocumentMeta = {};
  let body = "";
  let pageMeta: DocumentMeta = {};
  let refused: string | null = null;
  const captured = pick(record, index, FIELDS.captured);
  const capturedText = captured ? dateValue(captured.value) : undefined;
  const tryContent = (found: Found | undefined, isHtml: boolean | null): boolean => {
    const text = found && typeof found.value === "string" ? found.value : undefined;
    if (!text?.trim()) return false;
    const html = isHtml ?? looksLikeHtml(text);
    const page: PageResult = contentBody(text.slice(0, limits.maxPageBytes), html, { url: urlText, captured: capturedText });
    if ("refused" in page) {
      refused ??= page.refused;
      return false;
    }
    if (!page.body.trim()) return false;
    body = page.body;
    pageMeta = page.meta;
    return true;
  };
  const textField = pick(record, index, FIELDS.text);
  const htmlField = pick(record, index, FIELDS.html);
  const bodyFrom = tryContent(textField, null) ? textField : tryContent(htmlField, true) ? htmlField : undefined;
  if (!bodyFrom) tryContent(pick(record, index, FIELDS.fallback), null);
  if (!body && refused) return inputErrors.tooComplex(path, refused);

  const fill = new MetaFiller(meta, "jsonl");
  const set = (field: "title" | "modified" | "source" | "language", names: readonly string[], convert: (v: unknown) => string | undefined = scalar) => {
    const found = pick(record, index, names);
    if (found) fill.set(field, convert(found.value), found.key);
  };
  set("title", FIELDS.title);
  const date = pick(record, index, FIELDS.date);
  if (date) fill.set("date", dateValue(date.value), date.key);
  set("modified", FIELDS.modified, dateValue);
  if (url && urlText) fill.set("url", urlText, url.key);
  const authors = pick(record, index, FIELDS.authors);
  if (authors) fill.set("authors", nameList(authors.value), authors.key);
  set("source", FIELDS.source);
  set("language", FIELDS.language, (v) => primaryLanguage(scalar(v)));
  if (capturedText) meta.captured = capturedText;
  // The page fills what the record lacks.
  for (const [key, v] of Object.entries(pageMeta) as [keyof DocumentMeta, unknown][]) {
    if (key === "evidence") continue;
    if (meta[key] === undefined) {
      (meta as Record<string, unknown>)[key] = v;
      const ev = pageMeta.evidence?.[key as keyof NonNullable<DocumentMeta["evidence"]>];
      if (ev) meta.evidence = { ...meta.evidence, [key]: ev };
    }
  }
  return finish(path, body, meta, "jsonl", "the record has no text, content or HTML field with text");
}

/** Reads JSON lines off a stream: one document or error per non-blank line, in order. */
export async function* readJsonLines(path: string, reader: ByteReader, limits: ReadLimits): AsyncGenerator<SourceDocument | InputError> {
  let lineNo = 0;
  let items = 0;
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  // JSON lines are UTF-8; a line that is not (a legacy export) is decoded by detection instead of mangled.
  const decode = (bytes: Uint8Array): string => {
    try {
      return utf8.decode(bytes);
    } catch {
      return decodeText(bytes);
    }
  };
  for (;;) {
    const line = await reader.readLine(limits.maxRecordBytes);
    if (!line) return;
    lineNo++;
    const where = `${path}#${lineNo}`;
    if (line.tooLong) {
      yield inputErrors.overLimit(where, `line ${lineNo} is ${sizeInWords(line.length)}, over the ${sizeInWords(limits.maxRecordBytes)} limit for one record`, "maxRecordBytes");
      continue;
    }
    let text = decode(line.bytes);
    if (lineNo === 1) text = text.replace(/^\uFEFF/, "");
    if (!text.trim()) continue;
    if (++items > limits.maxItemsPerFile) {
      yield inputErrors.tooManyItems(path, limits.maxItemsPerFile);
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      yield inputErrors.malformed(where, `line ${lineNo} is not valid JSON (${(err as Error).message.slice(0, 120)}); it was skipped. Each line must be one complete JSON object.`);
      continue;
    }
    yield recordDocument(where, value, limits);
  }
}

/** A JSON array of records (already in memory, within maxRecordBytes): one document or error per element. */
export function* readJsonArray(path: string, text: string, limits: ReadLimits): Generator<SourceDocument | InputError> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    yield inputErrors.malformed(path, `is not valid JSON (${(err as Error).message.slice(0, 120)}). Check that the file is complete, or write one record per line as JSON lines (.jsonl).`);
    return;
  }
  if (!Array.isArray(data)) {
    yield inputErrors.malformed(path, "is JSON but neither a JSON Feed, a list of article records nor JSON lines.");
    return;
  }
  let n = 0;
  for (const value of data) {
    if (++n > limits.maxItemsPerFile) {
      yield inputErrors.tooManyItems(path, limits.maxItemsPerFile);
      return;
    }
    yield recordDocument(`${path}#${n}`, value, limits);
  }
}
