import { test } from "node:test";
import assert from "node:assert/strict";
import type { Article, ArticleFacts, Copy, DatePrecision, Mention, Sentence, TimeFinding } from "../src/model/index.js";
import { addToStoryIndex, createStoryIndex, groupStories, splitEvents } from "../src/stories/index.js";

const SENTENCE = /[^.!?]+(?:[.!?]+|$)/g;

function article(id: string, title: string | null, text: string, published: string | null = null, dateline: string | null = null): Article {
  const sentences: Sentence[] = [];
  for (const m of text.matchAll(SENTENCE)) {
    const s = m[0].trim();
    if (!s) continue;
    const start = m.index! + m[0].indexOf(s);
    sentences.push({ i: sentences.length, text: s, start, end: start + s.length, paragraph: 0 });
  }
  return { id, source: { path: `${id}.txt`, name: null, url: null, agency: null, author: null }, title, published, dateline, text, sentences };
}

function facts(id: string, times: [string, DatePrecision, number][] = [], places: [string, number][] = []): ArticleFacts {
  const t: TimeFinding[] = times.map(([date, precision, sentence]) => ({ text: date, sentence, start: 0, end: 0, date, precision }));
  const m: Mention[] = places.map(([name, sentence]) => ({ text: name, name, type: "place", role: null, sentence, start: 0, end: 0 }));
  return { article: id, mentions: m, quotes: [], times: t };
}

const sorted = (groups: string[][]) => groups.map((g) => [...g].sort()).sort((a, b) => a[0].localeCompare(b[0]));

// --- fixtures: news about a few different matters ---------------------------------------------------

const chileQuake1 = article(
  "chile-1",
  "Magnitude 7.1 earthquake strikes central Chile near Valparaiso",
  "A magnitude 7.1 earthquake struck central Chile on Tuesday, killing at least 12 people in the port city of Valparaiso. " +
    "Mayor Camila Fuentes said rescue teams were searching collapsed homes in the hillside neighbourhoods of Valparaiso. " +
    "President Gabriel Boric declared a state of catastrophe for the Valparaiso region. The Chilean navy sent ships to the port.",
);
const chileQuake2 = article(
  "chile-2",
  "Death toll rises in Valparaiso quake as Boric visits",
  "The death toll from Tuesday's earthquake in Chile rose to 19 as President Gabriel Boric toured damaged neighbourhoods of Valparaiso. " +
    "Mayor Camila Fuentes said hundreds of families in Valparaiso had spent the night outdoors. Aftershocks rattled the Chilean coast.",
);
const japanQuake = article(
  "japan-1",
  "Strong earthquake hits northern Japan, Sendai buildings damaged",
  "A magnitude 6.8 earthquake hit northern Japan on Friday, injuring 40 people in Sendai and cutting power to 200,000 homes. " +
    "Chief Cabinet Secretary Yoshimasa Hayashi said there was no tsunami risk. Miyagi governor Yoshihiro Murai said rescue teams " +
    "were checking collapsed buildings in Sendai. East Japan Railway suspended Tohoku shinkansen services.",
);
const japanQuake2 = article(
  "japan-2",
  "Sendai cleans up after quake; Tohoku shinkansen resumes",
  "Residents of Sendai began clearing debris on Saturday after Friday's earthquake in northern Japan. " +
    "Governor Yoshihiro Murai said 40 people were treated for injuries in Miyagi. East Japan Railway resumed Tohoku shinkansen services.",
);
const merger1 = article(
  "merger-1",
  "Northwind Foods agrees to buy Harbor Dairy for $4.2 billion",
  "Northwind Foods said on Monday it would acquire Harbor Dairy for $4.2 billion in cash, creating the largest dairy supplier in the Midwest. " +
    "Northwind chief executive Laura Chen said the deal would close next year pending regulatory approval. Harbor Dairy shares jumped 31 percent.",
);
const merger2 = article(
  "merger-2",
  "Harbor Dairy shareholders back Northwind takeover",
  "Shareholders of Harbor Dairy voted to approve the $4.2 billion takeover by Northwind Foods. " +
    "Laura Chen, Northwind's chief executive, said the combined company would keep the Harbor Dairy brand.",
);
const summitJuly = article(
  "summit-1",
  "Global Ocean Compact talks open in Geneva",
  "Delegates from 140 countries opened talks on the Global Ocean Compact in Geneva on Tuesday. " +
    "UN envoy Amina Odhiambo urged governments to agree limits on deep-sea mining. The Geneva round is expected to last four days.",
  "2022-07-05",
  "GENEVA",
);
const summitJuly2 = article(
  "summit-2",
  "Geneva ocean talks end without deal on deep-sea mining",
  "Talks on the Global Ocean Compact ended in Geneva on Friday without agreement on deep-sea mining limits. " +
    "Envoy Amina Odhiambo said negotiators would meet again in Nairobi next year.",
  "2022-07-08",
  "GENEVA",
);
const summitMarch = article(
  "summit-3",
  "Nairobi round of Global Ocean Compact talks begins",
  "Negotiators resumed talks on the Global Ocean Compact in Nairobi on Monday, eight months after the Geneva round ended without a deal. " +
    "UN envoy Amina Odhiambo said deep-sea mining limits remained the main obstacle.",
  "2023-03-13",
  "NAIROBI",
);

