// The disagreement evaluation's pairs, built from real article texts (ECB+, MEANTIME, GUM news and
// interviews in ../shared/data, read in place) by a seeded rewriter, the same pairs on every run.
//
// Each pair is an original article and a rewrite of it standing for an independent source: it keeps most of
// the sentences (dropping some), paraphrases some (reporting verbs, synonyms, numbers in words, hedges,
// moved attributions, "didn't" and "failed to"), adds detail to some (an attribution, a side clause, a
// negated aside, another count). A positive pair also changes one sentence so that it contradicts the
// original: a figure (money, percent, a measure, a duration), a count of things, a date, a negation or
// denial, or the speaker of a quote. Its negative twin changes the same sentence only by paraphrase or added
// detail. Parts by a hash of the document id; the rewriter's choices by a seed from the id and kind, so
// changing the detector never changes the set.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { DisagreementKind } from "../src/model/index.js";
import { seeded } from "./seeded.js";

const DATA = fileURLToPath(new URL("../../shared/data/", import.meta.url));

export const KINDS: DisagreementKind[] = ["figure", "count", "date", "denial", "speaker"];

export interface SetDoc {
  id: string;
  corpus: "ecbplus" | "meantime" | "gum";
  part: "dev" | "test";
  /** One sentence per entry, detokenised. */
  sentences: string[];
  published: string | null;
}

export interface Pair {
  id: string;
  doc: string;
  corpus: SetDoc["corpus"];
  part: "dev" | "test";
  /** The contradiction injected, or null for a pair changed only by paraphrase and added detail. */
  kind: DisagreementKind | null;
  /** How the target sentence was changed, for reading failures. */
  change: string;
  published: string | null;
  original: string[];
  rewrite: string[];
  /** Index of the changed sentence in `original` and in `rewrite`. */
  target: [number, number];
}

const jsonl = <T>(file: string): T[] => readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as T);
const hashOf = (s: string) => parseInt(createHash("sha1").update(s).digest("hex").slice(0, 8), 16);

type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)];

