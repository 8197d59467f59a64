// Rendering of per-article facts: storydesk/facts@1 JSON written article by article (a large batch never
// sits in memory), and a Markdown view for reading.
import { FACTS_SCHEMA, type ArticleFactsView, type InputError } from "../model/index.js";
import { safe } from "./markdown.js";

export const FACTS_FORMATS = ["json", "markdown"] as const;
export type FactsFormat = (typeof FACTS_FORMATS)[number];

/** Writes one facts run: `article` for each article, `error` for each problem, then `end`. */
export interface FactsWriter {
  article(a: ArticleFactsView): string;
  error(e: InputError): string;
  end(): string;
}

function jsonWriter(): FactsWriter {
  const errors: InputError[] = [];
  let articles = 0;
  const open = `{"schema":${JSON.stringify(FACTS_SCHEMA)},"articles":[`;
  return {
    article: (a) => `${articles++ === 0 ? `${open}\n` : ",\n"}${JSON.stringify(a)}`,
    error: (e) => {
      errors.push(e);
      return "";
    },
    end: () => `${articles === 0 ? open : "\n"}],"errors":${JSON.stringify(errors)}}\n`,
  };
}

const cell = (s: string): string => safe(s).replace(/\|/g, "\\|");

/** Markdown: per article its entities (with aliases and mention counts), quotes, reported claims and time expressions. */
export function renderArticleFacts(a: ArticleFactsView): string {
  const out = [`## ${safe(a.path)}${a.title ? ` — ${safe(a.title)}` : ""}`, "", `published: ${a.published ?? "unknown"}`, ""];
  out.push("### Entities", "");
  if (a.entities.length) {
    out.push("| entity | type | also written | mentions | role |", "| --- | --- | --- | --- | --- |");
    for (const e of a.entities) {
      out.push(`| ${cell(e.name)} | ${e.type} | ${e.aliases.map(cell).join(", ")} | ${e.mentions} | ${e.role ? cell(e.role) : ""} |`);
    }
  } else out.push("none found");
  out.push("", "### Quotes", "");
  if (!a.quotes.length) out.push("none found");
  for (const q of a.quotes) {
    const who = q.speaker === null ? "unknown speaker" : `**${safe(a.entities[q.speaker].name)}**`;
    out.push(`- ${who} (${q.attribution}${q.partial ? ", partial" : ""}): “${safe(q.text)}” [${q.sentence + 1}]`);
  }
  out.push("", "### Reported claims", "");
  if (!a.claims.length) out.push("none found");
  for (const c of a.claims) {
    const who = c.speaker === null ? "unknown speaker" : `**${safe(a.entities[c.speaker].name)}**`;
    out.push(`- ${who} (${c.attribution}): ${safe(c.text)} [${c.sentence + 1}]`);
  }
  out.push("", "### Time expressions", "");
  if (a.times.length) {
    out.push("| text | type | value | precision | sentence |", "| --- | --- | --- | --- | --- |");
    for (const t of a.times) out.push(`| ${cell(t.text)} | ${t.type} | ${t.value} | ${t.precision ?? ""} | ${t.sentence + 1} |`);
  } else out.push("none found");
  return `${out.join("\n")}\n`;
}

function markdownWriter(): FactsWriter {
  let n = 0;
  const errors: InputError[] = [];
  return {
    article: (a) => `${n++ ? "\n" : ""}${renderArticleFacts(a)}`,
    error: (e) => {
      errors.push(e);
      return "";
    },
    end: () => (errors.length ? `\n## Not read\n\n${errors.map((e) => `- ${safe(e.path)}: ${safe(e.message)}`).join("\n")}\n` : ""),
  };
}

export function factsWriter(format: FactsFormat): FactsWriter {
  return format === "json" ? jsonWriter() : markdownWriter();
}
