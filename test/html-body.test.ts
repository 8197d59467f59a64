// Article-body extraction (src/html/body.ts) on small hand-written pages: what is kept, in which order,
// and what furniture is dropped.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseHtml } from "../src/html/dom.js";
import { extractBody, type Block } from "../src/html/body.js";
import { Deadline } from "../src/html/limits.js";
import { extractPage } from "../src/html/index.js";

function body(html: string, title?: string): Block[] {
  return extractBody(parseHtml(html), { title, deadline: Deadline.none() });
}
const texts = (blocks: Block[]) => blocks.map((b) => b.text);
const joined = (blocks: Block[]) => texts(blocks).join("\n");

const P1 =
  "The city council voted on Tuesday to close the old harbour bridge to cars, ending a debate that has run for more than ten years, and officials said work would begin in the spring.";
const P2 =
  "Engineers found that the steel beams under the deck had rusted far faster than expected, and a report last year warned that heavy lorries could no longer cross safely.";
const P3 =
  "Shop owners on both banks said they feared losing customers, while cycling groups welcomed the plan and asked for a wider path across the river.";
const Q = "We cannot keep patching a bridge that was built for horses, and the money is better spent on a new crossing.";
const P4 =
  "A new crossing downstream is expected to cost about 40 million euros, with half paid by the regional government and the rest by the city over the next decade.";

const NEWS_PAGE = `<!doctype html><html><head><title>Harbour bridge to close to cars | The Daily Example</title>
<meta property="og:title" content="Harbour bridge to close to cars"></head><body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience. By continuing to browse you agree to our use of cookies, see our policy.</p><button>Accept</button></div>
<header class="site-header"><a href="/">The Daily Example</a>
  <nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/culture">Culture</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
</header>
<main>
 <article>
  <h1>Harbour bridge to close to cars</h1>
  <div class="byline">By Jane Doe, Transport correspondent, 12 March 2024</div>
  <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email this article</a></div>
  <figure><img src="bridge.jpg"><figcaption>The old harbour bridge at dusk, seen from the north bank of the river. Photo: John Smith / Example Agency</figcaption></figure>
  <div class="article-body">
   <p>${P1}</p>
   <p>${P2}</p>
   <h2>Traders worried</h2>
   <p>${P3}</p>
   <blockquote><p>${Q}</p></blockquote>
   <ul><li>Cars banned from 1 June</li><li>Buses and bicycles still allowed</li></ul>
   <aside class="newsletter-signup"><h3>Get our morning newsletter</h3><p>Sign up to receive the most important stories of the day in your inbox every morning, free of charge.</p><form><input type="email"><button>Subscribe</button></form></aside>
   <p>${P4}</p>
  </div>
  <div class="tags">Tags: <a href="/t/bridges">bridges</a> <a href="/t/transport">transport</a> <a href="/t/city-council">city council</a></div>
  <div class="author-box"><p>Jane Doe has covered transport and city politics for the Daily Example since 2015, after ten years at the regional desk.</p></div>
 </article>
 <section class="related-articles"><h2>Related</h2><ul>
  <li><a href="/a1">Council approves new cycling lanes along the river after long debate</a><p>The plan adds twelve kilometres of protected lanes by the end of next year.</p></li>
  <li><a href="/a2">Ferry service to resume after three years of repairs at the harbour</a><p>Boats will run every twenty minutes during the summer months, officials said.</p></li>
 </ul></section>
 <section id="comments" class="comments"><h2>Comments</h2>
  <div class="comment"><p>This is a terrible decision, the council never listens to the people who actually live and work by the harbour every day.</p></div>
  <div class="comment"><p>About time! The bridge has been unsafe for years and everyone in the neighbourhood knows it, well done to the council.</p></div>
 </section>
</main>
<footer><p>© 2024 The Daily Example. All rights reserved. Registered office: 1 Example Street, Example City, company number 123456.</p></footer>
</body></html>`;

test("a news article keeps its story (paragraphs, sub-heading, quote, list) in order and drops the furniture", () => {
  const blocks = body(NEWS_PAGE, "Harbour bridge to close to cars | The Daily Example");
  assert.deepEqual(blocks, [
    { kind: "paragraph", text: P1 },
    { kind: "paragraph", text: P2 },
    { kind: "heading", text: "Traders worried" },
    { kind: "paragraph", text: P3 },
    { kind: "quote", text: Q },
    { kind: "list-item", text: "Cars banned from 1 June" },
    { kind: "list-item", text: "Buses and bicycles still allowed" },
    { kind: "paragraph", text: P4 },
  ]);
  const all = joined(blocks);
  for (const furniture of ["cookies", "Sport", "Share on", "Photo: John Smith", "newsletter", "Tags:", "Jane Doe", "cycling lanes", "Ferry", "terrible decision", "All rights reserved", "Harbour bridge to close"])
    assert.ok(!all.includes(furniture), `"${furniture}" should have been dropped`);
});

