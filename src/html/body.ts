// The article body of a page: the story's text as blocks in reading order, page furniture left out.
// No word lists: structure, text and link density, punctuation and class/id names, so any language works.
// 1. Furniture is pruned by tag, role, visibility and class/id names (boilerplate.ts), except the page's
//    article anchor (itemprop=articleBody, a body-named container, <main>) and what holds it.
// 2. Every kept element gets text statistics; paragraph-like ones score their ancestors, readability-style
//    (scoring.ts); a story split over containers that share an ancestor is taken at that ancestor.
// 3. The container is widened while its ancestors add mostly prose, a lead just above it is added, and
//    sibling paragraphs that read as part of the story join it.
// 4. Blocks are read from the containers in document order; link lines, teaser cards and grids, captions,
//    the headline and its dek, and headings left with nothing to head are dropped.
// 5. When that finds too little, a pass that keeps furniture-named containers, then every paragraph of the
//    page, are tried.
import type { HtmlDocument, HtmlElement, HtmlNode } from "./dom.js";
import { collapseSpace, textOf } from "./dom.js";
import type { Deadline } from "./limits.js";
import { BLOCK_TAGS } from "./boilerplate.js";
import { buildTree, computeStats, linkDensity, MIN_PARAGRAPH, scoreCandidates, textLength, type PageStats, type PageTree } from "./scoring.js";

export type BlockKind = "paragraph" | "heading" | "list-item" | "quote" | "preformatted";

/** One block of the article body, in reading order. */
export interface Block {
  kind: BlockKind;
  text: string;
}

export interface BodyOptions {
  /** The page's title when known: a heading repeating it is not part of the body. */
  title?: string;
  deadline: Deadline;
}

/** Fewer prose characters than this from the strict pass: try the relaxed one. */
const TOO_LITTLE = 250;

export function extractBody(doc: HtmlDocument, options: BodyOptions): Block[] {
  const titles = pageTitles(doc, options.title);
  const tree = buildTree(doc, options.deadline);
  let blocks = extractWith(tree, false, titles, options.deadline);
  if (proseLength(blocks) < TOO_LITTLE) {
    const relaxed = extractWith(tree, true, titles, options.deadline);
    if (proseLength(relaxed) > 2 * proseLength(blocks)) blocks = relaxed;
  }
  if (proseLength(blocks) < TOO_LITTLE) {
    const all = baseline(tree, titles, options.deadline);
    if (proseLength(all) > 2 * proseLength(blocks)) blocks = all;
  }
  return blocks;
}

/** The last resort: every paragraph of the page outside furniture, in order, link lines and scraps left out. */
function baseline(tree: PageTree, titles: string[], deadline: Deadline): Block[] {
  const stats = computeStats(tree, false, deadline);
  const blocks = finish(stats, readBlocks(stats, [0], deadline), [0], titles);
  return blocks.filter((b) => b.kind !== "heading" && textLength(b.text) >= MIN_PARAGRAPH);
}

function proseLength(blocks: Block[]): number {
  let n = 0;
  for (const b of blocks) n += textLength(b.text);
  return n;
}

function extractWith(tree: PageTree, relaxed: boolean, titles: string[], deadline: Deadline): Block[] {
  const stats = computeStats(tree, relaxed, deadline);
  let best = scoreCandidates(stats, deadline);
  if (best < 0) return [];
  best = widen(stats, best);
  // In document order, each once (a lead may also be a sibling paragraph readability's rule took).
  const containers = [...new Set([...leadsBefore(stats, best), ...chooseContainers(stats, best)])].sort((a, b) => a - b);
  return finish(stats, readBlocks(stats, containers, deadline), containers, titles, teaserLists(tree, stats, containers, deadline));
}

// ---- choosing the container ----

