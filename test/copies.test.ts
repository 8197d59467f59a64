import { test } from "node:test";
import assert from "node:assert/strict";
import { addToCopyIndex, createCopyIndex, explainCopies, findCopies } from "../src/copies/index.js";
import { assignFamilies } from "../src/copies/families.js";
import type { Article, Copy } from "../src/model/index.js";

// Minimal article builder: paragraphs on blank lines, sentences after . ! ? (and a closing quote).
const SENTENCE_BREAK = /(?<=[.!?]["”]?)\s+(?=["“]?[A-Z])/;

function article(id: string, published: string | null, text: string, source = id, agency: string | null = null): Article {
  const clean = text.trim().replace(/\n[ \t]+/g, "\n");
  const sentences: Article["sentences"] = [];
  let offset = 0;
  clean.split("\n\n").forEach((para, paragraph) => {
    const start = clean.indexOf(para, offset);
    let from = start;
    for (const piece of para.split(SENTENCE_BREAK)) {
      const s = clean.indexOf(piece, from);
      sentences.push({ i: sentences.length, text: piece, start: s, end: s + piece.length, paragraph });
      from = s + piece.length;
    }
    offset = start + para.length;
  });
  return {
    id,
    source: { path: `${id}.txt`, name: source, url: null, agency, author: null },
    title: null,
    published,
    dateline: null,
    text: clean,
    sentences,
  };
}

const P1 = `Harbor Freight Lines, the Rotterdam-based shipping company, agreed on Monday to buy its smaller rival Baltic Cargo for $2.4 billion in cash. The deal, which still needs approval from European regulators, would create the third-largest container operator in Northern Europe.`;
const P2 = `Chief executive Maria Lindqvist said the merger would help the company cut costs quickly and expand its routes to 14 new ports. "This is a big step for our customers and our crews," Lindqvist told reporters in Rotterdam. She said the combined firm expected to save about $180 million a year by 2026.`;
const P3 = `Baltic Cargo, founded in 1987 in Gdansk, operates 42 vessels and employs roughly 3,100 people. Its shares jumped 31 percent in Warsaw after the announcement, while Harbor Freight stock fell 2 percent in Amsterdam.`;
const P4 = `Analysts at Nordic Capital said the price was high but the strategic logic was strong. Unions representing dock workers in Gdansk warned that they would fight any plan to close the port's repair yard. The companies said they hoped to complete the transaction by the end of the year.`;

const ORIGINAL = [P1, P2, P3, P4].join("\n\n");

const NEAR = [
  P1.replace("agreed on Monday to buy", "agreed on Monday to take over"),
  P2,
  P4,
  "Reporting by Jan de Vries; Editing by Susan Clark. Our standards: The Trust Principles.",
].join("\n\n");

const PARTIAL = `The takeover of a Gdansk shipping line by a Dutch group has left many in the Polish port city uneasy about what comes next.

${P1}

${P2}

Local officials in Gdansk said they had not been consulted before the announcement and would seek a meeting with the new owners within weeks.

At the repair yard on the edge of the harbour, welders who have worked there for decades said they feared the site would be the first to go once the accountants arrive.

City councillor Piotr Nowak said the region had lost two shipyards since 2010 and could not afford to lose another employer of this size.

A spokesman for the regional government said it would study the terms of the deal closely before commenting further.`;

// Hand-spun: most content words swapped for synonyms, two phrases reworded, two sentences merged.
const SPUN = `Harbor Freight Lines, the Rotterdam-based shipping firm, consented on Monday to purchase its tinier competitor Baltic Cargo for $2.4 billion in money. The agreement, which still requires endorsement from European watchdogs, would form the third-largest box carrier in Northern Europe.

Top boss Maria Lindqvist stated the tie-up would assist the firm to trim expenses swiftly and widen its lines to 14 fresh harbours. "This is a huge leap for our clients and our teams," Lindqvist informed journalists in Rotterdam. She stated the joint business anticipated saving around $180 million annually by 2026.

Baltic Cargo, established in 1987 in Gdansk, runs 42 ships and has roughly 3,100 staff, and its stock soared 31 percent in Warsaw following the news, while Harbor Freight shares dropped 2 percent in Amsterdam.

Experts at Nordic Capital stated the cost was steep but the tactical reasoning was solid. Labor groups representing harbour employees in Gdansk cautioned that they would battle any scheme to shut the port's repair facility. The firms stated they wished to finish the deal by the close of the year.`;

