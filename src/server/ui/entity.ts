// An entity and the stories naming it.
import { html } from "htm/preact";
import { api } from "./api.js";
import { plural, Status, useLoad, useTitle } from "./common.js";

export function EntityPage({ name }: { name: string }) {
  const load = useLoad(name, () => api.entity(name));
  useTitle(name);
  return html`<section aria-labelledby="entity-title">
    <p class="crumbs"><a href="/">← All stories</a></p>
    <h1 id="entity-title">${name}</h1>
    <${Status} load=${load} />
    ${load.state === "ready" &&
    html`<p class="meta">${load.data.type} · ${plural(load.data.total, "story", "stories")} · ${plural(load.data.mentions, "mention")}</p>
      <p><a href=${`/?entity=${encodeURIComponent(name)}`}>Search its stories</a></p>
      <ol class="stories">
        ${load.data.stories.map(
          (s) => html`<li class="story-card"><a class="story-link" href=${`/stories/${encodeURIComponent(s.id)}`}>${s.title}</a>
            <div class="meta">${plural(s.size, "article")}</div></li>`,
        )}
      </ol>`}
  </section>`;
}