const CLIMB_RATIO = 0.75;
const CLIMB_EXTRA = 0.25;
/**
 * Climbs from the best candidate while an ancestor adds mostly prose: a page whose text is in several
 * sections (cousins, not siblings) is read whole. Furniture left after pruning is short lines and links.
 */
function widen(s: PageStats, best: number): number {
  // Wrappers that add nothing are climbed for free; at most three steps that add text.
  for (let level = 0; level < 3; ) {
    const a = s.parent[best];
    if (a < 0) break;
    const tag = s.els[a].tag;
    if (tag === "html" || tag === "#root") break;
    const extraText = s.text[a] - s.text[best];
    const extraProse = s.prose[a] - s.prose[best];
    if (extraText <= 0) {
      best = a;
      continue;
    }
    level++;
    if (extraProse / extraText < CLIMB_RATIO) break;
    // Much more prose, or a little before the story only (a lead or standfirst above the body container;
    // what follows a story is more often a bio, a caption or a teaser).
    if (extraProse < CLIMB_EXTRA * s.prose[best] && proseAfter(s, a, best) > 0) break;
    best = a;
  }
  return best;
}

/**
 * A lead above the story's container: prose-dense elements just before it, a level or two up, that the
 * climb did not take because more followed.
 */
function leadsBefore(s: PageStats, best: number): number[] {
  const leads: number[] = [];
  let child = best;
  for (let level = 0; level < 2; ) {
    const a = s.parent[child];
    if (a < 0 || s.els[a].tag === "body" || s.els[a].tag === "html" || s.els[a].tag === "#root") break;
    if (s.text[a] === s.text[child]) {
      child = a;
      continue;
    }
    level++;
    const before: number[] = [];
    for (const c of s.els[a].children) {
      if (typeof c === "string") continue;
      const i = s.index.get(c)!;
      if (i === child) break;
      if (s.kept[i] && s.text[i] > 0) before.push(i);
    }
    // Only the nearest preceding elements, while they read as prose.
    const taken: number[] = [];
    for (let k = before.length - 1; k >= 0; k--) {
      const i = before[k];
      if (s.prose[i] / s.text[i] < 0.75 || s.prose[i] < 50 || !ENDS_SENTENCE.test(textOf(s.els[i]))) break;
      taken.unshift(i);
    }
    leads.unshift(...taken);
    child = a;
  }
  return leads;
}

/** Prose of the children of `a` that follow its descendant `inner` (a child of `a` or below one). */
function proseAfter(s: PageStats, a: number, inner: number): number {
  let child = inner;
  while (s.parent[child] !== a) child = s.parent[child];
  let after = 0;
  let seen = false;
  for (const c of s.els[a].children) {
    if (typeof c === "string") continue;
    const i = s.index.get(c)!;
    if (seen && s.kept[i]) after += s.prose[i];
    if (i === child) seen = true;
  }
  return after;
}

