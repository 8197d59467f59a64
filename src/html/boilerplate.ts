// What an element is, judged from its tag, attributes and class/id names alone (no text yet): page furniture
// to drop (navigation, share bars, related lists, comments, banners…), a likely article container, or neutral.
// Names are matched on class, id, role and itemprop, which sites write in English whatever their language.
import { detach, type HtmlElement } from "./dom.js";

/** Elements laid out as blocks: text on either side of one is not one paragraph. */
export const BLOCK_TAGS = new Set([
  "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
  "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
  "tfoot", "th", "thead", "tr", "ul", "caption", "#root", "noscript", "frameset", "frame", "legend", "option",
]);

/** Tags never part of an article's text (their text included). */
const NEVER_TEXT = new Set([
  "nav", "footer", "aside", "form", "button", "input", "label", "noscript", "head", "title", "meta", "link",
  "figcaption", "dialog", "menu", "option", "select", "audio", "video", "picture", "map", "area", "fieldset",
  "legend", "img", "source", "track", "frameset", "frame",
]);

/**
 * Class/id words of page furniture that stay furniture even inside an article-looking name
 * ("post-share", "article-related", "entry-tags", "comment-content").
 */
const FURNITURE = new RegExp(
  [
    "comment", "disqus", "replies", "respond", "share", "sharing", "social", "sociable", "shariff", "addthis",
    "related", "recommend", "more-?(?:stories|articles|news|from)", "read-?(?:also|next)", "also-?read",
    "see-?also", "further-?reading", "newsletter", "subscri", "signup", "sign-up", "register", "login", "paywall",
    "cookie", "consent", "gdpr", "privacy", "banner", "promo(?!ted)", "advert", "sponsor", "outbrain", "taboola",
    "breadcrumb", "pagination", "pager", "^tags?$", "-tags?$", "tag-?(?:list|cloud|links)", "keywords",
    "byline", "author", "bio(?:graphy)?$", "caption", "credit", "copyright", "sidebar", "side-bar", "^widget", "[-_]widget$",
    "^nav", "[-_ ]nav", "navbar", "navigation", "menu", "footer", "masthead", "toolbar", "popup", "modal",
    "overlay", "^rating", "^vote", "^print", "skip", "jump-?link", "visually-?hidden", "sr-only", "^hide$",
    "screen-?reader", "offscreen", "most-?(?:read|popular|viewed)", "trending", "top-?stories",
    "^follow", "contact-?us", "donat", "meta-?data", "post-?meta", "entry-?meta", "article-?meta", "dateline",
    "timestamp", "published", "^(?:site|page|global|top|main)[-_]?header", "^header(?:$|[-_])", "kicker", "lightbox", "gallery", "slideshow", "carousel",
    "video", "embed", "email-?(?:form|signup)",
    "^toc$", "^toc[-_]", "table-?of-?contents", "alert", "notice", "disclaimer", "disclosure", "affiliate", "(?:^|[-_])cta(?:$|[-_\\d])",
    "(?:^|[-_])sources?$", "(?:^|[-_])categor(?:y|ies)$", "ratings?$", "reading-?time|read-?time", "article[-_]*meta",
    "calendar", "^(?:next|prev|previous)(?:$|[-_])", "[a-z0-9][-_](?:next|prev)$",
  ].join("|"),
);
/**
 * Names that say nothing about the element itself: layout wrappers that mention furniture they sit beside
 * ("content-sidebar-wrap", "has-sidebar", "right-sidebar" on the content column, a sticky-sidebar plugin's
 * wrapper, "paywall-container" around the text) and the taxonomy classes a CMS puts on an article
 * ("tag-video", "category-gallery", "format-video").
 */
const WRAPPER =
  /(?:has|with|no)[-_]?sidebar|sidebar[-_]?included|^(?:left|right)[-_]sidebar$|sticky-?sidebar|content.*sidebar|sidebar.*content|[-_]wrap(?:per)?$|paywall[-_]?(?:container|wrapper|content)|content[-_]container$|^(?:category|tag|format|type|status|post_tag|post-format)-/;
