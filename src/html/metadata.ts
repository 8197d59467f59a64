// Page metadata: title, authors, publication and modification dates, site name, canonical URL and
// language, each with the evidence of where it was found. Structured sources (Open Graph and other <meta>
// tags, schema.org JSON-LD, <link rel>) come first, then markup (itemprop, <time>, class names), then the
// visible text. Costs one walk of the tree plus a few regular-expression passes over capped text.
import type { DocumentMeta, Evidence, MetaField } from "../model/index.js";
import { cleanAuthors } from "./authors.js";
import { addDays, dayOf, type DateBounds } from "./dates.js";
import type { HtmlDocument, HtmlElement } from "./dom.js";
import { ldNames, ldString, ldUrl, mainArticle, parseJsonLd, type LdNode } from "./jsonld.js";
import { detectLanguage, monthFirst, primaryLanguage } from "./language.js";
import type { Deadline } from "./limits.js";
import { findPageDates, type MetaEntry } from "./pubdate.js";
import { chooseHeading, scanPage, shortText, type PageScan } from "./scan.js";

export interface MetadataContext {
  /** The URL the page was fetched from, when known (a WARC record's target URI, a feed item's link). */
  url?: string;
  /** When the page was captured (ISO 8601): an upper bound for its publication date. */
  captured?: string;
  deadline: Deadline;
}

/** Dates before this are not publication dates of web pages (placeholders, typos, historical dates in the text). */
export const EARLIEST_DATE = "1995-01-01";
/** A page can carry tomorrow's date where its time zone is ahead of the capture clock's. */
const CLOCK_SLACK_DAYS = 1;

/** Characters of a <meta> value kept: more is never a date, a name or a title. */
const MAX_META_VALUE = 2_000;

/** The page's <meta> tags as name/value pairs (property, name, itemprop or http-equiv; content or value). */
function metaEntries(doc: HtmlDocument): MetaEntry[] {
  const out: MetaEntry[] = [];
  for (const el of doc.byTag("meta")) {
    const content = el.attrs.content ?? el.attrs.value ?? el.attrs.datetime;
    if (content === undefined) continue;
    for (const attr of ["property", "name", "itemprop", "http-equiv"]) {
      const name = el.attrs[attr];
      if (name) {
        out.push({ attr, name: name.trim().toLowerCase(), content: content.slice(0, MAX_META_VALUE).trim() });
        break;
      }
    }
  }
  return out;
}

function firstMeta(metas: readonly MetaEntry[], names: readonly string[]): MetaEntry | undefined {
  for (const name of names) {
    const m = metas.find((x) => x.name === name && x.content);
    if (m) return m;
  }
  return undefined;
}

const metaEvidence = (m: MetaEntry): Evidence => ({ kind: "meta", detail: `meta[${m.attr}=${m.name}]` });

function absoluteUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** A canonical URL pointing at the site's home page from a deeper page is a template mistake, not this page. */
function plausibleCanonical(candidate: string, fetched: string | undefined): boolean {
  if (!fetched) return true;
  try {
    const c = new URL(candidate);
    const f = new URL(fetched);
    return !(c.pathname.replace(/\/+$/, "") === "" && f.pathname.replace(/\/+$/, "") !== "");
  } catch {
    return true;
  }
}

function canonicalUrl(doc: HtmlDocument, metas: readonly MetaEntry[], article: LdNode | undefined, url: string | undefined): { value: string; evidence: Evidence } | undefined {
  for (const link of doc.byTag("link")) {
    if (!/(?:^|\s)canonical(?:\s|$)/i.test(link.attrs.rel ?? "")) continue;
    const value = absoluteUrl(link.attrs.href, url);
    if (value && plausibleCanonical(value, url)) return { value, evidence: { kind: "meta", detail: "link[rel=canonical]" } };
  }
  const og = firstMeta(metas, ["og:url"]);
  const ogValue = absoluteUrl(og?.content, url);
  if (og && ogValue && plausibleCanonical(ogValue, url)) return { value: ogValue, evidence: metaEvidence(og) };
  if (article) {
    for (const field of ["url", "mainEntityOfPage"]) {
      const value = absoluteUrl(ldUrl(article.value[field]), url);
      if (value && plausibleCanonical(value, url)) return { value, evidence: { kind: "json-ld", detail: `${article.typeName}.${field}` } };
    }
  }
  if (url) return { value: url, evidence: { kind: "url", detail: "the URL the page was fetched from" } };
  return undefined;
}

