// The learned models shipped in models/ at the package root (two levels up from src/facts or dist/facts):
// read once per process, on first use. A missing file is no error: the stage then runs without that model.

import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

/** Where a shipped model lives; the training scripts write to it. */
export const modelUrl = (file: string): URL => new URL(`../../models/${file}`, import.meta.url);

/** A loader of one gzipped JSON model: the model, or null when its file is missing. */
export function shippedModel<T>(file: string): () => T | null {
  let loaded: T | null | undefined;
  return () => {
    if (loaded !== undefined) return loaded;
    try {
      loaded = JSON.parse(gunzipSync(readFileSync(modelUrl(file))).toString("utf8")) as T;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
      loaded = null;
    }
    return loaded;
  };
}
