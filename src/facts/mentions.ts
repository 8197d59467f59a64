// Rule-based name finding: runs of capitalised words, cleaned of sentence-initial words and titles,
// typed as person / organization / place / other.

import type { Article, EntityType, Mention } from "../model/index.js";
import { STOPWORDS } from "../text/tokens.js";
import {
  BOILERPLATE, BYLINE_WORDS, COMMON_ENDINGS, COMMON_INITIAL, COMMON_WORDS, COMPASS, CONNECTORS, COUNTRY_CUES,
  DEMONYMS, FEMALE_NAMES, HONORIFICS, KNOWN_ACRONYMS, KNOWN_ORGS, LEADING_FAMILY_NAMES, LISTENER_VERBS, MALE_NAMES,
  MONTH_NAMES_AS_NAMES, NAME_PREFIXES, ORG_NAMES, OF_HEADS, ORG_CUES_AFTER, ORG_CUES_BEFORE, ORG_HEADS, ORG_ONLY_CONNECTORS,
  PARTY_WORDS, PLACES, PLACE_FIRST_WORDS, PLACE_LAST_WORDS, PLACE_NOUNS, PLACE_PREPOSITIONS, PRONOUNS, ROLE_HEADS,
  ROLE_MODIFIERS, SPEECH_VERBS, TITLE_CASE_TELLS, TITLE_EXPANSIONS, WEEKDAYS_AND_MONTHS,
} from "./lexicon.js";
import { isAcronym } from "./names.js";
import { FACTS_DEFAULTS } from "./options.js";
import { tokenize, type Token } from "./scan.js";
import { shippedTagger, tagMentions, type TaggerModel } from "./tagger.js";

/** Rule mentions whose name and type a list, a title or the article's company cues settle, not their shape. */
const EVIDENCED = new WeakSet<Mention>();

/** Months that are also given names. */
const MONTHS_AS_GIVEN_NAMES = new Set(["jan", "april", "june"]);
/** Words before a month that make it a date ("in June Smith said"). */
const DATE_PREPOSITIONS = new Set(["in", "on", "since", "until", "by", "from", "of", "during", "early", "late", "mid", "last", "next", "this", "through"]);

/** Per-article state while its sentences are scanned. */
interface Scan {
  text: string;
  /** Whether the article writes a word lowercase somewhere (then, capitalised at a sentence start, it is
   *  no name); looked up on demand, as only sentence-initial words need it. */
  lowercase: Map<string, boolean>;
  /** Capitalised words as written, to read a shouted "BRUGES" as "Bruges". */
  titleCase: Set<string>;
  /** Capitalised words seen inside sentences: names for sure. */
  midSentence: Set<string>;
  mentions: Mention[];
  /** Mentions typed "place" only by context ("in X"); a known person's surname wins over that. */
  weakPlaces: Set<Mention>;
  /** Those of them a country cue types ("Kovaria's foreign minister"): the tagger does not retype them. */
  countryCued: Set<Mention>;
  /** Lone sentence-initial words that look like common nouns ("Delegates"); kept only if named elsewhere. */
  weakInitials: Set<Mention>;
  /** One-word names the article treats as a person's: "Opelka said", "Mr. Opelka", "Opelka, he …". */
  personWords: Set<string>;
  /** Names the article treats as a company's: "WeWork's shares", "rival SoftBank", CamelCase "MarketAxess". */
  orgNames: Set<string>;
}

interface Span {
  from: number;
  to: number;
}

