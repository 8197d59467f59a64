// Text statistics of every kept element, in one pass up the tree (no recursion), and readability-style
// scoring: each paragraph-like element gives points to its ancestors (fewer the further up), an ancestor's
// points are weighed by its class/id names and discounted by its link density; the best one holds the story.
import type { HtmlDocument, HtmlElement } from "./dom.js";
import { BLOCK_TAGS, judge } from "./boilerplate.js";
import type { Deadline } from "./limits.js";

/** Inline elements: their text runs on with the text around them. */
export const INLINE_TAGS = new Set([
  "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "dfn", "em", "font", "i", "ins", "del",
  "kbd", "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u",
  "var", "wbr", "img", "label", "br", "o:p", "ruby", "rt", "rp",
]);



const SPACE = /[\s\u00a0\u200b]/g;
const COMMA = /[,，、،;；]/g;

/** Characters that are not white space. */
export function textLength(s: string): number {
  const m = s.match(SPACE);
  return s.length - (m ? m.length : 0);
}

/** Per-element statistics, indexed by the element's position in `els` (document order). */
export interface PageStats {
  els: HtmlElement[];
  index: Map<HtmlElement, number>;
  parent: Int32Array;
  /** Non-space characters of all kept text below. */
  text: Float64Array;
  /** … of which inside links. */
  link: Float64Array;
  /** Characters of the element's own inline text (text nodes and inline children, not nested blocks). */
  own: Float64Array;
  ownLink: Float64Array;
  ownCommas: Float64Array;
  /** Non-link characters of the paragraph-like elements below (incl. itself): the text that reads as prose. */
  prose: Float64Array;
  /** Names' weight (article-like +, furniture-like −). */
  weight: Float64Array;
  /** Readability-style score; 0 for elements that are no candidate. */
  score: Float64Array;
}

/** Fewest own characters for an element to count as a paragraph. */
export const MIN_PARAGRAPH = 25;

export function computeStats(doc: HtmlDocument, relaxed: boolean, deadline: Deadline): PageStats {
  const els: HtmlElement[] = [];
  const parents: number[] = [];
  const weights: number[] = [];
  // Pre-order; dropped subtrees are never entered.
  const stack: [HtmlElement, number][] = [[doc.root, -1]];
  let n = 0;
  while (stack.length) {
    if ((++n & 1023) === 0) deadline.check();
    const [el, parent] = stack.pop()!;
    const verdict = judge(el, relaxed);
    if (verdict.drop) continue;
    const i = els.length;
    els.push(el);
    parents.push(parent);
    weights.push(verdict.weight);
    for (let c = el.children.length - 1; c >= 0; c--) {
      const child = el.children[c];
      if (typeof child !== "string") stack.push([child, i]);
    }
  }
  const count = els.length;
  const index = new Map<HtmlElement, number>();
  for (let i = 0; i < count; i++) index.set(els[i], i);
  const s: PageStats = {
    els,
    index,
    parent: Int32Array.from(parents),
    text: new Float64Array(count),
    link: new Float64Array(count),
    own: new Float64Array(count),
    ownLink: new Float64Array(count),
    ownCommas: new Float64Array(count),
    prose: new Float64Array(count),
    weight: Float64Array.from(weights),
    score: new Float64Array(count),
  };
  // Bottom-up: children come after their parent in pre-order, so a reverse sweep sees every child first.
  for (let i = count - 1; i >= 0; i--) {
    if ((i & 1023) === 0) deadline.check();
    const el = els[i];
    for (const child of el.children) {
      if (typeof child !== "string") continue;
      const len = textLength(child);
      if (!len) continue;
      s.text[i] += len;
      s.own[i] += len;
      const commas = child.match(COMMA);
      if (commas) s.ownCommas[i] += commas.length;
    }
    if (el.tag === "a") {
      s.link[i] = s.text[i];
      s.ownLink[i] = s.own[i];
    }
    const inline = INLINE_TAGS.has(el.tag);
    if (!inline && s.own[i] >= MIN_PARAGRAPH && s.ownLink[i] / s.own[i] < 0.5) s.prose[i] += s.own[i] - s.ownLink[i];
    const p = s.parent[i];
    if (p < 0) continue;
    s.text[p] += s.text[i];
    s.link[p] += s.link[i];
    s.prose[p] += s.prose[i];
    if (inline) {
      s.own[p] += s.own[i];
      s.ownLink[p] += el.tag === "a" ? s.own[i] : s.ownLink[i];
      s.ownCommas[p] += s.ownCommas[i];
    }
  }
  return s;
}

const TAG_BASE: Record<string, number> = {
  div: 5, article: 5, main: 5, section: 3, pre: 3, td: 3, blockquote: 3,
  address: -3, ol: -3, ul: -3, dl: -3, dd: -3, dt: -3, li: -3, form: -3,
  h1: -5, h2: -5, h3: -5, h4: -5, h5: -5, h6: -5, th: -5,
};

export const linkDensity = (s: PageStats, i: number) => (s.text[i] ? s.link[i] / s.text[i] : 0);

/** Scores candidates (readability's scheme); returns the best element's index, or -1 when no paragraph exists. */
export function scoreCandidates(s: PageStats, deadline: Deadline): number {
  const touched = new Uint8Array(s.els.length);
  const count = s.els.length;
  for (let i = 0; i < count; i++) {
    if ((i & 1023) === 0) deadline.check();
    const el = s.els[i];
    if (INLINE_TAGS.has(el.tag)) continue;
    const own = s.own[i];
    if (own < MIN_PARAGRAPH) continue;
    if (s.ownLink[i] / own > 0.5) continue;
    const points = 1 + s.ownCommas[i] + Math.min(Math.floor(own / 100), 3);
    // The element itself counts as a paragraph of its parent; its ancestors share the points.
    let a = s.parent[i];
    for (let level = 0; a >= 0 && level < 5; level++, a = s.parent[a]) {
      const tag = s.els[a].tag;
      if (tag === "#root" || tag === "html") break;
      if (!touched[a]) {
        touched[a] = 1;
        s.score[a] = (TAG_BASE[tag] ?? 0) + s.weight[a];
      }
      s.score[a] += points / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
    }
  }
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < count; i++) {
    if (!touched[i]) continue;
    s.score[i] *= 1 - linkDensity(s, i);
    if (s.score[i] > bestScore) {
      bestScore = s.score[i];
      best = i;
    }
  }
  return best;
}
