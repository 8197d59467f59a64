// Article-body extraction: storydesk's HTML stage (`extractPage`, the path the pipeline takes) against
// Mozilla Readability on linkedom, on the same pages in the same run, dev and test parts apart.
// Run: node --import tsx eval/extraction.ts            (both systems, both data sets)
//      node --import tsx eval/extraction.ts --storydesk-only --worst 15     (tuning: worst dev pages listed)
// Data (read in place, see ../shared/data/README.md):
//  - scrapinghub-aeb: the benchmark's own metric. Tokens are \w+ runs (Unicode), shingles their 4-grams
//    (a text under 4 tokens is one shingle), as multisets. Per page P = TP/(TP+FP), R = TP/(TP+FN)
//    (1 when FP = FN = 0), averaged over pages with a non-zero denominator; F1 of the two means.
//  - trafilatura-eval: whitespace collapsed; each `with` chunk found in the output is a TP (else FN), each
//    `without` chunk found an FP; summed over the part; F1 = 2TP/(2TP+FP+FN). A crash is empty output.
// The scored text is the body only (blocks joined by newlines): the headline is not part of either truth.
// Speed: pages per second of each system on one core (parse + extraction; decoding not counted), the two
// run page by page in alternating order after an untimed warm-up, so a busy machine slows both alike.
import { aebCounts, aebScore, type PageCounts } from "./aeb-metric.js";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { parseHtml, walk } from "../src/html/dom.js";
import { extractPage } from "../src/html/index.js";
import { decodeMarkup } from "../src/read/decode.js";

const DATA = (path: string) => fileURLToPath(new URL(`../../shared/data/${path}`, import.meta.url));
const args = process.argv.slice(2);
const storydeskOnly = args.includes("--storydesk-only");
const worstAt = args.indexOf("--worst");
const WORST = worstAt >= 0 ? Number(args[worstAt + 1] ?? 10) : 0;
const onlySet = args.includes("--aeb") ? "aeb" : args.includes("--traf") ? "traf" : null;

type System = "storydesk" | "readability";
/** Runs a system on a page; what it returns is turned into text afterwards (outside the timed part). */
type Extractor = (html: string) => () => string;

const systems: Record<System, Extractor> = {
  storydesk(html) {
    const page = extractPage(html);
    return () => ("refused" in page ? "" : page.blocks.map((b) => b.text).join("\n"));
  },
  readability(html) {
    const { document } = parseHTML(html);
    const article = new Readability(document as unknown as Document).parse();
    // Its text with a line break between blocks (textContent would run paragraphs together: "end.Next").
    return () => (article?.content ? blockText(article.content) : "");
  },
};
const BLOCK = new Set(["p", "div", "section", "article", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "td", "th", "table", "br", "figure", "dd", "dt"]);
function blockText(html: string): string {
  const parts: string[] = [];
  walk(parseHtml(html).root, (node) => {
    if (typeof node === "string") parts.push(node);
    else if (BLOCK.has(node.tag)) parts.push("\n");
  });
  return parts.join("");
}
const SYSTEMS: System[] = storydeskOnly ? ["storydesk"] : ["storydesk", "readability"];

interface Timed {
  text: string;
  ms: number;
  crashed: boolean;
}

function run(system: System, html: string): Timed {
  const started = performance.now();
  try {
    const later = systems[system](html);
    const ms = performance.now() - started;
    return { text: later(), ms, crashed: false };
  } catch {
    return { text: "", ms: performance.now() - started, crashed: true };
  }
}

// ---- trafilatura-eval metric ----
const collapse = (s: string) => s.replace(/\s+/g, " ").trim();
function trafCounts(predicted: string, withChunks: string[], withoutChunks: string[]): PageCounts & { missed: string[]; leaked: string[] } {
  const text = collapse(predicted);
  const missed = withChunks.filter((c) => !text.includes(collapse(c)));
  const leaked = withoutChunks.filter((c) => text.includes(collapse(c)));
  return { tp: withChunks.length - missed.length, fn: missed.length, fp: leaked.length, missed, leaked };
}

// ---- data ----
interface Page {
  key: string;
  html: string;
}

function loadAeb() {
  const truth = JSON.parse(readFileSync(DATA("scrapinghub-aeb/ground-truth.json"), "utf8")) as Record<string, { articleBody: string }>;
  const splits = JSON.parse(readFileSync(DATA("scrapinghub-aeb/splits.json"), "utf8")) as Record<string, string[]>;
  const pages = (ids: string[]): Page[] =>
    ids.map((id) => ({ key: id, html: decodeMarkup(gunzipSync(readFileSync(DATA(`scrapinghub-aeb/html/${id}.html.gz`)))).text }));
  return { truth, splits, pages };
}

interface Annotation {
  file: string;
  with: string[];
  without: string[];
}

function loadTraf() {
  const annotations = JSON.parse(readFileSync(DATA("trafilatura-eval/annotations.json"), "utf8")) as Record<string, Annotation>;
  const splits = JSON.parse(readFileSync(DATA("trafilatura-eval/splits.json"), "utf8")) as Record<string, string[]>;
  const pages = (keys: string[]): Page[] =>
    keys.map((key) => ({ key, html: decodeMarkup(gunzipSync(readFileSync(DATA(`trafilatura-eval/pages/${annotations[key].file}`)))).text }));
  return { annotations, splits, pages };
}

// ---- report ----
const rows: string[] = [];
const speed: Record<System, { pages: number; ms: number; crashes: number }> = {
  storydesk: { pages: 0, ms: 0, crashes: 0 },
  readability: { pages: 0, ms: 0, crashes: 0 },
};
const fmt = (x: number) => x.toFixed(3);