const ENDS_SENTENCE = /[.!?。！？…]["'”’»)]?$/;
const SENTENCE_END = /[.!?。！？…]["'”’»)]?(?:\s|$)/;

/** The best candidate and those of its siblings that read as part of the same story (readability's rule). */
function chooseContainers(s: PageStats, best: number): number[] {
  const parent = s.parent[best];
  if (parent < 0) return [best];
  const threshold = Math.max(10, s.score[best] * 0.2);
  const bestClass = s.els[best].attrs.class ?? "";
  const out: number[] = [];
  for (const child of s.els[parent].children) {
    if (typeof child === "string") continue;
    const i = s.index.get(child);
    if (i === undefined || !s.kept[i]) continue;
    if (i === best) {
      out.push(i);
      continue;
    }
    let bonus = 0;
    if (bestClass && child.attrs.class === bestClass) bonus += s.score[best] * 0.2;
    if (s.score[i] > 0 && s.score[i] + bonus >= threshold) {
      out.push(i);
      continue;
    }
    if (child.tag === "p") {
      const density = linkDensity(s, i);
      const len = s.text[i];
      if (len > 80 && density < 0.25) out.push(i);
      else if (len > 0 && len <= 80 && density === 0 && SENTENCE_END.test(textOfShallow(child))) out.push(i);
    }
  }
  return out;
}

function textOfShallow(el: HtmlElement): string {
  let t = "";
  for (const c of el.children) if (typeof c === "string") t += c;
  return t.trim();
}

// ---- reading blocks ----

const HEADING = /^h[1-6]$/;

interface Buffer {
  parts: string[];
  chars: number;
  linkChars: number;
}

/** A block as read, before the filters: with the element it came from and its link share. */
interface RawBlock extends Block {
  owner: number;
  chars: number;
  linkChars: number;
  h1: boolean;
  /** All its text is small or italic print, and an image comes just before it or within it: a caption. */
  caption: boolean;
}

const SMALL_PRINT = new Set(["small", "em", "i", "sub", "cite", "figcaption"]);

function readBlocks(s: PageStats, containers: number[], deadline: Deadline): RawBlock[] {
  const blocks: RawBlock[] = [];
  let heading = 0;
  let h1 = 0;
  let pre = 0;
  let quote = 0;
  let item = 0;
  let link = 0;
  let small = 0;
  let smallChars = 0;
  let image = false;
  let buf: Buffer = { parts: [], chars: 0, linkChars: 0 };
  const owners: number[] = [];

  const flush = () => {
    if (buf.chars === 0) {
      if (buf.parts.length) buf = { parts: [], chars: 0, linkChars: 0 };
      return;
    }
    const raw = buf.parts.join("");
    const text = pre ? raw.replace(/^\n+|\s+$/g, "") : collapseSpace(raw);
    const kind: BlockKind = heading ? "heading" : pre ? "preformatted" : item ? "list-item" : quote ? "quote" : "paragraph";
    if (text) {
      const caption = image && smallChars === buf.chars;
      blocks.push({ kind, text, owner: owners[owners.length - 1], chars: buf.chars, linkChars: buf.linkChars, h1: h1 > 0, caption });
      image = false;
    }
    smallChars = 0;
    buf = { parts: [], chars: 0, linkChars: 0 };
  };

  type Entry = HtmlNode | { exit: HtmlElement };
  for (const c of containers) {
    const stack: Entry[] = [s.els[c]];
    let n = 0;
    while (stack.length) {
      if ((++n & 1023) === 0) deadline.check();
      const entry = stack.pop()!;
      if (typeof entry === "string") {
        const len = textLength(entry);
        buf.parts.push(entry);
        buf.chars += len;
        if (link) buf.linkChars += len;
        if (small) smallChars += len;
        continue;
      }
      if ("exit" in entry) {
        const el = entry.exit;
        const tag = el.tag;
        if (BLOCK_TAGS.has(tag) && tag !== "td" && tag !== "th") {
          flush();
          owners.pop();
        }
        if (SMALL_PRINT.has(tag)) small--;
        if (tag === "a") link--;
        else if (HEADING.test(tag)) {
          heading--;
          if (tag === "h1") h1--;
        } else if (tag === "pre") pre--;
        else if (tag === "blockquote") quote--;
        else if (tag === "li" || tag === "dd" || tag === "dt") item--;
        continue;
      }
      const el = entry;
      // (A <figure>'s own caption is dropped as such; what follows it is not a caption.)
      if ((el.tag === "img" || el.tag === "picture") && !inFigure(el)) image = true;
      const at = s.index.get(el);
      if (at === undefined || !s.kept[at]) continue;
      const tag = el.tag;
      if (tag === "br") {
        if (pre) buf.parts.push("\n");
        else flush();
        continue;
      }
      // A table row is one block, its cells run on with a space between.
      if (BLOCK_TAGS.has(tag) && tag !== "td" && tag !== "th") {
        flush();
        if (tag === "hr") continue;
        owners.push(at);
      }
      if (SMALL_PRINT.has(tag)) small++;
      if (tag === "a") link++;
      else if (HEADING.test(tag)) {
        heading++;
        if (tag === "h1") h1++;
      } else if (tag === "pre") pre++;
      else if (tag === "blockquote") quote++;
      else if (tag === "li" || tag === "dd" || tag === "dt") item++;
      else if (tag === "td" || tag === "th") buf.parts.push(" ");
      stack.push({ exit: el });
      for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]);
    }
    flush();
  }
  return blocks;
}

