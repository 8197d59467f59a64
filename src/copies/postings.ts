// Posting lists as one open-addressing hash table (linear probing) over one Int32Array of (key, slot)
// cells: a key may occur several times, once per slot holding it. Key and slot side by side make a probe
// one memory access, which is what a lookup in a table of a million articles' keys (a GB) costs.
// About 12–20 bytes per posting, against 50+ for a Map entry with an array.

/** Keys are non-negative 31-bit integers; -1 marks a free cell. */
const FREE = -1;
const MAX_LOAD = 0.7;

export interface Postings {
  /** Cell i is cells[2i] (key, or FREE) and cells[2i + 1] (slot). */
  cells: Int32Array;
  /** Number of cells (a power of two). */
  capacity: number;
  size: number;
}

export function createPostings(capacity = 1024): Postings {
  const cells = new Int32Array(2 * capacity);
  for (let i = 0; i < cells.length; i += 2) cells[i] = FREE;
  return { cells, capacity, size: 0 };
}

function home(key: number, mask: number): number {
  return Math.imul(key, 0x9e3779b1) & mask;
}

/** Calls `visit` with every slot posted under `key`. */
export function forEachSlot(p: Postings, key: number, visit: (slot: number) => void): void {
  const { cells } = p;
  const mask = p.capacity - 1;
  for (let i = home(key, mask); cells[2 * i] !== FREE; i = (i + 1) & mask) if (cells[2 * i] === key) visit(cells[2 * i + 1]);
}

function insert(p: Postings, key: number, slot: number): void {
  const { cells } = p;
  const mask = p.capacity - 1;
  let i = home(key, mask);
  while (cells[2 * i] !== FREE) i = (i + 1) & mask;
  cells[2 * i] = key;
  cells[2 * i + 1] = slot;
  p.size++;
}

function grow(p: Postings, capacity: number): void {
  const { cells } = p;
  Object.assign(p, createPostings(capacity));
  for (let i = 0; i < cells.length; i += 2) if (cells[i] !== FREE) insert(p, cells[i], cells[i + 1]);
}

/** Posts `slot` under `key`, unless `limit` slots are already posted there; true when posted. */
export function addSlot(p: Postings, key: number, slot: number, limit: number): boolean {
  if (p.size + 1 > p.capacity * MAX_LOAD) grow(p, p.capacity * 2);
  // One pass: count the key's slots along its probe run, whose end is where the new posting goes.
  const { cells } = p;
  const mask = p.capacity - 1;
  let count = 0;
  let i = home(key, mask);
  for (; cells[2 * i] !== FREE; i = (i + 1) & mask) if (cells[2 * i] === key && ++count >= limit) return false;
  cells[2 * i] = key;
  cells[2 * i + 1] = slot;
  p.size++;
  return true;
}

/** Every (key, slot) posting, in no particular order: what a saved index keeps. */
export function postingPairs(p: Postings): { keys: Int32Array; slots: Int32Array } {
  const keys = new Int32Array(p.size);
  const slots = new Int32Array(p.size);
  let n = 0;
  for (let i = 0; i < p.cells.length; i += 2) if (p.cells[i] !== FREE) (keys[n] = p.cells[i]), (slots[n++] = p.cells[i + 1]);
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
