// Domain values ↔ rows: articles with their facts, and the signatures (typed arrays as blobs).

import type { Article, ArticleFacts } from "../model/index.js";
import type { CopySignature, IndexedProfile } from "../copies/index.js";
import type { ArticleTerms } from "../stories/index.js";
import type { ArticlesTable, SignaturesTable } from "./schema.js";

export function blob(a: Uint8Array | Uint16Array | Int32Array | Float64Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

/** A copy of the bytes, aligned for a typed array. */
function bytes(b: Uint8Array): ArrayBuffer {
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

export const u16 = (b: Uint8Array) => new Uint16Array(bytes(b));
export const i32 = (b: Uint8Array) => new Int32Array(bytes(b));
export const f64 = (b: Uint8Array) => new Float64Array(bytes(b));

/** Story terms are unsigned 32-bit hashes; INTEGER columns hold them signed. */
export const termToRow = (t: number) => t | 0;
export const termFromRow = (t: number) => t >>> 0;

export function articleRow(a: Article, facts: ArticleFacts, seq: number, ingested: string): ArticlesTable {
  const { article: _, ...rest } = facts;
  return {
    seq,
    id: a.id,
    path: a.source.path,
    source_name: a.source.name,
    source_url: a.source.url,
    agency: a.source.agency,
    author: a.source.author,
    title: a.title,
    published: a.published,
    dateline: a.dateline,
    text: a.text,
    sentences: JSON.stringify(a.sentences.map((s) => [s.start, s.end, s.paragraph])),
    facts: JSON.stringify(rest),
    family: a.id,
    story: null,
    ingested,
  };
}

export type ArticleFields = Pick<
  ArticlesTable,
  "id" | "path" | "source_name" | "source_url" | "agency" | "author" | "title" | "published" | "dateline" | "text" | "sentences"
>;

export const ARTICLE_COLUMNS = [
  "id", "path", "source_name", "source_url", "agency", "author", "title", "published", "dateline", "text", "sentences",
] as const;

export function articleFromRow(r: ArticleFields): Article {
  const spans = JSON.parse(r.sentences) as [number, number, number][];
  return {
    id: r.id,
    source: { path: r.path, name: r.source_name, url: r.source_url, agency: r.agency, author: r.author },
    title: r.title,
    published: r.published,
    dateline: r.dateline,
    text: r.text,
    sentences: spans.map(([start, end, paragraph], i) => ({ i, text: r.text.slice(start, end), start, end, paragraph })),
  };
}

export function factsFromRow(id: string, json: string): ArticleFacts {
  return { article: id, ...(JSON.parse(json) as Omit<ArticleFacts, "article">) };
}

export function signatureRow(seq: number, copy: CopySignature, terms: ArticleTerms): SignaturesTable {
  const p = copy.profile;
  const n = terms.terms.length;
  const packed = new Float64Array(3 * n);
  packed.set(terms.terms, 0);
  packed.set(terms.raw, n);
  packed.set(terms.boost, 2 * n);
  return {
    seq,
    digest: p.digest,
    chars: p.chars,
    codes: blob(p.codes),
    sentence_ends: blob(p.sentenceEnds),
    keys: blob(Int32Array.from(copy.keys)),
    word_keys: p.wordKeys,
    skeleton_keys: p.skeletonKeys,
    terms: blob(packed),
  };
}

export function termsFromRow(b: Uint8Array): ArticleTerms {
  const packed = f64(b);
  const n = packed.length / 3;
  return { terms: Array.from(packed.subarray(0, n)), raw: Array.from(packed.subarray(n, 2 * n)), boost: Array.from(packed.subarray(2 * n)) };
}

export interface ProfileFields {
  id: string;
  published: string | null;
  chars: number;
  digest: number;
  codes: Uint8Array;
  sentence_ends: Uint8Array;
  word_keys: number;
  skeleton_keys: number;
}

export function profileFromRow(r: ProfileFields): IndexedProfile {
  return {
    id: r.id,
    published: r.published,
    chars: r.chars,
    digest: r.digest,
    codes: u16(r.codes),
    sentenceEnds: u16(r.sentence_ends),
    wordKeys: r.word_keys,
    skeletonKeys: r.skeleton_keys,
  };
}

/** Splits a list for IN (…) clauses: every dialect limits the parameters of one statement. */
export function chunks<T>(items: readonly T[], size = 4000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i++) {
    if (i % size === 0) out.push([]);
    out[out.length - 1].push(items[i]);
  }
  return out;
}
