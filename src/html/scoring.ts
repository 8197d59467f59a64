// Text statistics of every kept element, in one pass up the tree (no recursion), and readability-style
// scoring: each paragraph-like element gives points to its ancestors (fewer the further up), an ancestor's
// points are weighed by its class/id names and discounted by its link density; the best one holds the story.
import type { HtmlDocument, HtmlElement } from "./dom.js";
import { judge, type Verdict } from "./boilerplate.js";
import type { Deadline } from "./limits.js";

/** Inline elements: their text runs on with the text around them. */
export const INLINE_TAGS = new Set([
  "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "dfn", "em", "font", "i", "ins", "del",
  "kbd", "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u",
  "var", "wbr", "img", "label", "br", "o:p", "ruby", "rt", "rp",
]);




/** Characters that are not white space. */
export function textLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && c !== 0xa0 && c !== 0x200b && !(c >= 0x2000 && c <= 0x200a) && c !== 0x3000 && c !== 0x85) n++;
  }
  return n;
}

function commaCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 44 || c === 59 || c === 0xff0c || c === 0x3001 || c === 0x060c || c === 0xff1b) n++;
  }
  return n;
}

/** Per-element statistics, indexed by the element's position in `els` (document order). */
export interface PageStats {
  els: HtmlElement[];
  index: Map<HtmlElement, number>;
  /** 1 for elements kept (not furniture, not inside furniture). */
  kept: Uint8Array;
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
  /** 1 when the element holds block-level children (its own text is then a paragraph of its own). */
  mixed: Uint8Array;
  /** Readability-style score; 0 for elements that are no candidate. */
  score: Float64Array;
}

/** Fewest own characters for an element to count as a paragraph. */
export const MIN_PARAGRAPH = 25;

/** The page's elements in document order with their verdicts; built once, read by both passes. */
export interface PageTree {
  els: HtmlElement[];
  index: Map<HtmlElement, number>;
  parent: Int32Array;
  verdicts: Verdict[];
  /**
   * 1 when the element is or holds the page's article anchor: itemprop=articleBody, else the body-named
   * container (or <main>) with the most text. (Only one: comments are often body-named containers too.)
   */
  holdsAnchor: Uint8Array;
  /** Non-space characters below, nothing dropped. */
  rawText: Float64Array;
  /** 1 when the element holds a heading or a picture (dropped ones too). */
  media: Uint8Array;
  /** Non-space characters of embedded posts (a quoted tweet, an Instagram post) below. */
  embedText: Float64Array;
  /** Non-space characters and commas of the element's own text nodes. */
  directText: Float64Array;
  directCommas: Float64Array;
}

