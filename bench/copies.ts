// Copy-stage benchmark: documents per second and peak memory through the in-memory copy index (the
// findCopies path: addToCopyIndex per article, then families), one core, at 10k, 100k and 1M documents;
// then the recall of the index's candidate search against every copy pair the same compare() finds among
// all pairs (found exactly without comparing each: bench/copies-allpairs.ts). Articles come from
// bench/copies-corpus.ts (real-news Markov text with injected copies).
// Each size runs in a child process of its own, so its peak memory is its own.
//
//   npm run bench -- copies                  # 10k, 100k, 1M, then all-pairs recall on 10k
//   npm run bench -- copies 10000 100000     # chosen sizes
//   npm run bench -- copies --recall 2000    # all-pairs recall on another size; --no-recall to skip

import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
// The compiled code, as the CLI runs it (`npm run bench` builds first).
import { addToCopyIndex, assignFamilies, createCopyIndex, type CopyEdge } from "../dist/copies/index.js";
import { compare, type Comparable } from "../dist/copies/compare.js";
import { profileArticle } from "../dist/copies/profile.js";
import { decodeCopyIndex, encodeCopyIndex } from "../dist/copies/index-codec.js";
import { CopyStream, type GeneratedArticle, type GeneratedKind } from "./copies-corpus.js";
import { allCopyPairs } from "./copies-allpairs.js";

/** Articles generated per step; only the copy stage between generations is timed. */
const BATCH = 1000;
/** Documents between progress lines on standard error (a 1M run takes a while). */
const PROGRESS = 100_000;
const KINDS: GeneratedKind[] = ["exact", "near", "partial", "spun"];
const BOTH = { words: true, spin: true };
/** Documents for the all-pairs check by default (about a CPU minute at 10k: bench/copies-allpairs.ts). */
const ALL_PAIRS_DEFAULT = 10000;

interface Clock {
  wall: number;
  cpu: number;
}

function timed<T>(clock: Clock, run: () => T): T {
  const cpu = process.cpuUsage();
  const wall = process.hrtime.bigint();
  const out = run();
  clock.wall += Number(process.hrtime.bigint() - wall) / 1e9;
  const used = process.cpuUsage(cpu);
  clock.cpu += (used.user + used.system) / 1e6;
  return out;
}

interface SizeResult {
  size: number;
  wall: number;
  cpu: number;
  familiesCpu: number;
  baseRss: number;
  peakRss: number;
  peakHeap: number;
  /** Heap and typed-array memory the index keeps, after a full GC, beyond what was there before it. */
  retained: number;
  copies: number;
  /** Per injected kind: how many, and how many the output links to their original (same family). */
  injected: Record<string, [number, number]>;
  /** Injected pairs compare() calls copies; of those, reported by the index; linked in one family. */
  known: [number, number, number];
  encodedBytes: number;
  encodeSeconds: number;
  decodeSeconds: number;
}

const MiB = 2 ** 20;

