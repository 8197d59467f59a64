// WARC reading benchmark: builds a WARC.gz the way Common Crawl writes them (one gzip member per record;
// a request, a response and a metadata record per page, a few 404s and images), from the real pages in
// ../shared/data, then streams it through readDocuments (the compiled code) in a child process and prints
// records, pages/s, MB/s and peak memory. The file is built in a temporary folder and deleted after.
//
//   npm run build && node --import tsx bench/warc.ts                # ~1 GB of WARC.gz
//   npm run build && node --import tsx bench/warc.ts --size-mb 100  # a quicker run
//   ... --parse-only    # pages served as application/octet-stream: the archive reader alone, no extraction
//   ... --heap-mb 160   # run the reader with V8's old space capped (--max-old-space-size): the live set is
//                       # small, but by default V8 lets extraction garbage grow the heap well past it

import { execFileSync } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";

const ROOT = join(import.meta.dirname, "..");
const DATA = join(ROOT, "..", "shared", "data");
const PAGE_DIRS = [join(DATA, "scrapinghub-aeb", "html"), join(DATA, "trafilatura-eval", "pages")];

interface Result {
  records: number;
  pages: number;
  errors: number;
  skipped: Record<string, number>;
  seconds: number;
  /** CPU seconds (user + system) of the reading process: the fair figure on a busy machine. */
  cpuSeconds: number;
  peakMiB: number;
}

function record(fields: [string, string][], block: Buffer): Buffer {
  const head = ["WARC/1.0", ...fields.map(([k, v]) => `${k}: ${v}`), `Content-Length: ${block.length}`, "", ""].join("\r\n");
  return Buffer.concat([Buffer.from(head, "latin1"), block, Buffer.from("\r\n\r\n")]);
}

let serial = 0;
function id(): string {
  return `<urn:uuid:6a0b0f4e-0000-4000-8000-${(++serial).toString(16).padStart(12, "0")}>`;
}

