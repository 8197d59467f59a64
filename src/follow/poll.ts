// Polling followed sources: fetch (fetch.ts), read the bytes with the readers every other input goes
// through (src/read: readFeed, readHtmlPage), and add what is new with the corpus's one ingest.
import type { InputError, SourceDocument } from "../model/index.js";
import { ingest } from "../corpus/index.js";
import { readFeed } from "../read/feed.js";
import { readHtmlPage } from "../read/html-page.js";
import { DEFAULT_LIMITS, type ReadLimits } from "../read/limits.js";
import { terminalLine } from "../render/index.js";
import type { Store } from "../store/index.js";
import * as fq from "../store/follow-queries.js";
import type { FollowedSourceRow } from "../store/follow-queries.js";
import { Fetcher, type FetchOptions } from "./fetch.js";
import { addSeconds, bodyKind, FORGET_ITEMS_SECONDS, itemKey, nextDelay } from "./schedule.js";

export interface PollOptions extends FetchOptions {
  now?: () => Date;
  limits?: Partial<ReadLimits>;
  /** Sources fetched at once (requests to one host are still spaced by hostIntervalMs). */
  concurrency?: number;
  signal?: AbortSignal;
  /** Called after each source is polled. */
  onSource?: (report: SourceReport) => void;
  /**
   * Runs the ingests one at a time. Give the one the process's other ingests use (the server's upload
   * route, say) so two ingests never interleave over one store.
   */
  serial?: Serial;
}

export interface SourceReport {
  id: number;
  url: string;
  /** "stopped": the poller was stopped mid-fetch; nothing was recorded and the source stays due. */
  outcome: "new" | "unchanged" | "not-modified" | "error" | "stopped";
  /** "feed" or "page" when the body was read. */
  kind: string | null;
  status: number | null;
  /** Feed items in the response; items skipped as already seen. */
  items: number;
  seen: number;
  /** Articles stored by this poll. */
  added: number;
  /** Items or item pages that could not be used (the source itself was fine). */
  itemErrors: InputError[];
  /** Why the poll failed (outcome "error"), terminal-safe. */
  error: string | null;
  nextDue: string;
}

/** Runs one async task at a time: ingests over a store are serialised (one writer assigns stories). */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.tail.then(task, task);
    this.tail = next.catch(() => {});
    return next;
  }
}

/** Short, single-line and free of control characters: errors are stored and printed, and may quote fetched text. */
function clean(message: string): string {
  return terminalLine(message).slice(0, 500);
}

interface Read {
  kind: "feed" | "page";
  documents: SourceDocument[];
  errors: InputError[];
  /** The keys of all the feed's items (seen or not), to renew. */
  keys: string[];
  items: number;
  seen: number;
}

/** Feed items not seen before, each (with item pages on) replaced by its linked page when that can be read. */
async function readFeedItems(
  store: Store, source: FollowedSourceRow, bytes: Uint8Array, json: boolean, fetcher: Fetcher, limits: ReadLimits, signal?: AbortSignal,
): Promise<Read | string> {
  const docs: SourceDocument[] = [];
  const errors: InputError[] = [];
  for (const item of readFeed(source.url, bytes, limits, { json })) {
    if ("code" in item) errors.push(item);
    else docs.push(item);
  }
  // A body that is no feed at all fails the source; a bad item is only that item's problem; a feed with
  // no items is no problem (nothing new).
  const whole = errors.filter((e) => e.path === source.url);
  if (!docs.length && whole.some((e) => e.code !== "empty")) return whole[0].message;
  const problems = errors.filter((e) => !(e.path === source.url && e.code === "empty"));
  const keys = docs.map(itemKey);
  const seen = await fq.seenKeys(store.db, source.id, keys);
  const fresh: SourceDocument[] = [];
  const taken = new Set<string>();
  for (let i = 0; i < docs.length; i++) {
    if (seen.has(keys[i]) || taken.has(keys[i])) continue;
    taken.add(keys[i]);
    fresh.push(docs[i]);
  }
  if (source.item_pages) {
    for (let i = 0; i < fresh.length; i++) {
      const link = fresh[i].meta.url;
      if (!link || signal?.aborted) continue;
      const page = await fetcher.fetch(link, {}, signal);
      if (page.kind !== "ok") {
        problems.push({ code: "unreadable", path: link, message: clean(`${link}: the item's page could not be fetched (${page.kind === "error" ? page.message : "not modified"}); the feed's text was used`) });
        continue;
      }
      const doc = readHtmlPage(link, page.bytes, limits, { contentType: page.contentType, url: page.url });
      if ("code" in doc) problems.push({ ...doc, message: clean(`${doc.message} The feed's text was used.`) });
      else fresh[i] = doc;
    }
  }
  return { kind: "feed", documents: fresh, errors: problems, keys, items: docs.length, seen: docs.length - fresh.length };
}

