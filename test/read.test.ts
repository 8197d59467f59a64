import { test } from "node:test";
import assert from "node:assert/strict";
import { chmod, mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeText, DEFAULT_LIMITS, documentsFromText, parseTextFile, readInputs } from "../src/read/index.js";

const ARTICLE = "The foreign minister resigned on Saturday after a row over the border deal, officials said.\n";

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "storydesk-read-"));
}

async function write(dir: string, name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

test("header lines become metadata and are removed from the body", () => {
  const doc = parseTextFile("a.txt", "date 2022-07-09\ntitle: Minister resigns\nsource: Daily Ledger\n" +
    "url: https://www.ledger.example/world/1\nauthor: Jane Doe\n\n" + ARTICLE);
  assert.deepEqual(doc.meta, {
    date: "2022-07-09", title: "Minister resigns", source: "Daily Ledger",
    url: "https://www.ledger.example/world/1", author: "Jane Doe",
  });
  assert.equal(doc.body, ARTICLE);
  assert.equal(doc.path, "a.txt");
});

test("header keys are case-insensitive, with or without a colon, with leading blanks and blank lines between", () => {
  const doc = parseTextFile("a.txt", "\n  DATE: July 9, 2022\n\n   Title Minister resigns\n  Byline: By Jane Doe\n\n" + ARTICLE);
  assert.deepEqual(doc.meta, { date: "July 9, 2022", title: "Minister resigns", author: "Jane Doe" });
  assert.equal(doc.body, ARTICLE);
});

test("a date header glued to the first body line is split off", () => {
  const doc = parseTextFile("a.txt", " date 2022-07-09 The minister said on Saturday that he would resign.\nHe gave no reason.");
  assert.equal(doc.meta.date, "2022-07-09");
  assert.equal(doc.body, "The minister said on Saturday that he would resign.\nHe gave no reason.");
});

test("glued headers take only the date token, in any common date form", () => {
  for (const [line, date] of [
    ["date 2022/07/09 Officials said", "2022/07/09"],
    ["published July 9, 2022 Officials said", "July 9, 2022"],
    ["Date: 9 July 2022 Officials said", "9 July 2022"],
    ["date 09.07.2022 Officials said", "09.07.2022"],
  ]) {
    const doc = parseTextFile("a.txt", line);
    assert.equal(doc.meta.date, date, line);
    assert.equal(doc.body.trim(), "Officials said", line);
  }
});

test("body lines that merely start with a header word are not taken as a header", () => {
  for (const text of [
    "Date palms are dying across the region, farmers said on Monday.\nMore text.",
    "Source of the trouble was a burst pipe under the main road, the city said.\nMore text.",
    "Title IX funding was cut\nThe state cut funding for 300 schools.",
  ]) {
    const doc = parseTextFile("a.txt", text);
    assert.deepEqual(doc.meta, {}, text);
    assert.equal(doc.body, text);
  }
});

test("a header is only read at the top of the file", () => {
  const doc = parseTextFile("a.txt", ARTICLE + "\ndate 2022-07-09\nsource: Daily Ledger\n");
  assert.deepEqual(doc.meta, {});
});

test("Markdown front matter is read as a header", () => {
  const doc = parseTextFile("a.md", "---\ntitle: \"Minister resigns\"\ndate: 2022-07-09\nlayout: post\n---\n" + ARTICLE);
  assert.deepEqual(doc.meta, { title: "Minister resigns", date: "2022-07-09" });
  assert.equal(doc.body, ARTICLE);
});

test("a file with only a header has no documents", () => {
  assert.deepEqual(documentsFromText("a.txt", "date 2022-07-09\ntitle: Minister resigns\n\n  \n"), []);
  assert.equal(documentsFromText("a.txt", ARTICLE).length, 1);
});

test("byte-order marks decide the encoding", () => {
  const text = "Café “quoted” – ok";
  const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  const be = Buffer.from(le.subarray(2)).swap16();
  assert.equal(decodeText(utf8), text);
  assert.equal(decodeText(le), text);
  assert.equal(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be])), text);
});

test("windows-1252 text keeps its curly quotes and accents", () => {
  // “Café” was ‘busy’, said Zoë. — in windows-1252 bytes.
  const bytes = Buffer.from([
    0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x77, 0x61, 0x73, 0x20, 0x91, 0x62, 0x75, 0x73, 0x79, 0x92,
    0x2c, 0x20, 0x73, 0x61, 0x69, 0x64, 0x20, 0x5a, 0x6f, 0xeb, 0x2e, 0x20, 0x97, 0x0d, 0x0a,
  ]);
  assert.equal(decodeText(bytes), "“Café” was ‘busy’, said Zoë. —\n");
});

