// Copy detection: exact, near, partial and spun copies, without comparing all pairs.
import type { Article, Copy } from "../model/index.js";

export function findCopies(articles: Article[]): Copy[] {
  throw new Error("not implemented: findCopies");
}
