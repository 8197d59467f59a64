// Copies count once: which sentences of a story carry independent information.
//
// An exact or spun copy adds nothing of its own, so none of its sentences count. A near or partial copy may
// add paragraphs (a local outlet's reprint of the wire story plus its own reporting): its sentences count
// unless they repeat a sentence of the family's original.

import type { Article, Copy, SentenceRef } from "../model/index.js";
import { contentWordSet, jaccard } from "../text/similarity.js";

/** Two sentences with this much content-word overlap are one sentence lightly edited. */
const SAME_SENTENCE_JACCARD = 0.6;

export function independentSentences(articles: Article[], copies: Copy[]): SentenceRef[] {
  const copyOf = new Map(copies.map((c) => [c.copy, c]));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const originals = articles.filter((a) => !copyOf.has(a.id));
  const refs: SentenceRef[] = [];
  for (const article of originals) {
    for (const sentence of article.sentences) refs.push({ article, sentence, family: article.id });
  }
  for (const article of articles) {
    const copy = copyOf.get(article.id);
    if (!copy || copy.kind === "exact" || copy.kind === "spun") continue;
    const original = byId.get(copy.of);
    const seen = original ? original.sentences.map((s) => contentWordSet(s.text)) : [];
    for (const sentence of article.sentences) {
      const words = contentWordSet(sentence.text);
      if (seen.some((s) => jaccard(s, words) >= SAME_SENTENCE_JACCARD)) continue;
      refs.push({ article, sentence, family: copy.of });
    }
  }
  return refs;
}

/** The family (original article id) of every article. */
export function familyOf(articles: Article[], copies: Copy[]): Map<string, string> {
  const families = new Map(articles.map((a) => [a.id, a.id]));
  for (const c of copies) families.set(c.copy, c.of);
  return families;
}
