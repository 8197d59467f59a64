// Per-item input problems, worded for the person running storydesk: what is wrong and what to do.
import type { InputError } from "../model/index.js";
import { sizeInWords } from "./bytes.js";

/** What storydesk reads, for messages. */
const READABLE =
  "plain text (.txt, .md), web pages (.html, .htm), feeds (.rss, .atom, .xml, JSON Feed), " +
  "JSON lines (.jsonl) and web archives (.warc), each optionally gzipped (.gz)";

export const inputErrors = {
  notFound: (path: string): InputError => ({
    code: "not-found", path,
    message: `${path}: no such file or folder. Check the path for typos.`,
  }),
  unreadable: (path: string, reason: string): InputError => ({
    code: "unreadable", path,
    message: `${path}: cannot be read (${reason}). Check that you have permission to read it.`,
  }),
  unsupported: (path: string, ext: string, what?: string): InputError => ({
    code: "unsupported", path,
    message: `${path}: ${what ? `is a ${what} file, which is` : ext ? `"${ext}" files are` : "files without an extension are"} not supported; ` +
      `storydesk reads ${READABLE}. Convert it to one of these or leave it out.`,
  }),
  notAFile: (path: string): InputError => ({
    code: "unsupported", path,
    message: `${path}: is neither a regular file nor a folder (a device, socket or pipe). Leave it out.`,
  }),
  tooDeep: (path: string, maxDepth: number): InputError => ({
    code: "unsupported", path,
    message: `${path}: folder is nested more than ${maxDepth} levels deep and was skipped. ` +
      `Name it directly or raise the maxDepth limit.`,
  }),
  binary: (path: string, as = "text"): InputError => ({
    code: "binary", path,
    message: `${path}: looks like a binary file, not ${as}. Check that it is the file you meant; pass articles as text, HTML, a feed, JSON lines or a WARC.`,
  }),
  empty: (path: string, what = "the file is empty, or holds only a header"): InputError => ({
    code: "empty", path,
    message: `${path}: has no article text (${what}). Add the text or leave it out.`,
  }),
  tooLarge: (path: string, bytes: number, maxFileBytes: number): InputError => ({
    code: "too-large", path,
    message: `${path}: is ${sizeInWords(bytes)}, over the ${sizeInWords(maxFileBytes)} limit for one file. ` +
      `Split it into articles or raise the maxFileBytes limit.`,
  }),
  /** An item over a named limit: `what` says what is too large ("the page is 50.0 MiB"). */
  overLimit: (path: string, what: string, limitName: string): InputError => ({
    code: "too-large", path,
    message: `${path}: ${what}. It was skipped; raise the ${limitName} limit to read it.`,
  }),
  tooMany: (path: string, maxFiles: number): InputError => ({
    code: "too-many", path,
    message: `${path}: more than ${maxFiles} files were given; this file and all later ones were skipped. ` +
      `Read the files in smaller batches or raise the maxFiles limit.`,
  }),
  tooManyItems: (path: string, max: number): InputError => ({
    code: "too-many", path,
    message: `${path}: holds more than ${max} items; the rest of the file was not read. ` +
      `Split the file or raise the maxItemsPerFile limit.`,
  }),
  malformed: (path: string, what: string): InputError => ({
    code: "malformed", path,
    message: `${path}: ${what}`,
  }),
  tooComplex: (path: string, why: string): InputError => ({
    code: "too-complex", path,
    message: `${path}: the page is too complex to extract (${why}) and was skipped. Save the article text as a .txt file instead.`,
  }),
};

/** A short reason for a file-system error code, in plain words. */
export function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "it is a folder";
  if (code === "ELOOP") return "too many symbolic links";
  return (err as Error)?.message ?? String(err);
}

/** A file-system error as an input error. */
export function fsError(path: string, err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "ENOTDIR" ? inputErrors.notFound(path) : inputErrors.unreadable(path, fsReason(err));
}