/**
 * Polls one source: a conditional fetch, the body read as a feed or a page, new documents ingested, and
 * the outcome recorded on the source (validators, status, error, failures, next due time). Never throws
 * for the source's own problems; a database error does throw.
 */
export async function pollSource(store: Store, source: FollowedSourceRow, fetcher: Fetcher, options: PollOptions = {}, serial = options.serial ?? new Serial()): Promise<SourceReport> {
  const now = options.now ?? (() => new Date());
  const limits: ReadLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const out = await fetcher.fetch(source.url, { etag: source.etag, lastModified: source.last_modified }, options.signal);
  const report: SourceReport = {
    id: source.id, url: source.url, outcome: "error", kind: null, status: out.status,
    items: 0, seen: 0, added: 0, itemErrors: [], error: null, nextDue: "",
  };
  const failed = async (message: string, retryAfter: number | null = null) => {
    const at = now();
    const failures = source.failures + 1;
    report.error = clean(message);
    report.nextDue = addSeconds(at, nextDelay(source.every_seconds, failures, retryAfter));
    await fq.recordPoll(store.db, source.id, { last_polled: at.toISOString(), last_status: report.status, last_error: report.error, failures, next_due: report.nextDue, last_added: 0 });
    return report;
  };
  // Stopped mid-fetch (shutdown): not the source's fault, so nothing is recorded and it stays due.
  if (options.signal?.aborted) return { ...report, outcome: "stopped", nextDue: source.next_due };
  if (out.kind === "error") return failed(out.message, out.retryAfterSeconds);
  if (out.kind === "not-modified") {
    const at = now();
    report.outcome = "not-modified";
    report.kind = source.kind;
    report.nextDue = addSeconds(at, nextDelay(source.every_seconds, 0));
    await fq.recordPoll(store.db, source.id, {
      last_polled: at.toISOString(), last_ok: at.toISOString(), last_status: 304, last_error: null, failures: 0, last_added: 0,
      etag: out.validators.etag, last_modified: out.validators.lastModified, next_due: report.nextDue,
    });
    return report;
  }
  const what = bodyKind(out.bytes, out.contentType);
  if ("unsupported" in what) return failed(`${out.url}: ${what.unsupported}`);
  let read: Read;
  if (what.kind === "feed") {
    const r = await readFeedItems(store, source, out.bytes, what.json, fetcher, limits, options.signal);
    if (typeof r === "string") return failed(r);
    read = r;
  } else {
    const doc = readHtmlPage(source.url, out.bytes, limits, { contentType: out.contentType, url: out.url });
    if ("code" in doc) return failed(doc.message);
    read = { kind: "page", documents: [doc], errors: [], keys: [], items: 0, seen: 0 };
  }
  // Ingests one at a time; items are marked seen only once they are stored, so a failed ingest retries them.
  const summary = read.documents.length ? await serial.run(() => ingest(store, read.documents)) : null;
  const at = now();
  if (read.kind === "feed") await fq.markSeen(store.db, source.id, read.keys, at.toISOString(), addSeconds(at, -FORGET_ITEMS_SECONDS));
  const itemErrors = [...read.errors, ...(summary?.errors ?? [])];
  Object.assign(report, {
    outcome: summary && summary.added > 0 ? "new" : "unchanged", kind: read.kind, items: read.items, seen: read.seen,
    added: summary?.added ?? 0, itemErrors: itemErrors.map((e) => ({ ...e, message: clean(e.message) })),
    nextDue: addSeconds(at, nextDelay(source.every_seconds, 0)),
  });
  await fq.recordPoll(store.db, source.id, {
    kind: read.kind, etag: out.validators.etag, last_modified: out.validators.lastModified,
    last_polled: at.toISOString(), last_ok: at.toISOString(), last_status: out.status, failures: 0,
    last_error: itemErrors.length ? clean(`${itemErrors.length} item(s) skipped; first: ${itemErrors[0].message}`) : null,
    last_added: report.added, added: report.added, next_due: report.nextDue,
  });
  return report;
}

