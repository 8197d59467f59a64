// Property tests over the web readers: random bytes, mutated valid inputs, truncations and arbitrary chunk
// boundaries never make a reader throw or hang; every result is a document with text or an error.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import type { InputError, SourceDocument } from "../src/model/index.js";
import { ByteReader } from "../src/read/bytes.js";
import { readFeed } from "../src/read/feed.js";
import { readHtmlPage } from "../src/read/html-page.js";
import { readDocuments } from "../src/read/index.js";
import { recordDocument } from "../src/read/jsonl.js";
import { DEFAULT_LIMITS } from "../src/read/limits.js";
import { readWarc } from "../src/read/warc.js";
import { chunked, gzipMembers, requestRecord, responseRecord, warcinfoRecord } from "./fixtures/warc.js";

type Item = SourceDocument | InputError;
const FIXTURES = join(import.meta.dirname, "fixtures", "web");
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

function wellFormed(item: Item): void {
  if ("code" in item) {
    assert.ok(item.message.includes(item.path.replace(/#\d+$/, "")), `the message names the file: ${item.message}`);
    return;
  }
  assert.ok(item.body.trim().length > 0, "a document has text");
  assert.equal(typeof item.path, "string");
}

/** The bytes in chunks of the given sizes (cycled): the reader must not care where chunks break. */
async function* chunks(bytes: Buffer, sizes: number[]): AsyncGenerator<Buffer> {
  for (let pos = 0, i = 0; pos < bytes.length; i++) {
    const n = Math.max(1, sizes[i % sizes.length]);
    yield bytes.subarray(pos, pos + n);
    pos += n;
  }
}

async function warcItems(bytes: Buffer, sizes: number[] = [65536]): Promise<Item[]> {
  const out: Item[] = [];
  for await (const item of readWarc("x.warc", new ByteReader(chunks(bytes, sizes)), DEFAULT_LIMITS)) out.push(item);
  return out;
}

/** A mutation of valid bytes: cut, delete a range, insert random bytes, duplicate a range, or flip bytes. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("truncate" as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.double({ min: 0, max: 1, noNaN: true }), bytes: fc.uint8Array({ maxLength: 200 }) }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.integer({ min: 1, max: 600 }) }),
  fc.record({ kind: fc.constant("flip" as const), at: fc.double({ min: 0, max: 1, noNaN: true }), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(input: Buffer, ms: Mutation[]): Buffer {
  let b = input;
  for (const m of ms) {
    const at = Math.floor(m.at * b.length);
    if (m.kind === "truncate") b = b.subarray(0, at);
    else if (m.kind === "delete") b = Buffer.concat([b.subarray(0, at), b.subarray(at + m.len)]);
    else if (m.kind === "insert") b = Buffer.concat([b.subarray(0, at), Buffer.from(m.bytes), b.subarray(at)]);
    else if (m.kind === "duplicate") b = Buffer.concat([b.subarray(0, at + m.len), b.subarray(at)]);
    else {
      b = Buffer.from(b);
      m.bytes.forEach((x, i) => {
        if (at + i < b.length) b[at + i] = x;
      });
    }
  }
  return b;
}

const page = (n: number) =>
  `<html><head><title>Story ${n}</title></head><body><p>The minister resigned on Saturday after a row over the deal, officials said (${n}).</p></body></html>`;

function sampleWarc(): Buffer {
  return Buffer.concat([
    warcinfoRecord(),
    requestRecord("https://news.example/1"),
    responseRecord({ uri: "https://news.example/1", body: page(1) }),
    responseRecord({ uri: "https://news.example/2", headers: ["Transfer-Encoding: chunked", "Content-Encoding: gzip"], body: chunked(gzipSync(page(2))) }),
    responseRecord({ uri: "https://news.example/3", status: 404, body: page(3) }),
    responseRecord({ uri: "https://news.example/4", body: page(4) }),
  ]);
}

test("fuzz: the HTML page reader never throws on random bytes or random markup", () => {
  const markup = fc.array(fc.oneof(
    fc.constantFrom("<p>", "</p>", "<div>", "</div>", "<html>", "<body>", "<script>", "</script>", "<!--", "-->", "<![CDATA[", "&amp;", "&#x1F600;", "&#0;", "<meta charset=\"utf-16\">", "<title>", "\u0000", "<"),
    fc.string({ maxLength: 40 }),
  ), { maxLength: 80 }).map((parts) => Buffer.from(parts.join(""), "utf8"));
  fc.assert(fc.property(fc.oneof(fc.uint8Array({ maxLength: 4096 }).map((a) => Buffer.from(a)), markup), (bytes) => {
    wellFormed(readHtmlPage("x.html", bytes, DEFAULT_LIMITS));
  }), { numRuns: RUNS * 2 });
});

test("fuzz: the feed reader never throws on mutated RSS, Atom and JSON feeds", async () => {
  const feeds = await Promise.all(["rss2.xml", "rss1.rdf", "atom.atom", "feed.json"].map((n) => readFile(join(FIXTURES, n))));
  fc.assert(fc.property(fc.nat({ max: feeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (which, ms) => {
    const bytes = mutate(feeds[which], ms);
    let n = 0;
    for (const item of readFeed("x.rss", bytes, DEFAULT_LIMITS)) {
      wellFormed(item);
      assert.ok(++n < 1000);
    }
  }), { numRuns: RUNS * 2 });
});

test("fuzz: JSON records of any shape give a document or an error", () => {
  fc.assert(fc.property(fc.jsonValue(), (value) => {
    wellFormed(recordDocument("x.jsonl#1", value, DEFAULT_LIMITS));
  }), { numRuns: RUNS * 2 });
  fc.assert(fc.property(fc.dictionary(fc.constantFrom("title", "text", "html", "date", "authors", "url", "source", "lang"), fc.jsonValue()), (value) => {
    wellFormed(recordDocument("x.jsonl#1", value, DEFAULT_LIMITS));
  }), { numRuns: RUNS * 2 });
});

test("fuzz: a valid WARC reads the same whatever the chunk boundaries", async () => {
  const warc = sampleWarc();
  const expected = (await warcItems(warc)).map((x) => x.path);
  assert.deepEqual(expected, ["x.warc#3", "x.warc#4", "x.warc#6"]);
  await fc.assert(fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 10 }), async (sizes) => {
    assert.deepEqual((await warcItems(warc, sizes)).map((x) => x.path), expected);
  }), { numRuns: RUNS });
});

test("fuzz: the WARC reader never throws or hangs on mutated or random WARC bytes", async () => {
  const warc = sampleWarc();
  await fc.assert(fc.asyncProperty(
    fc.oneof(
      fc.array(mutation, { minLength: 1, maxLength: 5 }).map((ms) => mutate(warc, ms)),
      fc.uint8Array({ maxLength: 3000 }).map((a) => Buffer.concat([Buffer.from("WARC/1.0\r\n"), Buffer.from(a)])),
    ),
    fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 4 }),
    async (bytes, sizes) => {
      const got = await warcItems(bytes, sizes);
      got.forEach(wellFormed);
      assert.ok(got.length <= 20);
    },
  ), { numRuns: RUNS * 2 });
});

test("fuzz: mutated and truncated .warc.gz, .jsonl.gz and .html.gz files never make readDocuments throw", async () => {
  const dir = await mkdtemp(join(tmpdir(), "storydesk-fuzz-"));
  const inputs: [string, Buffer][] = [
    ["a.warc.gz", gzipMembers([responseRecord({ uri: "https://n.example/1", body: page(1) }), responseRecord({ uri: "https://n.example/2", body: page(2) })])],
    ["b.jsonl.gz", gzipSync([1, 2, 3].map((n) => JSON.stringify({ title: `T${n}`, html: page(n) })).join("\n"))],
    ["c.html.gz", gzipSync(page(1))],
    ["d", gzipMembers([responseRecord({ uri: "https://n.example/1", body: page(1) })])],
  ];
  let run = 0;
  await fc.assert(fc.asyncProperty(fc.nat({ max: inputs.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (which, ms) => {
    const [name, bytes] = inputs[which];
    const path = join(dir, `${run++}-${name}`);
    await writeFile(path, mutate(bytes, ms));
    let n = 0;
    for await (const item of readDocuments([path])) {
      wellFormed(item);
      assert.ok(++n < 100);
    }
  }), { numRuns: RUNS });
});

// ---- Regressions: inputs that broke a reader once, kept as they were found ----

const LONG = "The foreign minister resigned on Saturday after a row over the border deal, officials said. He gave no reason.";

test("regression: a JSON record nested 200,000 levels deep in a name field does not overflow the stack", () => {
  let title: unknown = "x";
  for (let i = 0; i < 200_000; i++) title = { name: title };
  const item = recordDocument("x.jsonl#1", { title, text: LONG }, DEFAULT_LIMITS);
  assert.ok(!("code" in item));
  assert.equal(item.meta.title, undefined);
});

test("regression: a feed item nesting 100,000 elements is read in bounded time (htmlparser2 is quadratic in depth)", () => {
  const xml = `<rss><channel><item><title>t</title><description>${"<div>".repeat(100_000)}${LONG}${"</div>".repeat(100_000)}</description></item></channel></rss>`;
  const start = performance.now();
  const got = [...readFeed("deep.rss", Buffer.from(xml), DEFAULT_LIMITS)];
  assert.ok(performance.now() - start < 5_000, `${performance.now() - start} ms`);
  assert.equal(got.length, 1);
  wellFormed(got[0]);
});

test("regression: a page nested 200,000 levels deep is read in bounded time", () => {
  const html = `<html><body>${"<div>".repeat(200_000)}<p>${LONG}</p>${"</div>".repeat(200_000)}<p>${LONG}</p></body></html>`;
  const start = performance.now();
  const item = readHtmlPage("deep.html", Buffer.from(html), DEFAULT_LIMITS);
  assert.ok(performance.now() - start < 5_000, `${performance.now() - start} ms`);
  wellFormed(item);
});

test("regression: a real page with a few stray NUL bytes (a CMS's debug comments) is a page, not binary", () => {
  const html = Buffer.concat([Buffer.from("<!-- THEME DEBUG -->\n<!-- CALL: theme('html') \u0000\u0000 -->\n"), Buffer.from(`<html><body><p>${LONG}</p></body></html>`)]);
  const item = readHtmlPage("nul.html", html, DEFAULT_LIMITS);
  assert.ok(!("code" in item), JSON.stringify(item));
});
