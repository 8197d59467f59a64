// Stories (articles about one matter) and the events inside each story.
export { groupByTerms, groupStories } from "./group.js";
export { eventActors, splitEvents, type SplitEvent } from "./events.js";
export {
  addToStoryIndex, bestStory, createStoryIndex, joinStory, mergeStories, mergesWith, openStory, rootOf,
  type StoryEntry, type StoryIndex, type StoryMerge,
} from "./story-index.js";
export { articleTerms, keyTerms, type ArticleTerms, type KeyTerm } from "./terms.js";
export { explainPlacements } from "./explain.js";
export { countDocument, weigh, type DocFrequencies, type TermVector } from "./vector.js";
export { EVENT_DEFAULTS, STORY_DEFAULTS, type EventOptions, type StoryOptions } from "./options.js";
