// One walk over a page for metadata: the visible text (capped), where the headline starts in it, and the
// elements whose markup names a date or a byline, in document order. Comment threads, sidebars, related-
// article lists and navigation are skipped: their dates and names belong to other texts.
import type { HtmlDocument, HtmlElement, HtmlNode } from "./dom.js";
import type { Deadline } from "./limits.js";

/** Characters of visible text kept for date patterns and language identification. */
export const MAX_SCAN_TEXT = 40_000;

export interface MarkedElement {
  el: HtmlElement;
  /** How the markup names it: "itemprop", "class", "rel". */
  via: "itemprop" | "class" | "rel";
  /** The attribute value that matched, for evidence ("datePublished", "entry-date", "author"). */
  name: string;
  /** Offset in the raw scanned text where the element starts (before collapsing; compare with `headingRaw`). */
  at: number;
}

export interface PageScan {
  /** Visible text of the page (head and skipped parts left out), blocks on their own lines, capped. */
  text: string;
  /** Offset in `text` where the first <h1> starts, or -1. */
  headingAt: number;
  /** The same offset counted in raw text, as MarkedElement.at is, or -1. */
  headingRaw: number;
  /** The headline's text: by default the first <h1>'s; `chooseHeading` picks the one matching the title. */
  heading?: string;
  /** <h1> and <h2> elements in document order (at most 40), with their raw-text offsets. */
  headings: { el: HtmlElement; raw: number }[];
  /** The text before collapsing whitespace, to turn raw offsets into offsets in `text`. */
  raw: string;
  /** Elements marked as holding a date (itemprop datePublished, class "date", "published"…). */
  dates: MarkedElement[];
  /** Elements marked as holding an author (rel=author, itemprop author, class "byline", "author"…). */
  bylines: MarkedElement[];
}

/** Elements whose content is never page text (forms and their controls, navigation). */
const SKIP_TAGS = new Set(["head", "nav", "button", "select", "option", "noscript", "dialog"]);
/** class/id tokens of page furniture holding other texts' dates and names. */
const SKIP_CLASS = /(?:^|\s)(?:comments?|comment-list|commentlist|kommentare?|replies|sidebar|related|relacionad[oa]s|recommend(?:ed|ations)?|empfehlungen|popular|most-read|trending|newsletter|cookies?|cookie-banner|consent|gdpr|breadcrumbs?|navbar|menu|share|sharing|social|advert(?:isement)?|ads|promo|wm-ipp|wm-ipp-base)(?:[-_][\w-]*)?(?=\s|$)/i;
const BLOCK_TAGS = new Set([
  "p", "div", "section", "article", "header", "footer", "main", "aside", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
  "dl", "dt", "dd", "table", "tr", "td", "th", "blockquote", "pre", "figure", "figcaption", "br", "hr", "address", "title",
]);

/** Inline formatting that may split a word or a number: no space is put between its text and the next. */
const INLINE_TAGS = new Set(["sup", "sub", "b", "i", "em", "strong", "u", "small", "font", "mark", "wbr"]);

/** class/id/itemprop naming a publication date. */
const DATE_CLASS = /date|datum|fecha|data-pub|time|zeit|publi|posted|submitted|byline|meta|dateline|timestamp|created|erschienen|info/i;
/** itemprop values of a date. */
const DATE_ITEMPROP = /^(?:datepublished|datecreated|uploaddate|dateposted|pubdate)$/i;
/** class/id/itemprop naming an author. */
const AUTHOR_CLASS = /(?:^|[\s_-])(?:author|authors|author-name|authorname|byline|by-line|byline-name|autor|autorin|auteur|autore|writer|reporter|contributor|creator|article-author|post-author|entry-author|vcard|fn)(?:$|[\s_-])/i;

/** Marked elements kept per kind: a real page has a few dozen. */
const MAX_MARKED = 1_000;
/** Stops the walk's work on a pathological page (checked every this many elements). */
const DEADLINE_EVERY = 2_000;

