// Page metadata: publication dates on htmldate-eval (the main score), and agreement with trafilatura-eval's
// title/author/date fields (secondary). storydesk's HTML stage (`extractPage`, the path the pipeline takes,
// with the page's URL as htmldate's own evaluation passes it) against Mozilla Readability on linkedom
// (its `publishedTime`), on the same pages in the same run, dev and test parts apart.
// Run: node --import tsx eval/page-dates.ts            (both systems, both data sets; also npm run eval -- extraction)
//      node --import tsx eval/page-dates.ts --quick --misses (tuning: dev only, storydesk only, its wrong and missing
//                                                        dev dates listed; test pages are never listed)
//
// Metric (htmldate's): the predicted publication date as YYYY-MM-DD (storydesk's `meta.date` normalised as
// the article builder does; Readability's `publishedTime` the same way). Equal to the reference: TP; another
// date: FP; none: FN. F1 = 2TP/(2TP+FP+FN). Pages whose reference is NaN (no date; 2 dev, 3 test) are
// counted as htmldate's evaluation counts them: its `evaluate_result` compares the reference with `None`,
// which NaN is not, so a date given there is an FP and no date an FN. Either way such a page costs one
// error, for every system alike; the table also says how many of them got a date.
// Speed: pages per second on one core, decoding not counted: the whole `extractPage` (parse, metadata,
// body), the metadata pass alone (`extractMetadata` on an already parsed tree), and Readability's parse.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { parseHtml } from "../src/html/dom.js";
import { extractPage } from "../src/html/index.js";
import { Deadline } from "../src/html/limits.js";
import { extractMetadata } from "../src/html/metadata.js";
import { decodeMarkup } from "../src/read/decode.js";
import { normalizeDate } from "../src/text/dates.js";

const DATA = (path: string) => fileURLToPath(new URL(`../../shared/data/${path}`, import.meta.url));
const args = process.argv.slice(2);
const listMisses = args.includes("--misses");
/** Tuning mode: dev only, storydesk only, no trafilatura table. */
const quick = args.includes("--quick");

interface Prediction {
  date: string | null;
  title: string | null;
  authors: string[];
  evidence?: string;
}

function storydesk(html: string, url: string): Prediction {
  const page = extractPage(html, { url });
  if ("refused" in page) return { date: null, title: null, authors: [] };
  const m = page.meta;
  return {
    date: m.date ? normalizeDate(m.date) : null,
    title: m.title ?? null,
    authors: m.authors ?? [],
    evidence: m.evidence?.date ? `${m.evidence.date.kind} ${m.evidence.date.detail}` : undefined,
  };
}

function readability(html: string): Prediction {
  try {
    const { document } = parseHTML(html);
    const article = new Readability(document as unknown as Document).parse();
    const published = article?.publishedTime;
    return { date: published ? normalizeDate(published) : null, title: article?.title ?? null, authors: article?.byline ? [article.byline] : [] };
  } catch {
    return { date: null, title: null, authors: [] };
  }
}

function readJson<T>(path: string): T {
  // htmldate's annotations write a missing date as NaN, which JSON does not allow.
  return JSON.parse(readFileSync(DATA(path), "utf8").replace(/:\s*NaN\b/g, ": null")) as T;
}

function loadPage(set: string, file: string): string {
  return decodeMarkup(gunzipSync(readFileSync(DATA(`${set}/pages/${file}`)))).text;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  noDatePages: number;
  noDateGiven: number;
  ms: number;
}

const f1 = (c: { tp: number; fp: number; fn: number }) => (2 * c.tp) / (2 * c.tp + c.fp + c.fn || 1);
const fmt = (x: number) => x.toFixed(3);

// ---- htmldate-eval ----

type DateAnnotation = { file: string; date: string | null };
const dateAnnotations = readJson<Record<string, DateAnnotation>>("htmldate-eval/annotations.json");
const dateSplits = readJson<Record<string, string[]>>("htmldate-eval/splits.json");

