// End to end: the real CLI on the example corpus, as a user runs it after `npm ci`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Brief } from "../src/model/index.js";
import { contractErrors, runCli } from "./helpers.js";

const tmp = mkdtempSync(join(tmpdir(), "storydesk-e2e-"));

function briefOf(args: string[]): Brief {
  const out = join(tmp, `brief-${Math.random().toString(36).slice(2)}.json`);
  const r = runCli(["brief", ...args, "--format", "json", "--out", out]);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(readFileSync(out, "utf8")) as Brief;
}

const examples = briefOf(["examples/"]);

test("the briefing on the examples validates against storydesk/brief@1 and every cite points at a real sentence", () => {
  assert.deepEqual(contractErrors(examples), []);
  assert.equal(examples.schema, "storydesk/brief@1");
});

test("markdown is the default output and shows each part of the briefing", () => {
  const r = runCli(["brief", "examples/"]);
  assert.equal(r.code, 0, r.stderr);
  for (const heading of ["# Briefing", "### Summary", "### Timeline", "### Who said what", "### People, organisations and places", "### Independent voices and copies", "## Sources"]) {
    assert.ok(r.stdout.includes(heading), `missing ${heading}`);
  }
});

test("one broken file in a batch is reported by name and the rest is briefed", () => {
  const dir = mkdtempSync(join(tmp, "batch-"));
  writeFileSync(join(dir, "good.txt"), "title: Council approves budget\ndate 2024-05-02\n\nThe city council approved the 2025 budget on Wednesday after a six-hour debate. The mayor said the vote protected schools.");
  writeFileSync(join(dir, "broken.txt"), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10, 0x00, 0x00]));
  writeFileSync(join(dir, "empty.txt"), "   \n");
  const out = join(tmp, "batch.json");
  const r = runCli(["brief", dir, join(dir, "missing.txt"), "--format", "json", "--out", out]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /broken\.txt/);
  assert.match(r.stderr, /missing\.txt/);
  const brief = JSON.parse(readFileSync(out, "utf8")) as Brief;
  assert.deepEqual(contractErrors(brief), []);
  assert.equal(brief.articles.length, 1);
  assert.deepEqual(brief.errors.map((e) => e.code).sort(), ["binary", "empty", "not-found"]);
});

test("when nothing can be read the command fails with a clear message", () => {
  const r = runCli(["brief", join(tmp, "nowhere")]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /nowhere/);
});

test("an unknown format is refused with the list of formats", () => {
  const r = runCli(["brief", "examples/", "--format", "pdf"]);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /markdown, json/);
});

test("every command explains itself with an example", () => {
  for (const args of [["--help"], ["brief", "--help"]]) {
    const r = runCli(args);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Example/);
  }
});

// What examples/README.md says a journalist should find in the example corpus.
const byFile = (name: string) => {
  const a = examples.articles.find((x) => x.source.path.endsWith(name));
  assert.ok(a, `no article from ${name}`);
  return a;
};
const summit = () => {
  const story = examples.stories.find((s) => s.articles.includes(byFile("01-reuters-wire.txt").id));
  assert.ok(story);
  return story;
};

test("the examples' wire reprint, partial copy and spun copy are found, and nothing else is called a copy", () => {
  const found = examples.copies.map((c) => {
    const copy = examples.articles.find((a) => a.id === c.copy)!.source.path.split("/").pop();
    const of = examples.articles.find((a) => a.id === c.of)!.source.path.split("/").pop();
    return `${copy} ${c.kind} ${of}`;
  });
  assert.deepEqual(found.sort(), [
    "02-lakeside-courier-reprint.txt near 01-reuters-wire.txt",
    "03-crawler-export.jsonl#1 near 02-baltic-wire.rss#1",
    "03-dravsk-daily-partial.txt partial 01-reuters-wire.txt",
    "05-worldbuzzhub-spun.txt spun 04-alpine-ledger-cp1252.txt",
  ]);
});