// Another outlet's own report of the same deal: same names, numbers and one quote, its own sentences.
const INDEPENDENT = `Dutch shipping group Harbor Freight Lines will pay $2.4 billion for Polish rival Baltic Cargo, the two companies announced on Monday, in the latest sign of consolidation in Europe's crowded container market.

"This is a big step for our customers and our crews," said Maria Lindqvist, Harbor Freight's chief executive, adding that the takeover should yield annual savings of $180 million within two years.

Investors in Warsaw cheered the news, sending Baltic Cargo up 31 percent, but Harbor Freight lost 2 percent in Amsterdam as some shareholders questioned the price.

The purchase must be cleared by the European Commission, which has taken a tougher line on shipping mergers since 2022. Baltic Cargo runs a fleet of 42 vessels out of Gdansk, where it was founded in 1987.

Dock workers' unions in Gdansk have already threatened strikes if the repair yard is closed. A decision from Brussels is expected in the autumn, according to people familiar with the matter.`;

// Same wire template, different deal: shared phrasing, different names and numbers.
const OTHER_DEAL = `Nordsee Tankers, the Hamburg-based shipping company, agreed on Thursday to buy its smaller rival Adria Bulk for $900 million in cash. The deal, which still needs approval from European regulators, would create the largest tanker operator in the Adriatic.

Chief executive Klaus Berger said the merger would help the company cut costs and expand its routes to 6 new ports in Croatia and Slovenia. "We have waited a long time for the right partner," Berger told reporters in Hamburg.

Adria Bulk, founded in 1994 in Rijeka, operates 17 tankers and employs about 800 people. Its shares rose 12 percent in Zagreb after the announcement, while Nordsee stock was little changed in Frankfurt.

The companies said they hoped to complete the transaction by the end of the year.`;

const UNRELATED = `Heavy rain flooded dozens of streets in the centre of Valencia on Tuesday, forcing schools to close and stranding commuters for hours.

The regional emergency service said it had received more than 600 calls by midday, most of them about water entering homes and garages. No injuries were reported.

Forecasters expect the storm to move north towards Castellon overnight, and have kept an orange warning in place until Wednesday afternoon.`;

const QUOTE = `"We will not accept a single job loss at the yard, and we will use every legal means to stop this sale if the owners try to break their promises. The workers of Gdansk built this port with their own hands and they will defend it," said union leader Tomasz Zielinski.`;

// Two automated earnings reports from one template: same sentences, other companies and figures.
const EARNINGS_A = `Northwind Foods reported net income of $412 million for the third quarter, up 8 percent from a year earlier. Revenue rose 5 percent to $3.1 billion, slightly ahead of the $3.0 billion analysts had expected. Earnings per share came in at $1.22, compared with $1.13 in the same period last year. The company raised its full-year forecast and now expects revenue growth of 4 to 6 percent. Shares of Northwind Foods rose 3 percent in after-hours trading in New York. Chief financial officer Laura Chen said demand had held up well in Europe and Asia.`;
const EARNINGS_B = `Castle Rock Energy reported net income of $96 million for the second quarter, down 14 percent from a year earlier. Revenue fell 2 percent to $870 million, slightly behind the $900 million analysts had expected. Earnings per share came in at $0.41, compared with $0.48 in the same period last year. The company cut its full-year forecast and now expects revenue growth of 1 to 2 percent. Shares of Castle Rock Energy fell 6 percent in after-hours trading in Houston. Chief executive Mark Olsen said lower gas prices had weighed on results in Texas.`;

