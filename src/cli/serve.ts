// `storydesk serve`: the desk (HTTP API and web UI) over a corpus, until SIGTERM or Ctrl-C.
import type { Command } from "commander";
import { InvalidArgumentError } from "commander";
import { buildServer, DEFAULTS } from "../server/app.js";
import { uiDir } from "../server/paths.js";
import { terminalLine } from "../render/index.js";
import { openCorpus, type CommandResult } from "./common.js";
import { defaultDb } from "./ingest.js";
import { Serial, startPolling } from "../follow/index.js";

interface ServeOptions {
  db?: string;
  port: number;
  host: string;
  token?: string;
  ui: boolean;
  maxBodyMb: number;
  timeout: number;
  pool: number;
  logLevel: string;
  poll: boolean;
  allowPrivate: boolean;
}

const integer = (min: number, max: number) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
  return n;
};

export function addServeCommand(program: Command, result: CommandResult): void {
  program
    .command("serve")
    .description("Serve the desk over a corpus: the JSON API (/api, described at /openapi.json) and the web UI.")
    .option("--db <file|url>", "the corpus: a SQLite file or a postgres:// URL (default: $STORYDESK_DB, else ./storydesk.db)")
    .option("--port <n>", "port to listen on (0: any free one)", integer(0, 65535), 8080)
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--token <token>", "bearer token that allows POST /api/ingest (default: $STORYDESK_TOKEN; without one, ingest over HTTP is off)")
    .option("--no-ui", "serve the API only")
    .option("--max-body-mb <n>", "largest request body (an ingest upload), in MiB", integer(1, 4096), DEFAULTS.bodyLimit / 1024 / 1024)
    .option("--timeout <ms>", "time a read request may take before it is answered 503", integer(100, 600_000), DEFAULTS.requestTimeout)
    .option("--pool <n>", "PostgreSQL: most database connections, shared by the requests in flight", integer(1, 200), 10)
    .option("--log-level <level>", "request log level (JSON lines on standard output): info, warn, error, silent", "info")
    .option("--poll", "poll the followed sources while serving (storydesk follow, or POST /api/follows)", false)
    .option("--allow-private", "let followed sources point at private, loopback and link-local addresses", false)
    .addHelpText(
      "after",
      `
Examples:
  $ storydesk serve --db corpus.db                       # http://127.0.0.1:8080/
  $ STORYDESK_TOKEN=s3cret storydesk serve --db postgres://user@host/news --host 0.0.0.0 --port 8080
  $ curl -s 'http://127.0.0.1:8080/api/stories?q=river&sort=size&limit=5'
  $ curl -s -H 'Authorization: Bearer s3cret' --data-binary @feed.rss 'http://127.0.0.1:8080/api/ingest?name=feed.rss'
  $ STORYDESK_TOKEN=s3cret storydesk serve --db corpus.db --poll
  $ curl -s -H 'Authorization: Bearer s3cret' -H 'Content-Type: application/json' -d '{"urls":["https://example.org/feed.xml"]}' http://127.0.0.1:8080/api/follows`,
    )
    .action(async (opts: ServeOptions) => {
      const location = opts.db ?? defaultDb();
      const store = await openCorpus(location, result, { poolSize: opts.pool });
      if (!store) return;
      const token = opts.token ?? process.env.STORYDESK_TOKEN ?? null;
      // On SQLite, ingest writes through a connection of its own so reads are not queued behind it (WAL).
      const writes = Boolean(token) || opts.poll;
      const writer = writes && store.dialect === "sqlite" ? await openCorpus(location, result) : null;
      if (writes && store.dialect === "sqlite" && !writer) return void (await store.close());
      // Uploads and polls ingest one at a time.
      const serial = new Serial();
      let poller: ReturnType<typeof startPolling> | null = null;
      let app;
      try {
        app = await buildServer({
          store,
          writer: writer ?? undefined,
          token: token || null,
          bodyLimit: opts.maxBodyMb * 1024 * 1024,
          requestTimeout: opts.timeout,
          logger: opts.logLevel === "silent" ? false : { level: opts.logLevel },
          ui: opts.ui ? uiDir() : null,
          allowPrivate: opts.allowPrivate,
          serial,
        });
        if (opts.poll) {
          poller = startPolling(writer ?? store, location, { allowPrivate: opts.allowPrivate, serial });
          poller.done.catch((e: Error) => process.stderr.write(`storydesk: polling stopped: ${terminalLine(e.message)}\n`));
        }
        const address = await app.listen({ port: opts.port, host: opts.host });
        process.stderr.write(
          `storydesk: serving ${store.location} at ${address}/ (API: ${address}/api, ${address}/openapi.json; ingest over HTTP ${token ? "on" : "off"}; polling followed sources ${opts.poll ? "on" : "off"})\n`,
        );
      } catch (e) {
        process.stderr.write(`storydesk: cannot serve: ${terminalLine((e as Error).message)}\n`);
        await app?.close().catch(() => {});
        await poller?.stop();
        await writer?.close();
        await store.close();
        result.exitCode = 2;
        return;
      }
      // Graceful stop: no new connections, requests in flight finish, then the corpus is closed.
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          process.stderr.write(`storydesk: ${signal}: finishing requests in flight, then stopping\n`);
          void app
            .close()
            .catch(() => {})
            .then(() => poller?.stop())
            .then(() => writer?.close())
            .then(() => store.close())
            .finally(resolve);
        };
        process.once("SIGTERM", () => stop("SIGTERM"));
        process.once("SIGINT", () => stop("SIGINT"));
      });
    });
}