const ALL_CAPS = /^[\p{Lu}.]+$/u;
/** "We’d", "I’m", "Don’t": pronoun and verb contractions, never names ("O’Neill" is not one). */
const CONTRACTION = /['’](?:d|m|ve|ll|re|t)$/i;
/** A capital inside a word: "WeWork", "MarketAxess" (group 1 is the part before it). */
const CAMEL_CASE = /^(\p{Lu}\p{Ll}*)\p{Lu}\p{Ll}/u;
const INITIAL_WORD = /^\p{Lu}\.$/u;
const DOTS = /\./g;
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Longer all-caps words are shouting ("BREAKING", "AHEAD"), unless listed as acronyms. */
const MAX_ACRONYM_LETTERS = 5;

/** The learned model name finding may use; none (or null): the rules alone. */
export interface NameModels {
  tagger?: TaggerModel | null;
}

/**
 * All name mentions of an article, in text order. The rules find names; the tagger, reading the rules'
 * output among its evidence, sets the edges and types of the names it finds, and the rules' names it
 * leaves out keep the rules' type.
 */
export function findMentions(article: Article, models: NameModels = { tagger: shippedTagger() }): Mention[] {
  const ruled = ruleMentions(article);
  return models.tagger ? tagMentions(article, ruled, models.tagger, (m) => EVIDENCED.has(m)) : ruled;
}

/** The rules' mentions, typed by the rules alone. */
export function ruleMentions(article: Article): Mention[] {
  const sentences = article.sentences.map((s) => ({ i: s.i, tokens: tokenize(s.text, s.start) }));
  const scan: Scan = {
    text: article.text, lowercase: new Map(), titleCase: new Set(), midSentence: new Set(), mentions: [],
    weakPlaces: new Set(), countryCued: new Set(), weakInitials: new Set(), personWords: new Set(), orgNames: new Set(),
  };
  for (const s of sentences) for (const t of s.tokens) noteCase(t, scan);
  for (const s of sentences) {
    if (isHeadlineLike(s.tokens)) continue;
    for (const run of nameRuns(s.tokens, scan)) splitRun(s.tokens, run, s.i, scan);
  }
  return settleTypes(scan);
}

function noteCase(t: Token, scan: Scan): void {
  if (t.kind === "cap" && !ALL_CAPS.test(t.word)) {
    scan.titleCase.add(t.word);
    if (!t.initial) scan.midSentence.add(t.word);
  }
}

/** Title Case and ALL CAPS lines are headlines or page furniture: their capitals say nothing. */
function isHeadlineLike(tokens: Token[]): boolean {
  let tells = 0;
  let words = 0;
  let shouted = 0;
  for (const t of tokens) {
    if (t.kind !== "cap" && t.kind !== "lower") continue;
    words++;
    if (t.kind === "cap" && t.word.length > 1 && ALL_CAPS.test(t.word)) shouted++;
    if (t.kind === "cap" && !t.initial && TITLE_CASE_TELLS.has(t.lower)) tells++;
  }
  return tells >= FACTS_DEFAULTS.titleCaseStopwords || (words >= 4 && shouted / words >= FACTS_DEFAULTS.allCapsShare);
}

const isGivenName = (w: string): boolean => MALE_NAMES.has(w) || FEMALE_NAMES.has(w) || LEADING_FAMILY_NAMES.has(w);

/** Can this token be part of a name? */
function isNameWord(tokens: Token[], i: number, scan: Scan): boolean {
  const t = tokens[i];
  if (t.kind !== "cap") return false;
  const prev = tokens[i - 1];
  if (prev && prev.end === t.start && (prev.word === "#" || prev.word === "@")) return false; // hashtags, handles
  const w = t.key;
  if (WEEKDAYS_AND_MONTHS.has(w)) {
    // "Theresa May": a month after a given name is a family name; "Jan Olson", "April Ryan": a month
    // that is also a given name, right before a capitalised word that is no date word, is a given name
    // (a date follows "in" or "since", or is followed by its day).
    if (MONTH_NAMES_AS_NAMES.has(w) && i > 0 && isGivenName(tokens[i - 1].key)) return true;
    const next = tokens[i + 1];
    return MONTHS_AS_GIVEN_NAMES.has(w) && !t.word.endsWith(".") && next?.kind === "cap" && !WEEKDAYS_AND_MONTHS.has(next.key) &&
      !ALL_CAPS.test(next.word) && !DATE_PREPOSITIONS.has(tokens[i - 1]?.lower ?? "");
  }
  if (BOILERPLATE.has(w)) return false;
  if (ALL_CAPS.test(t.word)) return isAcronymWord(t, scan);
  return t.word.length > 1 && !PRONOUNS.has(w) && !CONTRACTION.test(w);
}

/** Outside shouted lines an all-caps word is an acronym ("WHO", "US"), unless it is long ("BREAKING")
 *  or a common word shouted ("GET OUT and VOTE"). */
function isAcronymWord(t: Token, scan: Scan): boolean {
  const w = t.key;
  const letters = t.word.replace(DOTS, "").length;
  if (letters < 2) return false;
  if (isKnownAcronym(t)) return true;
  if (letters > MAX_ACRONYM_LETTERS || STOPWORDS.has(w) || COMMON_INITIAL.has(w) || COMMON_WORDS.has(w)) return false;
  return !writtenLowercase(w, scan);
}

const isKnownAcronym = (t: Token): boolean => KNOWN_ORGS.has(t.key) || KNOWN_ACRONYMS.has(t.key) || PLACES.has(t.lower);

/** "US FALLS", "GREAT Governor": shouted words side by side make a slogan, unless all are known acronyms
 *  ("CBS Sports NFL Insider" is no slogan: its acronyms stand apart). */
function isShoutedRun(tokens: Token[], run: Span): boolean {
  const shouted = (t: Token): boolean => t.word.length > 1 && !t.word.includes(".") && ALL_CAPS.test(t.word);
  for (let i = run.from; i + 1 < run.to; i++) {
    const a = tokens[i];
    const b = tokens[i + 1];
    if (shouted(a) && shouted(b) && !(isKnownAcronym(a) && isKnownAcronym(b))) return true;
  }
  const lead = tokens[run.from];
  return run.to - run.from > 1 && shouted(lead) && COMMON_WORDS.has(lead.key);
}

/** "Bank of England", "Secretary of State", "Republic of the Congo" — but "Lena Fischer of the Bank". */
const takesOf = (t: Token): boolean => ORG_HEADS.has(t.key) || isTitleWord(t) || OF_HEADS.has(t.key);

const isConnector = (t: Token): boolean => (t.kind === "lower" || t.word === "&") && CONNECTORS.has(t.lower);
const joins = (t: Token): boolean => !t.possessive && !t.breakAfter;

/** "King's College London", "Children's Hospital": a possessive word that no list knows as a name,
 *  right before an organisation word, is part of one name. */
function joinsPossessive(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const next = tokens[i + 1];
  return t.possessive && !t.breakAfter && next?.kind === "cap" && ORG_HEADS.has(next.key) &&
    !PLACES.has(t.lower) && !KNOWN_ORGS.has(t.key) && !isGivenName(t.key);
}

/** Maximal runs of name words, allowing lowercase connectors between them. */
function nameRuns(tokens: Token[], scan: Scan): Span[] {
  const isNameWordAt = (i: number): boolean => isNameWord(tokens, i, scan);
  const runs: Span[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameWordAt(i) && !INITIAL_WORD.test(tokens[i].word)) {
      i++;
      continue;
    }
    let last = i;
    let j = i + 1;
    while (j < tokens.length && (joins(tokens[j - 1]) || joinsPossessive(tokens, j - 1))) {
      if (isNameWordAt(j) || INITIAL_WORD.test(tokens[j].word)) {
        last = j++;
        continue;
      }
      let k = j;
      while (k < tokens.length && k - j < 2 && isConnector(tokens[k]) && joins(tokens[k])) k++;
      if (k === j || k >= tokens.length || !isNameWordAt(k)) break;
      if (tokens[j].lower === "of" && !takesOf(tokens[j - 1])) break;
      j = k;
    }
    runs.push({ from: i, to: last + 1 });
    i = last + 1;
  }
  return runs;
}

