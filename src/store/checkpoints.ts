// Checkpoints of a SQLite corpus on a thread of their own. In WAL mode each commit appends pages to the
// write-ahead log, and a checkpoint copies them into the database file and syncs it. Left to SQLite, the
// connection that commits past the threshold does that copying and syncing itself, on the thread that
// assigns copies and stories. Here a second connection, on a worker thread, checkpoints every second
// instead (inserts at random places of a large index, as copy postings are, dirty a page per row: an
// ingest logged up to 240 MiB in one second), and the writing connection's own threshold stays as a
// backstop should that thread fall behind. At 130,000 articles, commits took 6.3–6.7 s of a slice on the
// writing thread instead of 11–12.
//
// A checkpoint is SQLite's own crash-safe operation, so a process killed during one loses nothing
// committed. The thread is plain script (no TypeScript to load into it) and needs only better-sqlite3.

import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** How often the thread checkpoints; a passive checkpoint with nothing to copy costs microseconds. */
export const CHECKPOINT_EVERY_MS = 1000;

/** The writing connection's own threshold (pages) while the thread runs: a backstop, about 256 MiB. */
export const BACKSTOP_PAGES = 65536;

// PASSIVE: copies what no reader still needs and never waits for (or blocks) the writer.
const THREAD = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file);
const timer = setInterval(() => {
  try { db.pragma("wal_checkpoint(PASSIVE)"); } catch { /* busy: the next turn tries again */ }
}, workerData.everyMs);
parentPort.once("message", () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface Checkpoints {
  /** Stops the thread and closes its connection (before the writing connection closes, so that one,
   *  closing last, checkpoints what is left and removes the log). */
  stop(): Promise<void>;
}

/** How long a store stays open before its thread starts: a short command never pays for one (about 45 ms). */
export const START_AFTER_MS = 2000;

/** Checkpoints the SQLite file `file` in the background once it has been open for START_AFTER_MS. */
export function startCheckpoints(file: string): Checkpoints {
  let worker: Worker | null = null;
  let exited: Promise<void> = Promise.resolve();
  const start = setTimeout(() => {
    const driver = createRequire(import.meta.url).resolve("better-sqlite3");
    worker = new Worker(THREAD, { eval: true, workerData: { file, driver, everyMs: CHECKPOINT_EVERY_MS } });
    // Never keeps a process alive; a thread that fails leaves the backstop to checkpoint.
    worker.unref();
    worker.on("error", () => {});
    exited = new Promise<void>((resolve) => worker!.once("exit", () => resolve()));
  }, START_AFTER_MS);
  start.unref();
  return {
    stop: async () => {
      clearTimeout(start);
      if (!worker) return;
      // Held open while it finishes: an unreferenced thread alone would let the process exit mid-close.
      worker.ref();
      worker.postMessage("stop");
      await exited;
    },
  };
}
