// A preparing thread (preparer.ts): documents in, their rows out, one message each way per share, answered
// in the order the shares came; or the rows of stories in, their outputs out (outputs.ts).
import { parentPort, workerData } from "node:worker_threads";
import type { SourceDocument } from "../model/index.js";
import { BLOB_COLUMNS, rowsOfDocument, SHARE_STATE, type ThreadAnswer } from "./preparer.js";
import { outputsOf, type StoryRows } from "./outputs.js";

const state = workerData as Int32Array;
const answer = (m: ThreadAnswer, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);
/** Answers with what `work` posts, or with the error it throws. */
function answering(work: () => void): void {
  try {
    work();
  } catch (e) {
    answer({ error: e instanceof Error ? e.message : String(e) });
  }
}

parentPort!.on("message", (m: { slot: number; docs: SourceDocument[] } | { assemble: StoryRows }) => {
  if ("assemble" in m) {
    answering(() => answer({ outputs: outputsOf(m.assemble) }));
    return;
  }
  const { slot, docs } = m;
  // The ingesting thread may have prepared this share itself while it waited.
  if (Atomics.compareExchange(state, slot, SHARE_STATE.waiting, SHARE_STATE.onThread) !== SHARE_STATE.waiting) {
    answer({ skipped: true });
    return;
  }
  answering(() => {
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
    answer({ rows }, transfer);
  });
});
