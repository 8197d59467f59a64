// Per-page limits: one hostile page (huge, deeply nested, pathological) costs bounded time and memory.
import { DEFAULT_PAGE_LIMITS as TREE_LIMITS, type PageLimits as TreeLimits } from "./dom.js";

export interface PageLimits extends TreeLimits {
  /** Milliseconds of extraction work per page before it is refused as too complex. */
  maxMillis: number;
}

export const DEFAULT_PAGE_LIMITS: Readonly<PageLimits> = Object.freeze({ ...TREE_LIMITS, maxMillis: 2_000 });

/** Thrown by a stage that ran past its page's time budget; extractPage turns it into a too-complex result. */
export class PageTooComplex extends Error {}

/** A page's time budget, checked at loop heads of the costlier passes. */
export class Deadline {
  private readonly end: number;
  constructor(readonly millis: number) {
    this.end = performance.now() + millis;
  }
  check(): void {
    if (performance.now() > this.end) throw new PageTooComplex(`extraction took longer than ${this.millis} ms`);
  }
  /** A deadline that never expires (for tests and callers that bound time themselves). */
  static none(): Deadline {
    return new Deadline(Number.POSITIVE_INFINITY);
  }
}
