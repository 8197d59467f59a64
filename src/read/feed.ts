// The feed reader: RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed → one document per item.
//
// XML goes through htmlparser2 in XML mode: it never stops at an error, so a real-world feed with minor
// faults (an undeclared &nbsp;, a stray "&", raw HTML in a description, a missing close tag) is still read,
// and it is already a dependency. Measured on a 6.4 MB RSS feed of 2,000 items (Node 20, one core):
//   htmlparser2 (xmlMode)        119 ms   all 2,000 items, also with an undeclared &nbsp; and a stray &
//   saxes, errors swallowed      130 ms   1,999 items on the faulty feed (the fault costs an item)
//   saxes, strict                       throws "undefined entity" on the faulty feed
//   fast-xml-parser (parse)      406 ms   all items, but builds the whole tree; its validator rejects the "&"
// Since a lenient parser accepts anything, "is this a feed at all" is our own check: the first element
// must be <rss>, <feed> or <rdf:RDF>, else the file gets one `malformed` error saying what it is instead.
//
// An item's HTML content (content:encoded, Atom content/summary, description, content_html) goes through
// extractPage wrapped as a page; text content is kept as paragraphs. The item's fields fill what the
// content itself lacks: title, link, dates (published → date, updated → modified), authors, language, and
// the channel's title as the outlet. Evidence kind "feed", detail such as "rss item pubDate".
import { Parser } from "htmlparser2";
import type { InputError, SourceDocument } from "../model/index.js";
import { decodeMarkup } from "./decode.js";
import { inputErrors } from "./errors.js";
import type { ReadLimits } from "./limits.js";
import { limitNesting } from "../html/index.js";
import { contentBody, finish, htmlToText, MetaFiller, primaryLanguage } from "./page.js";

type Dialect = "rss" | "rdf" | "atom" | "json feed";

interface Field {
  name: string;
  attrs: Record<string, string>;
  text: string;
  /** Atom person constructs: the <name> inside <author>. */
  personName?: string;
}

interface RawItem {
  fields: Field[];
  lang?: string;
  base?: string;
}

interface Channel {
  dialect: Dialect;
  /** What relative item links resolve against: xml:base, else the channel's or feed's own link. */
  base?: string;
  title?: string;
  language?: string;
  authors: string[];
}

interface ParsedFeed {
  channel: Channel;
  items: RawItem[];
  /** The feed ended before its root element closed: it was cut off. */
  truncated: boolean;
  /** Items past the per-file limit were not kept. */
  overLimit: boolean;
}

const ROOTS: Readonly<Record<string, Dialect>> = { rss: "rss", feed: "atom" };

function localName(name: string): string {
  return name.slice(name.indexOf(":") + 1);
}

