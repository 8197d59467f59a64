// The desk's HTTP API, over real HTTP on loopback: SQLite always, PostgreSQL when STORYDESK_TEST_PG is set.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { ingest } from "../src/corpus/index.js";
import { readDocuments } from "../src/read/index.js";
import { openStore, type Store } from "../src/store/index.js";
import { buildServer } from "../src/server/app.js";
import type { Brief, Story } from "../src/model/index.js";
import Ajv from "ajv";
import { briefJsonSchema, StoryDetail, ArticleDetail, StoryList } from "../src/server/schemas.js";
import { contractErrors, DESK_EXAMPLES, ROOT } from "./helpers.js";
import { TARGETS } from "./store-targets.js";

const TOKEN = "test-token-4f9a";

/** Validators of the API's own answer schemas (the story shapes by reference into brief@1). */
const ajv = new Ajv.default({ allErrors: true, strict: false, validateFormats: false }).addSchema(briefJsonSchema());
const schemaErrors = (schema: object, value: unknown) => {
  const validate = ajv.compile(schema);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
};

async function listen(app: FastifyInstance): Promise<string> {
  return app.listen({ port: 0, host: "127.0.0.1" });
}

async function get(base: string, path: string): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(base + path);
  return { status: res.status, body: await res.json(), headers: res.headers };
}

