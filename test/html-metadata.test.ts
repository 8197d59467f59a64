import { test } from "node:test";
import assert from "node:assert/strict";
import { parseHtml } from "../src/html/dom.js";
import { extractPage } from "../src/html/index.js";
import { Deadline } from "../src/html/limits.js";
import { extractMetadata, type MetadataContext } from "../src/html/metadata.js";
import { cleanAuthors } from "../src/html/authors.js";
import { dateFromUrl, datesInText, parseDateValue } from "../src/html/dates.js";
import type { DocumentMeta } from "../src/model/index.js";

function meta(html: string, context: Partial<MetadataContext> = {}): DocumentMeta {
  return extractMetadata(parseHtml(html), { deadline: Deadline.none(), ...context });
}

const BOUNDS = { min: "1995-01-01", max: "2030-12-31" };
const LONG_ENGLISH =
  "The city council voted on Tuesday to expand the bicycle lane network across the northern districts, " +
  "after months of debate about parking and safety. Residents who spoke at the meeting were divided, " +
  "but the mayor said the plan would be reviewed again next year once the first results are known.";
const LONG_GERMAN =
  "Der Stadtrat hat am Dienstag beschlossen, das Radwegenetz in den nördlichen Bezirken auszubauen, " +
  "nachdem monatelang über Parkplätze und Sicherheit gestritten worden war. Die Anwohner, die in der " +
  "Sitzung sprachen, waren geteilter Meinung, doch die Bürgermeisterin sagte, der Plan werde im nächsten Jahr geprüft.";

test("JSON-LD NewsArticle: headline, authors, dates, publisher, url, language, with evidence", () => {
  const m = meta(`<html><head><script type="application/ld+json">
    {"@context":"https://schema.org","@type":"NewsArticle","headline":"Council expands bike lanes",
     "datePublished":"2021-05-14T09:30:00+02:00","dateModified":"2021-05-15T10:00:00+02:00",
     "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}],
     "publisher":{"@type":"Organization","name":"Daily Ledger"},"url":"https://ledger.example/2021/bikes",
     "inLanguage":"en-GB"}
  </script></head><body><p>${LONG_ENGLISH}</p></body></html>`);
  assert.equal(m.title, "Council expands bike lanes");
  assert.deepEqual(m.authors, ["Jane Doe", "John Roe"]);
  assert.equal(m.date, "2021-05-14T09:30:00+02:00");
  assert.equal(m.modified, "2021-05-15T10:00:00+02:00");
  assert.equal(m.source, "Daily Ledger");
  assert.equal(m.url, "https://ledger.example/2021/bikes");
  assert.equal(m.language, "en");
  assert.deepEqual(m.evidence?.date, { kind: "json-ld", detail: "NewsArticle.datePublished" });
  assert.deepEqual(m.evidence?.modified, { kind: "json-ld", detail: "NewsArticle.dateModified" });
  assert.deepEqual(m.evidence?.authors, { kind: "json-ld", detail: "NewsArticle.author" });
  assert.deepEqual(m.evidence?.source, { kind: "json-ld", detail: "NewsArticle.publisher.name" });
  assert.deepEqual(m.evidence?.language, { kind: "json-ld", detail: "NewsArticle.inLanguage" });
});

test("JSON-LD in an @graph and in arrays is found; a malformed script is ignored", () => {
  const m = meta(`<html lang="en"><head>
    <script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2019-01-01", oops}</script>
    <script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","name":"Ledger"},{"@type":["Article","BlogPosting"],"headline":"Graph article",
       "datePublished":"2020-03-02","author":{"@type":"Person","name":"By Ann Lee"}}]}]</script>
  </head><body></body></html>`);
  assert.equal(m.title, "Graph article");
  assert.equal(m.date, "2020-03-02");
  assert.deepEqual(m.authors, ["Ann Lee"]);
  assert.deepEqual(m.evidence?.date, { kind: "json-ld", detail: "Article.datePublished" });
  assert.equal(m.source, "Ledger");
});

