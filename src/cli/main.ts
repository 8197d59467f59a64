// The command line: parse arguments, call the library, write the result. Nothing else.
// One file per command; each registers itself on the program and sets the exit code it ends with.
import { Command } from "commander";
import { addBriefCommand } from "./brief.js";
import type { CommandResult } from "./common.js";
import { addExtractCommand } from "./extract.js";
import { addFollowCommands } from "./follow.js";
import { addFactsCommand } from "./facts.js";
import { addIngestCommand } from "./ingest.js";
import { addWorkerCommand } from "./worker.js";
import { addServeCommand } from "./serve.js";
import { addExportCommand } from "./export.js";

const VERSION = "0.1.0";

/** Runs the CLI; resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const result: CommandResult = { exitCode: 0 };
  const program = new Command()
    .name("storydesk")
    .description("Turn a pile of news articles into a cited briefing: copies, stories, events, people, quotes, timeline, summary.")
    .version(VERSION)
    .showHelpAfterError()
    .addHelpText("after", `\nExample:\n  $ storydesk brief examples/water-summit/\n  $ storydesk brief a.txt b.txt news/ --format json --out brief.json`);
  addBriefCommand(program, result);
  addExtractCommand(program, result);
  addFactsCommand(program, result);
  addIngestCommand(program, result);
  addWorkerCommand(program, result);
  addFollowCommands(program, result);
  addServeCommand(program, result);
  addExportCommand(program, result);
  await program.parseAsync(argv);
  return result.exitCode;
}