function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/** Parses XML feed text. Returns a string saying why when it is not a feed. */
function parseXmlFeed(text: string, maxItems: number): ParsedFeed | string {
  const start = text.replace(/^\uFEFF/, "").trimStart();
  if (!start.startsWith("<")) return `does not start with XML markup, so it is not an RSS or Atom feed`;
  let root: string | null = null;
  let dialect: Dialect | null = null;
  const channel: Channel = { dialect: "rss", authors: [] };
  const items: RawItem[] = [];
  let truncated = false;
  let overLimit = false;
  let stopped = false;
  // Element names from the root down; depths of the open item and of the field captured inside it.
  const stack: string[] = [];
  let item: RawItem | null = null;
  let itemDepth = -1;
  let field: Field | null = null;
  let fieldDepth = -1;
  let channelField: { name: string; text: string; depth: number } | null = null;
  let inPersonName = false;
  /** Set once all text is written: tags closed after it were closed by the end of the file. */
  let atEnd = false;

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (stopped) return;
        const lower = name.toLowerCase();
        const local = localName(lower);
        if (root === null) {
          root = lower;
          dialect = ROOTS[lower] ?? (local === "rdf" ? "rdf" : null);
          if (!dialect) {
            stopped = true;
            return;
          }
          channel.dialect = dialect;
          channel.language = primaryLanguage(attrs["xml:lang"]);
          channel.base = attrs["xml:base"];
        }
        stack.push(lower);
        const depth = stack.length;
        if (field) {
          if (depth === fieldDepth + 1 && (field.name === "author" || field.name === "contributor") && local === "name") {
            inPersonName = true;
            field.personName = "";
          } else if (!inPersonName) {
            const attrText = Object.entries(attrs).filter(([k]) => !k.startsWith("xmlns")).map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join("");
            field.text += `<${local}${attrText}>`;
          }
          return;
        }
        if (item) {
          if (depth === itemDepth + 1) {
            field = { name: lower, attrs, text: "" };
            fieldDepth = depth;
          }
          return;
        }
        const isItem = (dialect === "atom" && local === "entry") || (dialect !== "atom" && local === "item");
        if (isItem) {
          if (items.length >= maxItems) {
            overLimit = true;
            stopped = true;
            return;
          }
          item = { fields: [], lang: primaryLanguage(attrs["xml:lang"]), base: attrs["xml:base"] };
          itemDepth = depth;
          return;
        }
        // Channel-level fields: children of <channel> (RSS, RDF) or of <feed> (Atom).
        const parent = stack[depth - 2];
        const inChannel = dialect === "atom" ? depth === 2 : parent !== undefined && localName(parent) === "channel" && depth === 3;
        if (inChannel && ["title", "language", "link"].includes(local)) channelField = { name: local, text: "", depth };
        if (inChannel && local === "link" && attrs.href && (!attrs.rel || attrs.rel === "alternate")) channel.base ??= attrs.href;
        if (dialect === "atom" && depth === 3 && stack[1] === "author" && local === "name") channelField = { name: "author", text: "", depth };
      },
      ontext(t) {
        if (stopped) return;
        if (field) {
          if (inPersonName) field.personName += t;
          else field.text += stack.length > fieldDepth ? escapeText(t) : t;
        } else if (channelField) channelField.text += t;
      },
      onclosetag(name, implied) {
        if (stopped || !stack.length) return;
        const depth = stack.length;
        stack.pop();
        if (implied && atEnd && depth === 1) truncated = true;
        if (field) {
          if (depth === fieldDepth) {
            item!.fields.push(field);
            field = null;
            inPersonName = false;
          } else if (inPersonName) {
            if (depth === fieldDepth + 1) inPersonName = false;
          } else field.text += `</${localName(name.toLowerCase())}>`;
          return;
        }
        if (item && depth === itemDepth) {
          // An item closed only by the end of the file was cut off: not kept.
          if (!(implied && atEnd)) items.push(item);
          item = null;
          return;
        }
        if (channelField && depth === channelField.depth) {
          const value = htmlToText(channelField.text).replace(/\s+/g, " ").trim();
          if (channelField.name === "title" && !channel.title) channel.title = value;
          if (channelField.name === "language") channel.language ??= primaryLanguage(value);
          if (channelField.name === "author" && value) channel.authors.push(value);
          if (channelField.name === "link" && /^https?:\/\//i.test(value)) channel.base ??= value;
          channelField = null;
        }
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
  );
  parser.write(limitNesting(start));
  atEnd = true;
  parser.end();
  if (root === null) return "holds no XML elements, so it is not an RSS or Atom feed";
  if (!dialect) {
    const r = root as string;
    return r === "html" || r === "!doctype"
      ? "is an HTML page, not a feed; name it .html to read it as a page"
      : `is XML but not a feed (its root element is <${r}>, not <rss>, <feed> or <rdf:RDF>)`;
  }
  return { channel, items, truncated, overLimit };
}

// ---- JSON Feed ----

function str(v: unknown): string | undefined {
  return typeof v === "string" && v.trim() ? v : undefined;
}

function names(v: unknown): string[] {
  const list = Array.isArray(v) ? v : v ? [v] : [];
  return list.map((a) => (typeof a === "string" ? a : str((a as { name?: unknown })?.name) ?? "")).filter(Boolean);
}