test("Open Graph: article:published_time is the date, article:modified_time kept apart even when listed first", () => {
  const m = meta(`<html lang="en-US"><head>
    <meta property="article:modified_time" content="2022-08-01T12:00:00Z">
    <meta property="article:published_time" content="2022-07-09T08:15:00Z">
    <meta property="og:title" content="Minister resigns | Daily Ledger">
    <meta property="og:site_name" content="Daily Ledger">
    <meta property="og:url" content="https://ledger.example/world/minister-resigns">
    <meta name="author" content="By Jane Doe and John Roe, Reuters">
  </head><body><h1>Minister resigns</h1><p>${LONG_ENGLISH}</p></body></html>`);
  assert.equal(m.date, "2022-07-09T08:15:00Z");
  assert.equal(m.modified, "2022-08-01T12:00:00Z");
  assert.deepEqual(m.evidence?.date, { kind: "meta", detail: "meta[property=article:published_time]" });
  assert.deepEqual(m.evidence?.modified, { kind: "meta", detail: "meta[property=article:modified_time]" });
  assert.equal(m.title, "Minister resigns");
  assert.equal(m.source, "Daily Ledger");
  assert.equal(m.url, "https://ledger.example/world/minister-resigns");
  assert.deepEqual(m.authors, ["Jane Doe", "John Roe"]);
  assert.deepEqual(m.evidence?.authors, { kind: "meta", detail: "meta[name=author]" });
  assert.deepEqual(m.evidence?.language, { kind: "html", detail: "html[lang]" });
});

test("only a modified date: the publication date is left to other evidence and falls back last", () => {
  const m = meta(`<html><head><meta property="article:modified_time" content="2022-08-01"></head>
    <body><h1>Notes</h1><p class="byline">Posted on March 3, 2022 by Ann Lee</p></body></html>`);
  assert.equal(m.date, "2022-03-03");
  assert.equal(m.modified, "2022-08-01");
  assert.equal(m.evidence?.date?.kind, "text");
  assert.match(m.evidence!.date!.detail, /Posted on March 3, 2022/);
  // With nothing else, the modification date is the best there is.
  const onlyModified = meta(`<html><head><meta property="article:modified_time" content="2022-08-01"></head><body><h1>Notes</h1></body></html>`);
  assert.equal(onlyModified.date, "2022-08-01");
  assert.deepEqual(onlyModified.evidence?.date, { kind: "meta", detail: "meta[property=article:modified_time]" });
});

test("multiple authors and a byline in text only", () => {
  assert.deepEqual(cleanAuthors(["By Jane Doe, John Roe and Ann Lee | May 14, 2021"]), ["Jane Doe", "John Roe", "Ann Lee"]);
  assert.deepEqual(cleanAuthors(["Von Roland Brockmann und Sebastian Drescher"]), ["Roland Brockmann", "Sebastian Drescher"]);
  assert.deepEqual(cleanAuthors(["jane@ledger.example", "Associated Press", "https://ledger.example/staff/jd"]), []);
  const m = meta(`<html lang="en"><body><article><h1>Storm hits coast</h1>
    <div class="byline">By <a href="/staff/mary">Mary Major</a> and <a href="/staff/tom">Tom Minor</a>, AFP</div>
    <p>${LONG_ENGLISH}</p></article></body></html>`);
  assert.deepEqual(m.authors, ["Mary Major", "Tom Minor"]);
  assert.equal(m.evidence?.authors?.kind, "text");
  assert.equal(m.evidence?.authors?.detail, "div.byline");
  assert.equal(m.title, "Storm hits coast");
  assert.deepEqual(m.evidence?.title, { kind: "html", detail: "h1" });
});

test("a byline only in the text under the headline; a user name where markup says author; JSON-LD author by @id", () => {
  const text = meta(`<html lang="en"><body><h1>Storm hits the coast</h1><p>Posted on May 3, 2021 by Adi Tzlil</p><p>${LONG_ENGLISH}</p></body></html>`);
  assert.deepEqual(text.authors, ["Adi Tzlil"]);
  assert.equal(text.evidence?.authors?.kind, "text");
  const handle = meta(`<html><body><h1>Title of a post</h1><span class="author vcard"><a href="/author/freeman1984">freeman1984</a></span></body></html>`);
  assert.deepEqual(handle.authors, ["freeman1984"]);
  const byId = meta(`<html><head><script type="application/ld+json">{"@graph":[{"@type":"Article","headline":"A headline",
    "author":{"@id":"https://x.example/#person-1"}},{"@type":"Person","@id":"https://x.example/#person-1","name":"Giovanni Gaggero"}]}</script></head><body></body></html>`);
  assert.deepEqual(byId.authors, ["Giovanni Gaggero"]);
  // The outlet or an organisation named as the author is not an author.
  const org = meta(`<html><head><meta property="og:site_name" content="Daily Ledger"><meta name="author" content="Daily Ledger"></head><body></body></html>`);
  assert.equal(org.authors, undefined);
  assert.deepEqual(cleanAuthors(["Hanns-Seidel-Stiftung e.V."]), []);
});

test("rel=author links name the author", () => {
  const m = meta(`<html><body><h1>Title here</h1><p>Story by <a rel="author" href="/u/1">Peter Parker</a></p></body></html>`);
  assert.deepEqual(m.authors, ["Peter Parker"]);
  assert.deepEqual(m.evidence?.authors, { kind: "html", detail: "a[rel=author]" });
});

