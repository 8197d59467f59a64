// Rendering of extracted articles: storydesk/extract@1 JSON, written piece by piece so a WARC of a
// million pages never sits in memory, and a plain-text view for reading.
import { terminalLine, terminalText } from "./terminal.js";
import { EXTRACT_SCHEMA, type ExtractedArticle, type InputError } from "../model/index.js";

export const EXTRACT_FORMATS = ["json", "text"] as const;
export type ExtractFormat = (typeof EXTRACT_FORMATS)[number];

/** Writes one extraction: call `article` for each article, `error` for each problem, then `end`. */
export interface ExtractWriter {
  article(a: ExtractedArticle): string;
  error(e: InputError): string;
  end(): string;
}

/** JSON: `{"schema", "articles": [...], "errors": [...]}`; errors are held (they are few) and written last. */
export function jsonWriter(): ExtractWriter {
  const errors: InputError[] = [];
  let articles = 0;
  return {
    article: (a) => `${articles++ === 0 ? `{"schema":${JSON.stringify(EXTRACT_SCHEMA)},"articles":[\n` : ",\n"}${JSON.stringify(a)}`,
    error: (e) => {
      errors.push(e);
      return "";
    },
    end: () =>
      `${articles === 0 ? `{"schema":${JSON.stringify(EXTRACT_SCHEMA)},"articles":[` : "\n"}],"errors":${JSON.stringify(errors)}}\n`,
  };
}

/** Text: per article a short header (path, title, date, authors, URL, language) and its clean body. */
export function textWriter(): ExtractWriter {
  let n = 0;
  return {
    article: (a) => {
      const lines = [`${n++ ? "\n" : ""}=== ${terminalLine(a.source.path)}`];
      if (a.title) lines.push(`title: ${terminalLine(a.title)}`);
      if (a.published) lines.push(`published: ${a.published}`);
      if (a.modified) lines.push(`modified: ${a.modified}`);
      if (a.authors.length) lines.push(`authors: ${a.authors.map(terminalLine).join("; ")}`);
      if (a.source.name) lines.push(`source: ${terminalLine(a.source.name)}`);
      if (a.source.url) lines.push(`url: ${terminalLine(a.source.url)}`);
      if (a.language) lines.push(`language: ${terminalLine(a.language)}`);
      return `${lines.join("\n")}\n\n${terminalText(a.text)}\n`;
    },
    error: () => "",
    end: () => "",
  };
}

export function extractWriter(format: ExtractFormat): ExtractWriter {
  return format === "json" ? jsonWriter() : textWriter();
}
