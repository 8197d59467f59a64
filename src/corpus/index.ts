// A corpus that grows: incremental ingest into a store, and briefings read back from it.
export { ingest, finishIngest, DEFAULT_BATCH, type IngestOptions, type IngestProgress, type IngestSummary, type IngestPhase } from "./ingest.js";
export { briefFromStore, type BriefFilter } from "./brief.js";
export { enqueue, runWorker, prepareBatch, assignReadyRounds, type QueueSummary, type WorkerOptions } from "./queue.js";
export { defaultThreads } from "./preparer.js";
