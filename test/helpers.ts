// Shared test helpers: run the real CLI, validate a Brief against the JSON contract.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import type { Brief } from "../src/model/index.js";

export const ROOT = join(import.meta.dirname, "..");
/**
 * The example folders the desk tests serve: three stories of known shape, so examples added later do not move
 * what those tests expect.
 */
export const DESK_EXAMPLES = ["water-summit", "museum-theft", "harbour-strike"].map((name) => join(ROOT, "examples", name));

/** Runs bin/storydesk.js (the built CLI, as a user would after `npm ci`). */
export function runCli(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "storydesk.js"), ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const schema = JSON.parse(readFileSync(join(ROOT, "schema", "brief.schema.json"), "utf8"));
const extractSchema = JSON.parse(readFileSync(join(ROOT, "schema", "extract.schema.json"), "utf8"));
const ajv = addFormats.default(new Ajv.default({ allErrors: true, strict: false })).addSchema(schema);
const validate = ajv.getSchema(schema.$id)!;
const validateExtraction = ajv.compile(extractSchema);

/** Schema errors of a storydesk/extract@1 document, plus sentence offsets that do not match; empty when valid. */
export function extractionErrors(doc: unknown): string[] {
  const errors = validateExtraction(doc) ? [] : (validateExtraction.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  for (const a of (doc as { articles?: Brief["articles"] }).articles ?? []) {
    for (const s of a.sentences) if (a.text.slice(s.start, s.end) !== s.text) errors.push(`article ${a.id} sentence ${s.i}: offsets do not match its text`);
  }
  return errors;
}

/** Schema errors of a Brief, plus cites that point at no sentence; empty when it is valid. */
export function contractErrors(brief: Brief): string[] {
  const errors = validate(brief) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  const sentences = new Map(brief.articles.map((a) => [a.id, a.sentences.length]));
  const check = (where: string, c: { article: string; sentence: number }) => {
    const n = sentences.get(c.article);
    if (n === undefined || c.sentence >= n) errors.push(`${where}: cite ${c.article}#${c.sentence} points at no sentence`);
  };
  for (const a of brief.articles) {
    for (const s of a.sentences) {
      if (a.text.slice(s.start, s.end) !== s.text) errors.push(`article ${a.id} sentence ${s.i}: offsets do not match its text`);
    }
  }
  for (const s of brief.stories) {
    s.summary.forEach((x) => x.cites.forEach((c) => check(`story ${s.id} summary`, c)));
    s.timeline.forEach((x) => x.cites.forEach((c) => check(`story ${s.id} timeline`, c)));
    s.quotes.forEach((q) => check(`story ${s.id} quote`, q));
    s.disagreements.forEach((d) => d.claims.forEach((x) => x.cites.forEach((c) => check(`story ${s.id} disagreement`, c))));
  }
  const ids = new Set(brief.articles.map((a) => a.id));
  for (const c of brief.copies) if (!ids.has(c.copy) || !ids.has(c.of)) errors.push(`copy ${c.copy} → ${c.of}: unknown article`);
  return errors;
}
