// HTML rendering of a Brief: one self-contained file (styles inline, no script, nothing fetched) that reads
// well on screen and printed. Reads the Brief only; computes nothing new.
//
// Article text is untrusted: every piece of it is escaped as text, and a link is made only from an
// http(s) URL, shown in full beside it.

import type { Article, Brief, Cite, Copy, Story } from "../model/index.js";
import { DISAGREEMENT_KIND_LABELS, partlyReadNote } from "../model/index.js";
import { safeHref } from "./links.js";

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Untrusted text as HTML text (also safe inside a double-quoted attribute). */
export function escapeHtml(text: string): string {
  return text.replace(CONTROL, "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}


const STYLE = `
:root { color-scheme: light; }
body { font: 16px/1.55 Georgia, "Times New Roman", serif; color: #1d1d1f; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3 { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.25; }
h1 { font-size: 1.7rem; margin-bottom: .25rem; }
h2 { font-size: 1.3rem; margin-top: 2.2rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin-top: 1.6rem; }
.meta { color: #555; font-family: system-ui, sans-serif; font-size: .9rem; }
a.cite { font-family: system-ui, sans-serif; font-size: .75rem; vertical-align: super; text-decoration: none; color: #0645ad; margin-left: .1rem; }
ul { padding-left: 1.2rem; }
li { margin: .3rem 0; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; border-bottom: 1px solid #ddd; padding: .25rem .4rem; vertical-align: top; }
.date { font-family: system-ui, sans-serif; font-weight: 600; white-space: nowrap; }
.source { margin: 1.2rem 0; page-break-inside: avoid; }
.source .url { word-break: break-all; font-family: ui-monospace, monospace; font-size: .8rem; color: #444; }
.sentence:target { background: #fff3b0; }
.text p { margin: .4rem 0; }
blockquote { margin: .3rem 0 .3rem 1rem; font-style: italic; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  a.cite { color: #333; }
  h2 { page-break-after: avoid; }
  .source .text { font-size: 10pt; }
}
`;

/** The Brief as one HTML document. */
export function renderHtml(brief: Brief, options: { title?: string } = {}): string {
  const number = new Map(brief.articles.map((a, i) => [a.id, i + 1]));
  const cite = (c: Cite) => {
    const n = number.get(c.article);
    return n === undefined ? "" : `<a class="cite" href="#s${n}-${c.sentence + 1}">[${n}.${c.sentence + 1}]</a>`;
  };
  const cites = (list: Cite[]) => list.map(cite).join("");
  const ref = (id: string) => {
    const n = number.get(id);
    return n === undefined ? "" : `<a class="cite" href="#source-${n}">[${n}]</a>`;
  };
  const copyOf = new Map(brief.copies.map((c) => [c.copy, c]));
  const title = options.title ?? (brief.stories.length === 1 ? brief.stories[0].title : "Briefing");
  const out: string[] = [];
  out.push(
    `<!doctype html>`,
    `<html lang="en"><head><meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    // The file runs nothing and loads nothing, even if a viewer ignored the escaping.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style></head><body>`,
  );
  for (const story of brief.stories) out.push(renderStory(story, brief.stories.length === 1, story.articles.flatMap((id) => copyOf.get(id) ?? []), cites, ref));
  out.push(`<h2>Sources</h2>`, `<p class="meta">Citations read [source.sentence]: [3.2] is the second sentence of source 3.</p>`);
  brief.articles.forEach((a, i) => out.push(renderSource(a, i + 1, copyOf.get(a.id), number)));
  out.push(`<p class="meta">storydesk/brief@1 · generated ${escapeHtml(brief.generated)}</p>`, `</body></html>`, "");
  return out.join("\n");
}

function renderStory(
  story: Story,
  alone: boolean,
  copies: Copy[],
  cites: (c: Cite[]) => string,
  ref: (id: string) => string,
): string {
  const h = alone ? "h1" : "h2";
  const sub = alone ? "h2" : "h3";
  const out: string[] = [];
  out.push(`<${h}>${escapeHtml(story.title)}</${h}>`);
  out.push(`<p class="meta">${plural(story.articles.length, "article")} from ${plural(story.voices, "independent voice")} · story ${escapeHtml(story.id)}</p>`);
  if (story.read) out.push(`<p class="meta">${escapeHtml(partlyReadNote(story.read))}</p>`);
  if (story.summary.length) {
    out.push(`<${sub}>Summary</${sub}><ul>`);
    for (const s of story.summary) out.push(`<li>${escapeHtml(s.text)} ${cites(s.cites)}</li>`);
    out.push(`</ul>`);
  }
  if (story.events.length > 1 || story.events[0]?.date) {
    out.push(`<${sub}>Events</${sub}><ul>`);
    for (const e of story.events) {
      const setting = [e.place ?? "", (e.actors ?? []).join(", ")].filter(Boolean).join("; ");
      const where = setting ? ` <span class="setting">— ${escapeHtml(setting)}</span>` : "";
      out.push(`<li><span class="date">${escapeHtml(e.date ?? "undated")}</span> ${escapeHtml(e.title)}${where} ${e.articles.map(ref).join("")}</li>`);
    }
    out.push(`</ul>`);
  }
  if (story.timeline.length) {
    out.push(`<${sub}>Timeline</${sub}><ul>`);
    for (const t of story.timeline) out.push(`<li><span class="date">${escapeHtml(t.date)}</span> ${escapeHtml(t.text)} ${cites(t.cites)}</li>`);
    out.push(`</ul>`);
  }
  if (story.quotes.length) {
    out.push(`<${sub}>Who said what</${sub}>`);
    const bySpeaker = new Map<string, typeof story.quotes>();
    for (const q of story.quotes) {
      const key = q.speaker ?? "";
      (bySpeaker.get(key) ?? bySpeaker.set(key, []).get(key)!).push(q);
    }
    for (const [speaker, quotes] of bySpeaker) {
      out.push(`<h4>${speaker ? escapeHtml(speaker) : "<em>Unattributed</em>"}</h4>`);
      for (const q of quotes) out.push(`<blockquote>“${escapeHtml(q.text)}” ${cites([{ article: q.article, sentence: q.sentence }])}</blockquote>`);
    }
  }
  if (story.entities.length) {
    out.push(`<${sub}>People, organisations and places</${sub}>`);
    out.push(`<table><thead><tr><th>Name</th><th>Type</th><th>Also written</th><th>Mentions</th><th>Sources</th></tr></thead><tbody>`);
    for (const e of story.entities) {
      const name = e.role ? `${escapeHtml(e.name)} <span class="meta">(${escapeHtml(e.role)})</span>` : escapeHtml(e.name);
      out.push(`<tr><td>${name}</td><td>${e.type}</td><td>${e.aliases.map(escapeHtml).join(", ")}</td><td>${e.mentions}</td><td>${e.articles.map(ref).join("")}</td></tr>`);
    }
    out.push(`</tbody></table>`);
  }
  if (story.disagreements.length) {
    out.push(`<${sub}>Where sources disagree</${sub}><ul>`);
    for (const d of story.disagreements) {
      out.push(`<li><strong>${escapeHtml(d.subject)}</strong>: ${DISAGREEMENT_KIND_LABELS[d.kind] ?? ""}<ul>`);
      for (const c of d.claims) out.push(`<li>${escapeHtml(c.value)}: “${escapeHtml(c.text)}” ${cites(c.cites)}</li>`);
      out.push(`</ul></li>`);
    }
    out.push(`</ul>`);
  }
  if (copies.length) {
    out.push(`<${sub}>Copies</${sub}><ul>`);
    for (const c of copies) out.push(`<li>${ref(c.copy)} is ${copyKind(c.kind)} of ${ref(c.of)} (similarity ${c.similarity.toFixed(2)})</li>`);
    out.push(`</ul>`);
  }
  return out.join("\n");
}

function renderSource(a: Article, n: number, copy: Copy | undefined, number: Map<string, number>): string {
  const meta = [a.source.name, a.source.agency ? `via ${a.source.agency}` : null, a.source.author ? `by ${a.source.author}` : null, a.published ?? "undated"]
    .filter((x): x is string => Boolean(x))
    .map(escapeHtml)
    .join(" · ");
  const href = safeHref(a.source.url);
  // The address is shown in full; the link only opens it when clicked, without sending where it came from.
  const url = a.source.url
    ? href
      ? `<div class="url"><a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${escapeHtml(a.source.url)}</a></div>`
      : `<div class="url">${escapeHtml(a.source.url)}</div>`
    : "";
  const copied = copy ? `<div class="meta">${copyKind(copy.kind)} of [${number.get(copy.of) ?? "?"}]</div>` : "";
  const paragraphs = new Map<number, string[]>();
  for (const s of a.sentences) {
    const line = `<span class="sentence" id="s${n}-${s.i + 1}">${escapeHtml(s.text)}</span>`;
    (paragraphs.get(s.paragraph) ?? paragraphs.set(s.paragraph, []).get(s.paragraph)!).push(line);
  }
  const text = [...paragraphs.values()].map((p) => `<p>${p.join(" ")}</p>`).join("\n");
  return [
    `<section class="source" id="source-${n}">`,
    `<h3>[${n}] ${a.title ? escapeHtml(a.title) : "<em>untitled</em>"}</h3>`,
    `<div class="meta">${meta}</div>`,
    url,
    copied,
    `<div class="text">${text}</div>`,
    `</section>`,
  ].join("\n");
}

function copyKind(kind: Copy["kind"]): string {
  return kind === "exact" ? "an exact copy" : kind === "near" ? "a near copy" : kind === "partial" ? "a partial copy" : "a spun (reworded) copy";
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
