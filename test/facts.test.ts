// `storydesk facts` and its contract: real output on examples/ validated against schema/facts.schema.json,
// offsets that point at what they claim, and what the example articles should yield.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { articleFactsView, buildArticle, type FactsReport } from "../src/index.js";
import { ROOT, runCli } from "./helpers.js";

const briefSchema = JSON.parse(readFileSync(join(ROOT, "schema", "brief.schema.json"), "utf8"));
const factsSchema = JSON.parse(readFileSync(join(ROOT, "schema", "facts.schema.json"), "utf8"));
const validate = addFormats.default(new Ajv.default({ allErrors: true, strict: false })).addSchema(briefSchema).compile(factsSchema);

/** Schema errors plus offsets, entity and speaker indices that do not hold; empty when all is well. */
function factsErrors(doc: FactsReport): string[] {
  const errors = validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  for (const a of doc.articles ?? []) {
    for (const m of a.mentions) {
      if (a.text.slice(m.start, m.end) !== m.text) errors.push(`${a.path}: mention ${m.text} at ${m.start} is not its text`);
      if (!a.entities[m.entity]) errors.push(`${a.path}: mention ${m.text} points at no entity`);
      else if (a.entities[m.entity].name !== m.name && !a.entities[m.entity].aliases.includes(m.name)) {
        errors.push(`${a.path}: mention ${m.name} is not a form of entity ${a.entities[m.entity].name}`);
      }
    }
    for (const q of a.quotes) {
      if (!/^["“«]/.test(a.text.slice(q.start))) errors.push(`${a.path}: quote at ${q.start} does not start at a quote mark`);
      if (!/["”»]$/.test(a.text.slice(0, q.end)) && !/\n/.test(a.text.slice(q.end, q.end + 1))) errors.push(`${a.path}: quote ending ${q.end} does not end at a closing mark`);
      if (q.speaker !== null && !a.entities[q.speaker]) errors.push(`${a.path}: quote speaker points at no entity`);
      if (q.speaker !== null && q.attribution === "none") errors.push(`${a.path}: quote speaker without attribution`);
    }
    for (const t of a.times) if (a.text.slice(t.start, t.end) !== t.text) errors.push(`${a.path}: time ${t.text} at ${t.start} is not its text`);
  }
  return errors;
}

test("facts --format json on every example is valid storydesk/facts@1 with offsets into each article's text", () => {
  const r = runCli(["facts", "examples", "--format", "json"]);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout) as FactsReport;
  assert.equal(doc.schema, "storydesk/facts@1");
  assert.ok(doc.articles.length >= 9, `only ${doc.articles.length} articles`);
  assert.deepEqual(factsErrors(doc), []);
  assert.ok(doc.articles.every((a) => a.mentions.length > 0), "an example article with no mention at all");
});

test("the schema rejects what breaks the contract: a mention without its entity, an unknown attribution", () => {
  const a = articleFactsView(buildArticle({ path: "a.txt", body: "Aleksandr Petrov said on Thursday: \"We spent two years arguing about commas.\"", meta: { date: "2022-07-07" } }));
  const good: FactsReport = { schema: "storydesk/facts@1", articles: [a], errors: [] };
  assert.deepEqual(factsErrors(good), []);
  const { entity: _, ...noEntity } = a.mentions[0];
  assert.notDeepEqual(factsErrors({ ...good, articles: [{ ...a, mentions: [noEntity as typeof a.mentions[0]] }] }), []);
  assert.notDeepEqual(factsErrors({ ...good, articles: [{ ...a, quotes: [{ ...a.quotes[0], attribution: "guessed" as "none" }] }] }), []);
});

test("facts of the wire story: who said what and how it was found, time values against the article's date", () => {
  const r = runCli(["facts", "examples/water-summit/01-reuters-wire.txt"]);
  assert.equal(r.code, 0, r.stderr);
  const [a] = (JSON.parse(r.stdout) as FactsReport).articles;
  const speaker = (q: FactsReport["articles"][0]["quotes"][0]) => (q.speaker === null ? null : a.entities[q.speaker].name);
  const petrov = a.quotes.find((q) => q.text.startsWith("We spent two years"))!;
  assert.equal(speaker(petrov), "Aleksandr Petrov");
  assert.equal(petrov.attribution, "named-after");
  const okonjo = a.quotes.find((q) => q.text.startsWith("This is the first time"))!;
  assert.equal(speaker(okonjo), "Amara Okonjo");
  assert.equal(okonjo.attribution, "named-before");
  const petrovEntity = a.entities.find((e) => e.name === "Aleksandr Petrov")!;
  assert.equal(petrovEntity.type, "person");
  assert.ok(petrovEntity.aliases.includes("Petrov"));
  const thursday = a.times.find((t) => t.text === "Thursday")!;
  assert.deepEqual([thursday.type, thursday.value, thursday.precision], ["DATE", "2022-07-07", "day"]);
});

test("facts --format markdown lists entities, quotes and times per article", () => {
  const r = runCli(["facts", "examples/museum-theft", "--format", "markdown"]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^## examples\/museum-theft\/01-flanders-evening-post\.txt/m);
  assert.match(r.stdout, /### Entities\n\n\| entity \| type/);
  assert.match(r.stdout, /### Quotes\n\n- \*\*/);
  assert.match(r.stdout, /### Time expressions/);
});

test("facts on nothing readable exits 1 and says why", () => {
  const r = runCli(["facts", "no-such-file.txt"]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /no article could be read/);
});
