// Set similarity over content words: the shared notion of "these two sentences say the same thing".

import { isContentWord, words } from "./tokens.js";

export function contentWordSet(text: string): Set<string> {
  const set = new Set<string>();
  for (const w of words(text)) if (isContentWord(w)) set.add(w);
  return set;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}
