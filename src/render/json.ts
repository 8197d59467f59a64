// JSON rendering: the Brief as it is, storydesk/brief@1 (schema/brief.schema.json).
import type { Brief } from "../model/index.js";

export function renderJson(brief: Brief): string {
  return `${JSON.stringify(brief, null, 2)}\n`;
}
