// Gold named entities for the entity evaluation and for training the tagger: GUM and MEANTIME, read in
// place from ../shared/data, as documents with gold mentions (offsets into `text` in UTF-16 code units).
//
// Splits. GUM carries its own (`split`: GUM's train and dev parts are `dev`, its test part `test`).
// MEANTIME has none, so one is fixed here the way the shared sets fix theirs, by a hash of the document id
// (SHA-1, first 32 bits even → dev, odd → test); only the 60 documents that ship with text count.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export type GoldType = "person" | "organization" | "place";
export type Part = "dev" | "test";

export interface GoldMention {
  start: number;
  end: number;
  type: GoldType;
  /** Coreference chain, unique within the document. */
  chain: string;
  /** [start, end] of the head word, when the corpus gives it. */
  head: [number, number] | null;
}

export interface GoldDoc {
  id: string;
  corpus: "gum" | "meantime";
  genre: string;
  part: Part;
  text: string;
  /** Named person, organisation and place mentions, in text order (nested ones included). */
  mentions: GoldMention[];
}

const DATA = fileURLToPath(new URL("../../shared/data/", import.meta.url));
const GUM_TYPES = new Set(["person", "organization", "place"]);
const MEANTIME_TYPES: Record<string, GoldType> = { PER: "person", ORG: "organization", LOC: "place" };

const jsonl = <T>(file: string): T[] => readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as T);

/** Code-point offset → UTF-16 offset, for texts with characters outside the BMP. */
function codeUnits(text: string): (cp: number) => number {
  const map: number[] = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return (cp) => map[cp];
}

interface GumDoc {
  id: string;
  genre: string;
  split: Part;
  text: string;
  mentions: { start: number; end: number; type: string; entity: string; named: boolean; head: [number, number] }[];
}

export function loadGum(): GoldDoc[] {
  return jsonl<GumDoc>(`${DATA}gum/docs.jsonl`).map((d) => {
    const at = codeUnits(d.text);
    const mentions = d.mentions
      .filter((m) => m.named && GUM_TYPES.has(m.type))
      .map((m) => ({
        start: at(m.start), end: at(m.end), type: m.type as GoldType, chain: m.entity,
        head: [at(m.head[0]), at(m.head[1])] as [number, number],
      }))
      .sort((a, b) => a.start - b.start || b.end - a.end);
    return { id: d.id, corpus: "gum", genre: d.genre, part: d.split, text: d.text, mentions };
  });
}

export function meantimePart(id: string): Part {
  return parseInt(createHash("sha1").update(id).digest("hex").slice(0, 8), 16) % 2 === 0 ? "dev" : "test";
}

interface MeantimeDoc {
  id: string;
  corpus: string;
  text: string;
}

interface MeantimeAnnotation {
  doc_id: string;
  sent_id: number;
  tokens_number: number[];
  tokens_str: string;
  mention_head_pos: string;
  mention_head: string;
  mention_type: string;
  coref_chain: string;
}

/** The corpus tokenises `"` as `` and '' and splits "(EADS" and "Wal-Mart"; the text does not always. */
function tokenPattern(token: string): string {
  if (token === "``" || token === "''") return `(["“”'\`]+)`;
  return `(${token.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")})`;
}

function locate(text: string, tokensStr: string, from: number): { start: number; end: number } | null {
  const tokens = tokensStr.split(" ");
  const boundary = /^\w/.test(tokens[0]) ? "(?<![\\w])" : "";
  const pattern = new RegExp(boundary + tokens.map(tokenPattern).join("\\s*"), "g");
  pattern.lastIndex = from;
  const m = pattern.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

/**
 * MEANTIME's mentions are given as sentence and token numbers of its own tokenisation: each is located in
 * the text by its tokens, in document order. Mentions typed PER, ORG or LOC whose head is a proper noun
 * are the named ones. `missing` counts named ones that could not be located.
 */
export function loadMeantime(): { docs: GoldDoc[]; missing: number } {
  const annotations = JSON.parse(readFileSync(`${DATA}meantime/entity_mentions.json`, "utf8")) as MeantimeAnnotation[];
  const byDoc = new Map<string, MeantimeAnnotation[]>();
  for (const a of annotations) byDoc.set(a.doc_id, [...(byDoc.get(a.doc_id) ?? []), a]);
  let missing = 0;
  const docs: GoldDoc[] = [];
  for (const d of jsonl<MeantimeDoc>(`${DATA}meantime/docs.jsonl`)) {
    if (!d.text || !byDoc.has(d.id)) continue;
    const seen = new Set<string>();
    const ordered = byDoc.get(d.id)!
      .filter((a) => {
        const key = `${a.sent_id}:${a.tokens_number.join(",")}`; // the file repeats a mention once per chain view
        return !seen.has(key) && seen.add(key);
      })
      .sort((x, y) => x.sent_id - y.sent_id || x.tokens_number[0] - y.tokens_number[0]);
    const mentions: GoldMention[] = [];
    let cursor = 0;
    for (const a of ordered) {
      const found = locate(d.text, a.tokens_str, cursor);
      const type = MEANTIME_TYPES[a.mention_type];
      const named = type !== undefined && a.mention_head_pos === "PROPN";
      if (!found) {
        if (named) missing++;
        continue;
      }
      cursor = found.start;
      if (!named) continue;
      const h = d.text.slice(found.start, found.end).lastIndexOf(a.mention_head);
      const head: [number, number] | null = h >= 0 ? [found.start + h, found.start + h + a.mention_head.length] : null;
      mentions.push({ ...found, type, chain: a.coref_chain, head });
    }
    mentions.sort((a, b) => a.start - b.start || b.end - a.end);
    docs.push({ id: d.id, corpus: "meantime", genre: d.corpus, part: meantimePart(d.id), text: d.text, mentions });
  }
  return { docs, missing };
}
