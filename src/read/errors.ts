// Per-item input problems, worded for the person running storydesk: what is wrong and what to do.
import type { InputError } from "../model/index.js";

/** The file extensions readers understand (lowercase, with the dot). */
export const TEXT_EXTENSIONS: ReadonlySet<string> = new Set([".txt", ".md"]);

function sizeInWords(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

export const inputErrors = {
  notFound: (path: string): InputError => ({
    code: "not-found", path,
    message: `${path}: no such file or folder. Check the path for typos.`,
  }),
  unreadable: (path: string, reason: string): InputError => ({
    code: "unreadable", path,
    message: `${path}: cannot be read (${reason}). Check that you have permission to read it.`,
  }),
  unsupported: (path: string, ext: string): InputError => ({
    code: "unsupported", path,
    message: `${path}: ${ext ? `"${ext}" files are` : "files without an extension are"} not supported; ` +
      `storydesk reads ${[...TEXT_EXTENSIONS].join(" and ")} text files. Convert it to plain text or leave it out.`,
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
  binary: (path: string): InputError => ({
    code: "binary", path,
    message: `${path}: looks like a binary file, not text. Pass the article as plain text (.txt or .md).`,
  }),
  empty: (path: string): InputError => ({
    code: "empty", path,
    message: `${path}: has no article text (the file is empty, or holds only a header). Add the text or leave it out.`,
  }),
  tooLarge: (path: string, bytes: number, maxFileBytes: number): InputError => ({
    code: "too-large", path,
    message: `${path}: is ${sizeInWords(bytes)}, over the ${sizeInWords(maxFileBytes)} limit for one file. ` +
      `Split it into articles or raise the maxFileBytes limit.`,
  }),
  tooMany: (path: string, maxFiles: number): InputError => ({
    code: "too-many", path,
    message: `${path}: more than ${maxFiles} files were given; this file and all later ones were skipped. ` +
      `Read the files in smaller batches or raise the maxFiles limit.`,
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
