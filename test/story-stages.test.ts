// Timeline, summary and disagreements over a hand-built story: what a reader of the briefing sees.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Article, ArticleFacts, SentenceRef, StoryEvent, StoryMaterial, TimeFinding } from "../src/model/index.js";
import { articleFromSentences } from "./articles.js";
import { buildTimeline } from "../src/timeline/index.js";
import { summarize } from "../src/summary/index.js";
import { findDisagreements } from "../src/disagreements/index.js";

function article(id: string, sentences: string[], published = "2023-03-02"): Article {
  return articleFromSentences(sentences, { id, published, title: `Title ${id}` });
}

function material(articles: Article[], times: Record<string, TimeFinding[]> = {}, families: Record<string, string> = {}, events?: StoryEvent[]): StoryMaterial {
  const sentences: SentenceRef[] = articles.flatMap((a) => a.sentences.map((sentence) => ({ article: a, sentence, family: families[a.id] ?? a.id })));
  const facts = new Map<string, ArticleFacts>(articles.map((a) => [a.id, { article: a.id, mentions: [], quotes: [], times: times[a.id] ?? [] }]));
  return { articles, sentences, facts, events: events ?? [{ id: "e1", title: "t", date: null, precision: null, articles: articles.map((a) => a.id) }] };
}

const time = (sentence: number, date: string, precision: TimeFinding["precision"] = "day"): TimeFinding => ({ text: "x", sentence, start: 0, end: 1, date, precision });

test("timeline lists dated happenings in date order, each citing its sentence", () => {
  const a = article("a", ["The dam at Lake Orun broke on Thursday after days of rain.", "Engineers had warned about cracks last July.", "Residents were evacuated overnight."]);
  const timeline = buildTimeline(material([a], { a: [time(0, "2023-03-02"), time(1, "2022-07", "month")] }));
  assert.deepEqual(timeline.map((t) => t.date), ["2022-07", "2023-03-02"]);
  assert.deepEqual(timeline[0].cites, [{ article: "a", sentence: 1 }]);
  assert.equal(timeline[0].precision, "month");
  assert.match(timeline[1].text, /dam at Lake Orun broke/);
});

test("two sources reporting the same happening on the same date make one timeline entry citing both", () => {
  const a = article("a", ["The dam at Lake Orun broke on Thursday after days of heavy rain."]);
  const b = article("b", ["After days of heavy rain the Lake Orun dam broke on Thursday, officials said."]);
  const timeline = buildTimeline(material([a, b], { a: [time(0, "2023-03-02")], b: [time(0, "2023-03-02")] }));
  assert.equal(timeline.length, 1);
  assert.equal(timeline[0].cites.length, 2);
});

test("summary picks 3 to 7 sentences, what most sources say first, without repeating itself", () => {
  const a = article("a", [
    "Flood waters from the broken Lake Orun dam forced 4,000 residents of Kessa to leave their homes on Thursday.",
    "The regional government opened three shelters in schools north of the town for the displaced residents.",
    "A local bakery offered free bread to volunteers who filled sandbags along the river through the night.",
    "Engineers said the dam had shown cracks since last summer and that repairs had been postponed twice.",
  ]);
  const b = article("b", [
    "About 4,000 residents of Kessa left their homes on Thursday as flood waters poured from the broken Lake Orun dam.",
    "Engineers said cracks in the dam had been reported since last summer, but repairs were postponed twice.",
    "The regional government said three shelters in schools north of the town were open for displaced residents.",
    "The town's football club cancelled its weekend match against a neighbouring side because of the weather.",
  ]);
  const summary = summarize(material([a, b]));
  assert.ok(summary.length >= 3 && summary.length <= 7, `got ${summary.length}`);
  assert.match(summary[0].text, /4,000 residents/);
  const residents = summary.filter((s) => /4,000 residents/.test(s.text));
  assert.equal(residents.length, 1, "the same fact from two sources appears once");
  assert.ok(summary[0].cites.length >= 2, "a fact both sources report cites both");
  assert.ok(!summary.slice(0, 3).some((s) => /bakery|football/.test(s.text)), "side details are not in the top three");
});