test("a date only in the URL", () => {
  const m = meta(`<html><body><h1>Something happened</h1><p>${LONG_ENGLISH}</p></body></html>`, {
    url: "https://news.example/2021/05/14/something-happened/",
  });
  assert.equal(m.date, "2021-05-14");
  assert.deepEqual(m.evidence?.date, { kind: "url", detail: "/2021/05/14/" });
  assert.equal(dateFromUrl("https://x.example/news/20210514/story.html", BOUNDS)?.day, "2021-05-14");
  assert.equal(dateFromUrl("https://x.example/story?date=2021-05-14", BOUNDS)?.day, "2021-05-14");
  assert.equal(dateFromUrl("https://x.example/2021/05/story", BOUNDS), null);
  assert.equal(dateFromUrl("https://x.example/item/12345678/", BOUNDS), null);
});

test("a Wayback Machine URL: the original URL's date, not the capture time stamp", () => {
  const m = meta(`<html><body><h1>Old post</h1></body></html>`, {
    url: "https://web.archive.org/web/20130217080612/http://blog.example/2012/08/02/old-post/",
  });
  assert.equal(m.date, "2012-08-02");
});

test("a German page: 14. Mai 2021 after the headline, language from <html lang>", () => {
  const m = meta(`<html lang="de-DE"><body><header><h1>Radwege werden ausgebaut</h1>
    <p>Veröffentlicht am 14. Mai 2021, 10:30 Uhr</p></header><p>${LONG_GERMAN}</p></body></html>`);
  assert.equal(m.date, "2021-05-14");
  assert.equal(m.evidence?.date?.kind, "text");
  assert.match(m.evidence!.date!.detail, /14\. Mai 2021/);
  assert.equal(m.language, "de");
  assert.deepEqual(m.evidence?.language, { kind: "html", detail: "html[lang]" });
});

test("a Japanese date under the headline, and in a date element", () => {
  const m = meta(`<html lang="ja"><body><h1>市議会が自転車レーンを拡大</h1><div>2021年5月14日 10時30分</div></body></html>`);
  assert.equal(m.date, "2021-05-14");
  assert.deepEqual(m.evidence?.date, { kind: "text", detail: "2021年5月14日" });
  const marked = meta(`<html lang="ja"><body><p>市議会</p><div class="article-date">2021年5月14日 10時30分</div></body></html>`);
  assert.equal(marked.date, "2021-05-14");
  assert.deepEqual(marked.evidence?.date, { kind: "time", detail: "div.article-date" });
});

test("<time datetime> and itemprop=datePublished", () => {
  const timed = meta(`<html><body><h1>Title of the story</h1><time class="entry-date published" datetime="2020-02-03T07:00:00+01:00">3 Feb</time></body></html>`);
  assert.equal(timed.date, "2020-02-03T07:00:00+01:00");
  assert.deepEqual(timed.evidence?.date, { kind: "time", detail: "time.entry-date" });
  const itemprop = meta(`<html><body><h1>Title of the story</h1><span itemprop="datePublished" content="2020-02-04">Feb 4</span></body></html>`);
  assert.equal(itemprop.date, "2020-02-04");
  assert.deepEqual(itemprop.evidence?.date, { kind: "time", detail: "span[itemprop=datePublished]" });
});

test("a UTC time whose day is the day after the local day the page shows takes the shown day", () => {
  const html = (shown: string) => `<html lang="en"><head><meta property="article:published_time" content="2020-05-02T02:54:29Z"></head>
    <body><h1>Station to close overnight</h1><p>${shown}</p></body></html>`;
  assert.equal(meta(html("Friday, May 1, 2020 10:54PM")).date, "2020-05-01");
  assert.equal(meta(html("Saturday, May 2, 2020")).date, "2020-05-02T02:54:29Z");
  assert.equal(meta(html("No date shown here")).date, "2020-05-02T02:54:29Z");
});

test("slashed dates: the page's own unambiguous ones settle the order, else its language", () => {
  const page = (lang: string, other: string) =>
    `<html lang="${lang}"><body><h1>Council meeting report</h1><p>05/04/2021</p><p>${LONG_ENGLISH}</p><p>${other}</p></body></html>`;
  assert.equal(meta(page("en-US", "")).date, "2021-05-04");
  assert.equal(meta(page("en-GB", "")).date, "2021-04-05");
  assert.equal(meta(page("en-US", "Archive: 13/03/2021")).date, "2021-04-05");
  assert.equal(meta(page("fr", "Archive: 03/13/2021")).date, "2021-05-04");
});

