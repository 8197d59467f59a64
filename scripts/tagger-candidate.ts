// A candidate that lost (kept to repeat the measurement; see scripts/train-tagger.ts and eval/README.md):
// a learned span finder, an averaged-perceptron sequence tagger (BIO over person / organisation / place)
// reading each word's shape, affixes, neighbours, gazetteer hits and what the rules and the typer made of
// it, decoded left to right. It decides where names start and end the way news annotators do ("Environment
// Minister John Baird", "Kanata, Ontario"); the rules' mentions give it most of its evidence.

import type { Article, Mention } from "../src/model/index.js";
import { STOPWORDS } from "../src/text/tokens.js";
import {
  ABBREVIATIONS, COMMON_WORDS, DEMONYMS, FEMALE_NAMES, HONORIFICS, KNOWN_ACRONYMS, KNOWN_ORGS, MALE_NAMES, ORG_HEADS, PLACES,
  ROLE_HEADS, ROLE_MODIFIERS, SPEECH_VERBS, WEEKDAYS_AND_MONTHS,
} from "../src/facts/lexicon.js";

export type NameType = "person" | "organization" | "place";
export const TAGS = ["O", "B-person", "I-person", "B-organization", "I-organization", "B-place", "I-place"] as const;
export type Tag = (typeof TAGS)[number];

export interface TaggerModel {
  version: 1;
  tags: Tag[];
  weights: Record<string, number[]>;
}

export interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
  sentence: number;
  /** First word of its sentence (after opening punctuation). */
  initial: boolean;
}

