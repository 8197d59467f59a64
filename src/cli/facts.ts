// `storydesk facts`: what the facts stage finds in each article, one article at a time.
import type { Command } from "commander";
import { articleFactsView } from "../facts/view.js";
import { readDocuments } from "../read/index.js";
import { FACTS_FORMATS, factsWriter, type FactsFormat } from "../render/facts.js";
import { buildArticle } from "../text/article.js";
import { choice, streamItems, type CommandResult } from "./common.js";

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
      // Each article on its own, as it is read: no merging across articles.
      async function* views() {
        for await (const item of readDocuments(inputs)) yield "code" in item ? item : articleFactsView(buildArticle(item));
      }
      await streamItems(views(), factsWriter(opts.format), opts.out, result);
    });
}
