// One story's mentions merged into entities: spelling variants (Aleksandr/Alexander), surnames
// ("Petrov" → "Aleksandr Petrov"), titled forms ("Foreign Minister Petrov") and acronyms ("WHO").

import type { ArticleFacts, Entity, EntityType } from "../model/index.js";
import { NAME_ALIASES } from "./lexicon.js";
import { foldName, initials, isAcronym, nameKey, nameParts, partKey } from "./names.js";

/** All mentions with the same Mention.name. */
interface Form {
  name: string;
  parts: number;
  count: number;
  types: Map<EntityType, number>;
  roles: Map<string, number>;
  /** Surface texts (with titles), in order of first appearance. */
  texts: Set<string>;
  /** Union-find parent. */
  parent: Form;
  order: number;
}

/**
 * Merges the mentions of several articles (one story) into entities, most mentioned first. `variants` are
 * mentions that do not count (a copy's, say): their spellings join an entity as aliases ("Alexander
 * Petrov" in a reprint), but they add no mentions and make no entity of their own.
 */
export function mergeEntities(facts: ArticleFacts[], variants: ArticleFacts[] = []): Entity[] {
  return groupEntities(facts, variants).entities;
}

/**
 * The same merge, with the entity each mention went to: `entityOf` maps a Mention.name to its index in
 * `entities` (every mention of one name lands in one entity).
 */
export function groupEntities(facts: ArticleFacts[], variants: ArticleFacts[] = []): { entities: Entity[]; entityOf: Map<string, number> } {
  const forms = collectForms(facts);
  addVariants(forms, variants);
  const all = [...forms.values()];
  mergeSameKey(all);
  mergeShortForms(all);
  const clusters = new Map<Form, Form[]>();
  for (const f of all) {
    const root = find(f);
    if (!clusters.has(root)) clusters.set(root, []);
    clusters.get(root)!.push(f);
  }
  // A cluster of variants alone names nothing the counted articles mention.
  for (const [root, members] of clusters) if (members.every((f) => f.count === 0)) clusters.delete(root);
  const articles = articlesByCluster(facts, forms);
  const built = [...clusters.entries()].map(([root, members]) => ({ root, entity: toEntity(members, articles.get(root) ?? []) }));
  built.sort((x, y) => {
    const a = x.entity;
    const b = y.entity;
    return b.mentions - a.mentions || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  });
  const position = new Map(built.map((b, i) => [b.root, i]));
  const entityOf = new Map<string, number>();
  for (const [name, f] of forms) {
    const at = position.get(find(f));
    if (at !== undefined) entityOf.set(name, at);
  }
  return { entities: built.map((b) => b.entity), entityOf };
}

/** Forms of uncounted mentions: their texts become aliases, with no count (their type still guides merging). */
function addVariants(forms: Map<string, Form>, variants: ArticleFacts[]): void {
  for (const f of variants) {
    for (const m of f.mentions) {
      let form = forms.get(m.name);
      if (!form) {
        form = {
          name: m.name, parts: nameParts(m.name).length, count: 0, types: new Map([[m.type, 1]]), roles: new Map(),
          texts: new Set(), parent: undefined as unknown as Form, order: forms.size,
        };
        form.parent = form;
        forms.set(m.name, form);
      }
      form.texts.add(m.text);
    }
  }
}

/** The entity a quote's speaker (a Mention.name) was merged into, or null. */
export function speakerEntity(entities: Entity[], speakerName: string): Entity | null {
  const exact = entities.find((e) => e.name === speakerName || e.aliases.includes(speakerName));
  if (exact) return exact;
  const key = nameKey(speakerName);
  return entities.find((e) => nameKey(e.name) === key) ?? null;
}

function collectForms(facts: ArticleFacts[]): Map<string, Form> {
  const forms = new Map<string, Form>();
  for (const f of facts) {
    for (const m of f.mentions) {
      let form = forms.get(m.name);
      if (!form) {
        form = {
          name: m.name, parts: nameParts(m.name).length, count: 0, types: new Map(), roles: new Map(),
          texts: new Set(), parent: undefined as unknown as Form, order: forms.size,
        };
        form.parent = form;
        forms.set(m.name, form);
      }
      form.count++;
      bump(form.types, m.type);
      if (m.role) bump(form.roles, m.role);
      form.texts.add(m.text);
    }
  }
  return forms;
}

function bump<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function find(f: Form): Form {
  while (f.parent !== f) {
    f.parent = f.parent.parent;
    f = f.parent;
  }
  return f;
}

function union(a: Form, b: Form): void {
  const ra = find(a);
  const rb = find(b);
  if (ra === rb) return;
  // The earlier form stays root so cluster order follows first appearance.
  if (ra.order <= rb.order) rb.parent = ra;
  else ra.parent = rb;
}

/** The form's most common type, "other" only when nothing else was seen. */
function typeOf(types: Map<EntityType, number>): EntityType {
  let best: EntityType = "other";
  let n = 0;
  for (const [t, c] of types) if (t !== "other" && c > n) [best, n] = [t, c];
  return best;
}