export function scanPage(doc: HtmlDocument, deadline: Deadline): PageScan {
  const parts: string[] = [];
  let length = 0;
  let headingAt = -1;
  let headingEl: HtmlElement | null = null;
  const headings: { el: HtmlElement; raw: number }[] = [];
  const dates: MarkedElement[] = [];
  const bylines: MarkedElement[] = [];
  let visited = 0;

  const stack: HtmlNode[] = [];
  for (let i = doc.root.children.length - 1; i >= 0; i--) stack.push(doc.root.children[i]);
  while (stack.length) {
    const node = stack.pop()!;
    if (typeof node === "string") {
      if (length < MAX_SCAN_TEXT) {
        const piece = node.length > MAX_SCAN_TEXT - length ? node.slice(0, MAX_SCAN_TEXT - length) : node;
        parts.push(piece);
        length += piece.length;
      }
      continue;
    }
    if (++visited % DEADLINE_EVERY === 0) deadline.check();
    const el = node;
    if (SKIP_TAGS.has(el.tag)) continue;
    const cls = el.attrs.class;
    const id = el.attrs.id;
    const testId = el.attrs["data-testid"];
    const key = testId ? `${cls ?? ""} ${id ?? ""} ${testId}` : cls && id ? `${cls} ${id}` : cls ?? id;
    if (key && SKIP_CLASS.test(key) && el.tag !== "body" && el.tag !== "html" && el.tag !== "article" && el.tag !== "main") continue;

    const itemprop = el.attrs.itemprop;
    const moreDates = dates.length < MAX_MARKED;
    const moreBylines = bylines.length < MAX_MARKED;
    if (itemprop) {
      if (moreDates && DATE_ITEMPROP.test(itemprop)) dates.push({ el, via: "itemprop", name: itemprop, at: length });
      else if (moreBylines && /^(?:author|creator)$/i.test(itemprop)) bylines.push({ el, via: "itemprop", name: itemprop, at: length });
    }
    if (key && el.tag !== "meta") {
      const date = moreDates && !itemprop ? DATE_CLASS.exec(key) : null;
      if (date) dates.push({ el, via: "class", name: tokenAround(key, date.index), at: length });
      const author = moreBylines ? AUTHOR_CLASS.exec(key) : null;
      if (author) bylines.push({ el, via: "class", name: tokenAround(key, author.index + 1), at: length });
    }
    if (el.attrs.rel && /(?:^|\s)author(?:\s|$)/i.test(el.attrs.rel) && el.tag === "a") bylines.push({ el, via: "rel", name: "author", at: length });
    else if ((el.tag === "byline" || el.tag === "author") && !key) bylines.push({ el, via: "class", name: el.tag, at: length });
    if ((el.tag === "h1" || el.tag === "h2") && headings.length < 40) {
      headings.push({ el, raw: length });
      if (el.tag === "h1" && !headingEl) {
        headingEl = el;
        headingAt = length;
      }
    }
    if (BLOCK_TAGS.has(el.tag) && length < MAX_SCAN_TEXT) {
      parts.push("\n");
      length++;
    }
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]);
  }
  const raw = parts.join("");
  // Collapse spaces within lines and blank lines, keeping offsets for the heading.
  const before = headingAt >= 0 ? collapse(raw.slice(0, headingAt)) : "";
  const text = collapse(raw);
  const heading = headingEl ? shortText(headingEl, 300) : undefined;
  return { text: text.slice(0, MAX_SCAN_TEXT), headingAt: headingAt >= 0 ? Math.min(before.length, text.length) : -1, headingRaw: headingAt, heading, headings, raw, dates, bylines };
}

const normHeading = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/**
 * Makes the scan's headline the <h1> (or, failing one, <h2>) that the page's title names: a logo in an
 * <h1> is not the headline. Titles are given best first (og:title, JSON-LD headline, <title>).
 */
export function chooseHeading(scan: PageScan, titles: readonly (string | undefined)[]): { el: HtmlElement; longer: boolean } | null {
  const hints = titles.map((t) => normHeading(t ?? "")).filter((t) => t.length >= 8);
  if (!hints.length) return null;
  // The last part of "Article – Site name" is where sites put their name: a heading equal to it is a logo.
  const siteParts = new Set(
    titles.map((t) => (t ?? "").split(/\s+(?:[|\-–—·•»«:]|::)\s+/)).filter((parts) => parts.length > 1).map((parts) => normHeading(parts[parts.length - 1])),
  );
  for (const tag of ["h1", "h2"]) {
    for (const h of scan.headings) {
      if (h.el.tag !== tag) continue;
      const text = shortText(h.el, 300);
      const n = normHeading(text);
      if (n.length < 8 || siteParts.has(n)) continue;
      const within = hints.some((hint) => hint.includes(n));
      if (!within && !hints.some((hint) => n.includes(hint))) continue;
      scan.heading = text;
      scan.headingRaw = h.raw;
      scan.headingAt = Math.min(collapse(scan.raw.slice(0, h.raw)).length, scan.text.length);
      return { el: h.el, longer: !within };
    }
  }
  return null;
}

function collapse(s: string): string {
  return s.replace(/[ \t\r\f\u00a0\u200b]+/g, " ").replace(/ ?\n[\s]*/g, "\n");
}

/** The whitespace-delimited token of `key` that contains position `at`. */
function tokenAround(key: string, at: number): string {
  let start = at;
  while (start > 0 && !/\s/.test(key[start - 1])) start--;
  let end = at;
  while (end < key.length && !/\s/.test(key[end])) end++;
  return key.slice(start, end);
}

/** The text below an element, whitespace collapsed, stopping after about `max` characters. */
export function shortText(el: HtmlElement, max: number): string {
  const parts: string[] = [];
  let length = 0;
  const stack: HtmlNode[] = [];
  for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]);
  while (stack.length && length < max) {
    const node = stack.pop()!;
    if (typeof node === "string") {
      const piece = node.length > max ? node.slice(0, max) : node;
      parts.push(piece);
      length += piece.length;
      continue;
    }
    // Parts of a date are often separate elements ("<span>Mai</span><span>06</span><span>2018</span>").
    if (!INLINE_TAGS.has(node.tag)) parts.push(" ");
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return parts.join("").replace(/[\s\u00a0\u200b]+/g, " ").trim().slice(0, max);
}

/** True when an element has an ancestor (or is one) whose tag is in `tags`, up to `levels` levels up. */
export function insideTag(el: HtmlElement, tags: ReadonlySet<string>, levels = 64): boolean {
  for (let e: HtmlElement | null = el; e && levels-- > 0; e = e.parent) if (tags.has(e.tag)) return true;
  return false;
}