/** Words, abbreviations with inner dots ("U.S."), possessive endings and punctuation as tokens. */
const TOKEN = /(?:\p{Lu}\.){2,}|\p{L}[\p{L}\p{M}\p{N}]*(?:[-'’&]\p{L}[\p{L}\p{M}\p{N}]*)*(?=['’]s\b)|['’]s\b|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-'’.&][\p{L}\p{M}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu;
const OPENING = /^[("“‘'[«—–-]$/u;
/** Initials and dotted abbreviations keep their final period ("J.", "D.C.", "U.S."). */
const KEEPS_PERIOD = /^(?:\p{L}\.)+$/u;

export function tokenizeArticle(article: Article): Word[] {
  const out: Word[] = [];
  for (const s of article.sentences) {
    let initial = true;
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(s.text); m; m = TOKEN.exec(s.text)) {
      let text = m[0];
      // A final period belongs to a word only if it is an abbreviation or an initial ("Dr.", "J.").
      if (text.length > 1 && text.endsWith(".") && !KEEPS_PERIOD.test(text) && !ABBREVIATIONS.has(text.slice(0, -1).toLowerCase())) {
        text = text.slice(0, -1);
        TOKEN.lastIndex = m.index + text.length;
      }
      const start = s.start + m.index;
      out.push({ text, lower: text.toLowerCase(), start, end: start + text.length, sentence: s.i, initial });
      if (!OPENING.test(text)) initial = false;
    }
  }
  return out;
}

function shape(word: string): string {
  const s = word.replace(/\p{Lu}/gu, "X").replace(/\p{Ll}/gu, "x").replace(/\p{N}/gu, "d").replace(/(.)\1+/g, "$1$1");
  return s.length > 6 ? s.slice(0, 6) : s;
}

const CAP = /^\p{Lu}/u;

/** What the rest of the article says about each word: written lowercase somewhere, capitalised mid-sentence. */
export interface WordContext {
  lowercase: Set<string>;
  midCap: Set<string>;
  /** Tag of each word from the rules' (typed) mentions, "O" outside them. */
  ruleTags: string[];
}

export function wordContext(words: Word[], mentions: Mention[]): WordContext {
  const lowercase = new Set<string>();
  const midCap = new Set<string>();
  for (const w of words) {
    if (!CAP.test(w.text)) lowercase.add(w.lower);
    else if (!w.initial) midCap.add(w.lower);
  }
  const ruleTags = words.map(() => "O");
  let k = 0;
  for (const m of mentions) {
    while (k < words.length && words[k].end <= m.start) k++;
    for (let i = k; i < words.length && words[i].start < m.end; i++) ruleTags[i] = `${i === k ? "B" : "I"}-${m.type}`;
  }
  return { lowercase, midCap, ruleTags };
}

/** The features of word i that do not depend on the tags before it. */
export function wordFeatures(words: Word[], i: number, ctx: WordContext): string[] {
  const w = words[i];
  const at = (j: number) => (j >= 0 && j < words.length && words[j].sentence === w.sentence ? words[j] : null);
  const lw = w.lower;
  const f = ["bias", `w=${lw}`, `sh=${shape(w.text)}`, `r=${ctx.ruleTags[i]}`];
  for (const k of [2, 3, 4]) if (lw.length > k) f.push(`s${k}=${lw.slice(-k)}`);
  if (lw.length > 3) f.push(`p3=${lw.slice(0, 3)}`);
  if (w.initial) f.push("initial", `initial+sh=${shape(w.text)}`);
  if (CAP.test(w.text)) {
    if (ctx.lowercase.has(lw)) f.push(w.initial ? "cap-initial-seen-lower" : "cap-seen-lower");
    if (w.initial && ctx.midCap.has(lw)) f.push("initial-seen-midcap");
  }
  if (STOPWORDS.has(lw)) f.push("stop");
  if (MALE_NAMES.has(lw) || FEMALE_NAMES.has(lw)) f.push("given");
  if (PLACES.has(lw)) f.push("gaz-place");
  if (KNOWN_ORGS.has(lw) || KNOWN_ACRONYMS.has(lw)) f.push("gaz-org");
  if (ORG_HEADS.has(lw)) f.push("orghead");
  if (ROLE_HEADS.has(lw) || ROLE_MODIFIERS.has(lw)) f.push("role");
  if (HONORIFICS.has(lw.replace(/\.$/, ""))) f.push("honorific");
  if (DEMONYMS.has(lw)) f.push("demonym");
  if (WEEKDAYS_AND_MONTHS.has(lw)) f.push("date-word");
  if (COMMON_WORDS.has(lw)) f.push("common");
  for (const [d, name] of [[-1, "-1"], [1, "+1"], [-2, "-2"], [2, "+2"]] as const) {
    const o = at(i + d);
    if (!o) {
      f.push(`w${name}=<edge>`);
      continue;
    }
    f.push(`w${name}=${o.lower}`, `sh${name}=${shape(o.text)}`);
    if (Math.abs(d) === 1) f.push(`r${name}=${ctx.ruleTags[i + d]}`);
  }
  const prev = at(i - 1);
  const next = at(i + 1);
  if (prev) f.push(`w-1|w=${prev.lower}|${lw}`);
  if (next) f.push(`w|w+1=${lw}|${next.lower}`);
  if (next && SPEECH_VERBS.has(next.lower)) f.push("next-speech");
  if (prev && (ROLE_HEADS.has(prev.lower) || HONORIFICS.has(prev.lower.replace(/\.$/, "")))) f.push("after-role");
  return f;
}

/** Features that depend on the previous tags. */
function tagFeatures(prev: string, prev2: string, w: Word): string[] {
  return [`t-1=${prev}`, `t-2|t-1=${prev2}|${prev}`, `t-1|sh=${prev}|${shape(w.text)}`, `t-1|w=${prev}|${w.lower}`];
}

/** An I- tag only continues its own type. */
export function allowed(prev: string, tag: string): boolean {
  return !tag.startsWith("I-") || prev.slice(2) === tag.slice(2);
}

export function scoresOf(weights: Record<string, number[]> | Map<string, Float64Array>, features: string[], n: number): Float64Array {
  const out = new Float64Array(n);
  const get = weights instanceof Map ? (f: string) => weights.get(f) : (f: string) => weights[f];
  for (const f of features) {
    const w = get(f);
    if (w) for (let i = 0; i < n; i++) out[i] += w[i];
  }
  return out;
}

/** Greedy left-to-right decoding; `score` gives a word's tag scores from its full feature list. */
export function decode(words: Word[], ctx: WordContext, score: (features: string[]) => Float64Array): Tag[] {
  const tags: Tag[] = [];
  for (let i = 0; i < words.length; i++) {
    const sameSentence = i > 0 && words[i - 1].sentence === words[i].sentence;
    const prev = sameSentence ? tags[i - 1] : "<s>";
    const prev2 = sameSentence && i > 1 && words[i - 2].sentence === words[i].sentence ? tags[i - 2] : "<s>";
    const s = score([...wordFeatures(words, i, ctx), ...tagFeatures(prev, prev2, words[i])]);
    let best = 0;
    for (let t = 1; t < TAGS.length; t++) if (allowed(prev, TAGS[t]) && (s[t] > s[best] || !allowed(prev, TAGS[best]))) best = t;
    tags.push(TAGS[best]);
  }
  return tags;
}

export { tagFeatures };

/** Spans of the tags: [first word, last word + 1, type]. */
export function spansOf(tags: Tag[]): { from: number; to: number; type: NameType }[] {
  const out: { from: number; to: number; type: NameType }[] = [];
  for (let i = 0; i < tags.length; i++) {
    if (tags[i] === "O") continue;
    const type = tags[i].slice(2) as NameType;
    let j = i + 1;
    while (j < tags.length && tags[j] === `I-${type}`) j++;
    out.push({ from: i, to: j, type });
    i = j - 1;
  }
  return out;
}

const TITLE_WORD = (w: string): boolean => {
  const k = w.toLowerCase().replace(/\.$/, "");
  return ROLE_HEADS.has(k) || ROLE_MODIFIERS.has(k) || HONORIFICS.has(k);
};

/**
 * The tagger's names as mentions. A span that is a rule mention keeps the rule's name and role with the
 * tagger's type; a new span gets its name from its words (leading titles become the role). Rule mentions
 * the tagger left out stay, typed "other": a name the model does not vouch for is still a name.
 */
export function tagMentions(article: Article, mentions: Mention[], model: TaggerModel | null): Mention[] {
  if (!model || article.sentences.length === 0) return mentions;
  const words = tokenizeArticle(article);
  const ctx = wordContext(words, mentions);
  const tags = decode(words, ctx, (f) => scoresOf(model.weights, f, TAGS.length));
  const out: Mention[] = [];
  const used = new Set<Mention>();
  for (const span of spansOf(tags)) {
    let from = span.from;
    let to = span.to;
    if (words[to - 1].lower === "'s" || words[to - 1].lower === "’s") to--;
    if (from >= to) continue;
    const start = words[from].start;
    const end = words[span.to - 1].end;
    const same = mentions.find((m) => !used.has(m) && m.start === start && m.end === end)
      ?? mentions.find((m) => !used.has(m) && m.end === end && m.start <= start && m.text.endsWith(article.text.slice(start, end)));
    if (same) {
      used.add(same);
      out.push({ ...same, type: span.type });
      continue;
    }
    // Leading title words are the role ("Environment Minister John Baird" keeps them in its text).
    let nameFrom = from;
    while (nameFrom < to - 1 && TITLE_WORD(words[nameFrom].text)) nameFrom++;
    const name = article.text.slice(words[nameFrom].start, words[to - 1].end).replace(/\s+/g, " ");
    const role = nameFrom > from ? article.text.slice(start, words[nameFrom - 1].end).toLowerCase().replace(/\s+/g, " ") : null;
    for (const m of mentions) if (m.start < end && start < m.end) used.add(m);
    out.push({ text: article.text.slice(start, end), name, type: span.type, role, sentence: words[from].sentence, start, end });
  }
  for (const m of mentions) if (!used.has(m) && !out.some((o) => o.start < m.end && m.start < o.end)) out.push({ ...m, type: "other" });
  return out.sort((a, b) => a.start - b.start);
}
