// `storydesk brief`: files and folders in, a briefing out; or a briefing read from a corpus (--db).
import { writeFile } from "node:fs/promises";
import { InvalidArgumentError, type Command } from "commander";
import { brief, FORMATS, pinArticle, render, type Brief, type Format, type PinChange } from "../index.js";
import { pinsFileFor } from "../brief/pins-file.js";
import { briefFromStore } from "../corpus/index.js";
import { terminalLine } from "../render/index.js";
import { choice, openCorpus, type CommandResult } from "./common.js";

interface BriefCliOptions {
  format: Format;
  out?: string;
  db?: string;
  story?: string;
  since?: string;
  until?: string;
  query?: string;
  pin?: string;
  split?: string;
  unpin?: string;
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function date(value: string): string {
  if (!DATE.test(value)) throw new InvalidArgumentError("expected a date: YYYY-MM-DD, YYYY-MM or YYYY");
  return value;
}

export function addBriefCommand(program: Command, result: CommandResult): void {
  program
    .command("brief")
    .description("Read articles (text, web pages, feeds, JSON lines, WARC; folders recursively) and write a briefing; or write one from a corpus (--db).")
    .argument("[paths...]", "files or folders of articles (not with --db)")
    .option("-f, --format <format>", `output format: ${FORMATS.join(" or ")}`, choice(FORMATS), "markdown" as Format)
    .option("-o, --out <file>", "write to this file instead of standard output")
    .option("--db <file|url>", "brief from this corpus (built by `storydesk ingest`): a SQLite file or a postgres:// URL")
    .option("--story <id>", "with --db: only this story (its id in a briefing, s-…)")
    .option("--since <date>", "with --db: only stories with an article published on or after this date", date)
    .option("--until <date>", "with --db: only stories with an article published on or before this date", date)
    .option("--query <text>", "with --db: only stories with an article holding all these words")
    .option("--pin <article=story>", "keep an article (its file or id) in a story (its id, s-…, or another of its articles), on this and every later run")
    .option("--split <article>", "keep an article (its file or id) in a story of its own, on this and every later run")
    .option("--unpin <article>", "drop the pin of an article: the grouping places it again")
    .addHelpText(
      "after",
      `
Formats: .txt/.md text files (which may open with header lines such as "date 2022-07-09", "title: ...",
"source: ...", "url: ...", "author: ..."), saved web pages (.html), RSS/Atom/RDF/JSON feeds (one
article per item), crawler JSON lines (.jsonl, one per line) and WARC archives (.warc, one per HTML
record), gzipped too; files without a known extension are recognised by their content. Inputs or items
that cannot be read are reported by name (file#n inside a container) on standard error and in the
briefing; the rest of the batch goes on. Exit code 1 means no article could be read.

Corrections: --pin, --split and --unpin record the change in .storydesk-pins.json in the first input
folder (or beside the first input file); every later brief of those inputs applies the pins kept there.

Examples:
  $ storydesk brief examples/water-summit/
  $ storydesk brief examples/regional-desk/ --split 03-harbourblog-passengers.txt
  $ storydesk brief a.txt b.txt news/ --format json --out brief.json
  $ storydesk brief saved-pages/ feed.rss crawl.jsonl.gz CC-NEWS.warc.gz
  $ storydesk brief --db corpus.db --since 2024-05-01 --until 2024-05-31 --query "river accord"`,
    )
    .action(async (paths: string[], opts: BriefCliOptions) => {
      const filtered = opts.story || opts.since || opts.until || opts.query;
      if (opts.db && paths.length > 0) {
        process.stderr.write("storydesk: give either files and folders or --db, not both (add files to a corpus with `storydesk ingest`)\n");
        result.exitCode = 2;
        return;
      }
      const changes = [opts.pin, opts.split, opts.unpin].filter(Boolean).length;
      if (changes > 1 || (changes && opts.db)) {
        process.stderr.write("storydesk: give one of --pin, --split or --unpin, on files and folders (not --db)\n");
        result.exitCode = 2;
        return;
      }
      if (!opts.db && filtered) {
        process.stderr.write("storydesk: --story, --since, --until and --query select from a corpus: add --db\n");
        result.exitCode = 2;
        return;
      }
      if (!opts.db && paths.length === 0) {
        process.stderr.write("storydesk: name the files or folders to brief, or a corpus with --db\n");
        result.exitCode = 2;
        return;
      }
      let briefing: Brief;
      if (opts.db) {
        const store = await openCorpus(opts.db, result);
        if (!store) return;
        try {
          briefing = await briefFromStore(store, { story: opts.story, since: opts.since, until: opts.until, query: opts.query });
        } finally {
          await store.close();
        }
      } else {
        const change = changes ? pinChange(opts) : undefined;
        if (change === null) {
          process.stderr.write("storydesk: --pin takes ARTICLE=STORY (a file or article id, then a story id or another article)\n");
          result.exitCode = 2;
          return;
        }
        try {
          // A pins file beside the inputs is read either way; a broken one is reported, not ignored.
          briefing = change ? await pinArticle(paths, change) : await brief(paths);
        } catch (e) {
          process.stderr.write(`storydesk: ${terminalLine((e as Error).message)}\n`);
          result.exitCode = 2;
          return;
        }
        if (change) process.stderr.write(`storydesk: pins kept in ${await pinsFileFor(paths)}\n`);
        for (const e of briefing.errors) process.stderr.write(`storydesk: skipped ${terminalLine(e.message)}\n`);
      }
      const output = render(briefing, opts.format);
      if (opts.out) await writeFile(opts.out, output);
      else process.stdout.write(output);
      if (briefing.articles.length === 0) {
        process.stderr.write(
          opts.db
            ? filtered ? "storydesk: no story in the corpus matches\n" : "storydesk: the corpus holds no article yet\n"
            : "storydesk: no article could be read from the given paths\n",
        );
        result.exitCode = 1;
      }
    });
}

function pinChange(opts: BriefCliOptions): PinChange | null {
  if (opts.split) return { article: opts.split, split: true };
  if (opts.unpin) return { article: opts.unpin, unpin: true };
  const at = opts.pin!.lastIndexOf("=");
  if (at <= 0 || at === opts.pin!.length - 1) return null;
  return { article: opts.pin!.slice(0, at), story: opts.pin!.slice(at + 1) };
}
