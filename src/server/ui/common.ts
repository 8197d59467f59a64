// Small pieces every page uses: loading state, errors, dates, plurals.
import { html } from "htm/preact";
import { useEffect, useState } from "preact/hooks";
import { ApiError } from "./api.js";

export type Load<T> = { state: "loading" } | { state: "error"; message: string; status: number } | { state: "ready"; data: T };

/** Runs `fetcher` whenever `key` changes; a late answer for an old key is dropped. */
export function useLoad<T>(key: string, fetcher: () => Promise<T>): Load<T> {
  const [load, setLoad] = useState<Load<T>>({ state: "loading" });
  useEffect(() => {
    let live = true;
    setLoad({ state: "loading" });
    fetcher().then(
      (data) => live && setLoad({ state: "ready", data }),
      (e: unknown) => live && setLoad({ state: "error", message: e instanceof Error ? e.message : String(e), status: e instanceof ApiError ? e.status : 0 }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return load;
}

export function Status({ load }: { load: Load<unknown> }) {
  if (load.state === "loading") return html`<p class="status" role="status">Loading…</p>`;
  if (load.state === "error") {
    return html`<div class="status error" role="alert">
      <p><strong>${load.status === 404 ? "Not found." : "Something went wrong."}</strong> ${load.message}</p>
      <p><a href="/">Back to the stories</a></p>
    </div>`;
  }
  return null;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

export function dateRange(first: string | null, last: string | null): string {
  if (!first && !last) return "undated";
  if (!first || !last || first === last) return (first ?? last)!;
  return `${first} – ${last}`;
}

/** Sets the document title for the page shown. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · storydesk` : "storydesk";
  }, [title]);
}
