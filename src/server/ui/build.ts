// Builds the web UI into dist/ui: one script and one style sheet (esbuild), and the page that loads them.
// Run by `npm run build` after tsc; nothing generated is written under src/.
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { packageRoot } from "../paths.js";

const root = packageRoot();
const source = join(root, "src", "server", "ui");
const out = join(root, "dist", "ui");
mkdirSync(out, { recursive: true });
await build({
  entryPoints: { app: join(source, "main.ts") },
  bundle: true,
  format: "esm",
  target: ["es2020"],
  minify: true,
  sourcemap: false,
  legalComments: "none",
  outdir: out,
  logLevel: "warning",
});
await build({ entryPoints: { app: join(source, "style.css") }, bundle: true, minify: true, outdir: out, logLevel: "warning" });
copyFileSync(join(source, "index.html"), join(out, "index.html"));
