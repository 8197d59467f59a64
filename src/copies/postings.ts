// Posting lists as one open-addressing hash table (linear probing) over two Int32Arrays: a key may occur
// several times, once per slot holding it. About 12–20 bytes per posting, against
// 50+ for a Map entry with an array, which is what lets a million articles' keys fit in about 1 GB.

/** Keys are non-negative 31-bit integers; -1 marks a free cell. */
const FREE = -1;
const MAX_LOAD = 0.7;

export interface Postings {
  keys: Int32Array;
  slots: Int32Array;
  size: number;
}

export function createPostings(capacity = 1024): Postings {
  return { keys: new Int32Array(capacity).fill(FREE), slots: new Int32Array(capacity), size: 0 };
}

function home(key: number, mask: number): number {
  return Math.imul(key, 0x9e3779b1) & mask;
}

/** Calls `visit` with every slot posted under `key`. */
export function forEachSlot(p: Postings, key: number, visit: (slot: number) => void): void {
  const { keys, slots } = p;
  const mask = keys.length - 1;
  for (let i = home(key, mask); keys[i] !== FREE; i = (i + 1) & mask) if (keys[i] === key) visit(slots[i]);
}

function insert(p: Postings, key: number, slot: number): void {
  const mask = p.keys.length - 1;
  let i = home(key, mask);
  while (p.keys[i] !== FREE) i = (i + 1) & mask;
  p.keys[i] = key;
  p.slots[i] = slot;
  p.size++;
}

function grow(p: Postings, capacity: number): void {
  const { keys, slots } = p;
  p.keys = new Int32Array(capacity).fill(FREE);
  p.slots = new Int32Array(capacity);
  p.size = 0;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== FREE) insert(p, keys[i], slots[i]);
}

/** Posts `slot` under `key`, unless `limit` slots are already posted there; true when posted. */
export function addSlot(p: Postings, key: number, slot: number, limit: number): boolean {
  if (p.size + 1 > p.keys.length * MAX_LOAD) grow(p, p.keys.length * 2);
  // One pass: count the key's slots along its probe run, whose end is where the new posting goes.
  const { keys } = p;
  const mask = keys.length - 1;
  let count = 0;
  let i = home(key, mask);
  for (; keys[i] !== FREE; i = (i + 1) & mask) if (keys[i] === key && ++count >= limit) return false;
  keys[i] = key;
  p.slots[i] = slot;
  p.size++;
  return true;
}

/** Every (key, slot) posting, in no particular order: what a saved index keeps. */
export function postingPairs(p: Postings): { keys: Int32Array; slots: Int32Array } {
  const keys = new Int32Array(p.size);
  const slots = new Int32Array(p.size);
  let n = 0;
  for (let i = 0; i < p.keys.length; i++) if (p.keys[i] !== FREE) (keys[n] = p.keys[i]), (slots[n++] = p.slots[i]);
  return { keys, slots };
}

/** Posting lists holding exactly the given (key, slot) postings, sized for them. */
export function postingsFrom(keys: Int32Array, slots: Int32Array): Postings {
  let capacity = 1024;
  while (keys.length > capacity * MAX_LOAD * 0.75) capacity *= 2;
  const p = createPostings(capacity);
  for (let i = 0; i < keys.length; i++) insert(p, keys[i], slots[i]);
  return p;
}
