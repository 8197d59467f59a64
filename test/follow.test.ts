// Followed sources: feeds and pages served by a local test server (node:http on 127.0.0.1) are fetched
// with conditional requests, size and time limits, per-host spacing and checked redirects; private
// addresses are refused unless allowed; new feed items are ingested once. SQLite always, PostgreSQL (through
// the pg-boss job queue) when STORYDESK_TEST_PG is set.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { gzipSync } from "node:zlib";
import { spawn } from "node:child_process";
import { join } from "node:path";
import type { LookupAddress } from "node:dns";
import { Fetcher, type FetchOptions } from "../src/follow/fetch.js";
import { checkUrl, reserveSlot, redirectTarget, retryAfterSeconds } from "../src/follow/fetch.js";
import { addressPolicy, parseRanges, refusedAddress } from "../src/follow/address.js";
import { bodyKind, formatInterval, nextDelay, parseInterval } from "../src/follow/schedule.js";
import { follow, listFollowed, pollDue, runQueuedPoller, startPolling, unfollow, type PollOptions } from "../src/follow/index.js";
import type { Store } from "../src/store/index.js";
import { ROOT } from "./helpers.js";
import { TARGETS, TMP, withStore } from "./store-targets.js";

// ---- the test server ----

interface Hit {
  path: string;
  host: string;
  at: number;
  headers: http.IncomingHttpHeaders;
}

type Route = (req: http.IncomingMessage, res: http.ServerResponse) => void;

const routes = new Map<string, Route>();
const hits: Hit[] = [];
let server: http.Server;
let port = 0;
let base = "";

function hitsOf(path: string): Hit[] {
  return hits.filter((h) => h.path === path);
}

/** Test host names, resolved by the fetcher's resolver option (never by the system's DNS). */
const NAMES: Record<string, string[]> = {
  "feeds.test": ["127.0.0.1"],
  "mixed.test": ["10.0.0.7", "127.0.0.1"],
  "intranet.test": ["10.0.0.7"],
  "mapped.test": ["::ffff:127.0.0.1"],
};

async function resolve(host: string): Promise<LookupAddress[]> {
  const list = NAMES[host];
  if (!list) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
  return list.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
}

/** The test server is on 127.0.0.1, allowed alone: every other private address stays refused. */
const LOCAL: FetchOptions = { allowAddresses: ["127.0.0.1"], resolve, hostIntervalMs: 0, timeoutMs: 5_000 };

