// Step 2b over a store: the story index, batch by batch, as groupStories runs it in memory
// (stories/group.ts): first every new original counts its terms into the document frequencies, then
// each original is weighed and placed in ingest order, then copies (and originals of families a story
// already holds) follow their family into its story. For each batch the store loads the document
// frequencies of the batch's terms and the newest entries of their posting lists (the stories named,
// with those terms' centroid weights); a story an article joins is loaded whole (kept in a bounded cache).
// An article close to two stories merges them as in memory: the merged story keeps its centroid and
// postings, its articles move to the older story, and the merge is recorded (story_merges).

import {
  bestStory, countDocument, createStoryIndex, joinStory, mergeStories, mergesWith, openStory, rootOf, weigh,
  type StoryEntry, type StoryIndex,
} from "../stories/index.js";
import type { Store } from "../store/index.js";
import * as q from "../store/queries.js";
import { termsFromRow } from "../store/codec.js";
import type { AssignCache, TermWindow } from "./assign-cache.js";

/**
 * Counts the next articles with assigned copies into the document frequencies: up to `batches` batches of
 * `limit` in one transaction; returns how many. Rows are read a batch at a time, and the frequencies are
 * written once: each batch's touched most pages of story_df, and a commit writes every page it touched
 * (14% of what an ingest logged at 300,000 articles). Nothing is placed while counting, so the counts are
 * the same in any batches.
 */
export async function countBatch(store: Store, limit: number, batches: number, below = Number.MAX_SAFE_INTEGER): Promise<number> {
  return q.transaction(store.db, async (trx) => {
    const freq = { docs: await q.counter(trx, "docs"), df: {} as Record<number, number> };
    let counted = 0;
    for (let b = 0; b < batches; b++) {
      const rows = await q.pendingForCounting(trx, limit, below);
      if (rows.length === 0) break;
      const originals = rows.filter((r) => r.family === r.id);
      const placed = await q.placedFamilies(trx, originals.map((r) => r.family));
      const voters = originals.filter((r) => !placed.has(r.family));
      for (const v of voters) countDocument(freq, termsFromRow(v.terms));
      await q.markCounted(trx, rows.map((r) => Number(r.seq)), voters.map((v) => Number(v.seq)));
      counted += rows.length;
    }
    if (counted > 0) await q.addFrequencies(trx, new Map(Object.entries(freq.df).map(([t, n]) => [Number(t), n])), freq.docs);
    return counted;
  });
}

/** The posting windows of `terms`, from the cache where it has them, else from the store (then cached). */
async function windowsOf(store: Store, cache: AssignCache, terms: number[], scan: number): Promise<q.WindowRow[]> {
  const out: q.WindowRow[] = [];
  const missing: number[] = [];
  for (const term of terms) {
    const w = cache.windows.get(term);
    if (w) for (const r of w.rows) out.push({ term, story: r.story, weight: r.weight, added: r.added });
    else missing.push(term);
  }
  const loaded = await q.postingWindows(store.db, store.dialect, missing, scan);
  const byTerm = new Map<number, TermWindow>(missing.map((t) => [t, { rows: [], complete: true }]));
  for (const r of loaded) {
    out.push(r);
    byTerm.get(r.term)!.rows.push({ story: r.story, weight: r.weight, added: r.added });
  }
  for (const [term, w] of byTerm) {
    w.rows.sort((a, b) => a.added - b.added);
    w.complete = w.rows.length < scan;
    cache.windows.set(term, w);
  }
  return out;
}

