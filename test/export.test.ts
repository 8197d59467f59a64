// storydesk export: one story of a corpus as brief@1 JSON, Markdown, or a self-contained HTML file.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { contractErrors, ROOT, runCli } from "./helpers.js";
import { TMP } from "./store-targets.js";
import type { Brief } from "../src/model/index.js";
import { escapeHtml } from "../src/render/html.js";
import { safeHref } from "../src/render/links.js";

const dir = join(TMP, `export-${process.pid}`);
const db = join(dir, "corpus.db");

/** An article whose text and address try to run script in whatever shows them. */
const HOSTILE = [
  "title: Council vote <script>alert('title')</script> delayed",
  "source: Hostile Gazette",
  "url: javascript:alert(document.cookie)",
  "date: 2024-09-03",
  "",
  "The council postponed its vote on the harbour budget <script>window.__pwned = 1</script> until next week, the mayor said on Tuesday.",
  "",
  'Opponents posted <img src=x onerror="window.__pwned = 2"> on the town hall doors, and the mayor said the budget would pass.',
].join("\n");

describe("storydesk export", () => {
  let storyId: string;
  let hostileId: string;
  before(() => {
    mkdirSync(join(dir, "in"), { recursive: true });
    writeFileSync(join(dir, "in", "hostile.txt"), HOSTILE);
    assert.equal(runCli(["ingest", join(ROOT, "examples", "water-summit"), join(dir, "in"), "--db", db]).code, 0);
    const brief = JSON.parse(runCli(["brief", "--db", db, "--format", "json"]).stdout) as Brief;
    storyId = brief.stories.find((s) => s.articles.length === 9)!.id;
    hostileId = brief.stories.find((s) => s.articles.length === 1)!.id;
  });

  test("json is the brief@1 of that story alone and meets the contract", () => {
    const r = runCli(["export", storyId, "--db", db, "--format", "json"]);
    assert.equal(r.code, 0, r.stderr);
    const brief = JSON.parse(r.stdout) as Brief;
    assert.deepEqual(brief.stories.map((s) => s.id), [storyId]);
    assert.equal(brief.articles.length, 9);
    assert.deepEqual(contractErrors(brief), []);
  });

  test("markdown is the briefing of that story", () => {
    const r = runCli(["export", storyId, "--db", db, "--format", "markdown"]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /## 1\. Fourteen countries sign Geneva pact to share river data/);
    assert.doesNotMatch(r.stdout, /Council vote/);
  });

  test("html is one self-contained file: styles inline, no script, nothing loaded, citations link to their sentences", () => {
    const out = join(dir, "story.html");
    const r = runCli(["export", storyId, "--db", db, "--format", "html", "--out", out]);
    assert.equal(r.code, 0, r.stderr);
    const html = readFileSync(out, "utf8");
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /<style>[\s\S]*@media print/);
    assert.doesNotMatch(html, /<script|<link|<img|src=/i);
    assert.match(html, /<h1>Fourteen countries sign Geneva pact to share river data<\/h1>/);
    const targets = [...html.matchAll(/href="#(s\d+-\d+)"/g)].map((m) => m[1]);
    assert.ok(targets.length > 5);
    for (const t of targets) assert.ok(html.includes(`id="${t}"`), `citation #${t} has its sentence`);
  });

  test("html shows an article's markup as text and never links a non-http address", () => {
    const r = runCli(["export", hostileId, "--db", db, "--format", "html"]);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /<script|<img|onerror="|href="javascript/i);
    assert.match(r.stdout, /&#60;script&#62;window.__pwned = 1&#60;\/script&#62;/);
    assert.match(r.stdout, /&#60;img src=x onerror=&#34;window.__pwned = 2&#34;&#62;/);
  });

  test("only http(s) addresses become links; every other one is shown as text", () => {
    assert.equal(safeHref("https://example.org/a?b=1"), "https://example.org/a?b=1");
    assert.equal(safeHref("http://example.org/"), "http://example.org/");
    for (const bad of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>1</script>", "file:///etc/passwd", "//example.org", "not a url", null]) {
      assert.equal(safeHref(bad), null, String(bad));
    }
    assert.equal(escapeHtml(`<a href="x" onclick='y'>&</a>`), "&#60;a href=&#34;x&#34; onclick=&#39;y&#39;&#62;&#38;&#60;/a&#62;");
  });

  test("an unknown story is an error naming it, exit code 1", () => {
    const r = runCli(["export", "s-0000000000", "--db", db]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /no story s-0000000000/);
    assert.equal(r.stdout, "");
  });

  test("an unknown format is refused", () => {
    const r = runCli(["export", storyId, "--db", db, "--format", "pdf"]);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /expected one of: json, markdown, html/);
  });
});
