// Step 3 over a store: the per-story work, redone only for the stories an ingest touched (marked dirty),
// and for a large story only once it has grown enough (store/queries.ts, `rebuildDue`). A batch claims its
// stories, reads their members, assembles them and writes the outputs in one transaction. On PostgreSQL
// the claim skips stories another worker holds, so any number of workers recompute side by side; a story
// touched again meanwhile is marked dirty after this commit and redone.

import type { Article, ArticleFacts, Copy, Story } from "../model/index.js";
import { assembleStory } from "../brief/story.js";
import type { Store } from "../store/index.js";
import * as q from "../store/queries.js";
import { articleFromRow, factsFromRow } from "../store/codec.js";

/** Stories per output batch at most, and their articles (copies included) per batch, roughly. */
export const OUTPUT_STORIES = 500;
export const OUTPUT_ARTICLES = 2000;

/** Recomputes the next batch of touched stories; returns how many (0: none waiting, or all claimed). */
export async function outputBatch(store: Store, stories = OUTPUT_STORIES, articles = OUTPUT_ARTICLES): Promise<number> {
  return q.transaction(store.db, (trx) => recompute(trx, store.dialect, stories, articles));
}

async function recompute(db: q.Q, dialect: Store["dialect"], limit: number, budget: number): Promise<number> {
  const claimed = await q.claimDirtyStories(db, dialect, limit);
  // As many stories as the article budget allows (at least one): a batch's members are held in memory.
  const nos: number[] = [];
  let held = 0;
  for (const s of claimed) {
    if (nos.length > 0 && held + s.members > budget) break;
    nos.push(s.no);
    held += s.members;
  }
  if (nos.length === 0) return 0;
  const outputs: q.OutputWrite[] = [];
  for (const [no, { story, articles, rows }] of await assembleStored(db, nos)) {
    const dates = articles.flatMap((a) => (a.published ? [a.published] : [])).sort();
    outputs.push({
      story: no,
      id: story.id,
      title: story.title,
      size: rows.length,
      first_seq: rows[0].seq,
      first_date: dates[0] ?? null,
      last_date: dates.at(-1) ?? null,
      json: JSON.stringify(story),
    });
  }
  await q.writeOutputs(db, outputs, nos);
  return nos.length;
}

interface Assembled {
  story: Story;
  articles: Article[];
  rows: q.MemberRow[];
}

/** The Story of each of the stored stories `nos` that has articles, assembled from its members as they are now. */
export async function assembleStored(db: q.Q, nos: number[]): Promise<Map<number, Assembled>> {
  // Two queries for them all: their members, then the members' copy relations.
  const members = await q.membersOfStories(db, nos);
  const ids = [...members.values()].flatMap((rows) => rows.map((r) => r.id));
  const copyOf = new Map<string, Copy>();
  for (const c of await q.copiesOf(db, ids)) copyOf.set(c.copy, { copy: c.copy, of: c.of, kind: c.kind as Copy["kind"], similarity: c.similarity });
  const out = new Map<number, Assembled>();
  for (const no of nos) {
    const rows = members.get(no)!;
    if (rows.length === 0) continue;
    const articles = rows.map(articleFromRow);
    const facts = new Map<string, ArticleFacts>(rows.map((r) => [r.id, factsFromRow(r.id, r.facts)]));
    const families = new Map(rows.map((r) => [r.id, r.family]));
    const copies: Copy[] = articles.flatMap((a) => copyOf.get(a.id) ?? []);
    out.set(no, { story: assembleStory(articles, copies, facts, families), articles, rows });
  }
  return out;
}
