// Input limits: what a batch may hold before readers refuse, so one odd input cannot exhaust memory or hang.

export interface ReadLimits {
  /** Files larger than this are reported "too-large" and not read. */
  maxFileBytes: number;
  /** Files beyond this count are skipped, reported once as "too-many". */
  maxFiles: number;
  /** Folders nested deeper than this (below a named folder) are not entered. */
  maxDepth: number;
}

/** Defaults: 10 MiB per file (a news article is a few KB), 100,000 files, 32 levels of folders. */
export const DEFAULT_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxFileBytes: 10 * 1024 * 1024,
  maxFiles: 100_000,
  maxDepth: 32,
});
