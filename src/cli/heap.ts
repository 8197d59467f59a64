// Memory of the long-running corpus commands (ingest, worker, serve, …). V8 lets a heap grow to several
// times what is live before it collects (up to 4× on a machine with much memory): an ingest holding about
// 150 MiB reached 700 MiB of heap on the ingesting thread, and as much again on the preparing ones.
// Capping the heap would trade that for a crash on one unusually large story or document; bounding the
// growth factor instead keeps each heap near what is live and costs a few more collections.

import { setFlagsFromString } from "node:v8";

/** Heap growth allowed past the live size between full collections, in percent. */
export const HEAP_GROWTH_PERCENT = 50;

/**
 * Keeps every heap of this process (worker threads included) within about 1.5× of its live size. V8 reads
 * this flag at each collection, so it holds from the next one on.
 */
export function keepHeapsNearLive(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWTH_PERCENT}`);
}
