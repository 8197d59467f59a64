// A synthetic news corpus of any size, built from the text of the ../shared/data sets, with copies
// injected: exact reprints, near copies (a paragraph dropped, a few words edited) and spun copies (words
// replaced by synonyms). Each fresh article gets new names and numbers so it reads as a story of its own
// instead of a duplicate of its base text.

import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import type { SourceDocument } from "../src/model/index.js";

const DATA = join(import.meta.dirname, "..", "..", "shared", "data");

/** Base texts: ECB+ and MEANTIME documents and the AEB ground-truth bodies. */
export function baseTexts(): string[] {
  const texts: string[] = [];
  for (const line of readFileSync(join(DATA, "ecbplus", "docs.jsonl"), "utf8").split("\n")) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line) as { title: string; text: string };
    texts.push(`${doc.title}\n\n${paragraphs(doc.text)}`);
  }
  for (const line of readFileSync(join(DATA, "meantime", "docs.jsonl"), "utf8").split("\n")) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line) as { title: string; text: string };
    texts.push(`${doc.title}\n\n${paragraphs(doc.text)}`);
  }
  const aeb = JSON.parse(readFileSync(join(DATA, "scrapinghub-aeb", "ground-truth.json"), "utf8")) as Record<string, { articleBody: string }>;
  for (const { articleBody } of Object.values(aeb)) if (articleBody.length > 200) texts.push(articleBody);
  return texts;
}

/** Splits a flat text into paragraphs of about three sentences. */
function paragraphs(text: string): string {
  const sentences = text.split(/(?<=[.!?]) (?=[A-Z"“])/);
  const out: string[] = [];
  for (let i = 0; i < sentences.length; i += 3) out.push(sentences.slice(i, i + 3).join(" "));
  return out.join("\n\n");
}

const SYNONYMS: Record<string, string> = {
  said: "stated", bought: "purchased", quickly: "swiftly", big: "large", company: "firm", help: "assist",
  meeting: "gathering", agreement: "accord", officials: "authorities", people: "individuals", killed: "slain",
  began: "commenced", started: "commenced", show: "demonstrate", told: "informed", about: "regarding",
  many: "numerous", important: "significant", police: "law enforcement", city: "town", country: "nation",
  new: "fresh", week: "seven days", later: "subsequently", also: "additionally", but: "however", get: "obtain",
  make: "create", house: "home", car: "vehicle", small: "little", before: "prior to", after: "following",
  announced: "declared", found: "discovered", used: "utilized", need: "require", group: "collective",
};

/** A deterministic pseudo-random generator, so every run builds the same corpus. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SYLLABLES = ["ka", "lo", "mi", "ren", "dra", "vo", "sen", "tu", "bel", "zar", "in", "ost", "mar", "qui", "el", "don"];

export function buildCorpus(size: number, seed = 7): SourceDocument[] {
  const bases = baseTexts();
  const rand = random(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)];
  const name = () => {
    const n = 2 + Math.floor(rand() * 2);
    let s = "";
    for (let i = 0; i < n; i++) s += pick(SYLLABLES);
    return s[0].toUpperCase() + s.slice(1);
  };
  const vocabulary = [...new Set(bases.join(" ").match(/\b[a-z]{4,}\b/g) ?? [])];
  const docs: SourceDocument[] = [];
  const fresh: SourceDocument[] = [];
  for (let i = 0; i < size; i++) {
    const roll = rand();
    const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(rand() * 1500) * 86400000).toISOString().slice(0, 10);
    const meta = { date: day, source: `outlet${Math.floor(rand() * 200)}.example` };
    if (fresh.length > 10 && roll < 0.3) {
      const original = pick(fresh);
      const kind = roll < 0.1 ? "exact" : roll < 0.2 ? "near" : "spun";
      const body = kind === "exact" ? original.body : kind === "near" ? nearCopy(original.body, rand) : spin(original.body);
      docs.push({ path: `bench/${i}-${kind}.txt`, body, meta });
      continue;
    }
    // A fresh article: a base text with every capitalised name and number replaced and a good share of its
    // other words swapped for random vocabulary, so articles reusing one base text are not copies of it.
    const renames = new Map<string, string>();
    const body = pick(bases)
      .replace(/\b[A-Z][a-z]{3,}\b/g, (w) => {
        if (!renames.has(w)) renames.set(w, name());
        return renames.get(w)!;
      })
      .replace(/\b\d+\b/g, () => String(Math.floor(rand() * 1000)))
      .replace(/\b[a-z]{4,}\b/g, (w) => (rand() < 0.4 ? pick(vocabulary) : w));
    const doc = { path: `bench/${i}.txt`, body, meta };
    fresh.push(doc);
    docs.push(doc);
  }
  return docs;
}

function nearCopy(body: string, rand: () => number): string {
  const paras = body.split("\n\n");
  if (paras.length > 3) paras.splice(1 + Math.floor(rand() * (paras.length - 2)), 1);
  return `${paras.join("\n\n")}\n\nFollow us for more news. Leave a comment`;
}

function spin(body: string): string {
  return body.replace(/\b[a-z]+\b/g, (w) => SYNONYMS[w] ?? w);
}
