// The story list: search and filters in the address (so a view can be shared), pages of 20.
import { html } from "htm/preact";
import { useEffect, useState } from "preact/hooks";
import { api } from "./api.js";
import { dateRange, plural, Status, useLoad, useTitle } from "./common.js";
import { navigate } from "./router.js";

const FIELDS = ["q", "entity", "source", "since", "until", "sort"] as const;
const PAGE = 20;

export function StoryList({ params }: { params: URLSearchParams }) {
  const key = params.toString();
  const offset = Math.max(0, Number(params.get("offset")) || 0);
  const load = useLoad(key, () => api.stories({ ...Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? undefined])), limit: PAGE, offset }));
  const [form, setForm] = useState<Record<string, string>>({});
  useEffect(() => setForm(Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? ""]))), [key]);
  useTitle(params.get("q") ? `“${params.get("q")}”` : "Stories");

  const go = (values: Record<string, string>, at = 0) => {
    const next = new URLSearchParams();
    for (const f of FIELDS) if (values[f]) next.set(f, values[f]);
    if (at > 0) next.set("offset", String(at));
    const s = next.toString();
    navigate(s ? `/?${s}` : "/");
  };
  const submit = (e: Event) => {
    e.preventDefault();
    go(form);
  };
  const field = (name: string) => ({
    id: `f-${name}`,
    name,
    value: form[name] ?? "",
    onInput: (e: Event) => setForm({ ...form, [name]: (e.target as HTMLInputElement).value }),
  });
  const suggestions = useEntitySuggestions(form.entity ?? "");
  const filtered = FIELDS.some((f) => f !== "sort" && params.get(f));

  return html`
    <section aria-labelledby="list-title">
      <h1 id="list-title">Stories</h1>
      <form class="filters" role="search" onSubmit=${submit}>
        <div class="search-row">
          <label for="f-q" class="visually-hidden">Search stories</label>
          <input type="search" placeholder="Search words in the articles…" autocomplete="off" ...${field("q")} />
          <button type="submit">Search</button>
        </div>
        <details class="more-filters" open=${Boolean(params.get("entity") || params.get("source") || params.get("since") || params.get("until"))}>
          <summary>Filters</summary>
          <div class="grid">
            <label for="f-entity">Person, organisation or place</label>
            <input ...${field("entity")} list="entity-names" autocomplete="off" placeholder="start typing a name" />
            <datalist id="entity-names">
              ${suggestions.map((e) => html`<option value=${e.name}>${e.type}, ${plural(e.total, "story", "stories")}</option>`)}
            </datalist>
            <label for="f-source">Outlet</label>
            <input ...${field("source")} placeholder="e.g. Reuters" />
            <label for="f-since">From</label>
            <input ...${field("since")} placeholder="YYYY-MM-DD" pattern="\\d{4}(-\\d{2}(-\\d{2})?)?" inputmode="numeric" />
            <label for="f-until">To</label>
            <input ...${field("until")} placeholder="YYYY-MM-DD" pattern="\\d{4}(-\\d{2}(-\\d{2})?)?" inputmode="numeric" />
            <label for="f-sort">Order</label>
            <select ...${field("sort")} onChange=${(e: Event) => go({ ...form, sort: (e.target as HTMLSelectElement).value })}>
              <option value="">Most recent first</option>
              <option value="size">Most articles first</option>
            </select>
          </div>
        </details>
        ${filtered && html`<p><a href="/">Clear search and filters</a></p>`}
      </form>
      <${Status} load=${load} />
      ${load.state === "ready" &&
      html`
        <p class="count" role="status">${plural(load.data.total, "story", "stories")}${filtered ? " match" : ""}</p>
        <ol class="stories">
          ${load.data.stories.map(
            (s) => html`<li class="story-card" key=${s.id}>
              <a class="story-link" href=${`/stories/${encodeURIComponent(s.id)}`}>${s.title}</a>
              <div class="meta">
                <span>${dateRange(s.first_date, s.last_date)}</span>
                <span>${plural(s.size, "article")}</span>
                <span>${plural(s.voices, "independent voice")}</span>
              </div>
            </li>`,
          )}
        </ol>
        ${(offset > 0 || offset + PAGE < load.data.total) &&
        html`<nav class="pager" aria-label="Pages">
          <button type="button" disabled=${offset === 0} onClick=${() => go(form, Math.max(0, offset - PAGE))}>← Previous</button>
          <span>${offset + 1}–${Math.min(offset + PAGE, load.data.total)} of ${load.data.total}</span>
          <button type="button" disabled=${offset + PAGE >= load.data.total} onClick=${() => go(form, offset + PAGE)}>Next →</button>
        </nav>`}
      `}
    </section>
  `;
}

/** Entity names starting with what was typed (after a short pause), for the entity filter's list. */
function useEntitySuggestions(typed: string): { name: string; type: string; total: number }[] {
  const [list, setList] = useState<{ name: string; type: string; total: number }[]>([]);
  useEffect(() => {
    const q = typed.trim();
    if (q.length < 2) return setList([]);
    let live = true;
    const timer = setTimeout(() => {
      api.entities(q).then((r) => live && setList(r.entities), () => live && setList([]));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [typed]);
  return list;
}