console.log("\nPublication dates on htmldate-eval (metric: htmldate's; TP exact YYYY-MM-DD, FP other date, FN none)");
console.log("split pages | system       TP   FP   FN |  P      R      F1    | no-date pages (dated) | pages/s");
const misses: string[] = [];
const speed = { extract: 0, metadata: 0, readability: 0, pages: 0 };
for (const split of quick ? ["dev"] : ["dev", "test"]) {
  const counts: Record<string, Counts> = {};
  for (const name of ["storydesk", "readability"]) counts[name] = { tp: 0, fp: 0, fn: 0, noDatePages: 0, noDateGiven: 0, ms: 0 };
  for (const url of dateSplits[split]) {
    const ref = dateAnnotations[url];
    const html = loadPage("htmldate-eval", ref.file);
    const t0 = performance.now();
    const ours = storydesk(html, url);
    const t1 = performance.now();
    const theirs = quick ? { date: null, title: null, authors: [] } : readability(html);
    const t2 = performance.now();
    // The metadata pass alone, on a tree parsed outside the timing.
    const doc = parseHtml(html);
    const t3 = performance.now();
    extractMetadata(doc, { url, deadline: Deadline.none() });
    speed.metadata += performance.now() - t3;
    speed.extract += t1 - t0;
    speed.readability += t2 - t1;
    speed.pages++;
    counts.storydesk.ms += t1 - t0;
    counts.readability.ms += t2 - t1;
    for (const [name, p] of [["storydesk", ours], ["readability", theirs]] as const) {
      const c = counts[name];
      if (ref.date === null) {
        c.noDatePages++;
        if (p.date) c.noDateGiven++;
      }
      if (!p.date) c.fn++;
      else if (p.date === ref.date) c.tp++;
      else c.fp++;
    }
    if (listMisses && split === "dev" && ours.date !== ref.date) {
      misses.push(`${ours.date ? "WRONG" : "NONE "} ref ${ref.date} got ${ours.date ?? "-"} [${ours.evidence ?? ""}] ${ref.file} ${url}`);
    }
  }
  for (const [name, c] of Object.entries(counts)) {
    const p = c.tp / (c.tp + c.fp || 1);
    const r = c.tp / (c.tp + c.fn || 1);
    console.log(
      `${split.padEnd(5)} ${String(dateSplits[split].length).padStart(5)} | ${name.padEnd(11)} ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)} | ${fmt(p)}  ${fmt(r)}  ${fmt(f1(c))} | ${c.noDatePages} (${c.noDateGiven})`.padEnd(96) +
        `| ${((1000 * dateSplits[split].length) / c.ms).toFixed(0)}`,
    );
  }
}
console.log(
  `speed over ${speed.pages} pages (one core): storydesk extractPage ${((1000 * speed.pages) / speed.extract).toFixed(0)} pages/s, ` +
    `its metadata pass alone ${((1000 * speed.pages) / speed.metadata).toFixed(0)} pages/s (${(speed.metadata / speed.pages).toFixed(2)} ms/page), ` +
    `Readability ${((1000 * speed.pages) / speed.readability).toFixed(0)} pages/s`,
);

// ---- trafilatura-eval: agreement with its title / author / date fields ----
// These fields are trafilatura's metadata for the page, checked by its authors, not a gold standard made
// for metadata: authors keep bylines as written ("Von A und B"), empty strings mean "none given". Only
// non-empty fields are compared. Title: equal after lower-casing and dropping all but letters and digits.
// Authors: the same set of name words (lower case, "by"/"von"/"and"/"und"… dropped). Date: equal YYYY-MM-DD.

type TrafAnnotation = { file: string; title?: string; author?: string | string[]; date?: string };
const trafAnnotations = readJson<Record<string, TrafAnnotation>>("trafilatura-eval/annotations.json");
const trafSplits = readJson<Record<string, string[]>>("trafilatura-eval/splits.json");
const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
const FUNCTION_WORDS = new Set(["by", "von", "and", "und", "et", "y", "par", "por", "di", "de", "da", "van", "the", "mit", "with", "from", "written", "text", "autor", "author"]);
const nameWords = (s: string) => new Set(s.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length > 1 && !FUNCTION_WORDS.has(w)));
function sameWords(a: Set<string>, b: Set<string>): boolean {
  return a.size > 0 && a.size === b.size && [...a].every((w) => b.has(w));
}

if (!quick) {
console.log("\nAgreement with trafilatura-eval's metadata fields (pages where the field is non-empty)");
console.log("split | system       | title: n  agree | authors: n  agree | date: n  agree");
for (const split of ["dev", "test"]) {
  const rows: Record<string, { title: [number, number]; author: [number, number]; date: [number, number] }> = {};
  for (const name of ["storydesk", "readability"]) rows[name] = { title: [0, 0], author: [0, 0], date: [0, 0] };
  for (const url of trafSplits[split]) {
    const ref = trafAnnotations[url];
    if (!ref.title && !ref.author && !ref.date) continue;
    const html = loadPage("trafilatura-eval", ref.file);
    for (const [name, p] of [["storydesk", storydesk(html, url)], ["readability", readability(html)]] as const) {
      const r = rows[name];
      if (ref.title) {
        r.title[0]++;
        if (p.title && norm(p.title) === norm(ref.title)) r.title[1]++;
      }
      const refAuthor = Array.isArray(ref.author) ? ref.author.join(", ") : ref.author;
      if (refAuthor) {
        r.author[0]++;
        if (sameWords(nameWords(p.authors.join(" ")), nameWords(refAuthor))) r.author[1]++;
      }
      if (ref.date) {
        r.date[0]++;
        if (p.date === ref.date) r.date[1]++;
      }
    }
  }
  for (const [name, r] of Object.entries(rows)) {
    const cell = ([n, k]: [number, number]) => `${String(n).padStart(3)}  ${fmt(k / (n || 1))}`;
    console.log(`${split.padEnd(5)} | ${name.padEnd(12)} | ${cell(r.title)}      | ${cell(r.author)}        | ${cell(r.date)}`);
  }
}

}

if (listMisses) {
  console.log(`\nstorydesk's dev misses (${misses.length}):`);
  for (const m of misses) console.log(m);
}
