// Where the package's own files are (schema/, dist/ui/), whether running from src/ (tsx) or dist/.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

/** The folder holding storydesk's package.json. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "storydesk") return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error("storydesk's package.json not found above " + fileURLToPath(import.meta.url));
    dir = up;
  }
}

/** The built web UI (npm run build writes it). */
export function uiDir(): string {
  return join(packageRoot(), "dist", "ui");
}
