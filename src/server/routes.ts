// The JSON API, under /api. Each route: its schemas (validation, serialisation, OpenAPI), one or two
// queries from store/desk-queries.ts, a pure shaping step from view.ts.

import type { FastifyPluginAsync } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { briefFromStore } from "../corpus/index.js";
import { explainCopies } from "../copies/index.js";
import type { BriefCopy, Copy } from "../model/index.js";
import type { Store } from "../store/index.js";
import * as dq from "../store/desk-queries.js";
import * as S from "./schemas.js";
import { uploadName, type Uploads } from "./upload.js";
import { authorized } from "./follows.js";
import { articleDetail, groupFamilies } from "./view.js";
import { RecentValues, VersionedCache } from "./cache.js";

export interface ApiOptions {
  store: Store;
  /** Memory for kept story pages, in bytes (UTF-16 code units). */
  storyCacheBytes: number;
  token: string | null;
  uploads: Uploads;
  bodyLimit: number;
}

const notFound = (what: string) => ({ statusCode: 404, error: "Not Found", message: what });

export const apiRoutes: FastifyPluginAsync<ApiOptions> = async (plain, { store, token, uploads, bodyLimit, storyCacheBytes }) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const { db, dialect } = store;
  /** Copies with their evidence (shared sentence pairs, why the original), worked out from the two texts as a briefing does. */
  const withEvidence = async (copies: Copy[]): Promise<BriefCopy[]> =>
    copies.length === 0 ? [] : explainCopies(copies, await dq.articlesByIds(db, [...new Set(copies.flatMap((c) => [c.copy, c.of]))]));
  // Story pages of big stories are megabytes: kept until the story's output is written again.
  const stories = new VersionedCache(storyCacheBytes);
  // A list's total may be a second old: another process's ingest (or a poll) shows within a second, an upload at once.
  const totals = new RecentValues<number>(1000);

  app.get(
    "/stories",
    {
      schema: {
        summary: "Stories, filtered and paginated",
        description: "Filters combine: date range (stories whose article dates reach into it), entity, source (outlet), text query.",
        tags: ["stories"],
        querystring: S.StoryListQuery,
        response: { 200: S.StoryList, ...S.ERRORS },
      },
    },
    async (req) => {
      const q = req.query;
      const filter = { since: q.since, until: q.until, entity: q.entity, source: q.source, q: q.q };
      const [total, page] = await Promise.all([
        totals.get(JSON.stringify(filter), () => dq.countStories(db, dialect, filter)),
        dq.storyPage(db, dialect, { ...filter, sort: q.sort, limit: q.limit, offset: q.offset }),
      ]);
      return { total, limit: q.limit, offset: q.offset, stories: page };
    },
  );

  app.get(
    "/stories/:id",
    {
      schema: {
        summary: "One story: summary, events, timeline, quotes, entities, disagreements, its articles, copies and sources by copy family",
        tags: ["stories"],
        params: S.IdParams,
        response: { 200: S.StoryDetail, ...S.ERRORS },
      },
    },
    async (req, reply) => {
      const head = await dq.storyVersion(db, req.params.id);
      const row = head && (await dq.storyByNo(db, head.story));
      if (!head || !row) return reply.code(404).send(notFound(`no story ${req.params.id}`));
      const key = String(head.story);
      const cached = head.version > 0 ? stories.get(key, head.version) : undefined;
      if (cached) return reply.type("application/json; charset=utf-8").send(cached as never);
      const articles = await dq.storyArticles(db, row.story);
      // The copy relations alone: their evidence is on each article's page and in the story's brief (a big
      // story's evidence aligns hundreds of texts, seconds of work on a page that lists its sources).
      const copies = await dq.copiesAmong(db, articles.map((a) => a.id));
      const rest = { first_date: row.first_date, last_date: row.last_date, articles, copies, families: groupFamilies(articles) };
      // The stored story is brief@1 JSON already (written by JSON.stringify, checked against the contract by
      // the tests): it goes out as stored instead of being parsed and serialised again, which took most of
      // the time of a big story's page (a 1,000-article story is over 1 MB).
      const body = `{"story":${row.json},${JSON.stringify(rest).slice(1)}`;
      if (head.version > 0) stories.set(key, head.version, body);
      return reply.type("application/json; charset=utf-8").send(body as never);
    },
  );

  app.get(
    "/stories/:id/brief",
    {
      schema: {
        summary: "The storydesk/brief@1 briefing of one story (its articles, copies and the story)",
        tags: ["stories"],
        params: S.IdParams,
        response: { 200: S.BriefRef, ...S.ERRORS },
      },
    },
    async (req, reply) => {
      const brief = await briefFromStore(store, { story: req.params.id });
      if (brief.stories.length === 0) return reply.code(404).send(notFound(`no story ${req.params.id}`));
      return brief;
    },
  );

  app.get(
    "/articles/:id",
    {
      schema: {
        summary: "One article with its text and sentences (offsets into the text), its story and what it copies",
        tags: ["articles"],
        params: S.IdParams,
        response: { 200: S.ArticleDetail, ...S.ERRORS },
      },
    },
    async (req, reply) => {
      const row = await dq.articleById(db, req.params.id);
      if (!row) return reply.code(404).send(notFound(`no article ${req.params.id}`));
      const [copy] = await withEvidence((await dq.copiesAmong(db, [row.id])) as Copy[]);
      return articleDetail(row, copy);
    },
  );

  app.get(
    "/entities",
    {
      schema: {
        summary: "Entities whose name starts with q (any case), most widespread first, each with its biggest stories",
        tags: ["entities"],
        querystring: S.EntitySearchQuery,
        response: { 200: S.EntityList, ...S.ERRORS },
      },
    },
    async (req) => {
      const { q, limit, offset } = req.query;
      const found = await dq.searchEntities(db, dialect, q, limit, offset, 5);
      return { total: found.total, limit, offset, entities: found.entities };
    },
  );

  app.get(
    "/entities/:name",
    {
      schema: {
        summary: "One entity (exact name) and the stories naming it, biggest first",
        tags: ["entities"],
        params: S.NameParams,
        querystring: S.PagingQuery,
        response: { 200: S.EntityStories, ...S.ERRORS },
      },
    },
    async (req, reply) => {
      const { limit, offset } = req.query;
      const found = await dq.entityStories(db, req.params.name, limit, offset);
      if (found.total === 0) return reply.code(404).send(notFound(`no entity named ${req.params.name}`));
      return { name: req.params.name, type: found.type ?? "other", mentions: found.mentions, total: found.total, stories: found.stories, limit, offset };
    },
  );

  app.get(
    "/search",
    {
      schema: {
        summary: "Articles holding all the words of q, newest first, with their stories",
        tags: ["articles"],
        querystring: S.SearchQuery,
        response: { 200: S.SearchResult, ...S.ERRORS },
      },
    },
    async (req) => {
      const { q, limit, offset } = req.query;
      const found = await dq.searchArticles(db, dialect, q, limit, offset);
      return { total: found.total, limit, offset, articles: found.articles };
    },
  );

  // Ingest takes the body as bytes, whatever its type: the readers decide the format.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "buffer", bodyLimit }, (_req, body, done) => done(null, body));
    scope.withTypeProvider<TypeBoxTypeProvider>().post(
      "/ingest",
      {
        schema: {
          summary: "Add articles: the body is one input in any format storydesk reads (text, web page, feed, JSON lines, WARC; gzip too)",
          description:
            "Needs `Authorization: Bearer <token>` (the token storydesk serve was started with: STORYDESK_TOKEN or --token). Without a configured token, ingest over HTTP is off (403).",
          tags: ["ingest"],
          security: [{ bearer: [] }],
          querystring: S.IngestQuery,
          response: { 200: S.IngestResult, 401: S.ErrorBody, 403: S.ErrorBody, 413: S.ErrorBody, ...S.ERRORS },
        },
      },
      async (req, reply) => {
        if (!authorized(req, reply, token, "ingest")) return reply;
        const body = req.body as Buffer | undefined;
        if (!body || body.length === 0) return reply.code(400).send({ statusCode: 400, error: "Bad Request", message: "the body is empty: send the articles to add" });
        const summary = await uploads.ingest(body, uploadName(req.query.name, req.headers["content-type"]));
        totals.clear();
        return { ...summary, seconds: Math.round(summary.seconds * 1000) / 1000 };
      },
    );
  });

  app.get("/", { schema: { hide: true } }, async () => ({
    api: "storydesk desk API",
    openapi: "/openapi.json",
    routes: ["/api/stories", "/api/stories/{id}", "/api/stories/{id}/brief", "/api/articles/{id}", "/api/entities?q=", "/api/entities/{name}", "/api/search?q=", "POST /api/ingest", "/api/follows"],
  }));
};