export function buildTree(doc: HtmlDocument, deadline: Deadline): PageTree {
  const els: HtmlElement[] = [];
  const parents: number[] = [];
  const stack: HtmlElement[] = [doc.root];
  const stackParent: number[] = [-1];
  let n = 0;
  while (stack.length) {
    if ((++n & 1023) === 0) deadline.check();
    const el = stack.pop()!;
    const parent = stackParent.pop()!;
    const i = els.length;
    els.push(el);
    parents.push(parent);
    for (let c = el.children.length - 1; c >= 0; c--) {
      const child = el.children[c];
      if (typeof child !== "string") {
        stack.push(child);
        stackParent.push(i);
      }
    }
  }
  const count = els.length;
  const index = new Map<HtmlElement, number>();
  const verdicts: Verdict[] = new Array(count);
  const holdsAnchor = new Uint8Array(count);
  const rawText = new Float64Array(count);
  const directText = new Float64Array(count);
  const directCommas = new Float64Array(count);
  const embedText = new Float64Array(count);
  const media = new Uint8Array(count);
  const parent = Int32Array.from(parents);
  for (let i = 0; i < count; i++) {
    index.set(els[i], i);
    verdicts[i] = judge(els[i]);
  }
  for (let i = count - 1; i >= 0; i--) {
    if ((i & 1023) === 0) deadline.check();
    for (const child of els[i].children) {
      if (typeof child !== "string") continue;
      directText[i] += textLength(child);
      directCommas[i] += commaCount(child);
    }
    rawText[i] += directText[i];
    const tag = els[i].tag;
    if (tag === "blockquote" && EMBEDDED_POST.test(els[i].attrs.class ?? "")) embedText[i] = rawText[i];
    if (tag === "img" || tag === "picture" || (tag.length === 2 && tag[0] === "h" && tag[1] >= "1" && tag[1] <= "6")) media[i] = 1;
    const p = parent[i];
    if (p >= 0) {
      rawText[p] += rawText[i];
      embedText[p] += embedText[i];
      if (media[i]) media[p] = 1;
    }
  }
  // The anchor: the most telling kind (articleBody, then body-like names, then <main>); of that kind the one
  // with the most text, or a deeper one holding nearly as much.
  let rank = 0;
  let most = 0;
  for (let i = 0; i < count; i++) {
    const r = anchorRank(els[i], verdicts[i]);
    if (r > rank) {
      rank = r;
      most = 0;
    }
    if (r === rank && r > 0) most = Math.max(most, rawText[i]);
  }
  let anchor = -1;
  for (let i = 0; i < count; i++) {
    if (rank === 0 || anchorRank(els[i], verdicts[i]) !== rank || rawText[i] < 0.7 * most) continue;
    if (anchor < 0 || els[i].depth > els[anchor].depth) anchor = i;
  }
  for (let a = anchor; a >= 0; a = parent[a]) holdsAnchor[a] = 1;
  // Inside the anchor, a wrapper holding most of its text is no furniture whatever its name ("paywall-container").
  if (anchor >= 0) {
    const depth = els[anchor].depth;
    for (let i = anchor + 1; i < count && els[i].depth > depth; i++)
      if (rawText[i] >= 0.7 * rawText[anchor] && holdsAnchor[parent[i]]) holdsAnchor[i] = 1;
  }
  return { els, index, parent, verdicts, holdsAnchor, rawText, directText, directCommas, embedText, media };
}

/** Class names the big platforms give a post embedded in a page. */
const EMBEDDED_POST = /twitter-tweet|instagram-media|tiktok-embed|bluesky-embed|fb-xfbml|mastodon-embed/i;

function anchorRank(el: HtmlElement, v: Verdict): number {
  if (!v.anchor) return 0;
  return v.weight >= 50 ? 3 : el.tag === "main" || el.tag === "body" ? 1 : 2;
}

/**
 * Statistics of the elements kept. Furniture is dropped with all it holds, except an element holding an
 * article anchor, or (for furniture by tag: a page-wide <form>, an unclosed <header>) most of the page's text.
 * `relaxed` keeps furniture named by class/id: the second pass for an article in an oddly named container.
 */
