// A story's briefing reads at most BRIEFING_ARTICLES of its articles (its most recent originals first), so
// one story's work and memory stay bounded however large it grows; it still lists and counts them all. The
// corpus path loads only the articles read, and gives the story the batch path's assembly gives.
// SQLite always, PostgreSQL when STORYDESK_TEST_PG is set.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { assembleStory, BRIEFING_ARTICLES, briefingMembers } from "../src/brief/story.js";
import { ingest } from "../src/corpus/index.js";
import { assembleStored } from "../src/corpus/outputs.js";
import type { Copy } from "../src/model/index.js";
import { readInputs } from "../src/read/index.js";
import { articleFromRow, factsFromRow } from "../src/store/codec.js";
import { openStore } from "../src/store/index.js";
import * as q from "../src/store/queries.js";
import { writeCorpus } from "./ingest-corpus.js";
import { TARGETS, TMP } from "./store-targets.js";

test("a story up to the bound is read whole; past it, its most recent originals are read, in member order", () => {
  const small = Array.from({ length: BRIEFING_ARTICLES }, (_, i) => ({ id: `a${i}`, title: null, published: null }));
  const own = new Map(small.map((m) => [m.id, m.id]));
  assert.deepEqual(briefingMembers(small, own), small.map((m) => m.id));

  // 50 copies (the newest of all), 540 dated originals in shuffled date order, 20 undated originals.
  const members = [
    ...Array.from({ length: 540 }, (_, i) => ({ id: `o${i}`, title: null, published: `2024-${String(1 + ((i * 7) % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}` })),
    ...Array.from({ length: 20 }, (_, i) => ({ id: `u${i}`, title: null, published: null })),
    ...Array.from({ length: 50 }, (_, i) => ({ id: `c${i}`, title: null, published: "2025-01-01" })),
  ];
  const families = new Map(members.map((m) => [m.id, m.id.startsWith("c") ? "o0" : m.id]));
  const read = briefingMembers(members, families);
  assert.equal(read.length, BRIEFING_ARTICLES);
  assert.ok(read.every((id) => id.startsWith("o")), "originals before copies, dated before undated");
  const position = new Map(members.map((m, i) => [m.id, i]));
  assert.deepEqual([...read].sort((a, b) => position.get(a)! - position.get(b)!), read, "in member order");
  const oldestRead = read.map((id) => members[position.get(id)!].published!).sort()[0];
  const left = members.filter((m) => m.id.startsWith("o") && !read.includes(m.id));
  assert.ok(left.every((m) => m.published! <= oldestRead), "the originals left out are the oldest");
});

const generated = await readInputs([writeCorpus(join(TMP, "bound"), BRIEFING_ARTICLES + 30, 5).dir]);

for (const target of TARGETS) {
  test(`${target.name}: a story past the bound lists every article, reads ${BRIEFING_ARTICLES}, and matches the batch path's assembly`, async () => {
    const store = await openStore(await target.fresh());
    try {
      await ingest(store, generated.documents);
      // Every article in one story, as a year of one matter would gather.
      await store.db.updateTable("articles").set({ story: 1 }).execute();
      const rows = (await q.membersBySeq(store.db, (await store.db.selectFrom("articles").select("seq").execute()).map((r) => Number(r.seq)))).sort((a, b) => a.seq - b.seq);
      assert.ok(rows.length > BRIEFING_ARTICLES);
      const stored = (await assembleStored(store.db, [1])).get(1)!;
      assert.equal(stored.members.length, rows.length);
      assert.equal(stored.story.read, BRIEFING_ARTICLES);
      assert.deepEqual(stored.story.articles, rows.map((r) => r.id));
      const families = new Map(rows.map((r) => [r.id, r.family]));
      assert.equal(stored.story.voices, new Set(families.values()).size);
      assert.equal(stored.story.placements?.length, BRIEFING_ARTICLES);

      // The batch path's call: every article whole, every fact, every copy relation.
      const articles = rows.map(articleFromRow);
      const facts = new Map(rows.map((r) => [r.id, factsFromRow(r.id, r.facts)]));
      const copies: Copy[] = (await q.copiesOf(store.db, rows.map((r) => r.id))).map((c) => ({ copy: c.copy, of: c.of, kind: c.kind as Copy["kind"], similarity: c.similarity }));
      assert.deepEqual(stored.story, assembleStory(articles, articles, copies, facts, families));
      assert.ok(stored.story.summary.length > 0);
      const cited = new Set(stored.story.summary.flatMap((s) => s.cites.map((c) => c.article)));
      const read = new Set(briefingMembers(articles, families));
      assert.ok([...cited].every((id) => read.has(id)), "the summary cites only articles read");
    } finally {
      await store.close();
    }
  });
}