// ---- Site name ----

function siteName(metas: readonly MetaEntry[], ld: readonly LdNode[], article: LdNode | undefined): { value: string; evidence: Evidence } | undefined {
  const og = firstMeta(metas, ["og:site_name"]);
  if (og) return { value: clip(og.content, 100), evidence: metaEvidence(og) };
  const publisher = article?.value.publisher;
  const publisherName = ldNames(publisher, 1)[0]?.trim();
  if (publisherName && article) return { value: clip(publisherName, 100), evidence: { kind: "json-ld", detail: `${article.typeName}.publisher.name` } };
  const site = ld.find((n) => n.types.includes("website") && ldString(n.value.name));
  if (site) return { value: clip(ldString(site.value.name)!, 100), evidence: { kind: "json-ld", detail: `${site.typeName}.name` } };
  const app = firstMeta(metas, ["application-name", "apple-mobile-web-app-title"]);
  if (app) return { value: clip(app.content, 100), evidence: metaEvidence(app) };
  return undefined;
}

function clip(s: string, max: number): string {
  const t = s.replace(/[\s\u00a0]+/g, " ").trim();
  return t.length > max ? t.slice(0, max).trimEnd() : t;
}

// ---- Title ----

const TITLE_SEPARATORS = /\s+(?:[|\-–—·•»«:]|::)\s+/;

const TRAILING_SEPARATOR = /\s*(?:[|\-–—·•»«:]|::)\s*$/;
const LEADING_SEPARATOR = /^\s*(?:[|\-–—·•»«:]|::)\s*/;

/** A title without the site name around it: "Minister resigns | Daily Ledger" → "Minister resigns". */
export function cleanTitle(title: string, site?: string, heading?: string): string {
  // A separator left dangling at either end ("National Rail Enquiries -") goes.
  const t = clip(title, 500).replace(/^(?:[|\-–—·•»«:]|::)\s+|\s+(?:[|\-–—·•»«:]|::)$/g, "").trim();
  const parts = t.split(TITLE_SEPARATORS);
  if (parts.length < 2) return t;
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  // The headline the page shows, when the title starts with it.
  if (heading) {
    const h = norm(heading);
    if (h.length > 10 && norm(t).startsWith(h)) return clip(heading, 500);
  }
  const first = parts[0];
  const last = parts[parts.length - 1];
  const withoutLast = t.slice(0, t.length - last.length).replace(TRAILING_SEPARATOR, "").trim();
  const withoutFirst = t.slice(first.length).replace(LEADING_SEPARATOR, "").trim();
  if (site) {
    const s = norm(site);
    if (s && norm(last).includes(s) && last.length < 80) return withoutLast || t;
    if (s && norm(first).includes(s) && first.length < 80) return withoutFirst || t;
  }
  // Three or more parts ("Site - Article title - Section"): the longest is the article's.
  if (parts.length >= 3) {
    const longest = parts.reduce((a, b) => (b.length > a.length ? b : a));
    if (longest.split(" ").length >= 4) return longest.trim();
  }
  // No known site name: drop a short last segment ("… | Daily Ledger").
  if (last.split(" ").length <= 4 && withoutLast.length > last.length) return withoutLast;
  return t;
}

/** The headline the page shows, when it is one its titles name (not a logo, not the site's name). */
function shownHeadline(heading: { el: HtmlElement; longer: boolean } | null, scan: PageScan, site?: string): { value: string; evidence: Evidence } | undefined {
  // A heading longer than the title carries a kicker or a date ("Nach Corona-Lockerungen Autohäuser …"): the title is cleaner.
  if (!heading || heading.longer || !scan.heading) return undefined;
  if (site && squash(scan.heading) === squash(site)) return undefined;
  // A heading can carry the site's name too ("… | Umweltbundesamt"): only that is cut.
  let value = clip(scan.heading, 500);
  const parts = value.split(TITLE_SEPARATORS);
  if (site && parts.length > 1 && squash(parts[parts.length - 1]) === squash(site)) value = value.slice(0, value.length - parts[parts.length - 1].length).replace(TRAILING_SEPARATOR, "").trim() || value;
  return { value, evidence: { kind: "html", detail: heading.el.tag } };
}

