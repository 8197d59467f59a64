// One input file → its documents: the format from the name or, when the name does not say, the first bytes;
// gzip undone on the way (streamed, bomb-guarded); per-item problems yielded in line, never thrown.
import { readFile, stat } from "node:fs/promises";
import type { InputError, SourceDocument } from "../model/index.js";
import { ByteReader, fileChunks, fileHead, GzipBroken, sizeInWords, StreamLimit } from "./bytes.js";
import { decodeText, looksBinary, looksBinaryMarkup } from "./decode.js";
import { fsError, inputErrors } from "./errors.js";
import { readFeed } from "./feed.js";
import { formatFromName, hasGzipMagic, jsonKind, sniff, type FileKind } from "./formats.js";
import { readHtmlPage } from "./html-page.js";
import { readJsonArray, readJsonLines } from "./jsonl.js";
import type { ReadLimits } from "./limits.js";
import { documentsFromText, readTextFile } from "./text-file.js";
import { readWarc, type WarcStats } from "./warc.js";

export type ReadItem = SourceDocument | InputError;

/** How much of a file (after gunzip) content sniffing looks at. */
const SNIFF_BYTES = 64 * 1024;

function extensionForMessage(path: string): string {
  const m = /(\.[^./\\]+)(\.gz)?$/i.exec(path);
  return m ? m[0].toLowerCase() : "";
}

/** A single-document file small enough to read ahead: plain text and uncompressed pages by name. */
export function isQuickFile(path: string): boolean {
  const f = formatFromName(path);
  return !f || (!f.gzip && (f.kind === "text" || f.kind === "html"));
}

async function readHtmlFile(path: string, limits: ReadLimits): Promise<ReadItem> {
  const tooLarge = (bytes: number) =>
    inputErrors.overLimit(path, `the page is ${sizeInWords(bytes)}, over the ${sizeInWords(limits.maxPageBytes)} limit for one page`, "maxPageBytes");
  const { size } = await stat(path);
  if (size > limits.maxPageBytes) return tooLarge(size);
  const bytes = await readFile(path);
  // The file may have grown between stat and read.
  return bytes.length > limits.maxPageBytes ? tooLarge(bytes.length) : readHtmlPage(path, bytes, limits);
}

/** Everything a file holds, item by item, in order. Never throws. */
export async function* readFileItems(path: string, limits: ReadLimits, warcStats?: WarcStats): AsyncGenerator<ReadItem> {
  const named = formatFromName(path);
  if (!named) {
    yield inputErrors.unsupported(path, extensionForMessage(path));
    return;
  }
  if (named.kind === "text" && !named.gzip) {
    yield await readTextFile(path, limits);
    return;
  }
  let gzip: boolean;
  try {
    gzip = hasGzipMagic(await fileHead(path, 2));
    if (named.kind === "html" && !gzip) {
      yield await readHtmlFile(path, limits);
      return;
    }
  } catch (err) {
    yield fsError(path, err);
    return;
  }
  const reader = new ByteReader(fileChunks(path, { gunzip: gzip, ratioAfter: limits.maxRecordBytes, maxRatio: limits.maxInflateRatio }));
  let items = 0;
  const tooLarge = (what: string, max: number, limit: string) =>
    inputErrors.overLimit(path, `${gzip ? "decompresses to" : "is"} more than ${sizeInWords(max)}, over the limit for ${what}`, limit);
  try {
    let kind: FileKind | "array" | null = named.kind;
    let json: boolean | undefined;
    if (kind === null || kind === "json") {
      const head = await reader.peek(SNIFF_BYTES);
      if (!head.length) {
        yield inputErrors.empty(path, "the file is empty");
        return;
      }
      const sniffed = sniff(head);
      if (sniffed === "binary") {
        yield inputErrors.binary(path, gzip ? "a gzipped document" : "text");
        return;
      }
      if (typeof sniffed === "object") {
        yield inputErrors.unsupported(path, extensionForMessage(path), sniffed.foreign);
        return;
      }
      kind = sniffed === "json" || kind === "json" ? jsonKind(head) : sniffed;
      if (kind === "feed" && (sniffed === "json" || named.kind === "json")) json = true;
    }
    if (kind === "warc") {
      for await (const item of readWarc(path, reader, limits, warcStats)) {
        items++;
        yield item;
      }
    } else if (kind === "jsonl") {
      for await (const item of readJsonLines(path, reader, limits)) {
        items++;
        yield item;
      }
    } else if (kind === "array") {
      const bytes = await reader.readAll(limits.maxRecordBytes);
      if (!bytes) yield tooLarge("a JSON file of records (use JSON lines for more)", limits.maxRecordBytes, "maxRecordBytes");
      else for (const item of readJsonArray(path, new TextDecoder().decode(bytes), limits)) yield item;
    } else if (kind === "feed") {
      const bytes = await reader.readAll(limits.maxFileBytes);
      if (!bytes) yield tooLarge("one feed", limits.maxFileBytes, "maxFileBytes");
      else if (!bytes.length) yield inputErrors.empty(path, "the file is empty");
      else if (looksBinaryMarkup(bytes) && !json) yield inputErrors.binary(path, "a feed");
      else for (const item of readFeed(path, bytes, limits, { json })) yield item;
    } else if (kind === "html") {
      const bytes = await reader.readAll(limits.maxPageBytes);
      yield bytes ? readHtmlPage(path, bytes, limits) : tooLarge("one page", limits.maxPageBytes, "maxPageBytes");
    } else {
      const bytes = await reader.readAll(limits.maxFileBytes);
      if (!bytes) yield tooLarge("one file", limits.maxFileBytes, "maxFileBytes");
      else if (looksBinary(bytes)) yield inputErrors.binary(path);
      else yield documentsFromText(path, decodeText(bytes))[0] ?? inputErrors.empty(path);
    }
  } catch (err) {
    if (err instanceof GzipBroken) {
      yield inputErrors.malformed(path, `the gzip data is cut off or corrupt (${err.message})` +
        (items ? `; the ${items} item(s) before the break were read` : "") + ". Download or copy the file again.");
    } else if (err instanceof StreamLimit) {
      yield inputErrors.overLimit(path, `${err.reason}; reading stopped there`, "maxInflateRatio");
    } else if ((err as NodeJS.ErrnoException)?.code) {
      yield fsError(path, err);
    } else {
      yield inputErrors.malformed(path, `could not be read (${(err as Error)?.message ?? String(err)}).`);
    }
  } finally {
    await reader.close();
  }
}