before(async () => {
  server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    hits.push({ path, host: req.headers.host ?? "", at: performance.now(), headers: req.headers });
    const route = routes.get(path);
    if (!route) {
      res.statusCode = 404;
      res.end("not here");
      return;
    }
    route(req, res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as { port: number }).port;
  base = `http://127.0.0.1:${port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

// ---- fixtures ----

const TOPICS = [
  ["Harbour cranes stop as dockers strike in Valmara", "Dockers at the port of Valmara walked out on Monday over pay, halting the cranes of all three terminals. The union said the strike would last until the port authority raised its offer. Shipping lines diverted four container ships to neighbouring ports."],
  ["River commission opens its first session in New Delhi", "The commission created by the Geneva river accord met for the first time on Thursday in New Delhi. Delegates agreed on a schedule for sharing flood data from upstream gauges. The first stations will report by the end of the monsoon season."],
  ["City council approves new tram line to the airport", "The city council voted on Tuesday to build a tram line from the central station to the airport. Construction is expected to start next spring and take three years. Opponents said the money would be better spent on buses."],
  ["Heatwave closes schools across the southern provinces", "Schools in five southern provinces closed on Wednesday as temperatures passed forty degrees. Health officials urged older residents to stay indoors during the afternoon. Power companies warned of outages as demand for cooling rose."],
];

function rss(items: number[], opts: { link?: (n: number) => string; full?: boolean } = {}): string {
  const link = opts.link ?? ((n: number) => `${base}/articles/${n}.html`);
  const entries = items.map((n) => {
    const [title, text] = TOPICS[n];
    const body = opts.full === false ? `<p>${text.split(". ")[0]}.</p>` : `<p>${text}</p>`;
    return `<item><title>${title}</title><link>${link(n)}</link><guid>${link(n)}</guid>
      <pubDate>Mon, 0${n + 1} Jul 2024 10:00:00 GMT</pubDate><description><![CDATA[${body}]]></description></item>`;
  });
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title><link>${base}/</link>${entries.join("")}</channel></rss>`;
}

function page(n: number): string {
  const [title, text] = TOPICS[n];
  const more = "Officials said more details would follow later in the week. Residents were told to follow the announcements of the local authorities.";
  return `<!doctype html><html><head><title>${title}</title><meta property="og:site_name" content="Test Pages"></head>
    <body><nav><a href="/">Home</a></nav><article><h1>${title}</h1><p>${text}</p><p>${more}</p></article></body></html>`;
}

/** A feed route with an ETag (and Last-Modified) that answers 304 to a matching conditional request. */
function feedRoute(path: string, items: () => number[], opts: { etag?: boolean; full?: boolean } = {}): void {
  routes.set(path, (req, res) => {
    const body = rss(items(), { full: opts.full });
    const tag = `"${items().join("-")}"`;
    const modified = new Date(Date.UTC(2024, 6, 1 + items().length)).toUTCString();
    if (opts.etag !== false) res.setHeader("etag", tag);
    res.setHeader("last-modified", modified);
    const fresh = opts.etag !== false ? req.headers["if-none-match"] === tag : req.headers["if-modified-since"] === modified;
    if (fresh) {
      res.statusCode = 304;
      res.end();
      return;
    }
    res.setHeader("content-type", "application/rss+xml; charset=utf-8");
    res.end(body);
  });
}

for (let n = 0; n < TOPICS.length; n++) {
  routes.set(`/articles/${n}.html`, (_req, res) => {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(page(n));
  });
}

async function articleCount(store: Store): Promise<number> {
  const r = await store.db.selectFrom("articles").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A clock the test moves: polls are due by it, not by the wall clock. */
function clock(start = Date.UTC(2026, 0, 1)) {
  let t = start;
  return { now: () => new Date(t), advance: (seconds: number) => (t += seconds * 1000) };
}

// ---- pure rules ----

test("addresses: only public unicast is allowed; private, loopback, link-local, unique-local, multicast, unspecified and mapped private are refused", () => {
  for (const a of ["8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8"]) assert.equal(refusedAddress(a), null, a);
  const refused: Record<string, RegExp> = {
    "10.1.2.3": /private/, "172.16.0.1": /private/, "192.168.1.1": /private/, "127.0.0.1": /loopback/, "::1": /loopback/,
    "169.254.169.254": /link-local/, "fe80::1": /link-local/, "fd12:3456::1": /unique-local/, "224.0.0.1": /multicast/,
    "ff02::1": /multicast/, "0.0.0.0": /unspecified/, "::": /unspecified/, "::ffff:10.0.0.1": /IPv4-mapped private/,
    "::ffff:127.0.0.1": /IPv4-mapped loopback/, "100.64.0.1": /carrier-grade/, "64:ff9b::a00:1": /special-purpose/,
  };
  for (const [a, why] of Object.entries(refused)) assert.match(refusedAddress(a) ?? "allowed", why, a);
  const policy = addressPolicy(false, parseRanges(["127.0.0.1", "10.20.0.0/16"]));
  assert.equal(policy("127.0.0.1"), null);
  assert.equal(policy("::ffff:127.0.0.1"), null, "a mapped address is its IPv4 address");
  assert.equal(policy("10.20.3.4"), null);
  assert.match(policy("127.0.0.2") ?? "", /loopback/);
  assert.match(policy("10.21.0.1") ?? "", /private/);
  assert.throws(() => parseRanges(["10.0.0.0/99"]), /not an IP address or CIDR range/);
});

test("URLs: only http and https; IP literals are checked before any connection, in every spelling", () => {
  assert.ok("url" in checkUrl("https://news.example/feed.rss"));
  assert.match(JSON.stringify(checkUrl("file:///etc/passwd")), /only http and https/);
  assert.match(JSON.stringify(checkUrl("ftp://news.example/")), /only http and https/);
  assert.match(JSON.stringify(checkUrl("not a url")), /not a valid URL/);
  for (const u of ["http://127.0.0.1/", "http://2130706433/", "http://0x7f.1/", "http://[::1]:8080/", "http://[::ffff:7f00:1]/", "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0/"]) {
    const r = checkUrl(u);
    assert.ok("code" in r && r.code === "refused", `${u} should be refused: ${JSON.stringify(r)}`);
  }
  assert.ok("url" in checkUrl("http://127.0.0.1/", addressPolicy(true, [])));
  assert.equal(redirectTarget("/next", "http://a.example/x/y"), "http://a.example/next");
  assert.equal(redirectTarget(null, "http://a.example/"), null);
  assert.equal(retryAfterSeconds("120", new Date()), 120);
  assert.equal(retryAfterSeconds(new Date(Date.UTC(2026, 0, 1, 0, 1)).toUTCString(), new Date(Date.UTC(2026, 0, 1))), 60);
});

test("schedule: intervals parse, failures back off doubling up to a day, Retry-After is honoured", () => {
  assert.equal(parseInterval("15m"), 900);
  assert.equal(parseInterval("1h30m"), 5400);
  assert.equal(parseInterval("2d"), 172800);
  assert.equal(parseInterval("15"), null);
  assert.equal(parseInterval("-5m"), null);
  assert.equal(formatInterval(5400), "1h30m");
  assert.equal(nextDelay(900, 0), 900);
  assert.equal(nextDelay(900, 1), 1800);
  assert.equal(nextDelay(900, 3), 7200);
  assert.equal(nextDelay(900, 30), 86400);
  assert.equal(nextDelay(3 * 86400, 2), 3 * 86400, "an interval longer than a day is not stretched");
  assert.equal(nextDelay(900, 1, 7200), 7200);
});

test("per-host spacing: requests to one host are booked an interval apart, other hosts are not held up", () => {
  const slots = new Map<string, number>();
  assert.equal(reserveSlot(slots, "a.example", 1000, 500), 0);
  assert.equal(reserveSlot(slots, "a.example", 1000, 500), 500);
  assert.equal(reserveSlot(slots, "a.example", 1100, 500), 900);
  assert.equal(reserveSlot(slots, "b.example", 1100, 500), 0);
  assert.equal(reserveSlot(slots, "a.example", 5000, 500), 0);
});

test("bodies: feeds, JSON Feeds and pages are told apart by their bytes, then by Content-Type", () => {
  const b = (s: string) => Buffer.from(s);
  assert.deepEqual(bodyKind(b(rss([0])), null), { kind: "feed", json: false });
  assert.deepEqual(bodyKind(b('{"version":"https://jsonfeed.org/version/1.1","items":[]}'), "application/json"), { kind: "feed", json: true });
  assert.deepEqual(bodyKind(b(page(0)), "text/plain"), { kind: "page" });
  assert.match(JSON.stringify(bodyKind(b("%PDF-1.4 ..."), "application/pdf")), /PDF/);
  assert.match(JSON.stringify(bodyKind(b("just words"), "text/plain")), /neither a feed nor a web page/);
  assert.match(JSON.stringify(bodyKind(b(""), null)), /empty/);
});

// ---- the fetcher against the local server ----

test("fetch: an ETag gives a 304 on the next conditional request, and so does Last-Modified alone", async () => {
  feedRoute("/etag.rss", () => [0, 1]);
  feedRoute("/lm.rss", () => [0, 1], { etag: false });
  const f = new Fetcher(LOCAL);
  try {
    const first = await f.fetch(`${base}/etag.rss`);
    assert.equal(first.kind, "ok");
    assert.equal(first.kind === "ok" && first.validators.etag, '"0-1"');
    const second = await f.fetch(`${base}/etag.rss`, first.kind === "ok" ? first.validators : {});
    assert.equal(second.kind, "not-modified");
    assert.equal(hitsOf("/etag.rss").at(-1)!.headers["if-none-match"], '"0-1"');

    const lm = await f.fetch(`${base}/lm.rss`);
    assert.ok(lm.kind === "ok" && lm.validators.lastModified && !lm.validators.etag);
    const again = await f.fetch(`${base}/lm.rss`, lm.kind === "ok" ? lm.validators : {});
    assert.equal(again.kind, "not-modified");
    assert.equal(hitsOf("/lm.rss").at(-1)!.headers["if-modified-since"], lm.kind === "ok" ? lm.validators.lastModified : "");
  } finally {
    await f.close();
  }
});

test("fetch: private addresses are refused without the allow option, before any request is made", async () => {
  routes.set("/private.rss", (_req, res) => res.end(rss([0])));
  const f = new Fetcher({ resolve, hostIntervalMs: 0 });
  const system = new Fetcher({ hostIntervalMs: 0 });
  try {
    for (const [fetcher, url] of [[f, `${base}/private.rss`], [f, `http://feeds.test:${port}/private.rss`], [f, `http://mapped.test:${port}/private.rss`], [system, `http://localhost:${port}/private.rss`]] as const) {
      const r = await fetcher.fetch(url);
      assert.equal(r.kind, "error", url);
      assert.equal(r.kind === "error" && r.code, "refused", `${url}: ${JSON.stringify(r)}`);
      assert.match(r.kind === "error" ? r.message : "", /loopback/);
    }
    assert.equal(hitsOf("/private.rss").length, 0, "nothing reached the server");
  } finally {
    await f.close();
    await system.close();
  }
  // Allowed, the same server is fetched, also through a test name the system's DNS does not know: the
  // connection goes to the address that was checked.
  const open = new Fetcher({ allowPrivate: true, resolve, hostIntervalMs: 0 });
  try {
    assert.equal((await open.fetch(`${base}/private.rss`)).kind, "ok");
    assert.equal((await open.fetch(`http://feeds.test:${port}/private.rss`)).kind, "ok");
    assert.equal(hitsOf("/private.rss").at(-1)!.host, `feeds.test:${port}`);
  } finally {
    await open.close();
  }
});

test("fetch: a name resolving to an allowed and a refused address is connected through the allowed one only", async () => {
  routes.set("/mixed.rss", (_req, res) => res.end(rss([0])));
  const f = new Fetcher(LOCAL);
  try {
    assert.equal((await f.fetch(`http://mixed.test:${port}/mixed.rss`)).kind, "ok");
    const r = await f.fetch(`http://intranet.test:${port}/mixed.rss`);
    assert.ok(r.kind === "error" && r.code === "refused" && /10\.0\.0\.7, a private address/.test(r.message), JSON.stringify(r));
  } finally {
    await f.close();
  }
});

test("fetch: redirects are followed and each hop is checked again; one to a private address is refused", async () => {
  routes.set("/moved.rss", (_req, res) => res.writeHead(301, { location: "/etag.rss" }).end());
  routes.set("/to-metadata", (_req, res) => res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end());
  routes.set("/to-loopback", (_req, res) => res.writeHead(307, { location: `http://127.0.0.2:${port}/etag.rss` }).end());
  routes.set("/to-intranet", (_req, res) => res.writeHead(302, { location: `http://intranet.test:${port}/etag.rss` }).end());
  routes.set("/to-file", (_req, res) => res.writeHead(302, { location: "file:///etc/passwd" }).end());
  routes.set("/loop", (_req, res) => res.writeHead(302, { location: "/loop" }).end());
  const f = new Fetcher(LOCAL);
  try {
    const moved = await f.fetch(`${base}/moved.rss`);
    assert.ok(moved.kind === "ok" && moved.url === `${base}/etag.rss`, JSON.stringify(moved));
    for (const [path, why] of [["/to-metadata", /169\.254\.169\.254, a link-local/], ["/to-loopback", /127\.0\.0\.2, a loopback/], ["/to-intranet", /10\.0\.0\.7, a private/]] as const) {
      const before = hits.length;
      const r = await f.fetch(`${base}${path}`);
      assert.ok(r.kind === "error" && r.code === "refused", `${path}: ${JSON.stringify(r)}`);
      assert.match(r.kind === "error" ? r.message : "", why);
      assert.equal(hits.length, before + 1, "only the redirecting request reached a server");
    }
    const file = await f.fetch(`${base}/to-file`);
    assert.ok(file.kind === "error" && file.code === "bad-url" && /only http and https/.test(file.message));
    const loop = await f.fetch(`${base}/loop`);
    assert.ok(loop.kind === "error" && loop.code === "redirects");
    assert.equal(hitsOf("/loop").length, 6, "the first request and 5 redirects");
  } finally {
    await f.close();
  }
});

test("fetch: bodies over the size limit are cut off, declared, streamed or gzip-inflated", async () => {
  const big = Buffer.alloc(300_000, "a");
  routes.set("/declared", (_req, res) => res.writeHead(200, { "content-length": big.length }).end(big));
  routes.set("/streamed", (_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    let sent = 0;
    const more = () => {
      // Never ends by itself: the reader must stop.
      while (sent < 50_000_000 && res.write(Buffer.alloc(16_384, "b"))) sent += 16_384;
      if (sent < 50_000_000) res.once("drain", more);
    };
    res.on("close", () => (sent = Infinity));
    more();
  });
  const bomb = gzipSync(Buffer.alloc(20_000_000, "c"));
  routes.set("/bomb", (_req, res) => res.writeHead(200, { "content-encoding": "gzip", "content-length": bomb.length }).end(bomb));
  const small = gzipSync(Buffer.from(rss([0])));
  routes.set("/gzip.rss", (_req, res) => res.writeHead(200, { "content-encoding": "gzip" }).end(small));
  const f = new Fetcher({ ...LOCAL, maxBytes: 100_000 });
  try {
    for (const path of ["/declared", "/streamed", "/bomb"]) {
      const started = performance.now();
      const r = await f.fetch(`${base}${path}`);
      assert.ok(r.kind === "error" && r.code === "too-large", `${path}: ${JSON.stringify(r)}`);
      assert.ok(performance.now() - started < 3000, `${path} stopped early`);
    }
    const ok = await f.fetch(`${base}/gzip.rss`);
    assert.ok(ok.kind === "ok" && Buffer.from(ok.bytes).toString().startsWith("<?xml"), "a gzip body is inflated");
  } finally {
    await f.close();
  }
});

test("fetch: a server that stalls, before its headers or in its body, times out", async () => {
  routes.set("/stall-headers", () => {});
  routes.set("/stall-body", (_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.write("<html><body><p>The first words, then nothing");
  });
  const f = new Fetcher({ ...LOCAL, timeoutMs: 400 });
  try {
    for (const path of ["/stall-headers", "/stall-body"]) {
      const started = performance.now();
      const r = await f.fetch(`${base}${path}`);
      const took = performance.now() - started;
      assert.ok(r.kind === "error" && r.code === "timeout", `${path}: ${JSON.stringify(r)}`);
      assert.ok(took >= 350 && took < 3000, `${path} took ${took} ms`);
    }
  } finally {
    await f.close();
  }
});

test("fetch: requests to one host are spaced by the host interval, another host is not held up", async () => {
  routes.set("/paced", (_req, res) => res.end("ok"));
  const f = new Fetcher({ ...LOCAL, hostIntervalMs: 300 });
  try {
    // A first request opens the connection, so the spacing measured below is not connection set-up.
    await f.fetch(`${base}/paced`);
    await new Promise((r) => setTimeout(r, 300));
    const from = hits.length;
    await Promise.all([f.fetch(`${base}/paced`), f.fetch(`${base}/paced`), f.fetch(`${base}/paced`), f.fetch(`http://feeds.test:${port}/paced`)]);
    const mine = hits.slice(from);
    const local = mine.filter((h) => h.host === `127.0.0.1:${port}`).map((h) => h.at).sort((a, b) => a - b);
    const other = mine.find((h) => h.host === `feeds.test:${port}`)!;
    assert.equal(local.length, 3);
    // Arrival times jitter on a busy machine: each gap near the interval, the whole run at least two of them.
    assert.ok(local[1] - local[0] >= 200 && local[2] - local[1] >= 200 && local[2] - local[0] >= 500, `gaps ${local[1] - local[0]}, ${local[2] - local[1]}`);
    assert.ok(other.at - local[0] < 250, "the other host went at once");
  } finally {
    await f.close();
  }
});

// ---- following and polling ----

const POLL: PollOptions = { ...LOCAL };

test("follow: URLs are validated and normalised; private ones are refused unless allowed; list and remove", async () => {
  await withStore(await TARGETS[0].fresh(), async (store) => {
    const r = await follow(store, ["HTTPS://News.Example/feed.rss#top", "ftp://news.example/", `${base}/etag.rss`, "http://[::1]/x"]);
    assert.deepEqual(r.added, ["https://news.example/feed.rss"]);
    assert.equal(r.refused.length, 3);
    assert.match(r.refused.map((x) => x.message).join("\n"), /only http and https[\s\S]*loopback[\s\S]*loopback/);
    const allowed = await follow(store, [`${base}/etag.rss`], { allowAddresses: ["127.0.0.1"], everySeconds: 3600 });
    assert.deepEqual(allowed.added, [`${base}/etag.rss`]);
    const again = await follow(store, ["https://news.example/feed.rss"], { everySeconds: 7200, itemPages: true });
    assert.deepEqual(again.updated, ["https://news.example/feed.rss"]);
    const list = await listFollowed(store);
    assert.deepEqual(list.map((s) => [s.url, s.everySeconds, s.itemPages]), [["https://news.example/feed.rss", 7200, true], [`${base}/etag.rss`, 3600, false]]);
    assert.deepEqual(await unfollow(store, ["https://NEWS.example/feed.rss"]), ["https://news.example/feed.rss"]);
    assert.equal((await listFollowed(store)).length, 1);
    await assert.rejects(follow(store, ["https://news.example/"], { everySeconds: 5 }), /at least 60 seconds/);
  });
});

for (const target of TARGETS) {
  // On PostgreSQL the polls go through the pg-boss job queue, as storydesk poll runs them there.
  const poll = async (store: Store, location: string, options: PollOptions) =>
    target.name === "postgres"
      ? runQueuedPoller(store, location, { ...options, once: true, tickMs: 50 }).then(() => listFollowed(store))
      : pollDue(store, options).then(() => listFollowed(store));

  test(`${target.name}: a new item appearing in a feed between polls is ingested once; unchanged feeds are 304s`, { timeout: 120_000 }, async () => {
    const path = `/wire-${target.name}.rss`;
    let items = [0, 1];
    feedRoute(path, () => items);
    const location = await target.fresh();
    const time = clock();
    await withStore(location, async (store) => {
      await follow(store, [`${base}${path}`], { allowAddresses: ["127.0.0.1"], everySeconds: 600, now: time.now() });
      const opts = { ...POLL, now: time.now };
      let [s] = await poll(store, location, opts);
      assert.equal(s.lastStatus, 200);
      assert.equal(s.lastAdded, 2);
      assert.equal(await articleCount(store), 2);

      // Not due yet: no request at all.
      const before = hitsOf(path).length;
      await poll(store, location, opts);
      assert.equal(hitsOf(path).length, before);

      time.advance(600);
      [s] = await poll(store, location, opts);
      assert.equal(s.lastStatus, 304, "the unchanged feed answers 304 to the conditional request");
      assert.equal(s.lastAdded, 0);

      items = [2, 0, 1];
      time.advance(600);
      [s] = await poll(store, location, opts);
      assert.equal(s.lastStatus, 200);
      assert.equal(s.lastAdded, 1, "only the new item");
      assert.equal(s.totalAdded, 3);
      assert.equal(await articleCount(store), 3);
      const seen = await store.db.selectFrom("followed_items").select("key").execute();
      assert.equal(seen.length, 3);

      // The feed changes again without new items (its ETag changes): nothing is added twice.
      items = [2, 1];
      time.advance(600);
      [s] = await poll(store, location, opts);
      assert.equal(s.lastStatus, 200);
      assert.equal(s.lastAdded, 0);
      assert.equal(await articleCount(store), 3);
      const titles = (await store.db.selectFrom("articles").select("title").orderBy("seq").execute()).map((r) => r.title);
      assert.deepEqual(titles, [TOPICS[0][0], TOPICS[1][0], TOPICS[2][0]]);
    });
  });

  test(`${target.name}: a failing source records its status and error and backs off; it recovers`, { timeout: 120_000 }, async () => {
    const path = `/flaky-${target.name}.rss`;
    let broken = true;
    routes.set(path, (_req, res) => {
      if (broken) res.writeHead(503, { "retry-after": "60" }).end("down \u001b[31mfor\u001b[0m maintenance");
      else res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss([3]));
    });
    const location = await target.fresh();
    const time = clock();
    await withStore(location, async (store) => {
      await follow(store, [`${base}${path}`], { allowAddresses: ["127.0.0.1"], everySeconds: 600, now: time.now() });
      const opts = { ...POLL, now: time.now };
      let [s] = await poll(store, location, opts);
      assert.equal(s.lastStatus, 503);
      assert.equal(s.failures, 1);
      assert.match(s.lastError ?? "", /HTTP 503/);
      assert.equal(Date.parse(s.nextDue) - time.now().getTime(), 1200_000, "one failure doubles the interval");
      time.advance(1200);
      [s] = await poll(store, location, opts);
      assert.equal(s.failures, 2);
      assert.equal(Date.parse(s.nextDue) - time.now().getTime(), 2400_000);
      broken = false;
      time.advance(2400);
      [s] = await poll(store, location, opts);
      assert.equal(s.failures, 0);
      assert.equal(s.lastError, null);
      assert.equal(s.lastAdded, 1);
      assert.equal(Date.parse(s.nextDue) - time.now().getTime(), 600_000);
    });
  });
}

test("sqlite: with item pages, each new item's page is fetched once and its full text stored", async () => {
  let items = [0];
  // Item 3 links to a page that is gone: its feed text is used, and the missing page is reported.
  const link = (n: number) => (n === 3 ? `${base}/gone/3.html` : `${base}/articles/${n}.html`);
  routes.set("/summaries.rss", (_req, res) => res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss(items, { full: false, link })));
  const time = clock();
  await withStore(await TARGETS[0].fresh(), async (store) => {
    await follow(store, [`${base}/summaries.rss`], { allowAddresses: ["127.0.0.1"], everySeconds: 600, itemPages: true, now: time.now() });
    const opts = { ...POLL, now: time.now };
    await pollDue(store, opts);
    items = [1, 3, 0];
    time.advance(600);
    const [second] = await pollDue(store, opts);
    assert.equal(second.added, 2);
    assert.equal(second.itemErrors.length, 1);
    assert.match(second.itemErrors[0].message, /gone\/3\.html: the item's page could not be fetched \(HTTP 404\); the feed's text was used/);
    time.advance(600);
    await pollDue(store, opts);
    assert.equal(hitsOf("/summaries.rss").length, 3);
    assert.equal(hitsOf("/gone/3.html").length, 1);
    assert.equal(hitsOf("/articles/0.html").length, 1, "an item's page is fetched once, not at every poll");
    assert.equal(hitsOf("/articles/1.html").length, 1);
    const texts = (await store.db.selectFrom("articles").select(["text", "path"]).orderBy("seq").execute());
    assert.equal(texts.length, 3);
    assert.equal(texts[2].path, `${base}/summaries.rss#2`, "the item whose page is gone, from the feed");
    assert.match(texts[0].text, /port authority raised its offer[\s\S]*details would follow/, "the page's full text, not the summary");
    assert.equal(texts[0].path, `${base}/articles/0.html`);
  });
});

