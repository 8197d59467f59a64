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
