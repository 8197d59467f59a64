// Indirect speech as attributed claims: "Oppal said Blackmore is married to 20 women", "The talks failed,
// Petrov said." — what someone is reported to have said, without quote marks, with who said it.

import type { Article, Mention, Sentence } from "../model/index.js";
import { findQuoteSpans } from "./quote-spans.js";
import { indexSpeakers, speakerName, subjectEndingAt, subjectStartingAt, type SpeakerIndex, type Subject } from "./speakers.js";

/** A reported claim: `start`/`end` of its words in Article.text, the speaker's Mention.name or null. */
export interface ClaimFinding {
  start: number;
  end: number;
  text: string;
  sentence: number;
  speaker: string | null;
  attribution: "named" | "pronoun" | "role";
}

const CLAIM_VERBS = "said|says|told|tells|added|adds|stated|states|announced|announces|claimed|claims|denied|denies|confirmed|confirms|warned|warns|argued|argues|insisted|insists|explained|noted|notes|maintained|acknowledged|admitted";
/** "Oppal said (on Tuesday) (that) …", "he told reporters that …". */
// "told" takes the one spoken to first ("told Reuters", "told the court"); the other verbs go straight on.
const VERB_THEN_CLAIM = new RegExp(
  `(?<![\\p{L}])(?:(?:told|tells)\\s+(?:reporters|journalists|the\\s+\\p{L}+|\\p{Lu}[\\p{L}.]*(?:\\s+\\p{Lu}[\\p{L}.]*){0,3})|(?:${CLAIM_VERBS}))(?:\\s+on\\s+\\p{Lu}\\p{Ll}+day)?\\s*,?\\s+(?:that\\s+)?(?=\\p{L})`,
  "gu",
);
/** "…, Petrov said." / "…, said Petrov." at the end of a sentence. */
const CLAIM_THEN_VERB = new RegExp(`,\\s+((?:[^,]{1,60}?\\s+)?(?:${CLAIM_VERBS})(?:\\s+[^.!?]{1,80})?)\\s*[.!?]?\\s*$`, "u");
const MIN_WORDS = 4;
const EDGE = /^[\s,;:]+|[\s,.;:!?]+$/g;

/** Reported claims in sentences with no direct quote, in text order. Pure. */
export function findClaims(article: Article, mentions: Mention[]): ClaimFinding[] {
  const text = article.text;
  const spans = findQuoteSpans(text);
  const inside = (pos: number): boolean => spans.some((s) => pos > s.open && pos < s.close);
  const index = indexSpeakers(text, mentions, inside);
  const out: ClaimFinding[] = [];
  for (const s of article.sentences) {
    if (/["“”«»]/.test(s.text)) continue; // direct speech is the quotes' business
    const claim = verbFirst(s, index) ?? verbLast(s, index);
    if (claim) out.push(claim);
  }
  return out;
}

function finding(s: Sentence, from: number, to: number, subject: Subject, index: SpeakerIndex): ClaimFinding | null {
  const raw = index.text.slice(from, to);
  const lead = raw.length - raw.replace(/^[\s,;:]+/, "").length;
  const body = raw.replace(EDGE, "");
  if (body.split(/\s+/).length < MIN_WORDS) return null;
  const start = from + lead;
  return {
    start, end: start + body.length, text: body, sentence: s.i, speaker: speakerName(subject, from, s.i, index),
    attribution: subject.kind === "mention" ? "named" : subject.kind,
  };
}

function verbFirst(s: Sentence, index: SpeakerIndex): ClaimFinding | null {
  VERB_THEN_CLAIM.lastIndex = 0;
  const m = VERB_THEN_CLAIM.exec(s.text);
  if (!m) return null;
  const verbAt = s.start + m.index;
  const found = subjectEndingAt(index.text, s.start, verbAt, index);
  // The subject opens the clause: "Oppal said …", not "the report he wrote said …" deep inside one.
  if (!found || index.text.slice(s.start, found.start).split(/\s+/).filter(Boolean).length > 3) return null;
  return finding(s, verbAt + m[0].length, s.end, found.subject, index);
}

function verbLast(s: Sentence, index: SpeakerIndex): ClaimFinding | null {
  const m = CLAIM_THEN_VERB.exec(s.text);
  if (!m) return null;
  const tailAt = s.start + m.index;
  const tail = m[1];
  const verb = new RegExp(`(?<![\\p{L}])(?:${CLAIM_VERBS})(?![\\p{L}])`, "u").exec(tail)!;
  const verbStart = tailAt + (m[0].length - m[0].trimStart().length) + m[0].trimStart().indexOf(tail) + verb.index;
  const before = subjectEndingAt(index.text, tailAt + 1, verbStart, index)?.subject;
  const subject = before ?? subjectStartingAt(index.text, verbStart + verb[0].length, s.end, index);
  return subject ? finding(s, s.start, tailAt, subject, index) : null;
}
