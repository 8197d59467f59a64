// Rendering: untrusted article text reaches the terminal and Markdown viewers harmlessly.
import { test } from "node:test";
import assert from "node:assert/strict";
import { briefDocuments } from "../src/brief/assemble.js";
import { renderJson, renderMarkdown } from "../src/render/index.js";

const hostile = {
  path: "evil.txt",
  meta: { title: "Council <script>alert(1)</script> vote", date: "2024-05-02", source: "Evil \u001b[31mNews" },
  body:
    "The city council approved the budget on Wednesday after a long debate about schools and roads. " +
    "\u001b]0;owned\u0007The mayor said the vote <img src=x onerror=alert(1)> protected schools across the city. " +
    "Opposition members said they would challenge the [decision](javascript:alert(1)) in court next month.",
};

test("terminal escapes in article text never reach the Markdown output", () => {
  const md = renderMarkdown(briefDocuments([hostile], [], { now: new Date(0) }));
  assert.doesNotMatch(md, /[\u001b\u0007]/);
});

test("HTML and link syntax from article text is escaped in the Markdown output", () => {
  const md = renderMarkdown(briefDocuments([hostile], [], { now: new Date(0) }));
  assert.doesNotMatch(md, /(?<!\\)</, "every < from the text is backslash-escaped");
  assert.doesNotMatch(md, /(?<!\\)\]\(javascript:/, "link brackets from the text are escaped");
  assert.match(md, /\\<script\\>/);
});

test("JSON output is the Brief itself and parses back to it", () => {
  const brief = briefDocuments([hostile], [], { now: new Date(0) });
  assert.deepEqual(JSON.parse(renderJson(brief)), brief);
  assert.equal(brief.generated, "1970-01-01T00:00:00.000Z");
});
