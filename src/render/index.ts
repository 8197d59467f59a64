import type { Brief } from "../model/index.js";
import { renderJson } from "./json.js";
import { renderMarkdown } from "./markdown.js";

export const FORMATS = ["markdown", "json"] as const;
export type Format = (typeof FORMATS)[number];

export function render(brief: Brief, format: Format): string {
  return format === "json" ? renderJson(brief) : renderMarkdown(brief);
}
export { renderJson, renderMarkdown };
/** Untrusted text made safe for a terminal line (also used for messages on standard error). */
export { safe } from "./markdown.js";
export { EXTRACT_FORMATS, extractWriter, type ExtractFormat, type ExtractWriter } from "./extract.js";
