// The UI's view of the JSON API: typed fetches, errors as messages a reader can act on.
import type { Copy, Story } from "../../model/index.js";
import type { ArticleCard, StoryCard } from "../../store/desk-queries.js";

// The server's own row types: type-only imports, erased from the browser bundle.
export type { ArticleCard, StoryCard };

export interface Page<K extends string, T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
  key: K;
}

export interface StoryDetail {
  story: Story;
  first_date: string | null;
  last_date: string | null;
  articles: ArticleCard[];
  copies: Copy[];
  families: { original: string; articles: string[]; sources: string[] }[];
}

export interface ArticleDetail {
  id: string;
  title: string | null;
  source: { path: string; name: string | null; url: string | null; agency: string | null; author: string | null };
  published: string | null;
  dateline: string | null;
  text: string;
  sentences: { i: number; text: string; start: number; end: number; paragraph: number }[];
  family: string;
  copy_of: Copy | null;
  story: { id: string; title: string } | null;
}

export interface EntityDetail {
  name: string;
  type: string;
  mentions: number;
  total: number;
  stories: { id: string; title: string; size: number }[];
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function get<T>(path: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { accept: "application/json" } });
  } catch {
    throw new ApiError(0, "The desk cannot be reached. Is storydesk serve still running?");
  }
  const body = (await res.json().catch(() => null)) as (T & { message?: string }) | null;
  if (!res.ok || body === null) throw new ApiError(res.status, body?.message ?? `The desk answered ${res.status}.`);
  return body;
}

const query = (params: Record<string, string | number | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
};

export const api = {
  stories: (params: Record<string, string | number | undefined>) =>
    get<{ total: number; limit: number; offset: number; stories: StoryCard[] }>(`/api/stories${query(params)}`),
  story: (id: string) => get<StoryDetail>(`/api/stories/${encodeURIComponent(id)}`),
  article: (id: string) => get<ArticleDetail>(`/api/articles/${encodeURIComponent(id)}`),
  entity: (name: string, offset = 0) => get<EntityDetail & { limit: number; offset: number }>(`/api/entities/${encodeURIComponent(name)}${query({ offset })}`),
  entities: (q: string) => get<{ entities: { name: string; type: string; total: number }[] }>(`/api/entities${query({ q, limit: 8 })}`),
  briefUrl: (id: string) => `/api/stories/${encodeURIComponent(id)}/brief`,
};

