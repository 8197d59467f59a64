// The corpus's job queue on PostgreSQL (pg-boss, in its own schema storydesk_queue), shared by queued
// ingests (queue.ts) and followed sources (src/follow/queue.ts): each names its queue after the corpus's
// schema, so corpora in one database keep apart.
import PgBoss from "pg-boss";
import { sql } from "kysely";
import type { Store } from "../store/index.js";

/** Advisory lock held while a queue is created (the store's other locks are 7358001–7358003). */
const CREATE_LOCK = 7358010;

/** The queue named `purpose` of this corpus: `storydesk-<purpose>-<schema>`. */
export async function queueName(store: Store, purpose: string): Promise<string> {
  const r = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(store.db);
  return `storydesk-${purpose}-${r.rows[0].schema}`;
}

/** Starts pg-boss and makes sure the queue exists, one process at a time. */
export async function startQueue(store: Store, location: string, name: string, queue: Omit<PgBoss.Queue, "name">): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: location, schema: "storydesk_queue", max: 2, supervise: true, schedule: false });
  boss.on("error", () => {});
  await boss.start();
  // pg-boss creates a queue's table on first use; processes starting together deadlock in there.
  await store.db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${CREATE_LOCK})`.execute(conn);
    try {
      if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, ...queue });
    } finally {
      await sql`SELECT pg_advisory_unlock(${CREATE_LOCK})`.execute(conn);
    }
  });
  return boss;
}
