// Markdown rendering of a Brief: the default terminal output. Reads the Brief only; computes nothing new.
//
// Article text is untrusted: control characters (terminal escapes) are stripped and Markdown/HTML syntax is
// backslash-escaped, so a viewer that turns this into HTML shows the text instead of running it.

import type { Article, Brief, BriefCopy, Cite, Story, StoryEvent, StoryPlacement } from "../model/index.js";
import { DISAGREEMENT_KIND_LABELS, partlyReadNote } from "../model/index.js";

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const MARKDOWN_SYNTAX = /[\\`*_[\]<>|#]/g;

/** Untrusted text made safe for a terminal and for a Markdown viewer, on one line. */
export function safe(text: string): string {
  return text.replace(CONTROL, "").replace(/\s+/g, " ").trim().replace(MARKDOWN_SYNTAX, (c) => `\\${c}`);
}

/** " — Oslo; Ingrid Halvorsen, Havbris Ferries": where and with whom, as far as known. */
function eventSetting(e: StoryEvent): string {
  // Events stored by a version without places and actors lack them.
  const parts = [e.place ? safe(e.place) : "", (e.actors ?? []).map(safe).join(", ")].filter(Boolean);
  return parts.length ? ` — ${parts.join("; ")}` : "";
}

export function renderMarkdown(brief: Brief): string {
  const number = new Map(brief.articles.map((a, i) => [a.id, i + 1]));
  const cite = (c: Cite) => `[${number.get(c.article)}.${c.sentence + 1}]`;
  const cites = (list: Cite[]) => list.map(cite).join("");
  const byId = new Map(brief.articles.map((a) => [a.id, a]));
  const out: string[] = [];

  const independent = new Set(brief.articles.map((a) => a.id));
  for (const c of brief.copies) independent.delete(c.copy);
  out.push(`# Briefing`, "");
  out.push(
    `${plural(brief.articles.length, "article")}, ${plural(independent.size, "independent voice")}, ` +
      `${plural(brief.stories.length, "story", "stories")}.` +
      (brief.errors.length ? ` ${plural(brief.errors.length, "input")} could not be read (see the end).` : ""),
    "",
  );

  const copyOf = new Map(brief.copies.map((c) => [c.copy, c]));
  brief.stories.forEach((story, i) => {
    const copies = story.articles.flatMap((id) => copyOf.get(id) ?? []);
    out.push(...renderStory(story, i + 1, copies, byId, number, cites));
  });

  out.push(`## Sources`, "", `Citations read [source.sentence]: [3.2] is the second sentence of source 3.`, "");
  brief.articles.forEach((a, i) => out.push(`${i + 1}. ${describeArticle(a)}`));
  out.push("");
  out.push(...renderPlacements(brief.stories, number));

  if (brief.errors.length) {
    out.push(`## Inputs that could not be read`, "");
    for (const e of brief.errors) out.push(`- ${safe(e.path)} (${e.code}): ${safe(e.message)}`);
    out.push("");
  }
  return out.join("\n");
}

function renderStory(
  story: Story,
  n: number,
  copies: BriefCopy[],
  byId: Map<string, Article>,
  number: Map<string, number>,
  cites: (c: Cite[]) => string,
): string[] {
  const out: string[] = [];
  const ref = (id: string) => `[${number.get(id)}]`;
  out.push(`## ${n}. ${safe(story.title)}`, "");
  out.push(`${plural(story.articles.length, "article")} from ${plural(story.voices, "independent voice")}: ${story.articles.map(ref).join(" ")}`, "");
  if (story.read) out.push(`_${partlyReadNote(story.read)}_`, "");

  if (story.summary.length) {
    out.push(`### Summary`, "");
    for (const s of story.summary) out.push(`- ${safe(s.text)} ${cites(s.cites)}`);
    out.push("");
  }
  if (story.events.length > 1 || story.events[0]?.date) {
    out.push(`### Events`, "");
    for (const e of story.events) out.push(`- **${e.date ?? "undated"}** ${safe(e.title)}${eventSetting(e)} ${e.articles.map(ref).join("")}`);
    out.push("");
  }
  if (story.timeline.length) {
    out.push(`### Timeline`, "");
    for (const t of story.timeline) out.push(`- **${t.date}** ${safe(t.text)} ${cites(t.cites)}`);
    out.push("");
  }
  if (story.quotes.length) {
    out.push(`### Who said what`, "");
    for (const q of story.quotes) {
      out.push(`- ${q.speaker ? `**${safe(q.speaker)}**` : "_unattributed_"}: “${safe(q.text)}” ${cites([{ article: q.article, sentence: q.sentence }])}`);
    }
    out.push("");
  }
  if (story.entities.length) {
    out.push(`### People, organisations and places`, "");
    out.push(`| Name | Type | Also written | Mentions | Sources |`, `| --- | --- | --- | --- | --- |`);
    for (const e of story.entities.slice(0, 30)) {
      const name = e.role ? `${safe(e.name)} (${safe(e.role)})` : safe(e.name);
      out.push(`| ${name} | ${e.type} | ${e.aliases.map(safe).join(", ")} | ${e.mentions} | ${e.articles.map(ref).join("")} |`);
    }
    if (story.entities.length > 30) out.push("", `…and ${story.entities.length - 30} more in the JSON output.`);
    out.push("");
  }
  if (story.disagreements.length) {
    out.push(`### Where sources disagree`, "");
    for (const d of story.disagreements) {
      out.push(`- **${safe(d.subject)}**: ${DISAGREEMENT_KIND_LABELS[d.kind] ?? ""}`);
      for (const c of d.claims) out.push(`  - ${safe(c.value)}: “${safe(c.text)}” ${cites(c.cites)}`);
    }
    out.push("");
  }
  out.push(...renderVoices(story, copies, byId, ref));
  return out;
}