function parseJsonFeed(text: string, maxItems: number): ParsedFeed | string {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    return `is not valid JSON (${(err as Error).message}), so it is not a JSON Feed`;
  }
  const feed = data as Record<string, unknown>;
  if (!feed || typeof feed !== "object" || Array.isArray(feed) || !Array.isArray(feed.items)) {
    return "is JSON but not a JSON Feed (no \"items\" list); JSON lines go in a .jsonl file";
  }
  const channel: Channel = {
    dialect: "json feed", title: str(feed.title), language: primaryLanguage(str(feed.language)),
    authors: names(feed.authors ?? feed.author),
  };
  const items: RawItem[] = [];
  for (const raw of feed.items.slice(0, maxItems)) {
    const it = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
    const fields: Field[] = [];
    for (const [name, value] of Object.entries(it)) {
      if (typeof value === "string") fields.push({ name, attrs: {}, text: value });
    }
    for (const author of names(it.authors ?? it.author)) fields.push({ name: "author", attrs: {}, text: author, personName: author });
    items.push({ fields, lang: primaryLanguage(str(it.language)) });
  }
  return { channel, items, truncated: false, overLimit: feed.items.length > maxItems };
}

// ---- Items to documents ----

function first(item: RawItem, ...names: string[]): Field | undefined {
  for (const name of names) {
    const f = item.fields.find((x) => x.name === name && (x.text.trim() || x.attrs.href));
    if (f) return f;
  }
  return undefined;
}

/** "jdoe@example.com (Jane Doe)" → "Jane Doe"; a bare address stays as it is. */
function rssAuthor(s: string): string {
  const m = /\(([^)]+)\)\s*$/.exec(s);
  return (m ? m[1] : s).trim();
}

function plain(s: string): string {
  return htmlToText(s).replace(/\s+/g, " ").trim();
}

