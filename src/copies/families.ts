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
}

const KIND_RANK: Record<CopyKind, number> = { spun: 0, partial: 1, near: 2, exact: 3 };

/** Orders relations by kind first, then similarity (similarity ≤ 1 never lifts a kind over the next). */
function strength(e: CopyEdge): number {
  return KIND_RANK[e.kind] * 2 + e.similarity;
}

/** The original comes first: earliest date (unknown dates last), then the longer text, then input order. */
function beforeAsOriginal(members: FamilyMember[], x: number, y: number): boolean {
  const dx = members[x].published;
  const dy = members[y].published;
  if (dx !== dy) return dy === null || (dx !== null && dx < dy);
  if (members[x].chars !== members[y].chars) return members[x].chars > members[y].chars;
  return x < y;
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
