// Child process of test/copy-index.test.ts: loads a saved copy index, adds articles [from, to) of the
// generated stream, and prints their matches as JSON. Nothing but the saved file carries over.
import { readFileSync } from "node:fs";
import { addToCopyIndex } from "../src/copies/index.js";
import { decodeCopyIndex } from "../src/copies/index-codec.js";
import { CopyStream } from "../bench/copies-corpus.js";

const [file, from, to, seed] = process.argv.slice(2);
const index = decodeCopyIndex(readFileSync(file));
const stream = new CopyStream(Number(seed));
const matches = [];
for (let b = Number(from); b < Number(to); b++) {
  for (const m of addToCopyIndex(index, stream.get(b).article)) matches.push({ a: m.slot, b, kind: m.kind, similarity: m.similarity });
}
process.stdout.write(JSON.stringify(matches));
