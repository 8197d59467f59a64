// The desk's web UI in a real browser: playwright-core driving Debian's Chromium (/usr/bin/chromium, which
// .ci/run installs when missing; no browser is ever downloaded). Needs the built UI (npm run build).
// Screenshots of the story page (desktop and phone) go to $STORYDESK_SCREENSHOTS or a temporary folder.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import type { FastifyInstance } from "fastify";
import { ingest } from "../src/corpus/index.js";
import { readDocuments } from "../src/read/index.js";
import { openStore, type Store } from "../src/store/index.js";
import { buildServer } from "../src/server/app.js";
import { uiDir } from "../src/server/paths.js";
import { DESK_EXAMPLES, ROOT } from "./helpers.js";
import { TMP } from "./store-targets.js";

const CHROMIUM = process.env.STORYDESK_CHROMIUM ?? "/usr/bin/chromium";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];
const SHOTS = process.env.STORYDESK_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), "storydesk-screenshots-"));
const PHONE = { width: 390, height: 844 };
const GENEVA = "Fourteen countries sign Geneva pact to share river data";

/** An article whose title, text and address try to run script in the page that shows them. */
const HOSTILE = [
  "title: Council vote <script>window.__pwned = 'title'</script> delayed",
  "source: Hostile Gazette",
  "url: https://hostile.example/vote",
  "date: 2024-09-03",
  "",
  "The council postponed its vote on the harbour budget <script>window.__pwned = 1</script> until next week, the mayor said on Tuesday.",
  "",
  'Opponents posted <img src=x onerror="window.__pwned = 2"> on the town hall doors, and the mayor said the budget would pass.',
].join("\n");

