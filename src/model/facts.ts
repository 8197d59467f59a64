// What `storydesk facts` produces (storydesk/facts@1): per article, the facts stage's findings with offsets
// into the article's clean text, entities merged within the article, and time expressions in TIMEX3 form.
import type { Article, InputError } from "./article.js";
import type { EntityType } from "./brief.js";
import type { Attribution } from "./findings.js";

export const FACTS_SCHEMA = "storydesk/facts@1";

/** TimeML's four kinds of time expression. */
export type TimexType = "DATE" | "TIME" | "DURATION" | "SET";

/** How exact a time expression's value is. */
export type TimexPrecision = "time" | "day" | "week" | "month" | "quarter" | "season" | "year" | "decade" | "century";

/** A time expression with its TIMEX3 value ("2022-07-09", "2022-W27", "P3D", "PRESENT_REF", "XXXX-07"). */
export interface Timex {
  start: number;
  end: number;
  text: string;
  sentence: number;
  type: TimexType;
  /** Resolved against the article's date where one is needed; X where the text leaves a digit open ("PXY"
   *  for "years") or, without an article date, where only that date could fill it ("XXXX-WXX-4"). */
  value: string;
  /** Of a DATE or TIME value; null for durations, sets and references ("now", "the past"). */
  precision: TimexPrecision | null;
}

export interface FactsMention {
  start: number;
  end: number;
  /** Exactly text.slice(start, end). */
  text: string;
  /** The name without titles or possessive. */
  name: string;
  type: EntityType;
  role: string | null;
  sentence: number;
  /** Index into the article's entities. */
  entity: number;
}

export interface FactsEntity {
  name: string;
  type: EntityType;
  aliases: string[];
  mentions: number;
  role: string | null;
}

export interface FactsQuote {
  start: number;
  end: number;
  /** The quoted words, parts split by an attribution joined with " … ". */
  text: string;
  sentence: number;
  /** Index into the article's entities, or null when no speaker was found. */
  speaker: number | null;
  attribution: Attribution;
  partial: boolean;
}

/** Indirect speech: what someone is reported to have said, without quote marks ("Oppal said Blackmore …"). */
export interface FactsClaim {
  start: number;
  end: number;
  text: string;
  sentence: number;
  /** Index into the article's entities, or null when the speaker is not named (or not found). */
  speaker: number | null;
  attribution: "named" | "pronoun" | "role";
}

export interface ArticleFactsView {
  id: string;
  path: string;
  title: string | null;
  published: string | null;
  /** The clean text all offsets count into (UTF-16 code units, as JavaScript strings do). */
  text: string;
  mentions: FactsMention[];
  entities: FactsEntity[];
  quotes: FactsQuote[];
  claims: FactsClaim[];
  times: Timex[];
}

/** The whole output of one facts run. */
export interface FactsReport {
  schema: typeof FACTS_SCHEMA;
  articles: ArticleFactsView[];
  errors: InputError[];
}
