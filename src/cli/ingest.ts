// `storydesk ingest`: add articles to a corpus (a SQLite file by default, or PostgreSQL) incrementally.
import type { Command } from "commander";
import { defaultThreads, enqueue, ingest, type IngestProgress } from "../corpus/index.js";
import { readDocuments } from "../read/index.js";
import { terminalLine } from "../render/index.js";
import { openCorpus, type CommandResult } from "./common.js";

/** The corpus used when --db is not given: $STORYDESK_DB, else storydesk.db in the current folder. */
export function defaultDb(): string {
  return process.env.STORYDESK_DB || "storydesk.db";
}

const PHASES: Record<IngestProgress["phase"], string> = {
  prepare: "reading and preparing",
  copies: "finding copies",
  count: "counting terms",
  place: "placing in stories",
  follow: "placing copies",
  stories: "updating stories",
};

/** One redrawn line on a terminal: phase, count, rate and, when the total is known, time left. */
function progressLine(enabled: boolean): { update(p: IngestProgress): void; clear(): string } {
  let phase = "";
  let started = performance.now();
  let drawn = 0;
  return {
    update(p) {
      if (!enabled) return;
      const now = performance.now();
      if (p.phase !== phase) (phase = p.phase), (started = now);
      if (now - drawn < 300) return;
      drawn = now;
      const rate = p.done / Math.max(0.001, (now - started) / 1000);
      const eta = p.total ? `, about ${Math.ceil(Math.max(0, p.total - p.done) / Math.max(rate, 0.001))} s left` : "";
      const unit = p.phase === "stories" ? "stories" : "articles";
      process.stderr.write(`\r\x1b[K${PHASES[p.phase]}: ${p.done}${p.total ? `/${p.total}` : ""} ${unit}, ${rate.toFixed(0)}/s${eta}`);
    },
    clear: () => (enabled && drawn ? "\r\x1b[K" : ""),
  };
}

export function addIngestCommand(program: Command, result: CommandResult): void {
  program
    .command("ingest")
    .description("Add articles to a corpus and update its copies, stories and story briefings incrementally.")
    .argument("<inputs...>", "files or folders (text, HTML, feeds, JSONL, WARC; gzip too)")
    .option("--db <file|url>", "the corpus: a SQLite file, or a postgres:// URL (default: $STORYDESK_DB, else ./storydesk.db)")
    .option("--batch <n>", "articles per transaction", (v) => Math.max(1, Number.parseInt(v, 10) || 500), 500)
    .option("--threads <n>", "worker threads for reading and analysing articles (0: none; default: one per core)", (v) => Math.max(0, Number.parseInt(v, 10) || 0), defaultThreads())
    .option("--queue", "PostgreSQL only: store the inputs as batches for `storydesk worker` processes instead of doing the work")
    .addHelpText(
      "after",
      `
Each new article is read, cleaned and analysed once, then checked against the corpus's copy index and
stories; only the stories it touches are recomputed. An article already in the corpus (same outlet,
title and text) is skipped, so ingesting the same input again changes nothing. Work is committed in
batches: an interrupted ingest keeps every batch it reported and finishes when run again.

Examples:
  $ storydesk ingest news/2024-05/                     # into ./storydesk.db
  $ storydesk ingest feed.rss --db corpus.db
  $ storydesk ingest crawl.warc.gz --db postgres://user@host/news
  $ storydesk ingest crawl/ --db postgres://user@host/news --queue   # then: storydesk worker --db … on each machine
  $ storydesk brief --db corpus.db --since 2024-05-01 --query "river accord"`,
    )
    .action(async (inputs: string[], opts: { db?: string; batch: number; threads: number; queue?: boolean }) => {
      const location = opts.db ?? defaultDb();
      const store = await openCorpus(location, result);
      if (!store) return;
      if (opts.queue) {
        if (store.dialect !== "postgres") {
          process.stderr.write("storydesk: --queue needs a postgres:// corpus that the workers share\n");
          await store.close();
          result.exitCode = 2;
          return;
        }
        try {
          const started = performance.now();
          const summary = await enqueue(store, location, readDocuments(inputs), { batchSize: opts.batch });
          for (const e of summary.errors) process.stderr.write(`storydesk: skipped ${terminalLine(e.message)}\n`);
          process.stderr.write(
            `storydesk: ${summary.read} documents queued in ${summary.batches} batches for ${store.location} in ` +
              `${((performance.now() - started) / 1000).toFixed(1)} s; storydesk worker --db … processes them\n`,
          );
          if (summary.read === 0) result.exitCode = 1;
        } catch (e) {
          process.stderr.write(`storydesk: queueing stopped: ${terminalLine((e as Error).message)}\n`);
          result.exitCode = 2;
        } finally {
          await store.close();
        }
        return;
      }
      const line = progressLine(process.stderr.isTTY === true);
      let stored = 0;
      try {
        const errors = async function* () {
          for await (const item of readDocuments(inputs)) {
            if ("code" in item) process.stderr.write(`${line.clear()}storydesk: skipped ${terminalLine(item.message)}\n`);
            yield item;
          }
        };
        const summary = await ingest(store, errors(), {
          batchSize: opts.batch,
          threads: opts.threads,
          onProgress: (p) => line.update(p),
          onStored: (n) => (stored += n),
        });
        process.stderr.write(line.clear());
        const rate = summary.added / Math.max(summary.seconds, 0.001);
        process.stderr.write(
          `storydesk: ${summary.added} new articles into ${store.location} (${summary.duplicates} already there, ` +
            `${summary.errors.length} skipped) in ${summary.seconds.toFixed(1)} s, ${rate.toFixed(0)} articles/s; ` +
            `${summary.storiesUpdated} stories updated\n`,
        );
        if (summary.read === 0) {
          process.stderr.write("storydesk: no article could be read from the given inputs\n");
          result.exitCode = 1;
        }
      } catch (e) {
        process.stderr.write(`${line.clear()}storydesk: ingest stopped after storing ${stored} new articles: ${terminalLine((e as Error).message)}\n`);
        process.stderr.write("storydesk: run the same command again to finish; stored articles are kept\n");
        result.exitCode = 2;
      } finally {
        await store.close();
      }
    });
}
