// The desk's pure pieces: sources grouped by copy family, upload names, the token check, sentences.
import { test } from "node:test";
import assert from "node:assert/strict";
import { groupFamilies, sentencesOf } from "../src/server/view.js";
import { tokenMatches, uploadName } from "../src/server/upload.js";
import { VersionedCache } from "../src/server/cache.js";
import type { ArticleCard } from "../src/store/desk-queries.js";

const card = (id: string, family: string, source: string | null): ArticleCard => ({
  id, family, source_name: source, title: null, source_url: null, agency: null, author: null, published: null,
});

test("sources are grouped by copy family, original first, biggest family first", () => {
  const groups = groupFamilies([
    card("b", "b", "Ledger"),
    card("a2", "a", "Courier"),
    card("a", "a", "Wire"),
    card("a3", "a", "Courier"),
    card("c", "c", null),
  ]);
  assert.deepEqual(groups.map((g) => g.articles), [["a", "a2", "a3"], ["b"], ["c"]]);
  assert.deepEqual(groups[0].sources, ["Courier", "Wire"]);
  assert.deepEqual(groups[2].sources, []);
});

test("an upload's name keeps its extension and loses anything that could leave its folder", () => {
  assert.equal(uploadName("feed.rss", undefined), "feed.rss");
  assert.equal(uploadName("../../etc/passwd", undefined), "_.._etc_passwd");
  assert.equal(uploadName("...hidden.jsonl.gz", undefined), "hidden.jsonl.gz");
  assert.equal(uploadName("pâge (1).html", undefined), "pâge_1_.html");
  assert.equal(uploadName(undefined, "application/rss+xml; charset=utf-8"), "upload.rss");
  assert.equal(uploadName(undefined, "text/html"), "upload.html");
  assert.equal(uploadName(undefined, "application/x-unknown"), "upload");
  assert.equal(uploadName("///", "text/plain"), "upload.txt");
});

test("the bearer token must match exactly", () => {
  assert.equal(tokenMatches("Bearer s3cret", "s3cret"), true);
  assert.equal(tokenMatches("bearer s3cret", "s3cret"), true);
  for (const header of [undefined, "", "s3cret", "Bearer", "Bearer s3cre", "Bearer s3cret2", "Basic s3cret", "Bearer s3cret extra"]) {
    assert.equal(tokenMatches(header, "s3cret"), false, String(header));
  }
});

test("stored sentence spans become sentences with their text", () => {
  const text = "One. Two here.\n\nThree.";
  assert.deepEqual(sentencesOf({ text, sentences: JSON.stringify([[0, 4, 0], [5, 14, 0], [16, 22, 1]]) }), [
    { i: 0, text: "One.", start: 0, end: 4, paragraph: 0 },
    { i: 1, text: "Two here.", start: 5, end: 14, paragraph: 0 },
    { i: 2, text: "Three.", start: 16, end: 22, paragraph: 1 },
  ]);
});

test("kept answers: only for their version, within their memory, least recently used out first", () => {
  const cache = new VersionedCache(40);
  cache.set("a", 1, "x".repeat(10));
  cache.set("b", 1, "y".repeat(10));
  assert.equal(cache.get("a", 1), "x".repeat(10));
  assert.equal(cache.get("a", 2), undefined, "a newer version is not answered from the old");
  cache.set("c", 1, "z".repeat(10));
  cache.set("d", 1, "w".repeat(10));
  cache.set("e", 1, "v".repeat(10));
  assert.equal(cache.get("b", 1), undefined, "b was the least recently used");
  assert.equal(cache.get("a", 1), "x".repeat(10));
  cache.set("big", 1, "q".repeat(11));
  assert.equal(cache.get("big", 1), undefined, "an answer over a quarter of the memory is not kept");
  cache.set("a", 2, "n");
  assert.equal(cache.get("a", 1), undefined);
  assert.equal(cache.get("a", 2), "n");
});
