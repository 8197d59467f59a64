// Direct quotes and who said them: attribution after the quote ("…," Petrov said), before it
// (Petrov said: "…"), split quotes ("…," he said, "…"), pronouns and roles resolved to names; failing an
// attribution, the speaker going on, the speaker of reported speech around the quote, or the subject of
// the quote's sentence.

import type { Article, Attribution, Mention, QuoteFinding, Sentence } from "../model/index.js";
import { ABBREVIATIONS, DOCUMENT_NOUNS, QUOTE_VERBS } from "./lexicon.js";
import { FACTS_DEFAULTS } from "./options.js";
import { findQuoteSpans, type QuoteSpan } from "./quote-spans.js";
import {
  firstAtOrAfter, fullName, genderOf, indexSpeakers, inPhrase, isPossessive, sentenceSubject, speakerName, speaks, subjectEndingAt, subjectStartingAt,
  type SpeakerIndex, type Subject,
} from "./speakers.js";

const VERBS = [...QUOTE_VERBS, "according to"].join("|");
/** The first speech verb in the text after a quote. */
const VERB_AFTER = new RegExp(`(?<![\\p{L}])(?:${VERBS})(?![\\p{L}])`, "iu");
/** A speech verb near the end of the text before a quote: "Petrov said:", "Petrov told reporters that". */
const VERB_BEFORE = new RegExp(
  `(?<![\\p{L}])(${VERBS})(?:\\s+[\\p{L}\\p{N}'’.]+){0,8}?\\s*[:,;]?\\s*(?:that\\s*)?$`,
  "iu",
);
const WORDS = /[\p{L}\p{N}]+/gu;
/** A run of non-space characters: a word as a split on spaces counts it. */
const SPACED = /\S+/g;
const SENTENCE_END = /[.!?;](?=\s|$)|["“”«»\n]/g;
const QUOTE_MARK = /["“”«»\n]/;
const FULL_STOP_INSIDE = /\.\s*["”»]?$/;
const SUBJECT_LEAD = /^[\s,]*(?:[\p{Ll}'’-]+\s+){0,2}$/u;
/** After a quote that ends on a comma the attribution must follow, so the subject may be a longer phrase:
 *  `"…,"   the 33-year-old actress's rep Jack Ketsoyan told …`, `"…," Fulton County District Attorney Paul Howard said`. */
const SUBJECT_LEAD_AFTER_COMMA = /^[\s,]*(?:[\p{L}\p{N}'’.-]+,?\s+){0,12}$/u;
/** A quote left open by its comma has its attribution after it, however long the speaker's aside
 *  (`"…," Lucas Paganini, a planetary scientist at …, said`): looked for this far. */
const ATTRIBUTION_AFTER_OPEN_CHARS = 320;
const SPLIT_JOINER = /^[\s,;:—–-]*$/;
const PART_EDGE = /^\s+|[\s,]+$/g;

interface Found {
  span: QuoteSpan;
  /** Quote spans merged into this one ("…," he said, "…"). */
  more: QuoteSpan[];
  speaker: string | null;
  sentence: number;
  how: Attribution;
  /** Where the attribution after the quote ends ("…," said Greenway, daughter of Julie Brandau.). */
  attributionEnd: number;
}

/** A few quoted words in the middle of a sentence: a phrase being quoted, unless someone says it. */
function isEmbeddedPhrase(text: string, span: { open: number; close: number }, sentenceStart: number): boolean {
  // Words counted only up to the threshold: a long quote's text is not copied.
  let words = 0;
  SPACED.lastIndex = span.open + 1;
  for (let m = SPACED.exec(text); m && m.index < span.close; m = SPACED.exec(text)) if (++words >= FACTS_DEFAULTS.minUnattributedPhraseWords) return false;
  return /[\p{L}\p{N}]/u.test(text.slice(sentenceStart, span.open));
}

/** Direct quotes of at least `minQuoteWords` words, with their speakers when the text says who. */
export function findQuotes(article: Article, mentions: Mention[]): QuoteFinding[] {
  const text = article.text;
  if (article.sentences.length === 0) return [];
  const spans = findQuoteSpans(text);
  // Spans are in text order and do not overlap: the last one opening before `pos` is the only candidate.
  const inside = (pos: number): boolean => {
    const next = firstAtOrAfter(spans, pos, (s) => s.open);
    return next > 0 && pos < spans[next - 1].close;
  };
  const index = indexSpeakers(text, mentions, inside, article.sentences);
  const found: Found[] = [];
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    if (!isQuote(text, span)) continue;
    const sentence = sentenceAt(article.sentences, span.open);
    const q: Found = { span, more: [], speaker: null, sentence: sentence.i, how: "none", attributionEnd: span.close };
    let attributed = true;
    const after = attributionAfter(text, span, spans[i + 1], index, leftOpen(text, span, sentence.start));
    if (after) {
      q.attributionEnd = after.end;
      if (after.subject) {
        q.speaker = (after.subject.kind === "pronoun" && sameVoice(text, found[found.length - 1], span, after.subject.pronoun, article.sentences, index)) ||
          speakerName(after.subject, span.open, sentence.i, index);
        q.how = attributionOf(after.subject, "named-after");
      }
      // "First part," he said, "second part."
      const next = spans[i + 1];
      if (next && SPLIT_JOINER.test(text.slice(after.end, next.open)) && isQuote(text, next)) {
        q.more.push(next);
        q.attributionEnd = next.close;
        i++;
      }
    } else {
      const before = attributionBefore(text, span, spans[i - 1], sentence);
      const subject = before && (subjectOf(text, before, index) ?? clauseSubject(text, before, sentence.start, index));
      if (subject) {
        q.speaker = speakerName(subject, span.open, sentence.i, index);
        q.how = attributionOf(subject, "named-before");
      } else attributed = false;
    }
    if (!attributed) {
      q.speaker = continuedSpeaker(text, found[found.length - 1], q, article.sentences, index);
      if (q.speaker) q.how = "continued";
      else {
        const reported = reportedSpeaker(text, span.open, sentence, article.sentences, index) ?? subjectOfClause(text, span, sentence, index);
        if (reported) {
          q.speaker = speakerName(reported.subject, reported.at, sentence.i, index);
          q.how = attributionOf(reported.subject, "named-before");
        }
      }
    }
    if (q.speaker === null && isEmbeddedPhrase(text, span, sentence.start)) continue;
    found.push(q);
  }
  return found.map((q) => {
    const sentence = sentenceAt(article.sentences, q.span.open);
    return {
      text: quoteText(text, q), sentence: q.sentence, speaker: q.speaker,
      start: q.span.open, end: (q.more.at(-1) ?? q.span).close, attribution: q.how,
      partial: isInsideSentence(text, q.span, sentence.start),
    };
  });
}

function attributionOf(subject: Subject, named: Attribution): Attribution {
  return subject.kind === "mention" ? named : subject.kind;
}

/** Quoted words that follow words of the writer's own in the same sentence: a partial quote. */
function isInsideSentence(text: string, span: QuoteSpan, sentenceStart: number): boolean {
  return /[\p{L}\p{N}]/u.test(text.slice(sentenceStart, span.open)) && !/[:,]\s*$/.test(text.slice(sentenceStart, span.open));
}

function isQuote(text: string, span: QuoteSpan): boolean {
  // Counted only up to what is needed, without copying a long quote's text.
  let n = 0;
  for (const [a, b] of span.parts) {
    WORDS.lastIndex = a;
    for (let m = WORDS.exec(text); m && m.index < b; m = WORDS.exec(text)) {
      if (++n >= FACTS_DEFAULTS.minQuoteWords) return true;
    }
  }
  return false;
}


/** The quote's words: paragraphs joined by a space, parts split by an attribution by " … ". */
function quoteText(text: string, q: Found): string {
  const one = (s: QuoteSpan): string =>
    s.parts.map(([a, b]) => text.slice(a, b).replace(PART_EDGE, "")).join(" ").replace(/\s+/g, " ");
  return [q.span, ...q.more].map(one).join(" … ");
}

/** `"…," Petrov said.` / `"…," said the spokeswoman.` / `"…," according to Petrov.` */
function attributionAfter(
  text: string,
  span: QuoteSpan,
  next: QuoteSpan | undefined,
  index: SpeakerIndex,
  /** The quote's sentence goes on into this attribution (see leftOpen). */
  open: boolean,
): { subject: Subject | null; end: number } | null {
  const byline = bylineAfter(text, span, index);
  if (byline) return byline;
  // A quote closed by a full stop ends its sentence: `"…now." Fischer told reporters …` starts a new one.
  if (FULL_STOP_INSIDE.test(text.slice(span.open, span.close))) return null;
  const first = open ? index.outside[firstAtOrAfter(index.outside, span.close)] : undefined;
  // A person right after the quote with an aside (`"…," Lucas Paganini, a planetary scientist at …, said`).
  const aside = first?.type === "person" && text[first.end] === "," && /^[\s,]*(?:[\p{L}.'’-]+\s+){0,4}$/u.test(text.slice(span.close, first.start));
  const opener = aside && /^[\s,]*$/.test(text.slice(span.close, first.start)) ? first : null;
  const limit = Math.min(span.close + (aside ? ATTRIBUTION_AFTER_OPEN_CHARS : FACTS_DEFAULTS.attributionAfterChars), next ? next.open : text.length);
  const end = clauseEnd(text, span.close, limit, index);
  const window = text.slice(span.close, end);
  const verb = VERB_AFTER.exec(window);
  if (!verb) return open ? otherVerbAfter(text, span, end, index) : null;
  const verbStart = span.close + verb.index;
  const verbEnd = verbStart + verb[0].length;
  // `"…!" Jenna Coleman says: "…"`: a verb and a colon introduce the next quote, not this one.
  if (next && /^\s*:\s*$/.test(text.slice(verbEnd, next.open))) return null;
  const afterVerb = /^[\s,]*$/.test(text.slice(span.close, verbStart));
  if (afterVerb) {
    const subject = subjectStartingAt(text, verbEnd, end, index);
    if (subject) return { subject, end };
    if (SOMEONE_NEW.test(text.slice(verbEnd, end))) return { subject: null, end };
    return open ? otherVerbAfter(text, span, end, index) : null;
  }
  // `"…," Lauri Saathoff, a spokesperson for Texas Attorney General Greg Abbott told TIME`: the person
  // right after the quote, whose aside runs into the verb, whoever else the aside names.
  if (opener && opener.end < verbStart) return { subject: { kind: "mention", mention: opener }, end };
  const found = subjectEndingAt(text, span.close, verbStart, index);
  // The subject must follow the quote directly ("…," museum director Declercq said), not
  // `"…" and later that day Petrov said`.
  if (!found || !(open ? SUBJECT_LEAD_AFTER_COMMA : SUBJECT_LEAD).test(text.slice(span.close, found.start))) {
    const tail = commaAttribution(text, span.close, verbStart, verbEnd, end, index);
    if (tail) return { subject: tail, end };
    const words = text.slice(span.close, verbStart);
    if (SOMEONE_NEW.test(words) && (words.match(WORDS)?.length ?? 0) <= 5) return { subject: null, end };
    // A quote left open by its comma is attributed here, to someone this code cannot name: not to the
    // speaker before ("…," California's deputy director of drug programs Millicent Tidwell told The Post).
    return open ? (otherVerbAfter(text, span, end, index) ?? { subject: null, end }) : null;
  }
  return { subject: found.subject, end };
}

/**
 * `"…we need to set aside" the plan, said Interior Secretary Ken Salazar.` / `"…" to this risk, Strauss-Kahn
 * said`: a clause set off by a comma that names the speaker ends the quote's sentence.
 */
function commaAttribution(text: string, from: number, verbStart: number, verbEnd: number, end: number, index: SpeakerIndex): Subject | null {
  const comma = text.lastIndexOf(",", verbStart - 1);
  if (comma < from) return null;
  const subject = /^,\s*$/.test(text.slice(comma, verbStart))
    ? subjectStartingAt(text, verbEnd, end, index)
    : (() => {
        const found = subjectEndingAt(text, comma + 1, verbStart, index);
        return found && /^\s*$/.test(text.slice(comma + 1, found.start)) ? found.subject : null;
      })();
  if (subject?.kind === "mention") return subject.mention.type === "place" ? null : subject;
  return subject?.kind === "pronoun" ? subject : null;
}

/** A quote ending on a comma, "?" or "!", inside the marks or just after them (`"…", Wilkins said`): its
 *  sentence goes on into the attribution. */
function leftOpen(text: string, span: QuoteSpan, sentenceStart: number): boolean {
  if (/[,?!]\s*["”»]$/.test(text.slice(span.open, span.close))) return true;
  // A comma after the marks ends a quote that opens its sentence; after a partial quote it goes on with the
  // writer's own words (`Montalvo "walked into the station", and told the police …`).
  return /^[^\S\n]*,/.test(text.slice(span.close, span.close + 4)) && !text.slice(sentenceStart, span.open).trim();
}

/** `"…," a witness said` / `said one resident`: someone the article does not name speaks. */
const SOMEONE_NEW = /^[\s,]*(?:a|an|one|another)\s+[\p{L}\p{N}]/iu;

const BYLINE = /^[^\S\n]*[-—–]+[^\S\n]*$/;

/** `"So far, it's the Internet: 1, Scientology: 0." - Matthew Ingram`: a dash and a name ending the line. */
function bylineAfter(text: string, span: QuoteSpan, index: SpeakerIndex): { subject: Subject; end: number } | null {
  const dash = /^[^\S\n]*[-—–]+[^\S\n]*/.exec(text.slice(span.close, span.close + 8));
  const m = dash && index.byStart.get(span.close + dash[0].length);
  if (!m || !BYLINE.test(text.slice(span.close, m.start)) || !/^[\s,.]*(?:\n|$)/.test(text.slice(m.end, m.end + 80).split(/\n/)[0] + "\n")) return null;
  if (m.type !== "person" && m.type !== "organization") return null;
  return { subject: { kind: "mention", mention: m }, end: m.end };
}

/** ", president and CEO of Valley Dairy," between a name and its verb. */
const ASIDE = /^,(?:[^,.;:!?"“”\n]{1,80},)+/;
const PRONOUN_ANY_VERB = /^[\s,]*(he|she)\s+(?:\p{Ll}+ly\s+)?\p{Ll}+(?:ed|s)(?![\p{L}])/iu;
/** A lowercase verb ending like a past tense or a present ("enthused", "quips"). */
const ANY_VERB = /^[\s,]*(\p{Ll}+(?:ed|s))(?![\p{L}])/u;

/**
 * `"…," enthused Scott Fancher` / `"…," BBCOne promoted on Twitter`: a quote left open (leftOpen) goes on
 * into its attribution, whatever the verb, when a name sits right next to a verb.
 */
function otherVerbAfter(text: string, span: QuoteSpan, end: number, index: SpeakerIndex): { subject: Subject; end: number } | null {
  const lead = /^[\s,]*/.exec(text.slice(span.close, end))![0].length;
  const first = index.byStart.get(span.close + lead);
  // A name of unknown type counts too: what speaks right after a quote is a person or a body.
  if (first && first.type !== "place" && ANY_VERB.test(text.slice(first.end, end).replace(ASIDE, ""))) {
    return { subject: { kind: "mention", mention: first }, end };
  }
  // `"Oh, actually? Yes," he assures himself`.
  const pronoun = PRONOUN_ANY_VERB.exec(text.slice(span.close, end));
  if (pronoun) return { subject: { kind: "pronoun", pronoun: pronoun[1].toLowerCase() }, end };
  const verb = ANY_VERB.exec(text.slice(span.close, end));
  if (!verb) return null;
  const subject = subjectStartingAt(text, span.close + verb[0].length, end, index);
  return subject?.kind === "mention" ? { subject, end } : null;
}

/** Where the clause after `from` ends: a sentence end (not "Dr."), a quote mark or a line break. */
function clauseEnd(text: string, from: number, limit: number, index: SpeakerIndex): number {
  SENTENCE_END.lastIndex = from;
  for (let m = SENTENCE_END.exec(text); m && m.index < limit; m = SENTENCE_END.exec(text)) {
    if (m[0] === "." && (isAbbreviationDot(text, m.index) || insideMention(m.index, index))) continue;
    return m.index;
  }
  return limit;
}

function isAbbreviationDot(text: string, dot: number): boolean {
  let k = dot;
  while (k > 0 && /\p{L}/u.test(text[k - 1])) k--;
  // "787s." ends a sentence; "U.S." and "J. Smith" do not.
  if (k > 0 && /[\p{N}_]/u.test(text[k - 1])) return false;
  const word = text.slice(k, dot);
  return word.length === 1 || ABBREVIATIONS.has(word.toLowerCase());
}

function insideMention(pos: number, index: SpeakerIndex): boolean {
  for (const m of index.outside) if (m.start <= pos && pos < m.end) return true;
  return false;
}

/** The text before the opening mark in its sentence, if it ends with a speech verb: `Petrov said: "…"`. */
function attributionBefore(
  text: string,
  span: QuoteSpan,
  prev: QuoteSpan | undefined,
  sentence: Sentence,
): Before | null {
  // The verb stands near the quote, but its subject may open a long sentence ("Ian Hamilton, an expert in
  // … who did not work on the study, told Newsweek:").
  const from = Math.max(sentence.start, prev ? prev.close : 0, span.open - ATTRIBUTION_BEFORE_SENTENCE_CHARS);
  if (from >= span.open) return null;
  if (QUOTE_MARK.test(text.slice(from, span.open))) return null;
  // The verb is looked for near the quote only: the long pattern is costly to try at every offset.
  const near = Math.max(from, span.open - FACTS_DEFAULTS.attributionBeforeChars);
  const m = VERB_BEFORE.exec(text.slice(near, span.open));
  return m ? { from, verbStart: near + m.index, verb: m[1].toLowerCase(), quoteOpen: span.open } : null;
}

const ATTRIBUTION_BEFORE_SENTENCE_CHARS = 400;

/** An attribution before a quote: where its window starts, its verb and where that stands. */
interface Before {
  from: number;
  verbStart: number;
  verb: string;
  quoteOpen: number;
}

/**
 * "Jobs started by hinting at the incident, saying, …", "Lyons said Comeaux used a wheelchair and added, …":
 * a participle's or a second verb's speaker is the subject of the sentence, or failing one found at its
 * start, the first person (or organisation) named in it before the verb, outside any phrase.
 */
function clauseSubject(text: string, before: Before, sentenceStart: number, index: SpeakerIndex): Subject | null {
  const coordinated = /(?:^|[^\p{L}])(?:and|but|then|also|before|after)\s+$/u.test(text.slice(Math.max(sentenceStart, before.verbStart - 12), before.verbStart));
  if (!before.verb.endsWith("ing") && !coordinated) return null;
  const subject = sentenceSubject(text, sentenceStart, before.verbStart, index)?.subject;
  if (subject) return subject;
  const inSentence = index.outside.filter((m) => m.start >= sentenceStart && m.end <= before.verbStart);
  const m = inSentence.find((x) => x.type === "person") ?? inSentence.find((x) => x.type === "organization");
  return m ? { kind: "mention", mention: m } : null;
}

/** Who the attribution before a quote names: `Petrov said:`, `according to Petrov,`, `said Yeager:`. */
function subjectOf(text: string, before: Before, index: SpeakerIndex): Subject | null {
  const end = before.verbStart + before.verb.length;
  const after = subjectStartingAt(text, end, end + FACTS_DEFAULTS.attributionAfterChars, index);
  if (before.verb === "according to") return after;
  const found = subjectEndingAt(text, before.from, before.verbStart, index)?.subject;
  // "said Yeager:", but "telling People in October that" names a listener.
  if (found || after?.kind !== "mention" || /^(?:tell|told|ask)/.test(before.verb)) return found ?? null;
  return /^[\s,:]*$/.test(text.slice(after.mention.end, before.quoteOpen)) ? after : null;
}

/**
 * A quote with no attribution of its own that opens its sentence and follows an attributed one closely
 * (same or next paragraph, nobody else named in between), or that follows one in the same sentence
 * ("…", it added; and, later, "…"), goes on in the same voice.
 */
function continuedSpeaker(
  text: string,
  prev: Found | undefined,
  q: Found,
  sentences: Sentence[],
  index: SpeakerIndex,
): string | null {
  // A person named in between stops the voice going on, unless only as an owner or inside a phrase
  // ("… in Dr. Benjamin's nomination. "In Dr. Benjamin, we have …"" goes on).
  const someoneElse = (m: Mention): boolean =>
    m.type === "person" && fullName(m, index) !== prev?.speaker && !isPossessive(m, text) && !inPhrase(m, index);
  const sentence = sentenceAt(sentences, q.span.open);
  if (!prev?.speaker) return null;
  const prevEnd = Math.max((prev.more[prev.more.length - 1] ?? prev.span).close, prev.attributionEnd);
  const chained = prevEnd > sentence.start && CHAIN_GAP.test(text.slice(prevEnd, q.span.open));
  // Only words before the quote stop it from opening its sentence (`." "It then …` does open one).
  if (!chained && /[\p{L}\p{N}]/u.test(text.slice(sentence.start, q.span.open))) return null;
  const gap = sentence.paragraph - sentenceAt(sentences, prevEnd - 1).paragraph;
  if (gap > 1) return null;
  for (const m of index.outside) if (m.start >= prevEnd && m.start < q.span.open && someoneElse(m)) return null;
  return prev.speaker;
}

/**
 * `"I would hope so," he told CNA. "As far as I know …" "I would hope that would continue," he added.`: "he"
 * or "she" right after quotes of one speaker of that gender, with nobody else named since, is that speaker.
 */
function sameVoice(text: string, prev: Found | undefined, span: QuoteSpan, pronoun: string, sentences: Sentence[], index: SpeakerIndex): string | null {
  if (!prev?.speaker || (pronoun !== "he" && pronoun !== "she")) return null;
  const prevEnd = Math.max((prev.more.at(-1) ?? prev.span).close, prev.attributionEnd);
  if (sentenceAt(sentences, span.open).paragraph - sentenceAt(sentences, prevEnd - 1).paragraph > 1) return null;
  const mentions = index.outside;
  const at = firstAtOrAfter(mentions, prevEnd);
  for (let i = at; i < mentions.length && mentions[i].start < span.open; i++) {
    const m = mentions[i];
    const named = !isPossessive(m, text) && (!inPhrase(m, index) || /according\s+to\s+$/i.test(text.slice(Math.max(0, m.start - 14), m.start)));
    if ((m.type === "person" || m.type === "other") && fullName(m, index) !== prev.speaker && named) return null;
  }
  let speaker: Mention | undefined;
  for (let i = at - 1; i >= 0 && !speaker; i--) if (mentions[i].type === "person" && fullName(mentions[i], index) === prev.speaker) speaker = mentions[i];
  if (!speaker || genderOf(speaker, index) === (pronoun === "he" ? "f" : "m")) return null;
  // "a local official told AFP": someone new, unnamed, speaks in between.
  return UNNAMED_SPEAKER.test(text.slice(prevEnd, span.open)) ? null : prev.speaker;
}

const UNNAMED_SPEAKER = new RegExp(`(?<![\\p{L}])(?:a|an|one|another)\\s+(?:[\\p{Ll}-]+\\s+){0,3}(?:${VERBS})(?![\\p{L}])`, "iu");

/** What may stand between an attribution and a quote chained onto it: `; and, later,`. */
const CHAIN_GAP = /^\s*[,;:—–-][\s,;:—–-]*(?:\p{Ll}+[\s,;:—–-]*){0,4}$/u;

const PRONOUN_SPEAKS = new RegExp(`(?<![\\p{L}])(he|she)\\s+(?:also\\s+|later\\s+|then\\s+)?(?:${VERBS})(?![\\p{L}])`, "giu");

/** A subject and where it stands (pronouns look back from there). */
type Placed = { subject: Subject; at: number };

/** Words set before a quote that opens its sentence but for them: "Later in the afternoon, "I went …"". */
const LEAD_IN = /^\s*(?:[\p{L}\p{N}'’-]+\s+){0,6}[\p{L}\p{N}'’-]+,\s*$/u;

/**
 * A quote with no attribution of its own inside or right after reported speech: "Oppal said in 2005, when
 * he was appointed, that he was concerned about the issue "because of …"" (the speaker earlier in the
 * sentence), or a quote opening its sentence after "He said the bank was evacuated at 1:30 p.m." (the
 * speaker of the sentence before, in the same or the previous paragraph).
 */
function reportedSpeaker(text: string, open: number, sentence: Sentence, sentences: Sentence[], index: SpeakerIndex): Placed | null {
  const inSentence = speakerIn(text, sentence.start, open, index) ?? accordingTo(text, sentence.start, open, index);
  const lead = text.slice(sentence.start, open);
  if (inSentence || (lead.trim() && !(LEAD_IN.test(lead) && !namesIn(sentence.start, open, index).length))) return inSentence;
  const whole = sentences[sentence.i - 1];
  if (!whole || sentence.paragraph - whole.paragraph > 1) return null;
  // Only what follows a quote closed in the sentence before is what leads into this one (a missed sentence
  // break after a closing mark leaves two sentences in one).
  const cut = [...whole.text.matchAll(MISSED_BREAK)].at(-1);
  const at = cut ? cut.index! + cut[0].length : 0;
  const prev = at > 0 ? { ...whole, start: whole.start + at, text: whole.text.slice(at) } : whole;
  return speakerIn(text, prev.start, prev.end, index) ?? introduced(text, prev, index);
}

/**
 * "According to a 2018 survey by Penelope Muse Abernathy of the University of North Carolina, the firm's
 * practice has been to "…"", "According to the NYPD's statement, the cops noticed one "…"": the first person
 * or body the "according to" phrase names speaks for the sentence.
 */
function accordingTo(text: string, from: number, to: number, index: SpeakerIndex): Placed | null {
  const m = ACCORDING_TO.exec(text.slice(from, to));
  if (!m) return null;
  const start = from + m.index + m[0].length;
  const comma = text.indexOf(",", start);
  const end = comma < 0 || comma > to ? to : comma;
  // "According to AFP, one user on Weibo posted: "…"": someone else speaks, the phrase only relays it.
  if (VERB_AFTER.test(text.slice(end, to))) return null;
  // The name heads the phrase ("the LA Times", "a survey by X of the University …", "the NYPD's statement"),
  // it does not qualify another noun ("experts hired by the Grigoropoulos family").
  const x = index.outside[firstAtOrAfter(index.outside, start)];
  if (!x || x.end > end || x.type === "place" || !ACCORDING_LEAD.test(text.slice(start, x.start))) return null;
  return ACCORDING_TAIL.test(text.slice(x.end, end)) ? { subject: { kind: "mention", mention: x }, at: x.start } : null;
}

const ACCORDING_TO = /(?<![\p{L}])according\s+to\s+/iu;
const ACCORDING_LEAD = /^(?:(?:the|a|an)\s+)?(?:(?:[\p{L}\p{N}-]+\s+){0,3}(?:by|from|of)\s+(?:the\s+)?)?$/u;
const ACCORDING_TAIL = new RegExp(`^(?:\\s*|\\s+(?:of|at|from)\\s.*|(?:['’]s?)?\\s+(?:[\\p{Ll}-]+\\s+){0,2}(?:${[...DOCUMENT_NOUNS].join("|")})\\s*)$`, "u");

/** A quote closed on a full stop and a capital after it: a new sentence the splitter missed. */
const MISSED_BREAK = /[.!?]\s*["”»]\s+(?=\p{Lu})/gu;

/** Names of people (or of unknown type, who may be people too) between two offsets. */
function namesIn(from: number, to: number, index: SpeakerIndex): Mention[] {
  const out: Mention[] = [];
  for (let i = firstAtOrAfter(index.outside, from); i < index.outside.length && index.outside[i].start < to; i++) {
    const m = index.outside[i];
    if ((m.type === "person" || m.type === "other") && m.end <= to) out.push(m);
  }
  return out;
}

/** "T.J. Simons, 17, who works nearby, also heard the blast. "At first I thought …"": the person the
 *  sentence before opens with (or the one person it names), when it names no other person; after a question
 *  about "he" or "she", that person. */
function introduced(text: string, prev: Sentence, index: SpeakerIndex): Placed | null {
  const names = namesIn(prev.start, prev.end, index);
  // "Why did she so badly want to attend? "It's Warhol."": the answer is the one the question is about.
  const asked = names.length === 0 && /\?\s*$/.test(prev.text) ? /(?<![\p{L}])(he|she)(?![\p{L}])/iu.exec(prev.text) : null;
  if (asked) return { subject: { kind: "pronoun", pronoun: asked[1].toLowerCase() }, at: prev.start + asked.index };
  const found = sentenceSubject(text, prev.start, prev.end, index);
  // Failing a subject at the start ("In a recent paper Bos and colleagues describe …"), the one person named.
  const sole = names.length === 1 && !inPhrase(names[0], index) && !isPossessive(names[0], text) ? names[0] : null;
  const first = found?.subject.kind === "mention" ? found.subject.mention : sole;
  if (first?.type !== "person") return null;
  if (names.some((m) => m.name !== first.name && !first.name.endsWith(m.name))) return null;
  return { subject: { kind: "mention", mention: first }, at: first.start };
}

/**
 * `Nick Bos, of the University of Helsinki, studies "the amazing adaptations …"`, `He described Montalvo as
 * an individual, "facing …"`: a quote inside a sentence nobody is said to speak in is its subject's, unless
 * it is a short phrase (a term being quoted, not the subject's words).
 */
function subjectOfClause(text: string, span: QuoteSpan, sentence: Sentence, index: SpeakerIndex): Placed | null {
  const lead = text.slice(sentence.start, span.open);
  if (!/[\p{L}\p{N}]/u.test(lead)) return null;
  const words = text.slice(span.open + 1, span.close).split(/\s+/).filter(Boolean).length;
  if (words < FACTS_DEFAULTS.minUnattributedPhraseWords && !/[:,]\s*$/.test(lead)) return null;
  // "The phone was praised by Jobs as "…"": the agent speaks; "He has been described as "…"": nobody named.
  for (let i = firstAtOrAfter(index.outside, sentence.start); i < index.outside.length; i++) {
    const m = index.outside[i];
    if (m.end > span.open) break;
    if (PASSIVE_BY.test(text.slice(Math.max(sentence.start, m.start - 40), m.start))) return { subject: { kind: "mention", mention: m }, at: m.start };
  }
  if (PASSIVE_AS.test(lead)) return null;
  return sentenceSubject(text, sentence.start, span.open, index);
}

const PASSIVE = String.raw`(?<![\p{L}])(?:was|were|is|are|been|being)\s+(?:\p{Ll}+ly\s+)?\p{Ll}+(?:ed|en|wn)`;
const PASSIVE_BY = new RegExp(`${PASSIVE}\\s+by\\s+$`, "u");
const PASSIVE_AS = new RegExp(`${PASSIVE}(?:\\s+as)?\\s*[:,]?\\s*$`, "u");

/** The last speaker between two offsets: a name or "he"/"she" right before a speech verb. */
function speakerIn(text: string, from: number, to: number, index: SpeakerIndex): Placed | null {
  let best: Placed | null = null;
  for (let i = firstAtOrAfter(index.outside, from); i < index.outside.length && index.outside[i].start < to; i++) {
    const m = index.outside[i];
    if (m.end > to || !(m.type === "person" || m.type === "organization")) continue;
    if (!speaks(m, index) || inPhrase(m, index)) continue;
    if (!best || m.start > best.at) best = { at: m.start, subject: { kind: "mention", mention: m } };
  }
  PRONOUN_SPEAKS.lastIndex = 0;
  for (const m of text.slice(from, to).matchAll(PRONOUN_SPEAKS)) {
    if (!best || from + m.index! > best.at) best = { at: from + m.index!, subject: { kind: "pronoun", pronoun: m[1].toLowerCase() } };
  }
  return best;
}

/** The sentence holding a text offset (the last one starting at or before it). */
function sentenceAt(sentences: Sentence[], pos: number): Sentence {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid].start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return sentences[lo];
}
