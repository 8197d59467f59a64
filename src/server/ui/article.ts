// An article: where it came from (its address shown, linked only when http(s), opened only on a click),
// what it copies, its story, and its text with a sentence marked when the address names one (#s3).
import { html } from "htm/preact";
import { api } from "./api.js";
import { safeHref } from "../../render/links.js";
import { Status, useLoad, useTitle } from "./common.js";
import { ArticleText } from "./text.js";

const KIND: Record<string, string> = { exact: "an exact copy", near: "a near copy", partial: "a partial copy", spun: "a reworded copy" };

export function ArticlePage({ id, sentence }: { id: string; sentence: number | null }) {
  const load = useLoad(id, () => api.article(id));
  useTitle(load.state === "ready" ? load.data.title ?? "Article" : "Article");
  if (load.state !== "ready") return html`<${Status} load=${load} />`;
  const a = load.data;
  const href = safeHref(a.source.url);
  return html`<article class="article" aria-labelledby="article-title">
    <p class="crumbs">
      <a href="/">← All stories</a>
      ${a.story && html` · <a href=${`/stories/${encodeURIComponent(a.story.id)}`}>${a.story.title}</a>`}
    </p>
    <h1 id="article-title">${a.title ?? "Untitled"}</h1>
    <dl class="facts">
      <dt>Outlet</dt><dd>${a.source.name ?? "unknown"}${a.source.agency ? ` (via ${a.source.agency})` : ""}</dd>
      ${a.source.author && html`<dt>By</dt><dd>${a.source.author}</dd>`}
      <dt>Published</dt><dd>${a.published ?? "undated"}${a.dateline ? ` · ${a.dateline}` : ""}</dd>
      ${a.source.url &&
      html`<dt>Address</dt><dd class="url">${href
        ? html`<a href=${href} rel="noopener noreferrer nofollow" target="_blank">${a.source.url}</a>`
        : html`<span title="not a web address: not linked">${a.source.url}</span>`}</dd>`}
      <dt>Read from</dt><dd class="url">${a.source.path}</dd>
      ${a.copy_of &&
      html`<dt>Copy</dt><dd>${KIND[a.copy_of.kind] ?? a.copy_of.kind} of <a href=${`/articles/${encodeURIComponent(a.copy_of.of)}`}>another article</a> (similarity ${a.copy_of.similarity.toFixed(2)})</dd>`}
    </dl>
    <${ArticleText} article=${a} mark=${sentence === null ? null : sentence - 1} prefix="" />
  </article>`;
}
