// Where sources disagree: what a reader of the briefing sees for each kind of contradiction, and what is
// left alone (paraphrase, added detail, a hedged or rounded number, one person under two names).
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Article, Disagreement, StoryMaterial } from "../src/model/index.js";
import { extractFacts } from "../src/facts/index.js";
import { candidatePairs, DISAGREEMENT_DEFAULTS, findDisagreements } from "../src/disagreements/index.js";
import { articleFromSentences } from "./articles.js";

function article(id: string, sentences: string[], published: string | null = "2023-03-02"): Article {
  return articleFromSentences(sentences, { id, published, title: null });
}

/** Each article its own source, all in one event, with the facts the pipeline would find. */
function story(...articles: Article[]): StoryMaterial {
  return {
    articles,
    sentences: articles.flatMap((a) => a.sentences.map((sentence) => ({ article: a, sentence, family: a.id }))),
    facts: new Map(articles.map((a) => [a.id, extractFacts(a)] as const)),
    events: [{ id: "e1", title: "t", date: null, precision: null, articles: articles.map((a) => a.id) }],
  };
}

const sides = (d: Disagreement) => d.claims.map((c) => `${c.value}@${c.cites.map((x) => `${x.article}.${x.sentence}`).join(",")}`).sort();

test("a source denying what another reports is a claim and its denial, citing both sentences and both sources", () => {
  const a = article("a", [
    "The water accord was signed in Geneva on Thursday.",
    "Wanjiru said she met Petrov in Geneva for ten minutes on the final night of the talks to press Kenya's case on droughts.",
  ]);
  const b = article("b", [
    "Petrov's office said on Saturday that no meeting with Kenya's chief negotiator, Grace Wanjiru, took place in Geneva during the talks.",
  ]);
  const found = findDisagreements(story(a, b));
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.equal(found[0].kind, "denial");
  assert.deepEqual(sides(found[0]), ["denied@b.0", "reported@a.1"]);
  assert.deepEqual(found[0].claims.flatMap((c) => c.sources).sort(), ["a", "b"]);
});

test("one source saying a ministry confirmed what another says it denied is a denial", () => {
  const a = article("a", ["The health ministry confirmed that the dam near Kessa had been opened without warning on Monday."]);
  const b = article("b", ["The health ministry denied that the dam near Kessa had been opened without warning on Monday."]);
  const [d] = findDisagreements(story(a, b));
  assert.equal(d?.kind, "denial");
});

test("a negated aside added by one source, or the same negation in both, is no disagreement", () => {
  const a = article("a", ["Three people were injured when the bridge over the Tarna collapsed on Monday, police said.", "The mayor did not attend the memorial service in Mirov."]);
  const b = article("b", [
    "Three people were injured when the bridge over the Tarna collapsed on Monday, though the cause was not immediately clear.",
    "The mayor didn't attend the memorial service in Mirov, officials said.",
  ]);
  assert.deepEqual(findDisagreements(story(a, b)), []);
});

test("a different date for the same happening is found; the same day written another way is not", () => {
  const a = article("a", ["The Shared Rivers Commission opened its first session in New Delhi on Thursday."], "2023-03-16");
  const b = article("b", ["The Shared Rivers Commission opened its first session in New Delhi on Wednesday."], "2023-03-17");
  const [d] = findDisagreements(story(a, b));
  assert.equal(d?.kind, "date", JSON.stringify(d));
  assert.deepEqual(d.claims.map((c) => c.value).sort(), ["2023-03-15", "2023-03-16"]);
  // Published a day later, "yesterday" is that same Thursday.
  const c = article("c", ["The Shared Rivers Commission opened its first session in New Delhi yesterday."], "2023-03-17");
  assert.deepEqual(findDisagreements(story(a, c)), []);
});

test("dates of undated articles are compared as written", () => {
  const a = article("a", ["The ferry caught fire off Bergen on March 3 with 212 passengers on board."], null);
  const b = article("b", ["The ferry caught fire off Bergen on March 5 with 212 passengers on board."], null);
  const [d] = findDisagreements(story(a, b));
  assert.equal(d?.kind, "date");
});

test("a different amount of money is a figure, a different number of things a count", () => {
  const a = article("a", ["The council approved a fund of $1.2 billion for flood stations in 14 countries."]);
  const b = article("b", ["The council approved a fund of $1.5 billion for flood stations in 14 countries."]);
  const [figure] = findDisagreements(story(a, b));
  assert.equal(figure?.kind, "figure");
  assert.deepEqual(figure.claims.map((c) => c.value).sort(), ["$1.2 billion", "$1.5 billion"]);
  const c = article("c", ["Police said 31 people were killed when the dam burst above Mirov on Sunday night."]);
  const d = article("d", ["Police said 41 people were killed when the dam burst above Mirov on Sunday night."]);
  const [count] = findDisagreements(story(c, d));
  assert.equal(count?.kind, "count");
  assert.equal(count.subject, "people");
});