// Local police briefs from one template: nearly the same words, a different town, day and suspect.
const BRIEF_A = `Police in Millbrook are asking for help to find a man who robbed a petrol station on Sunday night. The man entered the shop shortly before midnight and threatened the cashier with a knife. He left with an undisclosed amount of cash and was last seen running towards the river. No one was injured during the robbery, police said. The suspect is described as white, in his thirties and of slim build, and was wearing a dark hooded jacket. Anyone with information is asked to call Millbrook police on 555 0192 or to contact Crimestoppers anonymously.`;
const BRIEF_B = `Police in Eastfield are asking for help to find a man who robbed a pharmacy on Tuesday night. The man entered the shop shortly before closing time and threatened the cashier with a screwdriver. He left with an undisclosed amount of cash and was last seen running towards Eastfield station. No one was injured during the robbery, police said. The suspect is described as white, in his twenties and of heavy build, and was wearing a grey hooded jacket. Anyone with information is asked to call Eastfield police on 555 0877 or to contact Crimestoppers anonymously.`;

function kindsOf(copies: Copy[]): Record<string, string> {
  return Object.fromEntries(copies.map((c) => [c.copy, `${c.kind} of ${c.of}`]));
}

test("an exact reprint under another outlet's name is an exact copy of the original", () => {
  const copies = findCopies([
    article("orig", "2024-03-04", ORIGINAL, "Daily Ledger"),
    article("reprint", "2024-03-05", ORIGINAL, "Coastal Times"),
  ]);
  assert.deepEqual(copies, [{ copy: "reprint", of: "orig", kind: "exact", similarity: 1 }]);
});

test("a reprint with an edited sentence, a dropped paragraph and a credit line is a near copy", () => {
  const [copy] = findCopies([article("orig", "2024-03-04", ORIGINAL), article("near", "2024-03-04", NEAR)]);
  assert.equal(copy?.kind, "near");
  assert.equal(copy.of, "orig");
  assert.ok(copy.similarity > 0.5 && copy.similarity < 1, `similarity ${copy.similarity}`);
});

test("an article that reprints half the wire story inside its own reporting is a partial copy", () => {
  const copies = findCopies([article("orig", "2024-03-04", ORIGINAL), article("local", "2024-03-05", PARTIAL)]);
  assert.deepEqual(kindsOf(copies), { local: "partial of orig" });
});

test("a spun rewrite (synonyms, reworded phrases, merged sentences) is found as a spun copy", () => {
  const copies = findCopies([article("orig", "2024-03-04", ORIGINAL), article("spun", "2024-03-06", SPUN)]);
  assert.deepEqual(kindsOf(copies), { spun: "spun of orig" });
  assert.ok(copies[0].similarity >= 0.6, `similarity ${copies[0].similarity}`);
});

test("another outlet's own report of the same event, sharing names, numbers and a quote, is not a copy", () => {
  assert.deepEqual(findCopies([article("orig", "2024-03-04", ORIGINAL), article("indep", "2024-03-04", INDEPENDENT)]), []);
  assert.deepEqual(findCopies([article("spun", "2024-03-04", SPUN), article("indep", "2024-03-04", INDEPENDENT)]), []);
});

test("a wire story about a different deal written from the same template is not a copy", () => {
  assert.deepEqual(findCopies([article("orig", "2024-03-04", ORIGINAL), article("other", "2024-03-07", OTHER_DEAL)]), []);
});

test("a spun copy that leaves a few sentences untouched is still spun, not partial", () => {
  const [s1, s2, s3, s4] = SPUN.split("\n\n");
  const mixed = [P1, s2, P3, s4].join("\n\n");
  assert.ok(s1 && s3);
  assert.deepEqual(kindsOf(findCopies([article("orig", "2024-03-04", ORIGINAL), article("mixed", "2024-03-06", mixed)])), {
    mixed: "spun of orig",
  });
});

// The wire story as another desk copy-edited it: clauses added and cut in most sentences, nothing swapped.
const EDITED = `Harbor Freight Lines, the Rotterdam-based shipping company controlled by the Dekker family, agreed on Monday to buy its smaller rival Baltic Cargo for $2.4 billion. The deal, which still needs approval from European regulators in Brussels and Warsaw, would create the third-largest container operator in Northern Europe.

Chief executive Maria Lindqvist said the merger would help the company expand its routes to 14 new ports along the Baltic coast. "This is a big step for our customers and our crews," Lindqvist told reporters in Rotterdam. She said the combined firm expected to save about $180 million a year by 2026, mostly through shared terminals.

Baltic Cargo, founded in 1987 in Gdansk, operates 42 vessels and employs roughly 3,100 people in Poland and Lithuania. Its shares jumped 31 percent in Warsaw after the announcement.

Analysts at Nordic Capital said the price was high. Unions representing dock workers in Gdansk warned that they would fight any plan to close the port's repair yard, which dates from the 1950s. The companies said they hoped to complete the transaction by the end of the year.`;

