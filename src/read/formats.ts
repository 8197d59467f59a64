// Which reader an input needs: by its name first, by its first bytes when the name does not say.
import { looksBinary } from "./decode.js";

/** What a file holds, as far as choosing a reader goes. "json" is a JSON Feed or JSON lines: the content decides. */
export type FileKind = "text" | "html" | "feed" | "json" | "jsonl" | "warc";

export interface NamedFormat {
  /** The kind the name promises, or null when the content must decide (no or an unknown extension, bare .gz). */
  kind: FileKind | null;
  /** The name ends in .gz. */
  gzip: boolean;
}

const BY_EXTENSION: Readonly<Record<string, FileKind>> = {
  ".txt": "text", ".md": "text",
  ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
  ".rss": "feed", ".atom": "feed", ".rdf": "feed", ".xml": "feed", ".feed": "feed",
  ".json": "json",
  ".jsonl": "jsonl", ".ndjson": "jsonl",
  ".warc": "warc",
};

/** Extensions read from folders and listed in messages (with .gz after any of the web ones). */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION);

/** Documents of other programs: named directly they are refused at once instead of sniffed as text. */
const FOREIGN_EXTENSIONS: ReadonlySet<string> = new Set([
  ".pdf", ".doc", ".docx", ".odt", ".rtf", ".epub", ".xls", ".xlsx", ".ppt", ".pptx",
  ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".mp3", ".mp4", ".zip", ".tar", ".7z", ".exe",
]);

function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot).toLowerCase() : "";
}

/**
 * The format a file name promises: `a.html` → html, `a.warc.gz` → gzip-compressed warc, `a.gz` → look inside.
 * Returns null for a document type storydesk does not read (.pdf, .docx, images…): refuse it.
 */
export function formatFromName(path: string): NamedFormat | null {
  let ext = extensionOf(path);
  let gzip = false;
  let rest = path;
  if (ext === ".gz") {
    gzip = true;
    rest = path.slice(0, -3);
    ext = extensionOf(rest);
  }
  if (FOREIGN_EXTENSIONS.has(ext)) return null;
  const kind = BY_EXTENSION[ext] ?? null;
  // A gzipped plain-text file is looked into like any other .gz.
  return { kind: kind === "text" && gzip ? null : kind, gzip };
}

/** True when a folder walk should pick the file up: a supported extension, optionally followed by .gz. */
export function isSupportedName(name: string): boolean {
  const format = formatFromName(name);
  if (!format) return false;
  return format.kind !== null || (format.gzip && BY_EXTENSION[extensionOf(name.slice(0, -3))] !== undefined);
}

export function hasGzipMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** What the first bytes say: a known binary document type (refused) or one of ours; binary junk is "binary". */
export type Sniffed = FileKind | "binary" | { foreign: string };

const MAGIC: { bytes: string; name: string }[] = [
  { bytes: "%PDF-", name: "PDF" },
  { bytes: "PK\x03\x04", name: "ZIP (or Office)" },
  { bytes: "\x89PNG", name: "PNG image" },
  { bytes: "\xff\xd8\xff", name: "JPEG image" },
  { bytes: "GIF8", name: "GIF image" },
  { bytes: "\xd0\xcf\x11\xe0", name: "Office" },
];

const FEED_ROOT = /^<(?:rss|feed|(?:[\w.-]+:)?rdf)\b/i;
const HTML_START = /^<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|!--)\b/i;

/** Skips a BOM, whitespace, the XML declaration, comments, processing instructions and a doctype. */
function firstElement(head: string): string {
  let s = head.replace(/^\uFEFF/, "");
  for (let i = 0; i < 64; i++) {
    s = s.trimStart();
    const m = /^(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!doctype\s+(?!html)[^>]*>)/i.exec(s);
    if (!m) break;
    s = s.slice(m[0].length);
  }
  return s;
}

/** Guesses the kind of a file from its first bytes (up to 64 KB, already gunzipped). */
export function sniff(head: Uint8Array): Sniffed {
  const latin = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString("latin1");
  for (const m of MAGIC) if (latin.startsWith(m.bytes)) return { foreign: m.name };
  if (latin.startsWith("WARC/1.") || latin.startsWith("WARC/0.")) return "warc";
  const start = firstElement(latin);
  // Markup first: real pages carry the odd NUL byte; the page reader applies its own binary test.
  if (FEED_ROOT.test(start)) return "feed";
  if (HTML_START.test(start)) return "html";
  if (looksBinary(head)) return "binary";
  if (start.startsWith("{") || start.startsWith("[")) return "json";
  return "text";
}

/**
 * A JSON file's head: a JSON Feed (an object naming the jsonfeed.org version, on one line or many), an
 * array of article records (a crawler's JSON export), or JSON lines.
 */
export function jsonKind(head: Uint8Array): "feed" | "array" | "jsonl" {
  const latin = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString("latin1");
  if (/"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version/i.test(latin.slice(0, 4096))) return "feed";
  return latin.replace(/^\xef\xbb\xbf/, "").trimStart().startsWith("[") ? "array" : "jsonl";
}
