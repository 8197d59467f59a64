// A preparing thread (preparer.ts): documents in, their rows out, one message each way per share, answered
// in the order the shares came.
import { parentPort, workerData } from "node:worker_threads";
import type { SourceDocument } from "../model/index.js";
import { BLOB_COLUMNS, rowsOfDocument, SHARE_STATE } from "./preparer.js";

const state = workerData as Int32Array;

parentPort!.on("message", ({ slot, docs }: { slot: number; docs: SourceDocument[] }) => {
  // The ingesting thread may have prepared this share itself while it waited.
  if (Atomics.compareExchange(state, slot, SHARE_STATE.waiting, SHARE_STATE.onThread) !== SHARE_STATE.waiting) {
    parentPort!.postMessage({ skipped: true });
    return;
  }
  try {
    const rows = docs.map(rowsOfDocument);
    // Each blob gets a buffer of its own, moved rather than copied.
    const transfer: ArrayBuffer[] = [];
    for (const r of rows) {
      const s = r.signature;
      for (const key of BLOB_COLUMNS) {
        const own = new Uint8Array(s[key] as Uint8Array);
        s[key] = own as never;
        transfer.push(own.buffer);
      }
    }
    parentPort!.postMessage({ rows }, transfer);
  } catch (e) {
    parentPort!.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
});