describe("desk web UI in Chromium", () => {
  let store: Store;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  /** Errors the pages raised and dialogs they opened: none may happen. */
  const incidents: string[] = [];

  before(async () => {
    assert.ok(existsSync(join(uiDir(), "index.html")), "the web UI is not built: run npm run build first");
    assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install -y chromium (.ci/run does)`);
    const input = join(TMP, `browser-${process.pid}`);
    mkdirSync(input, { recursive: true });
    writeFileSync(join(input, "hostile.txt"), HOSTILE);
    store = await openStore(join(input, "corpus.db"));
    await ingest(store, readDocuments([...DESK_EXAMPLES, input]));
    app = await buildServer({ store, ui: uiDir() });
    base = await app.listen({ port: 0, host: "127.0.0.1" });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    console.log(`# screenshots in ${SHOTS}`);
  });

  async function open(viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
    const phone = viewport.width < 500;
    const context = await browser.newContext({ viewport, isMobile: phone, hasTouch: phone, deviceScaleFactor: phone ? 2 : 1 });
    const page = await context.newPage();
    page.on("pageerror", (e) => incidents.push(`page error: ${e.message}`));
    page.on("dialog", (d) => {
      incidents.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on("console", (m) => {
      if (m.type() === "error") incidents.push(`console: ${m.text()}`);
    });
    return { context, page };
  }

  /** List → search → story → citation → the cited sentence, highlighted and in view; returns the page. */
  async function readACitation(page: Page, shot: string): Promise<void> {
    await page.goto(`${base}/`);
    await page.getByRole("heading", { name: "Stories" }).waitFor();
    assert.equal(await page.locator(".story-card").count(), 4);

    await page.getByLabel("Search stories").fill("geneva accord");
    await page.getByLabel("Search stories").press("Enter");
    await page.waitForURL(/\?q=geneva\+accord/);
    await page.getByRole("status").filter({ hasText: "1 story match" }).waitFor();
    assert.deepEqual(await page.locator(".story-link").allTextContents(), [GENEVA]);

    await page.getByRole("link", { name: GENEVA }).click();
    await page.getByRole("heading", { level: 1, name: GENEVA }).waitFor();
    assert.match(new URL(page.url()).pathname, /^\/stories\/s-/);
    await page.locator(".chart canvas").first().waitFor();
    await page.screenshot({ path: join(SHOTS, `${shot}-story.png`), fullPage: true });

    const cite = page.locator(".summary .cite").nth(1);
    const label = (await cite.textContent())!;
    await cite.click();
    const mark = page.locator(".panel mark.cited");
    await mark.waitFor();
    const [n, s] = label.split(".").map(Number);
    const story = await (await fetch(`${base}/api/stories/${new URL(page.url()).pathname.split("/").pop()}`)).json();
    const article = await (await fetch(`${base}/api/articles/${story.story.articles[n - 1]}`)).json();
    assert.equal((await mark.textContent())!.trim(), article.sentences[s - 1].text);
    assert.ok(await mark.isVisible());
    const box = (await mark.boundingBox())!;
    const viewport = page.viewportSize()!;
    assert.ok(box.y >= 0 && box.y < viewport.height, "the cited sentence is scrolled into view");
    assert.ok(box.x >= 0 && box.x + box.width <= viewport.width + 1, "the cited sentence fits the screen's width");
    await page.screenshot({ path: join(SHOTS, `${shot}-citation.png`) });
  }

  test("story list, search, a story, a citation and its sentence highlighted (desktop)", async () => {
    const { context, page } = await open();
    try {
      await readACitation(page, "desktop");
    } finally {
      await context.close();
    }
    assert.deepEqual(incidents, []);
  });

  test("the same on a 390×844 phone screen, without sideways scrolling", async () => {
    const { context, page } = await open(PHONE);
    try {
      await readACitation(page, "phone");
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= PHONE.width, `page is ${width}px wide`);
      await page.getByRole("button", { name: "Close the source" }).click();
      await page.locator(".panel").waitFor({ state: "detached" });
    } finally {
      await context.close();
    }
    assert.deepEqual(incidents, []);
  });

  test("filters: an entity suggested as its name is typed keeps only its stories; a date range too", async () => {
    const { context, page } = await open();
    try {
      await page.goto(`${base}/`);
      await page.getByText("Filters").click();
      await page.getByLabel("Person, organisation or place").fill("Aleks");
      await page.locator("#entity-names option[value='Aleksandr Petrov']").waitFor({ state: "attached" });
      await page.getByLabel("Person, organisation or place").fill("Aleksandr Petrov");
      await page.getByLabel("Person, organisation or place").press("Enter");
      await page.waitForURL(/entity=Aleksandr\+Petrov/);
      await page.getByRole("status").filter({ hasText: "1 story match" }).waitFor();
      assert.deepEqual(await page.locator(".story-link").allTextContents(), [GENEVA]);
      await page.goto(`${base}/?since=2024-01&until=2024-12`);
      await page.getByRole("status").filter({ hasText: "2 stories match" }).waitFor();
      await page.getByRole("link", { name: "Clear search and filters" }).click();
      await page.getByRole("status").filter({ hasText: "4 stories" }).waitFor();
    } finally {
      await context.close();
    }
    assert.deepEqual(incidents, []);
  });

  test("keyboard only: tab to a citation, Enter opens its sentence, Escape closes and returns focus", async () => {
    const { context, page } = await open();
    try {
      await page.goto(`${base}/?q=reliquary`);
      const link = page.getByRole("link", { name: /Gold reliquary/ });
      await link.focus();
      await page.keyboard.press("Enter");
      await page.locator(".summary .cite").first().waitFor();
      let focused = "";
      for (let i = 0; i < 40 && !focused.startsWith("Source 1, sentence"); i++) {
        await page.keyboard.press("Tab");
        focused = await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "");
      }
      assert.match(focused, /^Source 1, sentence \d+/);
      await page.keyboard.press("Enter");
      await page.locator(".panel mark.cited").waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), "H2", "focus moves to the source");
      await page.keyboard.press("Escape");
      await page.locator(".panel").waitFor({ state: "detached" });
      assert.match(await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? ""), /^Source 1, sentence/);
    } finally {
      await context.close();
    }
    assert.deepEqual(incidents, []);
  });

  test("an article holding <script> and <img onerror> shows them as text and runs nothing", async () => {
    const { context, page } = await open();
    try {
      const found = await (await fetch(`${base}/api/search?q=council%20budget`)).json();
      const id = found.articles[0].id as string;
      await page.goto(`${base}/articles/${id}`);
      await page.locator(".article-text").waitFor();
      const text = await page.locator(".article-text").innerText();
      assert.match(text, /<script>window.__pwned = 1<\/script>/);
      assert.match(text, /<img src=x onerror="window.__pwned = 2">/);
      assert.match(await page.locator("h1").innerText(), /<script>window.__pwned = 'title'<\/script>/);
      assert.equal(await page.locator("main script, main img").count(), 0);
      // The story page shows the same title as text too.
      await page.getByRole("link", { name: /Council vote/ }).first().click();
      await page.getByRole("heading", { level: 1, name: /Council vote/ }).waitFor();
      await page.waitForTimeout(200);
      assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined);
      // Only http(s) addresses become links, and they open only on a click, in a new tab, without a referrer.
      await page.goto(`${base}/articles/${id}`);
      const link = page.locator(".facts a[href^='https://hostile.example']");
      assert.equal(await link.getAttribute("rel"), "noopener noreferrer nofollow");
    } finally {
      await context.close();
    }
    assert.deepEqual(incidents, []);
  });

  test("the page forbids inline script: an injected one is refused by the browser", async () => {
    const { context, page } = await open();
    try {
      const response = await page.goto(`${base}/`);
      assert.match(response!.headers()["content-security-policy"], /script-src 'self'/);
      const ran = await page.evaluate(async () => {
        const s = document.createElement("script");
        s.textContent = "window.__inline = 1";
        document.body.append(s);
        await new Promise((r) => setTimeout(r, 50));
        return (window as unknown as { __inline?: number }).__inline ?? null;
      });
      assert.equal(ran, null);
    } finally {
      await context.close();
    }
    // The refusal is reported on the console: that is the expected incident here, and the only one.
    assert.ok(incidents.every((i) => /Content Security Policy/.test(i)), incidents.join("\n"));
    incidents.length = 0;
  });
  test("a large story whose output lags its newest article lists that article and says it is not yet summarised", async () => {
    // As a story over the rebuild bound looks between rebuilds: its stored output leaves out its newest article.
    const row = await store.db.selectFrom("story_outputs").select(["story", "json"]).orderBy("size", "desc").limit(1).executeTakeFirstOrThrow();
    const full = JSON.parse(row.json) as { id: string; title: string; articles: string[] };
    const lagging = { ...full, articles: full.articles.slice(0, -1) };
    await store.db.updateTable("story_outputs").set({ json: JSON.stringify(lagging) }).where("story", "=", row.story).execute();
    const { context, page } = await open();
    try {
      await page.goto(`${base}/stories/${full.id}`);
      await page.getByRole("heading", { level: 1, name: full.title }).waitFor();
      await page.getByText("1 newer article is listed under sources but not yet in this summary").waitFor();
      assert.ok(await page.getByText(`${full.articles.length} articles`).first().isVisible());
      assert.equal(await page.locator(`a[href="/articles/${full.articles.at(-1)}"]`).count(), 1);
    } finally {
      await context.close();
      await store.db.updateTable("story_outputs").set({ json: row.json }).where("story", "=", row.story).execute();
    }
  });
});
