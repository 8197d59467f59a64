// Answers kept in memory while what they were built from is unchanged: keyed by an id and checked against
// a version the store bumps on every write (story_versions), so another process's ingest is seen at once.
// Bounded by bytes, least recently used first out.

export class VersionedCache {
  private readonly entries = new Map<string, { version: number; body: string }>();
  private bytes = 0;
  constructor(private readonly maxBytes: number) {}

  get(key: string, version: number): string | undefined {
    const e = this.entries.get(key);
    if (!e || e.version !== version) return undefined;
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.body;
  }

  set(key: string, version: number, body: string): void {
    if (body.length > this.maxBytes / 4) return;
    this.delete(key);
    this.entries.set(key, { version, body });
    this.bytes += body.length;
    for (const [k] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(k);
    }
  }

  private delete(key: string): void {
    const e = this.entries.get(key);
    if (e) this.bytes -= e.body.length;
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * Values kept for a short time, for answers a reader does not mind being a moment old: a list's total (a
 * count over every matching story, the dearest part of a list page on PostgreSQL). Bounded by entries.
 */
export class RecentValues<V> {
  private readonly entries = new Map<string, { at: number; value: V }>();
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
  ) {}

  async get(key: string, compute: () => Promise<V>): Promise<V> {
    const now = performance.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    const value = await compute();
    this.entries.delete(key);
    this.entries.set(key, { at: now, value });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  /** Forgets everything (this process changed the corpus). */
  clear(): void {
    this.entries.clear();
  }
}
