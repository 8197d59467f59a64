// Which date on a page is its publication date, and which its last modification. Sources are tried from
// the most to the least reliable, the first plausible date winning: a full date in the URL, publication
// <meta> tags, the article's JSON-LD, <time> and itemprop markup, elements whose class names a date,
// labelled text ("Published 14 May 2021"), then dates near the headline. Modification dates
// (article:modified_time, dateModified, "Updated …") are kept apart and never taken for the publication
// date while anything else is found.
import type { Evidence } from "../model/index.js";
import { addDays, dateFromUrl, datesInText, parseDateValue, withinBounds, type DateBounds, type FoundDate, type TextDateOptions } from "./dates.js";
import type { HtmlDocument, HtmlElement } from "./dom.js";
import { isArticle, isPage, ldString, type LdNode } from "./jsonld.js";
import { shortText, type MarkedElement, type PageScan } from "./scan.js";

/** One <meta> (or <link>) of the page: the attribute that names it, the name in lower case, its value. */
export interface MetaEntry {
  attr: string;
  name: string;
  content: string;
}

export interface DateChoice {
  /** YYYY-MM-DD, or a full ISO 8601 date-time when the source gave a time. */
  value: string;
  day: string;
  evidence: Evidence;
}

export interface DateInputs {
  doc: HtmlDocument;
  metas: readonly MetaEntry[];
  ld: readonly LdNode[];
  article?: LdNode;
  scan: PageScan;
  /** URLs that may carry a date: the fetch URL, the canonical URL, og:url. */
  urls: readonly string[];
  bounds: DateBounds;
  text: TextDateOptions;
}

/** Meta names that say "publication date", most reliable first. */
const PUBLISHED_META: readonly string[] = [
  "article:published_time", "og:article:published_time", "article:published", "og:published_time", "datepublished",
  "published_time", "publishdate", "publish-date", "publish_date", "published-date", "published_date", "date_published",
  "publication_date", "publicationdate", "article:publicationdate", "parsely-pub-date", "sailthru.date", "pubdate",
  "original-publish-date", "originalpublicationdate", "article_date_original", "article.published", "article.created",
  "cxenseparse:recs:publishtime", "shareaholic:article_published_time", "bt:pubdate", "rnews:datepublished",
  "citation_publication_date", "citation_online_date", "citation_date", "prism.publicationdate", "dc.date.issued",
  "dcterms.issued",
];
const PUBLISHED_RANK: ReadonlyMap<string, number> = new Map(PUBLISHED_META.map((n, i) => [n, i]));
/** Meta names of some date of the page, often the last edit: weaker than a date the page shows. */
const WEAK_META: readonly string[] = [
  "dc.date.created", "dcterms.created", "dc.created", "dc:created", "dc.date.publication", "dc.date", "dcterms.date",
  "dc:date", "datecreated", "created", "date", "dateposted", "displaydate", "gentime", "timestamp",
];
const WEAK_RANK: ReadonlyMap<string, number> = new Map(WEAK_META.map((n, i) => [n, i]));
/** Last-modified meta names, most reliable first. */
const MODIFIED_META: readonly string[] = [
  "article:modified_time", "og:article:modified_time", "og:updated_time", "datemodified", "modified_time", "updated_time",
  "article:modified", "dc.date.modified", "dcterms.modified", "dc.modified", "last-modified", "lastmodified", "revised",
  "dateupdated", "last_updated", "lastupdated",
];
const MODIFIED_RANK: ReadonlyMap<string, number> = new Map(MODIFIED_META.map((n, i) => [n, i]));

/** Words saying that a date is a modification, in the languages the date table knows. */
const UPDATED_LABEL = /(?:updated|update|modified|edited|revised|last changed|aktualisiert|geändert|bearbeitet|mis à jour|modifié|actualizado|actualización|modificado|atualizado|aggiornat[oa]|bijgewerkt|gewijzigd|zaktualizowano|aktualizováno|обновлено|изменено|güncelleme|güncellendi|frissítve|päivitetty|uppdaterad|opdateret|oppdatert)\s*(?:on|am|le|el|em|il|op)?\s*:?\s*$/i;
/** Words saying that a date is the publication date. */
const PUBLISHED_LABEL = /(?:published|publication date|posted|first published|released|veröffentlicht|publiziert|erschienen|erstellt|publié|publie|mis en ligne|publicado|publicación|pubblicato|gepubliceerd|geplaatst|opublikowano|publikováno|publikovano|publicerad|publiceret|publisert|julkaistu|опубликовано|опубликован|yayınlanma|yayınlandı|közzétéve|publicat|δημοσιεύθηκε|δημοσίευση)\s*(?:on|am|le|el|em|il|op|:)?\s*:?\s*$/i;