test("articles about unrelated matters end up in separate stories", () => {
  const stories = groupStories([chileQuake1, merger1, chileQuake2, merger2], []);
  assert.deepEqual(sorted(stories), [["chile-1", "chile-2"], ["merger-1", "merger-2"]]);
});

test("a follow-up months later with the same key names stays in the same story", () => {
  const stories = groupStories([summitJuly, merger1, summitJuly2, merger2, summitMarch], []);
  assert.deepEqual(sorted(stories), [["merger-1", "merger-2"], ["summit-1", "summit-2", "summit-3"]]);
});

test("two earthquakes in different countries are two stories", () => {
  const stories = groupStories([chileQuake1, japanQuake, chileQuake2, japanQuake2, merger1], []);
  assert.deepEqual(sorted(stories), [["chile-1", "chile-2"], ["japan-1", "japan-2"], ["merger-1"]]);
});

test("a copy lands in its original's story even when its own text would not", () => {
  // A syndicated stub: the outlet kept only the headline's subject and padded it with its own promo text.
  const stub = article("stub", "Deal news", "Read more business news every morning in our newsletter. Subscribe today.");
  const copies: Copy[] = [{ copy: "stub", of: "merger-1", kind: "partial", similarity: 0.4 }];
  const stories = groupStories([stub, chileQuake1, merger1, chileQuake2], copies);
  assert.deepEqual(sorted(stories), [["chile-1", "chile-2"], ["merger-1", "stub"]]);
});

test("stories come biggest first, ties in order of first appearance, ids in input order", () => {
  const stories = groupStories([merger1, chileQuake2, japanQuake, chileQuake1, japanQuake2], []);
  assert.deepEqual(stories, [["chile-2", "chile-1"], ["japan-1", "japan-2"], ["merger-1"]]);
});

test("the story index can be saved as JSON, reloaded, and keeps assigning articles", () => {
  const index = createStoryIndex();
  const chile = addToStoryIndex(index, chileQuake1);
  const merger = addToStoryIndex(index, merger1);
  assert.notEqual(chile, merger);
  const reloaded = JSON.parse(JSON.stringify(index));
  assert.equal(addToStoryIndex(reloaded, chileQuake2), chile);
  assert.equal(addToStoryIndex(reloaded, merger2), merger);
});

// --- events ------------------------------------------------------------------------------------------

test("a story's happenings months apart are separate events, in date order", () => {
  const articles = [summitMarch, summitJuly, summitJuly2];
  const events = splitEvents(articles, new Map(), []);
  assert.deepEqual(
    events.map((e) => [e.date, e.precision, e.articles]),
    [
      ["2022-07-05", "day", ["summit-1", "summit-2"]],
      ["2023-03-13", "day", ["summit-3"]],
    ],
  );
  assert.equal(events[0].title, "Global Ocean Compact talks open in Geneva");
});

test("a move to another city days later starts a new event, same-day reports from two cities do not", () => {
  const geneva = article("g", "Talks open", "Talks opened on Monday.", "2022-07-04");
  const bern = article("b", "Delegates arrive", "More delegates arrived on Monday.", "2022-07-04");
  const nairobi = article("n", "Talks move", "Talks moved on Saturday.", "2022-07-09");
  const f = new Map([
    ["g", facts("g", [], [["Geneva", 0]])],
    ["b", facts("b", [], [["Bern", 0]])],
    ["n", facts("n", [], [["Nairobi", 0]])],
  ]);
  const events = splitEvents([geneva, bern, nairobi], f, []);
  assert.deepEqual(events.map((e) => e.articles), [["g", "b"], ["n"]]);
});