function pageTitle(doc: HtmlDocument, metas: readonly MetaEntry[], article: LdNode | undefined, scan: PageScan, site?: string): { value: string; evidence: Evidence } | undefined {
  const og = firstMeta(metas, ["og:title", "twitter:title"]);
  if (og) return { value: cleanTitle(og.content, site, scan.heading), evidence: metaEvidence(og) };
  const headline = article && ldString(article.value.headline);
  if (headline && article) return { value: cleanTitle(headline, site, scan.heading), evidence: { kind: "json-ld", detail: `${article.typeName}.headline` } };
  if (scan.heading) return { value: clip(scan.heading, 500), evidence: { kind: "html", detail: "h1" } };
  const title = doc.byTag("title")[0];
  const text = title ? shortText(title, 600) : "";
  if (text) return { value: cleanTitle(text, site), evidence: { kind: "html", detail: "title" } };
  return undefined;
}

// ---- Authors ----

/** Meta names holding authors. */
const AUTHOR_META = ["author", "article:author", "og:article:author", "article:author_name", "parsely-author", "sailthru.author", "dc.creator", "dc:creator", "dcterms.creator", "citation_author", "byl", "twitter:creator:name", "cxenseparse:author", "shareaholic:article_author_name"];

/** Letters and digits only, lower case: for comparing a name with the site's name and host. */
const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

function pageAuthors(metas: readonly MetaEntry[], ld: readonly LdNode[], article: LdNode | undefined, scan: PageScan, site: string | undefined, url: string | undefined): { value: string[]; evidence: Evidence } | undefined {
  // The outlet named as the author is not an author: its name, or its host's name ("DITIB" on ditib.de).
  let host = "";
  try {
    host = url ? squash(new URL(url).hostname.replace(/^www\./, "").replace(/\.[a-z]+$/, "")) : "";
  } catch {
    // No host to compare with.
  }
  const siteKey = site ? squash(site) : "";
  const notSite = (names: string[]) =>
    names.filter((n) => {
      const k = squash(n);
      return k !== siteKey && k !== host;
    });
  if (article) {
    for (const field of ["author", "creator"]) {
      const names = notSite(cleanAuthors(ldNames(resolveIds(article.value[field], ld)), { handles: true }));
      if (names.length) return { value: names, evidence: { kind: "json-ld", detail: `${article.typeName}.${field}` } };
    }
  }
  for (const name of AUTHOR_META) {
    const entries = metas.filter((m) => m.name === name && m.attr !== "itemprop" && m.content && !/^https?:|^www\.|^@/.test(m.content));
    if (!entries.length) continue;
    const names = notSite(cleanAuthors(entries.map((m) => m.content), { handles: true }));
    if (names.length) return { value: names, evidence: metaEvidence(entries[0]) };
  }
  // Slack-style labelled data: twitter:label1 "Written by" / twitter:data1 "Jane Doe".
  for (const n of ["1", "2"]) {
    const label = metas.find((m) => m.name === `twitter:label${n}`);
    const data = metas.find((m) => m.name === `twitter:data${n}`);
    if (label && data && /written by|verfasst von|geschrieben von|author|autor|auteur|écrit par|escrito por|scritto da/i.test(label.content)) {
      const names = notSite(cleanAuthors([data.content], { handles: true }));
      if (names.length) return { value: names, evidence: metaEvidence(data) };
    }
  }
  for (const via of ["itemprop", "rel", "class"] as const) {
    const names: string[] = [];
    let first: string | undefined;
    let block: HtmlElement | null = null;
    for (const b of scan.bylines) {
      if (b.via !== via) continue;
      // Several authors are several links in one byline: later ones elsewhere on the page name other articles' authors.
      if (block && !isWithin(b.el, block)) continue;
      const text = bylineText(b.el);
      if (!text) continue;
      const cleaned = notSite(cleanAuthors([text], { handles: via !== "class" || /author|vcard|fn/i.test(b.name) }));
      if (cleaned.length) {
        first ??= via === "rel" ? "a[rel=author]" : via === "itemprop" ? `[itemprop=${b.name}]` : `${b.el.tag}.${b.name}`;
        block ??= b.el.parent?.parent ?? b.el.parent ?? b.el;
        names.push(...cleaned);
      }
      // One byline block names the authors; later ones are other articles' (teasers) or repeats.
      if (names.length && via === "class") break;
    }
    const unique = [...new Map(names.map((n) => [n.toLowerCase(), n])).values()];
    if (unique.length) return { value: unique, evidence: { kind: via === "class" ? "text" : "html", detail: first! } };
  }
  return textByline(scan, notSite);
}

