// What the assignment steps (copies.ts, stories.ts) keep in memory between batches of one process: bounded
// caches of what they would otherwise read from the store again and again.

import type { CandidateView } from "../copies/index.js";
import type { StoryEntry } from "../stories/index.js";

/** A map that keeps its `limit` most recently used entries. */
export class Lru<K, V> {
  private readonly entries = new Map<K, V>();
  constructor(private readonly limit: number) {}
  get(key: K): V | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }
  /** Without making the entry recently used. */
  peek(key: K): V | undefined {
    return this.entries.get(key);
  }
  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
  }
  delete(key: K): void {
    this.entries.delete(key);
  }
  clear(): void {
    this.entries.clear();
  }
}

/** The newest entries of a term's posting list, oldest first, as the store holds them. */
export interface TermWindow {
  rows: { story: number; weight: number; added: number }[];
  /** True when the store holds no older entry (the list is shorter than a window). */
  complete: boolean;
}

/**
 * What assignment keeps between batches of one process, for the reads that otherwise grow with the corpus.
 * Placement keeps whole stories and the posting-list windows of terms: both are kept up to date with this
 * process's own writes, and dropped when the store's placement count shows another process placed in
 * between. Copy verification keeps the candidates it compared (their sentence views): an article's
 * profile never changes, so these hold whoever writes.
 */
export class AssignCache {
  readonly stories: Lru<number, StoryEntry>;
  readonly windows: Lru<number, TermWindow>;
  readonly comparables: Lru<number, CandidateView>;
  /** The store's placement count the placement entries reflect (-1: none yet). */
  generation = -1;
  constructor(limits: { stories?: number; terms?: number; comparables?: number } = {}) {
    this.stories = new Lru(limits.stories ?? 5000);
    this.windows = new Lru(limits.terms ?? 50_000);
    this.comparables = new Lru(limits.comparables ?? 2000);
  }
  /** Drops the placement entries if the store was placed in by someone else since this process last wrote. */
  check(generation: number): void {
    if (generation === this.generation) return;
    this.stories.clear();
    this.windows.clear();
    this.generation = generation;
  }
}