/** The records for one page: request, response (or a 404 / an image now and then), metadata. */
function pageRecords(html: Buffer, uri: string, date: string, n: number, pageType: string): Buffer[] {
  const host = new URL(uri).host;
  const request = record([["WARC-Type", "request"], ["WARC-Date", date], ["WARC-Record-ID", id()], ["WARC-Target-URI", uri],
    ["Content-Type", "application/http; msgtype=request"]], Buffer.from(`GET ${new URL(uri).pathname} HTTP/1.1\r\nHost: ${host}\r\nUser-Agent: bench\r\n\r\n`));
  let http: Buffer;
  if (n % 25 === 24) http = Buffer.from("HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<html><body><p>Not found</p></body></html>");
  else if (n % 25 === 23) http = Buffer.concat([Buffer.from("HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n"), html.subarray(0, 20_000)]);
  else http = Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: ${pageType}\r\nContent-Length: ${html.length}\r\n\r\n`), html]);
  const response = record([["WARC-Type", "response"], ["WARC-Date", date], ["WARC-Record-ID", id()], ["WARC-Target-URI", uri],
    ["Content-Type", "application/http; msgtype=response"]], http);
  const metadata = record([["WARC-Type", "metadata"], ["WARC-Date", date], ["WARC-Record-ID", id()], ["WARC-Target-URI", uri],
    ["Content-Type", "application/warc-fields"]], Buffer.from(`fetchTimeMs: ${n % 900}\r\n`));
  return [request, response, metadata];
}

async function loadPages(): Promise<Buffer[]> {
  const pages: Buffer[] = [];
  for (const dir of PAGE_DIRS) {
    const names = (await readdir(dir)).filter((n) => n.endsWith(".html.gz")).sort();
    for (const name of names) pages.push(gunzipSync(await readFile(join(dir, name))));
  }
  return pages;
}

/** Writes WARC.gz records until the file reaches `bytes`; returns the path and the number of records. */
async function buildWarc(dir: string, bytes: number, pageType: string): Promise<{ path: string; records: number }> {
  const pages = await loadPages();
  if (!pages.length) throw new Error(`no pages found in ${PAGE_DIRS.join(", ")}`);
  const path = join(dir, "bench.warc.gz");
  const out = createWriteStream(path);
  let written = 0;
  let records = 0;
  const info = record([["WARC-Type", "warcinfo"], ["WARC-Record-ID", id()], ["Content-Type", "application/warc-fields"]], Buffer.from("software: storydesk bench\r\n"));
  out.write(gzipSync(info));
  for (let n = 0; written < bytes; n++) {
    const html = pages[n % pages.length];
    const round = Math.floor(n / pages.length);
    const uri = `https://news${n % 97}.example/${2015 + (round % 10)}/${String((n % 12) + 1).padStart(2, "0")}/story-${n}.html`;
    const date = new Date(Date.UTC(2020, 0, 1) + n * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");
    for (const r of pageRecords(html, uri, date, n, pageType)) {
      const member = gzipSync(r, { level: 1 });
      written += member.length;
      records++;
      if (!out.write(member)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    }
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return { path, records: records + 1 };
}

/** The child's program: plain JavaScript over the compiled readers (no TypeScript loader in the measured process). */
const CHILD = `
const { readDocuments, newWarcStats } = await import(process.argv[1]);
const stats = newWarcStats();
let errors = 0;
const start = process.hrtime.bigint();
for await (const item of readDocuments([process.argv[2]], {}, { warcStats: stats })) if ("code" in item) errors++;
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const cpu = process.cpuUsage();
process.stdout.write(JSON.stringify({
  records: stats.records, pages: stats.pages, errors, skipped: Object.fromEntries(stats.skipped), seconds,
  cpuSeconds: (cpu.user + cpu.system) / 1e6,
  peakMiB: process.resourceUsage().maxRSS / 1024,
}));
`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const sizeArg = args.indexOf("--size-mb");
  const sizeMb = sizeArg >= 0 ? Number(args[sizeArg + 1]) : 1024;
  if (!(sizeMb > 0)) throw new Error("--size-mb takes a positive number");
  const dir = await mkdtemp(join(tmpdir(), "storydesk-warc-bench-"));
  try {
    const built = Date.now();
    const parseOnly = args.includes("--parse-only");
    const { path, records } = await buildWarc(dir, sizeMb * 1024 * 1024, parseOnly ? "application/octet-stream" : "text/html; charset=utf-8");
    const { size } = await stat(path);
    process.stderr.write(`built ${(size / 1024 / 1024).toFixed(0)} MiB, ${records} records in ${((Date.now() - built) / 1000).toFixed(0)} s\n`);
    const readers = pathToFileURL(join(ROOT, "dist", "read", "index.js")).href;
    const heapArg = args.indexOf("--heap-mb");
    const flags = heapArg >= 0 ? [`--max-old-space-size=${Number(args[heapArg + 1])}`] : [];
    const out = execFileSync(process.execPath, [...flags, "--input-type=module", "-e", CHILD, readers, path], { encoding: "utf8", maxBuffer: 1 << 20 });
    const r = JSON.parse(out) as Result;
    const mb = size / 1024 / 1024;
    const rate = (x: number) => `${x >= 100 ? Math.round(x) : x.toFixed(1)}`;
    console.log("| WARC.gz (MiB) | records | pages read | errors | seconds (CPU) | records/s (per CPU s) | pages/s (per CPU s) | MiB/s (per CPU s) | peak RSS (MiB) |");
    console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    console.log(`| ${mb.toFixed(0)} | ${r.records} | ${r.pages} | ${r.errors} | ${r.seconds.toFixed(1)} (${r.cpuSeconds.toFixed(1)}) | ` +
      `${rate(r.records / r.seconds)} (${rate(r.records / r.cpuSeconds)}) | ${rate(r.pages / r.seconds)} (${rate(r.pages / r.cpuSeconds)}) | ` +
      `${rate(mb / r.seconds)} (${rate(mb / r.cpuSeconds)}) | ${Math.round(r.peakMiB)} |`);
    console.log(`\nSkipped without error: ${Object.entries(r.skipped).map(([k, v]) => `${k} ${v}`).join(", ")}.`);
    if (flags.length) console.log(`\nReader run with ${flags.join(" ")}.`);
    console.log("One core; pages are decoded and extracted (src/html) as well as parsed out of the archive. MiB/s is of the");
    console.log("compressed file. On a busy machine the per-CPU-second figures are the ones to compare.");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
