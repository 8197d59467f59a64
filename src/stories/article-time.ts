// When, where and with whom one article's happening took place, and the words it is told in, read from
// its lead: what splitEvents compares.

import type { Article, ArticleFacts, DatePrecision, PartialDate } from "../model/index.js";
import { atLeast, dayRange, daysApart, type DayRange } from "../model/partial-date.js";
import { foldName, nameKey, nameParts, partKey } from "../facts/names.js";
import { contentWords } from "../text/tokens.js";
import type { EventOptions } from "./event-options.js";

export interface EventDate extends DayRange {
  date: PartialDate;
}

export interface Place {
  /** Case and accents folded, so "GENEVA" and "Geneva" agree. */
  key: string;
  /** As first written. */
  name: string;
}

export interface ArticleProfile {
  /** The happening's date, for an article with a publication date; null for an undated one. */
  date: EventDate | null;
  /**
   * For an undated article, the date its lead gives, if any. It never places the article (without a
   * publication date a lead's "May 12, 2023" may as well be the background of a later report), but it
   * dates an event that holds only undated articles (a newsletter headed "November 2024").
   */
  leadDate: EventDate | null;
  place: Place | null;
  /** Keys of the names in the lead (see leadActors). */
  actors: Set<string>;
  /** Content words of the title and lead, lowercased. */
  words: Set<string>;
}

export function articleProfile(article: Article, facts: ArticleFacts | undefined, options: EventOptions): ArticleProfile {
  const place = mainPlaceOf(article, facts, options);
  const actors = leadActors(facts, options);
  // The main place is weighed as the place; counted among the names too, it would weigh twice.
  if (place) actors.delete(nameKey(place.name));
  const published = article.published ? withRange(article.published) : null;
  return {
    date: published ? eventDateOf(published, facts, options) : null,
    leadDate: published ? null : dominantLeadTime(facts, options, null),
    place,
    actors,
    words: leadWords(article, options),
  };
}

/**
 * Every name of the lead, whatever type the tagger gave it (a ferry operator typed "other", a town typed a
 * person: only the name itself is trusted here); a person's by surname, so "Jobs" = "Steve Jobs".
 */
function leadActors(facts: ArticleFacts | undefined, options: EventOptions): Set<string> {
  const keys = new Set<string>();
  for (const m of facts?.mentions ?? []) {
    if (m.sentence >= options.leadSentences) continue;
    const parts = nameParts(m.name);
    keys.add(m.type === "person" && parts.length ? partKey(parts[parts.length - 1]) : nameKey(m.name));
  }
  keys.delete("");
  return keys;
}

function leadWords(article: Article, options: EventOptions): Set<string> {
  const lead = article.sentences.slice(0, options.leadSentences).map((s) => s.text);
  return new Set(contentWords([article.title ?? "", ...lead].join(" ")));
}

/**
 * The date of the happening an article reports: the dominant time expression of its lead when that lies
 * near publication (news reports what just happened or is about to), else the publication date, since
 * a far date in the lead is background ("last July's summit"). A lead date coarser than a day loses to
 * the publication day too: containing it, it adds nothing; not containing it, it is background ("criticism
 * last month", in an article on the engineer who left this week).
 */
function eventDateOf(published: EventDate, facts: ArticleFacts | undefined, options: EventOptions): EventDate {
  if (published.precision !== "day") return dominantLeadTime(facts, options, null) ?? published;
  const lead = dominantLeadTime(facts, options, published);
  return lead?.precision === "day" ? lead : published;
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
 * dateline counting as one mention. A tie goes to the dateline; a tie without it leaves no place clear
 * ("the report on the fire off Bergen … told reporters in Oslo": the lead does not say which is its own).
 */
export function mainPlaceOf(article: Article, facts: ArticleFacts | undefined, options: EventOptions): Place | null {
  const counts = new Map<string, { name: string; n: number }>();
  const count = (name: string) => {
    const key = foldName(name);
    const c = counts.get(key);
    if (!c) counts.set(key, { name, n: 1 });
    else {
      c.n++;
      // A dateline is written in capitals ("NEW DELHI"); the lead's "New Delhi" reads better.
      if (c.name === c.name.toUpperCase() && name !== name.toUpperCase()) c.name = name;
    }
  };
  if (article.dateline) count(article.dateline);
  // A name typed a place anywhere in the article is that place wherever it stands ("the Zaragoza line").
  const places = new Set((facts?.mentions ?? []).filter((m) => m.type === "place").map((m) => foldName(m.name)));
  for (const m of facts?.mentions ?? []) if (m.sentence < options.leadSentences && places.has(foldName(m.name))) count(m.name);
  let best: Place | null = null;
  let bestN = 0;
  let tied = false;
  for (const [key, { name, n }] of counts) {
    if (n > bestN) [best, bestN, tied] = [{ key, name }, n, false];
    else if (n === bestN) tied = true;
  }
  // The dateline, counted first, is the best of a tie it is in.
  const datelineWins = article.dateline !== null && best?.key === foldName(article.dateline);
  return tied && !datelineWins ? null : best;
}
