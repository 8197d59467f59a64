import { test } from "node:test";
import assert from "node:assert/strict";
import { cleanBody } from "../src/text/clean.js";
import { buildArticle } from "../src/text/article.js";
import { normalizeDate } from "../src/text/dates.js";

const LEAD = "The foreign minister resigned on Saturday after a row over the border deal, officials said.";
const SECOND = "He is the third minister to leave the cabinet this year.";

test("a short first line is the title; a repeat of it on the next line is dropped", () => {
  const r = cleanBody(`Minister resigns over border deal\nMinister resigns over border deal\n\n${LEAD}\n\n${SECOND}`);
  assert.equal(r.title, "Minister resigns over border deal");
  assert.deepEqual(r.paragraphs, [LEAD, SECOND]);
});

test("a near-exact title repeat (site suffix, punctuation) is dropped too", () => {
  const r = cleanBody(`Minister resigns over border deal\n\nMinister Resigns Over Border Deal | The Daily Ledger\n\n${LEAD}`);
  assert.deepEqual(r.paragraphs, [LEAD]);
});

test("a first line that is a sentence, or wrapped text, is not a title", () => {
  assert.equal(cleanBody(`${LEAD}\n${SECOND}`).title, null);
  const wrapped = cleanBody("The government said on Saturday it would cut fuel taxes by 10 percent, a\n" +
    "move economists said would cost the treasury about 2 billion dollars a year.");
  assert.equal(wrapped.title, null);
  assert.deepEqual(wrapped.paragraphs, [
    "The government said on Saturday it would cut fuel taxes by 10 percent, a move economists said would cost the treasury about 2 billion dollars a year.",
  ]);
});

test("share, comment and newsletter prompts are removed", () => {
  const r = cleanBody([
    LEAD, "Share this:", "Click to share on Twitter (Opens in new window)", "Advertisement", SECOND,
    "Subscribe to our newsletter", "Sign up for our daily briefing", "Read more: Ministers meet in Geneva",
    "Leave a comment", "Your email address will not be published. Required fields are marked *",
  ].join("\n\n"));
  assert.deepEqual(r.paragraphs, [LEAD, SECOND]);
});

test("captions, cookie notices, hashtag lines and empty labels are removed", () => {
  const r = cleanBody([
    LEAD, "Photo: Reuters/Jane Doe", "Image credit: Getty Images",
    "We use cookies to improve your experience. By continuing to browse you accept our cookie policy.",
    "#Summit #Climate #COP27", "Posted on:", SECOND, "Tags: politics, border, cabinet", "Filed under: World", "Comments (3)",
  ].join("\n\n"));
  assert.deepEqual(r.paragraphs, [LEAD, SECOND]);
});

test("the footer of an embedded tweet is removed, the tweet's words are kept", () => {
  const tweet = "The bridge will reopen on Monday, the council said.";
  const r = cleanBody([LEAD, tweet, "— City of Harlow (@harlowcouncil) November 3, 2019", SECOND].join("\n\n"));
  assert.deepEqual(r.paragraphs, [LEAD, tweet, SECOND]);
});

test("author boxes are removed", () => {
  const r = cleanBody([LEAD, SECOND, "About the author", "Written by Jane Doe", "1,234 Posts", "View all posts", "Follow me"].join("\n\n"));
  assert.deepEqual(r.paragraphs, [LEAD, SECOND]);
  assert.equal(r.author, "Jane Doe");
});

test("real sentences that mention sharing, comments or cookies are kept", () => {
  const paragraphs = [
    "Share prices fell 3 percent after the announcement, traders said.",
    "The ministry did not respond to a request for comment.",
    "Comments made by the minister on Friday angered the opposition.",
    "A bakery in the capital sold 5,000 cookies to protesters on Sunday.",
  ];
  assert.deepEqual(cleanBody(paragraphs.join("\n\n")).paragraphs, paragraphs);
});

test("link titles under a Related Posts heading are removed", () => {
  const r = cleanBody([LEAD, SECOND, "Related Posts", "Ministers meet in Geneva", "Talks stall again over border"].join("\n"));
  assert.deepEqual(r.paragraphs, [LEAD, SECOND]);
});

