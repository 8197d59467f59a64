// Stories (articles about one matter) and the events inside each story.
export { groupStories } from "./group.js";
export { splitEvents } from "./events.js";
export { addToStoryIndex, createStoryIndex, type StoryIndex } from "./story-index.js";
export { EVENT_DEFAULTS, STORY_DEFAULTS, type EventOptions, type StoryOptions } from "./options.js";
