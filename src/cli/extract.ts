// `storydesk extract`: each input item as the pipeline reads it, streamed.
import type { Command } from "commander";
import { extractArticles } from "../index.js";
import { EXTRACT_FORMATS, extractWriter, type ExtractFormat } from "../render/index.js";
import { choice, streamItems, type CommandResult } from "./common.js";

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
      await streamItems(extractArticles(inputs), extractWriter(opts.format), opts.out, result);
    });

}
