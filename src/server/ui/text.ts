// An article's text drawn from its sentences, always as text nodes: markup in an article shows as typed.
import { html } from "htm/preact";
import { useEffect, useRef } from "preact/hooks";
import type { ArticleDetail } from "./api.js";

/** Paragraphs of sentence spans; the `mark`ed sentence is highlighted and scrolled into view. */
export function ArticleText({ article, mark, prefix }: { article: ArticleDetail; mark: number | null; prefix: string }) {
  const marked = useRef<HTMLElement>(null);
  useEffect(() => {
    marked.current?.scrollIntoView({ block: "center", behavior: "instant" as ScrollBehavior });
  }, [article.id, mark]);
  const paragraphs: ArticleDetail["sentences"][] = [];
  for (const s of article.sentences) (paragraphs[s.paragraph] ??= []).push(s);
  return html`<div class="article-text">
    ${paragraphs.filter(Boolean).map(
      (p) => html`<p>
        ${p.map((s) =>
          s.i === mark
            ? html`<mark class="cited" id=${`${prefix}s${s.i + 1}`} ref=${marked} aria-label=${`cited sentence ${s.i + 1}`}>${s.text}</mark> `
            : html`<span id=${`${prefix}s${s.i + 1}`}>${s.text}</span> `,
        )}
      </p>`,
    )}
  </div>`;
}
