// A small, bounded DOM for extraction: elements with lower-case tags and attributes, text as plain strings.
// Built from htmlparser2's callbacks (fast and forgiving) instead of a full DOM: extraction only walks the
// tree, and a tree of our own lets us cap nodes and depth while parsing, so a hostile page costs a bounded
// amount of memory and no walk can overflow the stack.
import { Parser } from "htmlparser2";

export class HtmlElement {
  readonly children: HtmlNode[] = [];
  constructor(
    readonly tag: string,
    readonly attrs: Readonly<Record<string, string>>,
    readonly parent: HtmlElement | null,
    /** Nesting depth, the root being 0. Never above the page limit's maxDepth. */
    readonly depth: number,
  ) {}

  attr(name: string): string | undefined {
    return this.attrs[name];
  }
}

/** Text nodes are their (entity-decoded, not whitespace-normalised) strings. */
export type HtmlNode = HtmlElement | string;

export interface PageLimits {
  /** Elements per page; a page with more is refused as too complex (real article pages hold a few thousand). */
  maxNodes: number;
  /** Nesting deeper than this is flattened into the element at this depth: the text stays, the tree stops growing. */
  maxDepth: number;
}

export const DEFAULT_PAGE_LIMITS: Readonly<PageLimits> = Object.freeze({ maxNodes: 200_000, maxDepth: 256 });

export interface HtmlDocument {
  /** A synthetic root holding the page's top-level nodes; `<html>` is normally its only element child. */
  root: HtmlElement;
  /** Every element of a tag, in document order ("meta", "time", "a"…). */
  byTag(tag: string): readonly HtmlElement[];
  /** Text of each `<script type="application/ld+json">`: scripts are otherwise dropped while parsing. */
  jsonLd: string[];
  /** Elements created (flattened and dropped ones not counted). */
  elementCount: number;
  /** True when the element limit was reached: the tree holds only the start of the page. */
  overLimit: boolean;
}

/** Elements whose content is never article text; their children are not kept (JSON-LD scripts are). */
const DROPPED = new Set(["script", "style", "template", "svg", "math", "iframe", "object", "embed", "canvas", "select", "textarea"]);

/** Block elements whose text, once flattened below the depth limit, must not run into the text before it. */
const FLATTENED_BREAKS = new Set(["p", "div", "br", "li", "tr", "td", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "pre", "dd", "dt"]);

/** Adds text to an element; the parser may deliver one text run in pieces, so they are joined into one node. */
function appendText(el: HtmlElement, text: string): void {
  const siblings = el.children;
  const last = siblings.length - 1;
  if (last >= 0 && typeof siblings[last] === "string") siblings[last] = (siblings[last] as string) + text;
  else siblings.push(text);
}

/** Parses HTML into a bounded tree. Pure; never throws on any input. */
export function parseHtml(html: string, limits: PageLimits = DEFAULT_PAGE_LIMITS): HtmlDocument {
  const root = new HtmlElement("#root", {}, null, 0);
  const index = new Map<string, HtmlElement[]>();
  const jsonLd: string[] = [];
  // One entry per open tag as the parser reports it; null marks a tag not kept (flattened, dropped or over the limit).
  const open: (HtmlElement | null)[] = [];
  let current = root;
  let dropping = 0;
  let jsonLdText: string | null = null;
  let count = 0;
  let overLimit = false;

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (dropping > 0 || DROPPED.has(name)) {
          dropping++;
          if (dropping === 1 && name === "script" && /ld\+json/i.test(attribs.type ?? "")) jsonLdText = "";
          open.push(null);
          return;
        }
        if (current.depth >= limits.maxDepth || overLimit) {
          // A flattened block still separates its text from the text before it ("end.Next" otherwise).
          if (!overLimit && FLATTENED_BREAKS.has(name)) appendText(current, "\n");
          open.push(null);
          return;
        }
        if (++count > limits.maxNodes) {
          overLimit = true;
          open.push(null);
          return;
        }
        const el = new HtmlElement(name, attribs, current, current.depth + 1);
        current.children.push(el);
        let list = index.get(name);
        if (!list) index.set(name, (list = []));
        list.push(el);
        open.push(el);
        current = el;
      },
      onclosetag() {
        const el = open.pop();
        if (el === undefined) return;
        if (el === null) {
          if (dropping > 0 && --dropping === 0 && jsonLdText !== null) {
            jsonLd.push(jsonLdText);
            jsonLdText = null;
          }
          return;
        }
        current = el.parent ?? root;
      },
      ontext(text) {
        if (dropping > 0) {
          if (jsonLdText !== null) jsonLdText += text;
          return;
        }
        if (!overLimit) appendText(current, text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return { root, byTag: (tag) => index.get(tag) ?? [], jsonLd, elementCount: Math.min(count, limits.maxNodes), overLimit };
}

/**
 * Visits the subtree below `el` in document order without recursion (a deep page cannot overflow the stack).
 * `enter` returns false to skip an element's children.
 */
export function walk(el: HtmlElement, enter: (node: HtmlNode) => boolean | void): void {
  const stack: HtmlNode[] = [];
  for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]);
  while (stack.length) {
    const node = stack.pop()!;
    if (enter(node) === false || typeof node === "string") continue;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
}

/** All text below an element, whitespace collapsed to single spaces and trimmed. */
export function textOf(el: HtmlElement): string {
  const parts: string[] = [];
  walk(el, (node) => {
    if (typeof node === "string") parts.push(node);
  });
  return collapseSpace(parts.join(""));
}

/** Collapses runs of whitespace (incl. no-break spaces) to one space and trims. */
export function collapseSpace(s: string): string {
  return s.replace(/[\s\u00a0\u200b]+/g, " ").trim();
}

/**
 * A copy of `s` that shares no memory with the page. V8 makes a substring of a long string a view into it,
 * so one kept attribute value or text would keep a whole page's HTML alive; what outlives the page (the
 * extracted article, cache keys) is copied with this.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (" " + s).slice(1);
}