/** Cleans a run's edges, splits it where it holds two names, and records the mentions. */
function splitRun(tokens: Token[], run: Span, sentence: number, scan: Scan): void {
  let { from, to } = run;
  if (isShoutedRun(tokens, run)) return;
  while (from < to && isAmbiguousLead(tokens, from, to, scan)) from++;
  ({ from, to } = trimEdges(tokens, from, to));
  if (from >= to) return;
  for (const part of splitAtOrgConnectors(tokens, from, to)) {
    const titled = splitTitle(tokens, part);
    if (titled.left) addMention(tokens, titled.left, null, sentence, scan);
    addMention(tokens, titled.name, titled.title, sentence, scan);
  }
}

/** A capitalised word at a sentence start that is just a common word ("However", "The", "Officials"). */
function isAmbiguousLead(tokens: Token[], from: number, to: number, scan: Scan): boolean {
  const t = tokens[from];
  const w = t.key;
  if (w === "the") return !PLACES.has(spanText(tokens, from, to, scan.text).toLowerCase());
  if (!t.initial || ALL_CAPS.test(t.word)) return false; // "(WHO)", "WHO officials": acronyms
  // "Foreign Minister Petrov said" opens a sentence with a title, not with a common word.
  if (isTitleHead(t) || (isTitleWord(t) && from + 1 < to && isTitleWord(tokens[from + 1]))) return false;
  return STOPWORDS.has(w) || COMMON_INITIAL.has(w) || writtenLowercase(w, scan);
}

