// Candidate direct quotes for the quote evaluation's gold set (eval/quotes-gold.jsonl): every span between
// double quote marks of three words or more in GUM's news and interview texts, MEANTIME's texts, hash-chosen
// samples of ECB+ texts and a third of AEB's dev bodies, printed with context for a person to annotate. The
// annotation (speaker, or not a quote) was written from this listing before the quote code of its round was
// changed (marks that pair wrongly, in ECB+ paragraphs run into one line, were marked by hand from the text).
// Run: node --import tsx eval/quote-candidates.ts [corpus or document id prefix] > candidates.txt

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const DATA = fileURLToPath(new URL("../../shared/data/", import.meta.url));

export interface QuoteDoc {
  id: string;
  corpus: "gum" | "meantime" | "ecbplus" | "aeb";
  part: "dev" | "test";
  text: string;
}

const jsonl = <T>(file: string): T[] => readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as T);
const hash = (s: string) => parseInt(createHash("sha1").update(`quotes:${s}`).digest("hex").slice(0, 8), 16);

/**
 * ECB+ and MEANTIME close quotes with '' and open some with ``, set apart by spaces as tokens: made plain
 * quote marks that touch their words as in print ("so fast, '' said" → "so fast,"   said"), same length, so
 * offsets do not move.
 */
export function plainQuotes(text: string): string {
  return text.replace(/ ''/g, '"  ').replace(/''/g, '" ').replace(/`` /g, '  "').replace(/``/g, ' "');
}

/** The documents of the quote set; `part` by a hash of the id, half dev, half test. */
export function quoteDocs(): QuoteDoc[] {
  const part = (id: string): "dev" | "test" => (hash(id) % 2 === 0 ? "dev" : "test");
  const gum = jsonl<{ id: string; genre: string; text: string }>(`${DATA}gum/docs.jsonl`)
    .filter((d) => d.genre === "news" || d.genre === "interview")
    .map((d) => ({ id: d.id, corpus: "gum" as const, part: part(d.id), text: d.text }));
  const meantime = jsonl<{ id: string; text: string }>(`${DATA}meantime/docs.jsonl`)
    .filter((d) => d.text)
    .map((d) => ({ id: d.id, corpus: "meantime" as const, part: part(d.id), text: plainQuotes(d.text) }));
  // The first sample (hash % 40 === 0), then a second one (=== 2) added to dev in round 3; both hash to dev.
  const ecb = jsonl<{ id: string; text: string }>(`${DATA}ecbplus/docs.jsonl`)
    .filter((d) => hash(d.id) % 40 === 0 || hash(d.id) % 40 === 2)
    .map((d) => ({ id: d.id, corpus: "ecbplus" as const, part: part(d.id), text: plainQuotes(d.text) }));
  // Round 3: a third of AEB's dev pages (their ground-truth bodies: recent news from many outlets), dev only.
  const aebTruth = JSON.parse(readFileSync(`${DATA}scrapinghub-aeb/ground-truth.json`, "utf8")) as Record<string, { articleBody: string }>;
  const aebDev = (JSON.parse(readFileSync(`${DATA}scrapinghub-aeb/splits.json`, "utf8")) as { dev: string[] }).dev;
  const aeb = aebDev.filter((id) => hash(id) % 3 === 0)
    .map((id) => ({ id: `aeb-${id.slice(0, 12)}`, corpus: "aeb" as const, part: "dev" as const, text: aebTruth[id].articleBody }));
  return [...gum, ...meantime, ...ecb, ...aeb];
}

const SPAN = /["“]([^"“”\n]+)["”]/g;

export function candidates(doc: QuoteDoc): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of doc.text.matchAll(SPAN)) if (m[1].trim().split(/\s+/).length >= 3) out.push({ start: m.index!, end: m.index! + m[0].length });
  return out;
}

function main(): void {
  let n = 0;
  const only = process.argv[2]; // a corpus name or document id prefix, to list only those
  for (const d of quoteDocs().filter((x) => !only || x.corpus === only || x.id.startsWith(only))) {
    for (const c of candidates(d)) {
      const before = d.text.slice(Math.max(0, c.start - 260), c.start).replace(/\s+/g, " ");
      const after = d.text.slice(c.end, c.end + 160).replace(/\s+/g, " ");
      const q = d.text.slice(c.start, c.end).replace(/\s+/g, " ");
      console.log(`#${n++} ${d.corpus} ${d.id} ${c.start}-${c.end}\n  … ${before} [[${q.length > 220 ? `${q.slice(0, 110)} … ${q.slice(-100)}` : q}]] ${after} …\n`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