test("a copy-edited wire version (clauses added and cut in most sentences) is not called spun", () => {
  const copies = findCopies([article("orig", "2024-03-04", ORIGINAL), article("edited", "2024-03-05", EDITED)]);
  assert.deepEqual(kindsOf(copies), { edited: "near of orig" });
});

test("two automated earnings reports from the same template about different companies are not copies", () => {
  assert.deepEqual(findCopies([article("a", "2024-10-20", EARNINGS_A), article("b", "2024-10-21", EARNINGS_B)]), []);
});

test("two police briefs from the same template about different robberies are not copies", () => {
  assert.deepEqual(findCopies([article("a", "2024-05-02", BRIEF_A), article("b", "2024-05-03", BRIEF_B)]), []);
  // Even when only the town, the day, the age and the phone number differ.
  const otherTown = BRIEF_A.replace(/Millbrook/g, "Oakham").replace("Sunday", "Friday").replace("thirties", "forties").replace("0192", "0346");
  assert.deepEqual(findCopies([article("a", "2024-05-02", BRIEF_A), article("c", "2024-05-04", otherTown)]), []);
});

test("two short reports that share only one long quote are not copies", () => {
  const a = `${QUOTE}\n\nThe union called a rally outside the repair yard for Friday morning and said it expected hundreds of members to attend.`;
  const b = `Workers at the Gdansk repair yard voted on Wednesday to join a protest against the planned sale.\n\n${QUOTE}`;
  assert.deepEqual(findCopies([article("a", "2024-03-08", a), article("b", "2024-03-08", b)]), []);
});

test("an unrelated article is left alone among a family of copies", () => {
  const copies = findCopies([
    article("orig", "2024-03-04", ORIGINAL),
    article("weather", "2024-03-04", UNRELATED),
    article("near", "2024-03-05", NEAR),
  ]);
  assert.deepEqual(kindsOf(copies), { near: "near of orig" });
});

test("the earliest published article is the original, even when it comes last in the input", () => {
  const copies = findCopies([
    article("spun", "2024-03-06", SPUN),
    article("reprint", null, ORIGINAL),
    article("near", "2024-03-05", NEAR),
    article("orig", "2024-03-04", ORIGINAL),
    article("indep", "2024-03-04", INDEPENDENT),
  ]);
  assert.deepEqual(kindsOf(copies), {
    spun: "spun of orig",
    reprint: "exact of orig",
    near: "near of orig",
  });
  assert.deepEqual(copies.map((c) => c.copy), ["spun", "reprint", "near"]);
});

test("an undated reprint loses to a dated one, and equal dates go to the longer text", () => {
  const undatedFirst = findCopies([article("undated", null, ORIGINAL), article("dated", "2024-03-09", ORIGINAL)]);
  assert.deepEqual(kindsOf(undatedFirst), { undated: "exact of dated" });
  const sameDay = findCopies([article("short", "2024-03-04", NEAR), article("long", "2024-03-04", ORIGINAL)]);
  assert.deepEqual(kindsOf(sameDay), { short: "near of long" });
});

test("a copy linked to the original only through another copy takes the weakest kind on that path", () => {
  const members = ["o", "n", "p"].map((id, i) => ({ id, published: `2024-03-0${i + 1}`, chars: 1000 }));
  const copies = assignFamilies(members, [
    { a: 0, b: 1, kind: "near", similarity: 0.8 },
    { a: 1, b: 2, kind: "partial", similarity: 0.3 },
  ]);
  assert.deepEqual(copies, [
    { copy: "n", of: "o", kind: "near", similarity: 0.8 },
    { copy: "p", of: "o", kind: "partial", similarity: 0.3 },
  ]);
});

