// Time expressions in TIMEX3 form: the calendar dates the timeline uses (dates.ts), as DATE values.
import type { Article, Timex } from "../model/index.js";
import { findTimes } from "./dates.js";

/** All time expressions of an article with TIMEX3 type and value, in text order. Pure. */
export function findTimexes(article: Article): Timex[] {
  return findTimes(article).map((t) => ({
    start: t.start, end: t.end, text: t.text, sentence: t.sentence, type: "DATE", value: t.date, precision: t.precision,
  }));
}