/**
 * Teaser lists inside the containers: two or more siblings of one tag and class, each small, with a link
 * and a heading or a picture (a "more stories" grid that carries no telling name).
 */
function teaserLists(tree: PageTree, s: PageStats, containers: number[], deadline: Deadline): Set<number> {
  const out = new Set<number>();
  for (const c of containers) {
    const depth = s.els[c].depth;
    for (let p = c; p < s.els.length && (p === c || s.els[p].depth > depth); p++) {
      if ((p & 1023) === 0) deadline.check();
      if (!s.kept[p]) continue;
      const groups = new Map<string, number[]>();
      for (const child of s.els[p].children) {
        if (typeof child === "string") continue;
        const i = s.index.get(child)!;
        if (!s.kept[i] || !s.text[i]) continue;
        const key = `${child.tag} ${child.attrs.class ?? ""}`;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = []));
        g.push(i);
      }
      for (const g of groups.values()) {
        if (g.length < 2) continue;
        // (The link may be a mere "read more": the repetition is the evidence.)
        if (g.every((i) => s.text[i] <= CARD_CHARS && s.link[i] >= 5 && s.link[i] / s.text[i] >= 0.02 && tree.media[i]))
          for (const i of g) out.add(i);
      }
    }
  }
  return out;
}

/** Most characters of a caption under a picture. */
const CAPTION_CHARS = 300;
/** Most characters of a line that introduces a following list of links. */
const INTRO_CHARS = 40;
/** Most characters of a teaser card (a linked title with an image, a line of summary, a date…). */
const CARD_CHARS = 400;
/** Fewest characters of a linked title that makes its small wrapper a teaser card. */
const CARD_TITLE = 15;

/**
 * The filters: link lines go (menus, "read more"), and with a linked title goes the small card around it
 * (the teaser's summary line and byline); the headline goes.
 */
function finish(s: PageStats, raw: RawBlock[], containers: number[], titles: string[], listed: Set<number> = new Set()): Block[] {
  const inContainer = new Set(containers);
  const cards = new Set<number>(listed);
  const found = new Set<number>();
  const within = (owner: number, card: number) => {
    for (let a = owner, k = 0; a >= 0 && k < 8; a = s.parent[a], k++) if (a === card) return true;
    return false;
  };
  for (let i = 0; i < raw.length; i++) {
    const b = raw[i];
    if (b.linkChars / b.chars <= 0.5 || b.linkChars < CARD_TITLE) continue;
    let card = -1;
    for (let a = b.owner; a >= 0 && !inContainer.has(a) && s.text[a] <= CARD_CHARS; a = s.parent[a]) card = a;
    if (card < 0) continue;
    // The linked title opens its card (a quote's credit line after the quote does not make a card).
    const before = raw[i - 1];
    if (before && before.chars > 30 && before.linkChars / before.chars <= 0.5 && within(before.owner, card)) continue;
    found.add(card);
  }
  // Teasers come in lists: a card counts when its parent holds another one of its kind.
  const key = (c: number) => `${s.parent[c]} ${s.els[c].tag}`;
  const perKind = new Map<string, number>();
  for (const c of found) perKind.set(key(c), (perKind.get(key(c)) ?? 0) + 1);
  for (const c of found) if ((perKind.get(key(c)) ?? 0) >= 2) cards.add(c);
  const inCard = (owner: number) => {
    for (let a = owner, k = 0; a >= 0 && k < 8; a = s.parent[a], k++) if (cards.has(a)) return true;
    return false;
  };
  const blocks: Block[] = [];
  let sawParagraph = false;
  const removed = raw.map((b) => b.linkChars / b.chars > 0.5 || (b.caption && b.chars < CAPTION_CHARS) || (cards.size > 0 && inCard(b.owner)));
  for (let i = 0; i < raw.length; i++) {
    const b = raw[i];
    if (removed[i]) continue;
    // A short line or heading introducing a list of links or teasers ("More on this:", "Weitere Artikel")
    // goes with it; a short sentence ("The strike is open-ended, the union said.") introduces nothing.
    const introduces = b.kind === "heading" || (b.chars <= INTRO_CHARS && !ENDS_SENTENCE.test(b.text));
    if (introduces && removed[i + 1] && (i + 2 >= raw.length || removed[i + 2])) continue;
    if (b.kind === "heading") {
      if (isTitle(b.text, titles, false)) continue;
      // Above the first paragraph, the headline and a heading in the article's <header> (its dek).
      if (!sawParagraph && (b.h1 || inHeader(s, b.owner))) continue;
    } else {
      if (!sawParagraph && isTitle(b.text, titles, true)) continue;
      sawParagraph = true;
    }
    blocks.push({ kind: b.kind, text: b.text });
  }
  return trimTail(blocks);
}

