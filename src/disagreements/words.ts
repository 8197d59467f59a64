// Word tokens of one sentence with light stems, so "met" and "meeting", "signed" and "signs" line up when two
// sources word the same claim differently. Offsets are into the sentence text.

import { NUMBER_WORDS } from "../text/numbers.js";
import { STOPWORDS } from "../text/tokens.js";

export interface Token {
  /** As written. */
  text: string;
  lower: string;
  stem: string;
  start: number;
  end: number;
  /** Digits ("14", "1,200", "1.2", "10:30"). */
  digits: boolean;
  /** Joined to the token before it with no space ("5m", "US$"). */
  glued: boolean;
}

const TOKEN = /\d+(?:[.,:]\d+)*|\p{L}+(?:['’]\p{L}+)*|[$€£%]/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    const lower = raw.toLowerCase().replace(/’/g, "'");
    const start = m.index!;
    const prev = out.at(-1);
    out.push({ text: raw, lower, stem: stem(lower), start, end: start + raw.length, digits: /^\d/.test(raw), glued: !!prev && prev.end === start });
  }
  return out;
}

/** Irregular forms news uses often, to their base: "met" is "meet", "took" is "take". */
const IRREGULAR: Readonly<Record<string, string>> = Object.fromEntries(
  `met:meet took:take taken:take went:go gone:go came:come saw:see seen:see made:make gave:give given:give
  found:find held:hold left:leave began:begin begun:begin won:win lost:lose paid:pay sent:send spent:spend
  struck:strike fell:fall fallen:fall knew:know known:know thought:think brought:bring bought:buy built:build
  caught:catch chose:choose chosen:choose drove:drive fled:flee fought:fight flew:fly grew:grow hid:hide
  kept:keep led:lead meant:mean ran:run rose:rise sold:sell shot:shoot spoke:speak spoken:speak stole:steal
  stolen:steal stood:stand threw:throw thrown:throw wrote:write written:write broke:break broken:break
  became:become men:man women:woman children:child told:tell said:say sought:seek fought:fight wore:wear
  hung:hang sank:sink sunk:sink swept:sweep woke:wake arose:arise dealt:deal felt:feel heard:hear lent:lend
  lit:light slid:slide split:split sped:speed torn:tear tore:tear undertook:undertake withdrew:withdraw
  withdrawn:withdraw overtook:overtake`
    .split(/\s+/).filter(Boolean).map((pair) => pair.split(":") as [string, string]),
);

/**
 * A light English stem: irregular forms to their base, then plural and tense endings off, a doubled final
 * consonant undone and a final "e" dropped ("releases", "released", "release" → "releas"). Not a linguist's
 * lemma: only the same word in another form has to meet itself.
 */
export function stem(word: string): string {
  let known = STEMS.get(word);
  if (known === undefined) {
    // Bounded: a long-running ingest meets an open vocabulary.
    if (STEMS.size >= MAX_STEMS) STEMS.clear();
    STEMS.set(word, (known = stemOnce(word)));
  }
  return known;
}

/** Stems already worked out: a story's statements are read again each time the story grows. */
const STEMS = new Map<string, string>();
const MAX_STEMS = 100_000;

function stemOnce(word: string): string {
  let w = word.replace(/'s$/, "");
  w = IRREGULAR[w] ?? w;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (/ies$|ied$/.test(w) && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/ing$/.test(w) && w.length > 5) w = undouble(w.slice(0, -3));
  else if (/ed$/.test(w) && w.length > 4) w = undouble(w.slice(0, -2));
  else if (/(?:ss|x|ch|sh|z)es$/.test(w)) w = w.slice(0, -2);
  else if (/s$/.test(w) && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  return /([b-df-hj-np-tv-z])\1$/.test(w) && !/(?:ll|ss|zz)$/.test(w) ? w.slice(0, -1) : w;
}

/** The singular of a counted noun, for a readable subject ("countries" → "country"). */
export function singular(word: string): string {
  const w = word.toLowerCase();
  if (w.endsWith("ies") && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(?:ss|x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith("s") && !/(?:ss|us|is)$/.test(w) && w.length > 3) return w.slice(0, -1);
  return w;
}

/** Verbs and nouns of attribution: a rewrite swaps them freely ("said", "told reporters", "stated"). */
const ATTRIBUTION = new Set(
  `say tell stat add report note explain announc claim told reporter journalist official spokesman
  spokeswoman spokesperson accord quot`.split(/\s+/).filter(Boolean),
);

/** A word that says something about the topic: not a function word, number or attribution verb. */
export function isContentToken(t: Token): boolean {
  return !t.digits && t.lower.length > 1 && !STOPWORDS.has(t.lower) && !ATTRIBUTION.has(t.stem) && NUMBER_WORDS[t.lower] === undefined && /\p{L}/u.test(t.lower);
}
