// splitEvents: the separate happenings inside one story (the July summit, the follow-up in March).
//
// Articles with a publication date are dated by their lead (article-time.ts), sorted, and chained: an
// article joins the current event unless its date lies more than `gapDays` past the event's, or it moved
// to another main place after more than `placeGapDays`. An undated article is never given a date: it
// joins the event whose place, actors and wording it shares most (however far in time), or opens an
// event of its own, dated only if its lead names a date.
// Copies say nothing new, so they neither date nor place anything: they follow their original.

import type { Article, ArticleFacts, Copy, DatePrecision, Entity, PartialDate, StoryEvent } from "../model/index.js";
import { articleProfile, type ArticleProfile, type EventDate } from "./article-time.js";
import { originalOf } from "./copies.js";
import { foldName } from "../facts/names.js";
import { atLeast, truncate } from "../model/partial-date.js";
import { EVENT_DEFAULTS, type EventOptions } from "./event-options.js";

interface Member extends ArticleProfile {
  article: Article;
  /** Input position, for stable ties. */
  order: number;
}

interface Group {
  /** Position among the story's events, for stable ties. */
  order: number;
  /** Independent members: dated ones earliest first, then undated ones in input order. */
  members: Member[];
  /** The last day the event is known to cover (-Infinity for an undated event). */
  end: number;
  places: Set<string>;
  actors: Map<string, number>;
  words: Map<string, number>;
}

/** An event before ids and actors: actors come from the story's merged entities (`eventActors`). */
export type SplitEvent = Omit<StoryEvent, "id" | "actors">;

/** Splits one story's articles into events, ordered by date (undated last). Ids are left to the caller. */
export function splitEvents(
  articles: Article[],
  facts: ReadonlyMap<string, ArticleFacts>,
  copies: Copy[],
  options: Partial<EventOptions> = {},
): SplitEvent[] {
  const opts = { ...EVENT_DEFAULTS, ...options };
  const original = originalOf(articles, copies);
  const independent: Member[] = [];
  articles.forEach((article, order) => {
    if (!original.has(article.id)) independent.push({ article, order, ...articleProfile(article, facts.get(article.id), opts) });
  });
  const groups = chainByDate(independent.filter((d) => d.date), opts);
  placeUndated(groups, independent.filter((d) => !d.date), rarity(independent), opts);

  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => g.members.forEach((d) => groupOf.set(d.article.id, i)));
  return groups.map((group, i) => {
    // Undated articles' lead dates count only where no article of the event has a publication date.
    const dated = group.members.flatMap((d) => (d.date ? [d.date] : []));
    const date = agreedDate(dated.length ? dated : group.members.flatMap((d) => (d.leadDate ? [d.leadDate] : [])));
    return {
      title: titleOf(group.members[0].article, opts.titleMaxChars),
      date: date?.date ?? null,
      precision: date?.precision ?? null,
      place: agreedPlace(group.members),
      articles: articles.filter((a) => groupOf.get(original.get(a.id) ?? a.id) === i).map((a) => a.id),
    };
  });
}

/**
 * An event's actors: the story's people and organisations its articles mention, those named in more of
 * the event's articles first (then the more mentioned across the story), at most `maxActors`. A name
 * that is the place of one of the story's events is a place, whatever type the tagger gave it.
 */
export function eventActors(
  articles: string[],
  entities: Entity[],
  places: ReadonlySet<string>,
  maxActors = EVENT_DEFAULTS.maxActors,
): string[] {
  const members = new Set(articles);
  const ranked: { name: string; shared: number; mentions: number }[] = [];
  for (const e of entities) {
    if ((e.type !== "person" && e.type !== "organization") || places.has(foldName(e.name))) continue;
    const shared = e.articles.filter((a) => members.has(a)).length;
    if (shared > 0) ranked.push({ name: e.name, shared, mentions: e.mentions });
  }
  ranked.sort((a, b) => b.shared - a.shared || b.mentions - a.mentions || b.name.length - a.name.length);
  // "Havbris" beside "Havbris Ferries" is one actor the entity merge left in two.
  const chosen: string[] = [];
  for (const { name } of ranked) {
    if (chosen.length === maxActors) break;
    const words = ` ${name.toLowerCase()} `;
    if (!chosen.some((c) => ` ${c.toLowerCase()} `.includes(words))) chosen.push(name);
  }
  return chosen;
}

