// When and where one article's happening took place, read from its lead.

import type { Article, ArticleFacts, DatePrecision, PartialDate } from "../model/index.js";
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
  if (!published || published.precision !== "day") return dominantLeadTime(facts, options, null) ?? published;
  const lead = dominantLeadTime(facts, options, published);
  if (!lead) return published;
  const adds = lead.precision === "day" || daysApart(lead, published.start) > 0;
  return adds ? lead : published;
}

/**
 * The lead's most frequent resolved date near publication. Ties go to the finer, then the later one: a
 * lead that names both the theft (November 13) and the arrests (on Tuesday) reports the arrests; the
 * older date is background.
 */
function dominantLeadTime(facts: ArticleFacts | undefined, options: EventOptions, published: EventDate | null): EventDate | null {
  const seen = new Map<PartialDate, { count: number; range: EventDate }>();
  for (const time of facts?.times ?? []) {
    if (time.sentence >= options.leadSentences) continue;
    const entry = seen.get(time.date);
    if (entry) {
      entry.count++;
      continue;
    }
    const range = withRange(time.date);
    if (!range || (published && daysApart(range, published.start) > options.nearDays)) continue;
    seen.set(time.date, { count: 1, range });
  }
  let best: { count: number; range: EventDate } | null = null;
  for (const e of seen.values()) {
    if (
      !best ||
      e.count > best.count ||
      (e.count === best.count && (finer(e.range.precision, best.range.precision) ||
        (e.range.precision === best.range.precision && e.range.start > best.range.start)))
    ) best = e;
  }
  return best?.range ?? null;
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
