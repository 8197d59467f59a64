// `storydesk extract`: each input item as the pipeline reads it, streamed.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { Writable } from "node:stream";
import type { Command } from "commander";
import { extractArticles } from "../index.js";
import { EXTRACT_FORMATS, extractWriter, terminalLine, type ExtractFormat } from "../render/index.js";
import { choice, Progress, type CommandResult } from "./common.js";

export function addExtractCommand(program: Command, result: CommandResult): void {
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
          process.stderr.write(`${progress.clear()}storydesk: skipped ${terminalLine(item.message)}\n`);
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
        result.exitCode = 1;
      }
    });

}
