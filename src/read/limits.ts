// Input limits: what a batch may hold before readers refuse, so one odd input cannot exhaust memory or hang.
//
// | limit            | default   | applies to                                                                  |
// | ---------------- | --------- | --------------------------------------------------------------------------- |
// | maxFileBytes     | 10 MiB    | a plain text file; a whole feed (.rss, .atom, JSON Feed), after gunzip       |
// | maxPageBytes     | 8 MiB     | one HTML page: a .html file (after gunzip), a WARC record's HTTP payload     |
// | maxRecordBytes   | 32 MiB    | one WARC record or JSONL line, after gunzip; larger ones are streamed past   |
// | maxItemsPerFile  | 1,000,000 | feed items, JSONL lines or WARC records read from one container file        |
// | maxInflateRatio  | 100       | gzip: past maxRecordBytes inflated, more than 100 bytes out per byte in is   |
// |                  |           | a gzip bomb; inflating stops there (real text and HTML compress 3–15×)     |
// | maxFiles         | 100,000   | files per batch                                                             |
// | maxDepth         | 32        | folder levels below a named folder                                          |
//
// WARC and JSONL files are streamed record by record, so their own size is not limited: memory stays
// bounded by maxRecordBytes (JSONL) or maxPageBytes (WARC) whatever the file size.

export interface ReadLimits {
  /** Plain text files and whole feeds larger than this (decompressed) are reported "too-large" and not read. */
  maxFileBytes: number;
  /** One HTML page (a file, a WARC record's payload) larger than this (decompressed) is reported "too-large". */
  maxPageBytes: number;
  /** One WARC record or JSONL line larger than this (decompressed) is skipped without being held in memory. */
  maxRecordBytes: number;
  /** A container (feed, JSONL, WARC) stops after this many items, reported once as "too-many". */
  maxItemsPerFile: number;
  /** Gzip output per input byte above which (past maxRecordBytes of output) inflating stops: a gzip bomb. */
  maxInflateRatio: number;
  /** Files beyond this count are skipped, reported once as "too-many". */
  maxFiles: number;
  /** Folders nested deeper than this (below a named folder) are not entered. */
  maxDepth: number;
}

export const DEFAULT_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxFileBytes: 10 * 1024 * 1024,
  maxPageBytes: 8 * 1024 * 1024,
  maxRecordBytes: 32 * 1024 * 1024,
  maxItemsPerFile: 1_000_000,
  maxInflateRatio: 100,
  maxFiles: 100_000,
  maxDepth: 32,
});
