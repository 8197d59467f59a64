// Where sources disagree: statements of independent sources (different copy families) in one event that
// cannot both be true. Four ways to part:
//   figure and count  "Delegates from 14 countries signed" / "Delegates from 12 countries signed"
//   date              "signed on Thursday" / "signed on Wednesday" (resolved against each article's date)
//   denial            "Wanjiru met Petrov for ten minutes" / "no meeting with Wanjiru took place"
//   speaker           the same quoted words, said by Petrov in one source and by Okonjo in another
// A paraphrase, a rounder or hedged number ("about 300" for 310) and an added detail are not disagreement.
//
// Cost stays near linear in a story's sentences: a statement is only compared with statements that share
// some of its rarest topic words (anchors), and a word too common to be an anchor indexes nothing.

import type { Cite, Disagreement, QuoteFinding, StoryMaterial } from "../model/index.js";
import { COMPARE_DEFAULTS, conflictsBetween, type Conflict, type Side } from "./compare.js";
import { QUOTE_DEFAULTS, quotedWords, speakerConflict, type QuotedWords } from "./quoted.js";
import { readStatement, type Statement } from "./statements.js";

export const DISAGREEMENT_DEFAULTS = {
  compare: COMPARE_DEFAULTS,
  quotes: QUOTE_DEFAULTS,
  /** A statement is indexed under this many of its rarest topic words. */
  anchors: 8,
  /** Two statements are compared when they share this many anchors. */
  minAnchors: 2,
  /** A word in more statements than this is too common to be an anchor: bounds the comparisons. */
  maxPosting: 64,
  /** At most this many disagreements per story, the best supported first. */
  maxPerStory: 10,
};

export type DisagreementOptions = typeof DISAGREEMENT_DEFAULTS;

export function findDisagreements(material: StoryMaterial, options: DisagreementOptions = DISAGREEMENT_DEFAULTS): Disagreement[] {
  // Only independent sources disagree: a story told by one family (most stories of a corpus) has nothing
  // to compare, and reading its statements was most of this stage's cost at ingest.
  if (new Set(material.sentences.map((ref) => ref.family)).size < 2) return [];
  const eventOf = new Map<string, string>();
  for (const e of material.events) for (const id of e.articles) eventOf.set(id, e.id);
  const statements = material.sentences.map((ref) =>
    readStatement(ref, eventOf.get(ref.article.id) ?? "", material.facts.get(ref.article.id)));
  const independent = (a: Statement, b: Statement) => a.ref.family !== b.ref.family && a.event === b.event;

  // A source that contradicts itself on a point (two values, a claim and its denial) reports a dispute or a
  // change ("up from 12", "…, which Petrov's office denies"); it takes no side against another source.
  const twoSided = new Set<string>();
  const side = (family: string, c: Conflict) => `${family}\u0000${c.subjectKey}`;
  const found: Conflict[] = [];
  for (const [i, j] of candidatePairs(statements.map((s) => s.stems), options)) {
    const [a, b] = [statements[i], statements[j]];
    if (a.event !== b.event) continue;
    const conflicts = conflictsBetween(a, b, options.compare);
    if (a.ref.family === b.ref.family) for (const c of conflicts) twoSided.add(side(a.ref.family, c));
    else found.push(...conflicts);
  }
  const stated = statedValues(statements);
  const conflicts = found.filter((c) => !c.sides.some((s) => twoSided.has(side(s.statement.ref.family, c))) && !statesBoth(c, stated));
  const quotes = quotesOf(material, statements);
  for (const [i, j] of candidatePairs(quotes.map((q) => q.words), options)) {
    if (!independent(quotes[i].statement, quotes[j].statement)) continue;
    const conflict = speakerConflict(quotes[i], quotes[j], options.quotes);
    if (conflict) conflicts.push(conflict);
  }
  return group(conflicts)
    .sort((a, b) => support(b) - support(a))
    .slice(0, options.maxPerStory);
}

/** Every number each source states, by what it counts: family → unit → values. */
function statedValues(statements: Statement[]): Map<string, Map<string, Set<number>>> {
  const out = new Map<string, Map<string, Set<number>>>();
  for (const s of statements) {
    const byUnit = out.get(s.ref.family) ?? new Map<string, Set<number>>();
    out.set(s.ref.family, byUnit);
    for (const q of s.quantities) {
      for (const unit of q.before ? [...q.units, q.before] : q.units) {
        const values = byUnit.get(unit) ?? new Set<number>();
        values.add(q.value);
        byUnit.set(unit, values);
      }
    }
  }
  return out;
}

/**
 * Whether a side's source states the other side's number too, in any sentence, for the same counted thing
 * ("12 countries" in one sentence, "14 countries" in another): then the two numbers are two things to it.
 */
