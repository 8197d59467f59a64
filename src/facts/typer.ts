// The learned half of entity typing: an averaged perceptron that reads a name the rules found (its words,
// shape, affixes, the words around it, gazetteer hits, the rules' own guess and how the article treats the
// same name elsewhere) and says whether it is a person, an organisation, a place or something else.
// Weights are trained by scripts/train-ner.ts on the dev (training) parts of ../shared/data and ship in
// models/; nothing is downloaded. Without the model file, the rules' types stand.

import { modelUrl, shippedModel } from "./shipped.js";
import type { EntityType, Mention } from "../model/index.js";
import {
  DEMONYMS, FEMALE_NAMES, HONORIFICS, KNOWN_ACRONYMS, KNOWN_ORGS, LEADING_FAMILY_NAMES, MALE_NAMES, ORG_CUES_AFTER,
  ORG_CUES_BEFORE, ORG_HEADS, PLACE_FIRST_WORDS, PLACE_LAST_WORDS, PLACE_NOUNS, PLACES, ROLE_HEADS, SPEECH_VERBS,
} from "./lexicon.js";

export const TYPER_LABELS: readonly EntityType[] = ["person", "organization", "place", "other"];

/** Weights per feature, one number per label in TYPER_LABELS order. */
export interface TyperModel {
  version: 1;
  labels: EntityType[];
  weights: Record<string, number[]>;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
const POSSESSIVE = /['’]s?$/u;

/** Xx-style shape: upper X, lower x, digit d, others as they are; runs cut to two; at most 6 characters. */
function shape(word: string): string {
  let s = "";
  let prev = "";
  let run = 0;
  for (const ch of word) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    // Cased letters by case mapping (titlecase letters, like the regex classes, are neither).
    const c = ch >= "0" && ch <= "9" ? "d" : ch !== lower && ch === upper ? "X" : ch !== upper && ch === lower ? "x" : /\p{N}/u.test(ch) ? "d" : ch;
    run = c === prev ? run + 1 : 1;
    prev = c;
    if (run <= 2) s += c;
    if (s.length >= 6) break;
  }
  return s;
}

/** Up to `n` words before `at` (nearest first). */
function wordsBefore(text: string, at: number, n: number): string[] {
  const window = text.slice(Math.max(0, at - 60), at);
  const words = [...window.matchAll(WORD)].map((m) => m[0].toLowerCase());
  const out = words.slice(-n).reverse();
  // A sentence or clause boundary right before the name is context too.
  if (/[.!?:;"“”(]\s*$/.test(window) || window.trim() === "") out.unshift("<s>");
  return out.slice(0, n);
}

function wordsAfter(text: string, at: number, n: number): string[] {
  const window = text.slice(at, at + 60);
  if (/^\s*[,.;:!?)"”]/.test(window)) {
    const punct = /^\s*([,.;:!?)"”])/.exec(window)![1];
    return [punct, ...[...window.matchAll(WORD)].map((m) => m[0].toLowerCase())].slice(0, n);
  }
  return [...window.matchAll(WORD)].map((m) => m[0].toLowerCase()).slice(0, n);
}

/** How the article treats the names around this one: what the rules made of the same last word elsewhere. */
export interface DocumentView {
  /** Last word (lowercase) → rule types seen for names ending or consisting of it. */
  byLast: Map<string, Set<EntityType>>;
  /** Name → how often it is mentioned. */
  counts: Map<string, number>;
}

export function documentView(mentions: Mention[]): DocumentView {
  const byLast = new Map<string, Set<EntityType>>();
  const counts = new Map<string, number>();
  for (const m of mentions) {
    const last = m.name.split(" ").at(-1)!.toLowerCase();
    if (!byLast.has(last)) byLast.set(last, new Set());
    byLast.get(last)!.add(m.type);
    counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  }
  return { byLast, counts };
}

/** The features of one rule-found mention in its article. */
export function mentionFeatures(text: string, m: Mention, doc: DocumentView): string[] {
  const words = m.name.replace(POSSESSIVE, "").split(/\s+/).filter(Boolean);
  const lower = words.map((w) => w.toLowerCase().replace(/\.$/, ""));
  const first = lower[0] ?? "";
  const last = lower.at(-1) ?? "";
  const lastWord = words.at(-1) ?? "";
  const f = ["bias", `rule=${m.type}`, `n=${Math.min(words.length, 4)}`, `rule+n=${m.type}|${Math.min(words.length, 3)}`];
  for (const w of lower) f.push(`w=${w}`);
  f.push(`first=${first}`, `last=${last}`, `name=${lower.join(" ")}`);
  f.push(`shape=${shape(lastWord)}`, `shapes=${words.map(shape).join(" ")}`.slice(0, 30));
  for (const k of [2, 3, 4]) if (last.length > k) f.push(`suf${k}=${last.slice(-k)}`);
  if (first.length > 3) f.push(`pre3=${first.slice(0, 3)}`);
  if (m.role) f.push(`role=${m.role.split(" ").at(-1)}`, "titled");
  if (m.text !== m.name) f.push(`lead=${m.text.split(/\s+/)[0].toLowerCase().replace(/\.$/, "")}`);
  if (/['’]s?$/.test(m.text)) f.push("possessive");
  const before = wordsBefore(text, m.start, 2);
  const after = wordsAfter(text, m.end, 2);
  f.push(`p1=${before[0] ?? "<none>"}`, `p2=${before.slice(0, 2).join(" ")}`, `n1=${after[0] ?? "<none>"}`, `n2=${after.slice(0, 2).join(" ")}`);
  f.push(`p1+rule=${before[0] ?? ""}|${m.type}`);
  if (before[0] && ROLE_HEADS.has(before[0])) f.push("p1-role");
  if (before[0] && ORG_CUES_BEFORE.has(before[0])) f.push("p1-orgcue");
  if (before[0] && PLACE_NOUNS.has(before[0])) f.push("p1-placenoun");
  if (after[0] && SPEECH_VERBS.has(after[0])) f.push("n1-speech");
  if (after[0] && ORG_CUES_AFTER.has(after[0])) f.push("n1-orgcue");
  if (after[0] && ROLE_HEADS.has(after[0])) f.push("n1-role");
  // Gazetteers from the lexicon.
  if (MALE_NAMES.has(first) || FEMALE_NAMES.has(first)) f.push(words.length > 1 ? "given+more" : "given-alone");
  if (LEADING_FAMILY_NAMES.has(first)) f.push("family-first");
  if (HONORIFICS.has(first)) f.push("honorific");
  if (PLACES.has(lower.join(" "))) f.push("gaz-place");
  else if (lower.some((w) => PLACES.has(w))) f.push("gaz-place-part");
  if (lower.some((w) => KNOWN_ORGS.has(w) || KNOWN_ACRONYMS.has(w))) f.push("gaz-org");
  if (ORG_HEADS.has(last)) f.push("orghead");
  if (lower.some((w) => ORG_HEADS.has(w))) f.push("orghead-any");
  if (PLACE_LAST_WORDS.has(last)) f.push("place-last");
  if (PLACE_FIRST_WORDS.has(first)) f.push("place-first");
  if (lower.some((w) => DEMONYMS.has(w))) f.push("demonym");
  if (/^(?:\p{Lu}\.?){2,6}$/u.test(m.name)) f.push("acronym");
  if (lower.includes("of")) f.push("has-of");
  // The same last word elsewhere in the article.
  const seen = doc.byLast.get(last);
  if (seen) for (const t of seen) f.push(`doc-last=${t}`);
  const count = doc.counts.get(m.name) ?? 1;
  f.push(`count=${count === 1 ? 1 : count < 4 ? 2 : 4}`);
  return f;
}

/** A model's weights as a Map, built on first use (a model is not changed once it scores). */
const weightMaps = new WeakMap<TyperModel, Map<string, number[]>>();

function weightsOf(model: TyperModel): Map<string, number[]> {
  let map = weightMaps.get(model);
  if (!map) weightMaps.set(model, (map = new Map(Object.entries(model.weights))));
  return map;
}

/** The label scores of a feature list. */
export function scores(model: TyperModel, features: string[]): number[] {
  const out = model.labels.map(() => 0);
  const weights = weightsOf(model);
  for (const f of features) {
    const w = weights.get(f);
    if (w) for (let i = 0; i < out.length; i++) out[i] += w[i];
  }
  return out;
}

export function predict(model: TyperModel, features: string[]): EntityType {
  const s = scores(model, features);
  let best = 0;
  for (let i = 1; i < s.length; i++) if (s[i] > s[best]) best = i;
  return model.labels[best];
}

/**
 * Retypes the rules' mentions with the model. A name keeps one type within the article: the mentions of
 * one name vote with their scores. Pure given the model.
 */
export function typeMentions(text: string, mentions: Mention[], model: TyperModel | null): Mention[] {
  if (!model || mentions.length === 0) return mentions;
  const doc = documentView(mentions);
  const votes = new Map<string, number[]>();
  for (const m of mentions) {
    const s = scores(model, mentionFeatures(text, m, doc));
    const v = votes.get(m.name) ?? model.labels.map(() => 0);
    for (let i = 0; i < s.length; i++) v[i] += s[i];
    votes.set(m.name, v);
  }
  return mentions.map((m) => {
    const v = votes.get(m.name)!;
    let best = 0;
    for (let i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
    const type = model.labels[best];
    // The model learned "other" from names its corpus leaves untyped; it does not overrule a type the
    // rules found evidence for (a gazetteer, "in X", an organisation word), only replaces it by another.
    return { ...m, type: type === "other" && m.type !== "other" ? m.type : type };
  });
}

const TYPER_FILE = "ner-types.json.gz";
export const TYPER_MODEL_URL = modelUrl(TYPER_FILE);

/** The shipped model, read once; null when the file is missing (the rules' types are then kept). */
export const shippedTyper = shippedModel<TyperModel>(TYPER_FILE);