for (const target of TARGETS) {
  describe(`desk API over HTTP (${target.name})`, () => {
    let store: Store;
    let app: FastifyInstance;
    let base: string;
    let location: string;

    before(async () => {
      location = await target.fresh();
      store = await openStore(location);
      await ingest(store, readDocuments(DESK_EXAMPLES));
      app = await buildServer({ store, token: TOKEN, ui: null });
      base = await listen(app);
    });
    after(async () => {
      await app.close();
      await store.close();
    });

    test("the story list holds every story, biggest first when sorted by size, with their independent voices", async () => {
      const { status, body } = await get(base, "/api/stories?sort=size");
      assert.equal(status, 200);
      assert.deepEqual(schemaErrors(StoryList, body), []);
      assert.equal(body.total, 3);
      assert.deepEqual(body.stories.map((s: { size: number }) => s.size), [9, 6, 3]);
      assert.equal(body.stories[0].title, "Fourteen countries sign Geneva pact to share river data");
      assert.equal(body.stories[0].voices, 6);
      const recent = await get(base, "/api/stories");
      assert.equal(recent.body.stories[0].last_date, "2024-03-19", "recent first: the 2024 harbour strike");
    });

    test("pages of the list cover every story once, and say how many there are", async () => {
      const seen: string[] = [];
      for (let offset = 0; offset < 3; offset++) {
        const { body } = await get(base, `/api/stories?sort=size&limit=1&offset=${offset}`);
        assert.equal(body.total, 3);
        assert.equal(body.limit, 1);
        assert.equal(body.offset, offset);
        assert.equal(body.stories.length, 1);
        seen.push(body.stories[0].id);
      }
      assert.equal(new Set(seen).size, 3);
      const past = await get(base, "/api/stories?offset=3");
      assert.deepEqual(past.body.stories, []);
      assert.equal(past.body.total, 3);
    });

    test("filters: text query, entity, source, date range", async () => {
      const titles = async (query: string) => (await get(base, `/api/stories?${query}`)).body.stories.map((s: { title: string }) => s.title);
      assert.deepEqual(await titles("q=reliquary"), ["Gold reliquary stolen from Bruges museum in overnight raid"]);
      assert.deepEqual(await titles(`entity=${encodeURIComponent("Aleksandr Petrov")}`), ["Fourteen countries sign Geneva pact to share river data"]);
      assert.deepEqual(await titles("source=Reuters"), ["Fourteen countries sign Geneva pact to share river data"]);
      assert.deepEqual(await titles("since=2024-01"), ["Dockworkers walk out at Port of Valmara over pay and night shifts"]);
      assert.deepEqual((await titles("until=2022-12&sort=size")).length, 2);
      assert.deepEqual(await titles("q=reliquary&since=2024"), []);
      assert.deepEqual(await titles("q=zzzunknownword"), []);
    });

    test("bad query parameters are refused with 400 and a message naming the parameter", async () => {
      const cases: [string, RegExp][] = [
        ["/api/stories?limit=0", /limit must be >= 1/],
        ["/api/stories?limit=1000", /limit must be <= 100/],
        ["/api/stories?limit=ten", /limit must be integer/],
        ["/api/stories?offset=-1", /offset must be >= 0/],
        ["/api/stories?sort=oldest", /sort/],
        ["/api/stories?since=last-week", /since must match/],
        ["/api/stories?colour=red", /unknown parameter "colour"/],
        ["/api/search", /q is required/],
        ["/api/entities?q=", /q must NOT have fewer than 1 characters/],
      ];
      for (const [path, message] of cases) {
        const { status, body } = await get(base, path);
        assert.equal(status, 400, path);
        assert.equal(body.statusCode, 400);
        assert.match(body.message, message, `${path}: ${body.message}`);
      }
    });

    test("unknown stories, articles, entities and routes are 404 with a JSON message", async () => {
      for (const path of ["/api/stories/s-0000000000", "/api/stories/s-0000000000/brief", "/api/articles/nope", "/api/entities/Nobody%20Atall", "/api/no-such-thing"]) {
        const { status, body } = await get(base, path);
        assert.equal(status, 404, path);
        assert.equal(body.error, "Not Found");
        assert.ok(body.message.length > 0);
      }
    });

    test("a story comes with its articles, copies and sources by copy family; every citation resolves to an article sentence", async () => {
      const list = await get(base, "/api/stories?sort=size&limit=1");
      const { status, body } = await get(base, `/api/stories/${list.body.stories[0].id}`);
      assert.equal(status, 200);
      assert.deepEqual(schemaErrors(StoryDetail, body), [], "the answer has the shape /openapi.json gives");
      const story = body.story as Story;
      assert.equal(story.articles.length, 9);
      assert.equal(body.articles.length, 9);
      assert.equal(body.families.length, story.voices, "one family per independent voice");
      assert.ok(body.copies.some((c: { kind: string }) => c.kind === "spun"));
      assert.ok(story.summary.length >= 3);
      for (const s of story.summary) {
        for (const c of s.cites) {
          const article = await get(base, `/api/articles/${c.article}`);
          assert.equal(article.status, 200);
          assert.deepEqual(schemaErrors(ArticleDetail, article.body), []);
          assert.ok(article.body.sentences[c.sentence], `sentence ${c.sentence} of ${c.article}`);
          assert.equal(article.body.story.id, story.id);
        }
      }
    });

    test("a story page is kept only until its story is written again, by this process or another", async () => {
      const { body: page } = await get(base, "/api/stories?q=reliquary");
      const id = page.stories[0].id as string;
      const first = await get(base, `/api/stories/${id}`);
      assert.equal((await get(base, `/api/stories/${id}`)).body.story.title, first.body.story.title);
      // As an ingest elsewhere would: rewrite the story's output in the database itself.
      const json = JSON.stringify({ ...first.body.story, title: "Reliquary recovered" });
      await store.db.updateTable("story_outputs").set({ json, title: "Reliquary recovered" }).where("id", "=", id).execute();
      const after = await get(base, `/api/stories/${id}`);
      assert.equal(after.body.story.title, "Reliquary recovered");
      await store.db.updateTable("story_outputs").set({ json: JSON.stringify(first.body.story), title: first.body.story.title }).where("id", "=", id).execute();
      assert.equal((await get(base, `/api/stories/${id}`)).body.story.title, first.body.story.title);
    });

    test("an article has its text, sentences as slices of it, its story and what it copies", async () => {
      const { body: page } = await get(base, "/api/stories?sort=size&limit=1");
      const { body: detail } = await get(base, `/api/stories/${page.stories[0].id}`);
      const spun = detail.copies.find((c: { kind: string }) => c.kind === "spun");
      const { status, body } = await get(base, `/api/articles/${spun.copy}`);
      assert.equal(status, 200);
      assert.equal(body.copy_of.of, spun.of);
      // Its evidence: sentence pairs of copy and original, and why that one is the original.
      assert.ok(body.copy_of.spans.length > 0 && body.copy_of.spans.every((p: { match: string }) => ["verbatim", "edited", "reworded"].includes(p.match)));
      assert.match(body.copy_of.reason, /\w/);
      const { body: brief } = await get(base, `/api/stories/${page.stories[0].id}/brief`);
      const inBrief = brief.copies.find((c: { copy: string }) => c.copy === spun.copy);
      assert.deepEqual(body.copy_of.spans, inBrief.spans, "the article page and the story's brief show the same evidence");
      for (const s of body.sentences) assert.equal(body.text.slice(s.start, s.end), s.text);
    });

    test("the brief@1 JSON of a story meets the contract", async () => {
      const { body: page } = await get(base, "/api/stories?sort=size");
      const { status, body } = await get(base, `/api/stories/${page.stories[1].id}/brief`);
      assert.equal(status, 200);
      const brief = body as Brief;
      assert.equal(brief.stories.length, 1);
      assert.equal(brief.articles.length, 6);
      assert.deepEqual(contractErrors(brief), []);
    });

    test("entities by the start of their name, any case, with their stories", async () => {
      const { body } = await get(base, "/api/entities?q=ALEKS");
      assert.equal(body.entities[0].name, "Aleksandr Petrov");
      assert.equal(body.entities[0].type, "person");
      assert.equal(body.entities[0].stories[0].title, "Fourteen countries sign Geneva pact to share river data");
      const one = await get(base, `/api/entities/${encodeURIComponent("Aleksandr Petrov")}`);
      assert.equal(one.body.total, 1);
    });

    test("search finds articles with all the words, with their stories", async () => {
      const { status, body } = await get(base, "/api/search?q=river%20commission&limit=2");
      assert.equal(status, 200);
      assert.ok(body.total >= 2);
      assert.equal(body.articles.length, 2);
      assert.equal(body.articles[0].story_title, "Fourteen countries sign Geneva pact to share river data");
    });

    test("ingest needs the bearer token: 401 without it or with a wrong one, 200 with it", async () => {
      const text = "title: Harbour ferry resumes service\nsource: Test Wire\ndate: 2024-06-02\n\nThe harbour ferry resumed service on Sunday after a week of repairs, officials said. Passengers queued from dawn.";
      const none = await fetch(`${base}/api/ingest?name=ferry.txt`, { method: "POST", body: text });
      assert.equal(none.status, 401);
      assert.match(none.headers.get("www-authenticate") ?? "", /Bearer/);
      assert.match((await none.json()).message, /Authorization: Bearer/);
      const wrong = await fetch(`${base}/api/ingest?name=ferry.txt`, { method: "POST", body: text, headers: { authorization: "Bearer nope" } });
      assert.equal(wrong.status, 401);
      const ok = await fetch(`${base}/api/ingest?name=ferry.txt`, { method: "POST", body: text, headers: { authorization: `Bearer ${TOKEN}`, "content-type": "text/plain" } });
      assert.equal(ok.status, 200);
      const summary = await ok.json();
      assert.equal(summary.added, 1);
      assert.deepEqual(summary.errors, []);
      const found = await get(base, "/api/search?q=ferry%20repairs");
      assert.equal(found.body.total, 1);
      const article = await get(base, `/api/articles/${found.body.articles[0].id}`);
      assert.equal(article.body.source.path, "upload/ferry.txt", "no temporary path leaks into the corpus");
      const again = await fetch(`${base}/api/ingest?name=ferry.txt`, { method: "POST", body: text, headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal((await again.json()).duplicates, 1);
      const empty = await fetch(`${base}/api/ingest`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(empty.status, 400);
    });

    test("followed sources: listed openly; following and unfollowing need the token; private addresses are refused", async () => {
      const json = { "content-type": "application/json" };
      const auth = { ...json, authorization: `Bearer ${TOKEN}` };
      assert.deepEqual((await get(base, "/api/follows")).body, { sources: [] });
      const body = JSON.stringify({ urls: ["https://news.example/feed.xml", "http://127.0.0.1:9/feed", "file:///etc/passwd"], everySeconds: 600 });
      const none = await fetch(`${base}/api/follows`, { method: "POST", headers: json, body });
      assert.equal(none.status, 401);
      const tooOften = await fetch(`${base}/api/follows`, { method: "POST", headers: auth, body: JSON.stringify({ urls: ["https://news.example/a"], everySeconds: 5 }) });
      assert.equal(tooOften.status, 400);
      assert.match((await tooOften.json()).message, /everySeconds/);
      const ok = await fetch(`${base}/api/follows`, { method: "POST", headers: auth, body });
      assert.equal(ok.status, 200);
      const result = await ok.json();
      assert.deepEqual(result.added, ["https://news.example/feed.xml"]);
      assert.deepEqual(result.refused.map((r: { url: string }) => r.url), ["http://127.0.0.1:9/feed", "file:///etc/passwd"]);
      const listed = (await get(base, "/api/follows")).body.sources;
      assert.deepEqual(listed.map((s: { url: string; everySeconds: number }) => [s.url, s.everySeconds]), [["https://news.example/feed.xml", 600]]);
      const url = encodeURIComponent("https://news.example/feed.xml");
      assert.equal((await fetch(`${base}/api/follows?url=${url}`, { method: "DELETE" })).status, 401);
      const removed = await fetch(`${base}/api/follows?url=${url}`, { method: "DELETE", headers: { authorization: `Bearer ${TOKEN}` } });
      assert.deepEqual(await removed.json(), { removed: ["https://news.example/feed.xml"] });
      assert.equal((await fetch(`${base}/api/follows?url=${url}`, { method: "DELETE", headers: { authorization: `Bearer ${TOKEN}` } })).status, 404);
      assert.deepEqual((await get(base, "/api/follows")).body, { sources: [] });
    });

    test("an unreadable upload is reported by its name, not stored", async () => {
      const res = await fetch(`${base}/api/ingest?name=broken.warc`, { method: "POST", body: "not a warc at all", headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(res.status, 200);
      const summary = await res.json();
      assert.equal(summary.added, 0);
      assert.equal(summary.errors.length, 1);
      assert.match(summary.errors[0].path, /^upload\/broken\.warc/);
    });

    test("answers carry a strict Content-Security-Policy", async () => {
      const { headers } = await get(base, "/api/stories");
      assert.match(headers.get("content-security-policy") ?? "", /script-src 'self'/);
      assert.doesNotMatch(headers.get("content-security-policy") ?? "", /unsafe-inline/);
      assert.equal(headers.get("x-content-type-options"), "nosniff");
    });

    test("/openapi.json describes every route from the same schemas", async () => {
      const { status, body } = await get(base, "/openapi.json");
      assert.equal(status, 200);
      assert.equal(body.openapi, "3.1.0");
      for (const path of ["/api/stories", "/api/stories/{id}", "/api/stories/{id}/brief", "/api/articles/{id}", "/api/entities", "/api/entities/{name}", "/api/search", "/api/ingest"]) {
        assert.ok(body.paths[path], path);
      }
      const limit = body.paths["/api/stories"].get.parameters.find((p: { name: string }) => p.name === "limit");
      assert.equal(limit.schema.maximum, 100);
    });
  });
}

describe("desk server limits and modes", () => {
  let store: Store;
  before(async () => {
    store = await openStore(await TARGETS[0].fresh());
    await ingest(store, readDocuments([join(ROOT, "examples", "museum-theft")]));
  });
  after(async () => store.close());

  test("with no token configured, ingest and following over HTTP are off: 403 even with a token", async () => {
    const app = await buildServer({ store, ui: null });
    const base = await listen(app);
    try {
      const res = await fetch(`${base}/api/ingest`, { method: "POST", body: "x", headers: { authorization: "Bearer anything" } });
      assert.equal(res.status, 403);
      assert.match((await res.json()).message, /STORYDESK_TOKEN/);
      const follow = await fetch(`${base}/api/follows`, {
        method: "POST",
        body: JSON.stringify({ urls: ["https://news.example/feed.xml"] }),
        headers: { authorization: "Bearer anything", "content-type": "application/json" },
      });
      assert.equal(follow.status, 403);
    } finally {
      await app.close();
    }
  });

  test("a read that runs past the time limit is answered 503 with a JSON message, and the server goes on", async () => {
    // The same corpus behind a database that answers after 400 ms: every read outlasts a 100 ms limit.
    const slow: Store = {
      ...store,
      db: store.db.withPlugin({
        transformQuery: (args) => args.node,
        transformResult: async (args) => (await new Promise((resolve) => setTimeout(resolve, 400)), args.result),
      }),
    };
    const app = await buildServer({ store: slow, ui: null, requestTimeout: 100 });
    const base = await listen(app);
    try {
      const late = await get(base, "/api/stories");
      assert.equal(late.status, 503);
      assert.match(late.body.message, /longer than 100 ms/);
      // Routes that need no database still answer in time.
      assert.equal((await get(base, "/openapi.json")).status, 200);
    } finally {
      await app.close();
    }
  });

  test("a body over the limit is refused with 413 and nothing is stored", async () => {
    const app = await buildServer({ store, token: TOKEN, bodyLimit: 1024, ui: null });
    const base = await listen(app);
    try {
      const res = await fetch(`${base}/api/ingest?name=big.txt`, { method: "POST", body: "word ".repeat(1000), headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(res.status, 413);
      assert.equal((await res.json()).statusCode, 413);
      assert.equal((await get(base, "/api/stories")).body.total, 1);
    } finally {
      await app.close();
    }
  });

  test("storydesk serve logs JSON lines per request and stops cleanly on SIGTERM", async () => {
    const db = join((await TARGETS[0].fresh()).replace(/\.db$/, ""), "..", `serve-${process.pid}.db`);
    const child = spawn(process.execPath, [join(ROOT, "bin", "storydesk.js"), "serve", "--db", db, "--port", "0", "--no-ui"], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    const address = await new Promise<string>((resolve, reject) => {
      child.stderr.on("data", (d) => {
        stderr += d;
        const m = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(stderr);
        if (m) resolve(m[1]);
      });
      child.once("exit", () => reject(new Error(`serve exited early: ${stderr}`)));
    });
    const res = await fetch(`${address}/api/stories?limit=5`);
    assert.equal(res.status, 200);
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    assert.equal(await exited, 0);
    assert.match(stderr, /SIGTERM/);
    const lines = stdout.trim().split("\n").map((l) => JSON.parse(l));
    const line = lines.find((l) => l.msg === "request");
    assert.equal(line.status, 200);
    assert.equal(line.url, "/api/stories?limit=5");
    assert.equal(typeof line.ms, "number");
  });
});

test("storydesk serve --poll ingests a followed feed while serving, through the same API", async () => {
  const { createServer } = await import("node:http");
  const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Wire</title>
    <item><title>Harbour cranes return to work after strike</title><link>https://news.example/cranes</link>
    <pubDate>Tue, 19 Mar 2024 10:00:00 GMT</pubDate>
    <description>Crane operators at the harbour returned to work on Tuesday after a three-day strike over night shifts, the port authority said. Ships that waited offshore began unloading by noon.</description></item>
  </channel></rss>`;
  const server = createServer((_req, res) => res.writeHead(200, { "content-type": "application/rss+xml" }).end(feed));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const feedUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/feed.xml`;
  const db = join((await TARGETS[0].fresh()).replace(/\.db$/, ""), "..", `poll-${process.pid}.db`);
  const cli = join(ROOT, "bin", "storydesk.js");
  const child = spawn(process.execPath, [cli, "serve", "--db", db, "--port", "0", "--no-ui", "--poll", "--allow-private", "--log-level", "silent"], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, STORYDESK_TOKEN: "poll-token" },
  });
  try {
    let stderr = "";
    const address = await new Promise<string>((resolve, reject) => {
      child.stderr!.on("data", (d) => {
        stderr += d;
        const m = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(stderr);
        if (m) resolve(m[1]);
      });
      child.once("exit", () => reject(new Error(`serve exited early: ${stderr}`)));
    });
    const followed = await fetch(`${address}/api/follows`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer poll-token" },
      body: JSON.stringify({ urls: [feedUrl], everySeconds: 60 }),
    });
    assert.deepEqual((await followed.json()).added, [feedUrl]);
    let total = 0;
    for (let i = 0; i < 100 && total === 0; i++) {
      await new Promise((r) => setTimeout(r, 200));
      total = (await (await fetch(`${address}/api/search?q=cranes`)).json()).total;
    }
    assert.equal(total, 1, "the followed feed's item is in the corpus");
    const [source] = (await (await fetch(`${address}/api/follows`)).json()).sources;
    assert.equal(source.totalAdded, 1);
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    assert.equal(await exited, 0);
  } finally {
    child.kill("SIGKILL");
    server.close();
  }
});
