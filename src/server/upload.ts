// POST /api/ingest: one body in any format storydesk reads, written to a private temporary folder and read
// like a file named on the command line, then ingested. One ingest at a time; reads go on meanwhile.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash, timingSafeEqual } from "node:crypto";
import { ingest, type IngestSummary } from "../corpus/index.js";
import { readDocuments } from "../read/index.js";
import type { InputError, SourceDocument } from "../model/index.js";
import type { Store } from "../store/index.js";
import { Serial } from "../follow/index.js";

/** The extension a content type stands for, when the request names no file. */
const BY_TYPE: Record<string, string> = {
  "text/plain": ".txt",
  "text/markdown": ".md",
  "text/html": ".html",
  "application/xhtml+xml": ".xhtml",
  "application/rss+xml": ".rss",
  "application/atom+xml": ".atom",
  "application/rdf+xml": ".rdf",
  "application/xml": ".xml",
  "text/xml": ".xml",
  "application/feed+json": ".json",
  "application/json": ".json",
  "application/x-ndjson": ".jsonl",
  "application/jsonl": ".jsonl",
  "application/warc": ".warc",
  "application/gzip": ".gz",
};

/** A safe file name for the upload: the client's base name (characters kept to a plain set), else one from the content type. */
export function uploadName(name: string | undefined, contentType: string | undefined): string {
  if (name) {
    const cleaned = name.replace(/[^\p{L}\p{N}._-]+/gu, "_").replace(/^\.+/, "").slice(0, 120);
    if (/[\p{L}\p{N}]/u.test(cleaned)) return cleaned;
  }
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  return `upload${BY_TYPE[type] ?? ""}`;
}

/** Whether the Authorization header carries the token (compared in constant time). */
export function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  if (!m) return false;
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(m[1]), digest(token));
}

export class Uploads {
  /** `serial` is shared with anything else that ingests into the store here (the poller of followed sources). */
  constructor(
    private readonly store: Store,
    private readonly serial = new Serial(),
  ) {}

  /** Ingests one uploaded body; ingests run one after another. Paths in the result read `upload/<name>`. */
  ingest(bytes: Buffer, name: string): Promise<IngestSummary> {
    return this.serial.run(() => this.run(bytes, name));
  }

  private async run(bytes: Buffer, name: string): Promise<IngestSummary> {
    const dir = await mkdtemp(join(tmpdir(), "storydesk-upload-"));
    const file = join(dir, name);
    const shown = `upload/${name}`;
    const rename = (s: string) => s.split(file).join(shown);
    try {
      await writeFile(file, bytes, { mode: 0o600 });
      async function* documents(): AsyncGenerator<SourceDocument | InputError> {
        for await (const item of readDocuments([file])) {
          if ("code" in item) yield { ...item, path: rename(item.path), message: rename(item.message) };
          else yield { ...item, path: rename(item.path) };
        }
      }
      return await ingest(this.store, documents());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
