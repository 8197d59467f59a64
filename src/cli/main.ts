// The command line: parse arguments, call the library, write the result. Nothing else.
import { writeFile } from "node:fs/promises";
import { Command, InvalidArgumentError } from "commander";
import { brief, FORMATS, render, type Format } from "../index.js";
import { safe } from "../render/index.js";

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

  await program.parseAsync(argv);
  return exitCode;
}

function parseFormat(value: string): Format {
  if (!(FORMATS as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`expected one of: ${FORMATS.join(", ")}`);
  }
  return value as Format;
}
