// Rendering of extracted articles: storydesk/extract@1 JSON, written piece by piece so a WARC of a
// million pages never sits in memory, and a plain-text view for reading.
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

/** Control characters (terminal escapes, bidi overrides) never reach the terminal; the body keeps its paragraphs. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Untrusted text on one plain line: no control characters, no line breaks (plain text, so no Markdown escaping). */
function line(text: string): string {
  return text.replace(CONTROL, "").replace(/\s+/g, " ").trim();
}

/** Text: per article a short header (path, title, date, authors, URL, language) and its clean body. */
export function textWriter(): ExtractWriter {
  let n = 0;
  return {
    article: (a) => {
      const lines = [`${n++ ? "\n" : ""}=== ${line(a.source.path)}`];
      if (a.title) lines.push(`title: ${line(a.title)}`);
      if (a.published) lines.push(`published: ${a.published}`);
      if (a.modified) lines.push(`modified: ${a.modified}`);
      if (a.authors.length) lines.push(`authors: ${a.authors.map(line).join("; ")}`);
      if (a.source.name) lines.push(`source: ${line(a.source.name)}`);
      if (a.source.url) lines.push(`url: ${line(a.source.url)}`);
      if (a.language) lines.push(`language: ${line(a.language)}`);
      return `${lines.join("\n")}\n\n${a.text.replace(CONTROL, "")}\n`;
    },
    error: () => "",
    end: () => "",
  };
}

export function extractWriter(format: ExtractFormat): ExtractWriter {
  return format === "json" ? jsonWriter() : textWriter();
}