test("sources stating different numbers for the same thing are reported as a disagreement", () => {
  const a = article("a", ["Fourteen countries signed the water-sharing accord in Geneva on Thursday.", "The talks lasted two days."]);
  const b = article("b", ["Delegates said 12 countries signed the water-sharing accord in Geneva.", "The talks lasted two days."]);
  const found = findDisagreements(material([a, b]));
  assert.equal(found.length, 1);
  assert.equal(found[0].subject, "country");
  assert.deepEqual(found[0].claims.map((c) => c.value).sort(), ["12 countries", "Fourteen countries"].sort());
  assert.deepEqual(found[0].claims.flatMap((c) => c.cites.map((x) => x.article)).sort(), ["a", "b"]);
});

test("different numbers in different events, or in unrelated sentences, are no disagreement", () => {
  const a = article("a", ["Fourteen countries signed the water-sharing accord in Geneva."], "2022-07-09");
  const b = article("b", ["Twenty countries signed the water-sharing accord in Nairobi."], "2023-03-10");
  const events: StoryEvent[] = [
    { id: "e1", title: "Geneva", date: "2022-07-09", precision: "day", place: "Geneva", actors: [], articles: ["a"] },
    { id: "e2", title: "Nairobi", date: "2023-03-10", precision: "day", place: "Nairobi", actors: [], articles: ["b"] },
  ];
  assert.deepEqual(findDisagreements(material([a, b], {}, {}, events)), []);
  const c = article("c", ["Police said 3 people were injured in the crowd outside the venue."]);
  const d = article("d", ["The ministry plans to hire 200 people for its new water agency next year."]);
  assert.deepEqual(findDisagreements(material([c, d])), []);
});

test("copies of one family never disagree with each other", () => {
  const a = article("a", ["Fourteen countries signed the water-sharing accord in Geneva on Thursday."]);
  const b = article("b", ["Twelve countries signed the water-sharing accord in Geneva on Thursday."]);
  assert.deepEqual(findDisagreements(material([a, b], {}, { b: "a" })), []);
});

test("a source stating another number is never cited as backing a summary sentence or merged into its timeline entry", () => {
  const a = article("a", ["Delegates from 14 countries signed the Geneva water accord on Thursday after two years of talks.", "The accord sets up a commission."]);
  const b = article("b", ["Delegates from 12 countries signed the Geneva water accord on Thursday after two years of talks.", "The accord sets up a commission."]);
  const m = material([a, b], { a: [time(0, "2023-03-02")], b: [time(0, "2023-03-02")] });
  const signed = summarize(m).find((s) => /signed/.test(s.text));
  assert.ok(signed);
  assert.equal(signed.cites.length, 1);
  assert.equal(buildTimeline(m).length, 2);
});

test("a spelling only a copy uses becomes an alias of the entity, and the copy adds no mentions", async () => {
  const { assembleStory } = await import("../src/brief/story.js");
  const { extractFacts } = await import("../src/facts/index.js");
  const lines = (name: string) => [
    `Environment minister ${name} signed the river accord in Geneva on Thursday.`,
    `The accord was welcomed by delegates from fourteen countries.`,
    `Petrov said the data would be shared within a month.`,
  ];
  const original = article("a", lines("Aleksandr Petrov"));
  const copy = article("b", lines("Alexander Petrov"));
  const facts = new Map([original, copy].map((a) => [a.id, extractFacts(a)] as const));
  const story = assembleStory([original, copy], [original, copy], [{ copy: "b", of: "a", kind: "near", similarity: 0.95 }], facts, new Map([["a", "a"], ["b", "a"]]));
  const petrov = story.entities.find((e) => e.name.endsWith("Petrov"));
  assert.ok(petrov, JSON.stringify(story.entities));
  assert.equal(petrov.name, "Aleksandr Petrov");
  assert.ok(petrov.aliases.includes("Alexander Petrov"), JSON.stringify(petrov));
  assert.equal(petrov.mentions, facts.get("a")!.mentions.filter((m) => m.name.endsWith("Petrov")).length);
});
