// Events inside stories (dates of the right precision, places, actors, undated articles placed by what
// they share) and the user's story pins, on examples/regional-desk and small hand-written articles.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  applyPins, brief, briefDocuments, buildArticle, extractFacts, pinArticle, renderMarkdown, splitEvents,
  type Brief, type SourceDocument, type Story,
} from "../src/index.js";
import { contractErrors, ROOT, runCli } from "./helpers.js";

const DESK = join(ROOT, "examples", "regional-desk");
const desk = await brief([DESK], { now: new Date(0) });

function file(b: Brief, name: string): string {
  const a = b.articles.find((x) => x.source.path.endsWith(name));
  assert.ok(a, `no article ${name}`);
  return a.id;
}

function storyOf(b: Brief, name: string): Story {
  const id = file(b, name);
  const s = b.stories.find((x) => x.articles.includes(id));
  assert.ok(s);
  return s;
}

/** Each event as date, precision, place and its files' numbers ("01"). */
function eventsOf(b: Brief, s: Story) {
  const num = (id: string) => b.articles.find((a) => a.id === id)!.source.path.split("/").pop()!.slice(0, 2);
  return s.events.map((e) => [e.date, e.precision, e.place, e.articles.map(num).join(" ")]);
}

test("the ferry fire and the inquiry report six months later are two events of one story, each dated to the day and placed", () => {
  const ferry = storyOf(desk, "01-coastal-wire-ferry-fire.txt");
  assert.deepEqual(eventsOf(desk, ferry), [
    ["2023-05-12", "day", "Bergen", "01 02 03"],
    ["2023-11-14", "day", "Oslo", "04 05"],
  ]);
});

test("an undated article joins the event its place, actors and wording share, not the nearest one, and gets no date", () => {
  // 05 is undated and its lead names Bergen, where the fire was; its inquiry board, its chair and Oslo
  // put it with the report months later. 03 is undated too and belongs with the fire.
  for (const name of ["03-harbourblog-passengers.txt", "05-maritime-digest-inquiry.txt", "09-workers-voice-madrid-deal.txt"]) {
    assert.equal(desk.articles.find((a) => a.id === file(desk, name))!.published, null);
  }
  const ferry = storyOf(desk, "01-coastal-wire-ferry-fire.txt");
  const inquiry = ferry.events.find((e) => e.articles.includes(file(desk, "05-maritime-digest-inquiry.txt")))!;
  assert.equal(inquiry.date, "2023-11-14");
  assert.ok(inquiry.actors.includes("Ingrid Halvorsen"), inquiry.actors.join(", "));
});

test("the car plant story has a strike, a deal in Madrid months later and a month-dated follow-up", () => {
  const plant = storyOf(desk, "06-iberia-business-strike.txt");
  assert.notEqual(plant.id, storyOf(desk, "01-coastal-wire-ferry-fire.txt").id);
  assert.deepEqual(eventsOf(desk, plant), [
    ["2024-02-12", "day", "Zaragoza", "06 07"],
    ["2024-09-17", "day", "Madrid", "08 09"],
    ["2024-11", "month", "Zaragoza", "10"],
  ]);
  const deal = plant.events[1];
  for (const actor of ["Ardent Motors", "Javier Ortega", "Elena Vidal"]) assert.ok(deal.actors.includes(actor), deal.actors.join(", "));
  assert.ok(!plant.events[0].actors.includes("Elena Vidal"), "the minister took no part in the strike");
});

test("the briefing shows each event's date, place and actors, and validates against storydesk/brief@1", () => {
  assert.deepEqual(contractErrors(desk), []);
  const md = renderMarkdown(desk);
  assert.match(md, /- \*\*2023-11-14\*\* Faulty fuel line caused Selje Star ferry fire, inquiry finds — Oslo; [^\n]*Ingrid Halvorsen/);
  assert.match(md, /- \*\*2024-11\*\* [^\n]* — Zaragoza; Ardent Motors[^\n]* \[10\]$/m);
});

