// When a followed source is polled next, what a fetched body holds, and which feed items are new: the
// pure rules of following, apart from the fetching (fetch.ts) and the database (store/follow-queries.ts).
import { createHash } from "node:crypto";
import type { SourceDocument } from "../model/index.js";
import { jsonKind, sniff } from "../read/formats.js";

export const DEFAULT_EVERY_SECONDS = 15 * 60;
export const MIN_EVERY_SECONDS = 60;
/** A failing source is tried at most this far apart (else its interval doubles with each failure). */
export const MAX_BACKOFF_SECONDS = 24 * 3600;
/** A server's Retry-After is honoured up to this. */
const MAX_RETRY_AFTER_SECONDS = 7 * 24 * 3600;
/** Seen feed items no longer in the feed are forgotten after this. */
export const FORGET_ITEMS_SECONDS = 90 * 24 * 3600;

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** "15m", "1h30m", "90s", "1d" → seconds; null when it is not such a duration. */
export function parseInterval(text: string): number | null {
  const s = text.trim().toLowerCase();
  if (!/^(\d+(\.\d+)?[smhd])+$/.test(s)) return null;
  let total = 0;
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)([smhd])/g)) total += Number(m[1]) * UNITS[m[2]];
  return Math.round(total);
}

/** Seconds in the shortest plain words: 900 → "15m", 5400 → "1h30m". */
export function formatInterval(seconds: number): string {
  if (seconds <= 0) return "0s";
  let rest = Math.round(seconds);
  let out = "";
  for (const [unit, size] of [["d", 86400], ["h", 3600], ["m", 60], ["s", 1]] as const) {
    if (rest >= size) {
      out += `${Math.floor(rest / size)}${unit}`;
      rest %= size;
    }
  }
  return out;
}

/**
 * Seconds until the next poll: the source's interval after a good poll; after the n-th failure in a row
 * the interval doubled n times, at most a day (or the interval itself when longer), and never sooner than
 * the server's Retry-After.
 */
export function nextDelay(everySeconds: number, failures: number, retryAfterSeconds: number | null = null): number {
  let delay = everySeconds;
  if (failures > 0) delay = Math.min(everySeconds * 2 ** Math.min(failures, 20), Math.max(everySeconds, MAX_BACKOFF_SECONDS));
  if (retryAfterSeconds !== null) delay = Math.max(delay, Math.min(retryAfterSeconds, MAX_RETRY_AFTER_SECONDS));
  return delay;
}

export function addSeconds(at: Date, seconds: number): string {
  return new Date(at.getTime() + seconds * 1000).toISOString();
}

/** What a fetched body is, from its first bytes, then its Content-Type; a reason when storydesk cannot use it. */
export function bodyKind(bytes: Uint8Array, contentType: string | null): { kind: "feed"; json: boolean } | { kind: "page" } | { unsupported: string } {
  if (!bytes.length) return { unsupported: "the response is empty" };
  const head = bytes.subarray(0, 64 * 1024);
  const sniffed = sniff(head);
  const type = (contentType ?? "").toLowerCase();
  if (sniffed === "feed") return { kind: "feed", json: false };
  if (sniffed === "html") return { kind: "page" };
  if (sniffed === "json") {
    return jsonKind(head) === "feed" || /feed\+json/.test(type) ? { kind: "feed", json: true } : { unsupported: "the response is JSON but not a JSON Feed" };
  }
  if (typeof sniffed === "object") return { unsupported: `the response is a ${sniffed.foreign} file` };
  if (sniffed === "binary") return { unsupported: `the response is binary (${type || "no content type"})` };
  // Markup the sniffer did not place (a page starting with text, say): the server's word decides.
  if (/html/.test(type)) return { kind: "page" };
  if (/(rss|atom|xml)/.test(type)) return { kind: "feed", json: false };
  return { unsupported: `the response is neither a feed nor a web page (${type || "no content type"})` };
}

/**
 * What identifies a feed item across polls: its link, else a hash of its title and text. Content ids
 * already make re-ingesting an item a no-op; the key lets a poll skip an item (and the fetch of its page)
 * before any of that work.
 */
export function itemKey(doc: SourceDocument): string {
  if (doc.meta.url) return doc.meta.url;
  const h = createHash("sha256").update(doc.meta.title ?? "").update("\u0000").update(doc.body).digest("hex");
  return `sha256:${h.slice(0, 32)}`;
}
