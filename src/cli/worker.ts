// `storydesk worker`: one of any number of processes, on any machines, that share queued ingests of a
// PostgreSQL corpus (see src/corpus/queue.ts).
import type { Command } from "commander";
import { runWorker } from "../corpus/index.js";
import { openCorpus, untilStopped, type CommandResult } from "./common.js";

export function addWorkerCommand(program: Command, result: CommandResult): void {
  program
    .command("worker")
    .description("Process queued ingests of a PostgreSQL corpus (storydesk ingest --queue), beside any number of other workers.")
    .requiredOption("--db <url>", "the corpus: a postgres:// URL every worker and the queueing ingest use")
    .option("--exit-when-idle", "stop once nothing is queued and every queued ingest is assigned (else run until stopped)")
    .addHelpText(
      "after",
      `
Workers prepare queued batches in parallel (reading, cleaning, facts, signatures); one of them at a time
assigns copies and stories, round by round in the order they were queued, so the corpus ends as one
storydesk ingest would leave it. Start as many as you like, on as many machines; stop one with Ctrl-C (a
batch it was preparing is retried by another).

Example:
  $ storydesk ingest crawl/ --db postgres://user@db-host/news --queue
  $ storydesk worker --db postgres://user@db-host/news          # on each machine`,
    )
    .action(async (opts: { db: string; exitWhenIdle?: boolean }) => {
      const store = await openCorpus(opts.db, result);
      if (!store) return;
      if (store.dialect !== "postgres") {
        process.stderr.write("storydesk: worker needs a postgres:// corpus\n");
        await store.close();
        result.exitCode = 2;
        return;
      }
      const started = performance.now();
      let articles = 0;
      await untilStopped(store, "worker", result, async (signal) => {
        const done = await runWorker(store, opts.db, {
          exitWhenIdle: opts.exitWhenIdle,
          signal,
          onPrepared: (_batch, n) => (articles += n),
        });
        const seconds = (performance.now() - started) / 1000;
        process.stderr.write(
          `storydesk: worker prepared ${done.batches} batches (${articles} new articles) and assigned ${done.rounds} rounds, recomputed ${done.stories} stories in ${seconds.toFixed(1)} s\n`,
        );
      });
    });
}
