// A preparing thread (preparer.ts): documents in, their rows out, one message each way per share.
import { parentPort } from "node:worker_threads";
import type { SourceDocument } from "../model/index.js";
import { BLOB_COLUMNS, preparedRows } from "./preparer.js";

parentPort!.on("message", ({ id, docs }: { id: number; docs: SourceDocument[] }) => {
  try {
    const rows = docs.map(preparedRows);
    // Each blob gets a buffer of its own, moved rather than copied.
    const transfer: ArrayBuffer[] = [];
    for (const r of rows) {
      if (!r) continue;
      const s = r.signature;
      for (const key of BLOB_COLUMNS) {
        const own = new Uint8Array(s[key] as Uint8Array);
        s[key] = own as never;
        transfer.push(own.buffer);
      }
    }
    parentPort!.postMessage({ id, rows }, transfer);
  } catch (e) {
    parentPort!.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