test("the event date comes from the lead when it is near publication, not from background dates", () => {
  const report = article("r", "Quake strikes", "An earthquake struck on Tuesday. It recalled the disaster of March 2010.", "2022-07-08");
  const f = new Map([["r", facts("r", [["2022-07-05", "day", 0], ["2010-03", "month", 1]])]]);
  assert.equal(splitEvents([report], f, [])[0].date, "2022-07-05");

  const anniversary = article("a", "Ten years on", "The quake of March 2010 still shapes the city.", "2020-03-01");
  const g = new Map([["a", facts("a", [["2010-03", "month", 0]])]]);
  assert.deepEqual(splitEvents([anniversary], g, []).map((e) => [e.date, e.precision]), [["2020-03-01", "day"]]);
});

test("event dates are as precise as most of the articles give, an event over several days dated by its start", () => {
  const a = article("a", "A", "Talks opened.", "2022-07-05");
  const b = article("b", "B", "Talks went on.", "2022-07-05");
  const c = article("c", "C", "Talks went on.", "2022-07-08");
  const m = article("m", "M", "Talks went on.", "2022-07");
  assert.deepEqual(splitEvents([a, b], new Map(), []).map((e) => [e.date, e.precision]), [["2022-07-05", "day"]]);
  assert.deepEqual(splitEvents([c, a], new Map(), []).map((e) => [e.date, e.precision]), [["2022-07-05", "day"]]);
  assert.deepEqual(splitEvents([a, c, b], new Map(), []).map((e) => [e.date, e.precision]), [["2022-07-05", "day"]]);
  // One of two reports dated only by its month: the event is known to the month.
  assert.deepEqual(splitEvents([a, m], new Map(), []).map((e) => [e.date, e.precision]), [["2022-07", "month"]]);
  const eve = article("e", "E", "Fireworks went up.", "2022-12-31");
  const newYear = article("n", "N", "Crowds went home.", "2023-01-01");
  assert.deepEqual(splitEvents([eve, newYear], new Map(), []).map((e) => [e.date, e.precision]), [["2022-12-31", "day"]]);
});

test("in a story with no dates at all, articles that share their wording make one undated event titled by the first", () => {
  const untitled = article("u", null, "Delegates from 140 countries opened talks on the Global Ocean Compact in Geneva on a sunny morning in the lakeside city, officials said.");
  const other = article("o", "Ocean Compact talks go on", "Delegates went on with talks on the Global Ocean Compact in the lakeside city of Geneva.");
  const unrelated = article("x", "Harbour", "Fishermen blocked the harbour of Marseille over fuel prices.");
  const events = splitEvents([untitled, other, unrelated], new Map(), []);
  assert.equal(events.length, 2);
  assert.deepEqual([events[0].date, events[0].precision, events[0].articles], [null, null, ["u", "o"]]);
  assert.deepEqual([events[1].date, events[1].articles], [null, ["x"]]);
  assert.ok(events[0].title.length <= 100 && events[0].title.endsWith("…"), events[0].title);
  assert.ok(events[0].title.startsWith("Delegates from 140 countries"));
});

test("a copy republished months later stays with its original's event", () => {
  const reprint = { ...summitJuly, id: "reprint", published: "2023-03-20" };
  const copies: Copy[] = [{ copy: "reprint", of: "summit-1", kind: "exact", similarity: 1 }];
  const events = splitEvents([summitJuly, summitMarch, reprint], new Map(), copies);
  assert.deepEqual(events.map((e) => e.articles), [["summit-1", "reprint"], ["summit-3"]]);
});

test("a lead naming an old happening and today's news dates the article by the news", () => {
  const theft = article("t", "Reliquary stolen", "Thieves stole a gold reliquary from the St. Aldric Museum in Bruges early on Sunday, police said.", "2022-11-14");
  const arrests = article("r", "Two arrested", "Police have arrested two men and recovered the reliquary stolen on November 13, prosecutors said on Tuesday.", "2022-11-22");
  const facts = new Map([
    ["t", { article: "t", mentions: [], quotes: [], times: [{ text: "Sunday", sentence: 0, start: 0, end: 1, date: "2022-11-13", precision: "day" as const }] }],
    ["r", { article: "r", mentions: [], quotes: [], times: [
      { text: "November 13", sentence: 0, start: 0, end: 1, date: "2022-11-13", precision: "day" as const },
      { text: "Tuesday", sentence: 0, start: 2, end: 3, date: "2022-11-22", precision: "day" as const },
    ] }],
  ]);
  const events = splitEvents([theft, arrests], facts, []);
  assert.deepEqual(events.map((e) => [e.date, e.articles]), [["2022-11-13", ["t"]], ["2022-11-22", ["r"]]]);
});
