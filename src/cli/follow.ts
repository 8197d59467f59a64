// `storydesk follow` (which feeds and pages a corpus follows) and `storydesk poll` (fetch what is due and
// ingest what is new). The work is in src/follow; this file parses, calls and prints.
import { InvalidArgumentError, type Command } from "commander";
import {
  FETCH_DEFAULTS, follow, formatInterval, listFollowed, parseInterval, parseRanges, pollDue, runPoller, runQueuedPoller, unfollow,
  DEFAULT_EVERY_SECONDS, MIN_EVERY_SECONDS, type FollowedSource, type PollerOptions, type SourceReport,
} from "../follow/index.js";
import { terminalLine } from "../render/index.js";
import { openCorpus, untilStopped, type CommandResult } from "./common.js";
import { defaultDb } from "./ingest.js";

function interval(min: number): (v: string) => number {
  return (v) => {
    const s = parseInterval(v);
    if (s === null) throw new InvalidArgumentError("expected a duration such as 30s, 15m, 2h or 1d");
    if (s < min) throw new InvalidArgumentError(`at least ${formatInterval(min)}`);
    return s;
  };
}

function bytes(v: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?\s*$/i.exec(v);
  if (!m) throw new InvalidArgumentError("expected a size such as 500KiB or 10MiB");
  const unit = (m[2] ?? "b").toLowerCase()[0];
  return Math.round(Number(m[1]) * ({ b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 } as Record<string, number>)[unit]);
}

/** Collects CIDR ranges, each checked as it is given. */
function cidr(v: string, previous: string[] = []): string[] {
  try {
    parseRanges([v]);
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
  return [...previous, v];
}

function positive(v: string): number {
  const n = Number.parseInt(v, 10);
  if (!(n >= 1)) throw new InvalidArgumentError("expected a whole number of at least 1");
  return n;
}

/** "2026-12-01T16:05:00.000Z" → "2026-12-01 16:05 UTC"; short, and the same on every machine. */
function when(iso: string | null): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : "never";
}

function listing(sources: FollowedSource[]): string {
  if (!sources.length) return "No sources are followed. Add one: storydesk follow URL\n";
  const lines: string[] = [];
  for (const s of sources) {
    const state = s.lastPolled === null ? "not polled yet" : s.lastError && s.failures > 0
      ? `failing (${s.failures} in a row, last status ${s.lastStatus ?? "none"})`
      : `ok (status ${s.lastStatus}${s.kind ? `, ${s.kind}` : ""})`;
    lines.push(`${s.id}  ${terminalLine(s.url)}`);
    lines.push(`    every ${formatInterval(s.everySeconds)}${s.itemPages ? ", item pages fetched" : ""}; ${state}; last poll ${when(s.lastPolled)}; next ${when(s.nextDue)}`);
    lines.push(`    articles added: ${s.totalAdded} (last poll: ${s.lastAdded})`);
    if (s.lastError) lines.push(`    ${s.failures > 0 ? "error" : "note"}: ${terminalLine(s.lastError)}`);
  }
  return lines.join("\n") + "\n";
}

function reportLine(r: SourceReport): string {
  const url = terminalLine(r.url);
  if (r.outcome === "error") return `${url}: failed: ${r.error}; next try ${when(r.nextDue)}`;
  if (r.outcome === "not-modified") return `${url}: not modified`;
  const items = r.kind === "feed" ? ` (feed: ${r.items} items, ${r.seen} seen before)` : " (page)";
  const skipped = r.itemErrors.length ? `, ${r.itemErrors.length} item(s) skipped` : "";
  return `${url}: ${r.added} new article${r.added === 1 ? "" : "s"}${items}${skipped}`;
}

