// All evaluations, in order, each in its own process printing its own table. Exits non-zero if one fails.
// Run: npm run eval
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const EVALS = ["stories.ts", "copies.ts", "entities.ts", "cleaning.ts"];

let failed = 0;
for (const name of EVALS) {
  const file = fileURLToPath(new URL(name, import.meta.url));
  const started = performance.now();
  const run = spawnSync(process.execPath, ["--import", "tsx", file], { stdio: "inherit" });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (run.status === 0) console.log(`[eval/${name}: ${seconds} s]\n`);
  else {
    failed++;
    console.error(`[eval/${name} FAILED (${run.signal ?? `exit ${run.status}`}) after ${seconds} s]\n`);
  }
}
process.exit(failed ? 1 : 0);