test("the capture date rules out a later date", () => {
  const html = `<html><head><meta property="article:published_time" content="2024-03-01T10:00:00Z"></head>
    <body><h1>Headline of the page</h1><p>Posted on 12 February 2021</p></body></html>`;
  assert.equal(meta(html, { captured: "2030-01-01T00:00:00Z" }).date, "2024-03-01T10:00:00Z");
  const bounded = meta(html, { captured: "2021-06-01T00:00:00Z" });
  assert.equal(bounded.date, "2021-02-12");
  assert.equal(bounded.captured, "2021-06-01T00:00:00Z");
  // Absurd years are never dates of a page.
  assert.equal(meta(`<html><head><meta name="date" content="1970-01-01"></head><body></body></html>`).date, undefined);
});

test("a page with no date at all has none", () => {
  const m = meta(`<html lang="en"><head><title>About us - Ledger</title></head><body><h1>About us</h1><p>${LONG_ENGLISH}</p><p>Call 0800 123 456.</p></body></html>`);
  assert.equal(m.date, undefined);
  assert.equal(m.modified, undefined);
  assert.equal(m.evidence?.date, undefined);
  assert.equal(m.title, "About us");
});

test("language identified from the text when the page declares none", () => {
  const de = meta(`<html><body><h1>Radwege</h1><p>${LONG_GERMAN}</p></body></html>`);
  assert.equal(de.language, "de");
  assert.equal(de.evidence?.language?.kind, "detected");
  const en = meta(`<html><body><p>${LONG_ENGLISH}</p></body></html>`);
  assert.equal(en.language, "en");
  // Too little text: no guess.
  assert.equal(meta(`<html><body><p>OK</p></body></html>`).language, undefined);
});

test("title: <title> without the site name; canonical link; site name from application-name", () => {
  const m = meta(`<html><head><title>Minister resigns after row - The Daily Ledger</title>
    <meta name="application-name" content="The Daily Ledger">
    <link rel="canonical" href="/world/minister-resigns"></head><body></body></html>`, { url: "https://ledger.example/world/minister-resigns?utm=x" });
  assert.equal(m.title, "Minister resigns after row");
  assert.deepEqual(m.evidence?.title, { kind: "html", detail: "title" });
  assert.equal(m.url, "https://ledger.example/world/minister-resigns");
  assert.deepEqual(m.evidence?.url, { kind: "meta", detail: "link[rel=canonical]" });
  assert.equal(m.source, "The Daily Ledger");
});

test("written dates in many languages and formats", () => {
  const day = (s: string, dayFirst = true) => datesInText(s, BOUNDS, { dayFirst })[0]?.day ?? null;
  assert.equal(day("Published May 14, 2021"), "2021-05-14");
  assert.equal(day("14 May 2021"), "2021-05-14");
  assert.equal(day("le 1er mai 2021"), "2021-05-01");
  assert.equal(day("14 de mayo de 2021"), "2021-05-14");
  assert.equal(day("14 maggio 2021"), "2021-05-14");
  assert.equal(day("14 мая 2021 г."), "2021-05-14");
  assert.equal(day("14 maja 2021"), "2021-05-14");
  assert.equal(day("2021. május 14."), "2021-05-14");
  assert.equal(day("2021년 5월 14일"), "2021-05-14");
  assert.equal(day("14.05.2021"), "2021-05-14");
  assert.equal(day("05/04/2021", true), "2021-04-05");
  assert.equal(day("05/04/2021", false), "2021-05-04");
  assert.equal(day("13/04/2021", false), "2021-04-13");
  assert.equal(day("٢٠٢١-٠٥-١٤"), "2021-05-14");
  assert.equal(day("31.02.2021"), null);
  assert.equal(day("14 Personen 2021"), null);
  assert.equal(parseDateValue("Fri, 14 May 2021 10:00:00 GMT", BOUNDS)?.day, "2021-05-14");
  assert.equal(parseDateValue("1620986400", BOUNDS)?.day, "2021-05-14");
  assert.equal(parseDateValue("2021-05-14 00:00:00", BOUNDS)?.iso, "2021-05-14");
  assert.equal(parseDateValue("2021-05-14T23:15:0Z", BOUNDS)?.iso, "2021-05-14T23:15:00Z");
});

test("extractPage hands the metadata on with the body", () => {
  const page = extractPage(`<html lang="en"><head><meta property="article:published_time" content="2021-05-14"></head>
    <body><h1>Headline here</h1><p>${LONG_ENGLISH}</p></body></html>`, { url: "https://x.example/a" });
  assert.ok(!("refused" in page));
  assert.equal(page.meta.date, "2021-05-14");
  assert.equal(page.meta.url, "https://x.example/a");
});