export function addFollowCommands(program: Command, result: CommandResult): void {
  program
    .command("follow")
    .description("Follow feeds and pages: storydesk poll fetches them on a schedule and ingests what is new.")
    .argument("[urls...]", "feed or page URLs (http or https) to follow")
    .option("--db <file|url>", "the corpus: a SQLite file, or a postgres:// URL (default: $STORYDESK_DB, else ./storydesk.db)")
    .option("--every <duration>", `time between polls, e.g. 30m, 2h, 1d (at least ${formatInterval(MIN_EVERY_SECONDS)}; default ${formatInterval(DEFAULT_EVERY_SECONDS)})`, interval(MIN_EVERY_SECONDS))
    .option("--item-pages", "for a feed: fetch each new item's linked page for its full text")
    .option("--allow-private", "accept URLs on private, loopback or link-local addresses (an intranet feed)")
    .option("--allow-network <cidr...>", "accept URLs on these private addresses only, e.g. 10.20.0.0/16", cidr)
    .option("--list", "list the followed sources with how their last polls went")
    .option("--remove <urls...>", "stop following these URLs")
    .option("--json", "with --list: print JSON")
    .addHelpText(
      "after",
      `
Following a URL again changes its interval and --item-pages setting. A feed's items are ingested once
each; a followed page is ingested again only when it changed.

Examples:
  $ storydesk follow https://example.com/news.rss https://example.org/feed.json --every 30m
  $ storydesk follow https://example.com/summaries.rss --item-pages
  $ storydesk follow --list
  $ storydesk follow --remove https://example.com/news.rss
  $ storydesk poll            # fetch what is due and ingest new articles, until stopped`,
    )
    .action(async (urls: string[], opts: { db?: string; every?: number; itemPages?: boolean; allowPrivate?: boolean; allowNetwork?: string[]; list?: boolean; remove?: string[]; json?: boolean }) => {
      if (!urls.length && !opts.list && !opts.remove?.length) {
        process.stderr.write("storydesk: give URLs to follow, --list or --remove URL (see storydesk follow --help)\n");
        result.exitCode = 2;
        return;
      }
      const store = await openCorpus(opts.db ?? defaultDb(), result);
      if (!store) return;
      try {
        if (opts.remove?.length) {
          const removed = new Set(await unfollow(store, opts.remove));
          for (const u of removed) process.stderr.write(`storydesk: no longer following ${terminalLine(u)}\n`);
          if (removed.size < opts.remove.length) {
            process.stderr.write(`storydesk: ${opts.remove.length - removed.size} of the URLs to remove were not followed\n`);
            result.exitCode = 1;
          }
        }
        if (urls.length) {
          const r = await follow(store, urls, {
            everySeconds: opts.every, itemPages: opts.itemPages, allowPrivate: opts.allowPrivate, allowAddresses: opts.allowNetwork,
          });
          for (const u of r.added) process.stderr.write(`storydesk: following ${terminalLine(u)}\n`);
          for (const u of r.updated) process.stderr.write(`storydesk: already followed, settings updated: ${terminalLine(u)}\n`);
          for (const x of r.refused) process.stderr.write(`storydesk: refused: ${terminalLine(x.message)}\n`);
          if (r.refused.length) result.exitCode = 1;
        }
        if (opts.list) {
          const sources = await listFollowed(store);
          process.stdout.write(opts.json ? JSON.stringify(sources, null, 2) + "\n" : listing(sources));
        }
      } finally {
        await store.close();
      }
    });

  program
    .command("poll")
    .description("Fetch the followed sources that are due and ingest their new articles; keeps going until stopped, or --once.")
    .option("--db <file|url>", "the corpus: a SQLite file, or a postgres:// URL (default: $STORYDESK_DB, else ./storydesk.db)")
    .option("--once", "poll what is due now, then stop")
    .option("--allow-private", "fetch from private, loopback and link-local addresses too")
    .option("--allow-network <cidr...>", "fetch from these private addresses too, e.g. 10.20.0.0/16 (the rest stay refused)", cidr)
    .option("--timeout <duration>", `time limit per fetch, redirects and body included (default ${FETCH_DEFAULTS.timeoutMs / 1000}s)`, interval(1))
    .option("--max-bytes <size>", `largest response body read, after decompression (default ${FETCH_DEFAULTS.maxBytes / 1024 ** 2}MiB)`, bytes)
    .option("--host-interval <duration>", `least time between two requests to one host (default ${FETCH_DEFAULTS.hostIntervalMs / 1000}s)`, interval(0))
    .option("--concurrency <n>", "sources fetched at once (default 4)", positive)
    .option("--no-queue", "on PostgreSQL: poll in this process instead of through the job queue")
    .addHelpText(
      "after",
      `
On SQLite the polls run in this process. On PostgreSQL each due source becomes a job on the corpus's
job queue, so any number of storydesk poll processes on any machines share the work. A request goes
only to public addresses: a URL or redirect to a private, loopback, link-local, unique-local or
multicast address is refused unless --allow-private is given. A failing source is retried later and
later (its interval doubled with each failure, at most a day); storydesk follow --list shows why.

Examples:
  $ storydesk poll --once                          # e.g. from cron
  $ storydesk poll --db postgres://user@host/news  # on each machine, until stopped`,
    )
    .action(async (opts: { db?: string; once?: boolean; allowPrivate?: boolean; allowNetwork?: string[]; timeout?: number; maxBytes?: number; hostInterval?: number; concurrency?: number; queue: boolean }) => {
      const location = opts.db ?? defaultDb();
      const store = await openCorpus(location, result);
      if (!store) return;
      let failed = 0;
      const options: PollerOptions = {
        allowPrivate: opts.allowPrivate,
        allowAddresses: opts.allowNetwork,
        timeoutMs: opts.timeout !== undefined ? opts.timeout * 1000 : undefined,
        maxBytes: opts.maxBytes,
        hostIntervalMs: opts.hostInterval !== undefined ? opts.hostInterval * 1000 : undefined,
        concurrency: opts.concurrency,
        onSource: (r) => {
          if (r.outcome === "error") failed++;
          process.stderr.write(`storydesk: ${reportLine(r)}\n`);
        },
      };
      // Options left undefined fall back to the fetcher's defaults.
      for (const k of Object.keys(options) as (keyof PollerOptions)[]) if (options[k] === undefined) delete options[k];
      await untilStopped(store, "polling", result, async (signal) => {
        const polling = { ...options, signal };
        let totals: { polls: number; added: number };
        if (store.dialect === "postgres" && opts.queue) {
          totals = await runQueuedPoller(store, location, { ...polling, once: opts.once });
        } else if (opts.once) {
          const reports = await pollDue(store, polling);
          totals = { polls: reports.length, added: reports.reduce((n, r) => n + r.added, 0) };
        } else {
          totals = await runPoller(store, polling);
        }
        process.stderr.write(`storydesk: ${totals.polls} source poll(s), ${totals.added} new article(s) into ${store.location}${failed ? `, ${failed} failed` : ""}\n`);
        if (opts.once && failed > 0) result.exitCode = 1;
      });
    });
}
