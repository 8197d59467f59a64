// Step 3 over a store: the per-story work, redone only for the stories an ingest touched (marked dirty),
// and for a large story only once it has grown enough (store/queries.ts, `rebuildDue`). A batch claims its
// stories, reads their members, assembles them and writes the outputs in one transaction. On PostgreSQL
// the claim skips stories another worker holds, so any number of workers recompute side by side; a story
// touched again meanwhile is marked dirty after this commit and redone.

import type { Article, ArticleFacts, Copy, Story } from "../model/index.js";
import { assembleStory, BRIEFING_ARTICLES, briefingMembers } from "../brief/story.js";
import type { Store } from "../store/index.js";
import * as q from "../store/queries.js";
import { articleFromRow, factsFromRow } from "../store/codec.js";

/** Stories per output batch at most, and the articles their briefings read per batch, roughly. */
export const OUTPUT_STORIES = 500;
export const OUTPUT_ARTICLES = 1000;

/** Recomputes the next batch of touched stories; returns how many (0: none waiting, or all claimed). */
export async function outputBatch(store: Store, stories = OUTPUT_STORIES, articles = OUTPUT_ARTICLES): Promise<number> {
  return q.transaction(store.db, (trx) => recompute(trx, store.dialect, stories, articles));
}

async function recompute(db: q.Q, dialect: Store["dialect"], limit: number, budget: number): Promise<number> {
  const claimed = await q.claimDirtyStories(db, dialect, limit);
  // As many stories as the budget of articles read allows (at least one): they are held in memory.
  const nos: number[] = [];
  let held = 0;
  for (const s of claimed) {
    const reads = Math.min(s.members, BRIEFING_ARTICLES);
    if (nos.length > 0 && held + reads > budget) break;
    nos.push(s.no);
    held += reads;
  }
  if (nos.length === 0) return 0;
  const outputs: q.OutputWrite[] = [];
  for (const [no, { story, members }] of await assembleStored(db, nos)) {
    const dates = members.flatMap((a) => (a.published ? [a.published] : [])).sort();
    outputs.push({
      story: no,
      id: story.id,
      title: story.title,
      size: members.length,
      first_seq: members[0].seq,
      first_date: dates[0] ?? null,
      last_date: dates.at(-1) ?? null,
      json: JSON.stringify(story),
      entities: story.entities.map((e) => ({ name: e.name, type: e.type, mentions: e.mentions })),
    });
  }
  await q.writeOutputs(db, outputs, nos);
  return nos.length;
}

interface Assembled {
  story: Story;
  /** Every member, in ingest order. */
  members: q.MemberHeaderRow[];
}

/**
 * The Story of each of the stored stories `nos` that has articles, assembled from its members as they are
 * now. Only the members a briefing reads (briefingMembers) are loaded whole, so a story of any size costs
 * at most BRIEFING_ARTICLES articles of memory.
 */
export async function assembleStored(db: q.Q, nos: number[]): Promise<Map<number, Assembled>> {
  // Three queries for them all: the members' headers, the articles read, their copy relations.
  const headers = await q.memberHeadersOfStories(db, nos);
  const families = new Map<string, string>();
  const seqOf = new Map<string, number>();
  const reads = new Map<number, string[]>();
  for (const [no, rows] of headers) {
    for (const r of rows) {
      families.set(r.id, r.family);
      seqOf.set(r.id, r.seq);
    }
    reads.set(no, briefingMembers(rows, families));
  }
  const ids = [...reads.values()].flat();
  const articles = new Map<string, Article>();
  const facts = new Map<string, ArticleFacts>();
  for (const r of await q.membersBySeq(db, ids.map((id) => seqOf.get(id)!))) {
    articles.set(r.id, articleFromRow(r));
    facts.set(r.id, factsFromRow(r.id, r.facts));
  }
  const copyOf = new Map<string, Copy>();
  for (const c of await q.copiesOf(db, ids)) copyOf.set(c.copy, { copy: c.copy, of: c.of, kind: c.kind as Copy["kind"], similarity: c.similarity });
  const out = new Map<number, Assembled>();
  for (const no of nos) {
    const members = headers.get(no)!;
    if (members.length === 0) continue;
    const read = reads.get(no)!.map((id) => articles.get(id)!);
    const copies: Copy[] = read.flatMap((a) => copyOf.get(a.id) ?? []);
    out.set(no, { story: assembleStory(members, read, copies, facts, families), members });
  }
  return out;
}
