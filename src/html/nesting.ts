// Markup nesting bounded before any parser sees it: htmlparser2 keeps its open-element stack with
// Array.unshift, so parsing costs O(depth²). Used by extractPage and by the feed reader's XML parse.

/** Elements that never nest (void) or that parsers close implicitly (p, li, td…): they do not count as depth. */
const FLAT_ELEMENTS = new Set([
  "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
  "p", "li", "td", "th", "tr", "option", "dt", "dd", "thead", "tbody", "tfoot", "colgroup", "rp", "rt",
]);
const TAG = /<(\/?)([a-zA-Z][\w:.-]*)[^>]*>/g;
/** Nesting kept when markup reaches the parsers: far deeper than real pages (the DOM flattens past 256 anyway), far from htmlparser2's slow zone. */
export const MAX_MARKUP_DEPTH = 1000;

/**
 * Markup with tags nested deeper than `max` removed (their text stays). htmlparser2 keeps its open-element
 * stack with Array.unshift, so parsing costs O(depth²): 10,000 levels take 0.2 s, 100,000 levels over 6 s
 * (and extraction a minute). One regular-expression pass bounds that; real pages are returned unchanged.
 */
export function limitNesting(markup: string, max = MAX_MARKUP_DEPTH): string {
  if (maxNesting(markup, max) <= max) return markup;
  let depth = 0;
  return markup.replace(TAG, (tag, close: string, name: string) => {
    if (FLAT_ELEMENTS.has(name.toLowerCase()) || tag.endsWith("/>")) return tag;
    if (close) {
      const keep = depth <= max;
      depth = Math.max(0, depth - 1);
      return keep ? tag : "";
    }
    return ++depth > max ? "" : tag;
  });
}

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 58 || c === 46 || c === 95;
}

/** The deepest tag nesting, counted as limitNesting does, up to `stopAbove`. A plain scan: no regex, no allocation per tag. */
function maxNesting(markup: string, stopAbove: number): number {
  let depth = 0;
  let deepest = 0;
  for (let i = markup.indexOf("<"); i >= 0 && i < markup.length - 1; i = markup.indexOf("<", i + 1)) {
    let j = i + 1;
    const close = markup.charCodeAt(j) === 47;
    if (close) j++;
    const first = markup.charCodeAt(j) | 32;
    if (first < 97 || first > 122) continue;
    const start = j;
    while (j < markup.length && isNameChar(markup.charCodeAt(j))) j++;
    const end = markup.indexOf(">", j);
    if (end < 0) break;
    if (markup.charCodeAt(end - 1) === 47 || FLAT_ELEMENTS.has(markup.slice(start, j).toLowerCase())) continue;
    if (close) depth = Math.max(0, depth - 1);
    else if (++depth > deepest && (deepest = depth) > stopAbove) break;
    i = end;
  }
  return deepest;
}
