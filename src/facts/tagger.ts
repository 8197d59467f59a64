// The learned name finder: a structured averaged perceptron over BILOU tags (person / organisation /
// place), decoded per sentence by Viterbi. It reads each word's form, shape and affixes, its neighbours two
// either side, lexicon gazetteers, how the rest of the article writes the word, and the rules' own mentions
// (src/facts/mentions.ts), so it learns where news annotators put a name's edges ("King's College London",
// "Environment Minister John Baird") and which type it is. Weights are trained by scripts/train-tagger.ts on
// the dev (training) part of ../shared/data/gum and ship in models/; nothing is downloaded.

import { modelUrl, shippedModel } from "./shipped.js";
import type { Article, Mention } from "../model/index.js";
import { STOPWORDS } from "../text/tokens.js";
import {
  ABBREVIATIONS, BOILERPLATE, COMMON_INITIAL, COMMON_WORDS, COMPASS, DEMONYMS, FEMALE_NAMES, HONORIFICS,
  KNOWN_ACRONYMS, KNOWN_ORGS, LEADING_FAMILY_NAMES, MALE_NAMES, ORG_CUES_AFTER, ORG_NAMES, ORG_CUES_BEFORE, ORG_HEADS,
  PLACE_FIRST_WORDS, PLACE_LAST_WORDS, PLACE_NOUNS, PLACE_PREPOSITIONS, PLACES, ROLE_HEADS, ROLE_MODIFIERS,
  SPEECH_VERBS, WEEKDAYS_AND_MONTHS,
} from "./lexicon.js";

export type NameType = "person" | "organization" | "place";
const TYPES: readonly NameType[] = ["person", "organization", "place"];

/** BILOU tags: Begin, Inside, Last of a multi-word name, Unit (one-word name), Outside. */
export const TAGS: readonly string[] = ["O", ...TYPES.flatMap((t) => ["B", "I", "L", "U"].map((p) => `${p}-${t}`))];
const N = TAGS.length;
const PREFIX = TAGS.map((t) => t[0]);
const TYPE_OF = TAGS.map((t) => t.slice(2));

/** May tag `b` follow tag `a` (−1: sentence start)? */
function follows(a: number, b: number): boolean {
  const open = a >= 0 && (PREFIX[a] === "B" || PREFIX[a] === "I");
  if (open) return (PREFIX[b] === "I" || PREFIX[b] === "L") && TYPE_OF[a] === TYPE_OF[b];
  return PREFIX[b] === "O" || PREFIX[b] === "B" || PREFIX[b] === "U";
}
/** May a sentence end on tag `a`? */
const closes = (a: number): boolean => PREFIX[a] === "O" || PREFIX[a] === "L" || PREFIX[a] === "U";
const ALLOWED: boolean[][] = TAGS.map((_, a) => TAGS.map((_, b) => follows(a, b)));
const STARTS: boolean[] = TAGS.map((_, b) => follows(-1, b));

export interface TaggerModel {
  version: 1;
  tags: string[];
  /** Feature → one weight per tag; `T=<tag>` features hold the transition from that tag. */
  weights: Record<string, number[]>;
  /** Name lists the model was trained with: a lowercase word or phrase → its class ("city", "given"…). */
  lists?: Record<string, string>;
}

/** A model's name lists, laid out for lookup. */
export interface NameLists {
  classes: Map<string, string>;
  /** First words of the phrases of more than one word. */
  starts: Set<string>;
}

export function nameLists(lists: Record<string, string>): NameLists {
  const classes = new Map(Object.entries(lists));
  return { classes, starts: new Set([...classes.keys()].filter((p) => p.includes(" ")).map((p) => p.split(" ")[0])) };
}

const listsOfModel = new WeakMap<TaggerModel, NameLists>();

