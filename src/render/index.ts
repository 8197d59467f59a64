import type { Brief } from "../model/index.js";
import { renderJson } from "./json.js";
import { renderMarkdown } from "./markdown.js";

export const FORMATS = ["markdown", "json"] as const;
export type Format = (typeof FORMATS)[number];

export function render(brief: Brief, format: Format): string {
  return format === "json" ? renderJson(brief) : renderMarkdown(brief);
}
export { renderJson, renderMarkdown };
/** Untrusted text made safe for a Markdown line. */
export { safe } from "./markdown.js";
/** Untrusted text made safe for a terminal (messages on standard error, plain-text output). */
export { terminalLine, terminalText } from "./terminal.js";
export { EXTRACT_FORMATS, extractWriter, type ExtractFormat, type ExtractWriter } from "./extract.js";