function header(title: string, columns: string) {
  rows.push("", title, columns, columns.replace(/[^|]/g, "-").replace(/^-*/, (m) => m));
}

/**
 * Runs every system on every page, page by page and in alternating order, so a busy machine slows them
 * alike; the first pages are run once before, untimed, so neither is timed while its code is still cold.
 */
function runAll(pages: Page[]): Record<System, Timed[]> {
  const out = { storydesk: [] as Timed[], readability: [] as Timed[] };
  pages.forEach((page, n) => {
    const order = n % 2 ? [...SYSTEMS].reverse() : SYSTEMS;
    for (const system of order) {
      const result = run(system, page.html);
      out[system][n] = result;
      speed[system].pages++;
      speed[system].ms += result.ms;
      if (result.crashed) speed[system].crashes++;
    }
  });
  return out;
}

function warmUp(pages: Page[]): void {
  for (const page of pages) for (const system of SYSTEMS) run(system, page.html);
}

const pagesPerSecond = (results: Timed[]) => ((results.length * 1000) / results.reduce((sum, r) => sum + r.ms, 0)).toFixed(0).padStart(7);

if (onlySet !== "traf") {
  const aeb = loadAeb();
  warmUp(aeb.pages(aeb.splits.dev.slice(0, 10)));
  header("scrapinghub-aeb (AEB shingle metric; F1 of mean P and mean R)", "part  pages | system      |   P     R     F1   | pages<0.8 F1 | pages/s");
  for (const split of ["dev", "test"]) {
    const pages = aeb.pages(aeb.splits[split]);
    const results = runAll(pages);
    for (const system of SYSTEMS) {
      const counts: PageCounts[] = [];
      const perPage: { key: string; f1: number; c: PageCounts }[] = [];
      pages.forEach((page, n) => {
        const c = aebCounts(results[system][n].text, aeb.truth[page.key].articleBody);
        counts.push(c);
        perPage.push({ key: page.key, f1: aebScore([c]).f1, c });
      });
      const s = aebScore(counts);
      const low = perPage.filter((x) => x.f1 < 0.8).length;
      rows.push(
        `${split.padEnd(5)} ${String(pages.length).padStart(5)} | ${system.padEnd(11)} | ${fmt(s.p)} ${fmt(s.r)} ${fmt(s.f1)} | ${String(low).padStart(12)} | ${pagesPerSecond(results[system])}`,
      );
      if (WORST && split === "dev" && system === "storydesk") {
        perPage.sort((a, b) => a.f1 - b.f1);
        for (const x of perPage.slice(0, WORST))
          console.log(`  dev aeb ${x.key.slice(0, 12)} F1 ${fmt(x.f1)} tp ${x.c.tp} fp ${x.c.fp} fn ${x.c.fn}`);
      }
    }
  }
}

if (onlySet !== "aeb") {
  const traf = loadTraf();
  if (onlySet === "traf") warmUp(traf.pages(traf.splits.dev.slice(0, 10)));
  header("trafilatura-eval (chunks found; F1 = 2TP/(2TP+FP+FN), summed over the part)", "part  pages | system      |   P     R     F1   | TP    FP    FN   | pages/s");
  for (const split of ["dev", "test"]) {
    const pages = traf.pages(traf.splits[split]);
    const results = runAll(pages);
    for (const system of SYSTEMS) {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      const bad: string[] = [];
      pages.forEach((page, n) => {
        const a = traf.annotations[page.key];
        const c = trafCounts(results[system][n].text, a.with, a.without);
        tp += c.tp;
        fp += c.fp;
        fn += c.fn;
        if (WORST && split === "dev" && system === "storydesk" && (c.fp || c.fn))
          bad.push(`  dev traf ${page.key} ${a.file} fn ${c.fn} fp ${c.fp}${c.missed.length ? `\n     missed: ${c.missed.map((m) => JSON.stringify(m.slice(0, 70))).join(" | ")}` : ""}${c.leaked.length ? `\n     leaked: ${c.leaked.map((m) => JSON.stringify(m.slice(0, 70))).join(" | ")}` : ""}`);
      });
      const p = tp / (tp + fp || 1);
      const r = tp / (tp + fn || 1);
      const f1 = (2 * tp) / (2 * tp + fp + fn || 1);
      rows.push(
        `${split.padEnd(5)} ${String(pages.length).padStart(5)} | ${system.padEnd(11)} | ${fmt(p)} ${fmt(r)} ${fmt(f1)} | ${String(tp).padStart(4)} ${String(fp).padStart(5)} ${String(fn).padStart(5)} | ${pagesPerSecond(results[system])}`,
      );
      if (bad.length) console.log(bad.slice(0, WORST * 4).join("\n"));
    }
  }
}

console.log(`\nArticle-body extraction: storydesk extractPage vs Readability ${storydeskOnly ? "(skipped)" : "(on linkedom)"}`);
console.log(rows.join("\n"));
console.log("\nSpeed over all pages above, one core (parse + extraction):");
for (const system of SYSTEMS) {
  const s = speed[system];
  console.log(`  ${system.padEnd(11)} ${((s.pages * 1000) / s.ms).toFixed(1).padStart(7)} pages/s  (${s.pages} pages, ${s.crashes} crashed)`);
}
if (!storydeskOnly) {
  const ratio = speed.storydesk.pages / speed.storydesk.ms / (speed.readability.pages / speed.readability.ms);
  console.log(`  storydesk is ${ratio.toFixed(1)}× Readability's pages/s`);
}