export function listsOf(model: TaggerModel): NameLists | undefined {
  if (!model.lists) return undefined;
  let lists = listsOfModel.get(model);
  if (!lists) listsOfModel.set(model, (lists = nameLists(model.lists)));
  return lists;
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

/** Words, dotted abbreviations ("U.S."), possessive endings and punctuation as tokens. */
const TOKEN = /(?:\p{Lu}\.){2,}|\p{L}[\p{L}\p{M}\p{N}]*(?:[-'’&]\p{L}[\p{L}\p{M}\p{N}]*)*(?=['’]s\b)|['’]s\b|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-'’.&][\p{L}\p{M}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu;
const OPENING = /^[("“‘'[«—–-]$/u;
/** Initials and dotted abbreviations keep their final period ("J.", "D.C.", "U.S."). */
const KEEPS_PERIOD = /^(?:\p{L}\.)+$/u;
const CAP = /^\p{Lu}/u;
const LOWER = /^\p{Ll}/u;
const LETTER_FIRST = /^\p{L}/u;
const LETTER = /\p{L}/u;

/** The article's words, sentence by sentence. */
export function tokenizeArticle(article: Article): Word[][] {
  return article.sentences.map((s) => {
    const out: Word[] = [];
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
    return out;
  });
}

/** Xx-style shape, runs cut to two, at most 6 characters. */
function shape(word: string): string {
  let s = "";
  let prev = "";
  let run = 0;
  for (const ch of word) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    const c = ch >= "0" && ch <= "9" ? "d" : ch !== lower ? "X" : ch !== upper ? "x" : ch;
    run = c === prev ? run + 1 : 1;
    prev = c;
    if (run <= 2) s += c;
    if (s.length >= 6) break;
  }
  return s;
}

/** What the whole article says about its words, and what the rules found. */
export interface ArticleView {
  /** Words the article writes in lowercase somewhere. */
  lowercase: Set<string>;
  /** Words the article capitalises somewhere not at a sentence start. */
  midCap: Set<string>;
  /** Per sentence, per word: the rules' BILOU tag ("O" outside their mentions). */
  ruleTags: string[][];
  /** Per sentence, per word: a gazetteer phrase's type and BILOU position ("place:B"; "" outside). */
  gazetteer: string[][];
  /** Sentences that read as a Title Case or shouted line. */
  headline: boolean[];
  /** Capitalised word (lowercased) → the rules' types of the article's names that hold it. */
  nameTypes: Map<string, Set<string>>;
  /** Per sentence, per word: its class in the model's name lists (`listTags`). */
  listed: string[][];
}

const MAX_PHRASE = 4;

/** The lexicon's place or organisation name a phrase is, if any. */
function gazetteerType(phrase: string): string | null {
  if (PLACES.has(phrase)) return "place";
  return ORG_NAMES.has(phrase) ? "org" : null;
}

/** First words of the lexicon's names of more than one word: only these can open a longer phrase. */
const PHRASE_STARTS: ReadonlySet<string> = new Set([...PLACES, ...ORG_NAMES].filter((p) => p.includes(" ")).map((p) => p.split(" ")[0]));

/**
 * Marks each capitalised word with the class of the longest listed phrase opening there, up to MAX_PHRASE
 * words, with its BILOU position ("place:B", "org:L", "given:U"; "" none). Only words in `starts` can open
 * a phrase of more than one word; `classOf` looks a phrase up (`single`: one word).
 */
function phraseTags(words: Word[], starts: ReadonlySet<string>, classOf: (phrase: string, single: boolean) => string | null | undefined): string[] {
  const out = words.map(() => "");
  for (let i = 0; i < words.length; i++) {
    if (!CAP.test(words[i].text)) continue;
    const longest = starts.has(words[i].lower) ? Math.min(MAX_PHRASE, words.length - i) : 1;
    let phrase = words[i].lower;
    let cls = classOf(phrase, true);
    let match = cls ? 1 : 0;
    for (let k = 1; k < longest; k++) {
      phrase = `${phrase} ${words[i + k].lower}`;
      const c = classOf(phrase, false);
      if (c) [cls, match] = [c, k + 1];
    }
    if (!cls) continue;
    if (match === 1) out[i] = `${cls}:U`;
    else for (let k = 0; k < match; k++) out[i + k] = `${cls}:${k === 0 ? "B" : k === match - 1 ? "L" : "I"}`;
    i += match - 1;
  }
  return out;
}

/** The lexicon's places and organisations ("united states", "agence france-presse"). */
function gazetteerTags(words: Word[]): string[] {
  return phraseTags(words, PHRASE_STARTS, gazetteerType);
}

/** The model's name lists (a lone word looked up without a final period, as features key it). */
function listTags(words: Word[], lists: NameLists | undefined): string[] {
  if (!lists) return words.map(() => "");
  return phraseTags(words, lists.starts, (phrase, single) => lists.classes.get(single ? key(phrase) : phrase));
}

function isHeadline(words: Word[]): boolean {
  let letters = 0;
  let caps = 0;
  for (const w of words) {
    if (!LETTER_FIRST.test(w.text)) continue;
    letters++;
    if (CAP.test(w.text)) caps++;
  }
  return letters >= 3 && caps / letters >= 0.6;
}

export function articleView(sentences: Word[][], mentions: Mention[], lists?: NameLists): ArticleView {
  const lowercase = new Set<string>();
  const midCap = new Set<string>();
  for (const words of sentences) {
    for (const w of words) {
      if (LOWER.test(w.text)) lowercase.add(w.lower);
      else if (!w.initial && CAP.test(w.text)) midCap.add(w.lower);
    }
  }
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  let k = 0;
  const ruleTags = sentences.map((words) => {
    const tags = words.map(() => "O");
    for (let i = 0; i < words.length; i++) {
      while (k < sorted.length && sorted[k].end <= words[i].start) k++;
      const m = sorted[k];
      if (!m || m.start >= words[i].end) continue;
      let j = i;
      while (j + 1 < words.length && words[j + 1].start < m.end) j++;
      for (let x = i; x <= j; x++) {
        const p = i === j ? "U" : x === i ? "B" : x === j ? "L" : "I";
        tags[x] = `${p}-${m.type}`;
      }
      i = j;
    }
    return tags;
  });
  const nameTypes = new Map<string, Set<string>>();
  for (const m of mentions) {
    for (const w of m.name.split(" ")) {
      const k = w.toLowerCase();
      if (!nameTypes.has(k)) nameTypes.set(k, new Set());
      nameTypes.get(k)!.add(m.type);
    }
  }
  const listed = sentences.map((words) => listTags(words, lists));
  return { lowercase, midCap, ruleTags, gazetteer: sentences.map(gazetteerTags), headline: sentences.map(isHeadline), nameTypes, listed };
}

const key = (w: string): string => (w.endsWith(".") ? w.slice(0, -1) : w);

const OFFSETS = [-2, -1, 1, 2];

/**
 * Where a word's features go. A feature is a name, or a template's prefix and one or two parts
 * (`${prefix}${a}` or `${prefix}${a}|${b}`): training wants the strings (`FeatureList`), tagging only their
 * weights (`Scorer`), which it looks up from the parts without building a string per word.
 */
interface FeatureSink {
  flag(name: string): void;
  one(prefix: string, part: string): void;
  two(prefix: string, a: string, b: string): void;
}

class FeatureList implements FeatureSink {
  readonly features: string[] = [];
  flag(name: string): void {
    this.features.push(name);
  }
  one(prefix: string, part: string): void {
    this.features.push(prefix + part);
  }
  two(prefix: string, a: string, b: string): void {
    this.features.push(`${prefix}${a}|${b}`);
  }
}

/** Template prefixes by offset d at d + 2, built once so lookups by prefix hit the same strings. */
const byOffset = (f: (d: number) => string): string[] => [-2, -1, 0, 1, 2].map(f);
const SUFFIX = [1, 2, 3, 4].map((n) => `s${n}=`);
const PREFIX_OF = [2, 3].map((n) => `p${n}=`);
const WORD_AT = byOffset((d) => `w${d}=`);
const SHAPE_AT = byOffset((d) => `sh${d}=`);
const LEXICAL_AT = byOffset((d) => `${d}:`);
const RULE_AT = byOffset((d) => `r${d}=`);
const SHAPES_AT = byOffset((d) => `sh${d}|sh=`);
const GAZ_AT = byOffset((d) => `gaz${d}=`);

/** Lexicon classes of one word, as features with prefix `p`. */
function lexical(lw: string, f: FeatureSink, p: string): void {
  const k = key(lw);
  if (MALE_NAMES.has(k) || FEMALE_NAMES.has(k)) f.one(p, "given");
  if (LEADING_FAMILY_NAMES.has(k)) f.one(p, "family");
  if (KNOWN_ORGS.has(k) || KNOWN_ACRONYMS.has(k)) f.one(p, "gaz-org");
  if (ORG_HEADS.has(k)) f.one(p, "orghead");
  if (ROLE_HEADS.has(k)) f.one(p, "role");
  else if (ROLE_MODIFIERS.has(k)) f.one(p, "rolemod");
  if (HONORIFICS.has(k)) f.one(p, "honorific");
  if (DEMONYMS.has(k)) f.one(p, "demonym");
  if (WEEKDAYS_AND_MONTHS.has(k)) f.one(p, "date-word");
  if (PLACE_FIRST_WORDS.has(k)) f.one(p, "place-first");
  if (PLACE_LAST_WORDS.has(k)) f.one(p, "place-last");
  if (COMPASS.has(k)) f.one(p, "compass");
}

/** Features of a word by itself, whatever its context (`lw`, `sh`: its lowercase and shape). */
function ownFeatures(text: string, lw: string, sh: string, f: FeatureSink): void {
  f.flag("bias");
  f.one("w=", lw);
  f.one("sh=", sh);
  if (text !== lw) f.one("W=", text);
  for (let n = 1; n <= 4; n++) if (lw.length > n) f.one(SUFFIX[n - 1], lw.slice(-n));
  for (let n = 2; n <= 3; n++) if (lw.length > n) f.one(PREFIX_OF[n - 2], lw.slice(0, n));
  if (CAP.test(text) && COMMON_WORDS.has(lw)) f.flag("cap-common");
  if (BOILERPLATE.has(lw)) f.flag("boilerplate");
  lexical(lw, f, "");
}

/** Features a word lends the word `d` places away (d = −2, −1, 1, 2). */
function neighbourFeatures(lw: string, sh: string, d: number, f: FeatureSink): void {
  f.one(WORD_AT[d + 2], lw);
  f.one(SHAPE_AT[d + 2], sh);
  if (d === -1 || d === 1) lexical(lw, f, LEXICAL_AT[d + 2]);
  if (d === 1 && SPEECH_VERBS.has(lw)) f.flag("next-speech");
  if (d === 1 && (ORG_CUES_AFTER.has(lw) || PLACE_NOUNS.has(lw))) f.one("before-cue=", lw);
  if (d === -1 && PLACE_PREPOSITIONS.has(lw)) f.flag("after-place-prep");
  if (d === -1 && ORG_CUES_BEFORE.has(lw)) f.flag("after-org-cue");
}

/** Features of word i that depend on where it stands: the article, the rules, the words around it. */
function contextFeatures(words: Word[], i: number, view: ArticleView, s: number, shapes: (j: number) => string, f: FeatureSink): void {
  const w = words[i];
  const lw = w.lower;
  const sh = shapes(i);
  const rule = view.ruleTags[s][i];
  f.one("r=", rule);
  f.two("r|sh=", rule, sh);
  if (w.initial) {
    f.flag("initial");
    f.one("initial|sh=", sh);
  }
  if (view.headline[s]) {
    f.flag("headline");
    f.one("headline|sh=", sh);
    f.one("headline|r=", rule);
  }
  if (s === 0) f.flag("first-line");
  if (CAP.test(w.text)) {
    if (view.lowercase.has(lw)) f.flag(w.initial ? "initial-seen-lower" : "cap-seen-lower");
    if (w.initial && view.midCap.has(lw)) f.flag("initial-seen-midcap");
    if (STOPWORDS.has(lw) || COMMON_INITIAL.has(lw)) f.flag(w.initial ? "initial-stop" : "cap-stop");
    const types = view.nameTypes.get(lw);
    if (types) for (const t of types) f.one("doc=", t);
  }
  const gaz = view.gazetteer[s][i];
  if (gaz) f.one("gaz=", gaz);
  const listed = view.listed[s];
  if (listed[i]) {
    f.one("ls=", listed[i]);
    f.two("ls|sh=", listed[i], sh);
  }
  if (listed[i - 1]) f.one("ls-1=", listed[i - 1]);
  if (listed[i + 1]) f.one("ls+1=", listed[i + 1]);
  for (const d of OFFSETS) {
    const o = words[i + d];
    if (!o) f.one(WORD_AT[d + 2], "<edge>");
    else if (d === -1 || d === 1) {
      f.one(RULE_AT[d + 2], view.ruleTags[s][i + d]);
      f.two(SHAPES_AT[d + 2], shapes(i + d), sh);
      if (view.gazetteer[s][i + d]) f.one(GAZ_AT[d + 2], view.gazetteer[s][i + d].slice(0, -2));
    }
  }
  const prev = words[i - 1];
  const next = words[i + 1];
  if (prev) f.two("w-1|w=", prev.lower, lw);
  if (next) f.two("w|w+1=", lw, next.lower);
  if (prev && words[i - 2]) f.two("w-2|w-1=", words[i - 2].lower, prev.lower);
  if (next && words[i + 2]) f.two("w+1|w+2=", next.lower, words[i + 2].lower);
}

/** All features of word i of a sentence (the tag transitions are scored apart), as training reads them. */
export function wordFeatures(words: Word[], i: number, view: ArticleView, s: number): string[] {
  const f = new FeatureList();
  ownFeatures(words[i].text, words[i].lower, shape(words[i].text), f);
  contextFeatures(words, i, view, s, (j) => shape(words[j].text), f);
  for (const d of OFFSETS) {
    const o = words[i + d];
    if (o) neighbourFeatures(o.lower, shape(o.text), d, f);
  }
  return f.features;
}

/** A model's weights as a Map of typed arrays, built on first use. */
const weightMaps = new WeakMap<TaggerModel, Map<string, Float64Array>>();

function weightsOf(model: TaggerModel): Map<string, Float64Array> {
  let map = weightMaps.get(model);
  if (!map) weightMaps.set(model, (map = new Map(Object.entries(model.weights).map(([f, w]) => [f, Float64Array.from(w)]))));
  return map;
}

/** Reads weights: a feature's vector, or undefined. */
export type WeightLookup = (feature: string) => ArrayLike<number> | undefined;

export function lookupOf(model: TaggerModel): WeightLookup {
  const map = weightsOf(model);
  return (f) => map.get(f);
}

/** The transition scores from each tag (row) to each tag (column). */
export function transitions(get: WeightLookup): Float64Array[] {
  return TAGS.map((t) => {
    const row = new Float64Array(N);
    const w = get(`T=${t}`);
    if (w) for (let b = 0; b < N; b++) row[b] = w[b];
    return row;
  });
}

function addScores(out: Float64Array, features: string[], get: WeightLookup): void {
  for (const f of features) {
    const w = get(f);
    if (w) for (let b = 0; b < N; b++) out[b] += w[b];
  }
}

/** The tag scores of every word of a sentence, from its feature lists (training; null: outside every name). */
export function emissions(feats: (string[] | null)[], get: WeightLookup): Float64Array[] {
  return feats.map((fs) => {
    if (!fs) return OUTSIDE;
    const out = new Float64Array(N);
    addScores(out, fs, get);
    return out;
  });
}

/** Words whose scores are cached, about 12 MB; the cache is reset when full (news words mostly recur). */
const MAX_CACHED_WORDS = 20_000;

/** What a word brings wherever it stands: its shape, and its own (d = 0) and neighbour (d = −2…2) scores at N·(d + 2). */
interface WordScores {
  shape: string;
  scores: Float64Array;
}

/**
 * A model laid out for tagging: its weights in one table of N per feature, each template's features
 * indexed by their parts (a pair template under every split at "|", so a part holding "|" still finds its
 * feature), and the context-free scores of words cached by word. Every lookup finds exactly the weights
 * the feature's string would, and sums run in the same order, so the scores are the same to the bit.
 */
class Scorer implements FeatureSink {
  private readonly table: Float64Array;
  private readonly rows: Map<string, number>;
  private readonly ones = new Map<string, Map<string, number>>();
  private readonly twos = new Map<string, Map<string, Map<string, number>>>();
  private words = new Map<string, WordScores>();
  readonly trans = new Float64Array(N * N);
  /** Buffers reused from sentence to sentence: the words' scores and the words a sentence's slots read. */
  private emit = new Float64Array(0);
  private readonly near: (WordScores | undefined)[] = [];
  /** Where the sink adds: scores at `at`…`at + N`. */
  private out: Float64Array = new Float64Array(N);
  private at = 0;

  constructor(model: TaggerModel) {
    const features = Object.keys(model.weights);
    this.table = new Float64Array(features.length * N);
    this.rows = new Map(features.map((f, r) => [f, r]));
    features.forEach((f, r) => this.table.set(model.weights[f], r * N));
    TAGS.forEach((t, a) => {
      const r = this.rows.get(`T=${t}`);
      if (r !== undefined) this.trans.set(this.table.subarray(r * N, r * N + N), a * N);
    });
  }

  private add(row: number): void {
    const { out, at, table } = this;
    const w = row * N;
    for (let b = 0; b < N; b++) out[at + b] += table[w + b];
  }

  flag(name: string): void {
    const r = this.rows.get(name);
    if (r !== undefined) this.add(r);
  }

  one(prefix: string, part: string): void {
    let map = this.ones.get(prefix);
    if (!map) {
      map = new Map();
      for (const [f, r] of this.rows) if (f.startsWith(prefix)) map.set(f.slice(prefix.length), r);
      this.ones.set(prefix, map);
    }
    const r = map.get(part);
    if (r !== undefined) this.add(r);
  }

  two(prefix: string, a: string, b: string): void {
    let map = this.twos.get(prefix);
    if (!map) {
      map = new Map();
      for (const [f, r] of this.rows) {
        if (!f.startsWith(prefix)) continue;
        for (let k = f.indexOf("|", prefix.length); k >= 0; k = f.indexOf("|", k + 1)) {
          const first = f.slice(prefix.length, k);
          if (!map.has(first)) map.set(first, new Map());
          map.get(first)!.set(f.slice(k + 1), r);
        }
      }
      this.twos.set(prefix, map);
    }
    const r = map.get(a)?.get(b);
    if (r !== undefined) this.add(r);
  }

  private wordScores(w: Word): WordScores {
    let v = this.words.get(w.text);
    if (!v) {
      v = { shape: shape(w.text), scores: new Float64Array(5 * N) };
      this.out = v.scores;
      this.at = 2 * N;
      ownFeatures(w.text, w.lower, v.shape, this);
      for (const d of OFFSETS) {
        this.at = (d + 2) * N;
        neighbourFeatures(w.lower, v.shape, d, this);
      }
      this.words.set(w.text, v);
    }
    return v;
  }

  /** The same scores as `emissions(words.map(wordFeatures))`, flat (N per word; valid until the next
   *  sentence); `slots` false: outside. */
  sentence(words: Word[], view: ArticleView, s: number, slots: boolean[]): Float64Array {
    if (this.words.size > MAX_CACHED_WORDS) this.words = new Map();
    const n = words.length;
    // The words a slot reads: the slots and two either side.
    const near = this.near;
    near.length = 0;
    near.length = n;
    for (let i = 0; i < n; i++) if (slots[i]) for (let j = Math.max(0, i - 2); j <= i + 2 && j < n; j++) near[j] ??= this.wordScores(words[j]);
    if (this.emit.length < n * N) this.emit = new Float64Array(2 * n * N);
    const out = (this.out = this.emit);
    out.fill(0, 0, n * N);
    const shapeAt = (j: number): string => near[j]!.shape;
    for (let i = 0; i < n; i++) {
      if (!slots[i]) {
        out.set(OUTSIDE, i * N);
        continue;
      }
      const at = (this.at = i * N);
      contextFeatures(words, i, view, s, shapeAt, this);
      const own = near[i]!.scores;
      for (let b = 0; b < N; b++) out[at + b] += own[2 * N + b];
      for (const d of OFFSETS) {
        const o = near[i + d];
        if (!o) continue;
        const from = (d + 2) * N;
        for (let b = 0; b < N; b++) out[at + b] += o.scores[from + b];
      }
    }
    return out;
  }
}

const scorers = new WeakMap<TaggerModel, Scorer>();

function scorerOf(model: TaggerModel): Scorer {
  let scorer = scorers.get(model);
  if (!scorer) scorers.set(model, (scorer = new Scorer(model)));
  return scorer;
}

const CAPITAL_OR_DIGIT = /^[\p{Lu}\p{N}]/u;

/**
 * Which words may be part of a name: capitalised words and numbers, and words with one of those within two
 * words on each side ("Bank of the West", "Ludwig van Beethoven"). The rest are outside every name, so the
 * tagger scores only these (most words of an article are not): it is trained under the same restriction.
 */
export function nameSlots(words: Word[]): boolean[] {
  const cap = words.map((w) => CAPITAL_OR_DIGIT.test(w.text));
  return words.map((_, i) => cap[i] || ((cap[i - 1] || cap[i - 2]) === true && (cap[i + 1] || cap[i + 2]) === true));
}

/** Emission scores of a word outside every name: only "O" is possible. */
export const OUTSIDE: Float64Array = Float64Array.from(TAGS, (t) => (t === "O" ? 0 : -Infinity));

const ALLOWED_FLAT = Uint8Array.from(ALLOWED.flat(), Number);
/** The tags each tag may follow, in tag order (ties go to the first, as over all tags). */
const PREDECESSORS: Int8Array[] = TAGS.map((_, b) => Int8Array.from(TAGS.keys()).filter((a) => ALLOWED[a][b]));

/** The best tag sequence (tag indices) under the BILOU constraints. */
export function viterbi(emit: Float64Array[], trans: Float64Array[]): number[] {
  const flat = new Float64Array(emit.length * N);
  emit.forEach((e, i) => flat.set(e, i * N));
  const flatTrans = new Float64Array(N * N);
  trans.forEach((t, a) => flatTrans.set(t, a * N));
  return decode(flat, emit.map((e) => e !== OUTSIDE), flatTrans);
}

/** Viterbi's tables, reused from sentence to sentence. */
let scoreBuffer = new Float64Array(0);
let backBuffer = new Int8Array(0);

/** `viterbi` over flat tables: emissions N per word (`inside` false: only "O"), transitions [from][to]. */
function decode(emit: Float64Array, inside: boolean[], trans: Float64Array): number[] {
  const n = inside.length;
  if (n === 0) return [];
  if (scoreBuffer.length < n * N) [scoreBuffer, backBuffer] = [new Float64Array(2 * n * N), new Int8Array(2 * n * N)];
  const score = scoreBuffer.fill(-Infinity, 0, n * N);
  const back = backBuffer.fill(0, 0, n * N);
  for (let b = 0; b < N; b++) if (STARTS[b]) score[b] = emit[b];
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * N;
    const here = i * N;
    if (!inside[i]) {
      // Only "O" can be here; it follows O, L and U.
      let best = -Infinity;
      let arg = 0;
      for (let a = 0; a < N; a++) {
        const v = score[prev + a] + trans[a * N];
        if (ALLOWED_FLAT[a * N] && v > best) {
          best = v;
          arg = a;
        }
      }
      score[here] = best;
      back[here] = arg;
      continue;
    }
    for (let b = 0; b < N; b++) {
      let best = -Infinity;
      let arg = 0;
      for (const a of PREDECESSORS[b]) {
        const v = score[prev + a] + trans[a * N + b];
        if (v > best) {
          best = v;
          arg = a;
        }
      }
      score[here + b] = best + emit[here + b];
      back[here + b] = arg;
    }
  }
  const end = (n - 1) * N;
  let last = 0;
  for (let b = 1; b < N; b++) if (closes(b) && (score[end + b] > score[end + last] || !closes(last))) last = b;
  const out = new Array<number>(n);
  out[n - 1] = last;
  for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * N + out[i]];
  return out;
}

/** Spans of a tag sequence: [first word, last word + 1, type]. */
export function spansOf(tags: number[]): { from: number; to: number; type: NameType }[] {
  const out: { from: number; to: number; type: NameType }[] = [];
  let open = -1;
  tags.forEach((t, i) => {
    const p = PREFIX[t];
    if (p === "U") out.push({ from: i, to: i + 1, type: TYPE_OF[t] as NameType });
    else if (p === "B") open = i;
    else if (p === "L" && open >= 0) {
      out.push({ from: open, to: i + 1, type: TYPE_OF[t] as NameType });
      open = -1;
    }
  });
  return out;
}

/** Tag indices of gold spans over a sentence's words. */
export function tagsOf(n: number, spans: { from: number; to: number; type: NameType }[]): number[] {
  const out = new Array<number>(n).fill(0);
  for (const { from, to, type } of spans) {
    for (let i = from; i < to; i++) {
      const p = to - from === 1 ? "U" : i === from ? "B" : i === to - 1 ? "L" : "I";
      out[i] = TAGS.indexOf(`${p}-${type}`);
    }
  }
  return out;
}

const isTitleWord = (w: string): boolean => {
  const k = key(w.toLowerCase());
  return ROLE_HEADS.has(k) || ROLE_MODIFIERS.has(k) || HONORIFICS.has(k);
};
const POSSESSIVE = /^['’]s$/;
/** Longest name the tagger may give, in words ("Daughters of the American Revolution Constitution Hall" is 7). */
const MAX_NAME_WORDS = 10;

/**
 * A sentence-initial word that is no name: "However", "Together", or one the article writes in lowercase
 * and the rules left out of their names ("New York" keeps "New").
 */
function isCommonOpener(words: Word[], i: number, view: ArticleView, s: number): boolean {
  const w = words[i];
  if (!w.initial || view.midCap.has(w.lower)) return false;
  return STOPWORDS.has(w.lower) || COMMON_INITIAL.has(w.lower) || (view.lowercase.has(w.lower) && view.ruleTags[s][i] === "O");
}

/**
 * A word span the model never vouches for: weekdays and months, page furniture, a lone sentence-initial
 * word the article otherwise writes in lowercase or that opens sentences anyway ("However", "Officials"),
 * and in Title Case lines (headlines) any name the article does not repeat elsewhere.
 */
function isNoName(words: Word[], from: number, to: number, view: ArticleView, s: number, repeated: (name: string) => boolean, name: string): boolean {
  let dateOrFurniture = true;
  for (let i = from; i < to && dateOrFurniture; i++) {
    const k = key(words[i].lower);
    dateOrFurniture = WEEKDAYS_AND_MONTHS.has(k) || BOILERPLATE.has(k) || !LETTER.test(k);
  }
  if (dateOrFurniture) return true;
  if (to - from === 1 && isCommonOpener(words, from, view, s)) return true;
  return view.headline[s] && !repeated(name) && !gazetteerType(name.toLowerCase()) && !KNOWN_ORGS.has(name.toLowerCase());
}

/**
 * The model's names as mentions. A name the rules also found keeps their name, role and text (with a
 * lowercase title before it); leading capitalised titles become the role ("Environment Minister John Baird"
 * → "John Baird", "environment minister"). Rule mentions the model leaves out stay as the rules have them: a
 * name the model does not vouch for is still a name. Rule mentions with `evidenced` types (a list, a company
 * cue) stand as the rules have them.
 */
export function tagMentions(article: Article, ruled: Mention[], model: TaggerModel, evidenced: (m: Mention) => boolean = () => false): Mention[] {
  const sentences = tokenizeArticle(article);
  const view = articleView(sentences, ruled, listsOf(model));
  const scorer = scorerOf(model);
  const found: { words: Word[]; s: number; from: number; nameFrom: number; to: number; type: NameType; name: string }[] = [];
  sentences.forEach((words, s) => {
    const slots = nameSlots(words);
    if (!slots.includes(true)) return;
    const tags = decode(scorer.sentence(words, view, s, slots), slots, scorer.trans);
    for (const span of spansOf(tags)) {
      if (span.to - span.from > MAX_NAME_WORDS) continue; // a Title Case list or a shouted line, not a name
      if (span.to - span.from > 1 && isCommonOpener(words, span.from, view, s)) span.from++;
      let nameFrom = span.from;
      // Leading titles are the role ("King's College" is no title).
      if (span.type === "person") while (nameFrom < span.to - 1 && isTitleWord(words[nameFrom].text) && !POSSESSIVE.test(words[nameFrom + 1].text)) nameFrom++;
      const name = article.text.slice(words[nameFrom].start, words[span.to - 1].end).replace(/\s+/g, " ");
      found.push({ words, s, nameFrom, ...span, name });
    }
  });
  const counts = new Map<string, number>();
  for (const f of found) if (!view.headline[f.s]) counts.set(f.name, (counts.get(f.name) ?? 0) + 1);
  const repeated = (name: string) => (counts.get(name) ?? 0) > 0;
  const out: Mention[] = [];
  const covered = new Set<Mention>();
  let k = 0; // both lists run in text order: the rule mentions a span overlaps start at k
  for (const f of found) {
    if (isNoName(f.words, f.from, f.to, view, f.s, repeated, f.name)) continue;
    const { name, nameFrom } = f;
    const start = f.words[f.from].start;
    let end = f.words[f.to - 1].end;
    if (POSSESSIVE.test(f.words[f.to]?.text ?? "")) end = f.words[f.to].end;
    while (k < ruled.length && ruled[k].end <= start) k++;
    const overlapping: Mention[] = [];
    for (let j = k; j < ruled.length && ruled[j].start < end; j++) overlapping.push(ruled[j]);
    // Where the rules typed a name from a list or a company cue ("Johnson & Johnson", "Brightloom's
    // shares"), their name stands.
    if (overlapping.some(evidenced)) continue;
    for (const m of overlapping) covered.add(m);
    // A name the lexicon lists whole is of the lexicon's type ("United Nations", "Agence France-Presse").
    const listed = gazetteerType(name.toLowerCase());
    const type: NameType = listed === "org" ? "organization" : listed === "place" ? "place" : f.type;
    // The rules' own mention of the same words keeps their name and role ("Dr. Lena Fischer": "doctor").
    const same = overlapping.find((m) => m.end === end && (m.name === name || m.start === start));
    if (same) {
      out.push({ ...same, type });
      continue;
    }
    const role = nameFrom > f.from ? article.text.slice(start, f.words[nameFrom - 1].end).toLowerCase().replace(/\s+/g, " ") : null;
    out.push({ text: article.text.slice(start, end), name, type, role, sentence: f.words[f.from].sentence, start, end });
  }
  // A one-word rules' name the model left untyped is a person when it is the surname of a person the model
  // found ("Holt" after "Brock Holt"). (Taking the type the model gave the same name elsewhere gained 0.005
  // on GUM dev but spread its mistakes: "Dreamliner", "Macbook" as persons.)
  const surnames = new Set<string>();
  for (const m of out) {
    const parts = m.name.split(" ");
    if (m.type === "person" && parts.length > 1) surnames.add(parts[parts.length - 1]);
  }
  for (const m of ruled) {
    if (covered.has(m)) continue;
    out.push(m.type === "other" && surnames.has(m.name) ? { ...m, type: "person" } : m);
  }
  return out.sort((a, b) => a.start - b.start);
}

const TAGGER_FILE = "ner-tagger.json.gz";
export const TAGGER_MODEL_URL = modelUrl(TAGGER_FILE);

/** The shipped model, read once; null when the file is missing (the rules then stand alone). */
export const shippedTagger = shippedModel<TaggerModel>(TAGGER_FILE);