/** Records a poll that failed on the database side (best effort: the database may be what failed). */
export async function storeFailure(store: Store, source: FollowedSourceRow, err: unknown, at: Date): Promise<SourceReport> {
  const error = clean(`storing failed: ${(err as Error)?.message ?? String(err)}`);
  const failures = source.failures + 1;
  const nextDue = addSeconds(at, nextDelay(source.every_seconds, failures));
  await fq.recordPoll(store.db, source.id, { last_polled: at.toISOString(), last_error: error, failures, next_due: nextDue, last_added: 0 }).catch(() => {});
  return { id: source.id, url: source.url, outcome: "error", kind: null, status: null, items: 0, seen: 0, added: 0, itemErrors: [], error, nextDue };
}

/** Runs tasks with at most `limit` at once. */
async function bounded<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}

/** Polls every source due now (in-process); returns a report per source. */
export async function pollDue(store: Store, options: PollOptions = {}, fetcher?: Fetcher, serial = options.serial ?? new Serial()): Promise<SourceReport[]> {
  const now = options.now ?? (() => new Date());
  const due = await fq.dueSources(store.db, now().toISOString());
  const own = fetcher ?? new Fetcher(options);
  const reports: SourceReport[] = [];
  try {
    await bounded(due, options.concurrency ?? 4, async (source) => {
      if (options.signal?.aborted) return;
      let r: SourceReport;
      try {
        r = await pollSource(store, source, own, options, serial);
      } catch (e) {
        // A database error while storing: this source is tried again at its next turn, the others go on.
        r = await storeFailure(store, source, e, now());
      }
      if (r.outcome === "stopped") return;
      reports.push(r);
      options.onSource?.(r);
    });
  } finally {
    if (!fetcher) await own.close();
  }
  return reports;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

export interface PollerOptions extends PollOptions {
  /** Longest sleep between looks at the schedule (a source followed meanwhile is picked up within it). */
  tickMs?: number;
}

/** The in-process poll loop (SQLite, or PostgreSQL without the queue): polls what is due until the signal aborts. */
export async function runPoller(store: Store, options: PollerOptions = {}): Promise<{ polls: number; added: number }> {
  const fetcher = new Fetcher(options);
  const serial = options.serial ?? new Serial();
  const totals = { polls: 0, added: 0 };
  const now = options.now ?? (() => new Date());
  try {
    while (!options.signal?.aborted) {
      for (const r of await pollDue(store, options, fetcher, serial)) {
        totals.polls++;
        totals.added += r.added;
      }
      const earliest = await fq.earliestDue(store.db);
      const wait = earliest ? Date.parse(earliest) - now().getTime() : Infinity;
      await sleep(Math.max(50, Math.min(wait, options.tickMs ?? 5_000)), options.signal);
    }
  } finally {
    await fetcher.close();
  }
  return totals;
}