function chainByDate(dated: Member[], opts: EventOptions): Group[] {
  dated.sort((a, b) => a.date!.start - b.date!.start || a.order - b.order);
  const groups: Group[] = [];
  for (const d of dated) {
    const current = groups[groups.length - 1];
    if (current && !startsNewEvent(current, d, opts)) add(current, d);
    else groups.push(add(emptyGroup(groups.length), d));
  }
  return groups;
}

function startsNewEvent(current: Group, d: Member, opts: EventOptions): boolean {
  const gap = d.date!.start - current.end;
  if (gap > opts.gapDays) return true;
  const moved = d.place !== null && current.places.size > 0 && !current.places.has(d.place.key);
  return moved && gap > opts.placeGapDays;
}

function emptyGroup(order: number): Group {
  return { order, members: [], end: Number.NEGATIVE_INFINITY, places: new Set(), actors: new Map(), words: new Map() };
}

function add(group: Group, d: Member): Group {
  group.members.push(d);
  if (d.date) group.end = Math.max(group.end, lastDay(d.date));
  if (d.place) group.places.add(d.place.key);
  for (const a of d.actors) group.actors.set(a, (group.actors.get(a) ?? 0) + 1);
  for (const w of d.words) group.words.set(w, (group.words.get(w) ?? 0) + 1);
  return group;
}

/** A year-only date must not stretch an event over a whole year: it counts as its first day. */
function lastDay(date: EventDate): number {
  return date.precision === "year" ? date.start : date.end;
}

/**
 * How telling each word is inside this story: every article shares the story's own words, so the words
 * few of them use are the ones that tell one event from another (log(1 + n / df), never zero, so a story
 * of two articles still matches on the words they share).
 */
function rarity(members: Member[]): (word: string) => number {
  const df = new Map<string, number>();
  for (const m of members) for (const w of m.words) df.set(w, (df.get(w) ?? 0) + 1);
  return (w) => Math.log(1 + members.length / (df.get(w) ?? 1));
}

/**
 * Undated articles, in input order, each to the event (dated, or undated and opened before it) it fits
 * best by shared place, shared actors and shared telling words, among those not over before its lead's
 * date; below `undatedJoin` it opens an event of its own. No date is guessed for it.
 */
function placeUndated(groups: Group[], undated: Member[], weight: (w: string) => number, opts: EventOptions): void {
  const postings = new Map<string, Group[]>();
  const seen = new Map<Group, Set<string>>();
  const index = (g: Group, d: Member) => {
    const keys = seen.get(g) ?? new Set<string>();
    seen.set(g, keys);
    for (const key of keysOf(d)) {
      if (keys.has(key)) continue;
      keys.add(key);
      const list = postings.get(key);
      if (list) list.push(g);
      else postings.set(key, [g]);
    }
  };
  for (const g of groups) for (const m of g.members) index(g, m);

  for (const d of undated) {
    let best: Group | null = null;
    let bestScore = opts.undatedJoin;
    for (const g of candidates(d, postings, opts.candidateScan)) {
      if (endedBefore(g, d.leadDate, opts)) continue;
      const s = fit(d, g, weight, opts);
      // Ties go to the earlier event, whatever order the candidates came in.
      if (s > bestScore || (s === bestScore && (!best || g.order < best.order))) [best, bestScore] = [g, s];
    }
    const home = best ?? (groups.push(emptyGroup(groups.length)), groups[groups.length - 1]);
    add(home, d);
    index(home, d);
  }
}

/** The keys an article is found by: its main place, the names and the words of its lead. */
function keysOf(d: Member): string[] {
  const keys = [...[...d.actors].map((a) => `n:${a}`), ...[...d.words].map((w) => `w:${w}`)];
  if (d.place) keys.push(`p:${d.place.key}`);
  return keys;
}

