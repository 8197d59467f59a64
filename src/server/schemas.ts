// One set of schemas for the HTTP API: fastify validates requests and serialises responses with them, and
// @fastify/swagger turns them into /openapi.json. Story, copy and brief shapes are not restated here: they
// are references into the brief@1 contract (schema/brief.schema.json), registered with the server.

import { readFileSync } from "node:fs";
import { Type, type Static, type TSchema } from "typebox";
import type { Brief, BriefCopy, Copy, Story } from "../model/index.js";
import { packageRoot } from "./paths.js";

export const BRIEF_SCHEMA_ID = "https://storydesk.dev/schema/brief@1.json";

/** The brief@1 JSON Schema, as shipped in schema/. */
export function briefJsonSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(`${packageRoot()}/schema/brief.schema.json`, "utf8")) as Record<string, unknown>;
}

/** A reference into the brief@1 contract, typed as the model type it describes. */
const briefRef = <T>(definition: string | null) =>
  Type.Unsafe<T>({ $ref: definition ? `${BRIEF_SCHEMA_ID}#/definitions/${definition}` : BRIEF_SCHEMA_ID });

export const StoryRef = briefRef<Story>("story");
export const CopyRef = briefRef<Copy>("copy");
/** A copy relation with its evidence (shared sentence pairs, why the original), as in a briefing. */
export const EvidencedCopyRef = briefRef<BriefCopy>("briefCopy");
export const BriefRef = briefRef<Brief>(null);

/** Limits on lists: a page never holds more than MAX_PAGE items. */
export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

const DateParam = Type.String({ pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$", description: "YYYY-MM-DD, YYYY-MM or YYYY" });
const Text = (description: string) => Type.String({ minLength: 1, maxLength: 200, description });
const Paging = {
  limit: Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: DEFAULT_PAGE, description: `items per page (1–${MAX_PAGE})` }),
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0, description: "items to skip" }),
};
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Id = Type.String({ minLength: 1, maxLength: 200 });

export const StoryListQuery = Type.Object(
  {
    since: Type.Optional(DateParam),
    until: Type.Optional(DateParam),
    entity: Type.Optional(Text("an entity's name, as stories list it")),
    source: Type.Optional(Text("an outlet's name, as articles list it")),
    q: Type.Optional(Text("words that must all occur in one of the story's articles")),
    sort: Type.Union([Type.Literal("recent"), Type.Literal("size")], { default: "recent", description: "recent: latest article date first; size: most articles first" }),
    ...Paging,
  },
  { additionalProperties: false },
);
export type StoryListQuery = Static<typeof StoryListQuery>;

export const PagingQuery = Type.Object(Paging, { additionalProperties: false });
export type PagingQuery = Static<typeof PagingQuery>;

export const SearchQuery = Type.Object({ q: Text("words that must all occur in the article"), ...Paging }, { additionalProperties: false });
export type SearchQuery = Static<typeof SearchQuery>;

export const EntitySearchQuery = Type.Object({ q: Text("the start of an entity's name, any case"), ...Paging }, { additionalProperties: false });
export type EntitySearchQuery = Static<typeof EntitySearchQuery>;

export const IdParams = Type.Object({ id: Id });
export const NameParams = Type.Object({ name: Id });

export const StoryCard = Type.Object({
  id: Type.String(),
  title: Type.String(),
  size: Type.Integer({ description: "articles" }),
  first_date: Nullable(Type.String()),
  last_date: Nullable(Type.String()),
  voices: Type.Integer({ description: "independent voices: copy families" }),
});

const Page = <T extends TSchema>(key: string, item: T) =>
  Type.Object({ total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer(), [key]: Type.Array(item) });

export const StoryList = Page("stories", StoryCard);

export const ArticleCard = Type.Object({
  id: Type.String(),
  title: Nullable(Type.String()),
  source_name: Nullable(Type.String()),
  source_url: Nullable(Type.String()),
  agency: Nullable(Type.String()),
  author: Nullable(Type.String()),
  published: Nullable(Type.String()),
  family: Type.String({ description: "the id of its copy family's original" }),
});

export const Family = Type.Object({
  original: Type.String({ description: "the family's original article" }),
  articles: Type.Array(Type.String(), { description: "the original first, then its copies" }),
  sources: Type.Array(Type.String(), { description: "the outlets carrying it" }),
});

export const StoryDetail = Type.Object({
  story: StoryRef,
  first_date: Nullable(Type.String()),
  last_date: Nullable(Type.String()),
  articles: Type.Array(ArticleCard),
  copies: Type.Array(CopyRef),
  families: Type.Array(Family, { description: "sources grouped by copy family, biggest first; their count is the story's independent voices" }),
});

export const Sentence = Type.Object({ i: Type.Integer(), text: Type.String(), start: Type.Integer(), end: Type.Integer(), paragraph: Type.Integer() });

export const ArticleDetail = Type.Object({
  id: Type.String(),
  title: Nullable(Type.String()),
  source: Type.Object({
    path: Type.String(),
    name: Nullable(Type.String()),
    url: Nullable(Type.String()),
    agency: Nullable(Type.String()),
    author: Nullable(Type.String()),
  }),
  published: Nullable(Type.String()),
  dateline: Nullable(Type.String()),
  text: Type.String(),
  sentences: Type.Array(Sentence),
  family: Type.String(),
  copy_of: Nullable(EvidencedCopyRef),
  story: Nullable(Type.Object({ id: Type.String(), title: Type.String() })),
});

const StoryLink = Type.Object({ id: Type.String(), title: Type.String(), size: Type.Integer() });

export const EntityDetail = Type.Object({
  name: Type.String(),
  type: Type.String(),
  mentions: Type.Integer(),
  total: Type.Integer({ description: "stories naming it" }),
  stories: Type.Array(StoryLink),
});

export const EntityList = Page("entities", EntityDetail);
export const EntityStories = Type.Intersect([EntityDetail, Type.Object({ limit: Type.Integer(), offset: Type.Integer() })]);

export const SearchHit = Type.Object({
  id: Type.String(),
  title: Nullable(Type.String()),
  source_name: Nullable(Type.String()),
  published: Nullable(Type.String()),
  story_id: Nullable(Type.String()),
  story_title: Nullable(Type.String()),
});
export const SearchResult = Page("articles", SearchHit);

export const IngestQuery = Type.Object(
  {
    name: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        pattern: "^[^/\\\\\\u0000]+$",
        description: "a file name whose extension names the format (news.rss, crawl.jsonl.gz, page.html); else the content type, else the first bytes decide",
      }),
    ),
  },
  { additionalProperties: false },
);
export type IngestQuery = Static<typeof IngestQuery>;

export const InputErrorSchema = Type.Object({ code: Type.String(), path: Type.String(), message: Type.String() });

export const IngestResult = Type.Object({
  read: Type.Integer({ description: "documents read" }),
  added: Type.Integer({ description: "new articles stored" }),
  duplicates: Type.Integer({ description: "articles already in the corpus" }),
  assigned: Type.Integer(),
  storiesUpdated: Type.Integer(),
  seconds: Type.Number(),
  errors: Type.Array(InputErrorSchema),
});

export const ErrorBody = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String({ description: "the HTTP status text" }),
  message: Type.String({ description: "what went wrong, for a person" }),
});

/** Error responses every route may give. */
export const ERRORS = { 400: ErrorBody, 404: ErrorBody, 500: ErrorBody, 503: ErrorBody };