/** ECB+/MEANTIME token spacing made print-like: `$ 40` → `$40`, `was n't` → `wasn't`, `'' ` → `"`. */
export function detokenize(text: string): string {
  return text
    .replace(/``\s*/g, '"').replace(/\s*''/g, '"')
    .replace(/\s+(n't|'s|'re|'ve|'ll|'d|'m)\b/g, "$1")
    .replace(/([$€£#])\s+(?=\d)/g, "$1")
    .replace(/\s+([,.;:!?%)])/g, "$1")
    .replace(/\(\s+/g, "(")
    .replace(/(\d), (\d{3})\b/g, "$1,$2")
    .replace(/\b(\d+(?:\.\d+)?) - (?=[a-z])/gi, "$1-")
    .replace(/-(year|month|week|day) - old\b/g, "-$1-old")
    .replace(/\s+/g, " ")
    .trim();
}

/** Sentences by a plain rule (the detector splits its own way; the set must not depend on it). */
function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?]["”]?)\s+(?=["“]?[A-Z])/)
    .map((s) => s.trim())
    .filter((s, i, all) => s.split(/\s+/).length >= 4 && all.indexOf(s) === i);
}

export function loadDocs(): SetDoc[] {
  const part = (id: string): "dev" | "test" => (hashOf(`disagreements:${id}`) % 2 === 0 ? "dev" : "test");
  // Half the documents get a publication date, so dates are compared both resolved and as written.
  const published = (id: string): string | null => {
    const h = hashOf(`published:${id}`);
    if (h % 2) return null;
    const y = 2005 + (h % 11);
    const m = 1 + ((h >>> 4) % 12);
    const d = 1 + ((h >>> 8) % 28);
    return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  };
  const doc = (id: string, corpus: SetDoc["corpus"], text: string): SetDoc => ({
    id, corpus, part: part(id), sentences: sentencesOf(detokenize(text)), published: published(id),
  });
  const ecb = jsonl<{ id: string; title: string; text: string }>(`${DATA}ecbplus/docs.jsonl`)
    .map((d) => doc(d.id, "ecbplus", `${d.title} ${d.text}`));
  const meantime = jsonl<{ id: string; text: string }>(`${DATA}meantime/docs.jsonl`).filter((d) => d.text)
    .map((d) => doc(d.id, "meantime", d.text));
  const gum = jsonl<{ id: string; genre: string; text: string }>(`${DATA}gum/docs.jsonl`)
    .filter((d) => d.genre === "news" || d.genre === "interview")
    .map((d) => doc(d.id, "gum", d.text.split("\n").slice(1).join(" ")));
  return [...ecb, ...meantime, ...gum].filter((d) => d.sentences.length >= 3);
}

// ---------------------------------------------------------------------------------------------------------
// Contradictions. Each returns the changed sentence, or null when the sentence offers nothing to change.

const NUMBER_WORD = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

const FIGURE = /(?:[$€£]\d{1,3}(?:,\d{3})*(?:\.\d+)?(?:\s+(?:million|billion|thousand))?|\b\d{1,3}(?:,\d{3})*(?:\.\d+)?\s*(?:%|percent|per cent)|\b\d{1,3}(?:,\d{3})*(?:\.\d+)?\s+(?:million|billion)\b(?!\s+[a-zA-Z]+s\b)|\b\d{1,3}(?:,\d{3})*(?:\.\d+)?(?:\s+|-)(?:hours?|minutes?|days?|weeks?|months?|years?|miles?|kilometres?|kilometers?|km|metres?|meters?|feet|magnitude|points?|tonnes?|tons?|degrees?)\b|\b\d+\.\d+\b)/;
const COUNT = /(?<![\d.,$])\b(\d{1,3}(?:,\d{3})*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)\s+((?:(?!percent\b|per\b)[a-z]+\s+)?(?!(?:years|months|weeks|days|hours|minutes|seconds|decades|miles|kilometres|kilometers|metres|meters|feet|inches|pounds|tons|tonnes|degrees|percent|points|times|euros|dollars|cents)\b)(?:people|persons|men|women|children|[a-z]{3,}s))\b/i;
const DATE = new RegExp(String.raw`\b(?:(${WEEKDAYS.join("|")})|(${MONTHS.join("|")})\s+(\d{1,2})\b|(\d{1,2})\s+(${MONTHS.join("|")})|(?:in|since|of|during|by)\s+((?:19|20)\d{2})\b|(?:in|since|during|by)\s+(${MONTHS.join("|")})\b)`);
const AUX = /\b(is|was|were|are|has|have|had|will|would|could|can|should)\s+(?!not\b|n't\b|never\b|no\b)([a-z]{3,})/;
const PAST_VERB = /\b([A-Z][a-z]+|[a-z]+)\s+((?!ed\b)[a-z]{3,}ed)\s+(?:the|a|an|his|her|their|its|\d)/;
const NAME = String.raw`(?:[A-Z][a-z]+\.?\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?`;
const SAID_NAME = new RegExp(String.raw`\b(said|says|according to)\s+(${NAME})`);
const NAME_SAID = new RegExp(String.raw`(?<=["”,]\s*|^)(${NAME})\s+(said|says|told)\b`);
/** Speakers swapped in: invented people. */
const OTHER_NAMES = ["Maria Lindqvist", "Tomas Okafor", "Helen Brandt", "Rafael Moreno", "Grace Wanjiru", "Anil Mehta", "Sofia Rossi", "Daniel Park"];

function changeFigure(s: string, r: Rand): string | null {
  const m = FIGURE.exec(s);
  if (!m) return null;
  const num = /\d{1,3}(?:,\d{3})*(?:\.\d+)?/.exec(m[0])!;
  const changed = m[0].replace(num[0], otherNumber(num[0], r));
  return s.slice(0, m.index) + changed + s.slice(m.index + m[0].length);
}

function changeCount(s: string, r: Rand): string | null {
  const m = COUNT.exec(s);
  if (!m) return null;
  const word = NUMBER_WORD.indexOf(m[1].toLowerCase());
  let replacement: string;
  if (word >= 0) {
    let n = word;
    while (n === word) n = 2 + Math.floor(r() * 10);
    replacement = m[1][0] === m[1][0].toUpperCase() ? NUMBER_WORD[n][0].toUpperCase() + NUMBER_WORD[n].slice(1) : NUMBER_WORD[n];
  } else if (/^[a-z]+$/i.test(m[1])) return null;
  else replacement = otherNumber(m[1], r);
  return s.slice(0, m.index) + replacement + s.slice(m.index! + m[1].length);
}

/** Another value written the same way: "14" → "17", "1,200" → "1,500", "2.5" → "3.1". */
function otherNumber(raw: string, r: Rand): string {
  const decimals = raw.includes(".") ? raw.split(".")[1].length : 0;
  const value = Number(raw.replace(/,/g, ""));
  let next = value;
  while (next === value || next <= 0) {
    const factor = pick(r, [0.5, 0.7, 1.3, 1.5, 2, 3]);
    next = value < 10 && decimals === 0 ? value + pick(r, [-3, -2, -1, 1, 2, 3, 5]) : Number((value * factor).toFixed(decimals));
    if (decimals === 0) next = Math.round(next);
  }
  const text = next.toFixed(decimals);
  return raw.includes(",") ? Number(text).toLocaleString("en-US", { minimumFractionDigits: decimals }) : text;
}

function changeDate(s: string, r: Rand): string | null {
  const m = DATE.exec(s);
  if (!m) return null;
  let replacement: string;
  // "Tuesday, March 8, 2011": the day of the month is the date; a weekday alone would only contradict itself.
  const dated = m[1] ? new RegExp(String.raw`^,?\s+(${MONTHS.join("|")})\s+(\d{1,2})\b`).exec(s.slice(m.index + m[0].length)) : null;
  if (dated) {
    const at = m.index + m[0].length + dated[0].length - dated[2].length;
    return s.slice(0, at) + String(otherDay(Number(dated[2]), r)) + s.slice(at + dated[2].length);
  }
  if (m[1]) replacement = pick(r, WEEKDAYS.filter((d) => d !== m[1]));
  else if (m[2]) replacement = `${m[2]} ${otherDay(Number(m[3]), r)}`;
  else if (m[4]) replacement = `${otherDay(Number(m[4]), r)} ${m[5]}`;
  else if (m[6]) replacement = m[0].replace(m[6], String(Number(m[6]) + pick(r, [-3, -2, -1, 1, 2]))); 
  else replacement = m[0].replace(m[7], pick(r, MONTHS.filter((x) => x !== m[7])));
  return s.slice(0, m.index) + replacement + s.slice(m.index! + m[0].length);
}

function otherDay(day: number, r: Rand): number {
  const shift = pick(r, [-4, -3, -2, -1, 1, 2, 3, 5, 7]);
  const next = day + shift;
  return next >= 1 && next <= 28 ? next : day > 14 ? day - 3 : day + 3;
}

const DENIERS = ["A spokesman denied that", "Officials denied reports that", "Police denied that", "The company denied that", "A spokeswoman denied reports that"];

/** Sentences that report something: not already negated, not opening on a connective or an aside. */
const NOT_A_REPORT = /\b(?:not|no|never|n't|nobody|nothing)\b|n't\b|^(?:But|And|Or|Because|Still|Then|While|Whether|Here|There|Remember|If|So|Yet|However|Although|Though|Even|Maybe|Perhaps|I|We|You|In|On|At|As|When|After|Before|This|That|It)\b/;

function negate(s: string, r: Rand): { text: string; how: string } | null {
  if (/["“”'‘’:]/.test(s.replace(/\b['’]s\b|n['’]t\b/g, ""))) return null; // the quote's own words are not ours to change
  if (NOT_A_REPORT.test(s) || !/[.!]$/.test(s)) return null;
  const aux = AUX.exec(s);
  const choice = r();
  if (aux && choice < 0.5) {
    return { text: s.slice(0, aux.index) + `${aux[1]} not ${aux[2]}` + s.slice(aux.index + aux[0].length), how: "not" };
  }
  const past = PAST_VERB.exec(s);
  if (past && choice < 0.75 && !/^(?:[A-Z][a-z]+)$/.test(past[2])) {
    const verb = past[2];
    const start = past.index + past[1].length + 1;
    return { text: s.slice(0, start) + `did not ${baseForm(verb)}` + s.slice(start + verb.length), how: "did not" };
  }
  if (/\bconfirmed\b/.test(s)) return { text: s.replace(/\bconfirmed\b/, "denied"), how: "confirmed→denied" };
  const body = s.replace(/[.!?]+$/, "");
  const first = body.split(/\s+/)[0];
  const lowered = /^(The|A|An|It|This|These|Those|There|He|She|They|We)$/.test(first) ? body[0].toLowerCase() + body.slice(1) : body;
  return { text: `${pick(r, DENIERS)} ${lowered}.`, how: "denied that" };
}

/** "arrested" → "arrest", "carried" → "carry", "stopped" → "stop", "rated" → "rate". */
function baseForm(verb: string): string {
  if (verb.endsWith("ied")) return `${verb.slice(0, -3)}y`;
  const stem = verb.slice(0, -2);
  if (/([b-df-hj-np-tv-z])\1$/.test(stem) && !/(ll|ss)$/.test(stem)) return stem.slice(0, -1);
  if (/(at|iz|is|us|iv|v|rg|dg|c|ur|ng|bl|pl|tl|it|as|os|ud)$/.test(stem) && !/(ect|ist|ent)$/.test(stem)) return `${stem}e`;
  return stem;
}

/** A whole quote with its speaker named beside it: `"…," said NAME`, `"…" NAME said`, `NAME said: "…"`. */
const QUOTE_THEN_NAME = new RegExp(String.raw`"[^"]{12,}"\s*(?:(?:said|says)\s+(${NAME})|(${NAME})\s+(?:said|says))\b`);
const NAME_THEN_QUOTE = new RegExp(String.raw`(?:^|[.,;]\s+)(${NAME})\s+(?:said|says|added)\s*[:,]\s*"[^"]{12,}"`);

function changeSpeaker(s: string, r: Rand): string | null {
  const plain = s.replace(/[“”]/g, '"');
  const m = QUOTE_THEN_NAME.exec(plain) ?? NAME_THEN_QUOTE.exec(plain);
  if (!m) return null;
  const name = m[1] ?? m[2];
  if (/^(He|She|They|It|The|A|An|Police|Officials|We|I|This|That|But|And)$/.test(name.split(/\s+/)[0])) return null;
  const surname = name.split(/\s+/).at(-1)!;
  const replacement = pick(r, OTHER_NAMES.filter((o) => !o.includes(surname)));
  const at = plain.indexOf(name, m.index);
  return s.slice(0, at) + replacement + s.slice(at + name.length);
}

// ---------------------------------------------------------------------------------------------------------
// Paraphrase and added detail: changes that leave what a sentence asserts as it was.

const SYNONYMS: [RegExp, string[]][] = [
  [/\bsaid\b/, ["stated", "added", "noted", "told reporters"]],
  [/\bannounced\b/, ["unveiled", "revealed"]],
  [/\bbegan\b/, ["started"]],
  [/\bcompany\b/, ["firm"]],
  [/\bbig\b/, ["large"]],
  [/\bhelp\b/, ["assist"]],
  [/\bbuy\b/, ["purchase"]],
  [/\bshow\b/, ["indicate"]],
  [/\babout\b/, ["around"]],
  [/\bmore than\b/, ["over"]],
  [/\bkilled\b/, ["left dead"]],
  [/\bquickly\b/, ["swiftly"]],
  [/\bstarted\b/, ["began"]],
  [/\bnear\b/, ["close to"]],
  [/\bpolice\b/, ["officers"]],
  [/\bdid not\b/, ["didn't", "failed to"]],
  [/\bwas not\b/, ["wasn't"]],
  [/\bpercent\b/, ["per cent", "%"]],
];

function paraphrase(s: string, r: Rand): { text: string; how: string } {
  const options: { text: string; how: string }[] = [];
  for (const [re, alternatives] of SYNONYMS) if (re.test(s)) options.push({ text: s.replace(re, pick(r, alternatives)), how: `synonym ${re.source}` });
  const small = /(?<![\d.,$€£-])\b([2-9]|10)\s+(?=[a-z]{3,})/.exec(s);
  if (small) options.push({ text: s.slice(0, small.index) + `${NUMBER_WORD[Number(small[1])]} ` + s.slice(small.index + small[0].length), how: "number in words" });
  const exact = /(?<![\d,.$])\b(\d{2,}(?:,\d{3})*)\s+(?=[a-z]{3,}s\b)/.exec(s);
  if (exact && !/\b(about|some|nearly|around|over|least)\s+$/.test(s.slice(0, exact.index))) {
    options.push({ text: s.slice(0, exact.index) + `${pick(r, ["about", "some", "nearly", "around"])} ${exact[1]} ` + s.slice(exact.index + exact[0].length), how: "hedge" });
  }
  const tail = /^(.+?),\s+((?:[A-Z][a-z]+\s?){1,3}|police|officials)\s+said\.$/.exec(s);
  if (tail && !/["“”]/.test(s)) options.push({ text: `${tail[2][0].toUpperCase()}${tail[2].slice(1).trim()} said ${tail[1][0].toLowerCase()}${tail[1].slice(1)}.`, how: "attribution moved" });
  const md = new RegExp(String.raw`\b(${MONTHS.join("|")})\s+(\d{1,2})\b(?!,? \d{4})`).exec(s);
  if (md) options.push({ text: s.replace(md[0], `${md[2]} ${md[1]}`), how: "day before month" });
  const named = SAID_NAME.exec(s);
  if (named && named[2].includes(" ") && /["“”]/.test(s)) options.push({ text: s.replace(named[2], named[2].split(/\s+/).at(-1)!), how: "speaker by surname" });
  if (options.length === 0) return { text: s, how: "unchanged" };
  return pick(r, options);
}

const DETAILS = [
  ", according to local reports",
  ", officials said",
  ", though the cause was not immediately clear",
  ", and at least three others were reported hurt",
  ", the second such case this year",
  ", a witness told local media",
  ", although no further details were given",
];

function addDetail(s: string, r: Rand): { text: string; how: string } {
  const choice = r();
  if (choice < 0.2 && !/^(Meanwhile|Separately)/.test(s)) return { text: `${pick(r, ["Meanwhile", "Separately", "At the same time"])}, ${s[0].toLowerCase()}${s.slice(1)}`, how: "lead-in" };
  const end = /[.!?]["”]?$/.test(s) ? s.search(/[.!?]["”]?$/) : s.length;
  if (/["“”]/.test(s.slice(0, end)) && s.slice(end - 1, end) === '"') return { text: s, how: "unchanged" };
  const detail = pick(r, DETAILS);
  return { text: s.slice(0, end) + detail + s.slice(end), how: `detail "${detail.trim()}"` };
}

// ---------------------------------------------------------------------------------------------------------

const CONTRADICT: Record<DisagreementKind, (s: string, r: Rand) => { text: string; how: string } | null> = {
  figure: (s, r) => wrap(changeFigure(s, r), "figure changed"),
  count: (s, r) => wrap(changeCount(s, r), "count changed"),
  date: (s, r) => wrap(changeDate(s, r), "date changed"),
  denial: (s, r) => negate(s, r),
  speaker: (s, r) => wrap(changeSpeaker(s, r), "speaker changed"),
};

function wrap(text: string | null, how: string): { text: string; how: string } | null {
  return text === null ? null : { text, how };
}

/** Eligibility without a random draw: which sentences a kind can change. */
function eligible(kind: DisagreementKind, s: string): boolean {
  if (s.split(/\s+/).length < 6 || s.length > 400) return false;
  const r = seeded(1);
  return CONTRADICT[kind](s, r) !== null;
}

/** Up to `perKind` positive pairs per kind and part, each with its negative twin. */
export function buildPairs(perKind = 300): Pair[] {
  const docs = loadDocs().sort((a, b) => hashOf(`order:${a.id}`) - hashOf(`order:${b.id}`));
  const pairs: Pair[] = [];
  for (const kind of KINDS) {
    const taken = { dev: 0, test: 0 };
    for (const doc of docs) {
      if (taken[doc.part] >= perKind) continue;
      const r = seeded(hashOf(`${kind}:${doc.id}`));
      const targets = doc.sentences.map((s, i) => i).filter((i) => eligible(kind, doc.sentences[i]));
      if (targets.length === 0) continue;
      const target = pick(r, targets);
      const contradiction = CONTRADICT[kind](doc.sentences[target], r);
      if (!contradiction || contradiction.text === doc.sentences[target]) continue;
      taken[doc.part]++;
      const twin = r() < 0.5 ? paraphrase(doc.sentences[target], r) : addDetail(doc.sentences[target], r);
      for (const [k, changed] of [[kind, contradiction], [null, twin]] as const) {
        const { rewrite, at } = rewriteDoc(doc, target, changed.text, seeded(hashOf(`rewrite:${kind}:${doc.id}`)));
        pairs.push({
          id: `${doc.id}:${kind}:${k ? "pos" : "neg"}`, doc: doc.id, corpus: doc.corpus, part: doc.part, kind: k,
          change: changed.how, published: doc.published, original: doc.sentences, rewrite, target: [target, at],
        });
      }
    }
  }
  return pairs;
}

/** The independent rewrite: most sentences kept, some paraphrased or given detail, the target as changed. */
function rewriteDoc(doc: SetDoc, target: number, changed: string, r: Rand): { rewrite: string[]; at: number } {
  const rewrite: string[] = [];
  let at = -1;
  doc.sentences.forEach((s, i) => {
    if (i === target) {
      at = rewrite.length;
      rewrite.push(changed);
      return;
    }
    const roll = r();
    if (roll < 0.2) return; // not every source reports everything
    if (roll < 0.5) rewrite.push(paraphrase(s, r).text);
    else if (roll < 0.6) rewrite.push(addDetail(s, r).text);
    else rewrite.push(s);
  });
  return { rewrite, at };
}