test("each copy of the examples shows the sentences it shares with its original, how each matches, and why that is the original", () => {
  const file = (id: string) => examples.articles.find((a) => a.id === id)!.source.path.split("/").pop();
  const copy = (name: string) => examples.copies.find((c) => file(c.copy) === name)!;
  const matches = (name: string) => copy(name).spans.map((s) => s.match);
  const spun = matches("05-worldbuzzhub-spun.txt");
  assert.ok(spun.length >= 3 && spun.filter((m) => m !== "verbatim").length > spun.length / 2, spun.join(" "));
  const reprint = matches("02-lakeside-courier-reprint.txt");
  assert.ok(reprint.length >= 3 && reprint.filter((m) => m === "verbatim").length > reprint.length / 2, reprint.join(" "));
  for (const c of examples.copies) {
    const [a, b] = [examples.articles.find((x) => x.id === c.copy)!, examples.articles.find((x) => x.id === c.of)!];
    for (const s of c.spans) assert.ok(a.sentences[s.copy] && b.sentences[s.of], `${file(c.copy)} span ${s.copy}->${s.of}`);
    assert.match(c.reason, /published first|publication date/);
  }
});

test("the examples make five stories (three folders of one story, one of two); the summit story has 6 independent voices and two events months apart", () => {
  assert.equal(examples.stories.length, 5);
  const story = summit();
  assert.equal(story.articles.length, 9);
  assert.equal(story.voices, 6);
  assert.equal(story.events.length, 2);
  assert.match(story.events[0].date ?? "", /^2022-07/);
  assert.match(story.events[1].date ?? "", /^2023-03/);
});

