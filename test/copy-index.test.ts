import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  addToCopyIndex, assignFamilies, copySignature, createCopyIndex, findCopies, indexCopySignature, lookupCopies, verifyCopies,
  type CandidateView, type CopyEdge, type CopyIndex,
} from "../src/copies/index.js";
import { decodeCopyIndex, encodeCopyIndex } from "../src/copies/index-codec.js";
import { addSlot, postingPairs } from "../src/copies/postings.js";
import type { Article } from "../src/model/index.js";
import { CopyStream } from "../bench/copies-corpus.js";

// Real-news Markov text with injected exact, near, partial and spun copies (bench/copies-corpus.ts).
const SEED = 5;
const SIZE = 600;
const stream = new CopyStream(SEED);
const articles: Article[] = Array.from({ length: SIZE }, (_, i) => stream.get(i).article);

function edgesOf(index: CopyIndex, from: number, to: number): CopyEdge[] {
  const edges: CopyEdge[] = [];
  for (let b = from; b < to; b++) for (const m of addToCopyIndex(index, articles[b])) edges.push({ a: m.slot, b, kind: m.kind, similarity: m.similarity });
  return edges;
}

test("a copy index saved after half a corpus and loaded in a new process finds the same copies as one run", () => {
  const whole = edgesOf(createCopyIndex(), 0, SIZE);
  const half = SIZE / 2;
  const first = createCopyIndex();
  const firstEdges = edgesOf(first, 0, half);
  const dir = mkdtempSync(join(tmpdir(), "copy-index-"));
  try {
    const file = join(dir, "index.bin");
    writeFileSync(file, encodeCopyIndex(first));
    const child = join(import.meta.dirname, "copy-index-child.ts");
    const out = execFileSync(process.execPath, ["--import", "tsx", child, file, String(half), String(SIZE), String(SEED)], { encoding: "utf8", maxBuffer: 1 << 24 });
    const secondEdges = JSON.parse(out) as CopyEdge[];
    // The second half finds copies of first-half articles through the loaded index, not only among its own.
    assert.ok(secondEdges.filter((e) => e.a < half).length >= 20, `only ${secondEdges.filter((e) => e.a < half).length} copies reach the saved half`);
    assert.deepEqual([...firstEdges, ...secondEdges], whole);
    const members = articles.map(({ id, published, text }) => ({ id, published, chars: text.length }));
    assert.deepEqual(assignFamilies(members, [...firstEdges, ...secondEdges]), findCopies(articles));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a loaded copy index looks up a new article exactly as the index it was saved from", () => {
  const index = createCopyIndex();
  edgesOf(index, 0, 200);
  const loaded = decodeCopyIndex(encodeCopyIndex(index));
  assert.deepEqual(loaded.profiles, index.profiles);
  assert.deepEqual(loaded.byDigest, index.byDigest);
  for (const article of articles.slice(200, 260)) {
    const sig = copySignature(article);
    assert.deepEqual(lookupCopies(loaded, sig), lookupCopies(index, sig));
  }
  // Saving the loaded index again gives the same postings, if not in the same table order.
  assert.equal(loaded.postings.size, index.postings.size);
});

test("a partial copy index (some slots only, as a store loads one) survives saving and loading", () => {
  const full = createCopyIndex();
  edgesOf(full, 0, 50);
  // What a store loads for a batch: the postings, digests and profiles of a few slots.
  const held = new Set([5, 9, 20, 41]);
  const partial = createCopyIndex();
  const { keys, slots } = postingPairs(full.postings);
  keys.forEach((key, i) => held.has(slots[i]) && addSlot(partial.postings, key, slots[i], Number.MAX_SAFE_INTEGER));
  for (const slot of held) partial.profiles[slot] = full.profiles[slot];
  for (const [digest, slot] of full.byDigest) if (held.has(slot)) partial.byDigest.set(digest, slot);
  const loaded = decodeCopyIndex(encodeCopyIndex(partial));
  assert.equal(loaded.profiles.length, 42);
  assert.deepEqual(Object.keys(loaded.profiles).map(Number), [...held]);
  assert.deepEqual(loaded.profiles[20], full.profiles[20]);
  assert.deepEqual(loaded.byDigest, partial.byDigest);
  for (const article of articles.slice(50, 80)) {
    const sig = copySignature(article);
    assert.deepEqual(lookupCopies(loaded, sig), lookupCopies(partial, sig));
  }
});

test("bytes that are not a whole saved copy index are refused, not half loaded", () => {
  const index = createCopyIndex();
  edgesOf(index, 0, 30);
  const bytes = encodeCopyIndex(index);
  assert.throws(() => decodeCopyIndex(bytes.subarray(0, bytes.length - 40)), /truncated|inconsistent/);
  assert.throws(() => decodeCopyIndex(new TextEncoder().encode("not an index at all")), /not a saved copy index/);
  const other = bytes.slice();
  other[4] = 99;
  assert.throws(() => decodeCopyIndex(other), /version/);
});

test("a saved copy index whose postings name a slot it does not hold is refused", () => {
  const index = createCopyIndex();
  edgesOf(index, 0, 30);
  const bytes = encodeCopyIndex(index);
  // The last section is the postings' slots: point the last one past the index.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  view.setInt32(bytes.length - 4 - ((index.postings.size * 4) % 8 === 0 ? 0 : 4), 1_000_000, true);
  assert.throws(() => decodeCopyIndex(bytes), /inconsistent/);
});

test("verification keeping its candidates' views between articles finds the same copies, and reuses a view only for the same profile", () => {
  const plain = createCopyIndex();
  const kept = createCopyIndex();
  const views = new Map<number, CandidateView>();
  let reused = 0;
  const counting = { get: (slot: number) => views.get(slot), set: (slot: number, v: CandidateView) => views.set(slot, v) };
  articles.forEach((article, slot) => {
    const sig = copySignature(article);
    const lookup = lookupCopies(plain, sig);
    for (const c of lookup.candidates) if (views.get(c.slot)?.profile === kept.profiles[c.slot]) reused++;
    assert.deepEqual(verifyCopies(kept, sig, lookupCopies(kept, sig), counting), verifyCopies(plain, sig, lookup));
    indexCopySignature(plain, sig, slot, lookup);
    indexCopySignature(kept, copySignature(article), slot, lookup);
  });
  assert.ok(reused > 0, "no view was reused");
  // A slot whose profile the index holds anew (as a store loads it again) gets a fresh view.
  const [slot, view] = [...views][0];
  kept.profiles[slot] = { ...kept.profiles[slot] };
  const sig = copySignature(articles[slot]);
  verifyCopies(kept, sig, { twin: null, candidates: [{ slot, words: true, spin: true, total: 1 }] }, counting);
  assert.notEqual(views.get(slot), view);
  assert.equal(views.get(slot)!.profile, kept.profiles[slot]);
});