function writtenLowercase(word: string, scan: Scan): boolean {
  let known = scan.lowercase.get(word);
  if (known === undefined) {
    known = false;
    for (let at = scan.text.indexOf(word); at >= 0 && !known; at = scan.text.indexOf(word, at + 1)) {
      known = !isWordChar(scan.text.charCodeAt(at - 1)) && !isWordChar(scan.text.charCodeAt(at + word.length));
    }
    scan.lowercase.set(word, known);
  }
  return known;
}

/** "Complete", "Job", "Thought": a lone capitalised common word with nothing saying it is a name. */
function isCommonWord(name: string, scan: Scan): boolean {
  return COMMON_WORDS.has(name.toLowerCase()) && !scan.personWords.has(name) && !ALL_CAPS.test(name);
}

/** Letters and digits, ASCII or not (NaN past either end of the text is not). */
function isWordChar(c: number): boolean {
  if (c > 127) return WORD_CHAR.test(String.fromCharCode(c));
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function trimEdges(tokens: Token[], from: number, to: number): Span {
  const loose = (t: Token): boolean => isConnector(t) || INITIAL_WORD.test(t.word);
  while (from < to && loose(tokens[from])) from++;
  while (to > from && loose(tokens[to - 1])) to--;
  return { from, to };
}

/**
 * "Russia and China", "NATO and Acme Corp", "the Bank of England and the Ministry of …" are two names;
 * "Centers for Disease Control and Prevention", "Food and Drug Administration" are one.
 */
function splitAtOrgConnectors(tokens: Token[], from: number, to: number): Span[] {
  const isWeak = (i: number): boolean => isConnector(tokens[i]) && ORG_ONLY_CONNECTORS.has(tokens[i].lower);
  let orgLike = false;
  let weak = false;
  for (let i = from; i < to; i++) {
    if (tokens[i].kind === "cap" && ORG_HEADS.has(tokens[i].key)) orgLike = true;
    else if (isWeak(i)) weak = true;
  }
  if (!weak || PLACES.has(spanText(tokens, from, to, "").toLowerCase())) return [{ from, to }];
  const parts: Span[] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    if (i < to && !(isWeak(i) && (!orgLike || separatesNames(tokens, start, i, to)))) continue;
    const part = trimEdges(tokens, start, i);
    if (part.from < part.to) parts.push(part);
    start = i + 1;
  }
  return parts;
}

