// Fetching a followed source over HTTP(S), carefully: the URLs come from users and the bytes from anyone.
//
// - only http and https; each redirect hop is followed by hand and checked again (scheme, address);
// - the host is resolved once, its addresses checked (address.ts), and the connection made to a checked
//   address through undici's connect.lookup: no second lookup a DNS-rebinding server could answer
//   differently. An IP literal never reaches the lookup, so it is checked before connecting;
// - conditional requests (If-None-Match, If-Modified-Since) from the validators stored with the source;
// - one time limit over the whole fetch (all hops, headers and body), a connect time limit, and a size
//   limit counted on the bytes after Content-Encoding is undone, streamed and cut off there (a gzip bomb
//   stops at the limit too);
// - requests to one host are spaced (HostPacer), so a corpus following many feeds of one site is polite.
//
// The decisions (is this URL allowed, which headers, where does a redirect go, when to retry) are pure
// functions below; Fetcher is the I/O around them.
import { lookup as dnsLookup } from "node:dns/promises";
import type { LookupAddress } from "node:dns";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import type { Readable, Transform } from "node:stream";
import { Agent, request } from "undici";
import { addressPolicy, isIpLiteral, parseRanges } from "./address.js";

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type FetchErrorCode = "bad-url" | "refused" | "timeout" | "too-large" | "http" | "redirects" | "network";

export type FetchOutcome =
  | { kind: "ok"; url: string; status: number; bytes: Uint8Array; contentType: string | null; validators: Validators }
  | { kind: "not-modified"; url: string; status: 304; validators: Validators }
  | { kind: "error"; code: FetchErrorCode; url: string; status: number | null; message: string; retryAfterSeconds: number | null };

export interface FetchOptions {
  /** Fetch from private, loopback, link-local… addresses too (tests on 127.0.0.1, an intranet feed). */
  allowPrivate?: boolean;
  /** Private ranges allowed one by one (CIDR, e.g. "10.20.0.0/16", "127.0.0.1"), the rest staying refused. */
  allowAddresses?: string[];
  /** Milliseconds for the whole fetch: every hop, headers and body. */
  timeoutMs?: number;
  /** Milliseconds to open a connection. */
  connectTimeoutMs?: number;
  /** Bytes of body (after Content-Encoding) above which the fetch is refused as too-large. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Milliseconds between the starts of two requests to the same host. */
  hostIntervalMs?: number;
  userAgent?: string;
  /** DNS resolution, replaceable (tests give a fixed table); defaults to the system resolver. */
  resolve?: (hostname: string) => Promise<LookupAddress[]>;
}

export const FETCH_DEFAULTS = Object.freeze({
  timeoutMs: 30_000,
  connectTimeoutMs: 10_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  hostIntervalMs: 1_000,
  userAgent: "storydesk/0.1 (followed sources)",
});

const ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5";

// ---- pure decisions ----

/** Why an address may not be connected to (null: it may); see addressPolicy. */
export type AddressCheck = (address: string) => string | null;

const PUBLIC_ONLY: AddressCheck = addressPolicy(false, []);

/** Whether a URL may be fetched at all, before any connection: scheme, and an IP literal's address. */
export function checkUrl(raw: string, refused: AddressCheck = PUBLIC_ONLY): { url: URL } | { code: "bad-url" | "refused"; message: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { code: "bad-url", message: "is not a valid URL" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { code: "bad-url", message: `uses ${url.protocol.replace(/:$/, "")}:, only http and https are fetched` };
  }
  if (!url.hostname) return { code: "bad-url", message: "has no host" };
  if (isIpLiteral(url.hostname)) {
    const why = refused(url.hostname);
    if (why) return { code: "refused", message: `points at ${url.hostname}, a ${why} address (refused unless private addresses are allowed)` };
  }
  return { url };
}

/** The addresses a connection may use, or why there is none. */
export function allowedAddresses(hostname: string, addresses: LookupAddress[], refused: AddressCheck = PUBLIC_ONLY): LookupAddress[] | string {
  if (!addresses.length) return `${hostname} has no address`;
  // Only the allowed ones: a name resolving to public and private addresses is used through the public alone.
  const ok = addresses.filter((a) => !refused(a.address));
  if (ok.length) return ok;
  const first = addresses[0].address;
  return `${hostname} resolves to ${first}, a ${refused(first)} address (refused unless private addresses are allowed)`;
}