/** Fewest characters of a paragraph that shows the story is still going. */
const STORY_LINE = 100;

/**
 * After the story's last real paragraph, a heading introduces what was dropped or what is not the story
 * ("More on this", "Weitere Informationen", "Vous aimerez aussi").
 */
function trimTail(blocks: Block[]): Block[] {
  let last = -1;
  for (let i = blocks.length - 1; i >= 0; i--) {
    if (blocks[i].kind !== "heading" && weight(blocks[i].text) >= STORY_LINE) {
      last = i;
      break;
    }
  }
  if (last < 0) return blocks;
  return blocks.filter((b, i) => i <= last || b.kind !== "heading");
}

/** Length with a Chinese, Japanese or Korean character counting three (it carries about a word). */
function weight(text: string): number {
  const wide = text.match(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g);
  return text.length + (wide ? 2 * wide.length : 0);
}

function inFigure(el: HtmlElement): boolean {
  for (let a = el.parent, k = 0; a && k < 4; a = a.parent, k++) if (a.tag === "figure") return true;
  return false;
}

function inHeader(s: PageStats, owner: number): boolean {
  for (let a = owner, k = 0; a >= 0 && k < 6; a = s.parent[a], k++) if (s.els[a].tag === "header") return true;
  return false;
}

// ---- the headline ----

const normalise = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

function pageTitles(doc: HtmlDocument, title: string | undefined): string[] {
  const out: string[] = [];
  if (title) out.push(normalise(title));
  for (const meta of doc.byTag("meta")) {
    const key = (meta.attrs.property ?? meta.attrs.name ?? "").toLowerCase();
    if (key === "og:title" || key === "twitter:title") {
      const content = meta.attrs.content;
      if (content) out.push(normalise(content));
    }
  }
  const t = doc.byTag("title")[0];
  if (t) {
    let text = "";
    for (const c of t.children) if (typeof c === "string") text += c;
    out.push(normalise(text));
  }
  return out.filter((x) => x.length > 0);
}

/** A heading naming the page; with `exact`, a block that is the title itself (a headline in a <p>). */
function isTitle(heading: string, titles: string[], exact: boolean): boolean {
  const h = normalise(heading);
  if (!h) return false;
  for (const t of titles) {
    if (t === h) return true;
    if (exact) continue;
    if (t.includes(h) && (h.length >= 20 || h.length >= 0.5 * t.length)) return true;
  }
  return false;
}
