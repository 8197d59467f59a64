// Step 2a over a store: the copy index, batch by batch. For each batch the store loads exactly the state
// the copy stage reads (the posting lists of the batch's keys, the digests it looks up, the key counts of
// the slots named, then the full profiles of the candidates), the stage's own functions run over that
// partial index in ingest order, and what changed is written back in one transaction.

import type { Copy } from "../model/index.js";
import {
  addSlot, assignFamilies, createCopyIndex, indexCopySignature, lookupCopies, verifyCopies,
  type CopyEdge, type CopyLookup, type CopySignature, type IndexedProfile,
} from "../copies/index.js";
import type { Store } from "../store/index.js";
import * as q from "../store/queries.js";
import { i32, profileFromRow } from "../store/codec.js";
import type { AssignCache } from "./assign-cache.js";

const NO_CODES = new Uint16Array(0);

/**
 * New copy postings go to a small table, merged into the main one once per this many batches (by sequence
 * number: every 20,000 articles at the default batch of 500). The small table holds at most about a
 * million rows, and the large one takes them in one pass in key order. Tests with small batches merge often.
 */
const MERGE_POSTINGS_BATCHES = 40;

/** Assigns copies for up to `limit` waiting articles; returns how many it did (0: none waiting). */
export async function copyBatch(store: Store, limit: number, below?: number, cache?: AssignCache): Promise<number> {
  const { db } = store;
  const pending = await q.pendingSignatures(db, limit, below);
  if (pending.length === 0) return 0;
  const index = createCopyIndex();
  const sigs: CopySignature[] = pending.map((r) => ({ profile: profileFromRow(r), keys: Array.from(i32(r.keys)) }));

  for (const [digest, slot] of await q.digestSlots(db, [...new Set(sigs.map((s) => s.profile.digest))])) index.byDigest.set(digest, slot);
  const keys = [...new Set(sigs.flatMap((s) => s.keys))];
  for (const p of await q.postingsOf(db, keys)) {
    const slot = Number(p.slot);
    addSlot(index.postings, p.key, slot, Number.MAX_SAFE_INTEGER);
    index.profiles[slot] ??= meta(slot, p.word_keys, p.skeleton_keys);
  }

  // Lookups and indexing in ingest order (each article sees the batch's earlier ones), then verification.
  const lookups: CopyLookup[] = [];
  const postings: { key: number; slot: number }[] = [];
  const digests: { digest: number; slot: number }[] = [];
  const keyless: number[] = [];
  pending.forEach((r, i) => {
    const lookup = lookupCopies(index, sigs[i]);
    lookups.push(lookup);
    for (const key of indexCopySignature(index, sigs[i], r.seq, lookup)) postings.push({ key, slot: r.seq });
    if (lookup.twin !== null) keyless.push(r.seq);
    else if (sigs[i].keys.length > 0) digests.push({ digest: sigs[i].profile.digest, slot: r.seq });
  });
  const inBatch = new Set(pending.map((r) => r.seq));
  const wanted = new Set<number>();
  for (const l of lookups) {
    if (l.twin !== null && !inBatch.has(l.twin)) wanted.add(l.twin);
    for (const c of l.candidates) if (!inBatch.has(c.slot)) wanted.add(c.slot);
  }
  // A candidate compared in an earlier batch comes with its profile and sentence views.
  for (const slot of wanted) {
    const seen = cache?.comparables.get(slot);
    if (!seen) continue;
    index.profiles[slot] = seen.profile;
    wanted.delete(slot);
  }
  for (const r of await q.profilesOf(db, [...wanted])) index.profiles[Number(r.seq)] = profileFromRow(r);

  const edges: CopyEdge[] = [];
  pending.forEach((r, i) => {
    for (const m of verifyCopies(index, sigs[i], lookups[i], cache?.comparables)) edges.push({ a: m.slot, b: r.seq, kind: m.kind, similarity: m.similarity });
  });

  const families = await recomputeFamilies(store, edges);
  await q.transaction(db, (trx) =>
    q.writeCopyBatch(trx, {
      seqs: pending.map((r) => r.seq),
      postings,
      mergePostings: crosses(pending[0].seq, pending[pending.length - 1].seq, limit * MERGE_POSTINGS_BATCHES),
      digests,
      keyless,
      edges: edges.map((e) => ({ a: e.a, b: e.b, kind: e.kind, similarity: e.similarity })),
      ...families,
    }),
  );
  return pending.length;
}

/** Does [first, last] hold a multiple of `every`? */
const crosses = (first: number, last: number, every: number): boolean => Math.floor(last / every) > Math.floor((first - 1) / every);

/** A profile with only what candidate selection reads (key counts); codes are loaded if it is verified. */
function meta(slot: number, wordKeys: number, skeletonKeys: number): IndexedProfile {
  return { id: "", published: null, chars: 0, digest: -1 - slot, codes: NO_CODES, sentenceEnds: NO_CODES, wordKeys, skeletonKeys };
}

/**
 * The families the new edges touch, recomputed whole by the copy stage's assignFamilies: the members of
 * every family an edge reaches, their stored edges and the new ones. Families never split, so a family
 * no new edge reaches keeps its original and its copies.
 */
async function recomputeFamilies(
  store: Store,
  edges: CopyEdge[],
): Promise<Pick<q.CopyBatchWrite, "members" | "copies">> {
  if (edges.length === 0) return { members: [], copies: [] };
  const { db } = store;
  const slots = [...new Set(edges.flatMap((e) => [e.a, e.b]))];
  const families = await q.familiesOfSlots(db, slots);
  const members = await q.familyMembers(db, families);
  const seqs = members.map((m) => Number(m.seq));
  const stored = await q.edgesOf(db, seqs);
  const all = [...stored.map((e) => ({ ...e, kind: e.kind as Copy["kind"] })), ...edges];
  members.sort((x, y) => Number(x.seq) - Number(y.seq));
  const position = new Map(members.map((m, i) => [Number(m.seq), i]));
  const copies = assignFamilies(
    members.map((m) => ({ id: m.id, published: m.published, chars: m.chars, agency: m.agency !== null })),
    all.map((e) => ({ a: position.get(e.a)!, b: position.get(e.b)!, kind: e.kind, similarity: e.similarity })),
  );
  const seqOf = new Map(members.map((m) => [m.id, Number(m.seq)]));
  const familyOf = new Map(copies.map((c) => [c.copy, c.of]));
  return {
    members: members.map((m) => ({ seq: Number(m.seq), id: m.id, family: familyOf.get(m.id) ?? m.id, story: m.story === null ? null : Number(m.story) })),
    copies: copies.map((c) => ({ ...c, copy_seq: seqOf.get(c.copy)! })),
  };
}
