// `storydesk facts`: what the facts stage finds in each article, one article at a time.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { Writable } from "node:stream";
import type { Command } from "commander";
import { articleFactsView } from "../facts/view.js";
import { readDocuments } from "../read/index.js";
import { FACTS_FORMATS, factsWriter, type FactsFormat } from "../render/facts.js";
import { terminalLine } from "../render/index.js";
import { buildArticle } from "../text/article.js";
import { choice, Progress, type CommandResult } from "./common.js";

export function addFactsCommand(program: Command, result: CommandResult): void {
  program
    .command("facts")
    .description("Show the facts found in each article: entity mentions and entities, quotes with speakers, time expressions.")
    .argument("<inputs...>", "files or folders (text, HTML, feeds, JSONL, WARC; gzip too)")
    .option("-f, --format <format>", `output format: ${FACTS_FORMATS.join(" or ")}`, choice(FACTS_FORMATS), "json" as FactsFormat)
    .option("-o, --out <file>", "write to this file instead of standard output")
    .addHelpText(
      "after",
      `
JSON output is storydesk/facts@1 (schema/facts.schema.json): {"articles": [...], "errors": [...]}; per
article its clean text and, with offsets into it, every entity mention (and the entity it belongs to), the
article's entities, direct quotes (speaker entity and how it was found) and time expressions with their
TIMEX3 value, type and precision. Each article is read on its own: no merging across articles.

Examples:
  $ storydesk facts examples/water-summit/01-reuters.txt --format markdown
  $ storydesk facts news/ --out facts.json`,
    )
    .action(async (inputs: string[], opts: { format: FactsFormat; out?: string }) => {
      const out: Writable = opts.out ? createWriteStream(opts.out) : process.stdout;
      const writer = factsWriter(opts.format);
      const progress = new Progress(process.stderr.isTTY === true);
      const write = async (chunk: string) => {
        if (chunk && !out.write(chunk)) await once(out, "drain");
      };
      for await (const item of readDocuments(inputs)) {
        if ("code" in item) {
          progress.error();
          process.stderr.write(`${progress.clear()}storydesk: skipped ${terminalLine(item.message)}\n`);
          await write(writer.error(item));
        } else {
          progress.article();
          await write(writer.article(articleFactsView(buildArticle(item))));
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
