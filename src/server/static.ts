// The web UI, served by the API's process: the built files of dist/ui (npm run build), loaded once, and
// index.html for every page address so the UI's own router takes over. Security headers on every answer.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import type { FastifyPluginAsync } from "fastify";

/**
 * No inline script or style, nothing from elsewhere: article text that slipped into markup could run nothing.
 * Styles set through the DOM (uPlot's and the UI's own positioning) are not inline styles and stay allowed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const SECURITY_HEADERS: Record<string, string> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
};

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".map": "application/json",
};

/** The pages of the UI (its router draws them from the address). */
const PAGES = ["/", "/stories/:id", "/articles/:id", "/entities/:name"];

export const uiRoutes: FastifyPluginAsync<{ dir: string }> = async (app, { dir }) => {
  if (!existsSync(join(dir, "index.html"))) {
    throw new Error(`the web UI is not built (no ${join(dir, "index.html")}): run npm run build, or serve the API alone with --no-ui`);
  }
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(dir)) if (TYPES[extname(name)]) files.set(name, readFileSync(join(dir, name)));
  const index = files.get("index.html")!;
  for (const page of PAGES) {
    app.get(page, { schema: { hide: true } }, async (_req, reply) => reply.type(TYPES[".html"]).header("cache-control", "no-cache").send(index));
  }
  app.get("/assets/:name", { schema: { hide: true } }, async (req, reply) => {
    const name = (req.params as { name: string }).name;
    const body = name === "index.html" ? undefined : files.get(name);
    if (!body) return reply.code(404).send({ statusCode: 404, error: "Not Found", message: `no asset ${name}` });
    return reply.type(TYPES[extname(name)]).header("cache-control", "public, max-age=300").send(body);
  });
};
