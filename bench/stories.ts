// Story assignment benchmark: the incremental story index (terms, document frequencies learnt as articles
// come, placement through the inverted index) fed one article at a time, as a server runs it.
// Prints articles/second and memory at each size, and the CPU time per article for every 10k slice: it must
// stay flat as the index grows (blocking through posting lists read no further than `postingScan`).
// Each size runs in a child process of its own, so peak memory is that size's alone.
//
//   npm run bench -- stories              # 10k and 100k articles
//   npm run bench -- stories 20000        # chosen sizes

import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
// The compiled code, as the CLI runs it (`npm run bench` builds first).
import { addToStoryIndex, createStoryIndex } from "../dist/stories/index.js";
import { buildArticle } from "../dist/text/article.js";
import { buildCorpus } from "./corpus.js";

const SLICE = 10_000;

interface Result {
  size: number;
  cpuSeconds: number;
  wallSeconds: number;
  stories: number;
  /** Story numbers opened (merged stories count once each). */
  parts: number;
  /** Heap the index holds once built (after a full collection), MiB. */
  indexMiB: number;
  peakMiB: number;
  /** CPU microseconds per article, per slice of SLICE articles. */
  slices: number[];
}

function measure(size: number): Result {
  const gc = (globalThis as { gc?: () => void }).gc!;
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  // Reading and cleaning are other stages: build the articles first, untimed.
  const articles = buildCorpus(size).map(buildArticle);
  const index = createStoryIndex();
  const stories = new Set<string>();
  const slices: number[] = [];
  const wall = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  let sliceCpu = process.cpuUsage();
  for (let i = 0; i < articles.length; i++) {
    stories.add(addToStoryIndex(index, articles[i]));
    if ((i + 1) % SLICE === 0 || i + 1 === articles.length) {
      const used = process.cpuUsage(sliceCpu);
      slices.push((used.user + used.system) / (i % SLICE + 1));
      sliceCpu = process.cpuUsage();
    }
  }
  const used = process.cpuUsage(cpu);
  const wallSeconds = Number(process.hrtime.bigint() - wall) / 1e9;
  // What is left once the articles are gone is the index (and the set of story ids).
  articles.length = 0;
  gc();
  const indexBytes = process.memoryUsage().heapUsed - heapBefore;
  // Read after the measurement, so the collector cannot free the index before it.
  const parts = index.stories.length;
  return {
    size,
    cpuSeconds: (used.user + used.system) / 1e6,
    wallSeconds,
    stories: stories.size,
    parts,
    indexMiB: indexBytes / 2 ** 20,
    peakMiB: process.resourceUsage().maxRSS / 1024,
    slices,
  };
}

const args = process.argv.slice(2);
if (args[0] === "--child") {
  process.stdout.write(JSON.stringify(measure(Number(args[1]))));
} else {
  const sizes = args.length ? args.map(Number) : [10_000, 100_000];
  const self = fileURLToPath(import.meta.url);
  const results: Result[] = [];
  console.log("| articles | CPU s | articles/s (CPU) | wall s | stories | index heap (MiB) | peak RSS (MiB) |");
  console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const size of sizes) {
    const out = execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", "--max-old-space-size=8192", self, "--child", String(size)], {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    });
    const r = JSON.parse(out) as Result;
    results.push(r);
    console.log(
      `| ${r.size} | ${r.cpuSeconds.toFixed(1)} | ${Math.round(r.size / r.cpuSeconds)} | ${r.wallSeconds.toFixed(1)} | ${r.stories} | ` +
        `${Math.round(r.indexMiB)} | ${Math.round(r.peakMiB)} |`,
    );
  }
  const largest = results[results.length - 1];
  console.log(`\nCPU µs per article, per ${SLICE / 1000}k slice (${largest.size} articles):`);
  console.log(`| slice | ${largest.slices.map((_, i) => `${i + 1}`).join(" | ")} |`);
  console.log(`| ---: | ${largest.slices.map(() => "---:").join(" | ")} |`);
  console.log(`| µs/article | ${largest.slices.map((s) => Math.round(s)).join(" | ")} |`);
  console.log("\nOne thread. CPU time (user + system) is what counts on a shared machine; wall time is shown for");
  console.log("reference. Articles come from bench/corpus.ts (../shared/data texts with fresh names and numbers;");
  console.log("about 30% injected copies, placed here like any article). Building the articles is not timed; peak");
  console.log("RSS includes the corpus held in memory, index heap is what the story index itself keeps.");
}
