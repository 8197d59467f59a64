// A preparing thread (preparer.ts): documents in, their rows out; or, once an ingest has prepared its
// articles, loaded stories in, their outputs out. One message each way per share.
import { parentPort } from "node:worker_threads";
import { articleOf } from "../brief/prepare.js";
import { outputOf } from "./outputs.js";
import { BLOB_COLUMNS, rowsOf, type ThreadReply, type ThreadRequest } from "./preparer.js";

parentPort!.on("message", (request: ThreadRequest) => {
  const { id } = request;
  try {
    if ("stories" in request) {
      reply({ id, outputs: request.stories.map(outputOf) });
      return;
    }
    // The caller sends only documents that make an article.
    const rows = request.docs.map((doc) => {
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
    reply({ id, rows }, transfer);
  } catch (e) {
    reply({ id, error: e instanceof Error ? e.message : String(e) });
  }
});

function reply(message: ThreadReply, transfer: ArrayBuffer[] = []): void {
  parentPort!.postMessage(message, transfer);
}