/** Request headers: what we accept, who we are, and the validators of the last fetch. */
export function requestHeaders(validators: Partial<Validators>, userAgent: string): Record<string, string> {
  const h: Record<string, string> = { accept: ACCEPT, "accept-encoding": "gzip, deflate, br", "user-agent": userAgent };
  if (validators.etag) h["if-none-match"] = validators.etag;
  if (validators.lastModified) h["if-modified-since"] = validators.lastModified;
  return h;
}

type Headers = Record<string, string | string[] | undefined>;

function header(headers: Headers, name: string): string | null {
  const v = headers[name];
  const s = Array.isArray(v) ? v[0] : v;
  // Header values go into the database and messages: bounded, printable.
  return s ? s.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 1024) : null;
}

/** Validators from a response; a 304 may omit them, when the previous ones stay valid. */
export function validatorsOf(headers: Headers, previous: Partial<Validators> = {}): Validators {
  return {
    etag: header(headers, "etag") ?? previous.etag ?? null,
    lastModified: header(headers, "last-modified") ?? previous.lastModified ?? null,
  };
}

export const REDIRECTS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** Where a redirect goes (resolved against the current URL), or null when it has no usable Location. */
export function redirectTarget(location: string | null, base: string): string | null {
  if (!location) return null;
  try {
    return new URL(location, base).href;
  } catch {
    return null;
  }
}

/** Retry-After in seconds (delta or HTTP date), or null. */
export function retryAfterSeconds(value: string | null, now: Date): number | null {
  if (!value) return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - now.getTime()) / 1000));
}

/**
 * Per-host spacing of request starts: returns how long to wait before a request to `host` may start, and
 * books that slot. A plain state map, so the rule can be tested without clocks.
 */
export function reserveSlot(slots: Map<string, number>, host: string, now: number, intervalMs: number): number {
  const at = Math.max(now, slots.get(host) ?? 0);
  slots.set(host, at + intervalMs);
  // Forget hosts whose slot has passed, so the map stays as small as the hosts in use.
  if (slots.size > 1000) for (const [h, t] of slots) if (t < now) slots.delete(h);
  return at - now;
}

// ---- I/O ----

class Refused extends Error {
  readonly code = "ESTORYDESK_REFUSED";
}

class TooLarge extends Error {}

function decoder(encoding: string | null): Transform | null {
  const e = (encoding ?? "").trim().toLowerCase();
  if (e === "gzip" || e === "x-gzip") return createGunzip();
  if (e === "deflate") return createInflate();
  if (e === "br") return createBrotliDecompress();
  return null;
}

/** The body, decoded, or TooLarge once more than maxBytes come out (reading stops there). */
async function readBody(body: Readable, encoding: string | null, maxBytes: number): Promise<Uint8Array> {
  const decode = decoder(encoding);
  const source: AsyncIterable<Buffer> = decode ? body.pipe(decode) : body;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of source) {
      size += chunk.length;
      if (size > maxBytes) throw new TooLarge();
      chunks.push(chunk);
    }
  } finally {
    body.destroy();
    decode?.destroy();
  }
  return Buffer.concat(chunks, size);
}

/** Walks an error and its causes for a refusal, a timeout, or a plain reason. */
function describe(err: unknown): { code: FetchErrorCode; message: string } {
  for (let e = err as (Error & { code?: string; cause?: unknown }) | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (e instanceof Refused || e.code === "ESTORYDESK_REFUSED") return { code: "refused", message: e.message };
    if (e instanceof TooLarge) return { code: "too-large", message: e.message };
    if (e.name === "TimeoutError" || e.name === "AbortError" || /TIMEOUT/.test(e.code ?? "")) return { code: "timeout", message: "" };
    if (e.code === "ENOTFOUND" || e.code === "EAI_AGAIN") return { code: "network", message: "the host name does not resolve" };
    if (e.code === "ECONNREFUSED") return { code: "network", message: "the connection was refused" };
    if (e.code === "ECONNRESET" || e.code === "UND_ERR_SOCKET") return { code: "network", message: "the connection was closed" };
  }
  const e = err as Error;
  return { code: "network", message: (e?.message ?? String(err)).slice(0, 200) };
}

/** A fetcher with its own connection pool, DNS guard and host pacing. Close it when done. */
export class Fetcher {
  private readonly agent: Agent;
  private readonly slots = new Map<string, number>();
  private readonly refused: AddressCheck;
  readonly options: Required<Omit<FetchOptions, "resolve">> & Pick<FetchOptions, "resolve">;