/**
 * The events an undated article shares a place, name or word with: only those can reach the join score.
 * Each key's most recent `scan` events are read, so a story's common words do not make the cost grow with
 * the story; rare keys, the telling ones, have short lists and are read whole.
 */
function candidates(d: Member, postings: ReadonlyMap<string, Group[]>, scan: number): Set<Group> {
  const out = new Set<Group>();
  for (const key of keysOf(d)) {
    const list = postings.get(key);
    if (!list) continue;
    for (let i = list.length - 1; i >= Math.max(0, list.length - scan); i--) out.add(list[i]);
  }
  return out;
}

/**
 * Whether a dated event was over before an undated article's lead date: whether that date is the article's
 * own happening or background it recalls, the article reports something on or after it.
 */
function endedBefore(g: Group, leadDate: EventDate | null, opts: EventOptions): boolean {
  return leadDate !== null && Number.isFinite(g.end) && g.end + opts.gapDays < leadDate.start;
}

/** Place, actors and wording an article shares with an event, each 0–1, weighed into one score. */
function fit(d: Member, g: Group, weight: (w: string) => number, opts: EventOptions): number {
  const place = d.place && g.places.has(d.place.key) ? 1 : 0;
  let actors = 0;
  for (const a of d.actors) if (g.actors.has(a)) actors++;
  const actorShare = d.actors.size ? actors / d.actors.size : 0;
  return opts.placeWeight * place + opts.actorWeight * actorShare + opts.wordWeight * wordShare(d.words, g.words, weight);
}

/**
 * The share of the article's words the event uses, each word by its rarity: a short report about an event
 * is all but contained in it, however many words its other reports add.
 */
function wordShare(words: ReadonlySet<string>, event: ReadonlyMap<string, number>, weight: (w: string) => number): number {
  let shared = 0;
  let all = 0;
  for (const w of words) {
    const x = weight(w);
    all += x;
    if (event.has(w)) shared += x;
  }
  return all ? shared / all : 0;
}

const PRECISIONS: DatePrecision[] = ["day", "month", "year"];
const TRAILING_PUNCTUATION = /[\s,;:–—-]+$/;

/**
 * The event's date at the finest precision most of its dated articles give (a strict majority, so one
 * report dated only by its month does not make a well-dated event vague): the date most of those give,
 * ties going to the earliest (a strike reported on its first and second day is dated by its start).
 */
function agreedDate(dates: EventDate[]): { date: PartialDate; precision: DatePrecision } | null {
  if (dates.length === 0) return null;
  for (const precision of PRECISIONS) {
    const counts = new Map<PartialDate, number>();
    let n = 0;
    for (const d of dates) {
      if (!atLeast(d.precision, precision)) continue;
      n++;
      const key = truncate(d.date, precision);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    if (n * 2 <= dates.length) continue;
    let best: PartialDate | null = null;
    for (const [date, c] of counts) {
      const bestCount = best === null ? 0 : counts.get(best)!;
      if (c > bestCount || (c === bestCount && date < best!)) best = date;
    }
    return { date: best!, precision };
  }
  const earliest = dates.reduce((a, b) => (b.start < a.start ? b : a));
  return { date: truncate(earliest.date, "year"), precision: "year" };
}

/** The main place of a strict majority of the members that have one, as first written; else none is clear. */
function agreedPlace(members: Member[]): string | null {
  const counts = new Map<string, { name: string; n: number }>();
  let placed = 0;
  for (const m of members) {
    if (!m.place) continue;
    placed++;
    const c = counts.get(m.place.key);
    if (c) c.n++;
    else counts.set(m.place.key, { name: m.place.name, n: 1 });
  }
  for (const c of counts.values()) if (c.n * 2 > placed) return readable(c.name);
  return null;
}

/** A dateline's capitals ("NEW DELHI") as a name is written ("New Delhi"). */
function readable(name: string): string {
  if (name !== name.toUpperCase() || name.length <= 3) return name;
  return name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
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
