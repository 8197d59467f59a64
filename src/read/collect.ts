// Which files a batch holds: named files, and readable files found in named folders (recursively, sorted).
import type { Stats } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { join } from "node:path";
import type { InputError } from "../model/index.js";
import { fsReason, inputErrors } from "./errors.js";
import { isSupportedName } from "./formats.js";
import type { ReadLimits } from "./limits.js";

/** A folder's own notes, never an article ("README.md", "LICENSE.txt"); still read when named directly. */
const FOLDER_NOTES = /^(?:readme|license|licence|changelog|contributing)(?:\.[^.]*)?$/i;

/** Folder entries never entered or read: hidden files and folders, installed packages, folder notes. */
function isSkipped(name: string): boolean {
  return name.startsWith(".") || name === "node_modules" || FOLDER_NOTES.test(name);
}

/** Files a folder walk picks up: the supported extensions (.txt, .md, .html, .rss, .jsonl, .warc… and those + .gz). */
function isReadable(path: string): boolean {
  return isSupportedName(path);
}

/** Code-point order: the same on every machine, unlike locale collation. */
function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

class Collection {
  readonly files: string[] = [];
  readonly errors: InputError[] = [];
  /** Real paths already taken, so a file reached twice (named twice, or through a link) is read once. */
  private readonly seenFiles = new Set<string>();
  /** Real paths of folders already walked: symlink loops end here. */
  private readonly seenDirs = new Set<string>();
  full = false;

  constructor(private readonly limits: ReadLimits) {}

  async addNamed(path: string): Promise<void> {
    let st: Stats;
    try {
      st = await stat(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      this.errors.push(code === "ENOENT" || code === "ENOTDIR" ? inputErrors.notFound(path) : inputErrors.unreadable(path, fsReason(err)));
      return;
    }
    if (st.isDirectory()) await this.walk(path, 0);
    // A file named directly is always read: its content decides when its name does not.
    else if (!st.isFile()) this.errors.push(inputErrors.notAFile(path));
    else await this.addFile(path);
  }

  private async addFile(path: string): Promise<void> {
    const real = await realpath(path).catch(() => path);
    if (this.seenFiles.has(real)) return;
    if (this.files.length >= this.limits.maxFiles) {
      this.errors.push(inputErrors.tooMany(path, this.limits.maxFiles));
      this.full = true;
      return;
    }
    this.seenFiles.add(real);
    this.files.push(path);
  }

  private async walk(dir: string, depth: number): Promise<void> {
    if (depth > this.limits.maxDepth) {
      this.errors.push(inputErrors.tooDeep(dir, this.limits.maxDepth));
      return;
    }
    try {
      const real = await realpath(dir);
      if (this.seenDirs.has(real)) return;
      this.seenDirs.add(real);
      const entries = (await readdir(dir, { withFileTypes: true })).sort(byName);
      for (const entry of entries) {
        if (this.full) return;
        if (!isSkipped(entry.name)) await this.addEntry(join(dir, entry.name), entry, depth);
      }
    } catch (err) {
      this.errors.push(inputErrors.unreadable(dir, fsReason(err)));
    }
  }

  private async addEntry(path: string, entry: { isDirectory(): boolean; isFile(): boolean; isSymbolicLink(): boolean }, depth: number): Promise<void> {
    let kind: { isDirectory(): boolean; isFile(): boolean } = entry;
    if (entry.isSymbolicLink()) {
      const target = await stat(path).catch(() => null);
      if (!target) {
        this.errors.push(inputErrors.notFound(path));
        return;
      }
      kind = target;
    }
    if (kind.isDirectory()) await this.walk(path, depth + 1);
    else if (kind.isFile() && isReadable(path)) await this.addFile(path);
  }
}

/** Expands named paths into the files to read, in a deterministic order; problems come back as errors. */
export async function collectFiles(paths: string[], limits: ReadLimits): Promise<{ files: string[]; errors: InputError[] }> {
  const collection = new Collection(limits);
  for (const path of paths) {
    if (collection.full) break;
    await collection.addNamed(path);
  }
  return { files: collection.files, errors: collection.errors };
}
