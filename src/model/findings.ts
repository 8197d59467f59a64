// What the facts stage finds in one article, before story-level merging.
// Offsets are into Article.text; `sentence` is Sentence.i.

import type { DatePrecision, EntityType, PartialDate } from "./brief.js";

/** A name as it appears in the text. */
export interface Mention {
  /** Exactly as written, including a title if one was attached ("Foreign Minister Aleksandr Petrov"). */
  text: string;
  /** The name without titles or possessive ("Aleksandr Petrov"). */
  name: string;
  type: EntityType;
  /** A title or role attached to or appositive to the name ("foreign minister", "spokeswoman"), lowercased. */
  role: string | null;
  sentence: number;
  start: number;
  end: number;
}

/**
 * How a quote's speaker was found: a name after the quote ("…," Petrov said), a name before it (Petrov
 * said: "…"), a pronoun or a role resolved back to a name, the previous quote's speaker going on, or none.
 */
export type Attribution = "named-after" | "named-before" | "pronoun" | "role" | "continued" | "none";

/** A direct quote and, when found, who said it. */
export interface QuoteFinding {
  /** The quoted words without the quote marks; the parts of a quote split by "he said" joined with " … ". */
  text: string;
  /** The sentence where the quote starts. */
  sentence: number;
  /** The speaker's name as a Mention.name of the same article, or null when unknown. */
  speaker: string | null;
  /** Offsets into Article.text: the opening mark, and just after the last part's closing mark. Facts stored
   *  before these fields existed lack them. */
  start?: number;
  end?: number;
  /** How the attribution was found; with "pronoun" or "role" the speaker is null when nothing fits. */
  attribution?: Attribution;
  /** A few quoted words inside a sentence of the writer's own ("agreed to 'consult in good faith'"). */
  partial?: boolean;
}

/** A time expression resolved against the article's publication date. */
export interface TimeFinding {
  text: string;
  sentence: number;
  start: number;
  end: number;
  date: PartialDate;
  precision: DatePrecision;
}

export interface ArticleFacts {
  article: string;
  mentions: Mention[];
  quotes: QuoteFinding[];
  times: TimeFinding[];
}
