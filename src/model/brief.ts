// The Brief (storydesk/brief@1): the one output model. Every renderer reads it; none recomputes.
// schema/brief.schema.json is the contract; keep the two in step.

import type { Article, InputError } from "./article.js";

export const BRIEF_SCHEMA = "storydesk/brief@1";

export type CopyKind = "exact" | "near" | "partial" | "spun";

/** `copy` repeats `of`. `of` is always the original of its family (never itself a copy). */
export interface Copy {
  copy: string;
  of: string;
  kind: CopyKind;
  /**
   * 0–1, by kind: exact 1; near and spun, the share of the two texts' sentences aligned (word for word,
   * edited or reworded); partial, the share of one text's words (the one more of which is repeated) in
   * sentences the other repeats word for word or lightly edited.
   */
  similarity: number;
}

/** How a sentence of a copy matches its original's: word for word, most words kept, or reworded around its names and numbers. */
export type SpanMatch = "verbatim" | "edited" | "reworded";

/** A sentence of the copy (index into its `sentences`) and the sentence of the original it repeats. */
export interface CopySpan {
  copy: number;
  of: number;
  match: SpanMatch;
}

/** A copy as a briefing shows it: with the evidence. */
export interface BriefCopy extends Copy {
  /**
   * The sentence pairs copy and original share, in text order (sentences of eight words or more that are
   * not mostly quotation; an exact copy pairs every sentence).
   */
  spans: CopySpan[];
  /** Why `of` is taken as the family's original ("published first (2024-03-04); the others later"). */
  reason: string;
}

/** A pointer to one sentence of one article: the unit of every citation. */
export interface Cite {
  article: string;
  sentence: number;
}

export type DatePrecision = "day" | "month" | "year";

/** YYYY-MM-DD, YYYY-MM or YYYY, by precision. */
export type PartialDate = string;

export type EntityType = "person" | "organization" | "place" | "other";

export interface Entity {
  /** The fullest form seen ("Aleksandr Petrov"), without titles. */
  name: string;
  type: EntityType;
  /** Other forms that were merged into it ("Petrov", "Alexander Petrov", "Foreign Minister Petrov"). */
  aliases: string[];
  articles: string[];
  /** How many times it is mentioned across the story's independent articles. */
  mentions: number;
  /** A role seen with it ("foreign minister", "spokeswoman"), or null. */
  role: string | null;
}

export interface Quote {
  text: string;
  /** The speaking entity's name (Entity.name), or null when no speaker could be found. */
  speaker: string | null;
  article: string;
  sentence: number;
}

/** One happening of a story: the summit in July, the follow-up in March. */
export interface StoryEvent {
  id: string;
  title: string;
  /** At the precision its articles give (day, month or year); null when none of them is dated. */
  date: PartialDate | null;
  precision: DatePrecision | null;
  /** Where it took place, when most of its articles that name a main place agree; else null. */
  place: string | null;
  /** Its people and organisations (story entity names), those named in more of its articles first. */
  actors: string[];
  articles: string[];
}

export interface TimelineEntry {
  date: PartialDate;
  precision: DatePrecision;
  text: string;
  cites: Cite[];
}

export interface SummarySentence {
  text: string;
  cites: Cite[];
}

/**
 * What kind of contradiction: a different figure (money, percent, a measure or duration), a different count
 * of things, a different date, a claim and its denial, or a different speaker for the same quote.
 */
export type DisagreementKind = "figure" | "count" | "date" | "denial" | "speaker";

/** Each kind in a reader's words, for renderers. */
/** What a rendered briefing says of a story larger than a briefing reads (`Story.read`). */
export function partlyReadNote(read: number): string {
  return `Summary, events, quotes and timeline read its ${read} most recent independent articles.`;
}

export const DISAGREEMENT_KIND_LABELS: Readonly<Record<DisagreementKind, string>> = {
  figure: "different figures",
  count: "different counts",
  date: "different dates",
  denial: "a claim and its denial",
  speaker: "one quote, different speakers",
};

/** One side of a disagreement: what it says, the sentences that say it, and the sources behind it. */
export interface DisagreementClaim {
  /** The side in a few words: "12 countries", "2022-07-08", "reported" or "denied", the speaker's name. */
  value: string;
  /** The first cited sentence. */
  text: string;
  cites: Cite[];
  /** The independent sources stating it: their copy families, each named by its original article's id. */
  sources: string[];
}

/** Two or more independent sources whose statements about the same thing cannot all be true. */
export interface Disagreement {
  kind: DisagreementKind;
  /** What they disagree about, in a few words ("country", "date of signed", "met Wanjiru"). */
  subject: string;
  claims: DisagreementClaim[];
}

/** Why an article is in its story, worked out from the story's articles (stories/explain.ts). */
export interface StoryPlacement {
  article: string;
  /** It opened the story, it is like the story's earlier articles, or it copies one of them (`of`). */
  by: "opened" | "similar" | "copy";
  of: string | null;
  /** 0–1: cosine of its key terms to those of the story's earlier articles; null when opened or a copy. */
  score: number | null;
  /** Key terms it shares with the earlier articles, the weightiest first (names and numbers weigh more). */
  terms: string[];
  /** People, organisations and places it names that the earlier articles name too. */
  names: string[];
  /** Days after the latest earlier article (negative: before it); null when either is undated. */
  gapDays: number | null;
}

export interface Story {
  id: string;
  title: string;
  articles: string[];
  /**
   * Present when the story has more articles than a briefing reads (BRIEFING_ARTICLES): how many of them,
   * its most recent originals first, the events, entities, quotes, timeline, summary, disagreements and
   * placements come from. `articles` and `voices` always count them all.
   */
  read?: number;
  /** Independent voices: the number of copy families among the story's articles. */
  voices: number;
  events: StoryEvent[];
  entities: Entity[];
  quotes: Quote[];
  timeline: TimelineEntry[];
  summary: SummarySentence[];
  disagreements: Disagreement[];
  /** One per article read, in `articles` order. Absent from stories a corpus stored before explanations. */
  placements?: StoryPlacement[];
}

export interface Brief {
  schema: typeof BRIEF_SCHEMA;
  generated: string;
  articles: Article[];
  copies: BriefCopy[];
  stories: Story[];
  errors: InputError[];
}
