// Disagreements: precision and recall per kind on pairs built from real article texts (eval/
// disagreement-set.ts): an original and an independent rewrite of it with one injected contradiction (a
// figure, a count, a date, a negation or denial, a speaker), and as many twins changed only by paraphrase
// or added detail. A found disagreement is right when it has the injected kind and cites the changed sentence
// on both sides; anything else it finds is a false positive of its kind. Parts by a hash of the document id.
// Run: npm run eval -- disagreements                       (test part)
//      node --import tsx eval/disagreements.ts --part dev [--misses] [--false] [--per-kind N]   (default 300)

import type { Article, ArticleFacts, Disagreement, DisagreementKind, StoryMaterial } from "../src/model/index.js";
import { extractFacts } from "../src/facts/index.js";
import { findDisagreements } from "../src/disagreements/index.js";
import { splitSentences } from "../src/text/sentences.js";
import { buildPairs, KINDS, type Pair } from "./disagreement-set.js";

interface Built {
  article: Article;
  facts: ArticleFacts;
  /** Article sentence indexes of each set sentence (those its span overlaps: the splitter may cut it up). */
  sentencesOf: number[][];
}

function build(id: string, sentences: string[], published: string | null): Built {
  let text = "";
  const spans = sentences.map((s) => {
    if (text) text += " ";
    const at = text.length;
    text += s;
    return [at, text.length];
  });
  const split = splitSentences(text);
  const article: Article = {
    id, source: { path: id, name: null, url: null, agency: null, author: null }, title: null, published, dateline: null, text, sentences: split,
  };
  const sentencesOf = spans.map(([from, to]) => split.filter((s) => s.start < to && from < s.end).map((s) => s.i));
  return { article, facts: extractFacts(article), sentencesOf };
}

function detect(pair: Pair): { found: Disagreement[]; gold: [number[], number[]] } {
  const a = build("original", pair.original, pair.published);
  const b = build("rewrite", pair.rewrite, pair.published);
  const material: StoryMaterial = {
    articles: [a.article, b.article],
    sentences: [a, b].flatMap((x) => x.article.sentences.map((sentence) => ({ article: x.article, sentence, family: x.article.id }))),
    facts: new Map([[a.article.id, a.facts], [b.article.id, b.facts]]),
    events: [{ id: "e1", title: "", date: null, precision: null, articles: [a.article.id, b.article.id] }],
  };
  return { found: findDisagreements(material), gold: [a.sentencesOf[pair.target[0]], b.sentencesOf[pair.target[1]]] };
}

function cites(d: Disagreement, article: string, sentences: number[]): boolean {
  return d.claims.some((c) => c.cites.some((x) => x.article === article && sentences.includes(x.sentence)));
}

function main(): void {
  const args = process.argv.slice(2);
  const part = args.includes("--part") && args[args.indexOf("--part") + 1] === "dev" ? "dev" : "test";
  const showMisses = args.includes("--misses") && part === "dev";
  const showFalse = args.includes("--false") && part === "dev";
  const perKind = args.includes("--per-kind") ? Number(args[args.indexOf("--per-kind") + 1]) : undefined;
  const pairs = buildPairs(perKind).filter((p) => p.part === part);
  const tally = new Map<DisagreementKind, { gold: number; found: number; predicted: number; falseDocs: Set<string> }>(
    KINDS.map((k) => [k, { gold: 0, found: 0, predicted: 0, falseDocs: new Set() }]));
  const started = process.cpuUsage();
  let negatives = 0;
  let negativesClean = 0;
  for (const pair of pairs) {
    const { found, gold } = detect(pair);
    if (pair.kind) tally.get(pair.kind)!.gold++;
    else negatives++;
    const right = pair.kind ? found.find((d) => d.kind === pair.kind && cites(d, "original", gold[0]) && cites(d, "rewrite", gold[1])) : undefined;
    if (right) tally.get(pair.kind!)!.found++;
    else if (pair.kind && showMisses) {
      console.log(`MISS ${pair.kind} ${pair.id} (${pair.change})\n  - ${pair.original[pair.target[0]]}\n  + ${pair.rewrite[pair.target[1]]}\n`);
    }
    for (const d of found) {
      tally.get(d.kind)!.predicted++;
      if (d !== right) tally.get(d.kind)!.falseDocs.add(pair.doc);
      if (d !== right && showFalse) {
        console.log(`FALSE ${d.kind} in ${pair.id} (${pair.change}) "${d.subject}"\n${d.claims.map((c) => `  ${c.value}: ${c.text}`).join("\n")}\n`);
      }
    }
    if (!pair.kind && found.length === 0) negativesClean++;
  }
  const cpu = process.cpuUsage(started);
  const f = (n: number) => n.toFixed(2);
  console.log(`Disagreements (${part}): ${pairs.length - negatives} pairs with one injected contradiction, ${negatives} changed only by paraphrase or added detail`);
  // A document's pairs share their unchanged sentences, so one misread pair of sentences recurs in each of
  // them: the last column says from how many documents the false positives come.
  console.log(`| kind | pairs | found | predicted | precision | recall | false positives from documents |`);
  console.log(`| --- | --- | --- | --- | --- | --- | --- |`);
  let g = 0, fd = 0, pr = 0;
  const falseDocs = new Set<string>();
  for (const [kind, t] of tally) {
    g += t.gold; fd += t.found; pr += t.predicted;
    for (const d of t.falseDocs) falseDocs.add(d);
    console.log(`| ${kind} | ${t.gold} | ${t.found} | ${t.predicted} | ${t.predicted ? f(t.found / t.predicted) : "-"} | ${t.gold ? f(t.found / t.gold) : "-"} | ${t.falseDocs.size} |`);
  }
  console.log(`| all | ${g} | ${fd} | ${pr} | ${pr ? f(fd / pr) : "-"} | ${g ? f(fd / g) : "-"} | ${falseDocs.size} |`);
  console.log(`Negative pairs with nothing reported: ${negativesClean} of ${negatives}. CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (facts and disagreements, ${pairs.length * 2} articles).`);
}

main();
