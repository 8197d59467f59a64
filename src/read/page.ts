// Shared by the web readers: a page or an HTML fragment through extractPage into a SourceDocument body,
// plain-text fields into paragraphs, and item fields filling what the page's own metadata lacks.
import { Parser } from "htmlparser2";
import { extractPage, type PageContext } from "../html/index.js";
import type { DocumentMeta, EvidenceKind, InputError, InputFormat, MetaField, SourceDocument } from "../model/index.js";
import { inputErrors } from "./errors.js";

/** Tags that make a string HTML rather than text that merely contains a "<". */
const HTML_TAG = /<\/?(?:p|div|br|span|a|b|i|em|strong|h[1-6]|ul|ol|li|blockquote|img|figure|table|section|article|html|body|pre|font|hr)\b[^>]*>/i;

export function looksLikeHtml(s: string): boolean {
  return HTML_TAG.test(s);
}

/** Elements that end a line of text when a fragment is flattened to text. */
const BREAKING = new Set(["p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article", "pre", "hr", "figure", "ul", "ol", "table"]);
const SKIPPED = new Set(["script", "style", "template", "noscript"]);

/** HTML (or text holding entities) as plain text: entities decoded, tags dropped, block tags as paragraph breaks. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let skipping = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED.has(name)) skipping++;
        else if (BREAKING.has(name)) out.push("\n\n");
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipping = Math.max(0, skipping - 1);
        else if (BREAKING.has(name)) out.push("\n\n");
      },
      ontext(text) {
        if (!skipping) out.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);
  return textParagraphs(out.join(""));
}

/** Text as paragraphs: lines trimmed, runs of blank lines become one blank line, spaces collapsed. */
export function textParagraphs(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t\u00a0]*\n\s*/)
    .map((p) => p.replace(/[ \t\u00a0\u200b]+/g, " ").replace(/ ?\n ?/g, "\n").trim())
    .filter(Boolean)
    .join("\n\n");
}

export type PageResult = { body: string; meta: DocumentMeta } | { refused: string };

/** A whole page through the extractor: its blocks as paragraphs, its metadata. */
export function pageBody(html: string, context: PageContext): PageResult {
  let page: ReturnType<typeof extractPage>;
  try {
    page = extractPage(html, context);
  } catch (err) {
    // A fault in extraction costs this page, never the rest of its container or batch.
    return { refused: `extraction failed: ${(err as Error)?.message ?? String(err)}` };
  }
  if ("refused" in page) return { refused: page.message };
  return { body: page.blocks.map((b) => b.text).join("\n\n"), meta: { ...page.meta } };
}

/**
 * An item's content, HTML or text: HTML goes through the extractor wrapped as a page (and falls back to its
 * flattened text when the extractor keeps nothing, as short fragments often give), text is kept as paragraphs.
 */
export function contentBody(content: string, isHtml: boolean | null, context: PageContext): PageResult {
  const html = isHtml ?? looksLikeHtml(content);
  if (!html) return { body: textParagraphs(content.includes("&") ? htmlToText(content.replace(/</g, "&lt;")) : content), meta: {} };
  const page = pageBody(/<html[\s>]/i.test(content) ? content : `<html><body><article>${content}</article></body></html>`, context);
  if ("refused" in page) return page;
  if (!page.body.trim()) page.body = htmlToText(content);
  return page;
}

/** Fills metadata fields the page left empty, recording where each came from. */
export class MetaFiller {
  constructor(readonly meta: DocumentMeta, private readonly kind: EvidenceKind) {}

  /** A value the page only guessed (language detection) gives way to a declared one. */
  private weak(field: MetaField): boolean {
    return this.meta.evidence?.[field]?.kind === "detected";
  }

  set(field: MetaField, value: string | string[] | undefined | null, detail: string): void {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      const list = value.map((v) => v.trim()).filter(Boolean);
      if (!list.length || (this.meta.authors?.length && !this.weak(field))) return;
      this.meta.authors = list;
    } else {
      const v = value.trim();
      if (!v || field === "authors" || (this.meta[field] !== undefined && !this.weak(field))) return;
      this.meta[field] = v;
    }
    this.meta.evidence = { ...this.meta.evidence, [field]: { kind: this.kind, detail } };
  }

  /** Credits a value the page took from the context we gave it (the item's link) to where we found it. */
  vouch(field: MetaField, value: string | undefined, detail: string): void {
    if (value && this.meta[field] === value) {
      this.meta.evidence = { ...this.meta.evidence, [field]: { kind: this.kind, detail } };
    }
  }
}

/** A document, or the empty error when nothing is left of its body. */
export function finish(path: string, body: string, meta: DocumentMeta, format: InputFormat, emptyWhy: string): SourceDocument | InputError {
  return body.trim() ? { path, body, meta, format } : inputErrors.empty(path, emptyWhy);
}

/** A BCP 47 tag's primary language subtag, lower case ("en-US" → "en"); undefined when it is not one. */
export function primaryLanguage(tag: string | undefined | null): string | undefined {
  const m = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*$/i.exec(tag ?? "");
  return m ? m[1].toLowerCase() : undefined;
}