/** Inside an organisation-like run: does the connector at `at` join two complete names? */
function separatesNames(tokens: Token[], start: number, at: number, to: number): boolean {
  if (tokens[at + 1]?.lower === "the") return true;
  if (tokens[at].lower !== "and" && tokens[at].lower !== "or") return false;
  // A name ends before the connector if it ends in an organisation word or is a known one-word name.
  const last = tokens[at - 1];
  if (ORG_HEADS.has(last.key) || (at - 1 === start && knownType(tokens, { from: start, to: at }, last.word))) return true;
  const next = tokens[at + 1];
  // "Securities and Exchange Commission": a run that ends in an organisation word keeps its "and".
  const nextEndsName = at + 2 >= to || tokens[at + 2].kind !== "cap";
  if (!nextEndsName && ORG_HEADS.has(tokens[to - 1].key)) return false;
  return ORG_HEADS.has(next.key) || knownType(tokens, { from: at + 1, to: at + 2 }, next.word) !== null;
}

const isTitleWord = (t: Token): boolean => {
  const w = t.key;
  return ROLE_HEADS.has(w) || ROLE_MODIFIERS.has(w) || HONORIFICS.has(w) || TITLE_EXPANSIONS.has(w) || isPartyWord(t);
};
const isTitleHead = (t: Token): boolean => {
  const w = t.key;
  return ROLE_HEADS.has(w) || HONORIFICS.has(w) || TITLE_EXPANSIONS.has(w) || isPartyWord(t);
};
/** "Republican Phil Bryant": a capitalised party word before a name is a role. */
const isPartyWord = (t: Token): boolean => t.kind === "cap" && PARTY_WORDS.has(t.key);

/**
 * Finds a title inside a run: "Foreign Minister Aleksandr Petrov", "Bank of England Governor Andrew
 * Bailey" (left: the bank). A title needs a role noun and must leave a name that is not itself an
 * organisation ("General Motors", "Justice Department" stay whole).
 */
function splitTitle(tokens: Token[], run: Span): { left: Span | null; title: Span | null; name: Span } {
  if (ORG_HEADS.has(tokens[run.to - 1].key)) return { left: null, title: null, name: run };
  for (let k = run.from; k < run.to; k++) {
    if (!isTitleWord(tokens[k]) || tokens[k].possessive) continue; // "King's College" has no king
    let i = k;
    let head = false;
    while (i < run.to && (isTitleWord(tokens[i]) || (isConnector(tokens[i]) && i > k))) {
      head ||= isTitleHead(tokens[i]);
      i++;
    }
    while (i > k && isConnector(tokens[i - 1])) i--;
    if (!head || i >= run.to) continue;
    const left = k > run.from ? trimEdges(tokens, run.from, k) : null;
    // "Stephen King", "Martin Luther King": a title word after a given name is part of the name.
    if (left && left.from < left.to && isGivenName(tokens[left.from].key)) continue;
    return { left: left && left.from < left.to ? left : null, title: { from: k, to: i }, name: { from: i, to: run.to } };
  }
  return { left: null, title: null, name: run };
}

function spanText(tokens: Token[], from: number, to: number, text: string): string {
  if (!text) return tokens.slice(from, to).map((t) => t.word).join(" ");
  const last = tokens[to - 1];
  return text.slice(tokens[from].start, last.start + last.word.length).replace(/\s+/g, " ");
}

