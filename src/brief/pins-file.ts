// The pins file: a user's story corrections (src/stories/pins.ts), kept as .storydesk-pins.json beside the
// inputs so that every later `storydesk brief` of the same folder applies them (a hidden name, so a folder
// walk never reads it as an article). Reading and writing it is
// the only I/O here; naming articles and stories the way a user sees them (a file, a story id of the last
// briefing) is resolved against a briefing.

import { readFile, stat, writeFile } from "node:fs/promises";
import { dirname, join, sep } from "node:path";
import type { Brief } from "../model/index.js";
import { parsePins, withPin, withoutPin, type Pin } from "../stories/pins.js";

export const PINS_FILE = ".storydesk-pins.json";

/** .storydesk-pins.json in the first input folder (or the first input file's folder). */
export async function pinsFileFor(paths: string[]): Promise<string> {
  const first = paths[0] ?? ".";
  const isFolder = await stat(first).then((s) => s.isDirectory(), () => false);
  return join(isFolder ? first : dirname(first), PINS_FILE);
}

/** The pins of a file; none when it does not exist. A file that is not a pins file is an error, not ignored. */
export async function readPins(file: string): Promise<Pin[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw e;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`${file}: not JSON`);
  }
  const pins = parsePins(value);
  if (typeof pins === "string") throw new Error(`${file}: ${pins}`);
  return pins;
}

export async function writePins(file: string, pins: Pin[]): Promise<void> {
  await writeFile(file, `${JSON.stringify({ pins }, null, 2)}\n`);
}

/**
 * The article a user means: its id, or its input path (the whole path as given, or its end after a
 * folder: "03-blog.txt", "news/03-blog.txt"). Throws when none or several match.
 */
export function findArticle(briefing: Brief, ref: string): string {
  if (briefing.articles.some((a) => a.id === ref)) return ref;
  const matches = briefing.articles.filter((a) => a.source.path === ref || a.source.path.endsWith(`${sep}${ref}`) || a.source.path.endsWith(`/${ref}`));
  if (matches.length === 1) return matches[0].id;
  throw new Error(matches.length ? `"${ref}" names ${matches.length} articles: give more of the path or the article id` : `no article "${ref}" in the briefing`);
}

/**
 * The pins with `article` pinned to `story`: a story id of `briefing` (s-…) or any article of the story.
 * The story is kept as one of its articles, not its id, since the id changes once the pin moves an article.
 */
export function pinToStory(briefing: Brief, pins: readonly Pin[], article: string, story: string): Pin[] {
  const id = findArticle(briefing, article);
  const byId = briefing.stories.find((s) => s.id === story);
  const anchor = byId ? byId.articles.find((a) => a !== id) : findArticle(briefing, story);
  if (!anchor) throw new Error(`the article is already alone in ${story}`);
  if (anchor === id) throw new Error("an article cannot be pinned to itself");
  return withPin(pins, { article: id, with: anchor });
}

/** The pins with `article` split out into a story of its own. */
export function splitFromStory(briefing: Brief, pins: readonly Pin[], article: string): Pin[] {
  return withPin(pins, { article: findArticle(briefing, article), split: true });
}

/** The pins without any pin of `article`: it goes back to where the grouping puts it. */
export function unpin(briefing: Brief, pins: readonly Pin[], article: string): Pin[] {
  return withoutPin(pins, findArticle(briefing, article));
}
