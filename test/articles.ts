// Article fixtures for unit tests: small hand-written texts turned into Article values.
import type { Article } from "../src/model/index.js";
import { splitSentences } from "../src/text/sentences.js";

interface Options {
  id?: string;
  published?: string | null;
  title?: string | null;
}

function articleOf(text: string, sentences: Article["sentences"], o: Options): Article {
  const id = o.id ?? "a1";
  const source = { path: `${id}.txt`, name: null, url: null, agency: null, author: null };
  return { id, source, title: o.title ?? null, published: o.published === undefined ? "2024-03-14" : o.published, dateline: null, text, sentences };
}

/** Paragraphs on blank lines, sentences split as the pipeline splits them. */
export function articleFromText(text: string, options: Options = {}): Article {
  return articleOf(text, splitSentences(text), options);
}

/** One sentence per line, all in one paragraph: for tests that must not depend on sentence splitting. */
export function articleFromSentences(lines: string[], options: Options = {}): Article {
  let text = "";
  const sentences = lines.map((line, i) => {
    if (i > 0) text += " ";
    const start = text.length;
    text += line;
    return { i, text: line, start, end: text.length, paragraph: 0 };
  });
  return articleOf(text, sentences, options);
}