/** Brings cached windows up to date with a committed placement (the same rows the store received). */
function updateWindows(cache: AssignCache, w: Pick<q.PlacementWrite, "terms" | "removed">, scan: number): void {
  const fresh = w.terms.filter((t) => t.added !== null).sort((a, b) => a.added! - b.added!);
  for (const t of fresh) {
    const win = cache.windows.peek(t.term);
    if (!win) continue;
    win.rows.push({ story: t.story, weight: t.weight, added: t.added! });
    if (win.rows.length > scan) {
      win.rows.shift();
      win.complete = false;
    }
  }
  for (const t of w.terms) {
    if (t.added !== null) continue;
    const row = cache.windows.peek(t.term)?.rows.find((r) => r.story === t.story);
    if (row) row.weight = t.weight;
  }
  for (const r of w.removed) {
    const win = cache.windows.peek(r.term);
    if (!win) continue;
    // A window the store continues past would need its next older entry: load it afresh when next used.
    if (!win.complete) cache.windows.delete(r.term);
    else win.rows = win.rows.filter((x) => x.story !== r.story);
  }
}

/** Places the next batch of voting originals numbered below `below`; returns how many. */
export async function placeBatch(store: Store, limit: number, cache: AssignCache, below = Number.MAX_SAFE_INTEGER, now = new Date().toISOString()): Promise<number> {
  const { db, dialect } = store;
  const rows = await q.pendingVoters(db, limit, below);
  if (rows.length === 0) return 0;
  cache.check(await q.counter(db, "placements"));
  const index: StoryIndex = createStoryIndex();
  const opts = index.options;
  const terms = rows.map((r) => termsFromRow(r.terms));
  const df = await q.documentFrequencies(db, [...new Set(terms.flatMap((t) => t.terms))]);
  index.freq = { docs: await q.counter(db, "docs"), df: Object.fromEntries(df) };
  const vectors = terms.map((t) => weigh(t, index.freq, opts));

  // The partial index: posting-list tails of the batch's terms (as many entries as bestStory reads), the
  // stories they name. A term whose window a pruned centroid shortens is topped up before it is read.
  const scan = opts.postingScan;
  const windows = await windowsOf(store, cache, [...new Set(vectors.flatMap((v) => v.terms))], scan);
  windows.sort((a, b) => a.added - b.added);
  const named = new Set<number>();
  const loaded = new Map<number, { count: number; oldest: number }>();
  for (const w of windows) {
    (index.postings[w.term] ??= []).push(w.story);
    named.add(w.story);
    const l = loaded.get(w.term);
    if (l) l.count++;
    else loaded.set(w.term, { count: 1, oldest: w.added });
  }
  // Term → the `added` of its oldest loaded entry, for terms whose stored list may go further back.
  const more = new Map<number, number>();
  for (const [term, l] of loaded) if (l.count >= scan) more.set(term, l.oldest);
  const full = new Set<number>();
  /**
   * Puts stories in the index: whole from the cache, else their header from the store (centroid filled by
   * the caller), and the stories they were merged into, so bestStory can tell which story a part is of.
   */
  const addStories = async (nos: Iterable<number>): Promise<void> => {
    const uncached: number[] = [];
    const added: number[] = [];
    for (const no of nos) {
      const hit = cache.stories.get(no);
      if (hit) {
        index.stories[no] = hit;
        full.add(no);
        added.push(no);
      } else uncached.push(no);
    }
    for (const s of await q.storiesOf(db, uncached)) {
      index.stories[s.no] = { id: s.key, size: s.size, centroid: {}, terms: s.terms, norm2: s.norm2, mergedInto: s.merged_into };
      added.push(s.no);
    }
    const targets = new Set<number>();
    for (const no of added) {
      const into = index.stories[no].mergedInto;
      if (into !== null && index.stories[into] === undefined) targets.add(into);
    }
    if (targets.size > 0) await addStories(targets);
  };
  await addStories(named);
  for (const w of windows) if (!full.has(w.story)) index.stories[w.story].centroid[w.term] = w.weight;

  /**
   * Makes sure bestStory reads the same `scan` newest entries of each of the vector's terms as over the
   * whole list: when pruned centroids left fewer than `scan` in memory and the store holds older entries,
   * the older ones are loaded (skipping stories this batch pruned the term from or already re-listed).
   */
  const topUp = async (terms: number[]): Promise<void> => {
    for (const term of terms) {
      for (let before = more.get(term); before !== undefined && (index.postings[term]?.length ?? 0) < scan; ) {
        const rows = await q.postingTail(db, term, before, scan);
        await addStories(new Set(rows.map((r) => r.story).filter((no) => index.stories[no] === undefined)));
        const list = index.postings[term] ?? [];
        const older: number[] = [];
        for (const r of rows) {
          if (full.has(r.story)) {
            if (index.stories[r.story].centroid[term] === undefined || list.includes(r.story)) continue;
          } else index.stories[r.story].centroid[term] = r.weight;
          older.push(r.story);
        }
        if (older.length + list.length > 0) index.postings[term] = [...older.reverse(), ...list];
        before = rows.length < scan ? undefined : rows[rows.length - 1].added;
        if (before === undefined) more.delete(term);
        else more.set(term, before);
      }
    }
  };

  /** Loads the story a part belongs to whole (the part merged into it, or itself); returns its number. */
  const load = async (no: number): Promise<number> => {
    for (;;) {
      if (!full.has(no)) {
        const hit = cache.stories.get(no);
        if (hit) index.stories[no] = hit;
        else {
          const [s] = await q.storiesOf(db, [no]);
          const centroid: Record<number, number> = {};
          for (const t of await q.centroidOf(db, no)) centroid[t.term] = t.weight;
          index.stories[no] = { id: s.key, size: s.size, centroid, terms: s.terms, norm2: s.norm2, mergedInto: s.merged_into };
        }
        full.add(no);
      }
      const next = index.stories[no].mergedInto;
      if (next === null) return no;
      no = next;
    }
  };

  let nextStory = await q.counter(db, "next_story");
  let nextAdded = await q.counter(db, "next_added");
  const touched = new Set<number>();
  const written = new Map<string, { story: number; term: number; weight: number; added: number | null }>();
  const removed = new Map<string, { story: number; term: number }>();
  const members = new Map<number, number[]>();
  const merges: q.StoryMergeWrite[] = [];
  for (let i = 0; i < rows.length; i++) {
    const v = vectors[i];
    if (more.size > 0) await topUp(v.terms);
    // The steps of placeVector (stories/story-index.ts), with the stories loaded from the store as needed.
    const best = bestStory(index, v);
    let story: number;
    if (best.cosine >= opts.joinThreshold) {
      story = await load(best.story);
      // The other story's header (with its size) is in the index already: addStories loads the chain.
      const other = best.other >= 0 ? rootOf(index, best.other) : -1;
      if (other >= 0 && mergesWith(index, other, best.otherCosine)) {
        mergeStories(index, story, other);
        const [into, from] = story < other ? [story, other] : [other, story];
        merges.push({ from, into, reason: `${rows[i].id} is close to both` });
        cache.stories.delete(from);
        // The article joins the older story: loaded whole, as any story an article joins.
        story = await load(into);
      }
    } else {
      story = openStory(index, rows[i].id, nextStory++);
      full.add(story);
    }
    const entry = index.stories[story];
    const fresh = v.terms.filter((t) => entry.centroid[t] === undefined);
    const before = entry.terms + fresh.length > 2 * opts.centroidTerms ? Object.keys(entry.centroid).map(Number) : null;
    joinStory(index, story, v);
    for (const t of fresh) {
      written.set(`${story},${t}`, { story, term: t, weight: entry.centroid[t], added: nextAdded++ });
      removed.delete(`${story},${t}`);
    }
    for (const t of v.terms) {
      const key = `${story},${t}`;
      const w = written.get(key);
      if (entry.centroid[t] === undefined) continue;
      if (w) w.weight = entry.centroid[t];
      else written.set(key, { story, term: t, weight: entry.centroid[t], added: null });
    }
    if (before) {
      // The centroid was pruned to its heaviest terms: the dropped ones leave the store too.
      for (const t of [...before, ...fresh]) {
        if (entry.centroid[t] !== undefined) continue;
        written.delete(`${story},${t}`);
        removed.set(`${story},${t}`, { story, term: t });
      }
    }
    touched.add(story);
    (members.get(story) ?? members.set(story, []).get(story)!).push(Number(rows[i].seq));
  }
  const write: q.PlacementWrite = {
    stories: [...touched].map((no) => {
      const e = index.stories[no];
      return { no, key: e.id, size: e.size, terms: e.terms, norm2: e.norm2 };
    }),
    terms: [...written.values()],
    removed: [...removed.values()],
    members,
    merges,
    at: now,
    nextStory,
    nextAdded,
  };
  cache.generation = await q.transaction(db, (trx) => q.writePlacements(trx, write));
  // A story merged away is no longer one to join: the next placement loads it and follows mergedInto.
  for (const no of touched) if (index.stories[no].mergedInto === null) cache.stories.set(no, index.stories[no]);
  updateWindows(cache, write, scan);
  return rows.length;
}