function measure(size: number): SizeResult {
  const stream = new CopyStream();
  const kinds: GeneratedKind[] = [];
  const originals = new Int32Array(size).fill(-1);
  const retainedNow = () => {
    global.gc?.();
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const before = retainedNow();
  const base = process.memoryUsage();
  let peakHeap = base.heapUsed;
  const index = createCopyIndex();
  const edges: CopyEdge[] = [];
  const clock: Clock = { wall: 0, cpu: 0 };
  // Injected copies that compare() confirms against their original: the known pairs above the threshold.
  const confirmed = new Uint8Array(size);
  for (let start = 0; start < size; start += BATCH) {
    const batch: GeneratedArticle[] = [];
    for (let i = start; i < Math.min(size, start + BATCH); i++) batch.push(stream.get(i));
    timed(clock, () => {
      batch.forEach(({ article }, k) => {
        for (const m of addToCopyIndex(index, article)) edges.push({ a: m.slot, b: start + k, kind: m.kind, similarity: m.similarity });
      });
    });
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    if ((start + BATCH) % PROGRESS === 0) process.stderr.write(`  ${start + BATCH} documents, copy stage ${clock.cpu.toFixed(0)} CPU s\n`);
    batch.forEach((g, k) => {
      kinds.push(g.kind);
      if (g.of === null) return;
      originals[start + k] = g.of;
      const original = { profile: profileArticle(stream.get(g.of).article) };
      if (compare({ profile: profileArticle(g.article) }, original, BOTH)) confirmed[start + k] = 1;
    });
  }
  const families: Clock = { wall: 0, cpu: 0 };
  const copies = timed(families, () => assignFamilies(index.profiles.map(({ id, published, chars }) => ({ id, published, chars })), edges));
  clock.wall += families.wall;
  clock.cpu += families.cpu;

  // Peak RSS of the copy stage, before saving and loading (which hold two more copies of the index).
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const retained = retainedNow() - before;

  // Injected copies the output puts in their original's family; confirmed pairs the index reported.
  const familyOf = new Map(copies.map((c) => [c.copy, c.of]));
  const family = (i: number) => familyOf.get(`a${i}`) ?? `a${i}`;
  const reported = new Set(edges.map((e) => e.a * size + e.b));
  const injected: Record<string, [number, number]> = {};
  for (const kind of KINDS) injected[kind] = [0, 0];
  const known: [number, number, number] = [0, 0, 0];
  kinds.forEach((kind, i) => {
    if (kind === "fresh") return;
    injected[kind][0]++;
    const linked = family(i) === family(originals[i]);
    if (linked) injected[kind][1]++;
    if (!confirmed[i]) return;
    known[0]++;
    if (reported.has(originals[i] * size + i)) known[1]++;
    if (linked) known[2]++;
  });

  // Saving and loading the whole index.
  const save: Clock = { wall: 0, cpu: 0 };
  const bytes = timed(save, () => encodeCopyIndex(index));
  const load: Clock = { wall: 0, cpu: 0 };
  timed(load, () => decodeCopyIndex(bytes));
  return {
    size,
    wall: clock.wall,
    cpu: clock.cpu,
    familiesCpu: families.cpu,
    baseRss: base.rss,
    peakRss,
    peakHeap,
    retained,
    copies: copies.length,
    injected,
    known,
    encodedBytes: bytes.length,
    encodeSeconds: save.wall,
    decodeSeconds: load.wall,
  };
}

interface RecallResult {
  size: number;
  /** Copy pairs by compare() among all n(n − 1)/2 pairs (the exact reference). */
  pairs: number;
  /** Of those: reported by the index itself; found (itself or between verbatim reprints of its two texts); in one family. */
  direct: number;
  found: number;
  linked: number;
  /** Per kind (the reference's verdict): [pairs, found]. */
  byKind: Record<string, [number, number]>;
  /** Pairs the reference ran compare() on; its CPU seconds; the index's on the same documents. */
  compared: number;
  allPairsCpu: number;
  indexCpu: number;
  /** Members of the biggest family (a family that swallowed everything would make "linked" meaningless). */
  biggestFamily: number;
}

/**
 * The index's matches against every copy pair compare() finds among all pairs (bench/copies-allpairs.ts:
 * exact, and cheap enough for 10k documents). The index reports an exact reprint against the first copy
 * of its text only, so a pair counts as found when the index reported it or the same relation between
 * verbatim reprints of its two texts (texts linked by the index's exact matches count as one). Families
 * (all matches, connected) are reported beside it.
 */
function recall(size: number): RecallResult {
  const stream = new CopyStream();
  const articles = Array.from({ length: size }, (_, i) => stream.get(i).article);
  const index = createCopyIndex();
  const reported = new Set<number>();
  const exact: [number, number][] = [];
  const indexClock: Clock = { wall: 0, cpu: 0 };
  timed(indexClock, () =>
    articles.forEach((article, b) => {
      for (const m of addToCopyIndex(index, article)) {
        reported.add(m.slot * size + b);
        if (m.kind === "exact") exact.push([m.slot, b]);
      }
    }),
  );
  const unionFind = () => {
    const parent = Int32Array.from({ length: size }, (_, i) => i);
    const root = (x: number): number => (parent[x] === x ? x : (parent[x] = root(parent[x])));
    return { root, join: (a: number, b: number) => void (parent[root(a)] = root(b)) };
  };
  // Texts: exact matches joined. Families: every match joined.
  const texts = unionFind();
  for (const [a, b] of exact) texts.join(a, b);
  const families = unionFind();
  const textPairs = new Set<number>();
  for (const key of reported) {
    const a = Math.floor(key / size);
    const b = key % size;
    families.join(a, b);
    const [x, y] = [texts.root(a), texts.root(b)].sort((p, q) => p - q);
    textPairs.add(x * size + y);
  }
  const familySize = new Map<number, number>();
  for (let i = 0; i < size; i++) familySize.set(families.root(i), (familySize.get(families.root(i)) ?? 0) + 1);

  const comparables: Comparable[] = articles.map((a) => ({ profile: profileArticle(a) }));
  const all: Clock = { wall: 0, cpu: 0 };
  const reference = timed(all, () => allCopyPairs(comparables, BOTH));
  let direct = 0;
  let found = 0;
  let linked = 0;
  const byKind: Record<string, [number, number]> = {};
  for (const { a, b, verdict } of reference.pairs) {
    const [x, y] = [texts.root(a), texts.root(b)].sort((p, q) => p - q);
    const hit = reported.has(a * size + b);
    const viaText = hit || x === y || textPairs.has(x * size + y);
    if (hit) direct++;
    if (viaText) found++;
    if (families.root(a) === families.root(b)) linked++;
    const k = (byKind[verdict.kind] ??= [0, 0]);
    k[0]++;
    if (viaText) k[1]++;
  }
  return {
    size,
    pairs: reference.pairs.length,
    direct,
    found,
    linked,
    byKind,
    compared: reference.compared,
    allPairsCpu: all.cpu,
    indexCpu: indexClock.cpu,
    biggestFamily: Math.max(...familySize.values()),
  };
}

const args = process.argv.slice(2);
const self = fileURLToPath(import.meta.url);
const child = (flag: string, size: number) =>
  JSON.parse(
    execFileSync(process.execPath, ["--import", "tsx", "--expose-gc", "--max-old-space-size=16384", self, flag, String(size)], {
      encoding: "utf8",
      maxBuffer: 1 << 20,
      stdio: ["ignore", "pipe", "inherit"],
    }),
  );

if (args[0] === "--child") {
  process.stdout.write(JSON.stringify(measure(Number(args[1]))));
} else if (args[0] === "--recall-child") {
  process.stdout.write(JSON.stringify(recall(Number(args[1]))));
} else {
  const recallAt = args.includes("--no-recall") ? null : Number(args[args.indexOf("--recall") + 1] || ALL_PAIRS_DEFAULT);
  const sizes = args.filter((a, i) => /^\d+$/.test(a) && args[i - 1] !== "--recall").map(Number);
  const mib = (n: number) => Math.round(n / MiB);
  const ratio = (k: number, n: number) => (n ? (k / n).toFixed(4) : "-");
  const pct = ([n, k]: [number, number]) => (n ? `${((100 * k) / n).toFixed(1)}%` : "-");
  const results: SizeResult[] = [];
  console.log("| documents | copy stage wall s | CPU s | docs/s (CPU) | peak RSS MiB | peak heap MiB | index kept MiB | saved MiB | save / load s |");
  console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const size of sizes.length ? sizes : [10000, 100000, 1000000]) {
    const r = child("--child", size) as SizeResult;
    results.push(r);
    console.log(
      `| ${r.size} | ${r.wall.toFixed(1)} | ${r.cpu.toFixed(1)} | ${Math.round(r.size / r.cpu)} | ${mib(r.peakRss)} | ${mib(r.peakHeap)} | ` +
        `${mib(r.retained)} | ${mib(r.encodedBytes)} | ${r.encodeSeconds.toFixed(1)} / ${r.decodeSeconds.toFixed(1)} |`,
    );
  }
  console.log(`\nTimes cover the copy stage only (addToCopyIndex per article, then families) on one core; generating the`);
  console.log(`articles is not timed. Peak RSS includes the text generator (${mib(results[0]?.baseRss ?? 0)} MiB before the first article).`);
  console.log(`"Index kept": heap and typed arrays the index (with its edges and families) holds after a full GC.`);
  console.log(`The machine is shared with other agents: wall time is inflated, CPU s is the figure to read.`);
  console.log(`\nInjected copies (known pairs): compare() confirms the copy against its original; reported = the index`);
  console.log(`matched the pair itself; linked = the output puts both in one family.\n`);
  console.log("| documents | injected exact / near / partial / spun in their original's family | confirmed pairs | reported | recall | linked | recall (linked) |");
  console.log("| ---: | --- | ---: | ---: | ---: | ---: | ---: |");
  for (const r of results) {
    const [n, reported, linked] = r.known;
    console.log(`| ${r.size} | ${KINDS.map((k) => pct(r.injected[k])).join(" / ")} | ${n} | ${reported} | ${ratio(reported, n)} | ${linked} | ${ratio(linked, n)} |`);
  }
  if (recallAt) {
    const r = child("--recall-child", recallAt) as RecallResult;
    const pairs = (r.size * (r.size - 1)) / 2;
    console.log(`\nCandidate recall against every pair: ${r.size} documents, all ${pairs.toLocaleString("en")} pairs by compare(), exactly`);
    console.log(`(pairs sharing no aligned sentence and no digest cannot be copies; the ${r.compared.toLocaleString("en")} others were compared:`);
    console.log(`${r.allPairsCpu.toFixed(0)} CPU s; the index on the same documents: ${r.indexCpu.toFixed(1)} CPU s).`);
    console.log(`Found = the index reported the pair, or the same relation between verbatim reprints of its two texts.\n`);
    console.log("| copy pairs (all pairs) | found | recall | reported as such | in one family | recall (family) | biggest family |");
    console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    console.log(`| ${r.pairs} | ${r.found} | ${ratio(r.found, r.pairs)} | ${r.direct} | ${r.linked} | ${ratio(r.linked, r.pairs)} | ${r.biggestFamily} |`);
    console.log(`\nBy kind (the all-pairs verdict, found/all): ${Object.entries(r.byKind).map(([k, v]) => `${k} ${v[1]}/${v[0]}`).join(", ")}.`);
  }
}