const KIND_NAME: Record<BriefCopy["kind"], string> = {
  exact: "an exact copy",
  near: "a near copy",
  partial: "a partial copy",
  spun: "a spun (reworded) copy",
};

/**
 * The story's independent voices, each an original with its copies (how each copies, the sentences it
 * shares and why the original is taken as such) or a text of its own.
 */
function renderVoices(story: Story, copies: BriefCopy[], byId: Map<string, Article>, ref: (id: string) => string): string[] {
  if (copies.length === 0) return [];
  const copiesOf = new Map<string, BriefCopy[]>();
  for (const c of copies) (copiesOf.get(c.of) ?? copiesOf.set(c.of, []).get(c.of)!).push(c);
  const copied = new Set(copies.map((c) => c.copy));
  const out = [`### Independent voices and copies`, ""];
  for (const id of story.articles) {
    if (copied.has(id)) continue;
    const own = copiesOf.get(id);
    if (!own) {
      out.push(`- ${ref(id)} ${sourceName(byId.get(id))}: its own text`);
      continue;
    }
    out.push(`- ${ref(id)} ${sourceName(byId.get(id))}: the original of ${plural(own.length, "copy", "copies")} — ${safe(own[0].reason)}`);
    for (const c of own) out.push(`  - ${ref(c.copy)} ${sourceName(byId.get(c.copy))}: ${KIND_NAME[c.kind]}, similarity ${c.similarity.toFixed(2)}${shared(c)}`);
  }
  // A pin may part a copy from its original: it is listed here with its original's number.
  const inStory = new Set(story.articles);
  for (const c of copies) {
    if (!inStory.has(c.of)) out.push(`- ${ref(c.copy)} ${sourceName(byId.get(c.copy))}: ${KIND_NAME[c.kind]} of ${ref(c.of)}, in another story`);
  }
  out.push("");
  return out;
}

/** Appendix: why each article is in its story (the score and the shared terms, names and time gap). */
function renderPlacements(stories: Story[], number: Map<string, number>): string[] {
  if (!stories.some((s) => s.placements?.length)) return [];
  const ref = (id: string) => `[${number.get(id)}]`;
  const out = [`## Appendix: why each article is in its story`, ""];
  out.push(`Score: how alike (0–1) an article's key words are to the story's earlier articles'.`, "");
  stories.forEach((story, i) => {
    if (!story.placements?.length) return;
    out.push(`### ${i + 1}. ${safe(story.title)}`, "");
    for (const p of story.placements) out.push(`- ${ref(p.article)} ${placementText(p, ref)}`);
    out.push("");
  });
  return out;
}

function placementText(p: StoryPlacement, ref: (id: string) => string): string {
  const gap = p.gapDays === null ? "" : p.gapDays === 0 ? "; same day" : p.gapDays > 0 ? `; ${plural(p.gapDays, "day")} after` : `; ${plural(-p.gapDays, "day")} before`;
  if (p.by === "opened") return "opened the story";
  if (p.by === "copy") return `copy of ${p.of ? ref(p.of) : "another article"}${gap}`;
  const terms = p.terms.length ? `; shares ${p.terms.map(safe).join(", ")}` : "";
  const names = p.names.length ? `; names ${p.names.map(safe).join(", ")}` : "";
  return `score ${p.score?.toFixed(2)}${terms}${names}${gap}`;
}

/** "; 5 sentences shared (3 verbatim, 2 edited)", or nothing when no sentence pair was kept as evidence. */
function shared(c: BriefCopy): string {
  if (c.spans.length === 0) return "";
  const counts = (["verbatim", "edited", "reworded"] as const)
    .map((m) => [m, c.spans.filter((s) => s.match === m).length] as const)
    .filter(([, n]) => n > 0)
    .map(([m, n]) => `${n} ${m}`);
  return `; ${plural(c.spans.length, "sentence")} shared (${counts.join(", ")})`;
}

function sourceName(a: Article | undefined): string {
  return a?.source.name ? safe(a.source.name) : safe(a?.source.path ?? "");
}

function describeArticle(a: Article): string {
  const parts = [a.title ? `**${safe(a.title)}**` : "_untitled_"];
  if (a.source.name) parts.push(safe(a.source.name));
  if (a.source.agency) parts.push(`via ${safe(a.source.agency)}`);
  parts.push(a.published ?? "undated");
  parts.push(`\`${a.source.path.replace(/[`\n\r]/g, "")}\``);
  return parts.join(" · ");
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
