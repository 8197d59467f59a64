// Messy and hostile input never crashes the pipeline, and the output still honours the contract.
import { test } from "node:test";
import assert from "node:assert/strict";
import { briefDocuments } from "../src/brief/assemble.js";
import type { SourceDocument } from "../src/model/index.js";
import { contractErrors } from "./helpers.js";

const PIECES = [
  "The", "minister", "said", "Petrov", "“", "”", '"', "'", "’s", ",", ".", "?", "!", "…", "—", "-", "(", ")", ":", ";",
  "\n", "\n\n", "on Thursday", "last July", "February 24", "2021", "14", "1,200", "U.S.", "Dr.", "J. R.", "a.m.",
  "Share this:", "#Tag", "Leave a comment", "GENEVA (Reuters) —", "— AFP", "Source: x.example", "date 2022-07-09",
  "Алексáндр", "東京", "🙂", "\u200b", "\u00a0", "é", "Mr.", "he said", "she said", "according to", "said:", "  ",
];

function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

test("random mixes of news fragments, punctuation and scripts never crash the pipeline", () => {
  const rand = random(42);
  const docs: SourceDocument[] = [];
  for (let i = 0; i < 300; i++) {
    const n = 1 + Math.floor(rand() * 120);
    let body = "";
    for (let j = 0; j < n; j++) body += PIECES[Math.floor(rand() * PIECES.length)] + (rand() < 0.7 ? " " : "");
    docs.push({ path: `fuzz/${i}.txt`, body, meta: rand() < 0.5 ? { date: "2023-03-02" } : {} });
  }
  const brief = briefDocuments(docs, [], { now: new Date(0) });
  assert.deepEqual(contractErrors(brief), []);
  assert.equal(brief.articles.length + brief.errors.length, docs.length, "every input is either an article or a reported error");
});

test("an article made of one long unbroken line is handled", () => {
  const body = `The council met on Monday. ${"word ".repeat(50_000)}The end.`;
  const brief = briefDocuments([{ path: "long.txt", body, meta: {} }], [], { now: new Date(0) });
  assert.deepEqual(contractErrors(brief), []);
});