function dayChoice(found: FoundDate, evidence: Evidence): DateChoice {
  return { value: found.iso, day: found.day, evidence };
}

function metaDetail(m: MetaEntry): string {
  return `meta[${m.attr}=${m.name}]`;
}

/** The best-ranked parseable meta of a ranked list; ties go to document order. */
function fromMeta(metas: readonly MetaEntry[], rank: ReadonlyMap<string, number>, inputs: DateInputs, minYear = 0): DateChoice | null {
  let best: { r: number; choice: DateChoice } | null = null;
  for (const m of metas) {
    const r = rank.get(m.name);
    if (r === undefined || (best && r >= best.r)) continue;
    const found = parseDateValue(m.content, inputs.bounds, inputs.text);
    if (!found || Number(found.day.slice(0, 4)) < minYear) continue;
    best = { r, choice: dayChoice(found, { kind: "meta", detail: metaDetail(m) }) };
  }
  return best?.choice ?? null;
}

function fromJsonLd(inputs: DateInputs, fields: readonly string[]): DateChoice | null {
  // The article's own fields; failing an article, a WebPage's.
  const nodes = inputs.article ? [inputs.article] : inputs.ld.filter((n) => isArticle(n) || isPage(n));
  for (const node of nodes) {
    for (const field of fields) {
      const value = ldString(node.value[field]);
      if (!value) continue;
      const found = parseDateValue(value, inputs.bounds, inputs.text);
      if (found) return dayChoice(found, { kind: "json-ld", detail: `${node.typeName}.${field}` });
    }
  }
  return null;
}

function fromUrl(inputs: DateInputs): DateChoice | null {
  for (const url of inputs.urls) {
    const found = dateFromUrl(url, inputs.bounds);
    if (found) return { value: found.day, day: found.day, evidence: { kind: "url", detail: found.detail } };
  }
  return null;
}

/** The text just before a position: the label of a date ("Updated:", "Veröffentlicht am"). */
function labelBefore(text: string, index: number): string {
  return text.slice(Math.max(0, index - 40), index);
}

function isUpdateLabel(label: string): boolean {
  return UPDATED_LABEL.test(label.trimEnd());
}

/** Attribute values of an element that hold a machine-readable date. */
function dateAttribute(el: HtmlElement): { name: string; value: string } | null {
  for (const name of ["datetime", "content", "data-datetime", "data-date", "data-timestamp", "data-time", "data-utime", "title"]) {
    const value = el.attrs[name];
    if (value && /\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2}/.test(value)) return { name, value };
  }
  return null;
}

function describe(el: HtmlElement, marked?: MarkedElement): string {
  if (marked?.via === "itemprop") return `${el.tag}[itemprop=${marked.name}]`;
  if (marked?.via === "class") return `${el.tag}.${marked.name}`;
  return el.tag;
}

interface ElementDate {
  found: FoundDate;
  from: "attr" | "text";
  /** Only dates labelled as updates were found ("Aktualisiert: 30.12.2016"). */
  updated: boolean;
}

/** A date held by an element: a date attribute, else the start of its text (a published label wins over an updated one). */
function dateInElement(el: HtmlElement, inputs: DateInputs): ElementDate | null {
  const attr = dateAttribute(el);
  if (attr) {
    const found = parseDateValue(attr.value, inputs.bounds, inputs.text);
    if (found) return { found, from: "attr", updated: false };
  }
  // The start of the element's text: a date element's date, or the date heading a byline or meta block.
  const text = shortText(el, 150);
  if (text.length < 6) return null;
  const dates = datesInText(text, inputs.bounds, { ...inputs.text, shortYears: true });
  if (!dates.length) return null;
  // "Published 3 May 2021, updated 5 May 2021": the published one; else the first not labelled as an update.
  const published = dates.find((d) => PUBLISHED_LABEL.test(labelBefore(text, d.index).trimEnd()));
  if (published) return { found: published, from: "text", updated: false };
  const plain = dates.find((d) => !isUpdateLabel(labelBefore(text, d.index)));
  return plain ? { found: plain, from: "text", updated: false } : { found: dates[0], from: "text", updated: true };
}