test("extractPage gives the same body as the article's blocks", () => {
  const page = extractPage(NEWS_PAGE);
  assert.ok(!("refused" in page));
  assert.deepEqual(texts(page.blocks), [P1, P2, "Traders worried", P3, Q, "Cars banned from 1 June", "Buses and bicycles still allowed", P4]);
});

test("a German page without article markup: paragraphs found by their text, menus and footer dropped", () => {
  const d1 =
    "Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbrücke für Autos zu sperren. Damit endet eine Debatte, die seit mehr als zehn Jahren geführt wurde.";
  const d2 =
    "Gutachter hatten festgestellt, dass die Stahlträger unter der Fahrbahn schneller rosten als erwartet. Schwere Lastwagen dürfen die Brücke schon seit dem Winter nicht mehr befahren.";
  const d3 = "Die Geschäftsleute auf beiden Seiten des Flusses fürchten, Kundschaft zu verlieren, während Radfahrer den Plan begrüßen.";
  const html = `<html><head><title>Hafenbrücke wird gesperrt</title></head><body>
  <div id="kopf"><div class="menue"><a href="/">Startseite</a> | <a href="/lokales">Lokales</a> | <a href="/sport">Sport</a> | <a href="/kultur">Kultur</a></div></div>
  <div id="spalte-links"><ul><li><a href="/a">Neue Radwege am Fluss geplant</a></li><li><a href="/b">Fähre fährt wieder ab Sommer</a></li><li><a href="/c">Wetter: Sturm erwartet</a></li></ul></div>
  <div id="inhalt"><h1>Hafenbrücke wird gesperrt</h1><p>${d1}</p><p>${d2}</p><p>${d3}</p></div>
  <div id="fuss">Impressum | Datenschutz | <a href="/kontakt">Kontakt</a> © 2024 Beispiel-Zeitung GmbH</div>
  </body></html>`;
  assert.deepEqual(texts(body(html, "Hafenbrücke wird gesperrt")), [d1, d2, d3]);
});

test("a Chinese article is kept whole, its recommendation list dropped", () => {
  const c1 = "市议会周二投票决定，禁止汽车通行老港口大桥，结束了持续十多年的争论。官员表示，工程将于明年春天开始，预计需要两年时间完成。";
  const c2 = "工程师发现，桥面下的钢梁锈蚀速度远超预期，去年的一份报告警告说，重型卡车已无法安全通过。市民对此反应不一，有人担心交通拥堵。";
  const html = `<html><body><div class="nav"><a href="/">首页</a><a href="/news">新闻</a><a href="/sports">体育</a></div>
  <div class="article-content"><p>${c1}</p><p>${c2}</p></div>
  <div class="recommend"><h3>相关推荐</h3><ul><li><a href="/1">新的自行车道将沿河修建，全长十二公里</a></li><li><a href="/2">渡轮服务在维修三年后恢复运营</a></li></ul></div>
  </body></html>`;
  assert.deepEqual(texts(body(html)), [c1, c2]);
});

test("text in <div>s separated by <br> is read as paragraphs", () => {
  const l1 = "The harbour bridge will close to cars on the first of June, the council said after a long meeting on Tuesday evening.";
  const l2 = "Buses, taxis and bicycles will still be allowed to cross, and a new footpath will open on the eastern side by the summer.";
  const l3 = "The decision follows a report that found the steel beams under the deck had rusted far faster than the engineers expected.";
  const html = `<html><body><div class="menu"><a href="/">Home</a> <a href="/about">About us</a> <a href="/contact">Contact</a></div>
  <div class="main"><div class="text">${l1}<br><br>${l2}<br><br>${l3}</div></div>
  <div class="footer">Copyright 2024 Example Local News</div></body></html>`;
  assert.deepEqual(texts(body(html)), [l1, l2, l3]);
});

