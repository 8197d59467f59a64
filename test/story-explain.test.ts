// Each article of a story says why it is there: it opened the story, it shares key words and names with
// the articles before it (how much, which, and how many days later), or it copies one of them.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { ArticleFacts, Mention } from "../src/model/index.js";
import { explainPlacements } from "../src/stories/index.js";
import { articleFromText } from "./articles.js";

function facts(id: string, names: [string, Mention["type"]][]): ArticleFacts {
  const mentions: Mention[] = names.map(([name, type]) => ({ text: name, name, type, role: null, sentence: 0, start: 0, end: 0 }));
  return { article: id, mentions, quotes: [], times: [] };
}

const opening = articleFromText(
  "Northwind Foods said on Monday it would acquire Harbor Dairy for $4.2 billion in cash. Northwind chief executive Laura Chen said the deal would close next year.",
  { id: "deal-1", title: "Northwind Foods agrees to buy Harbor Dairy for $4.2 billion", published: "2024-03-04" },
);
const followUp = articleFromText(
  "Shareholders of Harbor Dairy voted to approve the $4.2 billion takeover by Northwind Foods. Laura Chen said the combined company would keep the Harbor Dairy brand.",
  { id: "deal-2", title: "Harbor Dairy shareholders back Northwind takeover", published: "2024-03-11" },
);
const reprint = articleFromText(followUp.text, { id: "deal-3", title: followUp.title, published: "2024-03-12" });
const allFacts = new Map([
  ["deal-1", facts("deal-1", [["Northwind Foods", "organization"], ["Harbor Dairy", "organization"], ["Laura Chen", "person"]])],
  ["deal-2", facts("deal-2", [["Harbor Dairy", "organization"], ["Northwind Foods", "organization"], ["Laura Chen", "person"], ["Oslo", "place"]])],
  ["deal-3", facts("deal-3", [])],
]);

test("the first article opens its story; a later one is placed by the words and names it shares, a week later", () => {
  const [first, second] = explainPlacements([opening, followUp], [], allFacts);
  assert.deepEqual(first, { article: "deal-1", by: "opened", of: null, score: null, terms: [], names: [], gapDays: null });
  assert.equal(second.by, "similar");
  assert.ok(second.score! > 0.2 && second.score! <= 1, `score ${second.score}`);
  assert.ok(second.terms.includes("harbor dairy") || second.terms.includes("harbor"), second.terms.join(", "));
  assert.ok(!second.terms.includes("shareholders"), "a word only the new article uses is no shared evidence");
  assert.deepEqual(new Set(second.names), new Set(["Harbor Dairy", "Northwind Foods", "Laura Chen"]));
  assert.equal(second.gapDays, 7);
});

test("a copy is explained by its original, not by its words", () => {
  const placements = explainPlacements([opening, followUp, reprint], [{ copy: "deal-3", of: "deal-2", kind: "exact", similarity: 1 }], allFacts);
  assert.deepEqual(placements[2], { article: "deal-3", by: "copy", of: "deal-2", score: null, terms: [], names: [], gapDays: 1 });
});

test("undated articles have no time gap", () => {
  const undated = { ...followUp, published: null };
  assert.equal(explainPlacements([opening, undated], [], allFacts)[1].gapDays, null);
});

test("a briefing explains every article of every story, in the JSON (valid brief@1) and in the Markdown appendix", async () => {
  const { briefDocuments } = await import("../src/brief/assemble.js");
  const { readInputs } = await import("../src/read/index.js");
  const { renderMarkdown } = await import("../src/render/markdown.js");
  const { contractErrors } = await import("./helpers.js");
  const brief = briefDocuments((await readInputs(["examples/regional-desk"])).documents, [], { now: new Date(0) });
  assert.deepEqual(contractErrors(brief), []);
  for (const story of brief.stories) {
    assert.deepEqual(story.placements!.map((p) => p.article), story.articles);
    assert.equal(story.placements![0].by, "opened");
    for (const p of story.placements!.filter((x) => x.by === "similar")) assert.ok(p.terms.length > 0, JSON.stringify(p));
  }
  const markdown = renderMarkdown(brief);
  assert.match(markdown, /## Appendix: why each article is in its story/);
  assert.match(markdown, /- \[2\] score 0\.\d\d; shares [^;]+; names /);
});
