// schema.org JSON-LD: the objects a page describes itself with, flattened out of @graph lists, arrays and
// nesting, so metadata extraction can ask for "the article" and its fields. Malformed scripts are skipped;
// a script that fails to parse is retried once with the usual breakages repaired (raw newlines in strings,
// trailing commas, HTML comments around it).

/** One JSON-LD object with its types (lower case, no schema prefix). */
export interface LdNode {
  types: string[];
  value: Record<string, unknown>;
  /** The first type as written, for evidence ("NewsArticle"). */
  typeName: string;
}

/** Scripts longer than this are not parsed (a page's whole state dumped as JSON-LD), nor past this much in all. */
const MAX_SCRIPT = 1_000_000;
const MAX_TOTAL = 3_000_000;
/** Objects kept per page. */
const MAX_NODES = 500;

/** schema.org types that describe an article-like page, most specific first does not matter: all rank equal. */
const ARTICLE_TYPES = new Set([
  "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle",
  "backgroundnewsarticle", "askpublicnewsarticle", "blogposting", "liveblogposting", "socialmediaposting", "scholarlyarticle",
  "techarticle", "report", "posting", "discussionforumposting", "medicalscholarlyarticle", "satiricalarticle",
  "advertisertcontentarticle", "creativework", "review", "videoobject", "podcastepisode", "recipe", "howto", "qapage",
]);
const PAGE_TYPES = new Set(["webpage", "itempage", "aboutpage", "collectionpage", "profilepage", "searchresultspage", "medicalwebpage"]);

function parseLoose(text: string): unknown {
  const trimmed = text.trim().replace(/^<!--|-->$/g, "").replace(/^\s*\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>\s*$/g, "").trim();
  if (!trimmed) return undefined;
  try {
    return JSON.parse(trimmed);
  } catch {
    // Repairs: raw control characters inside strings, trailing commas. One more try, then give up.
    const repaired = trimmed.replace(/[\u0000-\u001f]+/g, " ").replace(/,\s*([}\]])/g, "$1");
    try {
      return JSON.parse(repaired);
    } catch {
      return undefined;
    }
  }
}

function typesOf(o: Record<string, unknown>): string[] {
  const t = o["@type"];
  const list = Array.isArray(t) ? t : t === undefined ? [] : [t];
  return list.filter((x): x is string => typeof x === "string").map((x) => x.replace(/^.*[/:#]/, ""));
}

/** Every typed object of the page's JSON-LD scripts, in document order (outer objects before inner ones). */
export function parseJsonLd(scripts: readonly string[]): LdNode[] {
  const nodes: LdNode[] = [];
  let total = 0;
  for (const script of scripts) {
    if (script.length > MAX_SCRIPT || nodes.length >= MAX_NODES || (total += script.length) > MAX_TOTAL) continue;
    const data = parseLoose(script);
    if (data === undefined) continue;
    // Breadth-first over objects and arrays, iterative: outer objects come first.
    const queue: unknown[] = [data];
    for (let i = 0; i < queue.length && nodes.length < MAX_NODES && queue.length < 20_000; i++) {
      const item = queue[i];
      if (Array.isArray(item)) {
        for (const x of item) if (x && typeof x === "object") queue.push(x);
        continue;
      }
      if (!item || typeof item !== "object") continue;
      const o = item as Record<string, unknown>;
      const types = typesOf(o);
      if (types.length) nodes.push({ types: types.map((t) => t.toLowerCase()), value: o, typeName: types[0] });
      for (const [key, v] of Object.entries(o)) {
        // Only follow containers of further entities, not every nested value.
        if (v && typeof v === "object" && (key === "@graph" || key === "mainEntity" || key === "itemListElement" || key === "hasPart" || key === "mainEntityOfPage" || key === "item" || key === "@list")) queue.push(v);
      }
    }
  }
  return nodes;
}

export function isArticle(node: LdNode): boolean {
  return node.types.some((t) => ARTICLE_TYPES.has(t));
}

export function isPage(node: LdNode): boolean {
  return node.types.some((t) => PAGE_TYPES.has(t));
}

/** The page's main article object: the first article-typed one with a headline or date, else the first article-typed one. */
export function mainArticle(nodes: readonly LdNode[]): LdNode | undefined {
  const articles = nodes.filter(isArticle);
  return articles.find((n) => n.value.headline || n.value.datePublished) ?? articles[0];
}

/** A string value of a JSON-LD field (the first of an array, `@value` of a value object), trimmed; undefined when none. */
export function ldString(v: unknown): string | undefined {
  if (typeof v === "string") return v.trim() || undefined;
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) {
    for (const x of v) {
      const s = ldString(x);
      if (s) return s;
    }
    return undefined;
  }
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o["@value"] === "string") return ldString(o["@value"]);
  }
  return undefined;
}

/** The names of an author-like field: a string, a Person/Organization object, or an array of either. */
export function ldNames(v: unknown, max = 20): string[] {
  const out: string[] = [];
  const list = Array.isArray(v) ? v : [v];
  for (const x of list) {
    if (out.length >= max) break;
    if (typeof x === "string") out.push(x);
    else if (x && typeof x === "object") {
      const o = x as Record<string, unknown>;
      const name = ldString(o.name) ?? [ldString(o.givenName), ldString(o.familyName)].filter(Boolean).join(" ");
      if (name) out.push(name);
    }
  }
  return out;
}

/** A URL-like field: a string, or an object with `@id` or `url`. */
export function ldUrl(v: unknown): string | undefined {
  if (typeof v === "string") return v.trim() || undefined;
  if (Array.isArray(v)) return ldUrl(v[0]);
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return ldUrl(o["@id"]) ?? ldUrl(o.url);
  }
  return undefined;
}
