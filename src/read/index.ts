// Readers: the only stage that knows about files, formats, encodings and limits.
import type { InputError, SourceDocument } from "../model/index.js";

export interface ReadResult { documents: SourceDocument[]; errors: InputError[] }

/** Reads files and folders (recursively); per-item problems are returned, never thrown. */
export async function readInputs(paths: string[]): Promise<ReadResult> {
  throw new Error("not implemented: readInputs");
}
