// Quotes (facts stage): direct-quote detection and speaker accuracy on a set we annotated ourselves from
// real article texts (eval/quotes-gold.jsonl): every span between double quote marks of three words or more
// in GUM's news and interview texts, MEANTIME's texts and a hash-chosen sample of ECB+ texts (listed by
// eval/quote-candidates.ts), each marked by hand, before any quote code was changed, as a quote with its
// speaker (the person or body whose words they are, from the text), a quote whose speaker the text does not
// name ("a man screamed"), or no quote (titles, scare quotes, terms, headlines). Parts by a hash of the
// document id: 151 quotes in dev (130 with a named speaker), 93 in test (86); later a second ECB+ sample and
// a third of AEB's dev bodies were added to dev only, marked the same way before that round's code changed:
// dev is now 356 quotes (321 with a named speaker), test unchanged.
// Run: npm run eval -- quotes               (test part)
//      node --import tsx eval/quotes.ts --part dev [--misses]

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { articleFactsView } from "../src/facts/view.js";
import { foldName, initials, partKey } from "../src/facts/names.js";
import type { Article, ArticleFactsView, Attribution } from "../src/model/index.js";
import { splitSentences } from "../src/text/sentences.js";
import { quoteDocs } from "./quote-candidates.js";

const GOLD = fileURLToPath(new URL("quotes-gold.jsonl", import.meta.url));

interface Gold {
  doc: string;
  part: "dev" | "test";
  start: number;
  end: number;
  kind: "quote" | "not-quote";
  speaker: string | null;
  text: string;
}

function articleOf(id: string, text: string): Article {
  return {
    id, source: { path: id, name: null, url: null, agency: null, author: null }, title: null, published: null,
    dateline: null, text, sentences: splitSentences(text),
  };
}

const lastKey = (name: string): string => partKey(name.replace(/['’]s$/, "").split(/\s+/).filter(Boolean).at(-1) ?? "");
const plain = (name: string): string => foldName(name).replace(/[^a-z0-9]/g, "");

/** A speaker entity stands for the gold speaker when one of its forms has the same surname key, the same
 *  letters, or is the other's acronym ("KCNA", "Korean Central News Agency"). */
export function sameSpeaker(forms: string[], gold: string): boolean {
  return forms.some((f) =>
    plain(f) === plain(gold) || (lastKey(f) !== "" && lastKey(f) === lastKey(gold)) ||
    initials(f) === gold.replace(/\./g, "") || initials(gold) === f.replace(/\./g, ""));
}

interface Tally {
  gold: number;
  found: number;
  predicted: number;
  predictedRight: number;
  named: number;
  namedFound: number;
  speakerRight: number;
  noSpeaker: number;
  byHow: Map<Attribution, { n: number; right: number }>;
}

function main(): void {
  const args = process.argv.slice(2);
  const part = args.includes("--part") && args[args.indexOf("--part") + 1] === "dev" ? "dev" : "test";
  const showMisses = args.includes("--misses") && part === "dev";
  const gold = readFileSync(GOLD, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Gold).filter((g) => g.part === part);
  const byDoc = new Map<string, Gold[]>();
  for (const g of gold) byDoc.set(g.doc, [...(byDoc.get(g.doc) ?? []), g]);
  const docs = quoteDocs().filter((d) => byDoc.has(d.id));
  const t: Tally = { gold: 0, found: 0, predicted: 0, predictedRight: 0, named: 0, namedFound: 0, speakerRight: 0, noSpeaker: 0, byHow: new Map() };
  const misses: string[] = [];
  for (const d of docs) {
    const view: ArticleFactsView = articleFactsView(articleOf(d.id, d.text));
    const quotes = byDoc.get(d.id)!.filter((g) => g.kind === "quote");
    const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
    t.predicted += view.quotes.length;
    t.predictedRight += view.quotes.filter((q) => quotes.some((g) => overlaps(q, g))).length;
    for (const g of quotes) {
      t.gold++;
      const q = view.quotes.find((p) => overlaps(p, g));
      if (q) t.found++;
      else if (showMisses) misses.push(`missed   ${d.id}: ${g.text}`);
      if (!g.speaker) continue;
      t.named++;
      if (!q) continue;
      t.namedFound++;
      const entity = q.speaker === null ? null : view.entities[q.speaker];
      const right = entity !== null && sameSpeaker([entity.name, ...entity.aliases], g.speaker);
      if (right) t.speakerRight++;
      if (!entity) t.noSpeaker++;
      const how = t.byHow.get(q.attribution) ?? { n: 0, right: 0 };
      how.n++;
      if (right) how.right++;
      t.byHow.set(q.attribution, how);
      if (!right && showMisses) misses.push(`speaker  ${d.id}: ${g.text} — gold ${g.speaker}, found ${entity?.name ?? "none"} (${q.attribution})`);
    }
    if (showMisses) for (const q of view.quotes) if (!quotes.some((g) => overlaps(q, g))) misses.push(`extra    ${d.id}: ${q.text.slice(0, 60)}`);
  }
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : "  -  ");
  const p = t.predictedRight / t.predicted;
  const r = t.found / t.gold;
  console.log(`\nQuotes: our annotated set (GUM news/interview, MEANTIME, ECB+ samples, AEB dev bodies), ${part} part, ${docs.length} documents`);
  console.log(`detection: ${t.gold} gold quotes, ${t.predicted} found; precision ${f(p)}  recall ${f(r)}  F1 ${f((2 * p * r) / (p + r))}`);
  console.log(`speaker:   ${t.named} quotes with a named speaker, ${t.namedFound} of them found; speaker accuracy ${f(t.speakerRight / t.namedFound)} ` +
    `(${t.speakerRight} right, ${t.noSpeaker} with no speaker given); over all ${t.named}: ${f(t.speakerRight / t.named)}`);
  console.log(`by attribution: ${[...t.byHow].map(([how, x]) => `${how} ${x.right}/${x.n}`).join(", ")}`);
  if (showMisses) console.log(`\n${misses.join("\n")}`);
}

// Run only as a script: importing the module (for sameSpeaker) does not start an evaluation.
if (import.meta.url === `file://${process.argv[1]}`) main();
