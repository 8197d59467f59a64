// Step 3 over a store: the per-story work, redone only for the stories an ingest touched (marked dirty).

import type { ArticleFacts, Copy } from "../model/index.js";
import { assembleStory } from "../brief/story.js";
import type { Store } from "../store/index.js";
import * as q from "../store/queries.js";
import { articleFromRow, factsFromRow } from "../store/codec.js";

/** Recomputes the next `limit` touched stories; returns how many. */
export async function outputBatch(store: Store, limit: number): Promise<number> {
  const { db } = store;
  const nos = await q.dirtyStories(db, limit);
  if (nos.length === 0) return 0;
  const outputs: q.OutputWrite[] = [];
  // Two queries for the whole batch: the members of its stories, then their copy relations.
  const members = await q.membersOfStories(db, nos);
  const ids = [...members.values()].flatMap((rows) => rows.map((r) => r.id));
  const copyOf = new Map<string, Copy>();
  for (const c of await q.copiesOf(db, ids)) copyOf.set(c.copy, { copy: c.copy, of: c.of, kind: c.kind as Copy["kind"], similarity: c.similarity });
  for (const no of nos) {
    const rows = members.get(no)!;
    if (rows.length === 0) continue;
    const articles = rows.map(articleFromRow);
    const facts = new Map<string, ArticleFacts>(rows.map((r) => [r.id, factsFromRow(r.id, r.facts)]));
    const families = new Map(rows.map((r) => [r.id, r.family]));
    const copies: Copy[] = articles.flatMap((a) => copyOf.get(a.id) ?? []);
    const story = assembleStory(articles, copies, facts, families);
    const dates = articles.flatMap((a) => (a.published ? [a.published] : [])).sort();
    outputs.push({
      story: no,
      id: story.id,
      title: story.title,
      size: articles.length,
      first_seq: rows[0].seq,
      first_date: dates[0] ?? null,
      last_date: dates.at(-1) ?? null,
      json: JSON.stringify(story),
    });
  }
  await q.transaction(db, (trx) => q.writeOutputs(trx, outputs, nos));
  return nos.length;
}