function statesBoth(c: Conflict, stated: Map<string, Map<string, Set<number>>>): boolean {
  if (!c.unit || !c.values) return false;
  const [a, b] = c.sides;
  const states = (family: string, value: number) => stated.get(family)?.get(c.unit!)?.has(value) ?? false;
  return states(a.statement.ref.family, c.values[1]) || states(b.statement.ref.family, c.values[0]);
}

/** Quotes with a named speaker in the sentences that count. */
function quotesOf(material: StoryMaterial, statements: Statement[]): QuotedWords[] {
  const at = new Map(statements.map((s) => [`${s.ref.article.id}#${s.ref.sentence.i}`, s] as const));
  const out: QuotedWords[] = [];
  for (const article of material.articles) {
    for (const q of material.facts.get(article.id)?.quotes ?? []) {
      const statement = at.get(`${article.id}#${q.sentence}`);
      // Only a speaker named with the quote: "he said" resolves against sentences a source may not have.
      if (statement && q.speaker && (q.attribution === "named-after" || q.attribution === "named-before")) {
        out.push(quotedWords(statement, q as QuoteFinding & { speaker: string }));
      }
    }
  }
  return out;
}

/**
 * Pairs [i, j] (i < j) of items sharing at least `minAnchors` of their anchors: each item's rarest words
 * among those in 2 to `maxPosting` items. At most items × anchors × maxPosting pairs are looked at.
 */
export function candidatePairs(items: ReadonlySet<string>[], options: Pick<DisagreementOptions, "anchors" | "minAnchors" | "maxPosting">): [number, number][] {
  const df = new Map<string, number>();
  for (const words of items) for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
  const postings = new Map<string, number[]>();
  const anchorsOf = items.map((words, i) => {
    const anchors = [...words]
      .filter((w) => df.get(w)! >= 2 && df.get(w)! <= options.maxPosting)
      .sort((a, b) => df.get(a)! - df.get(b)! || (a < b ? -1 : 1))
      .slice(0, options.anchors);
    for (const w of anchors) {
      const list = postings.get(w) ?? [];
      list.push(i);
      postings.set(w, list);
    }
    return anchors;
  });
  const pairs: [number, number][] = [];
  anchorsOf.forEach((anchors, i) => {
    const shared = new Map<number, number>();
    for (const w of anchors) for (const j of postings.get(w)!) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    const needed = Math.min(options.minAnchors, anchors.length);
    for (const [j, n] of shared) if (n >= needed) pairs.push([i, j]);
  });
  return pairs;
}

/**
 * Conflicts about one thing joined into one disagreement: sides connected through conflicts of one subject
 * form a disagreement, and the sides that say the same (one key) are one claim citing all their sentences.
 */
function group(conflicts: Conflict[]): Disagreement[] {
  const parent = new Map<string, string>();
  const sideOf = new Map<string, Side>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  const nodeOf = (c: Conflict, s: Side) => `${c.subjectKey}\u0000${s.statement.ref.article.id}#${s.statement.ref.sentence.i}\u0000${s.key}`;
  const first = new Map<string, Conflict>();
  for (const c of conflicts) {
    const [a, b] = c.sides.map((s) => {
      const node = nodeOf(c, s);
      if (!parent.has(node)) parent.set(node, node);
      sideOf.set(node, s);
      return node;
    });
    parent.set(find(a), find(b));
  }
  for (const c of conflicts) {
    const root = find(nodeOf(c, c.sides[0]));
    if (!first.has(root)) first.set(root, c);
  }
  const components = new Map<string, string[]>();
  for (const node of parent.keys()) {
    const root = find(node);
    components.set(root, [...(components.get(root) ?? []), node]);
  }
  const out: Disagreement[] = [];
  for (const [root, nodes] of components) {
    const conflict = first.get(root)!;
    const byKey = new Map<string, Side[]>();
    for (const node of nodes) {
      const side = sideOf.get(node)!;
      byKey.set(side.key, [...(byKey.get(side.key) ?? []), side]);
    }
    if (byKey.size < 2) continue;
    const claims = [...byKey.values()].map((sides) => ({
      value: sides[0].value,
      text: sides[0].statement.ref.sentence.text,
      cites: uniqueCites(sides.map((s) => ({ article: s.statement.ref.article.id, sentence: s.statement.ref.sentence.i }))),
      sources: [...new Set(sides.map((s) => s.statement.ref.family))],
    }));
    claims.sort((a, b) => b.sources.length - a.sources.length || b.cites.length - a.cites.length);
    out.push({ kind: conflict.kind, subject: conflict.subject, claims });
  }
  return out;
}

function support(d: Disagreement): number {
  return d.claims.reduce((n, c) => n + c.sources.length, 0);
}

function uniqueCites(cites: Cite[]): Cite[] {
  const seen = new Set<string>();
  return cites.filter((c) => {
    const key = `${c.article}#${c.sentence}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
