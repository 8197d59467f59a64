// Input documents in batches of a bounded size, the unit every corpus write is made in.
import type { InputError, SourceDocument } from "../model/index.js";

/** What batching counts as it goes: documents read, and the read errors met on the way. */
export interface ReadTally {
  read: number;
  errors: InputError[];
}

/** Groups documents into batches of `size` (the last may be smaller); errors go to the tally, not into batches. */
export async function* inBatches(
  documents: AsyncIterable<SourceDocument | InputError> | Iterable<SourceDocument | InputError>,
  size: number,
  tally: ReadTally,
): AsyncGenerator<SourceDocument[]> {
  let pending: SourceDocument[] = [];
  for await (const item of documents) {
    if ("code" in item) {
      tally.errors.push(item);
      continue;
    }
    tally.read++;
    pending.push(item);
    if (pending.length >= size) {
      yield pending;
      pending = [];
    }
  }
  if (pending.length > 0) yield pending;
}
