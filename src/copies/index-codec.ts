// The copy index as bytes: a saved index, loaded later (or in another process), goes on exactly where the
// original left off. Pure encode/decode; reading and writing files is the caller's business.
//
// Layout: a header (magic, version, slot count) then sections, each a little-endian typed array prefixed
// with its byte length and padded to 8 bytes, so that decoding views the bytes instead of parsing them:
// the slots' ids and dates (JSON), which slots hold a profile (a partial index is sparse), the per-slot
// numbers, all codes and sentence ends end to end, the digest map, and the postings as (key, slot) pairs.
// About 2 bytes per word plus 8 per posting: a million news articles take about 1.5 GB.

import type { CopyIndex, IndexedProfile } from "./copy-index.js";
import { postingsFrom, postingPairs } from "./postings.js";

const MAGIC = 0x49434453; // "SDCI"
const VERSION = 1;

type Column = Uint8Array | Uint16Array | Int32Array | Float64Array;

const pad8 = (n: number) => (n + 7) & ~7;

/** Encodes a copy index (whole or partial) to bytes. Pure. */
export function encodeCopyIndex(index: CopyIndex): Uint8Array {
  const n = index.profiles.length;
  const present = new Uint8Array(n);
  const ids: (string | null)[] = new Array(n).fill(null);
  const published: (string | null)[] = new Array(n).fill(null);
  const chars = new Int32Array(n);
  const digests = new Float64Array(n);
  const wordKeys = new Int32Array(n);
  const skeletonKeys = new Int32Array(n);
  const codeLengths = new Int32Array(n);
  const endLengths = new Int32Array(n);
  let codeTotal = 0;
  let endTotal = 0;
  index.profiles.forEach((p, slot) => {
    present[slot] = 1;
    ids[slot] = p.id;
    published[slot] = p.published;
    chars[slot] = p.chars;
    digests[slot] = p.digest;
    wordKeys[slot] = p.wordKeys;
    skeletonKeys[slot] = p.skeletonKeys;
    codeTotal += codeLengths[slot] = p.codes.length;
    endTotal += endLengths[slot] = p.sentenceEnds.length;
  });
  const codes = new Uint16Array(codeTotal);
  const ends = new Uint16Array(endTotal);
  let c = 0;
  let e = 0;
  index.profiles.forEach((p) => {
    codes.set(p.codes, c);
    ends.set(p.sentenceEnds, e);
    c += p.codes.length;
    e += p.sentenceEnds.length;
  });
  const digestKeys = new Float64Array(index.byDigest.size);
  const digestSlots = new Int32Array(index.byDigest.size);
  let d = 0;
  for (const [digest, slot] of index.byDigest) (digestKeys[d] = digest), (digestSlots[d++] = slot);
  const { keys, slots } = postingPairs(index.postings);
  const strings = new TextEncoder().encode(JSON.stringify([ids, published]));

  const columns: Column[] = [strings, present, chars, digests, wordKeys, skeletonKeys, codeLengths, codes, endLengths, ends, digestKeys, digestSlots, keys, slots];
  const out = new Uint8Array(16 + columns.reduce((sum, col) => sum + 8 + pad8(col.byteLength), 0));
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, n, true);
  let at = 16;
  for (const col of columns) {
    view.setUint32(at, col.byteLength, true);
    at += 8;
    out.set(new Uint8Array(col.buffer, col.byteOffset, col.byteLength), at);
    at += pad8(col.byteLength);
  }
  return out;
}

/** Decodes bytes made by encodeCopyIndex. Throws on bytes that are not a copy index of this version. */
export function decodeCopyIndex(bytes: Uint8Array): CopyIndex {
  // Typed views need aligned offsets: copy once if the bytes do not start on an 8-byte boundary.
  const data = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.byteLength < 16 || view.getUint32(0, true) !== MAGIC) throw new Error("not a saved copy index");
  if (view.getUint32(4, true) !== VERSION) throw new Error(`saved copy index has version ${view.getUint32(4, true)}, expected ${VERSION}`);
  const n = view.getUint32(8, true);
  let at = 16;
  const next = <T extends Column>(make: (buffer: ArrayBuffer, offset: number, length: number) => T, width: number): T => {
    if (at + 8 > data.byteLength) throw new Error("saved copy index is truncated");
    const length = view.getUint32(at, true);
    at += 8;
    if (at + length > data.byteLength || length % width !== 0) throw new Error("saved copy index is truncated");
    const col = make(data.buffer as ArrayBuffer, data.byteOffset + at, length / width);
    at += pad8(length);
    return col;
  };
  const u8 = (b: ArrayBuffer, o: number, l: number) => new Uint8Array(b, o, l);
  const u16 = (b: ArrayBuffer, o: number, l: number) => new Uint16Array(b, o, l);
  const i32 = (b: ArrayBuffer, o: number, l: number) => new Int32Array(b, o, l);
  const f64 = (b: ArrayBuffer, o: number, l: number) => new Float64Array(b, o, l);
  const [ids, published] = JSON.parse(new TextDecoder().decode(next(u8, 1))) as [(string | null)[], (string | null)[]];
  const present = next(u8, 1);
  const chars = next(i32, 4);
  const digests = next(f64, 8);
  const wordKeys = next(i32, 4);
  const skeletonKeys = next(i32, 4);
  const codeLengths = next(i32, 4);
  const codes = next(u16, 2);
  const endLengths = next(i32, 4);
  const ends = next(u16, 2);
  const digestKeys = next(f64, 8);
  const digestSlots = next(i32, 4);
  const keys = next(i32, 4);
  const slots = next(i32, 4);
  if ([ids, published, present, chars, digests, wordKeys, skeletonKeys, codeLengths, endLengths].some((col) => col.length !== n)) {
    throw new Error("saved copy index is inconsistent");
  }

  const profiles: IndexedProfile[] = [];
  let c = 0;
  let e = 0;
  for (let slot = 0; slot < n; slot++) {
    if (!present[slot]) continue;
    profiles[slot] = {
      id: ids[slot] ?? "",
      published: published[slot],
      chars: chars[slot],
      digest: digests[slot],
      codes: codes.subarray(c, (c += codeLengths[slot])),
      sentenceEnds: ends.subarray(e, (e += endLengths[slot])),
      wordKeys: wordKeys[slot],
      skeletonKeys: skeletonKeys[slot],
    };
  }
  if (c !== codes.length || e !== ends.length) throw new Error("saved copy index is inconsistent");
  profiles.length = n;
  // Every slot a digest or a posting names must hold a profile, or lookups would read past the index.
  const named = (slot: number) => slot >= 0 && slot < n && present[slot] === 1;
  if (!digestSlots.every(named) || !slots.every(named) || keys.some((k) => k < 0)) throw new Error("saved copy index is inconsistent");
  const byDigest = new Map<number, number>();
  for (let i = 0; i < digestKeys.length; i++) byDigest.set(digestKeys[i], digestSlots[i]);
  return { profiles, byDigest, postings: postingsFrom(keys, slots) };
}