test("a hedged, rounded or reworded number is no disagreement", () => {
  const a = article("a", [
    "The platform carries live readings from 310 river gauges across the signatory countries.",
    "Dam operators must give 72 hours notice before large releases of water.",
    "The fund of $1.23 billion will pay for new gauging stations.",
    "Fourteen countries signed the accord in Geneva on Thursday.",
  ]);
  const b = article("b", [
    "The platform carries live readings from more than 300 river gauges across the signatory countries.",
    "Dam operators must give three days notice before large releases of water.",
    "The fund of $1.2 billion will pay for new gauging stations.",
    "14 countries signed the accord in Geneva on Thursday, officials said.",
  ]);
  assert.deepEqual(findDisagreements(story(a, b)), []);
});

test("the same quote put in two people's mouths is found; one person under two forms of the name is not", () => {
  const a = article("a", ['"Rivers do not stop at borders, and from today neither will the information about them," said Aleksandr Petrov.']);
  const b = article("b", ['"Rivers do not stop at borders, and from today neither will the information about them," said Amara Okonjo.']);
  const [d] = findDisagreements(story(a, b));
  assert.equal(d?.kind, "speaker", JSON.stringify(d));
  assert.deepEqual(d.claims.map((c) => c.value).sort(), ["Aleksandr Petrov", "Amara Okonjo"]);
  const c = article("c", ['"Rivers do not stop at borders, and from today neither will the information about them," Petrov said.']);
  assert.deepEqual(findDisagreements(story(a, c)), []);
});

test("statements about different people on different days are not set against each other", () => {
  const a = article("a", ["On Friday, 36-year-old Duncan Raite died after falling about 60 metres from a ridge on Mount Sefton."]);
  const b = article("b", ["On Saturday, 32-year-old Robert Buckley died after falling about 300 metres from a ridge on Mount Sefton."]);
  assert.deepEqual(findDisagreements(story(a, b)), []);
});

test("statements sharing only a common word are never compared, however many there are", () => {
  const items = Array.from({ length: 500 }, (_, i) => new Set(["council", `topic${i}`, `place${i}`]));
  assert.deepEqual(candidatePairs(items, DISAGREEMENT_DEFAULTS), []);
  const close = [new Set(["council", "flood", "fund"]), new Set(["council", "flood", "fund", "geneva"]), new Set(["harbour"])];
  assert.deepEqual(candidatePairs(close, DISAGREEMENT_DEFAULTS), [[0, 1]]);
});

test("the water-summit example's briefing shows an outlet denying the meeting another reports", async () => {
  const { brief } = await import("../src/index.js");
  const result = await brief(["examples/water-summit"]);
  const story = result.stories.find((s) => s.disagreements.some((d) => d.kind === "denial"));
  assert.ok(story, JSON.stringify(result.stories.map((s) => s.disagreements)));
  const denial = story.disagreements.find((d) => d.kind === "denial")!;
  const file = (id: string) => result.articles.find((a) => a.id === id)!.source.path.split("/").pop();
  const byValue = Object.fromEntries(denial.claims.map((c) => [c.value, c.cites.map((x) => file(x.article))]));
  assert.deepEqual(byValue, { reported: ["07-savanna-post-bom.txt"], denied: ["06-northern-gazette.txt"] });
  assert.match(denial.claims.find((c) => c.value === "denied")!.text, /no meeting/);
});

test("a source that states both numbers, or both the claim and its denial, takes no side", () => {
  const a = article("a", ["Delegates from 14 countries signed the water accord in Geneva on Thursday."]);
  const b = article("b", [
    "Delegates from 12 countries signed the water accord in Geneva on Thursday.",
    "Two more countries joined later, so 14 countries in all have now signed.",
  ]);
  assert.deepEqual(findDisagreements(story(a, b)), []);
  const c = article("c", ["Wanjiru said she met Petrov in Geneva for ten minutes on the final night of the talks."]);
  const d = article("d", [
    "Wanjiru said she met Petrov in Geneva for ten minutes on the final night of the talks.",
    "Petrov's office said that no meeting with Wanjiru took place in Geneva during the talks.",
  ]);
  assert.deepEqual(findDisagreements(story(c, d)), []);
});