test("the incremental index reports a new article's matches among those already indexed", () => {
  const index = createCopyIndex();
  assert.deepEqual(addToCopyIndex(index, article("orig", "2024-03-04", ORIGINAL)), []);
  assert.deepEqual(addToCopyIndex(index, article("weather", "2024-03-04", UNRELATED)), []);
  const saved = structuredClone(index);
  const matches = addToCopyIndex(saved, article("near", "2024-03-05", NEAR));
  assert.deepEqual(matches.map((m) => [m.article, m.slot, m.kind]), [["orig", 0, "near"]]);
  const again = addToCopyIndex(saved, article("reprint", "2024-03-05", ORIGINAL));
  assert.deepEqual(again.map((m) => [m.article, m.kind]), [["orig", "exact"]]);
});

test("articles sharing only the outlet's boilerplate lines are not copies", () => {
  const tail = `\n\nCopyright 2024 The Herald. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.`;
  const copies = findCopies([
    article("deal", "2024-03-04", OTHER_DEAL.split("\n\n").slice(0, 2).join("\n\n") + tail),
    article("rain", "2024-03-04", UNRELATED + tail),
    article("union", "2024-03-05", `Workers at the Gdansk repair yard voted on Wednesday to join a protest against the planned sale of Baltic Cargo to its Dutch rival.${tail}`),
  ]);
  assert.deepEqual(copies, []);
});

test("identical one-line items such as photo credits are not reported as copies", () => {
  const copies = findCopies([article("a", "2024-03-04", "Photo: Reuters/Jan de Vries"), article("b", "2024-03-05", "Photo: Reuters/Jan de Vries")]);
  assert.deepEqual(copies, []);
});

test("a Chinese reprint with an added sentence is a copy: words are characters where there are no spaces", async () => {
  const { findCopies } = await import("../src/copies/index.js");
  const { buildArticle } = await import("../src/text/article.js");
  const base = "东京电力公司周三表示，将于本月晚些时候开始向太平洋排放经过处理的放射性水。日本政府在两年前批准了这一计划，国际原子能机构上周表示该计划符合国际安全标准。渔业团体和邻国对此表示强烈反对，担心海产品的声誉受到损害。";
  const a = buildArticle({ path: "a.txt", body: base, meta: { source: "Outlet A", date: "2023-08-09" } });
  const b = buildArticle({ path: "b.txt", body: `${base}中国外交部发言人周四再次呼吁日本停止排放计划。`, meta: { source: "Outlet B", date: "2023-08-10" } });
  const copies = findCopies([a, b]);
  assert.equal(copies.length, 1);
  assert.equal(copies[0].copy, b.id);
});

test("each copy in a briefing lists the sentence pairs it shares with its original and how each matches", () => {
  const articles = [
    article("orig", "2024-03-04", ORIGINAL),
    article("reprint", "2024-03-05", ORIGINAL),
    article("near", "2024-03-05", NEAR),
    article("spun", "2024-03-06", SPUN),
    article("local", "2024-03-06", PARTIAL),
  ];
  const explained = new Map(explainCopies(findCopies(articles), articles).map((c) => [c.copy, c]));
  const count = (id: string, match: string) => explained.get(id)!.spans.filter((s) => s.match === match).length;
  const reprint = explained.get("reprint")!;
  assert.equal(reprint.spans.length, articles[0].sentences.length);
  assert.ok(reprint.spans.every((s, i) => s.copy === i && s.of === i && s.match === "verbatim"));
  // The near copy: verbatim sentences, one edited (the takeover), none where the paragraph was dropped.
  assert.ok(count("near", "verbatim") >= 4 && count("near", "edited") >= 1, JSON.stringify(explained.get("near")!.spans));
  assert.ok(!explained.get("near")!.spans.some((s) => s.of === 5 || s.of === 6), "P3 was dropped");
  // The spun copy: most pairs changed; its spans point at the same sentences in order.
  const spun = explained.get("spun")!.spans;
  assert.ok(spun.length >= 6 && count("spun", "verbatim") <= 1, JSON.stringify(spun));
  assert.ok(spun.every((s, i) => i === 0 || (s.of >= spun[i - 1].of && s.copy >= spun[i - 1].copy)));
  // The partial copy: P1 and P2's sentences, word for word, after an intro of its own.
  const local = explained.get("local")!.spans;
  assert.ok(local.length >= 3 && local.every((s) => s.copy >= 1 && s.of <= 4 && s.match === "verbatim"), JSON.stringify(local));
  for (const c of explained.values()) assert.equal(c.reason, "published first (2024-03-04); the others later");
});

