// `storydesk brief`: files and folders in, a briefing out.
import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { brief, FORMATS, render, type Format } from "../index.js";
import { safe } from "../render/index.js";
import { choice, type CommandResult } from "./common.js";

export function addBriefCommand(program: Command, result: CommandResult): void {
  program
    .command("brief")
    .description("Read articles (.txt, .md; folders recursively) and write a briefing.")
    .argument("<paths...>", "files or folders of articles")
    .option("-f, --format <format>", `output format: ${FORMATS.join(" or ")}`, choice(FORMATS), "markdown" as Format)
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
      const briefing = await brief(paths);
      for (const e of briefing.errors) process.stderr.write(`storydesk: skipped ${safe(e.message)}\n`);
      const output = render(briefing, opts.format);
      if (opts.out) await writeFile(opts.out, output);
      else process.stdout.write(output);
      if (briefing.articles.length === 0) {
        process.stderr.write("storydesk: no article could be read from the given paths\n");
        result.exitCode = 1;
      }
    });

}
