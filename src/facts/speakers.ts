// Who a quote's attribution points at: a name, a pronoun ("he said"), a role ("the spokeswoman said"), a
// description ("the convicted killer said"), a body ("the company said", "PC World's analysis concluded"), or
// the subject of the sentence a quote stands in.

import type { Mention } from "../model/index.js";
import {
  BODY_NOUNS, DOCUMENT_NOUNS, FEMALE_MARKERS, FEMALE_NAMES, LISTENER_VERBS, MALE_MARKERS, MALE_NAMES, ORG_CUES_BEFORE, ORG_HEADS,
  QUOTE_VERBS, ROLE_HEADS, ROLE_SYNONYMS, SUBJECT_BLOCKERS,
} from "./lexicon.js";
import { FACTS_DEFAULTS } from "./options.js";

/** What an attribution's subject turned out to be. */
export type Subject =
  | { kind: "mention"; mention: Mention }
  | { kind: "pronoun"; pronoun: string }
  | { kind: "role"; role: string };

/** The article's mentions, indexed for attribution. */
export interface SpeakerIndex {
  text: string;
  /** Where each sentence starts, by sentence number. */
  sentenceStarts: number[];
  /** Mentions outside quotes, in text order: the candidates a pronoun or role can point back to. */
  outside: Mention[];
  byStart: Map<number, Mention>;
  byEnd: Map<number, Mention>;
  /** Single-word name → the one longer person name ending with it in the article ("Petrov" → "Aleksandr Petrov"). */
  fullNames: Map<string, string>;
}

