// Untrusted text on a terminal: one line, no control characters (escape sequences, bidi overrides).

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text without control characters; line breaks kept (an article body printed as text). */
export function terminalText(text: string): string {
  return text.replace(CONTROL, "");
}

/** Untrusted text on one plain line: no control characters, whitespace collapsed. Not Markdown-escaped. */
export function terminalLine(text: string): string {
  return terminalText(text).replace(/\s+/g, " ").trim();
}
