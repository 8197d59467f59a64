// All evaluations, in order, each in its own process printing its own table. Exits non-zero if one fails.
// Run: npm run eval                 (all)
//      npm run eval -- extraction    (only those named: extraction, page-dates, dates, quotes, stories, events, copies, entities, cleaning)
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ALL = ["extraction.ts", "page-dates.ts", "stories.ts", "events.ts", "copies.ts", "entities.ts", "dates.ts", "quotes.ts", "disagreements.ts", "cleaning.ts"];
/** "extraction" also runs the page-date evaluation: both score what the HTML stage hands the pipeline.
 *  "stories" also runs the events evaluation (stories and events on dated news).
 *  "dates" is the facts stage's time expressions on TempEval-3. */
const GROUPS: Record<string, string[]> = { extraction: ["extraction.ts", "page-dates.ts"], stories: ["stories.ts", "events.ts"] };
const named = process.argv.slice(2);
const unknown = named.filter((n) => !GROUPS[n] && !ALL.includes(`${n}.ts`));
if (unknown.length) {
  console.error(`unknown evaluation: ${unknown.join(", ")}; choose from ${ALL.map((f) => f.replace(".ts", "")).join(", ")}`);
  process.exit(2);
}
const EVALS = named.length ? [...new Set(named.flatMap((n) => GROUPS[n] ?? [`${n}.ts`]))] : ALL;

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
