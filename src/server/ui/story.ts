// A story: its summary with citations (a click shows the cited sentence in its article), events on a
// timeline, sources by copy family, quotes by speaker, entities, and where the sources disagree.
import { html } from "htm/preact";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { Cite, Quote, Story } from "../../model/index.js";
import { DISAGREEMENT_KIND_LABELS } from "../../model/brief.js";
import { api, type ArticleCard, type ArticleDetail, type StoryDetail } from "./api.js";
import { dateRange, plural, Status, useLoad, useTitle } from "./common.js";
import { ArticleText } from "./text.js";
import { TimelineChart } from "./timeline.js";

const KIND: Record<string, string> = { exact: "exact copy", near: "near copy", partial: "partial copy", spun: "reworded copy" };

export function StoryPage({ id }: { id: string }) {
  const load = useLoad(id, () => api.story(id));
  useTitle(load.state === "ready" ? load.data.story.title : "Story");
  if (load.state !== "ready") return html`<${Status} load=${load} />`;
  return html`<${StoryView} detail=${load.data} />`;
}

function StoryView({ detail }: { detail: StoryDetail }) {
  const { story } = detail;
  const [open, setOpen] = useState<{ cite: Cite; from: HTMLElement | null } | null>(null);
  // A large story's output is rebuilt as it grows by a quarter: articles placed since are listed (numbered
  // after the rest) but not yet in its summary, timeline and quotes.
  const newer = detail.articles.filter((a) => !story.articles.includes(a.id)).map((a) => a.id);
  const number = new Map([...story.articles, ...newer].map((a, i) => [a, i + 1]));
  const cards = new Map(detail.articles.map((a) => [a.id, a]));
  const show = (cite: Cite, e: Event) => setOpen({ cite, from: e.currentTarget as HTMLElement });
  const close = () => {
    open?.from?.focus();
    setOpen(null);
  };
  const citeButtons = (cites: Cite[]) =>
    cites.map((c) => {
      const n = number.get(c.article);
      const card = cards.get(c.article);
      const active = open?.cite.article === c.article && open.cite.sentence === c.sentence;
      return html`<button type="button" class=${`cite${active ? " active" : ""}`} aria-expanded=${active}
        aria-label=${`Source ${n}, sentence ${c.sentence + 1}: ${card?.source_name ?? card?.title ?? "article"}`}
        onClick=${(e: Event) => show(c, e)}>${n}.${c.sentence + 1}</button>`;
    });

  return html`<div class=${`story-layout${open ? " with-panel" : ""}`}>
    <article class="story" aria-labelledby="story-title">
      <p class="crumbs"><a href="/">← All stories</a></p>
      <h1 id="story-title">${story.title}</h1>
      <p class="meta">
        <span>${dateRange(detail.first_date, detail.last_date)}</span>
        <span>${plural(story.articles.length + newer.length, "article")}</span>
        <span>${plural(story.voices, "independent voice")}</span>
        <span><a href=${api.briefUrl(story.id)} download=${`${story.id}.json`}>brief@1 JSON</a></span>
      </p>
      ${newer.length > 0 &&
      html`<p class="hint">${plural(newer.length, "newer article")} ${newer.length === 1 ? "is" : "are"} listed under sources but not
        yet in this summary, timeline and quotes: a story this large is rebuilt each time it grows by a quarter. The brief@1
        JSON is always current.</p>`}
      ${story.read !== undefined &&
      html`<p class="hint">This story is larger than a briefing reads: its summary, events, quotes and timeline come from its
        ${story.read} most recent independent articles; the sources list all ${story.articles.length}.</p>`}

      ${story.summary.length > 0 &&
      html`<section aria-labelledby="h-summary">
        <h2 id="h-summary">Summary</h2>
        <p class="hint">Each number is a source sentence: press it to read that sentence in its article.</p>
        <ul class="summary">
          ${story.summary.map((s) => html`<li>${s.text} <span class="cites">${citeButtons(s.cites)}</span></li>`)}
        </ul>
      </section>`}

      <${Events} story=${story} number=${number} />

      ${story.timeline.length > 0 &&
      html`<section aria-labelledby="h-timeline">
        <h2 id="h-timeline">Timeline</h2>
        <ol class="timeline">
          ${story.timeline.map((t) => html`<li><span class="date">${t.date}</span> ${t.text} <span class="cites">${citeButtons(t.cites)}</span></li>`)}
        </ol>
      </section>`}

      <${Sources} detail=${detail} number=${number} />

      ${story.quotes.length > 0 &&
      html`<section aria-labelledby="h-quotes">
        <h2 id="h-quotes">Who said what</h2>
        ${bySpeaker(story.quotes).map(
          ([speaker, quotes]) => html`<div class="speaker">
            <h3>${speaker ?? "Unattributed"}</h3>
            ${quotes.map((q) => html`<blockquote>“${q.text}” <span class="cites">${citeButtons([{ article: q.article, sentence: q.sentence }])}</span></blockquote>`)}
          </div>`,
        )}
      </section>`}

      ${story.entities.length > 0 &&
      html`<section aria-labelledby="h-entities">
        <h2 id="h-entities">People, organisations and places</h2>
        <ul class="entities">
          ${story.entities.slice(0, 40).map(
            (e) => html`<li>
              <a href=${`/entities/${encodeURIComponent(e.name)}`}>${e.name}</a>
              <span class="meta"> ${e.type}${e.role ? `, ${e.role}` : ""} · ${plural(e.mentions, "mention")}</span>
              ${e.aliases.length > 0 && html`<div class="aliases">also: ${e.aliases.join(", ")}</div>`}
            </li>`,
          )}
        </ul>
      </section>`}

      ${story.disagreements.length > 0 &&
      html`<section aria-labelledby="h-disagree">
        <h2 id="h-disagree">Where sources disagree</h2>
        ${story.disagreements.map(
          (d) => html`<div class="disagreement">
            <h3>${d.subject} <small>${DISAGREEMENT_KIND_LABELS[d.kind] ?? ""}</small></h3>
            <ul>
              ${d.claims.map((c) => html`<li><strong>${c.value}</strong>: “${c.text}” <span class="cites">${citeButtons(c.cites)}</span></li>`)}
            </ul>
          </div>`,
        )}
      </section>`}
    </article>
    ${open && html`<${SourcePanel} cite=${open.cite} n=${number.get(open.cite.article) ?? 0} onClose=${close} />`}
  </div>`;
}

