// A preparing thread (preparer.ts): documents in, their rows out, one message each way per share.
import { parentPort } from "node:worker_threads";
import type { SourceDocument } from "../model/index.js";
import { articleOf } from "../brief/prepare.js";
import { BLOB_COLUMNS, rowsOf } from "./preparer.js";

parentPort!.on("message", ({ id, docs }: { id: number; docs: SourceDocument[] }) => {
  try {
    // The caller sends only documents that make an article.
    const rows = docs.map((doc) => {
      const article = articleOf(doc);
      if ("code" in article) throw new Error(article.message);
      return rowsOf(article);
    });
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
    parentPort!.postMessage({ id, rows }, transfer);
  } catch (e) {
    parentPort!.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
