// splitEvents: the separate happenings inside one story (the July summit, the follow-up in March).
//
// Articles are dated by their lead (article-time.ts), sorted, and chained: an article joins the current
// event unless its date lies more than `gapDays` past the event's, or it moved to another main place
// after more than `placeGapDays`. Copies say nothing new, so they neither date nor place anything: they
// follow their original.

import type { Article, ArticleFacts, Copy, DatePrecision, PartialDate, StoryEvent } from "../model/index.js";
import { eventDateOf, mainPlaceOf, type EventDate } from "./article-time.js";
import { originalOf } from "./copies.js";
import { atLeast, truncate } from "../model/partial-date.js";
import { EVENT_DEFAULTS, type EventOptions } from "./options.js";

interface Dated {
  article: Article;
  /** Input position, for stable ties. */
  order: number;
  date: EventDate | null;
  place: string | null;
}

interface Group {
  /** Independent members, earliest first. */
  members: Dated[];
  /** The last day the event is known to cover. */
  end: number;
  places: Set<string>;
}

/** Splits one story's articles into events, ordered by date (undated last). Ids are left to the caller. */
export function splitEvents(
  articles: Article[],
  facts: ReadonlyMap<string, ArticleFacts>,
  copies: Copy[],
  options: Partial<EventOptions> = {},
): Omit<StoryEvent, "id">[] {
  const opts = { ...EVENT_DEFAULTS, ...options };
  const original = originalOf(articles, copies);
  const independent: Dated[] = [];
  articles.forEach((article, order) => {
    if (original.has(article.id)) return;
    const f = facts.get(article.id);
    independent.push({ article, order, date: eventDateOf(article, f, opts), place: mainPlaceOf(article, f, opts) });
  });
  const groups = chainByDate(independent.filter((d) => d.date), opts);
  placeUndated(groups, independent.filter((d) => !d.date));

  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => g.members.forEach((d) => groupOf.set(d.article.id, i)));
  return groups.map((group, i) => {
    const date = agreedDate(group.members.flatMap((d) => (d.date ? [d.date] : [])));
    return {
      title: titleOf(group.members[0].article, opts.titleMaxChars),
      date: date?.date ?? null,
      precision: date?.precision ?? null,
      articles: articles.filter((a) => groupOf.get(original.get(a.id) ?? a.id) === i).map((a) => a.id),
    };
  });
}

function chainByDate(dated: Dated[], opts: EventOptions): Group[] {
  dated.sort((a, b) => a.date!.start - b.date!.start || a.order - b.order);
  const groups: Group[] = [];
  for (const d of dated) {
    const current = groups[groups.length - 1];
    if (current && !startsNewEvent(current, d, opts)) {
      current.members.push(d);
      current.end = Math.max(current.end, lastDay(d.date!));
      if (d.place) current.places.add(d.place);
    } else {
      groups.push({ members: [d], end: lastDay(d.date!), places: new Set(d.place ? [d.place] : []) });
    }
  }
  return groups;
}

function startsNewEvent(current: Group, d: Dated, opts: EventOptions): boolean {
  const gap = d.date!.start - current.end;
  if (gap > opts.gapDays) return true;
  const moved = d.place !== null && current.places.size > 0 && !current.places.has(d.place);
  return moved && gap > opts.placeGapDays;
}

/** A year-only date must not stretch an event over a whole year: it counts as its first day. */
function lastDay(date: EventDate): number {
  return date.precision === "year" ? date.start : date.end;
}

/**
 * Undated articles join the first event at their main place; the rest form one last, undated event
 * (which is the only event when nothing in the story is dated).
 */
function placeUndated(groups: Group[], undated: Dated[]): void {
  const rest: Dated[] = [];
  for (const d of undated) {
    const home = d.place === null ? undefined : groups.find((g) => g.places.has(d.place!));
    if (home) home.members.push(d);
    else rest.push(d);
  }
  if (rest.length > 0) groups.push({ members: rest, end: Number.NEGATIVE_INFINITY, places: new Set() });
}

const PRECISIONS: DatePrecision[] = ["day", "month", "year"];
const TRAILING_PUNCTUATION = /[\s,;:–—-]+$/;

/**
 * The event's date at the finest precision most of its dated articles agree on (a strict majority, so
 * one stray report does not blur a well-dated event); when not even the year has a majority, the
 * earliest year.
 */
function agreedDate(dates: EventDate[]): { date: PartialDate; precision: DatePrecision } | null {
  if (dates.length === 0) return null;
  for (const precision of PRECISIONS) {
    const counts = new Map<PartialDate, number>();
    for (const d of dates) {
      if (!atLeast(d.precision, precision)) continue;
      const key = truncate(d.date, precision);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const [date, n] of counts) if (n * 2 > dates.length) return { date, precision };
  }
  const earliest = dates.reduce((a, b) => (b.start < a.start ? b : a));
  return { date: truncate(earliest.date, "year"), precision: "year" };
}

/** The article's title, or its first sentence cut at a word boundary. */
function titleOf(article: Article, maxChars: number): string {
  const title = article.title?.trim();
  if (title) return title;
  const first = (article.sentences[0]?.text ?? article.text).trim();
  if (first.length <= maxChars) return first;
  const cut = first.lastIndexOf(" ", maxChars - 1);
  return `${first.slice(0, cut > maxChars / 2 ? cut : maxChars - 1).replace(TRAILING_PUNCTUATION, "")}…`;
}