// A hang would fail by the test's timeout; how fast it runs is measured in the benchmark, not here.
test("10,000 nested elements: extraction finishes and keeps the text, paragraphs apart", { timeout: 60_000 }, () => {
  const text = "Deeply nested text about the harbour bridge, which the council voted to close to cars on Tuesday, still counts as the article.";
  const html = `<html><body>${"<div>".repeat(10_000)}<p>${text}</p><p>${text}</p>${"</div>".repeat(10_000)}</body></html>`;
  // Below the depth limit the parser flattens the tags into one element; a flattened paragraph still
  // starts on a line of its own, so the two do not run together ("article.Deeply").
  const all = joined(body(html));
  assert.equal(all.split(text).length - 1, 2);
  assert.equal(all.split(text).join("").trim(), "");
  assert.ok(!all.includes(`article.${text.slice(0, 6)}`));
});

test("a short closing sentence before a link line is story, not an introduction to the links", () => {
  const p1 = "Dockworkers at the Port of Valmara went on strike on Monday, stopping the loading and unloading of containers at the country's largest port.";
  const p2 = "The port authority said 17 ships were waiting at anchor and estimated the cost of the stoppage at 30 million euros a day.";
  const p3 = "The strike is open-ended, the union said.";
  const html = `<html><body><p>${p1}</p><p>${p2}</p><p>${p3}</p><p><a href="https://wire.example/subscribe">Subscribe to our alerts</a></p></body></html>`;
  assert.deepEqual(texts(body(html)), [p1, p2, p3]);
});

test("a page with no article (a menu and link lists) gives nothing", () => {
  const links = Array.from({ length: 30 }, (_, i) => `<li><a href="/p/${i}">Product number ${i} in our catalogue</a></li>`).join("");
  const html = `<html><body><nav><a href="/">Home</a><a href="/shop">Shop</a></nav><div class="listing"><ul>${links}</ul></div>
  <div class="footer"><a href="/imprint">Imprint</a> <a href="/privacy">Privacy</a></div></body></html>`;
  assert.deepEqual(body(html), []);
});

test("an empty page and a page of only scripts give nothing", () => {
  assert.deepEqual(body(""), []);
  assert.deepEqual(body("<html><head><script>var a = 'some script text that is long enough to count';</script></head><body></body></html>"), []);
});

test("a table that is part of the story keeps its rows in order", () => {
  const intro = "The council published the results of the vote on the bridge closure, with every district listed below, on Tuesday evening.";
  const html = `<html><body><div class="article-body"><p>${intro}</p>
  <table><tr><th>District</th><th>For</th><th>Against</th></tr><tr><td>North</td><td>12</td><td>3</td></tr><tr><td>South</td><td>9</td><td>7</td></tr></table>
  <p>${P4}</p></div></body></html>`;
  assert.deepEqual(texts(body(html)), [intro, "District For Against", "North 12 3", "South 9 7", P4]);
});

test("a preformatted block keeps its line breaks", () => {
  const html = `<html><body><article><p>${P1}</p><pre>line one
  line two</pre><p>${P2}</p></article></body></html>`;
  const blocks = body(html);
  assert.deepEqual(blocks[1], { kind: "preformatted", text: "line one\n  line two" });
});

test("a lead above the body container comes first; an unnamed teaser grid after the story is dropped", () => {
  const lead = "The harbour bridge will close to cars in June after engineers found its beams badly rusted.";
  const cards = [1, 2, 3]
    .map((i) => `<div class="col"><img src="${i}.jpg"><h3>Other story number ${i} from the city desk</h3><p>A short summary of the other story, number ${i}.</p><a href="/s/${i}">Read more</a></div>`)
    .join("");
  const html = `<html><body><div class="wrap"><div class="intro"><p>${lead}</p></div>
  <div class="article-body"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div></div>
  <div class="row">${cards}</div></body></html>`;
  const got = texts(body(html));
  assert.deepEqual(got, [lead, P1, P2, P3]);
});

test("a caption in small print under a picture is dropped, the story around it kept", () => {
  const html = `<html><body><div class="article-body"><p>${P1}</p><p><img src="a.jpg"></p><p><em>The bridge at dusk. Photo: J. Smith</em></p><p>${P2}</p></div></body></html>`;
  assert.deepEqual(texts(body(html)), [P1, P2]);
});

test("a lead paragraph beside the body container is read once, before it", () => {
  const lead = "The harbour bridge will close to cars in June after engineers found its steel beams badly rusted, the council said.";
  const html = `<html><body><div class="story"><p>${lead}</p><div class="article-body"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div>
  <div class="aside-box"><p>Some unrelated words about a different thing altogether here</p><a href="/x">More from the desk</a></div></div></body></html>`;
  assert.deepEqual(texts(body(html)).slice(0, 4), [lead, P1, P2, P3]);
  assert.equal(texts(body(html)).filter((t) => t === lead).length, 1);
});
