// A user's corrections to story assignment: pin an article to another article's story, or split it out
// into a story of its own. Applied after assignment, so they hold whatever the grouping decides on a
// re-run. A pin names articles by id (a hash of their content, the same on every run), and a story by one
// of its articles (its anchor): story ids hash their members, so they change when a pin moves one.

/** `article` joins the story that holds `with`; or, with `split`, forms a story alone. */
export type Pin = { article: string; with: string } | { article: string; split: true };

/**
 * Story groups (article ids) with the pins applied, biggest first like the grouping's. A pin whose article
 * is not in the groups, or whose anchor is not, is left out; the later pin of one article wins. A pin to
 * an anchor that is itself pinned follows it (chains are resolved; a cycle is cut where it closes).
 */
export function applyPins(groups: string[][], pins: readonly Pin[]): string[][] {
  if (pins.length === 0) return groups;
  const storyOf = new Map<string, number>();
  groups.forEach((g, i) => g.forEach((id) => storyOf.set(id, i)));
  const last = new Map<string, Pin>();
  for (const p of pins) if (storyOf.has(p.article) && ("split" in p || storyOf.has(p.with))) last.set(p.article, p);

  const target = new Map<string, number>();
  let next = groups.length;
  const resolve = (id: string, seen: Set<string>): number => {
    const known = target.get(id);
    if (known !== undefined) return known;
    const pin = last.get(id);
    let story = storyOf.get(id)!;
    if (pin && "split" in pin) story = next++;
    else if (pin && !seen.has(pin.with)) story = resolve(pin.with, seen.add(id));
    target.set(id, story);
    return story;
  };
  const out: string[][] = [];
  for (const group of groups) for (const id of group) (out[resolve(id, new Set())] ??= []).push(id);
  // Stories keep their order (split-out ones after them), then the biggest first as the grouping has it.
  return out.filter(Boolean).sort((a, b) => b.length - a.length);
}

/** The pins with `pin` replacing any earlier pin of the same article. */
export function withPin(pins: readonly Pin[], pin: Pin): Pin[] {
  return [...withoutPin(pins, pin.article), pin];
}

/** The pins without those of `article`. */
export function withoutPin(pins: readonly Pin[], article: string): Pin[] {
  return pins.filter((p) => p.article !== article);
}

/** The pins a value holds, or a message saying what is wrong with it (it comes from a user's file). */
export function parsePins(value: unknown): Pin[] | string {
  const list = (value as { pins?: unknown } | null)?.pins;
  if (!Array.isArray(list)) return 'expected {"pins": [...]}';
  const pins: Pin[] = [];
  for (const [i, p] of list.entries()) {
    const { article, with: anchor, split } = (p ?? {}) as Record<string, unknown>;
    if (typeof article !== "string" || !article) return `pin ${i + 1}: "article" must be an article id`;
    if (split === true) pins.push({ article, split: true });
    else if (typeof anchor === "string" && anchor) pins.push({ article, with: anchor });
    else return `pin ${i + 1}: give "with" (an article id of the story) or "split": true`;
  }
  return pins;
}
