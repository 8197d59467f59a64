// Whole-pipeline benchmark: articles per second and peak memory at 1k, 10k and 100k articles.
// Each size runs in a child process of its own so peak memory (max RSS) is that size's alone.
//
//   npm run bench               # 1k, 10k, 100k
//   npm run bench -- 1000 5000  # chosen sizes

import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
// The compiled code, as the CLI runs it (`npm run bench` builds first).
import { briefDocuments } from "../dist/brief/assemble.js";
import { buildCorpus } from "./corpus.js";

interface Result { size: number; seconds: number; perSecond: number; peakMiB: number; stories: number; copies: number }

function measure(size: number): Result {
  const documents = buildCorpus(size);
  const start = process.hrtime.bigint();
  const brief = briefDocuments(documents);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return {
    size,
    seconds,
    perSecond: size / seconds,
    peakMiB: process.resourceUsage().maxRSS / 1024,
    stories: brief.stories.length,
    copies: brief.copies.length,
  };
}

const args = process.argv.slice(2);
if (args[0] === "--child") {
  process.stdout.write(JSON.stringify(measure(Number(args[1]))));
} else {
  const sizes = args.length ? args.map(Number) : [1000, 10000, 100000];
  const self = fileURLToPath(import.meta.url);
  console.log("| articles | seconds | articles/s | peak RSS (MiB) | stories | copies found |");
  console.log("| ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const size of sizes) {
    const out = execFileSync(process.execPath, ["--import", "tsx", "--max-old-space-size=16384", self, "--child", String(size)], {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    });
    const r = JSON.parse(out) as Result;
    console.log(`| ${r.size} | ${r.seconds.toFixed(1)} | ${Math.round(r.perSecond)} | ${Math.round(r.peakMiB)} | ${r.stories} | ${r.copies} |`);
  }
  console.log("\nOne core (Node runs the pipeline on one thread). The corpus is built from ../shared/data texts;");
  console.log("about 30% of the articles are injected exact, near or spun copies. Reading files is not timed.");
}
