// Polling through the corpus's job queue (PostgreSQL): each due source becomes a pg-boss job, and any
// number of `storydesk poll` processes, on any machines, take the jobs. The queue lives in the same
// pg-boss schema as queued ingests (storydesk_queue), under a name of its own per corpus schema.
//
// The queue's "stately" policy keeps at most one queued and one running job per source (singletonKey), so
// pollers scheduling at the same time never poll a source twice; a job that finds its source no longer due
// (another poller got there first) does nothing.
import type PgBoss from "pg-boss";
import type { Store } from "../store/index.js";
import { queueName, startQueue } from "../corpus/job-queue.js";
import * as fq from "../store/follow-queries.js";
import { Fetcher } from "./fetch.js";
import { pollSource, Serial, storeFailure, type PollerOptions, type SourceReport } from "./poll.js";

/** Puts a job on the queue for each source due now; returns how many were new on the queue. */
export async function schedulePolls(store: Store, boss: PgBoss, name: string, now: Date): Promise<number> {
  const due = await fq.dueSources(store.db, now.toISOString());
  let queued = 0;
  for (const s of due) {
    const id = await boss.send(name, { source: s.id }, { singletonKey: `source-${s.id}`, expireInSeconds: 900 });
    if (id) queued++;
  }
  return queued;
}

export interface QueuedPollerOptions extends PollerOptions {
  /** Stop once nothing is due and the queue is empty (`storydesk poll --once`). */
  once?: boolean;
}

/** Schedules and runs polls through pg-boss until the signal aborts (or, with once, until nothing is left). */
export async function runQueuedPoller(store: Store, location: string, options: QueuedPollerOptions = {}): Promise<{ polls: number; added: number }> {
  if (store.dialect !== "postgres") throw new Error("polling through the job queue needs a postgres:// corpus");
  const name = await queueName(store, "follow");
  const boss = await startQueue(store, location, name, { policy: "stately", retryLimit: 0, expireInSeconds: 900 });
  const fetcher = new Fetcher(options);
  const serial = options.serial ?? new Serial();
  const now = options.now ?? (() => new Date());
  const totals = { polls: 0, added: 0 };
  const concurrency = Math.max(1, options.concurrency ?? 4);
  try {
    while (!options.signal?.aborted) {
      await schedulePolls(store, boss, name, now());
      const jobs = await boss.fetch<{ source: number }>(name, { batchSize: concurrency });
      await Promise.all(
        jobs.map(async (job) => {
          try {
            const source = await fq.sourceById(store.db, job.data.source);
            // Removed since, or polled by another process since it was queued.
            let report: SourceReport | null = null;
            if (source && source.next_due <= now().toISOString()) {
              report = await pollSource(store, source, fetcher, options, serial).catch((e) => storeFailure(store, source, e, now()));
            }
            await boss.complete(name, job.id);
            if (report && report.outcome !== "stopped") {
              totals.polls++;
              totals.added += report.added;
              options.onSource?.(report);
            }
          } catch (e) {
            await boss.fail(name, job.id, { message: (e as Error).message }).catch(() => {});
          }
        }),
      );
      if (jobs.length) continue;
      const earliest = await fq.earliestDue(store.db);
      const wait = earliest ? Date.parse(earliest) - now().getTime() : Infinity;
      if (options.once && wait > 0) break;
      const pause = Math.max(50, Math.min(wait, options.tickMs ?? 5_000));
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, pause);
        options.signal?.addEventListener("abort", () => (clearTimeout(t), resolve()), { once: true });
      });
    }
  } finally {
    await fetcher.close();
    await boss.stop({ graceful: false, wait: true });
  }
  return totals;
}