function Events({ story, number }: { story: Story; number: Map<string, number> }) {
  if (story.events.length === 0) return null;
  return html`<section aria-labelledby="h-events">
    <h2 id="h-events">Events</h2>
    <${TimelineChart} events=${story.events} />
    <ol class="events">
      ${story.events.map(
        (e) => html`<li>
          <span class="date">${e.date ?? "undated"}</span> ${e.title}
          <span class="meta"> · ${plural(e.articles.length, "article")}: ${e.articles.map((a) => `[${number.get(a)}]`).join(" ")}</span>
        </li>`,
      )}
    </ol>
  </section>`;
}

function Sources({ detail, number }: { detail: StoryDetail; number: Map<string, number> }) {
  const cards = new Map(detail.articles.map((a) => [a.id, a]));
  const copyOf = new Map(detail.copies.map((c) => [c.copy, c]));
  const line = (a: ArticleCard | undefined) => {
    if (!a) return null;
    const copy = copyOf.get(a.id);
    return html`<li>
      <span class="num">[${number.get(a.id)}]</span>
      <a href=${`/articles/${encodeURIComponent(a.id)}`}>${a.title ?? "Untitled"}</a>
      <span class="meta"> · ${a.source_name ?? a.agency ?? "unknown outlet"} · ${a.published ?? "undated"}${copy ? ` · ${KIND[copy.kind] ?? copy.kind} (${copy.similarity.toFixed(2)})` : ""}</span>
    </li>`;
  };
  return html`<section aria-labelledby="h-sources">
    <h2 id="h-sources">Sources</h2>
    <p class="meta">${plural(detail.articles.length, "article")} from ${plural(detail.families.length, "independent voice")}: copies are grouped with the article they repeat.</p>
    <ol class="families">
      ${detail.families.map(
        (f) => html`<li class="family">
          <div class="family-head">${f.sources.join(", ") || "unknown outlets"} · ${f.articles.length === 1 ? "1 article" : `${f.articles.length} articles, 1 voice`}</div>
          <ul>${f.articles.map((id) => line(cards.get(id)))}</ul>
        </li>`,
      )}
    </ol>
  </section>`;
}

function bySpeaker(quotes: Quote[]): [string | null, Quote[]][] {
  const groups = new Map<string | null, Quote[]>();
  for (const q of quotes) (groups.get(q.speaker) ?? groups.set(q.speaker, []).get(q.speaker)!).push(q);
  // Named speakers first, most quoted first; the unattributed last.
  return [...groups.entries()].sort((a, b) => Number(a[0] === null) - Number(b[0] === null) || b[1].length - a[1].length);
}

const articles = new Map<string, Promise<ArticleDetail>>();
const fetchArticle = (id: string) => {
  let p = articles.get(id);
  if (!p) {
    articles.set(id, (p = api.article(id)));
    p.catch(() => articles.delete(id));
  }
  return p;
};

/** The cited article beside the story (over it on a phone), the cited sentence highlighted. */
function SourcePanel({ cite, n, onClose }: { cite: Cite; n: number; onClose: () => void }) {
  const load = useLoad(cite.article, () => fetchArticle(cite.article));
  const heading = useRef<HTMLHeadingElement>(null);
  // A layout effect: focus moves in the same commit that shows the source, so no key press lands between.
  useLayoutEffect(() => {
    heading.current?.focus();
  }, [cite.article, cite.sentence, load.state]);
  useEffect(() => {
    const key = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    document.addEventListener("keydown", key);
    return () => document.removeEventListener("keydown", key);
  }, [onClose]);
  return html`<aside class="panel" aria-label="Cited source" aria-live="polite">
    <div class="panel-bar">
      <span>Source ${n}, sentence ${cite.sentence + 1}</span>
      <button type="button" class="close" onClick=${onClose} aria-label="Close the source">✕</button>
    </div>
    ${load.state !== "ready"
      ? html`<${Status} load=${load} />`
      : html`<div class="panel-body">
          <h2 ref=${heading} tabindex="-1">${load.data.title ?? "Untitled"}</h2>
          <p class="meta">
            <span>${load.data.source.name ?? load.data.source.agency ?? "unknown outlet"}</span>
            <span>${load.data.published ?? "undated"}</span>
            <span><a href=${`/articles/${encodeURIComponent(load.data.id)}#s${cite.sentence + 1}`}>open the article</a></span>
          </p>
          <blockquote class="cited-quote">${load.data.sentences[cite.sentence]?.text ?? "(this sentence is not in the article)"}</blockquote>
          <${ArticleText} article=${load.data} mark=${cite.sentence} prefix="p-" />
        </div>`}
  </aside>`;
}
