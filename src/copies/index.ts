// Copy detection: exact, near, partial and spun copies, without comparing all pairs.
// profile.ts reduces an article to word codes; shingles.ts derives the word and skeleton views;
// copy-index.ts finds and verifies candidates incrementally (compare.ts); families.ts picks originals.

import type { Article, Copy } from "../model/index.js";
import { addToCopyIndex, createCopyIndex } from "./copy-index.js";
import { assignFamilies, type CopyEdge } from "./families.js";

export {
  addToCopyIndex, copySignature, createCopyIndex, indexCopySignature, lookupCopies, verifyCopies,
  type CandidateView, type ComparableCache, type CopyIndex, type CopyLookup, type CopyMatch, type CopySignature, type IndexedProfile,
} from "./copy-index.js";
export { explainCopies } from "./evidence.js";
export { assignFamilies, originalReason, type CopyEdge, type FamilyMember } from "./families.js";
export { addSlot, createPostings } from "./postings.js";

/** Every copy among `articles`, each pointing at its family's original, in input order of `copy`. */
export function findCopies(articles: Article[]): Copy[] {
  const index = createCopyIndex();
  const edges: CopyEdge[] = [];
  articles.forEach((article, b) => {
    for (const m of addToCopyIndex(index, article)) edges.push({ a: m.slot, b, kind: m.kind, similarity: m.similarity });
  });
  const members = index.profiles.map(({ id, published, chars }, i) => ({ id, published, chars, agency: articles[i].source.agency !== null }));
  return assignFamilies(members, edges);
}