function itemLink(item: RawItem, dialect: Dialect): { value: string; detail: string } | undefined {
  if (dialect === "atom") {
    const links = item.fields.filter((f) => f.name === "link" && f.attrs.href);
    const best = links.find((l) => !l.attrs.rel || l.attrs.rel === "alternate") ?? links[0];
    return best ? { value: best.attrs.href, detail: "link[href]" } : undefined;
  }
  if (dialect === "json feed") {
    const f = first(item, "url", "external_url");
    return f ? { value: f.text.trim(), detail: f.name } : undefined;
  }
  const link = first(item, "link");
  if (link) return { value: plain(link.text), detail: "link" };
  const guid = first(item, "guid");
  if (guid && guid.attrs.isPermaLink !== "false" && /^https?:\/\//i.test(guid.text.trim())) return { value: guid.text.trim(), detail: "guid" };
  return undefined;
}

/** A relative link made absolute against the item's or the feed's base; links that cannot be resolved stay as written. */
function resolved(link: { value: string; detail: string } | undefined, base: string | undefined): typeof link {
  if (!link || /^[a-z][a-z0-9+.-]*:/i.test(link.value) || !base) return link;
  try {
    return { ...link, value: new URL(link.value, base).href };
  } catch {
    return link;
  }
}

interface ContentChoice {
  field: Field;
  isHtml: boolean | null;
}

function contents(item: RawItem, dialect: Dialect): ContentChoice[] {
  const out: ContentChoice[] = [];
  const add = (f: Field | undefined, isHtml: boolean | null) => {
    if (f) out.push({ field: f, isHtml });
  };
  if (dialect === "atom") {
    for (const name of ["content", "summary"]) {
      const f = first(item, name);
      const type = f?.attrs.type?.toLowerCase();
      // type="html"/"xhtml" is HTML; "text" (or none) is guessed, since feeds often mislabel HTML as text.
      add(f, type?.includes("html") ? true : null);
    }
  } else if (dialect === "json feed") {
    add(first(item, "content_html"), true);
    add(first(item, "content_text"), false);
    add(first(item, "summary"), false);
  } else {
    add(first(item, "content:encoded"), null);
    add(first(item, "description", "dc:description"), null);
  }
  return out;
}

function itemDocument(path: string, item: RawItem, channel: Channel, limits: ReadLimits): SourceDocument | InputError {
  const { dialect } = channel;
  const what = dialect === "atom" ? "atom entry" : `${dialect} item`;
  const link = resolved(itemLink(item, dialect), item.base ?? channel.base);
  let body = "";
  let refused: string | null = null;
  let meta = {};
  for (const choice of contents(item, dialect)) {
    const page = contentBody(choice.field.text.slice(0, limits.maxPageBytes), choice.isHtml, { url: link?.value });
    if ("refused" in page) {
      refused ??= page.refused;
      continue;
    }
    if (page.body.trim()) {
      body = page.body;
      meta = page.meta;
      break;
    }
  }
  if (!body && refused) return inputErrors.tooComplex(path, refused);
  const fill = new MetaFiller(meta, "feed");
  const title = first(item, "title");
  if (title) fill.set("title", plain(title.text), `${what} title`);
  if (link) {
    fill.vouch("url", link.value, `${what} ${link.detail}`);
    fill.set("url", link.value, `${what} ${link.detail}`);
  }
  const date = first(item, "pubdate", "published", "dc:date", "issued", "date_published", "dcterms:issued", "dcterms:created");
  if (date) fill.set("date", plain(date.text), `${what} ${date.name === "pubdate" ? "pubDate" : date.name}`);
  const modified = first(item, "updated", "modified", "dcterms:modified", "date_modified");
  if (modified) fill.set("modified", plain(modified.text), `${what} ${modified.name}`);
  const people = item.fields.filter((f) => f.name === "author" || f.name === "dc:creator");
  const authors = people.map((f) => (f.personName !== undefined ? plain(f.personName) : dialect === "rss" && f.name === "author" ? rssAuthor(plain(f.text)) : plain(f.text))).filter(Boolean);
  if (authors.length) fill.set("authors", authors, `${what} ${people[0].name}`);
  else if (channel.authors.length) fill.set("authors", channel.authors, `${dialect === "atom" ? "atom feed" : dialect} author`);
  const lang = item.lang ?? primaryLanguage(first(item, "dc:language", "language")?.text);
  if (lang) fill.set("language", lang, `${what} language`);
  else if (channel.language) fill.set("language", channel.language, `${dialect === "atom" ? "atom feed" : dialect === "json feed" ? "json feed" : `${dialect} channel`} language`);
  if (channel.title) fill.set("source", channel.title, `${dialect === "atom" ? "atom feed" : dialect === "json feed" ? "json feed" : `${dialect} channel`} title`);
  return finish(path, body, fill.meta, "feed", `the ${dialect === "atom" ? "entry" : "item"} has no content, description or summary text`);
}

/**
 * A feed file's bytes (already gunzipped, within maxFileBytes) → its items as documents, then an error for
 * a cut-off feed or one over the item limit. A file that is not a feed at all gives one `malformed` error.
 */
export function* readFeed(path: string, bytes: Uint8Array, limits: ReadLimits, options: { json?: boolean } = {}): Generator<SourceDocument | InputError> {
  const { text } = decodeMarkup(bytes);
  const json = options.json ?? /^\uFEFF?\s*[{[]/.test(text);
  const parsed = json ? parseJsonFeed(text, limits.maxItemsPerFile) : parseXmlFeed(text, limits.maxItemsPerFile);
  if (typeof parsed === "string") {
    yield inputErrors.malformed(path, `${parsed}. Check that the file is the feed itself (not an error page), or leave it out.`);
    return;
  }
  if (!parsed.items.length && !parsed.truncated) {
    yield inputErrors.empty(path, "the feed has no items");
    return;
  }
  let n = 0;
  for (const item of parsed.items) yield itemDocument(`${path}#${++n}`, item, parsed.channel, limits);
  if (parsed.truncated) {
    yield inputErrors.malformed(path, `the feed ends before its closing tag (cut off?); ${parsed.items.length} complete item(s) were read. Download it again for the rest.`);
  }
  if (parsed.overLimit) yield inputErrors.tooManyItems(path, limits.maxItemsPerFile);
}