/**
 * Places the next batch of articles that do not vote (copies, and originals of families already in a
 * story): each joins its family's story, the original's when it is placed. A family found in several
 * stories (a new article made two families one) merges them into that story, and the merge is recorded.
 */
export async function followBatch(store: Store, limit: number, now: string, cache: AssignCache, below = Number.MAX_SAFE_INTEGER): Promise<number> {
  const { db } = store;
  const rows = await q.pendingFollowers(db, limit, below);
  if (rows.length === 0) return 0;
  const placed = await q.placedMembers(db, [...new Set(rows.map((r) => r.family))]);
  const plan = planFollowers(rows, placed, await q.counter(db, "next_story"));
  cache.check(await q.counter(db, "placements"));
  cache.generation = await q.transaction(db, (trx) => q.writeFollowers(trx, { ...plan, at: now }));
  // A story merged away is no longer one to join: the next placement loads it and follows merged_into.
  for (const m of plan.merges) cache.stories.delete(m.from);
  return rows.length;
}

/**
 * Where followers go (pure): the story of their family's original when it is placed, else of the family's
 * first placed member; a family with none opens a story (numbered from `nextStory`). Every other story a
 * family is found in merges into that one. Merges in one batch resolve through each other, so a story
 * merged away is never merged again nor merged into (two families each spanning stories A and B, their
 * originals one in each, merge B into A once, not A into B as well: a cycle), and members go to the story
 * their family's story ends up in.
 */
