// Text the cleaner keeps: cleanBody run on the AEB ground-truth article bodies, per split.
// Run: node --import tsx eval/cleaning.ts
// The cleaner alone, not HTML extraction (eval/extraction.ts scores that): the input is the true article
// text, so nothing is boilerplate and every dropped shingle is a loss.
// Metric: AEB's shingle recall (4-grams of \w+ tokens, multiset overlap, averaged over pages) of the
// cleaner's title + paragraphs against the true body. Precision is 1 by construction and not reported.
// Also counted: pages where the cleaner took a title line, or found a byline/dateline/agency/source credit
// (in true article text such a find is a body line read as metadata).

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cleanBody, type CleanResult } from "../src/text/clean.js";
import { aebCounts } from "./aeb-metric.js";

const DATA = fileURLToPath(new URL("../../shared/data/scrapinghub-aeb/", import.meta.url));
const METADATA = ["author", "dateline", "agency", "sourceName", "date"] as const;

function recall(kept: string, truth: string): number {
  const { tp, fn } = aebCounts(kept, truth);
  return tp + fn ? tp / (tp + fn) : 1;
}

const keptText = (r: CleanResult) => [r.title ?? "", ...r.paragraphs].join("\n");

const truth = JSON.parse(readFileSync(`${DATA}ground-truth.json`, "utf8")) as Record<string, { articleBody: string }>;
const splits = JSON.parse(readFileSync(`${DATA}splits.json`, "utf8")) as Record<string, string[]>;
console.log("\nCleaning: text the cleaner keeps of AEB ground-truth bodies (the cleaner alone: no HTML is read)");
console.log("split pages | recall  min    pages<0.99 | title taken | metadata found on pages");
for (const split of ["dev", "test"]) {
  const recalls: number[] = [];
  let titles = 0;
  const metadata = new Map<string, number>();
  for (const id of splits[split]) {
    const body = truth[id].articleBody;
    const result = cleanBody(body);
    recalls.push(recall(keptText(result), body));
    if (result.title) titles++;
    for (const key of METADATA) if (result[key]) metadata.set(key, (metadata.get(key) ?? 0) + 1);
  }
  const mean = recalls.reduce((s, x) => s + x, 0) / recalls.length;
  console.log(
    `${split.padEnd(5)} ${String(recalls.length).padStart(5)} | ${mean.toFixed(4)} ${Math.min(...recalls).toFixed(3)} ` +
      `${String(recalls.filter((x) => x < 0.99).length).padStart(6)}     | ${String(titles).padStart(11)} | ` +
      ([...metadata].map(([k, n]) => `${k} ${n}`).join(", ") || "none"),
  );
}
