import { test } from "node:test";
import assert from "node:assert/strict";
import { compare, type Comparable } from "../src/copies/compare.js";
import { profileArticle } from "../src/copies/profile.js";
import { allCopyPairs } from "../bench/copies-allpairs.js";
import { CopyStream } from "../bench/copies-corpus.js";

// The copy benchmark's recall rests on this reference being exact: it must find every pair that comparing
// all pairs finds, with the same verdict, while comparing only a few of them.
test("the all-pairs reference finds exactly the copy pairs that comparing every pair finds", () => {
  const stream = new CopyStream(11);
  const size = 200;
  const docs: Comparable[] = Array.from({ length: size }, (_, i) => ({ profile: profileArticle(stream.get(i).article) }));
  const checks = { words: true, spin: true };
  const brute: string[] = [];
  for (let b = 1; b < size; b++) {
    for (let a = 0; a < b; a++) {
      const verdict = compare(docs[b], docs[a], checks);
      if (verdict) brute.push(`${a} ${b} ${verdict.kind} ${verdict.similarity}`);
    }
  }
  // Fresh views, so that nothing computed by the brute force is reused.
  const fresh: Comparable[] = docs.map(({ profile }) => ({ profile }));
  const reference = allCopyPairs(fresh, checks);
  assert.deepEqual(
    reference.pairs.map(({ a, b, verdict }) => `${a} ${b} ${verdict.kind} ${verdict.similarity}`).sort(),
    brute.sort(),
  );
  const kinds = new Set(reference.pairs.map((p) => p.verdict.kind));
  assert.deepEqual([...kinds].sort(), ["exact", "near", "partial", "spun"]);
  assert.ok(reference.compared < (size * (size - 1)) / 2 / 20, `compared ${reference.compared} pairs`);
});
