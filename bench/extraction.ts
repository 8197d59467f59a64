// Extraction benchmark: pages/second and peak memory of storydesk's HTML extraction beside Readability.js
// (on linkedom) on the same pages, each in a process of its own so peak memory is its own.
//
//   npm run bench -- extraction            # all shared pages (AEB + trafilatura-eval), 3 rounds
//   npm run bench -- extraction --rounds 1
//
// Decoding (charset) is done before timing, for both: what is timed is HTML string → article.

import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { extractPage } from "../dist/html/index.js";
import { decodeMarkup } from "../dist/read/decode.js";

const DATA = fileURLToPath(new URL("../../shared/data/", import.meta.url));
const SETS = ["scrapinghub-aeb/html", "trafilatura-eval/pages"];

interface Result { extractor: string; pages: number; seconds: number; perSecond: number; mibPerSecond: number; loadedMiB: number; peakMiB: number; empty: number }

function loadPages(): string[] {
  const pages: string[] = [];
  for (const set of SETS) {
    const dir = `${DATA}${set}/`;
    for (const name of readdirSync(dir).sort()) pages.push(decodeMarkup(gunzipSync(readFileSync(dir + name))).text);
  }
  return pages;
}

async function extractor(name: string): Promise<(html: string) => string> {
  if (name === "storydesk") {
    return (html) => {
      const page = extractPage(html);
      return "blocks" in page ? page.blocks.map((b) => b.text).join("\n\n") : "";
    };
  }
  const { Readability } = await import("@mozilla/readability");
  const { parseHTML } = await import("linkedom");
  return (html) => {
    const { document } = parseHTML(html);
    return new Readability(document as unknown as Document).parse()?.textContent ?? "";
  };
}

async function measure(name: string, rounds: number): Promise<Result> {
  const pages = loadPages();
  const run = await extractor(name);
  // What the process holds before extracting anything: the decoded pages and the extractor's own code.
  const loadedMiB = process.memoryUsage().rss / 1048576;
  const bytes = pages.reduce((n, p) => n + p.length, 0) * rounds;
  let empty = 0;
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) {
    for (const html of pages) {
      let text = "";
      try {
        text = run(html);
      } catch {
        // A crash counts as an empty result, as in the evaluations.
      }
      if (r === 0 && !text.trim()) empty++;
    }
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const n = pages.length * rounds;
  return { extractor: name, pages: n, seconds, perSecond: n / seconds, mibPerSecond: bytes / 1048576 / seconds, loadedMiB, peakMiB: process.resourceUsage().maxRSS / 1024, empty };
}

const args = process.argv.slice(2);
if (args[0] === "--child") {
  process.stdout.write(JSON.stringify(await measure(args[1], Number(args[2]))));
} else {
  const at = args.indexOf("--rounds");
  const rounds = at >= 0 ? Number(args[at + 1]) : 3;
  const self = fileURLToPath(import.meta.url);
  const results: Result[] = [];
  for (const name of ["storydesk", "readability"]) {
    const out = execFileSync(process.execPath, ["--import", "tsx", self, "--child", name, String(rounds)], { encoding: "utf8", maxBuffer: 1 << 20 });
    results.push(JSON.parse(out) as Result);
  }
  const base = results[1].perSecond;
  console.log(`\nHTML extraction, ${results[0].pages / rounds} pages (AEB + trafilatura-eval) × ${rounds} rounds, one core\n`);
  console.log("| extractor | pages/s | MiB of HTML/s | RSS with pages loaded (MiB) | peak RSS (MiB) | empty results | vs Readability |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of results) {
    console.log(`| ${r.extractor === "storydesk" ? "storydesk extractPage" : "Readability.js on linkedom"} | ${r.perSecond.toFixed(1)} | ${r.mibPerSecond.toFixed(1)} | ${Math.round(r.loadedMiB)} | ${Math.round(r.peakMiB)} | ${r.empty} | ${(r.perSecond / base).toFixed(2)}× |`);
  }
  console.log("\nstorydesk's time covers parsing, body, title, authors, dates, language and evidence; Readability's, parsing and body.");
  console.log("All pages are decoded and held before timing starts; peak RSS minus that is what extraction itself used.");
}