function article(path: string, body: string, date?: string) {
  return buildArticle({ path, body, meta: date ? { date } : {} } satisfies SourceDocument);
}

test("an undated article that shares nothing with the story's events opens an undated event of its own", () => {
  const articles = [
    article("a.txt", "GENEVA — Ministers of Kovaria and Dravsk opened talks on the Tarna dam in Geneva on Monday. Foreign Minister Aleksandr Petrov led the Kovarian side.", "2022-05-09"),
    article("b.txt", "NAIROBI — The second round of Tarna dam talks between Kovaria and Dravsk opened in Nairobi on Tuesday, chaired by Amara Okonjo.", "2022-11-08"),
    article("c.txt", "Okonjo said in Nairobi that the Tarna dam talks would go on through the week, and that Kovaria and Dravsk had agreed on flood data."),
    article("d.txt", "Fishermen on the lower Velsa say catches have fallen for a third season and blame the dam's releases."),
  ];
  const facts = new Map(articles.map((a) => [a.id, extractFacts(a)] as const));
  const events = splitEvents(articles, facts, []);
  const names = (ids: string[]) => ids.map((id) => articles.find((a) => a.id === id)!.source.path).join(" ");
  assert.deepEqual(events.map((e) => [e.date, names(e.articles)]), [
    ["2022-05-09", "a.txt"],
    ["2022-11-08", "b.txt c.txt"],
    [null, "d.txt"],
  ]);
  assert.deepEqual(events.slice(0, 2).map((e) => e.place), ["Geneva", "Nairobi"]);
});

test("an undated article that names the first event's town still joins the later event whose people and wording it shares", () => {
  const articles = [
    article("a.txt", "GENEVA — Ministers of Kovaria and Dravsk opened talks on the Tarna dam in Geneva on Monday. Foreign Minister Aleksandr Petrov led the Kovarian side.", "2022-05-09"),
    article("b.txt", "NAIROBI — The second round of Tarna dam talks between Kovaria and Dravsk opened on Tuesday, chaired by mediator Amara Okonjo, who proposed a shared flood warning system.", "2022-11-08"),
    article("c.txt", "Six months after the first meeting in Geneva, mediator Amara Okonjo opened the second round of Tarna dam talks by proposing a shared flood warning system. Diplomats who were in Geneva said the mood had changed."),
  ];
  const facts = new Map(articles.map((a) => [a.id, extractFacts(a)] as const));
  const events = splitEvents(articles, facts, []);
  const names = (ids: string[]) => ids.map((id) => articles.find((a) => a.id === id)!.source.path).join(" ");
  assert.deepEqual(events.map((e) => [e.date, names(e.articles)]), [["2022-05-09", "a.txt"], ["2022-11-08", "b.txt c.txt"]]);
});

test("an undated article is not dated by the earlier happening its lead recalls, and no event over before that date takes it", () => {
  const articles = [
    article("a.txt", "GENEVA — Ministers of Kovaria and Dravsk opened talks on the Tarna dam in Geneva on Monday. Foreign Minister Aleksandr Petrov led the Kovarian side.", "2022-05-09"),
    article("b.txt", "NAIROBI — The second round of Tarna dam talks between Kovaria and Dravsk opened on Tuesday, chaired by mediator Amara Okonjo, who proposed a shared flood warning system.", "2022-11-08"),
    // Recalls the Geneva opening of May 9, 2022: background, not its own date.
    article("c.txt", "Mediator Amara Okonjo proposed a shared flood warning system as the second round of Tarna dam talks opened, six months after the first round of May 9, 2022 in Geneva."),
    // Undated, names a date after both events: it cannot belong to either.
    article("d.txt", "In March 2023 Kovaria and Dravsk switched on the first Tarna dam flood warning stations agreed in the talks."),
  ];
  const facts = new Map(articles.map((a) => [a.id, extractFacts(a)] as const));
  const events = splitEvents(articles, facts, []);
  const names = (ids: string[]) => ids.map((id) => articles.find((a) => a.id === id)!.source.path).join(" ");
  assert.deepEqual(events.map((e) => [e.date, e.precision, names(e.articles)]), [
    ["2022-05-09", "day", "a.txt"],
    ["2022-11-08", "day", "b.txt c.txt"],
    ["2023-03", "month", "d.txt"],
  ]);
});

