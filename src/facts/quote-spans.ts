// Where direct quotes are: pairs of double quote marks, straight or curly or guillemets, including quotes
// that run over several paragraphs the newspaper way (a paragraph left open, the next one reopened).

/** One direct quote in the text. */
export interface QuoteSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark (or the end of the paragraph where an unclosed quote stops). */
  close: number;
  /** The quoted text, one [start, end) range per paragraph. */
  parts: [number, number][];
}

const MARKS = /["“”«»]|\n[^\S\n]*\n\s*/g;
const SPACE = /\s/;
/** Punctuation that follows a closing mark ('".', '",' '");'), not an opening one ('"...' is a quote). */
const CLOSING_PUNCT = /^(?:[,;:!?)\]]|\.(?!\.))/;

/** All double-quoted spans, in text order. Stray closing marks are skipped. */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let current: QuoteSpan | null = null;
  let partStart = 0;
  MARKS.lastIndex = 0;
  for (let m = MARKS.exec(text); m; m = MARKS.exec(text)) {
    const at = m.index;
    const mark = m[0];
    if (mark[0] === "\n") {
      if (!current) continue;
      current.parts.push([partStart, at]);
      const next = at + mark.length;
      if (opensAt(text, next)) {
        // The newspaper convention: the quote goes on in the next paragraph.
        partStart = next + 1;
        MARKS.lastIndex = next + 1;
      } else {
        current.close = at;
        out.push(current);
        current = null;
      }
      continue;
    }
    if (current) {
      if (mark === "«" || (mark === "“" && !closesAt(text, at))) {
        // A new quote opens before the last one closed: end the last one here.
        current.parts.push([partStart, at]);
        current.close = at;
        out.push(current);
      } else {
        current.parts.push([partStart, at]);
        current.close = at + 1;
        out.push(current);
        current = null;
        continue;
      }
    }
    if (opensAt(text, at)) {
      current = { open: at, close: at + 1, parts: [] };
      partStart = at + 1;
    } else current = null;
  }
  if (current) {
    current.parts.push([partStart, text.length]);
    current.close = text.length;
    out.push(current);
  }
  return out;
}

/**
 * A mark at `at`, outside any quote, opens one: a left mark, or a straight one with words right after it
 * (not a closing mark before a full stop or comma), or, as careless typing has it, one set apart from its
 * words by a space after a space, comma or colon (`Wilkins said," [Warhol] liked …".`, `" The years …`).
 */
function opensAt(text: string, at: number): boolean {
  const c = text[at];
  if (c === "“" || c === "«") return true;
  if (c !== '"' || at + 1 >= text.length) return false;
  if (SPACE.test(text[at + 1])) return /(?:^|[,:\s("”])$/.test(text.slice(Math.max(0, at - 1), at)) && /^[^\S\n]+[^\s"]/.test(text.slice(at + 1, at + 4));
  return !CLOSING_PUNCT.test(text.slice(at + 1, at + 3));
}

/** A curly left mark used as a closing one (“…“): glued to the word before, space or end after. */
function closesAt(text: string, at: number): boolean {
  return at > 0 && !SPACE.test(text[at - 1]) && (at + 1 >= text.length || SPACE.test(text[at + 1]));
}