test("without dates the agency-credited text is the original, else the fullest, and the reason says which", () => {
  const credited = [article("blog", null, ORIGINAL, "Blog"), article("wire", null, ORIGINAL.replace("Monday", "Monday,"), "Wire", "Reuters")];
  const copies = findCopies(credited);
  assert.deepEqual(kindsOf(copies), { blog: "exact of wire" });
  assert.equal(explainCopies(copies, credited)[0].reason, "no member gives a publication date; the agency-credited text");
  const undated = [article("short", null, NEAR), article("long", null, ORIGINAL)];
  const [near] = explainCopies(findCopies(undated), undated);
  assert.equal(near.of, "long");
  assert.equal(near.reason, `no member gives a publication date; the fullest text (${ORIGINAL.length} characters)`);
});

test("a corpus names the same original, for the same reason, with the same shared sentences as a batch run", async () => {
  const { briefDocuments } = await import("../src/brief/assemble.js");
  const { ingest, briefFromStore } = await import("../src/corpus/index.js");
  const { openStore } = await import("../src/store/index.js");
  const { TARGETS } = await import("./store-targets.js");
  // Undated: the agency-credited wire text is the original, though a blog's copy comes first.
  const documents = [
    { path: "blog.txt", body: NEAR, meta: { source: "Harbour Blog" } },
    { path: "wire.txt", body: `ROTTERDAM (Reuters) - ${ORIGINAL}`, meta: { source: "Wire" } },
    { path: "spin.txt", body: SPUN, meta: { source: "Content Farm" } },
  ];
  const batch = briefDocuments(documents, [], { now: new Date(0) });
  const wire = batch.articles.find((a) => a.source.path === "wire.txt")!;
  assert.equal(wire.source.agency, "Reuters");
  assert.deepEqual(batch.copies.map((c) => [c.of === wire.id, c.kind, c.reason]), [
    [true, "near", "no member gives a publication date; the agency-credited text"],
    [true, "spun", "no member gives a publication date; the agency-credited text"],
  ]);
  for (const target of TARGETS) {
    const store = await openStore(await target.fresh());
    try {
      await ingest(store, documents, { batchSize: 1 });
      const corpus = await briefFromStore(store, {}, { now: new Date(0) });
      const key = (c: (typeof batch.copies)[number]) => c.copy;
      assert.deepEqual([...corpus.copies].sort((x, y) => key(x).localeCompare(key(y))), [...batch.copies].sort((x, y) => key(x).localeCompare(key(y))), target.name);
    } finally {
      await store.close();
    }
  }
});

test("the Markdown briefing lists each independent voice: an original with its copies and why, or a text of its own", async () => {
  const { briefDocuments } = await import("../src/brief/assemble.js");
  const { renderMarkdown } = await import("../src/render/markdown.js");
  const brief = briefDocuments(
    [
      { path: "orig.txt", body: ORIGINAL, meta: { source: "Daily Ledger", date: "2024-03-04" } },
      { path: "near.txt", body: NEAR, meta: { source: "Coastal Times", date: "2024-03-05" } },
      { path: "spun.txt", body: SPUN, meta: { source: "Content Farm", date: "2024-03-06" } },
      { path: "indep.txt", body: INDEPENDENT, meta: { source: "Nordic Post", date: "2024-03-04" } },
    ],
    [],
    { now: new Date(0) },
  );
  const md = renderMarkdown(brief);
  const section = md.slice(md.indexOf("### Independent voices and copies"));
  assert.match(section, /- \[1\] Daily Ledger: the original of 2 copies — published first \(2024-03-04\); the others later/);
  assert.match(section, /  - \[2\] Coastal Times: a near copy, similarity [\d.]+; \d+ sentences shared \(\d+ verbatim/);
  assert.match(section, /  - \[3\] Content Farm: a spun \(reworded\) copy, similarity [\d.]+; \d+ sentences shared \(.*reworded\)/);
  assert.match(section, /- \[4\] Nordic Post: its own text/);
});