test("headers, encodings and credits of the example files are read", () => {
  const glued = byFile("06-northern-gazette.txt");
  assert.equal(glued.published, "2022-07-09");
  assert.match(glued.text, /^Kovaria's foreign minister said on Saturday/);
  assert.match(byFile("04-alpine-ledger-cp1252.txt").text, /Hélène Bérard/);
  assert.match(byFile("04-alpine-ledger-cp1252.txt").text, /“/);
  assert.equal(byFile("07-savanna-post-bom.txt").title?.charCodeAt(0) === 0xfeff, false);
  const afp = byFile("08-continental-herald-afp.txt");
  assert.equal(afp.source.agency, "AFP");
  assert.equal(afp.dateline?.toUpperCase(), "NEW DELHI");
  assert.doesNotMatch(afp.text, /— AFP\s*$/);
  const spun = byFile("05-worldbuzzhub-spun.txt");
  assert.doesNotMatch(spun.text, /View all posts|#GenevaAccord|1,234 Posts/);
  assert.doesNotMatch(byFile("02-lakeside-courier-reprint.txt").text, /Leave a comment|Your email address/);
});

test("name variants of the examples merge: Aleksandr and Alexander Petrov are one person", () => {
  const petrov = summit().entities.filter((e) => /Petrov/.test(e.name) || e.aliases.some((a) => /Petrov/.test(a)));
  assert.equal(petrov.length, 1, JSON.stringify(petrov));
  assert.equal(petrov[0].type, "person");
  const forms = [petrov[0].name, ...petrov[0].aliases];
  assert.ok(forms.includes("Aleksandr Petrov") && forms.includes("Alexander Petrov"), forms.join(", "));
  const wwc = summit().entities.find((e) => e.name === "World Water Council" || e.aliases.includes("World Water Council"));
  assert.ok(wwc && [wwc.name, ...wwc.aliases].includes("WWC"));
  const names = summit().entities.map((e) => e.name);
  for (const bad of ["Thursday", "Saturday", "July", "Share", "Leave", "Tags", "Posted"]) assert.ok(!names.includes(bad), bad);
});

test("quotes of the examples carry their speakers, whatever form the attribution takes", () => {
  const speakerOf = (fragment: string) => summit().quotes.find((q) => q.text.includes(fragment))?.speaker;
  const petrov = (name: string | null | undefined) => /Petrov/.test(name ?? "");
  assert.ok(petrov(speakerOf("Rivers do not stop at borders")), "said Foreign Minister Aleksandr Petrov");
  assert.ok(petrov(speakerOf("arguing about commas")), "Petrov said");
  assert.match(speakerOf("one rulebook for floods") ?? "", /Okonjo/, "Okonjo said: ...");
  assert.ok(petrov(speakerOf("duty to tell the truth")), "he said after naming him");
  assert.match(speakerOf("until ten parliaments vote") ?? "", /Okonjo/, "split quote with she said");
  assert.match(speakerOf("wait for ratification") ?? "", /Duarte/, "the spokeswoman said");
  assert.match(speakerOf("publish every late warning") ?? "", /Raman/, "she said after naming her");
  const split = summit().quotes.find((q) => q.text.includes("The accord is signed"));
  assert.ok(split && split.text.includes("promise on paper"), "both halves of a split quote are one quote");
});

test("relative dates of the examples resolve against each article's date and never into its future", () => {
  const story = summit();
  const dates = story.timeline.map((t) => t.date);
  assert.ok(dates.includes("2022-07-07"), "the signing on Thursday");
  assert.ok(dates.includes("2023-03-16"), "the first session");
  const published = new Map(examples.articles.map((a) => [a.id, a.published ?? "9999"]));
  for (const t of story.timeline) {
    const latest = t.cites.map((c) => published.get(c.article)!).sort().at(-1)!;
    assert.ok(t.date.slice(0, 7) <= latest.slice(0, 7) || /will|next/i.test(t.text), `${t.date} after ${latest}: ${t.text}`);
  }
});

test("the examples' summary cites its sentences and the 12-against-14 countries contradiction is reported", () => {
  const story = summit();
  assert.ok(story.summary.length >= 3 && story.summary.length <= 7);
  const d = story.disagreements.find((x) => /countr/.test(x.subject));
  assert.ok(d, JSON.stringify(story.disagreements));
  const values = d.claims.map((c) => c.value.replace(/\D/g, "")).sort();
  assert.deepEqual(values, ["12", "14"]);
});

test("the museum theft and the arrests a week later are two events of one story", () => {
  const story = examples.stories.find((s) => s.articles.includes(byFile("01-flanders-evening-post.txt").id));
  assert.ok(story);
  assert.equal(story.articles.length, 3);
  assert.deepEqual(story.events.map((e) => e.date), ["2022-11-13", "2022-11-22"]);
});

test("the harbour-strike example is read from a saved page, a feed, a crawler export and a WARC file", () => {
  const articles = examples.articles.filter((a) => a.source.path.includes("harbour-strike"));
  assert.deepEqual(articles.map((a) => a.source.path.split("/").pop()).sort(), [
    "01-valmara-times.html", "02-baltic-wire.rss#1", "02-baltic-wire.rss#2",
    "03-crawler-export.jsonl#1", "03-crawler-export.jsonl#2", "04-coastline-crawl.warc#3",
  ]);
  // Nothing in the folder is an error: the WARC's request, 404 and image records are skipped, not reported.
  assert.deepEqual(examples.errors.filter((e) => e.path.includes("harbour-strike")), []);
  const page = byFile("01-valmara-times.html");
  assert.equal(page.title, "Dockworkers walk out at Port of Valmara over pay and night shifts");
  assert.equal(page.published, "2024-03-04");
  assert.equal(page.source.name, "The Valmara Times");
  assert.equal(page.source.author, "Ilse Norberg");
  assert.match(page.text, /Ships wait offshore/);
  assert.match(page.text, /spare parts for the region's car plants/);
  assert.doesNotMatch(page.text, /cookies|Share on|Related stories|harbourwatcher|Subscribe|Photo: Anna Lind|All rights reserved/);
  const wire = byFile("02-baltic-wire.rss#1");
  assert.equal(wire.dateline, "VALMARA");
  assert.match(wire.text, /The strike is open-ended, the union said\.$/);
  assert.equal(byFile("03-crawler-export.jsonl#2").source.author, "Piotr Ek");
  const warc = byFile("04-coastline-crawl.warc#3");
  assert.equal(warc.published, "2024-03-05");
  assert.match(warc.text, /“The authority walked away from the table after twenty minutes,”/);

  const story = examples.stories.find((s) => s.articles.includes(page.id));
  assert.ok(story);
  assert.equal(story.articles.length, 6);
  assert.equal(story.voices, 5);
  assert.deepEqual(story.events.map((e) => [e.date?.slice(0, 7), e.articles.length]), [["2024-03", 4], ["2024-03", 2]]);
  assert.equal(story.events[0].date, "2024-03-04");
});
