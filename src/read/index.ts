// Readers: the only stage that knows about files, formats, encodings and limits.
import type { InputError, SourceDocument } from "../model/index.js";
import { collectFiles } from "./collect.js";
import { DEFAULT_LIMITS, type ReadLimits } from "./limits.js";
import { readTextFile } from "./text-file.js";

export { decodeText } from "./decode.js";
export { DEFAULT_LIMITS, type ReadLimits } from "./limits.js";
export { parseTextFile } from "./text-header.js";
export { documentsFromText } from "./text-file.js";

export interface ReadResult { documents: SourceDocument[]; errors: InputError[] }

/** Files read at once: enough to hide file-system latency, few enough to stay far from open-file limits. */
const READ_CONCURRENCY = 16;

/** Applies `fn` to every item with at most `width` calls in flight; results keep the items' order. */
async function mapInOrder<T, R>(items: readonly T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return out;
}

/**
 * Reads files and folders (folders recursively, in sorted order); per-item problems are returned, never
 * thrown, so one bad file never stops the batch. Limits default to DEFAULT_LIMITS.
 */
export async function readInputs(paths: string[], limits: Partial<ReadLimits> = {}): Promise<ReadResult> {
  const effective: ReadLimits = { ...DEFAULT_LIMITS, ...limits };
  const { files, errors } = await collectFiles(paths, effective);
  const documents: SourceDocument[] = [];
  for (const result of await mapInOrder(files, READ_CONCURRENCY, (path) => readTextFile(path, effective))) {
    if ("code" in result) errors.push(result);
    else documents.push(result);
  }
  return { documents, errors };
}