/** Builds, types and records one mention; drops what cannot be a name. */
function addMention(tokens: Token[], name: Span, title: Span | null, sentence: number, scan: Scan): void {
  ({ from: name.from, to: name.to } = trimEdges(tokens, name.from, name.to));
  const size = name.to - name.from;
  if (size <= 0 || size > FACTS_DEFAULTS.maxNameWords || isNoName(tokens, name)) return;
  const text = unshouted(spanText(tokens, name.from, name.to, scan.text), scan);
  const known = knownType(tokens, name, text);
  const prefix = known ? null : (title ?? lowercaseTitle(tokens, name.from));
  let role = prefix ? roleOf(tokens, prefix) : null;
  if (!known && !role) role = appositiveRole(tokens, name) ?? leadingAppositiveRole(tokens, name.from);
  const honorific = prefix !== null && HONORIFICS.has(tokens[prefix.from].key);
  const type: EntityType = known ?? (role || honorific ? "person" : guessType(tokens, name));
  const start = prefix ? tokens[prefix.from].start : tokens[name.from].start;
  const end = tokens[name.to - 1].end;
  const mention: Mention = { text: scan.text.slice(start, end), name: text, type, role, sentence, start, end };
  // A list, an organisation word or a capitalised title ("Attorney General Wally Oppal") settles the name.
  if (known || (title !== null && prefix === title)) EVIDENCED.add(mention);
  if (type === "other" && size === 1) {
    if (placeByContext(tokens, name)) {
      scan.weakPlaces.add(mention);
      if (countryCue(tokens, name)) scan.countryCued.add(mention);
    }
    else if (tokens[name.from].initial && COMMON_ENDINGS.test(text.toLowerCase())) scan.weakInitials.add(mention);
  }
  noteEvidence(tokens, name, mention, scan);
  scan.mentions.push(mention);
}

/**
 * Clues the rest of the article can use: a lone word that speaks ("Opelka said"), takes "Mr." or is
 * followed by "he"/"she" is someone's surname; a name with company words around it is a company.
 */
function noteEvidence(tokens: Token[], name: Span, mention: Mention, scan: Scan): void {
  const prev = tokens[name.from - 1];
  const last = tokens[name.to - 1];
  let next = tokens[name.to];
  if (next?.word === "," && !last.possessive) next = tokens[name.to + 1];
  const size = name.to - name.from;
  if (size === 1) {
    const speaks = (!last.possessive && SPEECH_VERBS.has(next?.lower ?? "")) ||
      (prev !== undefined && SPEECH_VERBS.has(prev.lower) && !LISTENER_VERBS.has(prev.lower));
    const named = mention.type === "person" || mention.type === "other";
    if (named && (mention.type === "person" || speaks || (!last.possessive && isHeOrShe(next)))) scan.personWords.add(mention.name);
  } else if (mention.type === "other" && size <= 3 && !last.possessive && isHeOrShe(next)) {
    mention.type = "person";
  }
  if (mention.type === "person" || mention.type === "place") return;
  const camel = size === 1 ? CAMEL_CASE.exec(mention.name) : null;
  const orgCue = (camel !== null && !NAME_PREFIXES.has(camel[1].toLowerCase())) ||
    (prev?.kind === "lower" && ORG_CUES_BEFORE.has(prev.lower)) ||
    (last.possessive && tokens[name.to]?.kind === "lower" && ORG_CUES_AFTER.has(tokens[name.to].lower));
  if (orgCue) scan.orgNames.add(mention.name);
}

const isHeOrShe = (t: Token | undefined): boolean => t !== undefined && (t.lower === "he" || t.lower === "she");

/** "BRUGES" is "Bruges" when the article also writes it so; real acronyms stay as they are. */
function unshouted(text: string, scan: Scan): string {
  if (text.length < 3 || text.includes(" ") || !ALL_CAPS.test(text)) return text;
  const titled = text[0] + text.slice(1).toLowerCase();
  return scan.titleCase.has(titled) ? titled : text;
}

/** "Kovaria's foreign minister", "Kovaria's government". */
function countryCue(tokens: Token[], name: Span): boolean {
  const next = tokens[name.to];
  return tokens[name.to - 1].possessive && next !== undefined && COUNTRY_CUES.has(next.lower);
}

/** "in Kherson", "the town of Mirov", "the Velsa valley", "Kovaria's foreign minister". */
function placeByContext(tokens: Token[], name: Span): boolean {
  const prev = tokens[name.from - 1];
  const next = tokens[name.to];
  if (countryCue(tokens, name)) return true;
  if (prev && PLACE_PREPOSITIONS.has(prev.lower)) return true;
  if (prev?.lower === "of" && PLACE_NOUNS.has(tokens[name.from - 2]?.lower ?? "")) return true;
  return next !== undefined && next.kind === "lower" && PLACE_NOUNS.has(next.lower);
}