export function planFollowers(
  rows: { seq: number; id: string; family: string }[],
  placed: { seq: number; id: string; family: string; story: number }[],
  nextStory: number,
): Omit<q.FollowWrite, "at"> {
  const byFamily = new Map<string, { seq: number; id: string; story: number }[]>();
  for (const p of placed) (byFamily.get(p.family) ?? byFamily.set(p.family, []).get(p.family)!).push(p);
  const mergedAway = new Map<number, number>();
  const rootOf = (story: number): number => {
    while (mergedAway.has(story)) story = mergedAway.get(story)!;
    return story;
  };
  const target = new Map<string, number>();
  const opened: { no: number; key: string }[] = [];
  const merges: q.StoryMergeWrite[] = [];
  for (const family of new Set(rows.map((r) => r.family))) {
    const list = (byFamily.get(family) ?? []).sort((a, b) => a.seq - b.seq);
    if (list.length === 0) continue;
    const into = rootOf((list.find((p) => p.id === family) ?? list[0]).story);
    target.set(family, into);
    for (const p of list) {
      const from = rootOf(p.story);
      if (from === into) continue;
      mergedAway.set(from, into);
      merges.push({ from, into, reason: `copy family of ${family} spans both stories` });
    }
  }
  const members = new Map<number, number[]>();
  for (const r of rows) {
    let story = target.get(r.family);
    if (story === undefined) {
      // No member of the family is in a story (its original could not vote): the family opens one.
      story = nextStory++;
      opened.push({ no: story, key: r.id });
      target.set(r.family, story);
    }
    story = rootOf(story);
    (members.get(story) ?? members.set(story, []).get(story)!).push(Number(r.seq));
  }
  return { members, opened, merges, nextStory };
}
