import { test } from "node:test";
import assert from "node:assert/strict";
import { splitSentences } from "../src/text/sentences.js";

function texts(input: string): string[] {
  return splitSentences(input).map((s) => s.text);
}

test("plain sentences are split and offsets point into the text", () => {
  const input = "The talks ended on Monday. Both sides claimed victory! Who won? Nobody knows.";
  const sentences = splitSentences(input);
  assert.deepEqual(sentences.map((s) => s.text), ["The talks ended on Monday.", "Both sides claimed victory!", "Who won?", "Nobody knows."]);
  sentences.forEach((s, i) => {
    assert.equal(s.i, i);
    assert.equal(input.slice(s.start, s.end), s.text);
  });
});

test("titles and abbreviations before names do not end a sentence", () => {
  assert.deepEqual(texts("Mr. Smith met Gen. Lee, Lt. Col. Park and Sen. Warren in St. Louis. They talked."), [
    "Mr. Smith met Gen. Lee, Lt. Col. Park and Sen. Warren in St. Louis.", "They talked.",
  ]);
  assert.deepEqual(texts("Dr. Jones and Gov. Brown spoke. Prices of rice, e.g. basmati, i.e. the best, etc. rose. It ended."), [
    "Dr. Jones and Gov. Brown spoke.", "Prices of rice, e.g. basmati, i.e. the best, etc. rose.", "It ended.",
  ]);
});

test("initials do not end a sentence", () => {
  assert.deepEqual(texts("J. R. Okafor said the vote was fair. Others disagreed."), ["J. R. Okafor said the vote was fair.", "Others disagreed."]);
});

test("U.S., U.N. and company suffixes end a sentence only before a sentence opener", () => {
  assert.deepEqual(texts("The U.S. Senate and the U.N. Security Council met. Acme Inc. said it was pleased."), [
    "The U.S. Senate and the U.N. Security Council met.", "Acme Inc. said it was pleased.",
  ]);
  assert.deepEqual(texts("The deal was signed in the U.S. The president praised it. Shares rose at Acme Ltd. But not for long."), [
    "The deal was signed in the U.S.", "The president praised it.", "Shares rose at Acme Ltd.", "But not for long.",
  ]);
});

test("months, numbers, decimals and times do not end a sentence", () => {
  assert.deepEqual(texts("On Jan. 6 and Sept. 11 the No. 10 team met. Growth was 3.5 percent at 10 a.m. on Monday. It held."), [
    "On Jan. 6 and Sept. 11 the No. 10 team met.", "Growth was 3.5 percent at 10 a.m. on Monday.", "It held.",
  ]);
});

test("closing quotes belong to the sentence they end", () => {
  assert.deepEqual(texts("He said: \"We will win.\" Then he left. She replied, “Never!” The crowd cheered."), [
    "He said: \"We will win.\"", "Then he left.", "She replied, “Never!”", "The crowd cheered.",
  ]);
});

test("a question or exclamation inside a quote followed by the speaker does not end the sentence", () => {
  assert.deepEqual(texts("\"Why now?\" she asked. “Enough!” he shouted."), ["\"Why now?\" she asked.", "“Enough!” he shouted."]);
});

test("an ellipsis ends a sentence only before a capital", () => {
  assert.deepEqual(texts("He paused... and then went on. It was late… The hall emptied."), [
    "He paused... and then went on.", "It was late…", "The hall emptied.",
  ]);
});

test("paragraphs always end a sentence and are numbered", () => {
  const input = "First paragraph without a full stop\n\nSecond one. With two sentences.\n\nThird";
  const sentences = splitSentences(input);
  assert.deepEqual(sentences.map((s) => [s.text, s.paragraph]), [
    ["First paragraph without a full stop", 0], ["Second one.", 1], ["With two sentences.", 1], ["Third", 2],
  ]);
  for (const s of sentences) assert.equal(input.slice(s.start, s.end), s.text);
});

test("empty or blank text has no sentences", () => {
  assert.deepEqual(splitSentences(""), []);
  assert.deepEqual(splitSentences(" \n\n \n"), []);
});

test("Chinese and Japanese sentences end at full-width 。！？ with no space after them", () => {
  const text = "东京电力公司周三表示，将开始排放处理过的水。日本政府批准了该计划！「反对者表示担忧？」是的。";
  assert.deepEqual(splitSentences(text).map((s) => s.text), ["东京电力公司周三表示，将开始排放处理过的水。", "日本政府批准了该计划！", "「反对者表示担忧？」", "是的。"]);
});

test("a German ordinal day before a month does not end the sentence", () => {
  const text = "Der Minister sagte am 14. Mai 2021, dass die Gespräche weitergehen. Die Opposition kritisierte das.";
  assert.equal(splitSentences(text).length, 2);
});
