// Which addresses from articles may become links: shared by the HTML export and the web UI (bundled for the
// browser, so nothing here may need Node).

/** An http(s) URL to link to, or null: any other scheme (javascript:, data:, file:) is never linked. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}
