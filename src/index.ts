// storydesk as a library: `import { brief } from "storydesk"`.
import type { Brief } from "./model/index.js";
import { briefDocuments, type BriefOptions } from "./brief/assemble.js";
import { readInputs } from "./read/index.js";

/** Reads files and folders and returns the briefing. Unreadable inputs are listed in Brief.errors. */
export async function brief(paths: string[], options: BriefOptions = {}): Promise<Brief> {
  const { documents, errors } = await readInputs(paths);
  return briefDocuments(documents, errors, options);
}

export { briefDocuments, type BriefOptions };
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