function modifiedElement(el: HtmlElement, name: string): boolean {
  return /updated|modified|dateModified|aktualisiert|last-?mod/i.test(`${name} ${el.attrs.class ?? ""}`);
}

/** <time> elements (and <abbr> ones with a time stamp): a pubdate or publication-marked one first, else the first that is not an update. */
function fromTimeElements(inputs: DateInputs, markedOnly: boolean): DateChoice | null {
  const times = [...inputs.doc.byTag("time").slice(0, 200), ...inputs.doc.byTag("abbr").filter((a) => a.attrs["data-utime"] || /publish|date/i.test(a.attrs.class ?? "")).slice(0, 50)];
  let first: DateChoice | null = null;
  for (const el of times) {
    if (modifiedElement(el, el.attrs.itemprop ?? "")) continue;
    const marked = el.attrs.pubdate !== undefined || /publish|entry-date|post-date|pubdate|created/i.test(`${el.attrs.class ?? ""} ${el.attrs.itemprop ?? ""}`);
    const hit = dateInElement(el, inputs);
    if (!hit || hit.updated) continue;
    const detail = el.attrs.pubdate !== undefined ? `${el.tag}[pubdate]` : hit.from === "attr" ? `${el.tag}[${dateAttribute(el)?.name}]` : el.tag;
    const choice = dayChoice(hit.found, { kind: "time", detail: el.attrs.class && marked ? `${el.tag}.${el.attrs.class.split(/\s+/)[0]}` : detail });
    if (marked) return choice;
    if (!markedOnly) first ??= choice;
  }
  return first;
}

/** Raw-text distance before the headline within which a marked date still counts as the headline's. */
const BEFORE_HEADLINE = 300;

/**
 * The first marked element holding a date, those from just before the headline on taken first (a page's
 * header often shows today's date); one holding only an update date is kept in `reserve`.
 */
function fromMarkedElements(inputs: DateInputs, via: "itemprop" | "class", reserve: { choice?: DateChoice }): DateChoice | null {
  const marked = inputs.scan.dates.filter((m) => m.via === via);
  const h = inputs.scan.headingRaw;
  const ordered = h < 0 ? marked : [...marked.filter((m) => m.at >= h - BEFORE_HEADLINE), ...marked.filter((m) => m.at < h - BEFORE_HEADLINE)];
  let checked = 0;
  for (const m of ordered) {
    if (++checked > 100) break;
    const hit = dateInElement(m.el, inputs);
    if (!hit) continue;
    const choice = dayChoice(hit.found, { kind: "time", detail: describe(m.el, m) });
    if (hit.updated || modifiedElement(m.el, m.name)) reserve.choice ??= choice;
    else return choice;
  }
  return null;
}

/** A date in the visible text after a publication label ("Published: 14 May 2021", "Veröffentlicht am 14.05.2021"). */
function fromLabelledText(inputs: DateInputs, dates: readonly FoundDate[]): DateChoice | null {
  const text = inputs.scan.text;
  for (const d of dates) {
    const label = labelBefore(text, d.index);
    if (PUBLISHED_LABEL.test(label.trimEnd())) {
      const snippet = text.slice(Math.max(0, d.index - 20), d.index + d.length).replace(/^\S*\s|\n/g, " ").trim();
      return dayChoice(d, { kind: "text", detail: snippet });
    }
  }
  return null;
}

/** The first date just before or after the headline that is not labelled as an update (short years too: "02.12.19"). */
function fromHeadline(inputs: DateInputs): DateChoice | null {
  const at = inputs.scan.headingAt;
  if (at < 0) return null;
  const start = Math.max(0, at - 200);
  const window = inputs.scan.text.slice(start, at + 1500);
  for (const d of datesInText(window, inputs.bounds, { ...inputs.text, shortYears: true })) {
    if (isUpdateLabel(labelBefore(window, d.index))) continue;
    return dayChoice(d, { kind: "text", detail: window.slice(d.index, d.index + d.length) });
  }
  return null;
}

