// Readers: the only stage that knows about files, formats, encodings and limits.
//
// Formats: plain text (.txt, .md), HTML pages (.html, .htm, .xhtml, .shtml), feeds (RSS 2.0, RSS 1.0/RDF,
// Atom, JSON Feed: .rss, .atom, .rdf, .xml, .feed, .json), JSON lines (.jsonl, .ndjson; a .json array of
// records too) and web archives (.warc), each also gzipped (.gz). A file with no or an unknown extension is
// recognised by its first bytes. Containers (feeds, JSONL, WARC) give one document per item, with paths
// `file#n` (n from 1: the item, the line, the WARC record).
import type { InputError, SourceDocument } from "../model/index.js";
import { collectFiles } from "./collect.js";
import { isQuickFile, readFileItems, type ReadItem } from "./file.js";
import { DEFAULT_LIMITS, type ReadLimits } from "./limits.js";
import type { WarcStats } from "./warc.js";

export { decodeMarkup, decodeText } from "./decode.js";
export { DEFAULT_LIMITS, type ReadLimits } from "./limits.js";
export { SUPPORTED_EXTENSIONS } from "./formats.js";
export { parseTextFile } from "./text-header.js";
export { documentsFromText } from "./text-file.js";
export { newWarcStats, type WarcStats } from "./warc.js";

export interface ReadResult { documents: SourceDocument[]; errors: InputError[] }

export interface ReadOptions {
  /** Filled with counts of WARC records read and skipped (non-HTML, non-200…), when given. */
  warcStats?: WarcStats;
}

/** Single-document files read ahead at once: enough to hide file-system latency, few enough to stay far from open-file limits. */
const READ_AHEAD = 16;

async function collectItems(items: AsyncGenerator<ReadItem>, path: string): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  try {
    for await (const item of items) out.push(item);
  } catch (err) {
    out.push({ code: "unreadable", path, message: `${path}: cannot be read (${(err as Error)?.message ?? String(err)}).` });
  }
  return out;
}

/**
 * Streams the documents of files and folders (folders recursively, in sorted order), one at a time, with
 * per-item problems in line as errors: never thrown, so one bad file or record never stops the batch.
 * Order is deterministic: problems finding the files first, then each file's items in order. WARC and
 * JSONL files are streamed record by record and never held whole. Limits default to DEFAULT_LIMITS.
 */
export async function* readDocuments(
  paths: string[], limits: Partial<ReadLimits> = {}, options: ReadOptions = {},
): AsyncGenerator<SourceDocument | InputError> {
  const effective: ReadLimits = { ...DEFAULT_LIMITS, ...limits };
  const { files, errors } = await collectFiles(paths, effective);
  yield* errors;
  // Small single-document files are read a few ahead (their results wait in order); containers stream in place.
  const ahead = new Map<number, Promise<ReadItem[]>>();
  let next = 0;
  for (let i = 0; i < files.length; i++) {
    for (; next < files.length && ahead.size < READ_AHEAD; next++) {
      if (next > i && isQuickFile(files[next])) ahead.set(next, collectItems(readFileItems(files[next], effective), files[next]));
    }
    next = Math.max(next, i + 1);
    const early = ahead.get(i);
    if (early) {
      ahead.delete(i);
      yield* await early;
    } else {
      yield* readFileItems(files[i], effective, options.warcStats);
    }
  }
}

/**
 * Reads files and folders into memory: all documents and all problems (in the order readDocuments gives
 * them). Use readDocuments to stream large WARC or JSONL inputs.
 */
export async function readInputs(paths: string[], limits: Partial<ReadLimits> = {}): Promise<ReadResult> {
  const documents: SourceDocument[] = [];
  const errors: InputError[] = [];
  for await (const item of readDocuments(paths, limits)) {
    if ("code" in item) errors.push(item);
    else documents.push(item);
  }
  return { documents, errors };
}