/** Short ad names must be whole words: "ad", "ads", "ad-slot", "google-ad" but not "head" or "loaded". */
const AD_WORD = /(?:^|[-_])(?:ads?|adv|dfp|gpt|adslot|adunit|adsense|ad\d+)(?:$|[-_\d])/;
/** Names of containers that hold the article (they rescue a furniture-looking name like "content-header"? no: they weigh). */
const CONTENT = /article|content|entry|post|story|body|text|main|blog|prose|hentry|news|detail|single|page-?content|richtext|rte/;
/** Names that say: this is the article body itself. */
export const STRONG_BODY =
  /(?:article|story|post|entry|news|blog|main|page|item)[-_]?(?:body|content|text|copy|inner|detail|main)|(?:body|content)[-_]?(?:text|article|body|main|copy)|articlebody|storytext|articletext|rich-?text|^(?:post|entry|article|content|story|body-?copy|text)$/;

/** Why an element is furniture: its tag or role, its class/id names, or it is hidden. */
export type DropReason = "tag" | "name" | "hidden";

export interface Verdict {
  /** Drop this element and all it holds (unless it holds the article, see `anchor`). */
  drop: DropReason | null;
  /** Readability-style weight of its names: positive for article-like, negative for furniture-like. */
  weight: number;
  /** Names or markup that say "the article body is here": its furniture-looking ancestors are kept. */
  anchor: boolean;
}

const KEEP: Verdict = { drop: null, weight: 0, anchor: false };

/** What an element's class and id say: 0 nothing, else the bits below. */
const FURNITURE_NAME = 1;
const CONTENT_NAME = 2;
const STRONG_NAME = 4;

/** Pages repeat the same class strings many times: their reading is cached (bounded). */
const nameCache = new Map<string, number>();
const NAME_CACHE_SIZE = 20_000;

function readNames(names: string): number {
  let bits = nameCache.get(names);
  if (bits !== undefined) return bits;
  bits = 0;
  for (const t of names.toLowerCase().split(/\s+/)) {
    if (!t || WRAPPER.test(t)) continue;
    if (STRONG_BODY.test(t)) bits |= STRONG_NAME;
    else if (FURNITURE.test(t) || AD_WORD.test(t)) bits |= FURNITURE_NAME;
    else if (CONTENT.test(t)) bits |= CONTENT_NAME;
  }
  if (nameCache.size >= NAME_CACHE_SIZE) nameCache.clear();
  nameCache.set(detach(names), bits);
  return bits;
}

function hidden(el: HtmlElement): boolean {
  if (el.attrs.hidden !== undefined) return true;
  if (el.attrs["aria-hidden"] === "true") return true;
  const style = el.attrs.style;
  return style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

const FURNITURE_ROLE = /^(?:navigation|banner|contentinfo|complementary|menu|menubar|dialog|alert|search|toolbar|tablist)$/;
const FURNITURE_ITEMPROP = /^(?:author|publisher|comment|keywords|datepublished|datemodified|headline|breadcrumb|image|associatedmedia|video)$/;

/** Judges one element by its tag, attributes and names. */
export function judge(el: HtmlElement): Verdict {
  const tag = el.tag;
  if (tag === "html" || tag === "body" || tag === "#root") return KEEP;
  if (NEVER_TEXT.has(tag)) return { drop: "tag", weight: -25, anchor: false };
  if (hidden(el)) return { drop: "hidden", weight: -25, anchor: false };
  const role = el.attrs.role;
  if (role && FURNITURE_ROLE.test(role)) return { drop: "tag", weight: -25, anchor: false };
  const itemprop = el.attrs.itemprop?.toLowerCase();
  if (itemprop) {
    if (itemprop.includes("articlebody")) return { drop: null, weight: 50, anchor: true };
    if (FURNITURE_ITEMPROP.test(itemprop) && tag !== "article") return { drop: "name", weight: -25, anchor: false };
  }
  const cls = el.attrs.class;
  const id = el.attrs.id;
  const bits = cls || id ? readNames(cls && id ? `${cls} ${id}` : (cls ?? id)!) : 0;
  if (bits === 0) return tag === "main" ? { drop: null, weight: 0, anchor: true } : KEEP;
  const furniture = (bits & FURNITURE_NAME) !== 0;
  const content = (bits & CONTENT_NAME) !== 0;
  const strong = (bits & STRONG_NAME) !== 0;
  if (strong) return { drop: null, weight: furniture ? 0 : 35, anchor: !furniture };
  if (furniture) return { drop: "name", weight: -25, anchor: false };
  if (content) return { drop: null, weight: 25, anchor: tag === "main" };
  return tag === "main" ? { drop: null, weight: 0, anchor: true } : KEEP;
}
