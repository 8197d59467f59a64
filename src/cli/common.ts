// Shared pieces of the commands: exit status, option parsers, progress on a terminal, streamed output.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { InvalidArgumentError } from "commander";
import type { InputError } from "../model/index.js";
import { terminalLine } from "../render/index.js";
import { keepHeapsNearLive } from "./heap.js";
import { openStore, StoreError, type ConnectOptions, type Store } from "../store/index.js";

/** What a command reports back to main(): the process exit code. */
export interface CommandResult {
  exitCode: number;
}

/** An option parser that accepts only the listed values. */
export function choice<T extends string>(allowed: readonly T[]): (value: string) => T {
  return (value) => {
    if (!(allowed as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of: ${allowed.join(", ")}`);
    return value as T;
  };
}

/** A one-line count on standard error, redrawn at most twice a second, only when it is a terminal. */
export class Progress {
  articles = 0;
  errors = 0;
  private readonly started = performance.now();
  private drawn = 0;
  constructor(private readonly enabled: boolean) {}

  article(): void {
    this.articles++;
    this.draw();
  }
  error(): void {
    this.errors++;
    this.draw();
  }
  /** Erases the line (returns the escape to print first), so messages are not mixed into it. */
  clear(): string {
    return this.enabled && this.drawn ? "\r\x1b[K" : "";
  }
  private draw(): void {
    const now = performance.now();
    if (!this.enabled || now - this.drawn < 500) return;
    this.drawn = now;
    const rate = this.articles / ((now - this.started) / 1000);
    process.stderr.write(`\r\x1b[K${this.articles} articles, ${this.errors} skipped, ${rate.toFixed(0)}/s`);
  }
}


/**
 * Opens the corpus, or says on standard error why it cannot be opened (exit code 2) and gives null. A
 * process working on a corpus keeps its heaps near their live size, so its memory stays flat as the corpus
 * grows (heap.ts).
 */
export async function openCorpus(location: string, result: CommandResult, options: ConnectOptions = {}): Promise<Store | null> {
  keepHeapsNearLive();
  try {
    return await openStore(location, options);
  } catch (e) {
    process.stderr.write(`storydesk: ${terminalLine(e instanceof StoreError ? e.message : String(e))}\n`);
    result.exitCode = 2;
    return null;
  }
}

/** A streamed output format: text per item and per error, then a closing part. */
export interface ItemWriter<T> {
  article(item: T): string;
  error(e: InputError): string;
  end(): string;
}

/**
 * Writes items as they come to standard output or `outPath`, waiting when the output is full; errors go to
 * standard error too, with progress on a terminal. Exit code 1 when not one item could be read.
 */
export async function streamItems<T>(items: AsyncIterable<T | InputError>, writer: ItemWriter<T>, outPath: string | undefined, result: CommandResult): Promise<void> {
  const out: Writable = outPath ? createWriteStream(outPath) : process.stdout;
  const progress = new Progress(process.stderr.isTTY === true);
  const write = async (chunk: string) => {
    if (chunk && !out.write(chunk)) await once(out, "drain");
  };
  for await (const item of items) {
    if (typeof item === "object" && item !== null && "code" in item) {
      progress.error();
      process.stderr.write(`${progress.clear()}storydesk: skipped ${terminalLine(item.message)}\n`);
      await write(writer.error(item));
    } else {
      progress.article();
      await write(writer.article(item as T));
    }
  }
  await write(writer.end());
  process.stderr.write(progress.clear());
  if (outPath) {
    out.end();
    await once(out, "finish");
  }
  if (progress.articles === 0) {
    process.stderr.write("storydesk: no article could be read from the given inputs\n");
    result.exitCode = 1;
  }
}

/**
 * Runs a long-lived command (a worker, a poller) until it ends or Ctrl-C / SIGTERM aborts its signal. A
 * failure is reported as "<what> stopped" with exit code 2; the corpus is closed either way.
 */
export async function untilStopped(store: Store, what: string, result: CommandResult, run: (signal: AbortSignal) => Promise<void>): Promise<void> {
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    await run(stop.signal);
  } catch (e) {
    process.stderr.write(`storydesk: ${what} stopped: ${terminalLine((e as Error).message)}\n`);
    result.exitCode = 2;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await store.close();
  }
}