/** A person and a place never merge; "other" (type unknown) merges with anything. */
const compatible = (a: EntityType, b: EntityType): boolean => a === b || a === "other" || b === "other";

/**
 * Same spelling key: "Aleksandr Petrov" = "Alexander Petrov", "Zelensky" = "Zelenskyy". One-word names
 * that are not people only fold case and accents ("GENEVA" = "Geneva"): with so few letters the
 * phonetic key would join "Rhine" and "Rhône".
 */
function mergeSameKey(forms: Form[]): void {
  const byKey = new Map<string, Form[]>();
  for (const f of forms) {
    const alias = aliasKey(f.name);
    const key = alias ?? (f.parts > 1 || typeOf(f.types) === "person" ? nameKey(f.name) : foldName(f.name));
    if (!key) continue;
    const list = byKey.get(key) ?? [];
    // An alias names the same thing whatever type each form got ("US" the government, "United States" the place).
    for (const other of list) if (alias || compatible(typeOf(f.types), typeOf(other.types))) union(f, other);
    list.push(f);
    byKey.set(key, list);
  }
}

const ALIAS_TARGETS = new Set(NAME_ALIASES.values());

/** "US", "U.S.", "USA" and "United States" share one key; so do "Britain", "UK" and "United Kingdom". */
function aliasKey(name: string): string | null {
  const folded = foldName(name).replace(/\./g, "").replace(/^the\s+/, "");
  const target = NAME_ALIASES.get(folded) ?? (ALIAS_TARGETS.has(folded) ? folded : null);
  return target === null ? null : `alias:${target}`;
}

/**
 * One-word forms join a longer one when exactly one fits: a surname joins the person it ends
 * ("Petrov" → "Aleksandr Petrov"), an acronym the organisation it abbreviates ("WHO").
 */
function mergeShortForms(forms: Form[]): void {
  const people = new Map<string, Set<Form>>();
  const byInitials = new Map<string, Set<Form>>();
  for (const f of forms) {
    if (f.parts < 2) continue;
    const type = typeOf(f.types);
    // Unknown-type full names count too, so that "Biden" with "Joe Biden" and "Hunter Biden" stays apart.
    if (type === "person" || type === "other") addTo(people, partKey(nameParts(f.name).at(-1)!), find(f));
    // Places too: "DRC" for "Democratic Republic of Congo".
    if (type !== "person") addTo(byInitials, initials(f.name), find(f));
  }
  for (const f of forms) {
    if (f.parts !== 1) continue;
    const type = typeOf(f.types);
    const acronym = isAcronym(f.name) && type !== "person";
    const candidates = acronym
      ? byInitials.get(f.name.replace(/\./g, ""))
      : type === "person" || type === "other" ? people.get(partKey(f.name)) : undefined;
    if (candidates?.size !== 1) continue;
    const target = [...candidates][0];
    if (acronym || typeOf(target.types) === "person") union(f, target);
  }
}

function addTo(map: Map<string, Set<Form>>, key: string, f: Form): void {
  if (!key) return;
  const set = map.get(key) ?? new Set();
  set.add(f);
  map.set(key, set);
}

/** Article ids per cluster root, in order of first appearance. */
function articlesByCluster(facts: ArticleFacts[], forms: Map<string, Form>): Map<Form, string[]> {
  // A Set keeps insertion order: first appearance, and no quadratic look-ups in large stories.
  const out = new Map<Form, Set<string>>();
  for (const f of facts) {
    for (const m of f.mentions) {
      const root = find(forms.get(m.name)!);
      const set = out.get(root) ?? new Set<string>();
      set.add(f.article);
      out.set(root, set);
    }
  }
  return new Map([...out].map(([root, set]) => [root, [...set]]));
}

const POSSESSIVE = /['’]s$/;

function toEntity(members: Form[], articles: string[]): Entity {
  const canonical = canonicalForm(members);
  const types = new Map<EntityType, number>();
  const roles = new Map<string, number>();
  const aliases = new Set<string>();
  let mentions = 0;
  for (const f of members.sort((a, b) => a.order - b.order)) {
    mentions += f.count;
    if (f.count > 0) for (const [t, c] of f.types) types.set(t, (types.get(t) ?? 0) + c);
    for (const [r, c] of f.roles) roles.set(r, (roles.get(r) ?? 0) + c);
    aliases.add(f.name);
    // The possessive is grammar, not another way to write the name.
    for (const t of f.texts) aliases.add(t.replace(POSSESSIVE, ""));
  }
  aliases.delete(canonical.name);
  return { name: canonical.name, type: typeOf(types), aliases: [...aliases], articles, mentions, role: mostCommon(roles) };
}

/** The most frequent full (multi-word) form; ties go to the longest. One-word forms only if nothing else. */
function canonicalForm(members: Form[]): Form {
  const counted = members.filter((f) => f.count > 0);
  const full = counted.filter((f) => f.parts > 1);
  const pool = full.length ? full : counted;
  return pool.reduce((best, f) =>
    f.count > best.count || (f.count === best.count && f.name.length > best.name.length) ? f : best);
}

function mostCommon(counts: Map<string, number>): string | null {
  let best: string | null = null;
  let n = 0;
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
  return best;
}