test("readers' comments after a late comments heading are removed", () => {
  const r = cleanBody([LEAD, SECOND, "Officials declined to comment further.", "3 Comments", "This is a disgrace, he should have gone years ago.", "Totally agree with the above."].join("\n\n"));
  assert.deepEqual(r.paragraphs, [LEAD, SECOND, "Officials declined to comment further."]);
});

test("a Source: credit is kept as the source name and removed from the text", () => {
  assert.equal(cleanBody(`${LEAD}\n\n${SECOND}\n\nSource: The Daily Ledger`).sourceName, "The Daily Ledger");
  const r = cleanBody(`Source: https://www.ledger.example/world/1\n\n${LEAD}`);
  assert.equal(r.sourceName, "ledger.example");
  assert.deepEqual(r.paragraphs, [LEAD]);
  const wire = cleanBody(`${LEAD}\n\nSource: Reuters`);
  assert.equal(wire.agency, "Reuters");
  assert.equal(wire.sourceName, null);
});

test("an agency credit at the end is kept and removed, in its usual forms", () => {
  for (const credit of ["— AFP", "(Reuters)", "- AP", "AFP", "(With inputs from PTI)", "The Associated Press contributed to this report."]) {
    const r = cleanBody(`${LEAD}\n\n${SECOND}\n\n${credit}`);
    assert.ok(r.agency, credit);
    assert.deepEqual(r.paragraphs, [LEAD, SECOND], credit);
  }
  const suffix = cleanBody(`${LEAD}\n\n${SECOND} — AFP`);
  assert.equal(suffix.agency, "AFP");
  assert.deepEqual(suffix.paragraphs, [LEAD, SECOND]);
});

test("a sentence naming an agency is not a credit", () => {
  const text = `${LEAD}\n\nReuters reported that the deal had collapsed.`;
  const r = cleanBody(text);
  assert.equal(r.agency, null);
  assert.deepEqual(r.paragraphs, [LEAD, "Reuters reported that the deal had collapsed."]);
});

test("an opening agency credit gives the agency and dateline", () => {
  const r = cleanBody("LONDON (Reuters) — Britain's economy grew 0.5 percent in May, data showed on Friday.");
  assert.equal(r.agency, "Reuters");
  assert.equal(r.dateline, "LONDON");
  assert.deepEqual(r.paragraphs, ["Britain's economy grew 0.5 percent in May, data showed on Friday."]);
  const bare = cleanBody("(Reuters) - Oil prices fell on Tuesday.");
  assert.equal(bare.agency, "Reuters");
  assert.equal(bare.dateline, null);
  assert.deepEqual(bare.paragraphs, ["Oil prices fell on Tuesday."]);
});

test("datelines are taken off the first paragraph, as written", () => {
  for (const [opening, place] of [
    ["NEW DELHI —", "NEW DELHI"],
    ["NEW DELHI, July 9 (AFP) -", "NEW DELHI"],
    ["Geneva, 9 July –", "Geneva"],
    ["KYIV, Ukraine —", "KYIV, Ukraine"],
    ["MUMBAI:", "MUMBAI"],
  ]) {
    const r = cleanBody(`${opening} ${LEAD}\n\n${SECOND}`);
    assert.equal(r.dateline, place, opening);
    assert.deepEqual(r.paragraphs, [LEAD, SECOND], opening);
  }
});

test("a paragraph opening with a name and a dash, or a label, is not a dateline", () => {
  assert.equal(cleanBody("Smith — who led the talks — said the deal was dead.").dateline, null);
  assert.equal(cleanBody("BREAKING: The minister has resigned, his office said.").dateline, null);
});

test("bylines and posted-on lines give author and date and are removed", () => {
  const r = cleanBody(`Minister resigns\n\nBy Jane Doe and John Roe\n\nPosted on July 9, 2022\n\n${LEAD}`);
  assert.equal(r.author, "Jane Doe and John Roe");
  assert.equal(r.date, "2022-07-09");
  assert.deepEqual(r.paragraphs, [LEAD]);
  const published = cleanBody(`Published: 2022-07-09\n\n${LEAD}`);
  assert.equal(published.date, "2022-07-09");
  assert.deepEqual(published.paragraphs, [LEAD]);
});

