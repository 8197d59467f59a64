// The command line: parse arguments, call the library, write the result. Nothing else.
import { createWriteStream } from "node:fs";
import { writeFile } from "node:fs/promises";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { Command, InvalidArgumentError } from "commander";
import { brief, extractArticles, FORMATS, render, type Format } from "../index.js";
import { EXTRACT_FORMATS, extractWriter, safe, type ExtractFormat } from "../render/index.js";

const VERSION = "0.1.0";

/** Runs the CLI; resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name("storydesk")
    .description("Turn a pile of news articles into a cited briefing: copies, stories, events, people, quotes, timeline, summary.")
    .version(VERSION)
    .showHelpAfterError()
    .addHelpText("after", `\nExample:\n  $ storydesk brief examples/water-summit/\n  $ storydesk brief a.txt b.txt news/ --format json --out brief.json`);

  program
    .command("brief")
    .description("Read articles (.txt, .md; folders recursively) and write a briefing.")
    .argument("<paths...>", "files or folders of articles")
    .option("-f, --format <format>", `output format: ${FORMATS.join(" or ")}`, parseFormat, "markdown" as Format)
    .option("-o, --out <file>", "write to this file instead of standard output")
    .addHelpText(
      "after",
      `
A text file may open with header lines such as "date 2022-07-09", "title: ...", "source: ...",
"url: ...", "author: ...". Inputs that cannot be read are reported by name on standard error and in
the briefing; the rest of the batch goes on. Exit code 1 means no article could be read.

Examples:
  $ storydesk brief examples/water-summit/
  $ storydesk brief a.txt b.txt news/ --format json --out brief.json`,
    )
    .action(async (paths: string[], opts: { format: Format; out?: string }) => {
      const result = await brief(paths);
      for (const e of result.errors) process.stderr.write(`storydesk: skipped ${safe(e.path)}: ${safe(e.message)}\n`);
      const output = render(result, opts.format);
      if (opts.out) await writeFile(opts.out, output);
      else process.stdout.write(output);
      if (result.articles.length === 0) {
        process.stderr.write("storydesk: no article could be read from the given paths\n");
        exitCode = 1;
      }
    });

  program
    .command("extract")
    .description("Show what storydesk reads from each page, feed item, JSONL line or WARC record: body, title, dates, authors.")
    .argument("<inputs...>", "files or folders (text, HTML, feeds, JSONL, WARC; gzip too)")
    .option("-f, --format <format>", `output format: ${EXTRACT_FORMATS.join(" or ")}`, choice(EXTRACT_FORMATS), "json" as ExtractFormat)
    .option("-o, --out <file>", "write to this file instead of standard output")
    .addHelpText(
      "after",
      `
JSON output is storydesk/extract@1 (schema/extract.schema.json): {"articles": [...], "errors": [...]}, each
article as in a briefing plus authors, language, modified, captured and the evidence for each metadata
field. Items that cannot be read are reported on standard error and in "errors"; the rest goes on.

Examples:
  $ storydesk extract saved-pages/ --format text
  $ storydesk extract news.warc.gz --out articles.json`,
    )
    .action(async (inputs: string[], opts: { format: ExtractFormat; out?: string }) => {
      const out: Writable = opts.out ? createWriteStream(opts.out) : process.stdout;
      const writer = extractWriter(opts.format);
      const progress = new Progress(process.stderr.isTTY === true);
      const write = async (chunk: string) => {
        if (chunk && !out.write(chunk)) await once(out, "drain");
      };
      for await (const item of extractArticles(inputs)) {
        if ("code" in item) {
          progress.error();
          process.stderr.write(`${progress.clear()}storydesk: skipped ${safe(item.path)}: ${safe(item.message)}\n`);
          await write(writer.error(item));
        } else {
          progress.article();
          await write(writer.article(item));
        }
      }
      await write(writer.end());
      process.stderr.write(progress.clear());
      if (opts.out) {
        out.end();
        await once(out, "finish");
      }
      if (progress.articles === 0) {
        process.stderr.write("storydesk: no article could be read from the given inputs\n");
        exitCode = 1;
      }
    });

  await program.parseAsync(argv);
  return exitCode;
}

/** A one-line count on standard error, redrawn at most twice a second, only when it is a terminal. */
class Progress {
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

function choice<T extends string>(allowed: readonly T[]): (value: string) => T {
  return (value) => {
    if (!(allowed as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of: ${allowed.join(", ")}`);
    return value as T;
  };
}

const parseFormat = choice(FORMATS);