const set = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));
const PRONOUN_SUBJECTS = new Set(["he", "she", "they", "it"]);
const ARTICLES = new Set(["the", "a", "an"]);
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const POSSESSIVE = /['’]s$/u;

export function indexSpeakers(
  text: string,
  mentions: Mention[],
  insideQuote: (pos: number) => boolean,
  sentences: readonly { start: number }[] = [],
): SpeakerIndex {
  const byStart = new Map<number, Mention>();
  const byEnd = new Map<number, Mention>();
  const longer = new Map<string, Set<string>>();
  for (const m of mentions) {
    byStart.set(m.start, m);
    byEnd.set(m.end, m);
    const parts = m.name.split(" ");
    if (m.type === "person" && parts.length > 1) {
      const last = parts[parts.length - 1];
      if (!longer.has(last)) longer.set(last, new Set());
      longer.get(last)!.add(m.name);
    }
  }
  const fullNames = new Map<string, string>();
  for (const [last, names] of longer) if (names.size === 1) fullNames.set(last, [...names][0]);
  const outside = mentions.filter((m) => !insideQuote(m.start));
  return { text, sentenceStarts: sentences.map((x) => x.start), outside, byStart, byEnd, fullNames };
}

const VERB_MODIFIERS = new RegExp(`(?:\\s+(?:${[...set(`also later then once again still further previously earlier recently
  first finally just even never often had has have would will since subsequently initially originally reportedly
  quickly repeatedly publicly privately separately immediately angrily simply briefly flatly firmly bluntly
  candidly openly proudly tearfully emotionally jokingly`)].join("|")}))+$`, "u");

/** "Doctor Sokal Pirg of the unit told": a phrase of common words after the name. */
const TRAILING_PHRASE = /\s+(?:of|at|from|with|in)\s+(?:(?:the|a|an|his|her|its|their)\s+)?(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+$/u;

/** The subject that ends at `end` in `text` (speaker before the verb: "Petrov said", "the minister told"),
 *  with where it starts. */
export function subjectEndingAt(
  text: string,
  from: number,
  end: number,
  index: SpeakerIndex,
): { subject: Subject; start: number } | null {
  const appositive = beforeAppositive(text, from, end, index);
  if (appositive) return { subject: { kind: "mention", mention: appositive }, start: appositive.start };
  const author = documentAuthor(text, from, end, index);
  if (author) return { subject: { kind: "mention", mention: author }, start: author.start };
  const verbAt = end;
  while (end > from && /[\s,]/.test(text[end - 1])) end--;
  // "she once said", "Smith later told", "the company has since said": the subject is before the adverbs.
  end -= VERB_MODIFIERS.exec(text.slice(Math.max(from, end - 60), end))?.[0].length ?? 0;
  const found = index.byEnd.get(end) ?? index.byEnd.get(end - (TRAILING_PHRASE.exec(text.slice(Math.max(from, end - 60), end))?.[0].length ?? end));
  if (found) {
    const mention = personBefore(text, found, index) ?? found;
    // An outlet or organisation speaks only with the verb right after it ("Tottenham said"), not from
    // inside a phrase ("a user on Weibo, …, posted").
    if (mention.type !== "person" && (text.slice(end, verbAt).includes(",") || inPhrase(mention, index, from))) {
      const person = personBeforeAside(text, from, mention, index);
      return person ? { subject: { kind: "mention", mention: person }, start: person.start } : null;
    }
    return { subject: { kind: "mention", mention }, start: mention.start };
  }
  const words = [...text.slice(from, end).matchAll(WORD)];
  const last = words[words.length - 1];
  if (!last) return null;
  const word = last[0].toLowerCase();
  const at = (w: RegExpMatchArray): number => from + w.index!;
  if (PRONOUN_SUBJECTS.has(word)) return { subject: { kind: "pronoun", pronoun: word }, start: at(last) };
  // "Charles Reilly, a management expert, who stated": the one the relative clause hangs on.
  if (word === "who" && words.length > 1) return subjectEndingAt(text, from, at(last), index);
  // "the spokeswoman", "a company spokesperson": the phrase starts at its article.
  let first = words.length - 1;
  for (let k = words.length - 2; k >= 0 && k >= words.length - 4; k--) {
    if (ARTICLES.has(words[k][0].toLowerCase())) {
      first = k;
      break;
    }
  }
  const role = { subject: { kind: "role" as const, role: word }, start: at(words[first]) };
  if (ROLE_HEADS.has(word)) return role;
  // Other nouns name the subject only when they open its clause: "In a statement, the company said",
  // not "A government official downplayed the unrest, saying".
  if (!/^\s*(?:[^,.;:!?"“”]*,)?\s*$/.test(text.slice(from, at(words[first])))) return null;
  // "the company said", "the ministry added"; "police said" speaks for no body in particular.
  if (ORG_NOUNS.has(word)) return first < words.length - 1 ? role : null;
  // "the convicted killer said", "the 45-year-old said": someone named before, described anew.
  // "the Taradise star" too: a capitalised word may qualify the noun, but the noun is a common one.
  const phrase = words.slice(first).map((w) => w[0]);
  const definite = phrase[0].toLowerCase() === "the" && phrase.length > 1 && last[0] === word;
  if (!definite || /['’]s$/.test(phrase[phrase.length - 2] ?? "")) return null;
  // "the statement said": whoever the article said issued it.
  if (DOCUMENT_NOUNS.has(word)) return role;
  // "A source close to the team said … 'the source said'": someone the article never names.
  const introduced = new RegExp(`(?<![\\p{L}])(?:a|an|one|another)\\s+(?:[\\p{L}-]+\\s+){0,3}${word}(?![\\p{L}])`, "iu");
  return introduced.test(text.slice(Math.max(0, from - 3000), from)) ? null : role;
}

/** Nouns that stand for a body: "the company said", "the ministry added". */
const ORG_NOUNS: ReadonlySet<string> = new Set([...ORG_HEADS, ...ORG_CUES_BEFORE, ...BODY_NOUNS].filter((w) => !ROLE_HEADS.has(w)));

const DOC_AFTER_NAME = new RegExp(
  `^['’]s?\\s+(?:[\\p{Ll}-]+\\s+){0,3}(?:${[...DOCUMENT_NOUNS].join("|")})(?:\\s+(?:of|on|about|into|for)\\s+[^,.;:!?"“”\\n]{1,60})?[\\s,]*$`, "u");
const DOC_BEFORE_NAME = new RegExp(`(?<![\\p{L}])(?:${[...DOCUMENT_NOUNS].join("|")})\\s+(?:from|by|of)\\s+(?:the\\s+)?$`, "u");

/** "PC World's recent analysis of its traffic concluded", "a statement from Apple Computer stated": the
 *  author of what is said to speak. */
function documentAuthor(text: string, from: number, end: number, index: SpeakerIndex): Mention | null {
  for (let i = index.outside.length - 1; i >= 0; i--) {
    const m = index.outside[i];
    if (m.start >= end) continue;
    if (m.start < from || end - m.end > 100) return null;
    if (m.type !== "person" && m.type !== "organization") continue;
    const after = text.slice(m.end, end);
    const possessive = /['’]s?$/u.test(m.text) ? `'${after}` : after;
    if (DOC_AFTER_NAME.test(possessive)) return m;
    if (/^[\s,]*$/.test(after) && DOC_BEFORE_NAME.test(text.slice(Math.max(from, m.start - 40), m.start))) return m;
  }
  return null;
}

/** The subject that starts at `start` (speaker after the verb: "said Petrov", "said a company spokesperson"). */
export function subjectStartingAt(text: string, start: number, end: number, index: SpeakerIndex): Subject | null {
  while (start < end && /\s/.test(text[start])) start++;
  const document = DOCUMENT_FROM.exec(text.slice(start, end));
  // A place only qualifies whoever follows ("according to Troy police Lt. Gerry Scherlinck").
  const direct = index.byStart.get(start);
  const mention = (direct?.type === "place" ? null : direct) ?? (document && index.byStart.get(start + document[0].length)) ??
    titledPerson(text, start, end, index) ?? direct;
  if (mention) return { kind: "mention", mention: ownerOf(mention, index) };
  const words = (text.slice(start, end).match(WORD) ?? []).slice(0, 5).map((w) => w.toLowerCase());
  if (words.length === 0) return null;
  if (PRONOUN_SUBJECTS.has(words[0])) return { kind: "pronoun", pronoun: words[0] };
  if (!ARTICLES.has(words[0])) return null;
  const role = words.find((w) => !POSSESSIVE.test(w) && ROLE_HEADS.has(w));
  return role ? { kind: "role", role } : null;
}

/** "according to a statement from Airbus", "said a report by the ministry", "said an editorial in the
 *  conservative daily Eleftheros Typos": the author follows. */
const DOCUMENT_FROM = new RegExp(
  `^(?:a|an|the)\\s+(?:[\\p{Ll}-]+\\s+){0,2}(?:${[...DOCUMENT_NOUNS].join("|")})\\s+(?:from|by|of|in)\\s+(?:the\\s+)?(?:[\\p{Ll}-]+\\s+){0,3}`, "u");

const TITLE_WORD = /^(?:the\s+|a\s+|an\s+)?((?:[\p{L}\p{N}'’.-]+\s+){1,6})/u;

/** "claims writer John Ostrower", "said the airline's chief pilot Ana Ruiz", "said the 36 - year - old
 *  Klitschko": a person after words of their job or age, none of them a preposition ("said in Paris Ana
 *  Ruiz" is not one). */
function titledPerson(text: string, start: number, end: number, index: SpeakerIndex): Mention | null {
  const lead = TITLE_WORD.exec(text.slice(start, end));
  if (!lead) return null;
  let at = start + lead[0].length - lead[1].length;
  for (const w of lead[1].trim().split(/\s+/)) {
    const word = w.toLowerCase().replace(POSSESSIVE, "");
    if (SUBJECT_BLOCKERS.has(word) || PRONOUN_SUBJECTS.has(word) || QUOTE_VERBS.has(word)) return null;
    at = text.indexOf(w, at) + w.length;
    while (/\s/.test(text[at] ?? "")) at++;
    const m = index.byStart.get(at);
    if (m?.type === "person") return m;
  }
  return null;
}

/** Words that open a phrase set before a clause's subject ("During the debate, Sunak …"). */
const LEAD_OPENERS = new Set([...SUBJECT_BLOCKERS, "during", "after", "before", "while", "when", "as", "since", "although",
  "though", "despite", "later", "earlier", "then", "asked", "speaking", "at", "in", "once", "still", "meanwhile", "however"]);
const DESCRIPTION_BEFORE = /^(?:(?:the|a|an|his|her|its|their)\s+)?(?:[\p{Ll}-]+\s+){0,3}[\p{Ll}-]+,\s*$/iu;

/**
 * The subject of the clause that holds `pos`, when it is a person or body named at its start, or "he"/"she"/
 * "they": "Nick Bos, of the University of Helsinki, studies …", "In part of his resignation, Jobs left …",
 * "He described Montalvo as …".
 * Phrases set off by commas before the subject are skipped. `at` is where the subject stands.
 */
export function sentenceSubject(text: string, sentenceStart: number, pos: number, index: SpeakerIndex): { subject: Subject; at: number } | null {
  let start = sentenceStart;
  for (let k = 0; k < 3; k++) {
    const first = /^\s*([\p{L}]+)/u.exec(text.slice(start, pos))?.[1].toLowerCase();
    const comma = text.indexOf(",", start);
    // "During the debate, …", "Following a performance of “Black Water,” Simmons …".
    if (!first || !(LEAD_OPENERS.has(first) || /^\p{Ll}+ing$/u.test(first)) || comma < 0 || comma >= pos) break;
    start = comma + 1;
    while (/["”»’\s]/.test(text[start] ?? "") && start < pos) start++;
  }
  while (start < pos && /\s/.test(text[start])) start++;
  const word = /^[\p{L}]+/u.exec(text.slice(start, pos))?.[0].toLowerCase();
  if (word === "he" || word === "she" || word === "they") return { subject: { kind: "pronoun", pronoun: word }, at: start };
  for (let i = firstAtOrAfter(index.outside, start); i < index.outside.length; i++) {
    const m = index.outside[i];
    if (m.end > pos) break;
    // Only a qualifier may come before the name ("U.S. Senator John Cornyn") or a description it stands in
    // apposition to ("Her former professor, Koolhaas, described …"), and "Smith's lawyer" is not Smith.
    const lead = text.slice(start, m.start);
    const appositive = DESCRIPTION_BEFORE.test(lead) && /^\s*,/.test(text.slice(m.end, m.end + 2));
    if (m.start > start && !/^(?:\p{Lu}[\p{L}.]*\s+){0,3}$/u.test(lead) && !appositive) continue;
    if (m.type === "place") continue;
    return isPossessive(m, text) ? null : speakingMention(ownerOf(m, index));
  }
  return null;
}

/** The index of the first item starting at or after `pos` (items in text order, by `startOf`: a mention's start by default). */
export function firstAtOrAfter<T extends { start: number }>(items: readonly T[], pos: number): number;
export function firstAtOrAfter<T>(items: readonly T[], pos: number, startOf: (item: T) => number): number;
export function firstAtOrAfter<T>(items: readonly T[], pos: number, startOf = (item: T) => (item as { start: number }).start): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(items[mid]) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** "Smith's lawyer": the name qualifies someone else. */
export function isPossessive(m: Mention, text: string): boolean {
  return /^['’]s?(?![\p{L}])/u.test(text.slice(m.end, m.end + 2)) || /['’]s?$/u.test(m.text);
}

const speakingMention = (m: Mention): { subject: Subject; at: number } | null =>
  m.type !== "place" ? { subject: { kind: "mention", mention: m }, at: m.start } : null;

const APPOSITIVE_GAP = /^,[^,.;:!?"“”\n]{1,80},\s*$/;
const MAX_APPOSITIVE_CHARS = 84;

/** An aside of one or more comma-separated parts: ", curator at the University of Arkansas, Fayetteville,". */
const LONG_ASIDE = /^,(?:[^,.;:!?"“”\n]{1,80},)+\s*$/;
const MAX_LONG_ASIDE_CHARS = 160;

/**
 * "Ines Duarte, a spokeswoman for the ministry, said", "Richardson, via USA Today, said", "Cynthia Thompson,
 * curator at the University of Arkansas, Fayetteville, said": the name before the aside, not a name inside
 * it. A person's aside may run over several commas if it names no other person; a body's is one part.
 */
function beforeAppositive(text: string, from: number, end: number, index: SpeakerIndex): Mention | null {
  const opener = clauseOpener(text, from, end, index);
  if (opener) return opener;
  let body: Mention | null = null;
  // Whether a person is named between the mention looked at and `end` (walking back, so: seen already).
  let personBetween = false;
  for (let i = index.outside.length - 1; i >= 0; i--) {
    const m = index.outside[i];
    if (m.end >= end) continue;
    if (m.end < from || end - m.end > MAX_LONG_ASIDE_CHARS) break;
    const gap = text.slice(m.end, end);
    // "at the Cupertino, California event, saying": a name after an article qualifies a noun, it is no subject.
    const attributive = ARTICLES.has(wordBefore(m, index, from));
    if (m.type === "person" && !attributive && (personBetween ? APPOSITIVE_GAP : LONG_ASIDE).test(gap) && !inPhrase(m, index, from)) return m;
    if (m.type === "person") personBetween = true;
    if (!body && m.type === "organization" && end - m.end <= MAX_APPOSITIVE_CHARS && APPOSITIVE_GAP.test(gap) && !inPhrase(m, index, from)) body = m;
  }
  return body;
}

/** An aside that may be long, with commas and abbreviation dots ("D.C.", "U.K.'s"), but no sentence end. */
const ASIDE_ANY = /^,(?:[^.;:!?"“”\n]|\.(?!\s+\p{Lu}\p{Ll}))+,\s*$/u;
const MAX_OPENER_ASIDE_CHARS = 320;

/**
 * "Lucas Paganini, a planetary scientist at NASA's Goddard Space Flight Center in Greenbelt, Maryland, and
 * American University in Washington, D.C., said": a person opening the clause (only titles before the name)
 * with an aside of any length up to the verb is its subject, whoever else the aside names.
 */
function clauseOpener(text: string, from: number, end: number, index: SpeakerIndex): Mention | null {
  const i = firstAtOrAfter(index.outside, from);
  const m = index.outside[i];
  if (!m || m.type !== "person" || m.end >= end || end - m.end > MAX_OPENER_ASIDE_CHARS) return null;
  // Before the name only words of a title ("chairman, CEO and president", "study lead author"), no phrase
  // that would make the name an object ("After meeting Smith, …").
  const lead = text.slice(from, m.start);
  if (!/^[\s,]*(?:[\p{L}.'’-]+,?\s+){0,6}$/u.test(lead)) return null;
  for (const w of lead.toLowerCase().match(WORD) ?? []) if (LEAD_OPENERS.has(w) || /(?:ing|ed)$/.test(w)) return null;
  return ASIDE_ANY.test(text.slice(m.end, end)) && !isPossessive(m, text) ? m : null;
}

const OPEN_ASIDE = /^,[^,.;:!?"“”\n]{1,80}$/;

/** "Scott Carson, president of Acme Airlines said": the person whose unclosed aside holds the name. */
function personBeforeAside(text: string, from: number, inner: Mention, index: SpeakerIndex): Mention | null {
  for (let i = index.outside.indexOf(inner) - 1; i >= 0; i--) {
    const m = index.outside[i];
    if (m.end < from || inner.start - m.end > MAX_APPOSITIVE_CHARS) return null;
    if (m.type === "person" && OPEN_ASIDE.test(text.slice(m.end, inner.start))) return m;
  }
  return null;
}

const LAST_WORD = /([\p{L}]+)[^\p{L}.!?;:\n"“”]*$/u;

/** The word right before a mention (back to `from`), lowercased. */
function wordBefore(m: Mention, index: SpeakerIndex, from = Math.max(0, m.start - 24)): string {
  return LAST_WORD.exec(index.text.slice(from, m.start))?.[1].toLowerCase() ?? "";
}

/** "on Weibo", "told WIRED", "for Instagram": the mention sits in a phrase, not in subject position. */
export function inPhrase(m: Mention, index: SpeakerIndex, from?: number): boolean {
  const w = wordBefore(m, index, from);
  return SUBJECT_BLOCKERS.has(w) || LISTENER_VERBS.has(w);
}

const OF_LINK = /^\s+(?:of|at|from|with)\s+(?:the\s+)?$/;

/** "Lena Fischer of the Bank of England said": the person, not the bank, is speaking. */
function personBefore(text: string, mention: Mention, index: SpeakerIndex): Mention | null {
  if (mention.type === "person") return null;
  for (let i = index.outside.indexOf(mention) - 1; i >= 0; i--) {
    const m = index.outside[i];
    if (mention.start - m.end > 12) return null;
    if (m.type === "person" && OF_LINK.test(text.slice(m.end, mention.start))) return m;
  }
  return null;
}

/** "said Russia's Foreign Minister Sergei Lavrov", "said U.S. Attorney Nealy Cox": the person after a
 *  place or organisation that qualifies them. */
function ownerOf(mention: Mention, index: SpeakerIndex): Mention {
  if (mention.type === "person") return mention;
  for (let at = mention.end + 1; at <= mention.end + 2; at++) {
    const next = index.byStart.get(at);
    if (next?.type === "person") return next;
  }
  return mention;
}

/** The speaker's name for a subject, looking back from `before` for pronouns and roles. */
export function speakerName(subject: Subject, before: number, sentence: number, index: SpeakerIndex): string | null {
  let mention: Mention | null = null;
  if (subject.kind === "mention") mention = subject.mention;
  else if (subject.kind === "pronoun") mention = pronounTarget(subject.pronoun, before, sentence, index);
  else mention = roleTarget(subject.role, before, sentence, index);
  return mention ? fullName(mention, index) : null;
}

/** "Petrov" → "Aleksandr Petrov" when the article names exactly one such person. */
export function fullName(mention: Mention, index: SpeakerIndex): string {
  if (mention.type !== "person" || mention.name.includes(" ")) return mention.name;
  return index.fullNames.get(mention.name) ?? mention.name;
}

/**
 * The most recent fitting mention before the quote: "he"/"she" prefer a person of that gender, "they"
 * prefers a person over an organisation, "it" is an organisation. An organisation only counts from a
 * subject position ("told WIRED", "a spokesperson for Instagram" name listeners and employers).
 */
function pronounTarget(pronoun: string, before: number, sentence: number, index: SpeakerIndex, depth = 0): Mention | null {
  const wanted = pronoun === "he" ? "m" : pronoun === "she" ? "f" : null;
  const orgs = pronoun === "it" || pronoun === "they";
  let nearest: Mention | null = null;
  let fallback: Mention | null = null;
  let orgFallback: Mention | null = null;
  const subject = wanted && subjectBefore(pronoun, before, sentence, index, depth);
  if (subject && genderOf(subject, index) !== (wanted === "m" ? "f" : "m")) return subject;
  for (let i = index.outside.length - 1; i >= 0; i--) {
    const m = index.outside[i];
    if (m.end > before) continue;
    if (m.sentence < sentence - FACTS_DEFAULTS.pronounLookbackSentences) break;
    if (m.type === "organization") {
      if (orgs && !orgFallback && !inPhrase(m, index)) orgFallback = m;
      continue;
    }
    if (m.type !== "person" || pronoun === "it") continue;
    const g = wanted ? genderOf(m, index) : null;
    const fits = !wanted || g === wanted;
    // News goes on quoting whoever was last said to speak ("Oppal said Blackmore …, while Oler … . 'This
    // has been complex,' he told …" is Oppal): a speaker whose gender does not contradict beats a nearer
    // fitting mention.
    if ((fits || g === null) && speaks(m, index)) return m;
    if (fits) nearest ??= m;
    else if (g === null) fallback ??= m;
  }
  return nearest ?? fallback ?? orgFallback;
}

/**
 * "Richard Doherty attributes Jobs' success to patience. He states …": "he" and "she" most often go on
 * about the person the clause or sentence before is about; the person that opens it.
 */
function subjectBefore(pronoun: string, before: number, sentence: number, index: SpeakerIndex, depth: number): Mention | null {
  const starts = index.sentenceStarts;
  for (const [from, to, i] of [[starts[sentence], before, sentence], [starts[sentence - 1], starts[sentence], sentence - 1]]) {
    if (from === undefined || to === undefined || from >= to) continue;
    const found = sentenceSubject(index.text, from, to, index);
    // A name of unknown type opening a sentence is most likely a person ("Jackman sings ballads at home").
    if (found?.subject.kind === "mention" && found.subject.mention.type !== "organization") return found.subject.mention;
    // "He did not say what Reid was treated for. '…,' he said": the same "he" again, looked up from there.
    if (found?.subject.kind === "pronoun" && found.subject.pronoun === pronoun && depth < FACTS_DEFAULTS.pronounLookbackSentences) {
      return pronounTarget(pronoun, found.at, i, index, depth + 1);
    }
  }
  return null;
}

const SPEAKS_AFTER = new RegExp(`^(?:,[^,.;:!?"“”\\n]{1,60},)?[\\s,]*(?:[\\p{Ll}]+\\s+){0,1}(?:${[...QUOTE_VERBS].join("|")})\\b`, "u");

const SPEAKS_BEFORE = new RegExp(`(?<![\\p{L}])(?:${[...QUOTE_VERBS].join("|")}|[Aa]ccording\\s+to)\\s+(?:[\\p{L}.'’-]+\\s+){0,4}$`, "u");

/** "Oppal said", "Oppal also told", "Bob Currie, 66, said", "said Julien Talavan", "said union leader Ana
 *  Ruiz", "according to Alan Mauldin,": a speech verb right after or before the mention. */
export function speaks(m: Mention, index: SpeakerIndex): boolean {
  if (SPEAKS_AFTER.test(index.text.slice(m.end, m.end + 100))) return true;
  // "said Talavan, a spokesman", not "Oppal said Blackmore is …" or "told the Journal that …".
  if (!/^\s*(?:[,.;!?]|$)/.test(index.text.slice(m.end, m.end + 2)) || m.type !== "person") return false;
  const before = index.text.slice(Math.max(0, m.start - 50), m.start);
  return SPEAKS_BEFORE.test(before) && !/[.!?;:]/.test(before.slice(before.search(SPEAKS_BEFORE)));
}

/** The most recent person before the quote whose role names the same job ("spokeswoman" ~ "spokesperson"). */
function roleTarget(role: string, before: number, sentence: number, index: SpeakerIndex): Mention | null {
  if (ORG_NOUNS.has(role)) return bodyBefore(role, before, index);
  if (DOCUMENT_NOUNS.has(role)) return documentIssuer(role, before, index) ?? bodyBefore(role, before, index);
  if (!ROLE_HEADS.has(role)) {
    const gender = genderOfRole(role);
    return pronounTarget(gender === "m" ? "he" : gender === "f" ? "she" : "someone", before, sentence, index);
  }
  const wanted = sameJob(role);
  for (let i = index.outside.length - 1; i >= 0; i--) {
    const m = index.outside[i];
    if (m.end > before || m.type !== "person" || !m.role) continue;
    const head = m.role.split(" ");
    if (sameJob(head[head.length - 1]) === wanted) return m;
  }
  return null;
}

/**
 * "Gordon Advisors issued a statement … "…," the statement said": the author of the document last named
 * before: the name after "from"/"by" ("a statement from Airbus"), else the subject of the sentence that
 * names it.
 */
function documentIssuer(noun: string, before: number, index: SpeakerIndex): Mention | null {
  const word = new RegExp(`(?<![\\p{L}])${noun}(?![\\p{L}])`, "giu");
  const text = index.text.slice(0, before);
  // Not "the statement said" itself (an attribution before the quote), but where the document was introduced.
  const m = [...text.matchAll(word)].filter((x) => !ATTRIBUTION_AFTER_NOUN.test(text.slice(x.index! + noun.length, x.index! + noun.length + 30))).at(-1);
  if (!m) return null;
  const at = m.index!;
  const from = /^\s+(?:from|by|of)\s+(?:the\s+)?/.exec(text.slice(at + noun.length, at + noun.length + 12));
  const author = from && index.byStart.get(at + noun.length + from[0].length);
  if (author && author.type !== "place") return ownerOf(author, index);
  const starts = index.sentenceStarts;
  let lo = 0;
  for (let hi = starts.length - 1; lo < hi; ) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  const found = sentenceSubject(index.text, starts[lo] ?? 0, Math.min(starts[lo + 1] ?? before, before), index);
  return found?.subject.kind === "mention" ? found.subject.mention : null;
}

const ATTRIBUTION_AFTER_NOUN = new RegExp(`^\\s*(?:also\\s+)?(?:${[...QUOTE_VERBS].join("|")})(?![\\p{L}])`, "u");

/** The organisation last named before `before`, outside a phrase ("told WIRED" names a listener). */
function bodyBefore(noun: string, before: number, index: SpeakerIndex): Mention | null {
  // A word for a kind of body ("ministry", "court") wants a body so named; "the company", "the paper" any.
  const named = ORG_HEADS.has(noun) && !ORG_CUES_BEFORE.has(noun) && !BODY_NOUNS.has(noun);
  const word = new RegExp(`(?<![\\p{L}])${noun}(?![\\p{L}])`, "iu");
  for (let i = index.outside.length - 1; i >= 0; i--) {
    const m = index.outside[i];
    if (m.end > before || m.type !== "organization" || LISTENER_VERBS.has(wordBefore(m, index))) continue;
    if (!named || word.test(m.name)) return m;
  }
  return null;
}

const sameJob = (role: string): string => ROLE_SYNONYMS.get(role) ?? role;

/** "m", "f" or null, from honorifics, gendered role words and given names. */
export function genderOf(m: Mention, index: SpeakerIndex): "m" | "f" | null {
  const words = `${m.text} ${fullName(m, index)}`.toLowerCase().replace(/\./g, "").split(/\s+/);
  for (const w of words) {
    if (FEMALE_MARKERS.has(w) || FEMALE_NAMES.has(w)) return "f";
    if (MALE_MARKERS.has(w) || MALE_NAMES.has(w)) return "m";
  }
  return m.role ? genderOfRole(m.role) : null;
}

function genderOfRole(role: string): "m" | "f" | null {
  for (const w of role.split(" ")) {
    if (FEMALE_MARKERS.has(w)) return "f";
    if (MALE_MARKERS.has(w)) return "m";
  }
  return null;
}