  constructor(options: FetchOptions = {}) {
    this.options = { ...FETCH_DEFAULTS, allowPrivate: false, allowAddresses: [], ...options };
    const { resolve } = this.options;
    const refused = (this.refused = addressPolicy(this.options.allowPrivate, parseRanges(this.options.allowAddresses)));
    const resolver = resolve ?? ((host: string) => dnsLookup(host, { all: true, verbatim: true }));
    // net.connect calls this for a host name (never for an IP literal): the addresses it gets are the ones
    // checked, so what is connected to is what was allowed.
    const lookup = (hostname: string, opts: { family?: number; all?: boolean }, callback: (...args: unknown[]) => void) => {
      resolver(hostname).then(
        (found) => {
          const family = opts.family === 4 || opts.family === 6 ? opts.family : 0;
          if (!found.length) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }));
          const ok = allowedAddresses(hostname, family ? found.filter((a) => a.family === family) : found, refused);
          if (typeof ok === "string") return callback(new Refused(ok));
          if (opts.all) callback(null, ok);
          else callback(null, ok[0].address, ok[0].family);
        },
        (err) => callback(err),
      );
    };
    this.agent = new Agent({
      connect: { lookup: lookup as never, timeout: this.options.connectTimeoutMs },
      headersTimeout: this.options.timeoutMs,
      bodyTimeout: this.options.timeoutMs,
      connections: 4,
    });
  }

  private async pace(host: string): Promise<void> {
    const wait = reserveSlot(this.slots, host, Date.now(), this.options.hostIntervalMs);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }

  /** Fetches `url`, following redirects; never throws. */
  async fetch(url: string, validators: Partial<Validators> = {}, signal?: AbortSignal): Promise<FetchOutcome> {
    const { maxRedirects, maxBytes, timeoutMs, userAgent } = this.options;
    // The time limit starts once the first request may go out: waiting for the host's turn is not the server's fault.
    const first = checkUrl(url, this.refused);
    if (!("code" in first)) await this.pace(first.url.host);
    const deadline = AbortSignal.timeout(timeoutMs);
    const abort = signal ? AbortSignal.any([deadline, signal]) : deadline;
    let current = url;
    const fail = (code: FetchErrorCode, message: string, status: number | null = null, retry: number | null = null): FetchOutcome =>
      ({ kind: "error", code, url: current, status, message, retryAfterSeconds: retry });
    for (let hop = 0; ; hop++) {
      const checked = checkUrl(current, this.refused);
      if ("code" in checked) return fail(checked.code, hop ? `redirected to ${current}, which ${checked.message}` : `${current} ${checked.message}`);
      try {
        if (hop > 0) await this.pace(checked.url.host);
        if (abort.aborted) throw abort.reason;
        const res = await request(checked.url, {
          dispatcher: this.agent,
          method: "GET",
          headers: requestHeaders(validators, userAgent),
          signal: abort,
        });
        const headers = res.headers as Headers;
        if (REDIRECTS.has(res.statusCode)) {
          await res.body.dump({ limit: 64 * 1024 }).catch(() => {});
          const next = redirectTarget(header(headers, "location"), current);
          if (!next) return fail("http", `HTTP ${res.statusCode} without a usable Location`, res.statusCode);
          if (hop >= maxRedirects) return fail("redirects", `more than ${maxRedirects} redirects`, res.statusCode);
          current = next;
          continue;
        }
        if (res.statusCode === 304) {
          await res.body.dump().catch(() => {});
          return { kind: "not-modified", url: current, status: 304, validators: validatorsOf(headers, validators) };
        }
        if (res.statusCode < 200 || res.statusCode > 299) {
          await res.body.dump({ limit: 64 * 1024 }).catch(() => {});
          return fail("http", `HTTP ${res.statusCode}`, res.statusCode, retryAfterSeconds(header(headers, "retry-after"), new Date()));
        }
        // A declared length over the limit is refused before reading anything.
        const declared = Number(header(headers, "content-length"));
        if (!header(headers, "content-encoding") && declared > maxBytes) {
          res.body.destroy();
          return fail("too-large", `the response is ${declared} bytes, over the ${maxBytes}-byte limit`, res.statusCode);
        }
        let bytes: Uint8Array;
        try {
          bytes = await readBody(res.body, header(headers, "content-encoding"), maxBytes);
        } catch (err) {
          if (err instanceof TooLarge) return fail("too-large", `the response is over the ${maxBytes}-byte limit; reading stopped there`, res.statusCode);
          throw err;
        }
        return { kind: "ok", url: current, status: res.statusCode, bytes, contentType: header(headers, "content-type"), validators: validatorsOf(headers) };
      } catch (err) {
        const d = describe(err);
        if (d.code === "timeout") return fail("timeout", `no complete answer within ${timeoutMs / 1000} s`);
        return fail(d.code, d.message);
      }
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}
