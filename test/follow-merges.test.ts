import { test } from "node:test";
import assert from "node:assert/strict";
import { planFollowers } from "../src/corpus/stories.js";
import { createStoryIndex, rootOf } from "../src/stories/index.js";

/** Placed members as [id, family, story], numbered in order from 1. */
const placedAs = (...list: [string, string, number][]) => list.map(([id, family, story], i) => ({ seq: i + 1, id, family, story }));
/** Waiting followers as [id, family], numbered in order from 10. */
const followers = (...list: [string, string][]) => list.map(([id, family], i) => ({ seq: 10 + i, id, family }));

// Found at 120,000 articles of the ingest benchmark: two copy families each spanning stories 152 and 46028,
// the original of one in each, made one batch merge 46028 into 152 and 152 into 46028, and every later
// placement that met either story looped forever.
test("followers of two families spanning the same two stories merge them once, with no cycle", () => {
  const placed = placedAs(["a", "a", 152], ["a-copy", "a", 46028], ["b", "b", 46028], ["b-copy", "b", 152]);
  const plan = planFollowers(followers(["a-late", "a"], ["b-late", "b"]), placed, 50_000);
  assert.deepEqual(plan.merges.map((m) => [m.from, m.into]), [[46028, 152]]);
  assert.deepEqual([...plan.members], [[152, [10, 11]]]);
  assert.deepEqual(plan.opened, []);
  assert.equal(plan.nextStory, 50_000);
});

test("a story a later family merges away takes no members: they go where it was merged", () => {
  const placed = placedAs(["a", "a", 7], ["a-copy", "a", 9], ["b", "b", 5], ["b-copy", "b", 7]);
  const plan = planFollowers(followers(["a-late", "a"], ["b-late", "b"], ["c", "c"]), placed, 100);
  // Family a merges 9 into 7; family b then merges 7 (holding 9) into 5.
  assert.deepEqual(plan.merges.map((m) => [m.from, m.into]), [[9, 7], [7, 5]]);
  assert.deepEqual([...plan.members], [[5, [10, 11]], [100, [12]]]);
  assert.deepEqual(plan.opened, [{ no: 100, key: "c" }]);
  assert.equal(plan.nextStory, 101);
});

test("a stored cycle of merges is an error, not a hang", () => {
  const index = createStoryIndex();
  index.stories[1] = { id: "s1", size: 1, centroid: {}, terms: 0, norm2: 0, mergedInto: 2 };
  index.stories[2] = { id: "s2", size: 1, centroid: {}, terms: 0, norm2: 0, mergedInto: 1 };
  assert.throws(() => rootOf(index, 1), /form a cycle/);
});
