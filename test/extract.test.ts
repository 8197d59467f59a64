// `storydesk extract`: every input item as the pipeline reads it, in storydesk/extract@1.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Extraction } from "../src/model/index.js";
import { extractionErrors, runCli } from "./helpers.js";

const tmp = mkdtempSync(join(tmpdir(), "storydesk-extract-"));

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Harbour bridge reopens after repairs | Coastal Times</title>
<meta property="og:site_name" content="Coastal Times">
<meta property="article:published_time" content="2023-04-12T08:00:00Z">
<link rel="canonical" href="https://coastal.example/news/2023/04/12/bridge-reopens">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour bridge reopens after repairs</h1>
<p>The harbour bridge reopened to traffic on Wednesday after eight months of repairs, the city said.</p>
<p>Engineers replaced 40 steel cables and resurfaced the deck, at a cost of 12 million euros.</p>
</article>
<footer>© Coastal Times</footer></body></html>`;

function extract(args: string[]): { doc: Extraction; stderr: string; code: number | null } {
  const out = join(tmp, `x-${Math.random().toString(36).slice(2)}.json`);
  const r = runCli(["extract", ...args, "--out", out]);
  return { doc: JSON.parse(readFileSync(out, "utf8")) as Extraction, stderr: r.stderr, code: r.code };
}

test("extract on text files and a saved page validates against storydesk/extract@1", () => {
  const page = join(tmp, "bridge.html");
  writeFileSync(page, PAGE);
  const { doc, code, stderr } = extract(["examples/museum-theft", page]);
  assert.equal(code, 0, stderr);
  assert.deepEqual(extractionErrors(doc), []);
  assert.equal(doc.articles.length, 4);
  const bridge = doc.articles.find((a) => a.source.path === page)!;
  assert.ok(bridge, "the page is one article");
  assert.match(bridge.text, /reopened to traffic on Wednesday/);
  assert.doesNotMatch(bridge.text, /Home|© Coastal Times/);
  assert.ok(bridge.sentences.length >= 2);
});

test("the article ids of extract are the ones the briefing uses", () => {
  const { doc } = extract(["examples/museum-theft"]);
  const out = join(tmp, "brief.json");
  assert.equal(runCli(["brief", "examples/museum-theft", "--format", "json", "--out", out]).code, 0);
  const brief = JSON.parse(readFileSync(out, "utf8")) as { articles: { id: string }[] };
  assert.deepEqual(doc.articles.map((a) => a.id).sort(), brief.articles.map((a) => a.id).sort());
});

test("a missing input is an error in the output and on standard error; exit 1 when nothing was read", () => {
  const { doc, code, stderr } = extract([join(tmp, "nope.html")]);
  assert.equal(code, 1);
  assert.deepEqual(extractionErrors(doc), []);
  assert.equal(doc.articles.length, 0);
  assert.equal(doc.errors[0].code, "not-found");
  assert.match(stderr, /nope\.html: no such file/);
});

test("text format shows a header per article and its body, without terminal escapes", () => {
  const file = join(tmp, "escape.txt");
  writeFileSync(file, "title: Ports \u001b[31mreopen\u001b[0m\n\nDock workers returned on Monday after a two-week strike ended with a pay deal.\u001b]0;pwned\u0007 " +
    "The union said the agreement raised wages by six percent over two years and restored overtime rules. ".repeat(3));
  const r = runCli(["extract", file, "--format", "text"]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^=== .*escape\.txt\ntitle: Ports/);
  assert.match(r.stdout, /Dock workers returned on Monday/);
  assert.doesNotMatch(r.stdout, /\u001b/);
});