export interface PageDates {
  date?: DateChoice;
  modified?: DateChoice;
}

export function findPageDates(inputs: DateInputs): PageDates {
  const modified = fromMeta(inputs.metas, MODIFIED_RANK, inputs) ?? fromJsonLd(inputs, ["dateModified"]) ?? undefined;
  const reserve: { choice?: DateChoice } = {};
  let textDates: FoundDate[] | null = null;
  const pageTextDates = () => (textDates ??= datesInText(inputs.scan.text, inputs.bounds, inputs.text));
  let date: DateChoice | null =
    fromUrl(inputs) ??
    fromMeta(inputs.metas, PUBLISHED_RANK, inputs) ??
    fromJsonLd(inputs, ["datePublished", "dateCreated", "uploadDate"]) ??
    fromTimeElements(inputs, true) ??
    fromMarkedElements(inputs, "itemprop", reserve) ??
    fromLabelledText(inputs, pageTextDates()) ??
    fromHeadline(inputs) ??
    fromTimeElements(inputs, false) ??
    fromMarkedElements(inputs, "class", reserve) ??
    fromMeta(inputs.metas, WEAK_RANK, inputs);
  date ??= reserve.choice ?? null;
  if (!date && modified) date = modified;
  date ??= mostFrequent(inputs, pageTextDates());
  // A UTC time's day can be the day after (or before) the local day the page shows: the shown day wins. Time
  // zones run from UTC-12 to UTC+14, so only an early UTC time can be the previous local day, a late one the next.
  const utc = date ? /T(\d{2}):\d{2}(?::\d{2})?(?:Z|[+-]00:00)$/.exec(date.value) : null;
  if (date && utc) {
    const hour = Number(utc[1]);
    const shown = shownDays(inputs, pageTextDates());
    const before = hour < 12 && shown.has(addDays(date.day, -1)) ? addDays(date.day, -1) : null;
    const after = hour >= 10 && shown.has(addDays(date.day, 1)) ? addDays(date.day, 1) : null;
    if (!shown.has(date.day) && (before === null) !== (after === null)) {
      const day = (before ?? after)!;
      date = { value: day, day, evidence: date.evidence };
    }
  }
  // A day-only choice takes the time of a structured value for the same day.
  if (date && date.value === date.day) {
    const timed = fromMeta(inputs.metas, PUBLISHED_RANK, inputs) ?? fromJsonLd(inputs, ["datePublished"]);
    if (timed && timed.day === date.day && timed.value !== timed.day) date = { ...date, value: timed.value };
  }
  return { ...(date ? { date } : {}), ...(modified ? { modified } : {}) };
}

/** Last resort: the date written most often in the visible text (the earliest-placed among equals). */
function mostFrequent(inputs: DateInputs, dates: readonly FoundDate[]): DateChoice | null {
  const counts = new Map<string, { n: number; first: FoundDate }>();
  for (const d of dates) {
    const c = counts.get(d.day);
    if (c) c.n++;
    else counts.set(d.day, { n: 1, first: d });
  }
  let best: { n: number; first: FoundDate } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  if (!best) return null;
  const d = best.first;
  return dayChoice(d, { kind: "text", detail: `${inputs.scan.text.slice(d.index, d.index + d.length)} (the date the text gives most often)` });
}

/** Days the page shows as text in date markup (<time>, marked elements) and near its headline. */
function shownDays(inputs: DateInputs, textDates: readonly FoundDate[]): Set<string> {
  const days = new Set<string>();
  const options = { ...inputs.text, shortYears: true };
  for (const el of inputs.doc.byTag("time").slice(0, 20)) {
    for (const d of datesInText(shortText(el, 100), inputs.bounds, options)) days.add(d.day);
  }
  for (const marked of inputs.scan.dates.slice(0, 30)) {
    for (const d of datesInText(shortText(marked.el, 150), inputs.bounds, options)) days.add(d.day);
  }
  const near = fromHeadline(inputs);
  if (near) days.add(near.day);
  return days;
}