test("sqlite: a followed page is ingested, then skipped while unchanged; a page that is no article is an error", async () => {
  routes.set("/story.html", (req, res) => {
    const modified = "Mon, 01 Jul 2024 10:00:00 GMT";
    if (req.headers["if-modified-since"] === modified) return res.writeHead(304).end();
    res.writeHead(200, { "content-type": "text/html", "last-modified": modified }).end(page(2));
  });
  routes.set("/blank.html", (_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<html><body><nav>Home</nav></body></html>"));
  const time = clock();
  await withStore(await TARGETS[0].fresh(), async (store) => {
    await follow(store, [`${base}/story.html`, `${base}/blank.html`], { allowAddresses: ["127.0.0.1"], everySeconds: 600, now: time.now() });
    const opts = { ...POLL, now: time.now };
    const first = await pollDue(store, opts);
    const byUrl = new Map(first.map((r) => [r.url, r]));
    assert.equal(byUrl.get(`${base}/story.html`)!.added, 1);
    assert.equal(byUrl.get(`${base}/story.html`)!.kind, "page");
    assert.equal(byUrl.get(`${base}/blank.html`)!.outcome, "error");
    assert.match(byUrl.get(`${base}/blank.html`)!.error ?? "", /no article paragraphs/);
    time.advance(600);
    const second = await pollDue(store, opts);
    assert.equal(second.find((r) => r.url.endsWith("/story.html"))!.outcome, "not-modified");
    assert.equal(await articleCount(store), 1);
  });
});

// ---- the commands ----

/** Runs `storydesk follow|poll` through the CLI's own command code (src/cli/follow.ts), in a child process. */
function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const script = `
    import { Command } from "commander";
    import { addFollowCommands } from ${JSON.stringify(join(ROOT, "src/cli/follow.ts"))};
    const result = { exitCode: 0 };
    const program = new Command().name("storydesk").exitOverride();
    addFollowCommands(program, result);
    await program.parseAsync(${JSON.stringify(args)}, { from: "user" });
    process.exitCode = result.exitCode;`;
  // Asynchronous: the test server answering it runs in this process.
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

test("storydesk follow and poll: refuse a loopback URL without --allow-private, then follow, poll, list and remove", async () => {
  feedRoute("/cli.rss", () => [0, 3]);
  routes.set("/cli-bad.rss", (_req, res) => res.writeHead(500).end("\u001b]0;evil title\u0007oops"));
  const db = join(TMP, "follow-cli.db");
  const refused = await cli(["follow", `${base}/cli.rss`, "--db", db]);
  assert.equal(refused.code, 1, refused.stderr);
  assert.match(refused.stderr, /refused: .*loopback address/);
  const ok = await cli(["follow", `${base}/cli.rss`, `${base}/cli-bad.rss`, "--db", db, "--every", "30m", "--allow-private"]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stderr, /following http:\/\/127\.0\.0\.1:\d+\/cli\.rss/);
  const badEvery = await cli(["follow", `${base}/cli.rss`, "--db", db, "--every", "10s"]);
  assert.notEqual(badEvery.code, 0);

  const noAllow = await cli(["poll", "--db", db, "--once"]);
  assert.equal(noAllow.code, 1);
  assert.match(noAllow.stderr, /cli\.rss: failed: .*loopback/);

  // Polled again at once: the failure is not due before its backoff, so make the sources due.
  await withStore(db, (store) => store.db.updateTable("followed_sources").set({ next_due: "2000-01-01T00:00:00.000Z" }).execute());
  const badNetwork = await cli(["poll", "--db", db, "--once", "--allow-network", "127.0.0.0/33"]);
  assert.match(badNetwork.stderr, /127\.0\.0\.0\/33 is not an IP address or CIDR range/);
  const polled = await cli(["poll", "--db", db, "--once", "--allow-network", "127.0.0.1/32", "--host-interval", "0s"]);
  assert.equal(polled.code, 1, "one source failed");
  assert.match(polled.stderr, /cli\.rss: 2 new articles \(feed: 2 items, 0 seen before\)/);
  assert.match(polled.stderr, /cli-bad\.rss: failed: HTTP 500/);

  const list = await cli(["follow", "--list", "--db", db]);
  assert.equal(list.code, 0, list.stderr);
  assert.match(list.stdout, /cli\.rss\n {4}every 30m; ok \(status 200, feed\)/);
  assert.match(list.stdout, /articles added: 2/);
  assert.match(list.stdout, /cli-bad\.rss\n {4}every 30m; failing \(2 in a row, last status 500\)/);
  assert.match(list.stdout, /error: HTTP 500/);
  assert.doesNotMatch(list.stdout + polled.stderr, /[\u0000-\u0008\u000b-\u001f]/, "no control characters reach the terminal");
  const json = JSON.parse((await cli(["follow", "--list", "--json", "--db", db])).stdout);
  assert.equal(json.length, 2);

  const removed = await cli(["follow", "--remove", `${base}/cli-bad.rss`, "--db", db]);
  assert.equal(removed.code, 0, removed.stderr);
  assert.match(removed.stderr, /no longer following/);
  assert.equal(JSON.parse((await cli(["follow", "--list", "--json", "--db", db])).stdout).length, 1);
});

test("startPolling (what the server runs): polls in the background until stopped", async () => {
  feedRoute("/background.rss", () => [1, 2]);
  const location = await TARGETS[0].fresh();
  await withStore(location, async (store) => {
    await follow(store, [`${base}/background.rss`], { allowAddresses: ["127.0.0.1"] });
    const poller = startPolling(store, location, { ...POLL, tickMs: 50 });
    const deadline = Date.now() + 20_000;
    while ((await articleCount(store)) < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await poller.stop();
    assert.deepEqual(await poller.done, { polls: 1, added: 2 });
    assert.equal(hitsOf("/background.rss").length, 1, "not due again within its interval");
  });
});

test("storydesk poll without --once keeps polling until SIGTERM, then says what it did", async () => {
  feedRoute("/forever.rss", () => [0]);
  const db = join(TMP, "follow-forever.db");
  await withStore(db, (store) => follow(store, [`${base}/forever.rss`], { allowPrivate: true }));
  const script = `
    import { Command } from "commander";
    import { addFollowCommands } from ${JSON.stringify(join(ROOT, "src/cli/follow.ts"))};
    const program = new Command().name("storydesk");
    addFollowCommands(program, { exitCode: 0 });
    await program.parseAsync(["poll", "--db", ${JSON.stringify(db)}, "--allow-private"], { from: "user" });`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  const polled = new Promise<void>((resolve) => child.stderr.on("data", (d) => {
    stderr += d;
    if (/forever\.rss: 1 new article/.test(stderr)) resolve();
  }));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  await Promise.race([polled, exited]);
  child.kill("SIGTERM");
  assert.equal(await exited, 0, stderr);
  assert.match(stderr, /1 source poll\(s\), 1 new article\(s\)/);
});

test("postgres: two pollers sharing the job queue poll each due source once", { skip: !TARGETS.find((t) => t.name === "postgres"), timeout: 120_000 }, async () => {
  const pg = TARGETS.find((t) => t.name === "postgres")!;
  const paths = [0, 1, 2, 3].map((n) => `/shared-${n}.rss`);
  paths.forEach((p, n) => feedRoute(p, () => [n]));
  const location = await pg.fresh();
  const time = clock();
  await withStore(location, (store) => follow(store, paths.map((p) => `${base}${p}`), { allowAddresses: ["127.0.0.1"], now: time.now() }));
  const run = () => withStore(location, (store) => runQueuedPoller(store, location, { ...POLL, now: time.now, once: true, tickMs: 50, concurrency: 2 }));
  const [a, b] = await Promise.all([run(), run()]);
  assert.equal(a.polls + b.polls, 4, `polls: ${a.polls} + ${b.polls}`);
  for (const p of paths) assert.equal(hitsOf(p).length, 1, p);
  await withStore(location, async (store) => assert.equal(await articleCount(store), 4));
});

test("sqlite: a poll stopped mid-fetch (shutdown) records nothing and leaves the source due", async () => {
  routes.set("/slow.rss", () => {});
  const time = clock();
  await withStore(await TARGETS[0].fresh(), async (store) => {
    await follow(store, [`${base}/slow.rss`], { allowAddresses: ["127.0.0.1"], now: time.now() });
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 300);
    const reports = await pollDue(store, { ...POLL, now: time.now, signal: stop.signal });
    assert.deepEqual(reports, []);
    const [s] = await listFollowed(store);
    assert.equal(s.failures, 0);
    assert.equal(s.lastPolled, null);
    assert.equal(s.nextDue, time.now().toISOString());
    assert.equal(hitsOf("/slow.rss").length, 1);
  });
});

test("sqlite: a feed with no items is nothing new; a body that is no feed or page fails the source", async () => {
  routes.set("/empty.rss", (_req, res) => res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss([])));
  routes.set("/data.csv", (_req, res) => res.writeHead(200, { "content-type": "text/csv" }).end("a,b,c\n1,2,3\n"));
  const time = clock();
  await withStore(await TARGETS[0].fresh(), async (store) => {
    await follow(store, [`${base}/empty.rss`, `${base}/data.csv`], { allowAddresses: ["127.0.0.1"], now: time.now() });
    await pollDue(store, { ...POLL, now: time.now });
    const [empty, csv] = await listFollowed(store);
    assert.deepEqual([empty.failures, empty.lastError, empty.kind], [0, null, "feed"]);
    assert.equal(csv.failures, 1);
    assert.match(csv.lastError ?? "", /neither a feed nor a web page \(text\/csv\)/);
  });
});
