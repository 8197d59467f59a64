// The tables of a storydesk corpus, as Kysely sees them. One schema for SQLite and PostgreSQL; the
// migrations (migrations.ts) create it in each dialect's types.

import type { Generated } from "kysely";

export interface MetaTable {
  key: string;
  value: string;
}

/** One article, stored once (its id is a hash of its outlet, title and clean text). */
export interface ArticlesTable {
  /** Ingest order: the article's slot in the copy index and its position in every output. */
  seq: number;
  id: string;
  path: string;
  source_name: string | null;
  source_url: string | null;
  agency: string | null;
  author: string | null;
  title: string | null;
  published: string | null;
  dateline: string | null;
  text: string;
  /** JSON: [start, end, paragraph] per sentence (the text is a slice of `text`). */
  sentences: string;
  /** JSON: the article's facts (mentions, quotes, times) without the article id. */
  facts: string;
  /** The id of the copy family's original (the article's own id when it is no copy). */
  family: string;
  /** The story (stories.no) the article belongs to; null until status 3. */
  story: number | null;
  ingested: string;
}

/** How far an article's assignment got, kept apart from its (wide) row so marking it rewrites little. */
export interface ArticleProgressTable {
  seq: number;
  /** 0 prepared, 1 copies assigned, 2 counted for stories, 3 in a story. */
  status: number;
  /** 1 when the article votes in the story index (an original of a family no story holds yet). */
  voter: number;
}

/** The per-article signatures computed once at ingest: copy profile and keys, story terms. */
export interface SignaturesTable {
  seq: number;
  digest: number;
  chars: number;
  /** Uint16 word codes and sentence ends (copies/profile.ts). */
  codes: Buffer;
  sentence_ends: Buffer;
  /** Int32 index keys (copies/copy-index.ts); empty for a text too short to be a copy. */
  keys: Buffer;
  /** Word and skeleton keys the copy index holds for this slot (0 for exact reprints and short texts). */
  word_keys: number;
  skeleton_keys: number;
  /** Float64 [terms…, raw…, boost…] (stories/terms.ts). */
  terms: Buffer;
}

/** Copy index: key → slots (at most MAX_POSTING per key). */
export interface CopyPostingsTable {
  key: number;
  slot: number;
}

export interface CopyDigestsTable {
  digest: number;
  slot: number;
}

/** Verified copy relations between two slots (a earlier than b), from which families are drawn. */
export interface CopyEdgesTable {
  a: number;
  b: number;
  kind: string;
  similarity: number;
}

/** The copies as a Brief lists them: each copy pointing at its family's original. */
export interface CopiesTable {
  copy: string;
  of: string;
  kind: string;
  similarity: number;
  copy_seq: number;
}

export interface StoryDfTable {
  term: number;
  df: number;
}

/** A story of the story index. `key` is the id of the article that opened it: stable across ingests. */
export interface StoriesTable {
  no: number;
  key: string;
  size: number;
  terms: number;
  norm2: number;
  /** Set when the story was merged into another (see story_merges): its articles moved there. */
  merged_into: number | null;
  /** 1 when its output must be recomputed (see `rebuildDue`: a large story waits until it has grown). */
  dirty: number;
  /** Articles placed in it (originals and copies): what rebuilding its output reads. */
  members: Generated<number>;
  /** `members` when its output was last built (0: never). */
  built: Generated<number>;
}

/** A story centroid's terms; read by term, newest `added` first, as the index's posting lists. */
export interface StoryTermsTable {
  story: number;
  term: number;
  weight: number;
  added: number;
}

/** The Story (storydesk/brief@1) of each story, as last computed, with what filters need. */
export interface StoryOutputsTable {
  story: number;
  id: string;
  title: string;
  size: number;
  first_seq: number;
  first_date: string | null;
  last_date: string | null;
  json: string;
}

export interface StoryMergesTable {
  seq: Generated<number>;
  from_story: number;
  into_story: number;
  reason: string;
  at: string;
}

/** Counters of the ingest: story index document count, next story number, next posting order. */
export interface IngestStateTable {
  key: string;
  value: number;
}

/**
 * A batch of documents queued by `storydesk ingest --queue`, prepared by any worker. Its articles take the
 * sequence numbers first_seq … first_seq + size - 1 (by position; a duplicate or unreadable one leaves a
 * gap), so the corpus orders them as one process would. Rounds are assigned in order, each once all its
 * batches are prepared; then its rows are deleted.
 */
export interface IngestBatchesTable {
  no: number;
  round: number;
  first_seq: number;
  size: number;
  /** JSON: the SourceDocuments; null once prepared. */
  docs: string | null;
  prepared: number;
}

export interface Database {
  ingest_batches: IngestBatchesTable;
  storydesk_meta: MetaTable;
  articles: ArticlesTable;
  article_progress: ArticleProgressTable;
  signatures: SignaturesTable;
  copy_postings: CopyPostingsTable;
  /** Postings since the last merge into copy_postings (migration 16); lookups read both. */
  copy_postings_recent: CopyPostingsTable;
  copy_digests: CopyDigestsTable;
  copy_edges: CopyEdgesTable;
  copies: CopiesTable;
  story_df: StoryDfTable;
  stories: StoriesTable;
  story_terms: StoryTermsTable;
  story_outputs: StoryOutputsTable;
  story_merges: StoryMergesTable;
  ingest_state: IngestStateTable;
  story_entities: StoryEntitiesTable;
  story_versions: StoryVersionsTable;
  story_cards: StoryCardsTable;
}

/** The entities of each story output, written with it (the desk lists stories by entity). */
export interface StoryEntitiesTable {
  story: number;
  name: string;
  /** The name in lower case: the case-insensitive search key. */
  lname: string;
  type: string;
  mentions: number;
}

/**
 * A feed or page followed by `storydesk follow`, polled by `storydesk poll`: its schedule, the validators
 * of its last response (for conditional requests) and how its last polls went.
 */
export interface FollowedSourcesTable {
  id: Generated<number>;
  url: string;
  every_seconds: number;
  /** 1: a new feed item's linked page is fetched for its full text. */
  item_pages: Generated<number>;
  added: string;
  /** ISO time of the next poll (ISO strings of one form compare in time order). */
  next_due: string;
  /** What the last good response held: "feed" or "page". */
  kind: string | null;
  etag: string | null;
  last_modified: string | null;
  last_polled: string | null;
  last_ok: string | null;
  last_status: number | null;
  last_error: string | null;
  /** Failed polls in a row (the backoff grows with it); 0 after a good one. */
  failures: Generated<number>;
  last_added: Generated<number>;
  total_added: Generated<number>;
}

/** Feed items already taken from a source (by link, else guid or content hash), so they are not fetched again. */
export interface FollowedItemsTable {
  source: number;
  key: string;
  seen: string;
}

// Declaration merging: the followed-source tables join the one Database interface.
export interface Database {
  followed_sources: FollowedSourcesTable;
  followed_items: FollowedItemsTable;
}

/** Bumped by triggers each time a story's output is written: a server may keep an answer until it changes. */
export interface StoryVersionsTable {
  story: number;
  version: number;
}

/** A story's independent voices (copy families), copied from its output by triggers for story lists. */
export interface StoryCardsTable {
  story: number;
  voices: number;
}