/** Author objects given as references ({"@id": "#person-1"}) replaced by the objects with those ids. */
function resolveIds(v: unknown, ld: readonly LdNode[]): unknown {
  const one = (x: unknown) => {
    if (!x || typeof x !== "object" || Array.isArray(x)) return x;
    const o = x as Record<string, unknown>;
    if (typeof o["@id"] !== "string" || o.name) return x;
    return ld.find((n) => n.value["@id"] === o["@id"])?.value ?? x;
  };
  return Array.isArray(v) ? v.map(one) : one(v);
}

function isWithin(el: HtmlElement, ancestor: HtmlElement): boolean {
  for (let e: HtmlElement | null = el; e; e = e.parent) if (e === ancestor) return true;
  return false;
}

/** A byline in the text just around the headline ("Posted on May 3, 2021 by Jane Doe", "Von Jane Doe"). */
const TEXT_BYLINE = /(?:^|[\s|,·•])(?:by|von|par|por|di|door|av)\s+(\p{Lu}[\p{L}'’.-]*(?:\s+(?:van|von|de|der|da|di|le|la|del)?\s*\p{Lu}[\p{L}'’.-]*){1,3})/u;
/** What may stand before the byline's "by" on its line: nothing, a date, or a label ("Posted on May 3 by", "Text von"). */
const BYLINE_PREFIX = /^(?:|.*\d.*|(?:text|written|posted|published|story|article|report|blog|geschrieben|verfasst|veröffentlicht|ein beitrag|ein artikel|beitrag|artikel|publié|écrit|publicado|escrito|pubblicato|scritto)\b.*)$/i;

function textByline(scan: PageScan, keep: (names: string[]) => string[]): { value: string[]; evidence: Evidence } | undefined {
  if (scan.headingAt < 0) return undefined;
  const window = scan.text.slice(Math.max(0, scan.headingAt - 300), scan.headingAt + 600);
  for (const line of window.split("\n")) {
    if (line.length > 160) continue;
    const m = TEXT_BYLINE.exec(line);
    if (!m) continue;
    const prefix = line.slice(0, m.index).trim();
    if (prefix.length > 45 || !BYLINE_PREFIX.test(prefix)) continue;
    const names = keep(cleanAuthors([m[0].trim()]));
    if (names.length) return { value: names, evidence: { kind: "text", detail: line.trim().slice(0, 120) } };
  }
  return undefined;
}

function bylineText(el: HtmlElement): string {
  // itemprop=author with an inner itemprop=name: the name alone.
  const stack: HtmlElement[] = [el];
  for (let n = 0; stack.length && n < 50; n++) {
    const e = stack.pop()!;
    if (e !== el && e.attrs.itemprop === "name") return e.attrs.content ?? shortText(e, 100);
    for (const c of e.children) if (typeof c !== "string") stack.push(c);
  }
  if (el.tag === "meta") return el.attrs.content ?? "";
  const text = shortText(el, 200);
  return text.length <= 150 ? text : "";
}

// ---- Language ----

function declaredLanguage(doc: HtmlDocument, metas: readonly MetaEntry[], article: LdNode | undefined): { tag: string; value: string; evidence: Evidence } | undefined {
  const html = doc.byTag("html")[0];
  for (const attr of ["lang", "xml:lang"]) {
    const tag = html?.attrs[attr];
    const value = primaryLanguage(tag);
    if (tag && value) return { tag, value, evidence: { kind: "html", detail: `html[${attr}]` } };
  }
  for (const name of ["content-language", "language", "dc.language", "dcterms.language", "og:locale"]) {
    const m = metas.find((x) => x.name === name);
    const value = primaryLanguage(m?.content);
    if (m && value) return { tag: m.content, value, evidence: metaEvidence(m) };
  }
  const inLanguage = article && ldString(article.value.inLanguage);
  const value = primaryLanguage(inLanguage);
  if (inLanguage && value && article) return { tag: inLanguage, value, evidence: { kind: "json-ld", detail: `${article.typeName}.inLanguage` } };
  return undefined;
}

// ---- All together ----

const SLASHED = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(?:19|20)\d{2}(?![\d/])/g;

/** The page's own order of slashed dates, when one of them settles it (13/05/2021: day first), else null. */
function slashOrder(text: string): boolean | null {
  SLASHED.lastIndex = 0;
  let dayFirst = false;
  let monthFirst = false;
  for (let m = SLASHED.exec(text), n = 0; m && n < 200; m = SLASHED.exec(text), n++) {
    if (Number(m[1]) > 12 && Number(m[2]) <= 12) dayFirst = true;
    else if (Number(m[2]) > 12 && Number(m[1]) <= 12) monthFirst = true;
  }
  return dayFirst === monthFirst ? null : dayFirst;
}

