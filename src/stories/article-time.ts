// When and where one article's happening took place, read from its lead.

import type { Article, ArticleFacts, DatePrecision, PartialDate, TimeFinding } from "../model/index.js";
import { atLeast, dayRange, daysApart, type DayRange } from "../model/partial-date.js";
import type { EventOptions } from "./options.js";

export interface EventDate extends DayRange {
  date: PartialDate;
}

/**
 * The date of the happening an article reports: the dominant time expression of its lead when that lies
 * near publication (news reports what just happened or is about to), else the publication date, since
 * a far date in the lead is background ("last July's summit"). A lead date coarser than the publication
 * day that contains it adds nothing, so the publication day wins then. Null when nothing is dated.
 */
export function eventDateOf(article: Article, facts: ArticleFacts | undefined, options: EventOptions): EventDate | null {
  const published = article.published ? withRange(article.published) : null;
  const lead = dominantLeadTime(facts, options.leadSentences);
  if (!published || published.precision !== "day") return lead ?? published;
  if (!lead) return published;
  const near = daysApart(lead, published.start) <= options.nearDays;
  const adds = lead.precision === "day" || daysApart(lead, published.start) > 0;
  return near && adds ? lead : published;
}

/** The lead's most frequent resolved date; ties go to the finer, then the earlier one. */
function dominantLeadTime(facts: ArticleFacts | undefined, leadSentences: number): EventDate | null {
  const seen = new Map<PartialDate, { count: number; first: number; time: TimeFinding }>();
  facts?.times.forEach((time, i) => {
    if (time.sentence >= leadSentences) return;
    const entry = seen.get(time.date);
    if (entry) entry.count++;
    else seen.set(time.date, { count: 1, first: i, time });
  });
  let best: { count: number; first: number; time: TimeFinding } | null = null;
  for (const e of seen.values()) {
    if (!best || e.count > best.count || (e.count === best.count && finer(e.time.precision, best.time.precision))) best = e;
  }
  return best ? withRange(best.time.date) : null;
}

function finer(a: DatePrecision, b: DatePrecision): boolean {
  return a !== b && atLeast(a, b);
}

function withRange(date: PartialDate): EventDate | null {
  const range = dayRange(date);
  return range ? { date, ...range } : null;
}

/**
 * The place the article's lead is mostly about: its most mentioned place in the lead sentences, the
 * dateline counting as one mention (ties go to the earlier). Lowercased so "GENEVA" and "Geneva" agree.
 */
export function mainPlaceOf(article: Article, facts: ArticleFacts | undefined, options: EventOptions): string | null {
  const counts = new Map<string, number>();
  if (article.dateline) counts.set(article.dateline.toLowerCase(), 1);
  for (const m of facts?.mentions ?? []) {
    if (m.type !== "place" || m.sentence >= options.leadSentences) continue;
    const name = m.name.toLowerCase();
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [name, n] of counts) if (best === null || n > counts.get(best)!) best = name;
  return best;
}
