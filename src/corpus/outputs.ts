// Step 3 over a store: the per-story work, redone only for the stories an ingest touched (marked dirty),
// and for a large story only once it has grown enough (store/queries.ts, `rebuildDue`). A batch claims its
// stories, reads their members, assembles them and writes the outputs in one transaction; an ingest with
// preparing threads assembles parts of the batch on them, side by side with its own. On PostgreSQL
// the claim skips stories another worker holds, so any number of workers recompute side by side; a story
// touched again meanwhile is marked dirty after this commit and redone.

import type { Article, ArticleFacts, Copy, Story } from "../model/index.js";
import { assembleStory, BRIEFING_ARTICLES, briefingMembers } from "../brief/story.js";
import type { Store } from "../store/index.js";
import * as q from "../store/queries.js";
import { articleFromRow, factsFromRow } from "../store/codec.js";

/** Stories per output batch at most, and the articles their briefings read per batch, roughly (all parts). */
export const OUTPUT_STORIES = 500;
export const OUTPUT_ARTICLES = 1000;

/**
 * Assembles stories from their rows on other threads (the preparing threads of an ingest): `parallel`
 * parts go there while this thread assembles one more.
 */
export interface Assembler {
  parallel: number;
  outputs(rows: StoryRows): Promise<q.OutputWrite[]>;
}

/**
 * Recomputes the next batch of touched stories; returns how many (0: none waiting, or all claimed). With an
 * assembler the batch is cut in parts of about equal reading, assembled side by side and written at once.
 */
export async function outputBatch(store: Store, assembler?: Assembler, stories = OUTPUT_STORIES, articles = OUTPUT_ARTICLES): Promise<number> {
  return q.transaction(store.db, (trx) => recompute(trx, store.dialect, stories, articles, assembler));
}

async function recompute(db: q.Q, dialect: Store["dialect"], limit: number, budget: number, assembler?: Assembler): Promise<number> {
  const claimed = await q.claimDirtyStories(db, dialect, limit);
  // As many stories as the budget of articles read allows (at least one): they are held in memory.
  const taken: { no: number; reads: number }[] = [];
  let held = 0;
  for (const s of claimed) {
    const reads = Math.min(s.members, BRIEFING_ARTICLES);
    if (taken.length > 0 && held + reads > budget) break;
    taken.push({ no: s.no, reads });
    held += reads;
  }
  if (taken.length === 0) return 0;
  // Largest first, each to the part reading least so far.
  const parts = 1 + (assembler?.parallel ?? 0);
  const split = Array.from({ length: Math.min(parts, taken.length) }, () => ({ nos: [] as number[], reads: 0 }));
  for (const s of [...taken].sort((a, b) => b.reads - a.reads)) {
    const part = split.reduce((min, p) => (p.reads < min.reads ? p : min));
    part.nos.push(s.no);
    part.reads += s.reads;
  }
  const rows = await Promise.all(split.map((p) => readStories(db, p.nos)));
  // The other threads' parts are posted first; this thread assembles the first part meanwhile.
  const elsewhere = rows.slice(1).map((r) => assembler!.outputs(r));
  const here = outputsOf(rows[0]);
  const outputs = [...here, ...(await Promise.all(elsewhere)).flat()];
  await q.writeOutputs(db, outputs, taken.map((s) => s.no));
  return taken.length;
}

/** The rows of each story (its members' headers, in ingest order), and whole articles for those its briefing reads. */
export interface StoryRows {
  headers: [number, q.MemberHeaderRow[]][];
  articles: q.MemberRow[];
  copies: q.CopyRow[];
}

/** What assembling stories reads, in three queries for them all: the members' headers, the articles read, their copy relations. */
export async function readStories(db: q.Q, nos: number[]): Promise<StoryRows> {
  const headers = await q.memberHeadersOfStories(db, nos);
  const families = familiesOf(headers.values());
  const ids = [...headers.values()].flatMap((rows) => briefingMembers(rows, families));
  const seqOf = new Map([...headers.values()].flatMap((rows) => rows.map((r) => [r.id, r.seq] as const)));
  const articles = await q.membersBySeq(db, ids.map((id) => seqOf.get(id)!));
  return { headers: [...headers], articles, copies: await q.copiesOf(db, ids) };
}

/** The outputs to store for stories assembled from their rows; pure, so any thread computes the same. */
export function outputsOf(rows: StoryRows): q.OutputWrite[] {
  const outputs: q.OutputWrite[] = [];
  for (const [no, { story, members }] of assembleRows(rows)) {
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
  return outputs;
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
  return assembleRows(await readStories(db, nos));
}

/** Each story of the rows that has articles, assembled. */
export function assembleRows(rows: StoryRows): Map<number, Assembled> {
  const families = familiesOf(rows.headers.map(([, members]) => members));
  const articles = new Map<string, Article>();
  const facts = new Map<string, ArticleFacts>();
  for (const r of rows.articles) {
    articles.set(r.id, articleFromRow(r));
    facts.set(r.id, factsFromRow(r.id, r.facts));
  }
  const copyOf = new Map<string, Copy>();
  for (const c of rows.copies) copyOf.set(c.copy, { copy: c.copy, of: c.of, kind: c.kind as Copy["kind"], similarity: c.similarity });
  const out = new Map<number, Assembled>();
  for (const [no, members] of rows.headers) {
    if (members.length === 0) continue;
    const read = briefingMembers(members, families).map((id) => articles.get(id)!);
    const copies: Copy[] = read.flatMap((a) => copyOf.get(a.id) ?? []);
    out.set(no, { story: assembleStory(members, read, copies, facts, families), members });
  }
  return out;
}

function familiesOf(lists: Iterable<q.MemberHeaderRow[]>): Map<string, string> {
  const families = new Map<string, string>();
  for (const rows of lists) for (const r of rows) families.set(r.id, r.family);
  return families;
}