/** English-language sites of countries that write the day first (.uk, .ie, .au, .nz, .in, .za…). */
function dayFirstHost(url: string | undefined): boolean {
  try {
    return url ? /\.(?:uk|ie|au|nz|in|za|sg|ng|ke|pk)$/i.test(new URL(url).hostname) : false;
  } catch {
    return false;
  }
}

/** A web archive's copy of a page: the original URL (whose date patterns are the page's) and the capture time. */
export function archivedUrl(url: string): { original: string; captured: string } | null {
  const m = /^https?:\/\/(?:web\.)?archive\.org\/web\/(\d{4})(\d{2})(\d{2})(\d{0,6})[a-z_]*\/(.+)$/i.exec(url);
  if (!m) return null;
  const original = /^https?:\/\//i.test(m[5]) ? m[5] : `http://${m[5].replace(/^https?:\/+/i, "")}`;
  return { original, captured: `${m[1]}-${m[2]}-${m[3]}` };
}

function dateBounds(captured: string | undefined): DateBounds {
  const upper = (captured && dayOf(captured)) || dayOf(new Date())!;
  return { min: EARLIEST_DATE, max: addDays(upper, CLOCK_SLACK_DAYS) };
}

export function extractMetadata(doc: HtmlDocument, context: MetadataContext): DocumentMeta {
  const evidence: Partial<Record<MetaField, Evidence>> = {};
  const meta: DocumentMeta = {};
  const metas = metaEntries(doc);
  const ld = parseJsonLd(doc.jsonLd);
  const article = mainArticle(ld);
  const scan = scanPage(doc, context.deadline);

  const source = siteName(metas, ld, article);
  const titleElement = doc.byTag("title")[0];
  const titleHints = [firstMeta(metas, ["og:title", "twitter:title"])?.content, article && ldString(article.value.headline)?.slice(0, 600), titleElement && shortText(titleElement, 600)];
  const heading = chooseHeading(scan, [...titleHints, ...titleHints.map((t) => (t ? cleanTitle(t, source?.value) : t))]);
  const title = shownHeadline(heading, scan, source?.value) ?? pageTitle(doc, metas, article, scan, source?.value);
  if (title?.value) {
    meta.title = title.value;
    evidence.title = title.evidence;
  }
  const authors = pageAuthors(metas, ld, article, scan, source?.value, context.url);
  if (authors) {
    meta.authors = authors.value;
    meta.author = authors.value.join(", ");
    evidence.authors = authors.evidence;
  }

  const declared = declaredLanguage(doc, metas, article);
  let language = declared?.value;
  if (declared) evidence.language = declared.evidence;
  else {
    const body = scan.headingAt >= 0 ? scan.text.slice(scan.headingAt) : scan.text;
    const detected = detectLanguage(body.length >= 200 ? body : scan.text);
    if (detected) {
      language = detected;
      evidence.language = { kind: "detected", detail: "eld on the first 1,000 characters of the text" };
    }
  }
  if (language) meta.language = language;

  const url = canonicalUrl(doc, metas, article, context.url);
  if (url) {
    meta.url = url.value;
    evidence.url = url.evidence;
  }

  context.deadline.check();
  const archived = [context.url, url?.value].map((u) => (u ? archivedUrl(u) : null)).find((a) => a);
  const urls = [context.url, url?.value, firstMeta(metas, ["og:url"])?.content].filter((u): u is string => !!u).map((u) => archivedUrl(u)?.original ?? u);
  const captured = context.captured ?? archived?.captured;
  const dayFirst = slashOrder(scan.text) ?? (declared ? !monthFirst(declared.tag) : language !== "en" || dayFirstHost(context.url));
  const dates = findPageDates({ doc, metas, ld, article, scan, urls: [...new Set(urls)], bounds: dateBounds(captured), text: { dayFirst } });
  if (dates.date) {
    meta.date = dates.date.value;
    evidence.date = dates.date.evidence;
  }
  if (dates.modified) {
    meta.modified = dates.modified.value;
    evidence.modified = dates.modified.evidence;
  }
  if (source) {
    meta.source = source.value;
    evidence.source = source.evidence;
  }
  if (context.captured) meta.captured = context.captured;
  if (Object.keys(evidence).length) meta.evidence = evidence;
  return meta;
}
