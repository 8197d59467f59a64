// The evidence of each copy, for the briefing: the sentence pairs copy and original share (each verbatim,
// edited or reworded) and why the original is the family's original. Computed from the articles' texts
// whenever a briefing is made, so the batch and the corpus paths give the same evidence and the corpus
// stores none of it.

import type { Article, BriefCopy, Copy, CopySpan } from "../model/index.js";
import { align } from "./compare.js";
import { originalReason, type FamilyMember } from "./families.js";
import { profileArticle, type CopyProfile } from "./profile.js";

/** `copies` with their spans and the reason for their original. Articles missing from `articles` give no spans. */
export function explainCopies(copies: Copy[], articles: Article[]): BriefCopy[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const profiles = new Map<string, CopyProfile>();
  const profileOf = (a: Article) => profiles.get(a.id) ?? profiles.set(a.id, profileArticle(a)).get(a.id)!;
  const family = new Map<string, FamilyMember[]>();
  for (const c of copies) {
    const original = byId.get(c.of);
    if (!family.has(c.of)) family.set(c.of, original ? [memberOf(original)] : []);
    const copy = byId.get(c.copy);
    if (copy) family.get(c.of)!.push(memberOf(copy));
  }
  return copies.map((c) => {
    const copy = byId.get(c.copy);
    const original = byId.get(c.of);
    const spans = copy && original ? spansOf(copy, original, c.kind, profileOf) : [];
    const reason = original ? originalReason(memberOf(original), family.get(c.of)!) : "the original is not in this briefing";
    return { ...c, spans, reason };
  });
}

function memberOf(a: Article): FamilyMember {
  return { id: a.id, published: a.published, chars: a.text.length, agency: a.source.agency !== null };
}

function spansOf(copy: Article, original: Article, kind: Copy["kind"], profileOf: (a: Article) => CopyProfile): CopySpan[] {
  // An exact copy is the same text: sentence for sentence when both split alike.
  if (kind === "exact" && copy.sentences.length === original.sentences.length) {
    return copy.sentences.map((_, i) => ({ copy: i, of: i, match: "verbatim" }));
  }
  const found = align({ profile: profileOf(copy) }, { profile: profileOf(original) });
  return (found?.pairs ?? []).map((p) => ({ copy: p.a, of: p.b, match: p.match }));
}
