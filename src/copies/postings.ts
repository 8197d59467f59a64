// Posting lists as one open-addressing hash table (linear probing) over two Int32Arrays: a key may occur
// several times, once per slot holding it. About 12–20 bytes per posting, against
// 50+ for a Map entry with an array, which is what lets 100k articles' keys fit in a few dozen MB.

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
  const mask = p.keys.length - 1;
  for (let i = home(key, mask); p.keys[i] !== FREE; i = (i + 1) & mask) if (p.keys[i] === key) visit(p.slots[i]);
}

function insert(p: Postings, key: number, slot: number): void {
  const mask = p.keys.length - 1;
  let i = home(key, mask);
  while (p.keys[i] !== FREE) i = (i + 1) & mask;
  p.keys[i] = key;
  p.slots[i] = slot;
  p.size++;
}

function grow(p: Postings): void {
  const { keys, slots } = p;
  p.keys = new Int32Array(keys.length * 2).fill(FREE);
  p.slots = new Int32Array(keys.length * 2);
  p.size = 0;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== FREE) insert(p, keys[i], slots[i]);
}

/** Posts `slot` under `key`, unless `limit` slots are already posted there; true when posted. */
export function addSlot(p: Postings, key: number, slot: number, limit: number): boolean {
  let count = 0;
  forEachSlot(p, key, () => count++);
  if (count >= limit) return false;
  if (p.size + 1 > p.keys.length * MAX_LOAD) grow(p);
  insert(p, key, slot);
  return true;
}
