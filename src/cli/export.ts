// `storydesk export <story-id>`: one story of a corpus as brief@1 JSON, Markdown, or a self-contained HTML file.
import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { briefFromStore } from "../corpus/index.js";
import { renderHtml } from "../render/html.js";
import { renderJson, renderMarkdown, terminalLine } from "../render/index.js";
import { choice, openCorpus, type CommandResult } from "./common.js";
import { defaultDb } from "./ingest.js";

const EXPORT_FORMATS = ["json", "markdown", "html"] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function addExportCommand(program: Command, result: CommandResult): void {
  program
    .command("export")
    .description("Write one story of a corpus: brief@1 JSON, Markdown, or one self-contained HTML file (no script; prints well).")
    .argument("<story-id>", "the story's id (s-…), as the desk and briefings show it")
    .option("--db <file|url>", "the corpus: a SQLite file or a postgres:// URL (default: $STORYDESK_DB, else ./storydesk.db)")
    .option("-f, --format <format>", `output format: ${EXPORT_FORMATS.join(", ")}`, choice(EXPORT_FORMATS), "html" as ExportFormat)
    .option("-o, --out <file>", "write to this file instead of standard output")
    .addHelpText("after", `\nExamples:\n  $ storydesk export s-1a2b3c4d5e --db corpus.db --format html --out story.html\n  $ storydesk export s-1a2b3c4d5e --db corpus.db --format json | jq .stories[0].summary`)
    .action(async (id: string, opts: { db?: string; format: ExportFormat; out?: string }) => {
      const store = await openCorpus(opts.db ?? defaultDb(), result);
      if (!store) return;
      try {
        const brief = await briefFromStore(store, { story: id });
        if (brief.stories.length === 0) {
          process.stderr.write(`storydesk: no story ${terminalLine(id)} in ${store.location}\n`);
          result.exitCode = 1;
          return;
        }
        const output = opts.format === "json" ? renderJson(brief) : opts.format === "markdown" ? renderMarkdown(brief) : renderHtml(brief);
        if (opts.out) await writeFile(opts.out, output);
        else process.stdout.write(output);
      } finally {
        await store.close();
      }
    });
}