/** Single letters, lone demonyms ("Russian", "South African"), lone organisation words ("Ministry"),
 *  titles without a name ("Prime Minister"). */
function isNoName(tokens: Token[], name: Span): boolean {
  let titleOnly = true;
  for (let i = name.from; i < name.to && titleOnly; i++) titleOnly = isTitleWord(tokens[i]);
  if (titleOnly) return true;
  let demonym = false;
  for (let i = name.from; i < name.to; i++) {
    const w = tokens[i].key;
    if (DEMONYMS.has(w)) demonym = true;
    else if (!COMPASS.has(w)) return name.to - name.from === 1 && (tokens[i].word.length < 2 || ORG_HEADS.has(w));
  }
  return demonym;
}

/** Types that the name alone settles: gazetteer places, organisation names and acronyms. */
function knownType(tokens: Token[], name: Span, text: string): EntityType | null {
  const lower = text.toLowerCase();
  if (PLACES.has(lower)) return "place";
  const size = name.to - name.from;
  if (size > 1 && (PLACE_FIRST_WORDS.has(tokens[name.from].key) || PLACE_LAST_WORDS.has(tokens[name.to - 1].key))) {
    return "place";
  }
  if (KNOWN_ORGS.has(lower) || ORG_NAMES.has(lower) || ORG_HEADS.has(tokens[name.to - 1].key)) return "organization";
  if (size > 2 && tokens[name.from + 1].word === "&") return "organization"; // "Johnson & Johnson"
  // "King's College London", "Imperial College London": an organisation word followed only by a place.
  for (let i = name.from; i < name.to - 1; i++) {
    if (ORG_HEADS.has(tokens[i].key) && PLACES.has(spanText(tokens, i + 1, name.to, "").toLowerCase())) return "organization";
  }
  // "Lockheed Martin", "Goldman Sachs": a known company's first word leads a short name.
  if (size <= 3 && KNOWN_ORGS.has(tokens[name.from].key)) return "organization";
  for (let i = name.from; i < name.to - 1; i++) {
    // "Bank of England", "Centers for Disease Control"
    if (ORG_HEADS.has(tokens[i].key) && isConnector(tokens[i + 1])) return "organization";
  }
  if (size === 1 && isAcronym(text)) return "organization";
  return null;
}

/** Person by the shape of the name: a given name first, or a short name next to "said". */
function guessType(tokens: Token[], name: Span): EntityType {
  const size = name.to - name.from;
  if (size >= 2 && size <= 4 && isGivenName(tokens[name.from].key)) return "person";
  const next = tokens[name.to];
  const prev = tokens[name.from - 1];
  const speaks = (next && SPEECH_VERBS.has(next.lower)) || (prev && SPEECH_VERBS.has(prev.lower));
  if (speaks && size >= 2 && size <= 3) return "person";
  if (size >= 2 && size <= 3 && isByline(tokens, name.from)) return "person";
  return "other";
}

/** "By Arjun Mehta", "(Reporting by Marta Keller; Editing by Paul Ennis)". */
function isByline(tokens: Token[], from: number): boolean {
  const by = tokens[from - 1];
  if (by?.lower !== "by") return false;
  const before = tokens[from - 2];
  return !before || before.kind === "punct" || BYLINE_WORDS.has(before.lower);
}

/** A lowercase title right before the name: "spokeswoman Ines Duarte", "foreign minister Petrov". */
function lowercaseTitle(tokens: Token[], from: number): Span | null {
  const before = tokens[from - 1];
  if (!before || before.kind !== "lower" || !ROLE_HEADS.has(before.lower) || !joins(before)) return null;
  let k = from - 1;
  while (k > 0 && from - k < 4 && tokens[k - 1].kind === "lower" && joins(tokens[k - 1]) && isTitleWord(tokens[k - 1])) k--;
  return { from: k, to: from };
}

