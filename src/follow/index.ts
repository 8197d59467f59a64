// Followed sources: feeds and pages a corpus keeps polling (storydesk follow, storydesk poll, and the
// server's API). What the CLI and the server call.
import type { Store } from "../store/index.js";
import * as fq from "../store/follow-queries.js";
import { addressPolicy, parseRanges } from "./address.js";
import { checkUrl } from "./fetch.js";
import { runQueuedPoller } from "./queue.js";
import { runPoller, type PollerOptions } from "./poll.js";
import { DEFAULT_EVERY_SECONDS, MIN_EVERY_SECONDS } from "./schedule.js";

export { Fetcher, FETCH_DEFAULTS, type FetchOptions, type FetchOutcome, type Validators } from "./fetch.js";
export { refusedAddress, parseRanges } from "./address.js";
export { pollDue, pollSource, runPoller, Serial, type PollOptions, type PollerOptions, type SourceReport } from "./poll.js";
export { runQueuedPoller, type QueuedPollerOptions } from "./queue.js";
export { parseInterval, formatInterval, DEFAULT_EVERY_SECONDS, MIN_EVERY_SECONDS } from "./schedule.js";

/** A followed source as shown to people (CLI list, API). */
export interface FollowedSource {
  id: number;
  url: string;
  everySeconds: number;
  itemPages: boolean;
  added: string;
  nextDue: string;
  kind: "feed" | "page" | null;
  lastPolled: string | null;
  lastOk: string | null;
  lastStatus: number | null;
  lastError: string | null;
  failures: number;
  lastAdded: number;
  totalAdded: number;
}

function view(r: fq.FollowedSourceRow): FollowedSource {
  return {
    id: r.id, url: r.url, everySeconds: r.every_seconds, itemPages: r.item_pages === 1, added: r.added, nextDue: r.next_due,
    kind: r.kind === "feed" || r.kind === "page" ? r.kind : null, lastPolled: r.last_polled, lastOk: r.last_ok,
    lastStatus: r.last_status, lastError: r.last_error, failures: r.failures, lastAdded: r.last_added, totalAdded: Number(r.total_added),
  };
}

export interface FollowOptions {
  /** Seconds between polls (at least MIN_EVERY_SECONDS); default 15 minutes. */
  everySeconds?: number;
  /** Fetch each new feed item's linked page for its full text. */
  itemPages?: boolean;
  /** Accept URLs that name a private, loopback… address (else refused here, and at fetch time). */
  allowPrivate?: boolean;
  /** Private ranges accepted one by one (CIDR). */
  allowAddresses?: string[];
  now?: Date;
}

export interface FollowResult {
  /** URLs followed from now on (normalised). */
  added: string[];
  /** URLs already followed: their interval and item-pages setting were updated. */
  updated: string[];
  refused: { url: string; message: string }[];
}

/** The URL as it is stored: parsed and printed back (host lower case, default port dropped); null when unusable. */
export function normaliseUrl(url: string): string | null {
  try {
    const u = new URL(url.trim());
    u.hash = "";
    return u.href;
  } catch {
    return null;
  }
}

/** Starts following URLs (feeds or pages); new ones are due at once. */
export async function follow(store: Store, urls: string[], options: FollowOptions = {}): Promise<FollowResult> {
  const every = options.everySeconds ?? DEFAULT_EVERY_SECONDS;
  if (!(every >= MIN_EVERY_SECONDS)) throw new RangeError(`the interval must be at least ${MIN_EVERY_SECONDS} seconds`);
  const result: FollowResult = { added: [], updated: [], refused: [] };
  const ok: string[] = [];
  const policy = addressPolicy(options.allowPrivate ?? false, parseRanges(options.allowAddresses ?? []));
  for (const raw of urls) {
    const checked = checkUrl(raw.trim(), policy);
    if ("code" in checked) result.refused.push({ url: raw, message: `${raw} ${checked.message}` });
    else ok.push(normaliseUrl(checked.url.href)!);
  }
  const now = (options.now ?? new Date()).toISOString();
  result.added = await fq.addSources(store.db, ok, Math.round(every), options.itemPages ?? false, now);
  const added = new Set(result.added);
  result.updated = [...new Set(ok)].filter((u) => !added.has(u));
  return result;
}

/** Stops following URLs; returns those that were followed. */
export async function unfollow(store: Store, urls: string[]): Promise<string[]> {
  const normalised = urls.flatMap((u) => [u, normaliseUrl(u) ?? u]);
  return fq.removeSources(store.db, [...new Set(normalised)]);
}

export async function listFollowed(store: Store): Promise<FollowedSource[]> {
  return (await fq.listSources(store.db)).map(view);
}

/**
 * Starts polling in the background, the way the corpus suits: through the pg-boss job queue on
 * PostgreSQL (`location` is the connection string the queue uses), in process on SQLite. stop() ends
 * it and waits for the poll under way.
 */
export function startPolling(store: Store, location: string, options: PollerOptions = {}): { stop(): Promise<void>; done: Promise<{ polls: number; added: number }> } {
  const controller = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
  const done = store.dialect === "postgres" ? runQueuedPoller(store, location, { ...options, signal }) : runPoller(store, { ...options, signal });
  return {
    done,
    async stop() {
      controller.abort();
      await done.catch(() => {});
    },
  };
}