test("Windows and old Mac newlines become \\n, and text is NFC", () => {
  assert.equal(decodeText(Buffer.from("one\r\ntwo\rthree Cafe\u0301", "utf8")), "one\ntwo\nthree Café");
});

test("a folder is read recursively in sorted order, skipping hidden entries, node_modules, READMEs and other files", async () => {
  const dir = await tempDir();
  await mkdir(join(dir, "sub"));
  await mkdir(join(dir, ".git"));
  await mkdir(join(dir, "node_modules"));
  await write(dir, "b.txt", ARTICLE);
  await write(dir, "a.md", ARTICLE);
  await write(dir, "sub/c.TXT", ARTICLE);
  await write(dir, "notes.pdf", "%PDF");
  await write(dir, ".hidden.txt", ARTICLE);
  await write(dir, "README.md", "# About this corpus\n\nArticles collected in July.");
  await write(dir, ".git/x.txt", ARTICLE);
  await write(dir, "node_modules/y.txt", ARTICLE);
  const { documents, errors } = await readInputs([dir]);
  assert.deepEqual(errors, []);
  assert.deepEqual(documents.map((d) => d.path), [join(dir, "a.md"), join(dir, "b.txt"), join(dir, "sub/c.TXT")]);
});

test("one bad file is reported and the rest of the batch is read", async () => {
  const dir = await tempDir();
  const good = await write(dir, "good.txt", "title: Minister resigns\n\n" + ARTICLE);
  const empty = await write(dir, "empty.txt", "  \n\n");
  const headerOnly = await write(dir, "header-only.txt", "date 2022-07-09\ntitle: Minister resigns\n");
  const binary = await write(dir, "image.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
  const missing = join(dir, "missing.txt");
  const pdf = await write(dir, "report.pdf", "%PDF-1.4");
  const { documents, errors } = await readInputs([good, empty, headerOnly, binary, missing, pdf]);
  assert.deepEqual(documents.map((d) => d.path), [good]);
  assert.equal(documents[0].meta.title, "Minister resigns");
  const byPath = new Map(errors.map((e) => [e.path, e]));
  assert.equal(byPath.get(empty)?.code, "empty");
  assert.equal(byPath.get(headerOnly)?.code, "empty");
  assert.equal(byPath.get(binary)?.code, "binary");
  assert.equal(byPath.get(missing)?.code, "not-found");
  assert.equal(byPath.get(pdf)?.code, "unsupported");
  for (const e of errors) assert.match(e.message, new RegExp(e.path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  assert.match(byPath.get(pdf)!.message, /\.txt/);
});

test("files over the size limit are reported, not read", async () => {
  const dir = await tempDir();
  const big = await write(dir, "big.txt", ARTICLE.repeat(50));
  const { documents, errors } = await readInputs([big], { maxFileBytes: 1000 });
  assert.equal(documents.length, 0);
  assert.equal(errors[0].code, "too-large");
  assert.match(errors[0].message, /limit/);
  assert.equal(DEFAULT_LIMITS.maxFileBytes, 10 * 1024 * 1024);
});

test("more files than allowed: one too-many error, the rest skipped", async () => {
  const dir = await tempDir();
  for (const name of ["a.txt", "b.txt", "c.txt", "d.txt"]) await write(dir, name, ARTICLE);
  const { documents, errors } = await readInputs([dir], { maxFiles: 2 });
  assert.deepEqual(documents.map((d) => d.path), [join(dir, "a.txt"), join(dir, "b.txt")]);
  assert.deepEqual(errors.map((e) => [e.code, e.path]), [["too-many", join(dir, "c.txt")]]);
});

test("a symlink loop does not hang and files are read once", async () => {
  const dir = await tempDir();
  await mkdir(join(dir, "sub"));
  await write(dir, "sub/a.txt", ARTICLE);
  await symlink(dir, join(dir, "sub/loop"));
  const { documents } = await readInputs([dir, join(dir, "sub/a.txt")]);
  assert.deepEqual(documents.map((d) => d.path), [join(dir, "sub/a.txt")]);
});

test("an unreadable file is reported as unreadable", { skip: process.getuid?.() === 0 ? "root can read anything" : false }, async () => {
  const dir = await tempDir();
  const locked = await write(dir, "locked.txt", ARTICLE);
  await chmod(locked, 0o000);
  const { errors } = await readInputs([locked]);
  assert.equal(errors[0]?.code, "unreadable");
});