/** The role a title names, lowercased, abbreviations spelled out, honorifics dropped ("Mr." → null). */
function roleOf(tokens: Token[], title: Span): string | null {
  const words: string[] = [];
  for (let i = title.from; i < title.to; i++) {
    const w = tokens[i].key;
    if (HONORIFICS.has(w)) continue;
    words.push(TITLE_EXPANSIONS.get(w) ?? w);
  }
  return words.length ? words.join(" ") : null;
}

/** "Ines Duarte, a spokeswoman for the ministry," → "spokeswoman". */
function appositiveRole(tokens: Token[], name: Span): string | null {
  let i = name.to;
  if (tokens[i]?.word !== ",") return null;
  i++;
  if (tokens[i]?.kind === "num" && tokens[i + 1]?.word === ",") i += 2; // "Petrov, 54, a lawyer"
  if (tokens[i] && ["a", "an", "the"].includes(tokens[i].lower)) i++;
  for (let n = 0; n < 5 && tokens[i]; n++, i++) {
    const t = tokens[i];
    if (t.kind === "punct" || t.kind === "num") return null;
    if (t.kind === "cap" && !t.possessive && !DEMONYMS.has(t.lower) && !isTitleWord(t)) return null;
    if (ROLE_HEADS.has(t.lower)) return roleWithModifiers(tokens, i);
  }
  return null;
}

/** "Russia's foreign minister, Sergei Lavrov," → "foreign minister". */
function leadingAppositiveRole(tokens: Token[], from: number): string | null {
  if (tokens[from - 1]?.word !== "," || !tokens[from - 2] || !ROLE_HEADS.has(tokens[from - 2].lower)) return null;
  return roleWithModifiers(tokens, from - 2);
}

function roleWithModifiers(tokens: Token[], head: number): string {
  // "chief negotiator", "chief executive": a head followed by another head.
  while (tokens[head + 1]?.kind === "lower" && ROLE_HEADS.has(tokens[head + 1].lower)) head++;
  let k = head;
  while (k > 0 && head - k < 3 && ROLE_MODIFIERS.has(tokens[k - 1].lower)) k--;
  return tokens.slice(k, head + 1).map((t) => TITLE_EXPANSIONS.get(t.key) ?? t.key).join(" ");
}

/**
 * Settles types that need the whole article: "Petrov" alone is a person once "Aleksandr Petrov" is
 * named; context places and common-looking sentence-initial words give way to that; "Kovarian" next to
 * "Kovaria" is a demonym, not a name.
 */
function settleTypes(scan: Scan): Mention[] {
  const surnames = new Set<string>();
  const names = new Set<string>();
  for (const m of scan.mentions) {
    names.add(m.name);
    const parts = m.name.split(" ");
    if (parts.length < 2) continue;
    const last = parts[parts.length - 1];
    // "Reilly Opelka" is a person once "Opelka said" or "Mr. Opelka" appears.
    if (m.type === "other" && parts.length <= 3 && scan.personWords.has(last) && !scan.orgNames.has(m.name)) m.type = "person";
    if (m.type === "person") surnames.add(last);
  }
  const kept: Mention[] = [];
  for (const m of scan.mentions) {
    const lone = !m.name.includes(" ");
    const open = m.type === "other" || scan.weakPlaces.has(m);
    if (open && lone && surnames.has(m.name)) m.type = "person";
    else if (open && scan.orgNames.has(m.name)) {
      m.type = "organization";
      EVIDENCED.add(m);
    }
    else if (scan.weakPlaces.has(m)) {
      m.type = "place";
      if (scan.countryCued.has(m)) EVIDENCED.add(m);
    }
    else if (scan.weakInitials.has(m) && !scan.midSentence.has(m.name)) continue;
    if (m.type === "other" && lone && isCommonWord(m.name, scan)) continue;
    if (m.type === "other" && m.name.endsWith("n") && names.has(m.name.slice(0, -1))) continue;
    kept.push(m);
  }
  return kept;
}
