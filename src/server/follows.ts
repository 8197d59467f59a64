// Followed sources over HTTP: list them, follow and unfollow (writes, so behind the same bearer token as
// ingest). Polling itself runs beside the server (storydesk serve --poll), through src/follow.

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { follow, listFollowed, unfollow } from "../follow/index.js";
import type { Store } from "../store/index.js";
import * as S from "./schemas.js";
import { tokenMatches } from "./upload.js";

export interface FollowRouteOptions {
  store: Store;
  token: string | null;
  /** Let followed URLs point at private, loopback and link-local addresses (off by default). */
  allowPrivate: boolean;
}

const Source = Type.Object({
  id: Type.Integer(),
  url: Type.String(),
  everySeconds: Type.Integer(),
  itemPages: Type.Boolean(),
  added: Type.String(),
  nextDue: Type.String(),
  kind: Type.Union([Type.Literal("feed"), Type.Literal("page"), Type.Null()]),
  lastPolled: Type.Union([Type.String(), Type.Null()]),
  lastOk: Type.Union([Type.String(), Type.Null()]),
  lastStatus: Type.Union([Type.Integer(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  failures: Type.Integer(),
  lastAdded: Type.Integer(),
  totalAdded: Type.Integer(),
});

const FollowBody = Type.Object(
  {
    urls: Type.Array(Type.String({ minLength: 1, maxLength: 2048 }), { minItems: 1, maxItems: 100 }),
    everySeconds: Type.Optional(Type.Integer({ minimum: 60, maximum: 30 * 86400, description: "how often to poll (default 15 minutes)" })),
    itemPages: Type.Optional(Type.Boolean({ description: "fetch each new feed item's page for its full text" })),
  },
  { additionalProperties: false },
);

const FollowResult = Type.Object({
  added: Type.Array(Type.String()),
  updated: Type.Array(Type.String()),
  refused: Type.Array(Type.Object({ url: Type.String(), message: Type.String() })),
});

const UnfollowQuery = Type.Object({ url: Type.String({ minLength: 1, maxLength: 2048 }) }, { additionalProperties: false });

/** Answers 403 when writes over HTTP are off, 401 without the right bearer token; true when allowed. */
export function authorized(req: FastifyRequest, reply: FastifyReply, token: string | null, what: string): boolean {
  if (!token) {
    void reply.code(403).send({
      statusCode: 403, error: "Forbidden",
      message: `${what} over HTTP is off: start storydesk serve with STORYDESK_TOKEN set or --token to allow it`,
    });
    return false;
  }
  if (!tokenMatches(req.headers.authorization, token)) {
    reply.header("WWW-Authenticate", 'Bearer realm="storydesk"');
    void reply.code(401).send({ statusCode: 401, error: "Unauthorized", message: `${what} needs the header Authorization: Bearer <token>` });
    return false;
  }
  return true;
}

export const followRoutes: FastifyPluginAsync<FollowRouteOptions> = async (plain, { store, token, allowPrivate }) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const writes = { security: [{ bearer: [] }], tags: ["follow"] };

  app.get(
    "/follows",
    { schema: { summary: "The followed feeds and pages, with when each was polled and how it went", tags: ["follow"], response: { 200: Type.Object({ sources: Type.Array(Source) }), ...S.ERRORS } } },
    async () => ({ sources: await listFollowed(store) }),
  );

  app.post(
    "/follows",
    { schema: { ...writes, summary: "Follow feeds or pages (http and https; private addresses refused unless the server allows them)", body: FollowBody, response: { 200: FollowResult, 401: S.ErrorBody, 403: S.ErrorBody, ...S.ERRORS } } },
    async (req, reply) => {
      if (!authorized(req, reply, token, "following sources")) return reply;
      return follow(store, req.body.urls, { everySeconds: req.body.everySeconds, itemPages: req.body.itemPages, allowPrivate });
    },
  );

  app.delete(
    "/follows",
    { schema: { ...writes, summary: "Stop following a feed or page", querystring: UnfollowQuery, response: { 200: Type.Object({ removed: Type.Array(Type.String()) }), 401: S.ErrorBody, 403: S.ErrorBody, ...S.ERRORS } } },
    async (req, reply) => {
      if (!authorized(req, reply, token, "unfollowing sources")) return reply;
      const removed = await unfollow(store, [req.query.url]);
      if (removed.length === 0) return reply.code(404).send({ statusCode: 404, error: "Not Found", message: `${req.query.url} is not followed` });
      return { removed };
    },
  );
};