test("pins move an article to another article's story, split one out, follow chains and skip unknown articles", () => {
  const groups = [["a", "b", "c"], ["d", "e"], ["f"]];
  assert.deepEqual(applyPins(groups, [{ article: "c", with: "f" }]), [["a", "b"], ["d", "e"], ["c", "f"]]);
  assert.deepEqual(applyPins(groups, [{ article: "a", split: true }]), [["b", "c"], ["d", "e"], ["f"], ["a"]]);
  // e follows d, which is pinned to f: both end with f. A later pin of one article replaces the earlier.
  assert.deepEqual(applyPins(groups, [{ article: "d", with: "a" }, { article: "d", with: "f" }, { article: "e", with: "d" }]), [
    ["a", "b", "c"], ["d", "e", "f"],
  ]);
  assert.deepEqual(applyPins(groups, [{ article: "zz", with: "a" }, { article: "a", with: "zz" }]), groups);
});

test("a split made through the library is kept beside the inputs and survives a re-run; unpinning undoes it", async () => {
  const dir = mkdtempSync(join(tmpdir(), "storydesk-pins-"));
  try {
    cpSync(DESK, dir, { recursive: true });
    const split = await pinArticle([dir], { article: "09-workers-voice-madrid-deal.txt", split: true });
    const alone = (b: Brief) => storyOf(b, "09-workers-voice-madrid-deal.txt").articles.length === 1;
    assert.ok(alone(split));
    assert.ok(existsSync(join(dir, ".storydesk-pins.json")));
    assert.ok(alone(await brief([dir])), "the pin holds on the next run");
    // The pin names the article by its id, as the JSON briefing does.
    assert.match(readFileSync(join(dir, ".storydesk-pins.json"), "utf8"), new RegExp(file(split, "09-workers-voice-madrid-deal.txt")));
    assert.ok(!alone(await pinArticle([dir], { article: "09-workers-voice-madrid-deal.txt", unpin: true })));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("storydesk brief --pin keeps an article in the story the user names, by story id, on this and later runs", () => {
  const dir = mkdtempSync(join(tmpdir(), "storydesk-pins-"));
  try {
    cpSync(DESK, dir, { recursive: true });
    const before = JSON.parse(runCli(["brief", dir, "--format", "json"]).stdout) as Brief;
    const ferry = storyOf(before, "01-coastal-wire-ferry-fire.txt");
    const r = runCli(["brief", dir, "--pin", `10-ebro-valley-newsletter.txt=${ferry.id}`, "--format", "json"]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /pins kept in .*\.storydesk-pins\.json/);
    const pinned = JSON.parse(r.stdout) as Brief;
    const story = storyOf(pinned, "10-ebro-valley-newsletter.txt");
    assert.ok(story.articles.includes(file(pinned, "01-coastal-wire-ferry-fire.txt")));
    const again = JSON.parse(runCli(["brief", dir, "--format", "json"]).stdout) as Brief;
    assert.equal(storyOf(again, "10-ebro-valley-newsletter.txt").id, story.id);
    const bad = runCli(["brief", dir, "--split", "no-such-file.txt"]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /no article "no-such-file.txt"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("pins given to the batch pipeline apply to its stories", () => {
  const docs = [
    { path: "x.txt", body: "A storm hit the coast of Brittany on Monday, cutting power to 20,000 homes.", meta: { date: "2024-01-08" } },
    { path: "y.txt", body: "The storm that hit Brittany on Monday left 20,000 homes without power, the utility said.", meta: { date: "2024-01-09" } },
  ];
  const plain = briefDocuments(docs);
  const y = plain.articles.find((a) => a.source.path === "y.txt")!.id;
  const split = briefDocuments(docs, [], { pins: [{ article: y, split: true }] });
  assert.ok(split.stories.some((s) => s.articles.length === 1 && s.articles[0] === y));
});
