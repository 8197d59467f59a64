// From pairwise copy relations to families: each family's original and, for every other member, how it
// copies that original.

import type { Copy, CopyKind } from "../model/index.js";

/** A verified copy relation between the articles at positions `a` and `b`. */
export interface CopyEdge {
  a: number;
  b: number;
  kind: CopyKind;
  similarity: number;
}

export interface FamilyMember {
  id: string;
  published: string | null;
  chars: number;
  /** Credited to a news agency: without dates, the wire is where a family's text most likely comes from. */
  agency?: boolean;
}

const KIND_RANK: Record<CopyKind, number> = { spun: 0, partial: 1, near: 2, exact: 3 };

/** Orders relations by kind first, then similarity (similarity ≤ 1 never lifts a kind over the next). */
function strength(e: CopyEdge): number {
  return KIND_RANK[e.kind] * 2 + e.similarity;
}

/**
 * The original comes first: earliest date (unknown dates last), then the agency-credited text, then the
 * longer text (copies cut more often than they add), then input order.
 */
function beforeAsOriginal(members: FamilyMember[], x: number, y: number): boolean {
  const rank = rankAsOriginal(members[x], members[y]);
  return rank < 0 || (rank === 0 && x < y);
}

/** Negative when `x` is the likelier original, positive when `y` is, 0 when only input order can tell. */
function rankAsOriginal(x: FamilyMember, y: FamilyMember): number {
  if (x.published !== y.published) return y.published === null || (x.published !== null && x.published < y.published) ? -1 : 1;
  if (Boolean(x.agency) !== Boolean(y.agency)) return x.agency ? -1 : 1;
  return y.chars - x.chars;
}

/**
 * Why `original` is its family's original, in words: the first rule of rankAsOriginal that set it apart
 * from the other `members` it had to beat.
 */
export function originalReason(original: FamilyMember, members: FamilyMember[]): string {
  const others = members.filter((m) => m.id !== original.id);
  if (others.length === 0) return "the only member of its family in this briefing";
  const date = original.published;
  const sameDate = others.filter((m) => m.published === date);
  if (date !== null && sameDate.length === 0) {
    return others.some((m) => m.published === null)
      ? `published first (${date}); the others later or undated`
      : `published first (${date}); the others later`;
  }
  const when = date === null ? "no member gives a publication date" : `published first (${date}), the same day as ${plural(sameDate.length, "other")}`;
  if (original.agency && sameDate.some((m) => !m.agency)) return `${when}; the agency-credited text`;
  if (sameDate.every((m) => m.chars < original.chars)) return `${when}; the fullest text (${original.chars} characters)`;
  return `${when}; as full as the others, and first in the input`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function find(parent: Int32Array, x: number): number {
  while (parent[x] !== x) x = parent[x] = parent[parent[x]];
  return x;
}

/**
 * Groups articles into families (union-find over the relations) and points each copy at its family's
 * original. A copy's kind is that of its own relation to the original when there is one; otherwise the
 * weakest link of its strongest path to the original. Strongest paths are read off a maximum spanning
 * forest (Kruskal), where every tree path is a bottleneck-optimal path. Output in input order of `copy`.
 */
export function assignFamilies(members: FamilyMember[], edges: CopyEdge[]): Copy[] {
  const n = members.length;
  const sorted = [...edges].sort((x, y) => strength(y) - strength(x) || x.a - y.a || x.b - y.b);
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const tree: CopyEdge[][] = Array.from({ length: n }, () => []);
  const direct = new Map<number, CopyEdge>();
  for (const e of sorted) {
    const pair = Math.min(e.a, e.b) * n + Math.max(e.a, e.b);
    if (!direct.has(pair)) direct.set(pair, e);
    const ra = find(parent, e.a);
    const rb = find(parent, e.b);
    if (ra === rb) continue;
    parent[ra] = rb;
    tree[e.a].push(e);
    tree[e.b].push(e);
  }
  const original = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if (tree[i].length === 0) continue;
    const root = find(parent, i);
    const best = original.get(root);
    if (best === undefined || beforeAsOriginal(members, i, best)) original.set(root, i);
  }
  const link = new Map<number, CopyEdge>();
  for (const start of original.values()) walkWeakestLinks(start, tree, link);
  const copies: Copy[] = [];
  for (const [i, weakest] of [...link].sort((x, y) => x[0] - y[0])) {
    const o = original.get(find(parent, i))!;
    const own = direct.get(Math.min(i, o) * n + Math.max(i, o)) ?? weakest;
    copies.push({ copy: members[i].id, of: members[o].id, kind: own.kind, similarity: round(own.similarity) });
  }
  return copies;
}

/** For every node of `start`'s tree, the weakest relation on its tree path from `start`. */
function walkWeakestLinks(start: number, tree: CopyEdge[][], link: Map<number, CopyEdge>): void {
  const stack: [number, CopyEdge | null][] = [[start, null]];
  const seen = new Set([start]);
  while (stack.length > 0) {
    const [node, weakest] = stack.pop()!;
    for (const e of tree[node]) {
      const next = e.a === node ? e.b : e.a;
      if (seen.has(next)) continue;
      seen.add(next);
      const w = weakest === null || strength(e) < strength(weakest) ? e : weakest;
      link.set(next, w);
      stack.push([next, w]);
    }
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
