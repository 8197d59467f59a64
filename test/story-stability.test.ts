// Story ids and groupings hold up when the same news comes in another order or over two runs with the
// story state saved in between (the example corpus, read as a user's files are).
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import type { Article } from "../src/model/index.js";
import { readInputs } from "../src/read/index.js";
import { articleOf } from "../src/brief/prepare.js";
import { addToStoryIndex, createStoryIndex, type StoryIndex } from "../src/stories/index.js";
import { ROOT } from "./helpers.js";
import { shuffled } from "../eval/seeded.js";

async function exampleArticles(): Promise<Article[]> {
  const { documents } = await readInputs([join(ROOT, "examples")]);
  return documents.flatMap((d) => {
    const a = articleOf(d);
    return "code" in a ? [] : [a];
  });
}

/** Article id → id of its story, assigning each article in turn. */
function assign(index: StoryIndex, articles: Article[], into = new Map<string, string>()): Map<string, string> {
  for (const a of articles) into.set(a.id, addToStoryIndex(index, a));
  return into;
}

/** The grouping alone, ignoring ids and order. */
function partition(storyOf: Map<string, string>): string[][] {
  const groups = new Map<string, string[]>();
  for (const [article, story] of storyOf) groups.set(story, [...(groups.get(story) ?? []), article]);
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => a[0].localeCompare(b[0]));
}

test("the example corpus fed in two orders falls into the same stories", async () => {
  const articles = await exampleArticles();
  const forward = assign(createStoryIndex(), articles);
  const backward = assign(createStoryIndex(), [...articles].reverse());
  assert.ok(new Set(forward.values()).size >= 5, "the examples hold at least five matters");
  assert.deepEqual(partition(backward), partition(forward));
});

test("two runs with the story state saved between them give the stories of one run, and first-run ids survive", async () => {
  const articles = await exampleArticles();
  const half = Math.floor(articles.length / 2);
  const once = assign(createStoryIndex(), articles);

  const first = createStoryIndex();
  const written = assign(first, articles.slice(0, half));
  const saved = JSON.stringify(first);
  const second = JSON.parse(saved) as StoryIndex;
  const twice = assign(second, articles.slice(half), new Map(written));

  assert.deepEqual(partition(twice), partition(once));
  for (const [article, story] of written) assert.equal(twice.get(article), story, `${article} kept its story id`);
  assert.deepEqual(twice, once);
});

test("a briefing of the example corpus has the same stories in reversed and in 8 shuffled orders of its files", async () => {
  const { briefDocuments } = await import("../src/brief/assemble.js");
  const { documents } = await readInputs([join(ROOT, "examples")]);
  const stories = (docs: typeof documents) => {
    const brief = briefDocuments(docs, [], { now: new Date(0) });
    const path = new Map(brief.articles.map((a) => [a.id, a.source.path]));
    return brief.stories.map((s) => s.articles.map((id) => path.get(id)!).sort().join(" ")).sort();
  };
  const given = stories(documents);
  assert.deepEqual(stories([...documents].reverse()), given);
  for (let seed = 1; seed <= 8; seed++) assert.deepEqual(stories(shuffled(documents, seed)), given, `shuffle ${seed}`);
});

