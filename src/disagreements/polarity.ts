// What a sentence says did not happen: a negation ("did not meet", "no meeting took place", "nobody was
// hurt") or a denial ("denied that he had met", "rejected reports that"), each with the word it negates, its
// head. A claim and its denial share that head: one source says "the two met", the other "no meeting".

import { STOPWORDS } from "../text/tokens.js";
import type { Token } from "./words.js";

export interface Negation {
  /** Token index of the cue ("not", "denied"). */
  at: number;
  /** Token index and stem of the negated word. */
  headAt: number;
  head: string;
  /** A denial verb ("denied that…"): it takes the rest of the sentence, asides and all. */
  denial: boolean;
}

const NEGATORS = new Set(["not", "never", "no", "none", "nobody", "nothing", "neither", "nor", "cannot"]);
const DENIALS = new Set(
  `deny denies denied denying rejected rejects reject rejecting dismissed dismisses refuted refutes refute
  disputed disputes dispute contradicted false untrue baseless unfounded`.split(/\s+/),
);
/** Verbs that say the thing after "to" did not happen: "failed to reach" is "did not reach". */
const IMPLICATIVE = new Set(["failed", "fails", "refused", "refuses", "declined", "declines", "unable"]);
/** Words between a cue and what it negates: auxiliaries, pronouns, "that", "reports that". */
const SKIP = new Set(
  `reports report claims claim allegations allegation suggestions suggestion rumours rumors accusations
  accusation speculation immediately yet ever even actually really directly officially formally publicly
  previously initially also longer further much many enough`.split(/\s+/),
);
/** Phrases with a negator that assert rather than deny: "not only", "no doubt", "not least". */
const CONDITIONAL = new Set(["if", "unless", "whether"]);
const NOT_A_NEGATION = new Set(["not only", "not just", "not least", "no doubt", "nothing but", "not far", "no sooner", "without doubt"]);

export function negationsIn(text: string, tokens: Token[]): Negation[] {
  const out: Negation[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const lower = t.lower;
    const isCue = NEGATORS.has(lower) || lower.endsWith("n't") || DENIALS.has(lower) || (IMPLICATIVE.has(lower) && tokens[i + 1]?.lower === "to");
    if (!isCue) continue;
    const next = tokens[i + 1];
    if (next && NOT_A_NEGATION.has(`${lower} ${next.lower}`)) continue;
    if (lower === "no" && (!next || next.digits)) continue;
    // "If it had, we wouldn't have…": a condition, not a report.
    if (clauseBefore(text, tokens, i, 8).some((w) => CONDITIONAL.has(w.lower))) continue;
    // "no one", "not one"
    let j = i + 1;
    if (next?.lower === "one") j++;
    for (; j < tokens.length && j <= i + 6; j++) {
      const w = tokens[j];
      if (w.digits || STOPWORDS.has(w.lower) || SKIP.has(w.lower) || NEGATORS.has(w.lower) || w.lower.length < 2) continue;
      out.push({ at: i, headAt: j, head: w.stem, denial: DENIALS.has(lower) });
      break;
    }
  }
  return out;
}

/** Up to `n` tokens before token `i` in its own clause (no comma, colon, dash or quote mark between). */
export function clauseBefore(text: string, tokens: Token[], i: number, n: number): Token[] {
  const out: Token[] = [];
  for (let j = i - 1; j >= 0 && out.length < n; j--) {
    if (BREAK.test(text.slice(tokens[j].end, tokens[j + 1].start))) break;
    out.unshift(tokens[j]);
  }
  return out;
}

/** Up to `n` tokens after token `i` in its own clause. */
export function clauseAfter(text: string, tokens: Token[], i: number, n: number, acrossBreaks = false): Token[] {
  const out: Token[] = [];
  for (let j = i + 1; j < tokens.length && out.length < n; j++) {
    if (!acrossBreaks && BREAK.test(text.slice(tokens[j - 1].end, tokens[j].start))) break;
    out.push(tokens[j]);
  }
  return out;
}

const BREAK = /[,;:()"“”—–.!?]/;
