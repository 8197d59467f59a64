// Which of the given articles are copies, and of which original among them.

import type { Article, Copy } from "../model/index.js";

/**
 * Copy id → original id, for copies whose original is among the articles. A copy whose original is
 * missing (another batch, another story) stands on its own. Chains are followed defensively, though
 * `of` should always be an original.
 */
export function originalOf(articles: readonly Article[], copies: readonly Copy[]): Map<string, string> {
  const present = new Set(articles.map((a) => a.id));
  const direct = new Map<string, string>();
  for (const c of copies) if (c.copy !== c.of && present.has(c.copy) && present.has(c.of)) direct.set(c.copy, c.of);
  const out = new Map<string, string>();
  for (const id of direct.keys()) {
    let root = id;
    const seen = new Set<string>();
    while (direct.has(root) && !seen.has(root)) {
      seen.add(root);
      root = direct.get(root)!;
    }
    if (root !== id && !seen.has(root)) out.set(id, root);
  }
  return out;
}