test("a sentence starting with By is not a byline", () => {
  const text = "By Monday, officials said, the death toll had risen to 40.";
  const r = cleanBody(`${text}\n\n${SECOND}`);
  assert.equal(r.author, null);
  assert.deepEqual(r.paragraphs, [text, SECOND]);
});

test("without blank lines, each line is a paragraph; whitespace is collapsed", () => {
  const r = cleanBody(`${LEAD}\n  He is   the third\tminister to leave the cabinet this year.\nThe prime minister accepted the resignation.`);
  assert.deepEqual(r.paragraphs, [LEAD, SECOND, "The prime minister accepted the resignation."]);
});

test("dates are normalised from common written forms", () => {
  for (const [input, iso] of [
    ["2022-07-09", "2022-07-09"], ["2022/07/09", "2022-07-09"], ["July 9, 2022", "2022-07-09"],
    ["9 July 2022", "2022-07-09"], ["Jul. 9, 2022", "2022-07-09"], ["09.07.2022", "2022-07-09"],
    ["2022-07-09T23:30:00+02:00", "2022-07-09"], ["Sat, 09 Jul 2022 10:00:00 GMT", "2022-07-09"],
  ]) assert.equal(normalizeDate(input), iso, input);
  assert.equal(normalizeDate("2022-02-30"), null);
  assert.equal(normalizeDate("next Saturday"), null);
});

test("an article takes header metadata first, and a header title repeated in the body is dropped", () => {
  const article = buildArticle({
    path: "a.txt",
    meta: { title: "Minister resigns", date: "July 9, 2022", url: "https://www.ledger.example/world/1" },
    body: `Minister resigns\n\nBy Jane Doe\n\nNEW DELHI (AFP) — ${LEAD}\n\n${SECOND}`,
  });
  assert.equal(article.title, "Minister resigns");
  assert.equal(article.published, "2022-07-09");
  assert.equal(article.source.name, "ledger.example");
  assert.equal(article.source.url, "https://www.ledger.example/world/1");
  assert.equal(article.source.author, "Jane Doe");
  assert.equal(article.source.agency, "AFP");
  assert.equal(article.dateline, "NEW DELHI");
  assert.equal(article.text, `${LEAD}\n\n${SECOND}`);
  assert.deepEqual(article.sentences.map((s) => [s.text, s.paragraph]), [[LEAD, 0], [SECOND, 1]]);
  for (const s of article.sentences) assert.equal(article.text.slice(s.start, s.end), s.text);
});

test("the same document always gets the same id; different text gets another", () => {
  const doc = { path: "a.txt", meta: { source: "Daily Ledger" }, body: `Minister resigns\n\n${LEAD}` };
  assert.equal(buildArticle(doc).id, buildArticle({ ...doc, meta: { ...doc.meta } }).id);
  assert.notEqual(buildArticle(doc).id, buildArticle({ ...doc, body: `Minister resigns\n\n${SECOND}` }).id);
  assert.equal(buildArticle(doc).source.name, "Daily Ledger");
});

test("a wire dateline crediting an agency storydesk does not know is taken off the first line", () => {
  const r = cleanBody("VALMARA, March 18 (Baltic Wire) — Dockworkers at the Port of Valmara returned to work on Monday after their union accepted a pay deal.\n\nThe deal gives workers a 7 percent raise over two years.");
  assert.equal(r.dateline, "VALMARA");
  assert.equal(r.agency, "Baltic Wire");
  assert.match(r.paragraphs[0], /^Dockworkers at the Port/);
});

test("a name and a date on a line of their own are a byline, not article text", () => {
  const r = cleanBody("Piotr Ek · 19 March 2024\n\nCranes at the Port of Valmara were working around the clock on Tuesday as the terminal began to clear a queue of ships.");
  assert.equal(r.author, "Piotr Ek");
  assert.equal(r.date, "2024-03-19");
  assert.equal(r.paragraphs.length, 1);
  const notByline = cleanBody("Paris | Le Monde\n\nThe council voted on Tuesday to approve the budget for next year after a long debate.");
  assert.equal(notByline.author, null);
});
