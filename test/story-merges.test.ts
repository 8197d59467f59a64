// When a later report shows two stories are one matter, they merge: the younger story's articles join the
// older one, whose id lives on, and the merge is recorded (old id → new id). In memory and in a corpus
// (SQLite always, PostgreSQL when STORYDESK_TEST_PG is set), alike.
import { test } from "node:test";
import assert from "node:assert/strict";
import { briefDocuments } from "../src/brief/assemble.js";
import { briefFromStore, ingest } from "../src/corpus/index.js";
import type { SourceDocument } from "../src/model/index.js";
import { buildArticle } from "../src/text/article.js";
import { openStore } from "../src/store/index.js";
import { addToStoryIndex, createStoryIndex, type StoryIndex } from "../src/stories/index.js";
import { assertEntitiesMatchOutputs, TARGETS } from "./store-targets.js";

const NOW = new Date(0);

function doc(path: string, title: string, body: string, date: string): SourceDocument {
  return { path, body, meta: { title, date, source: path.split("-")[0] } };
}

// A ferry fire, and an inquiry into the ferry company that names neither the ship nor the fire: two
// stories, until a report ties the inquiry to the fire.
const fire = doc(
  "coastal-fire.txt",
  "Fire on ferry Nordlys off Bergen injures three",
  "A fire broke out in the engine room of the ferry Nordlys off Bergen on Monday, injuring three crew members. " +
    "Captain Ola Brekke said the 212 passengers were evacuated to lifeboats. The Nordlys was towed to Bergen harbour.",
  "2024-05-06",
);
const inquiry = doc(
  "vestland-inquiry.txt",
  "Maritime Authority opens inquiry into Havbris Ferries",
  "The Norwegian Maritime Authority opened an inquiry on Friday into safety on Havbris Ferries vessels. " +
    "Director Kari Lunde said inspectors would examine maintenance logs in Stavanger over the coming weeks.",
  "2024-05-10",
);
const bridge = doc(
  "harbour-bridge.txt",
  "Havbris inquiry to examine Nordlys ferry fire off Bergen",
  "The Norwegian Maritime Authority said its inquiry into Havbris Ferries would start with the engine room fire on the ferry " +
    "Nordlys off Bergen, which injured three crew members. Director Kari Lunde said Captain Ola Brekke would be interviewed in Stavanger.",
  "2024-05-13",
);
const [fireArticle, inquiryArticle, bridgeArticle] = [fire, inquiry, bridge].map(buildArticle);

test("a report close to two stories merges them into the older one, and the merge is recorded", () => {
  const index = createStoryIndex();
  const fireStory = addToStoryIndex(index, fireArticle);
  const inquiryStory = addToStoryIndex(index, inquiryArticle);
  assert.notEqual(fireStory, inquiryStory, "before the bridging report, fire and inquiry are two stories");
  // The state is saved between the two runs: merges happen on loaded state as on the original.
  const reloaded = JSON.parse(JSON.stringify(index)) as StoryIndex;
  assert.equal(addToStoryIndex(reloaded, bridgeArticle), fireStory);
  assert.deepEqual(reloaded.merges, [{ from: inquiryStory, into: fireStory }]);
  const followUp = buildArticle(doc("n-followup.txt", inquiry.meta.title!, `${inquiry.body} Lunde said the review would take months.`, "2024-05-20"));
  assert.equal(addToStoryIndex(reloaded, followUp), fireStory, "an article like the merged story joins the story it is now part of");
});

test("a batch briefing holds the merged story once, under the older story's id", () => {
  const brief = briefDocuments([fire, inquiry, bridge], [], { now: NOW });
  assert.equal(brief.stories.length, 1);
  assert.deepEqual([...brief.stories[0].articles].sort(), [fireArticle.id, inquiryArticle.id, bridgeArticle.id].sort());
});

for (const target of TARGETS) {
  test(`${target.name}: a corpus merges the stories when the bridging report comes in a later ingest, and records the merge`, async () => {
    const store = await openStore(await target.fresh());
    try {
      await ingest(store, [fire, inquiry], { now: () => NOW });
      const before = await briefFromStore(store, {}, { now: NOW });
      assert.equal(before.stories.length, 2);
      await ingest(store, [bridge], { now: () => NOW });
      const after = await briefFromStore(store, {}, { now: NOW });
      assert.equal(after.stories.length, 1);
      const survivor = before.stories.find((s) => s.articles.includes(fireArticle.id))!;
      assert.equal(after.stories[0].id, survivor.id, "the older story's id survives");
      assert.deepEqual([...after.stories[0].articles].sort(), [fireArticle.id, inquiryArticle.id, bridgeArticle.id].sort());
      const merges = await store.db.selectFrom("story_merges").select(["from_story", "into_story", "reason"]).execute();
      assert.equal(merges.length, 1);
      assert.match(merges[0].reason, /close to both/);
      const batch = briefDocuments([fire, inquiry, bridge], [], { now: NOW });
      assert.equal(after.stories[0].id, batch.stories[0].id, "the corpus names the merged story as a batch briefing does");
      // The merged-away story's entities leave with its output.
      await assertEntitiesMatchOutputs(store);
    } finally {
      await store.close();
    }
  });
}