export function computeStats(tree: PageTree, relaxed: boolean, deadline: Deadline): PageStats {
  const { els, parent, verdicts } = tree;
  const count = els.length;
  const kept = new Uint8Array(count);
  const pageText = tree.rawText[0] || 1;
  for (let i = 0; i < count; i++) {
    const p = parent[i];
    if (p >= 0 && !kept[p]) continue;
    const drop = verdicts[i].drop;
    if (drop === null || (drop === "name" && relaxed)) kept[i] = 1;
    else if (drop !== "hidden" && tree.holdsAnchor[i]) kept[i] = 1;
    else if (drop === "tag" && tree.rawText[i] > 0.6 * pageText) kept[i] = 1;
    // A widget wrapping an embedded post quoted by the story (and little else) is part of the story.
    else if (drop === "name" && tree.embedText[i] > 0 && tree.rawText[i] - tree.embedText[i] < 100) kept[i] = 1;
  }
  const s: PageStats = {
    els,
    index: tree.index,
    kept,
    parent,
    text: new Float64Array(count),
    link: new Float64Array(count),
    own: new Float64Array(count),
    ownLink: new Float64Array(count),
    ownCommas: new Float64Array(count),
    prose: new Float64Array(count),
    weight: Float64Array.from(verdicts, (v) => v.weight),
    mixed: new Uint8Array(count),
    score: new Float64Array(count),
  };
  // Bottom-up: children come after their parent in pre-order, so a reverse sweep sees every child first.
  for (let i = count - 1; i >= 0; i--) {
    if ((i & 1023) === 0) deadline.check();
    if (!kept[i]) continue;
    const el = els[i];
    s.text[i] += tree.directText[i];
    s.own[i] += tree.directText[i];
    s.ownCommas[i] += tree.directCommas[i];
    if (el.tag === "a") {
      s.link[i] = s.text[i];
      s.ownLink[i] = s.own[i];
    }
    const inline = INLINE_TAGS.has(el.tag);
    if (!inline && s.own[i] >= MIN_PARAGRAPH && s.ownLink[i] / s.own[i] < 0.5) s.prose[i] += s.own[i] - s.ownLink[i];
    const p = s.parent[i];
    if (p < 0) continue;
    if (!inline) s.mixed[p] = 1;
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
    if (!s.kept[i] || INLINE_TAGS.has(el.tag)) continue;
    const own = s.own[i];
    if (own < MIN_PARAGRAPH) continue;
    if (s.ownLink[i] / own > 0.5) continue;
    const points = 1 + s.ownCommas[i] + Math.min(Math.floor(own / 100), 3);
    // A paragraph gives its points to its parent and, fewer, to the ancestors above; text that sits in a
    // container beside blocks is a paragraph of that container (readability wraps such runs in a <p>).
    let a = s.mixed[i] ? i : s.parent[i];
    for (let level = 0; a >= 0 && level < 5; level++, a = s.parent[a]) {
      const tag = s.els[a].tag;
      if (tag === "#root" || tag === "html") break;
      if (!touched[a]) {
        touched[a] = 1;
        // A name is worth its full weight only on a container holding some prose.
        s.score[a] = (TAG_BASE[tag] ?? 0) + s.weight[a] * Math.min(1, s.prose[a] / NAME_PROSE);
      }
      s.score[a] += points / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
    }
  }
  let best = -1;
  let bestScore = 0;
  const top: number[] = [];
  for (let i = 0; i < count; i++) {
    if (!touched[i]) continue;
    s.score[i] *= 1 - linkDensity(s, i);
    if (s.score[i] > bestScore) {
      bestScore = s.score[i];
      best = i;
    }
    // The five best so far, best first.
    if (top.length < 5 || s.score[i] > s.score[top[top.length - 1]]) {
      let at = top.length;
      while (at > 0 && s.score[top[at - 1]] < s.score[i]) at--;
      top.splice(at, 0, i);
      if (top.length > 5) top.pop();
    }
  }
  if (best < 0) return best;
  // A story split over several containers: when three of the best candidates scoring near the top share an
  // ancestor, that ancestor is the story (readability's rule).
  // (An ancestor of the best is no alternative: it holds the best.)
  const holdsBest = new Set<number>();
  for (let a = s.parent[best]; a >= 0; a = s.parent[a]) holdsBest.add(a);
  const near = top.filter((i) => i !== best && s.score[i] >= 0.75 * bestScore && !holdsBest.has(i));
  if (near.length >= 2) {
    const ancestorsOf = (i: number) => {
      const set = new Set<number>();
      for (let a = s.parent[i]; a >= 0; a = s.parent[a]) set.add(a);
      return set;
    };
    const lists = near.map(ancestorsOf);
    for (let a = s.parent[best]; a >= 0; a = s.parent[a]) {
      const tag = s.els[a].tag;
      if (tag === "body" || tag === "html" || tag === "#root") break;
      let holding = 0;
      for (const list of lists) if (list.has(a)) holding++;
      if (holding >= 2) {
        best = a;
        break;
      }
    }
  }
  return best;
}

/** Prose characters from which a container's class/id names count in full. */
const NAME_PROSE = 300;
