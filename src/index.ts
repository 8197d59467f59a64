// storydesk as a library: `import { brief } from "storydesk"`.
import type { Brief } from "./model/index.js";
import { briefDocuments, type BriefOptions } from "./brief/assemble.js";
import { readInputs } from "./read/index.js";
import { pinsFileFor, pinToStory, readPins, splitFromStory, unpin, writePins } from "./brief/pins-file.js";
import type { Pin } from "./stories/pins.js";

/**
 * Reads files and folders and returns the briefing. Unreadable inputs are listed in Brief.errors. The
 * story pins kept beside the inputs (.storydesk-pins.json, see pinArticle) are applied unless
 * `options.pins` gives others.
 */
export async function brief(paths: string[], options: BriefOptions = {}): Promise<Brief> {
  const { documents, errors } = await readInputs(paths);
  const pins = options.pins ?? (await readPins(await pinsFileFor(paths)));
  return briefDocuments(documents, errors, { ...options, pins });
}

/** A change to the pins: an article (its id or input path) to a story (a story id or one of its articles), split out, or unpinned. */
export type PinChange = { article: string; story: string } | { article: string; split: true } | { article: string; unpin: true };

/**
 * Corrects the stories of `paths` for good: records the change in the pins file beside the inputs (created
 * when missing) and returns the briefing with it applied. Names are resolved against the current briefing.
 */
export async function pinArticle(paths: string[], change: PinChange, options: Omit<BriefOptions, "pins"> = {}): Promise<Brief> {
  const file = await pinsFileFor(paths);
  const before = await readPins(file);
  const current = await brief(paths, { ...options, pins: before });
  const pins =
    "split" in change ? splitFromStory(current, before, change.article)
      : "unpin" in change ? unpin(current, before, change.article)
        : pinToStory(current, before, change.article, change.story);
  await writePins(file, pins);
  return brief(paths, { ...options, pins });
}

export { briefDocuments, type BriefOptions, type Pin };
export { applyPins } from "./stories/pins.js";
export { readDocuments, readInputs, DEFAULT_LIMITS, type ReadLimits, type ReadOptions } from "./read/index.js";
export { buildArticle } from "./text/article.js";
export { describeArticle, extractArticles } from "./extract/index.js";
export { extractPage, type ExtractedPage, type PageContext } from "./html/index.js";
export { findCopies } from "./copies/index.js";
export { extractFacts, mergeEntities } from "./facts/index.js";
export { articleFactsView } from "./facts/view.js";
export { findTimexes } from "./facts/timex.js";
export { groupStories, splitEvents } from "./stories/index.js";
export { buildTimeline } from "./timeline/index.js";
export { summarize } from "./summary/index.js";
export { findDisagreements } from "./disagreements/index.js";
export { render, renderJson, renderMarkdown, FORMATS, type Format } from "./render/index.js";
export * from "./model/index.js";
export { renderHtml } from "./render/html.js";
export { buildServer, type ServerOptions } from "./server/app.js";
export { openStore, type Store } from "./store/index.js";
export {
  follow, unfollow, listFollowed, pollDue, pollSource, runPoller, runQueuedPoller, startPolling, Fetcher,
  type FollowedSource, type FollowOptions, type FollowResult, type SourceReport, type PollOptions, type PollerOptions, type FetchOptions,
} from "./follow/index.js";
