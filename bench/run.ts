// Benchmarks, each printing its own tables.
//   npm run bench                          # the whole pipeline at 1k, 10k, 100k articles
//   npm run bench -- pipeline 2000 20000   # chosen sizes
//   npm run bench -- extraction [--rounds N]
//   npm run bench -- warc [--size-mb N]    # streaming a large WARC.gz: pages/s and peak memory
//   npm run bench -- serve [--pg URL]      # the desk API at 100k articles: p50/p99 at 200 requests/s, max requests/s
//   npm run bench -- copies [SIZES]        # the copy index at 10k, 100k, 1M documents, candidate recall against all pairs
//   npm run bench -- stories [SIZES]       # story assignment at 10k and 100k: articles/s, memory, µs per 10k slice
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const BENCHES: Record<string, string> = { pipeline: "pipeline.ts", extraction: "extraction.ts", warc: "warc.ts", ingest: "ingest.ts", serve: "serve.ts", stories: "stories.ts", copies: "copies.ts" };
const [first, ...rest] = process.argv.slice(2);
const name = first && BENCHES[first] ? first : "pipeline";
const args = first && BENCHES[first] ? rest : process.argv.slice(2);
const file = fileURLToPath(new URL(BENCHES[name], import.meta.url));
const run = spawnSync(process.execPath, ["--import", "tsx", file, ...args], { stdio: "inherit" });
process.exit(run.status ?? 1);
