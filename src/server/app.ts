// The desk's HTTP server: the JSON API under /api, its OpenAPI document at /openapi.json, and the web UI,
// in one fastify instance over one corpus. Thin: validate, call a query, shape, reply.

import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyServerOptions } from "fastify";
import swagger from "@fastify/swagger";
import addFormats from "ajv-formats";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { Store } from "../store/index.js";
import { briefJsonSchema } from "./schemas.js";
import { apiRoutes } from "./routes.js";
import { uiRoutes, SECURITY_HEADERS } from "./static.js";
import { Uploads } from "./upload.js";
import { followRoutes } from "./follows.js";
import type { Serial } from "../follow/index.js";

export interface ServerOptions {
  /** The corpus the API reads. */
  store: Store;
  /** The corpus handle ingest writes through (a second SQLite connection, so reads go on meanwhile); default `store`. */
  writer?: Store;
  /** Bearer token for POST /api/ingest; without one, ingest over HTTP is off. */
  token?: string | null;
  /** Largest request body in bytes (an ingest upload). */
  bodyLimit?: number;
  /** Time a read request may take before it is answered 503, in ms. */
  requestTimeout?: number;
  /** fastify's logger: false for none, or pino options (JSON lines). */
  logger?: FastifyServerOptions["logger"];
  /** Memory for story pages kept until their story changes (default 64 Mi characters). */
  storyCacheBytes?: number;
  /** Folder of the built web UI; null serves the API only. */
  ui?: string | null;
  /** Let followed sources point at private, loopback and link-local addresses. */
  allowPrivate?: boolean;
  /** Runs ingests one at a time; share it with a poller ingesting into the same store. */
  serial?: Serial;
}

export const DEFAULTS = { bodyLimit: 64 * 1024 * 1024, requestTimeout: 10_000, storyCacheBytes: 64 * 1024 * 1024 };

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const bodyLimit = options.bodyLimit ?? DEFAULTS.bodyLimit;
  const requestTimeout = options.requestTimeout ?? DEFAULTS.requestTimeout;
  const app = Fastify({
    logger: options.logger ?? false,
    // One line per request (onResponse below) instead of fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit,
    // Receiving a request (headers and body) may take this long; a slow client is cut off after it.
    requestTimeout: Math.max(requestTimeout, 60_000),
    connectionTimeout: 120_000,
    forceCloseConnections: "idle",
    return503OnClosing: true,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: "array", useDefaults: true, allErrors: false }, plugins: [addFormats as never] },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addSchema(briefJsonSchema());
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "storydesk desk API",
        version: "1",
        description: "Stories, articles, entities and briefings (storydesk/brief@1) of a storydesk corpus. Every summary sentence cites the article sentences it comes from.",
      },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    },
  });

  app.addHook("onRequest", async (request, reply) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
    // A read that runs past the limit is answered 503 rather than holding the client forever.
    if (request.method !== "POST") {
      const timer = setTimeout(() => {
        if (!reply.sent) void reply.code(503).send({ statusCode: 503, error: "Service Unavailable", message: `the request took longer than ${requestTimeout} ms` });
      }, requestTimeout);
      timer.unref();
      reply.raw.once("close", () => clearTimeout(timer));
    }
  });

  app.addHook("onResponse", async (request, reply) => {
    request.log.info(
      { method: request.method, path: request.routeOptions.url ?? null, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 },
      "request",
    );
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) return reply.code(400).send({ statusCode: 400, error: "Bad Request", message: validationMessage(error) });
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, "request failed");
    // Client errors say what was wrong (body too large, bad content type…); server errors say no more than that.
    const message = status < 500 ? error.message : "the server could not answer this request";
    return reply.code(status).send({ statusCode: status, error: statusText(status), message });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ statusCode: 404, error: "Not Found", message: `no such route: ${request.method} ${request.url.split("?")[0]}` });
  });

  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  const uploads = new Uploads(options.writer ?? options.store, options.serial);
  await app.register(apiRoutes, { prefix: "/api", store: options.store, token: options.token ?? null, uploads, bodyLimit, storyCacheBytes: options.storyCacheBytes ?? DEFAULTS.storyCacheBytes });
  await app.register(followRoutes, { prefix: "/api", store: options.writer ?? options.store, token: options.token ?? null, allowPrivate: options.allowPrivate ?? false });
  if (options.ui) await app.register(uiRoutes, { dir: options.ui });
  return app;
}

/** What was wrong with the request, naming the parameter: `limit must be <= 100`, `unknown parameter "foo"`. */
function validationMessage(error: FastifyError): string {
  const first = error.validation![0];
  const where = error.validationContext ?? "request";
  const field = first.instancePath.replace(/^\//, "").replace(/\//g, ".");
  if (first.keyword === "additionalProperties") {
    return `bad ${where}: unknown parameter "${String((first.params as { additionalProperty?: string }).additionalProperty)}"`;
  }
  if (first.keyword === "required") return `bad ${where}: ${String((first.params as { missingProperty?: string }).missingProperty)} is required`;
  return `bad ${where}: ${field || where} ${first.message ?? "is not valid"}`;
}

function statusText(status: number): string {
  const texts: Record<number, string> = {
    400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 408: "Request Timeout",
    413: "Payload Too Large", 415: "Unsupported Media Type", 429: "Too Many Requests", 500: "Internal Server Error", 503: "Service Unavailable",
  };
  return texts[status] ?? (status < 500 ? "Bad Request" : "Internal Server Error");
}
