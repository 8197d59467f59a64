// A rewriting spinner of another make: no synonym table. Per sentence, at the given rate, one structural
// rewrite (clauses swapped around "and"/"but"/"while", a leading clause moved to the end, "said X" ↔
// "X said", "X said that Y" → "Y, X said", a passive turned active); stock phrases reworded; contractions
// made or undone; numbers written another way; and content words generalised to a WordNet hypernym
// ("sedan" → "car", "arrested" → "apprehended"), which reads like a paraphrase model's output.

import { STOPWORDS } from "../../src/text/tokens.js";
import { capitalise, replaceWords, shuffle, structure, join, type Random } from "./text.js";
import type { WordNet } from "./wordnet.js";

const PHRASES: [RegExp, string][] = [
  [/\bin order to\b/g, "so as to"], [/\ba number of\b/g, "several"], [/\bas well as\b/g, "along with"],
  [/\baccording to\b/g, "as reported by"], [/\bat least\b/g, "no fewer than"], [/\bmore than\b/g, "over"],
  [/\bbecause of\b/g, "owing to"], [/\bin addition\b/g, "on top of that"], [/\bafter\b/g, "following"],
  [/\bbefore\b/g, "prior to"], [/\babout\b/g, "around"], [/\bduring\b/g, "in the course of"],
  [/\bdespite\b/g, "in spite of"], [/\bsaid\b/g, "told reporters"], [/\bhowever\b/g, "though"],
  [/\bthe first time\b/g, "the first occasion"], [/\bon the scene\b/g, "at the site"], [/\bso far\b/g, "to date"],
];
const CONTRACTIONS: [string, string][] = [
  ["did not", "didn't"], ["does not", "doesn't"], ["do not", "don't"], ["is not", "isn't"], ["was not", "wasn't"],
  ["were not", "weren't"], ["has not", "hasn't"], ["have not", "haven't"], ["could not", "couldn't"],
  ["would not", "wouldn't"], ["will not", "won't"], ["it is", "it's"], ["we are", "we're"], ["they are", "they're"],
];
const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
const LEADING = /^(When|After|Before|While|Although|Because|As|If|Since|Despite|On|In|At|During|Following) ([^,]{3,90}), (.{12,})([.!?]["”]?)$/;
const CLAUSES = /^(.{15,}?),? (and|but|while) (.{15,})([.!?])$/;

/** Lowercases a sentence's first word when it is a function word ("The", "He"); names keep their capital. */
function uncapitalise(s: string): string {
  const first = s.match(/^[A-Z][a-z']*/)?.[0];
  return first && STOPWORDS.has(first.toLowerCase()) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

const STRUCTURAL: ((s: string) => string | null)[] = [
  (s) => {
    const m = s.match(CLAUSES);
    return m ? `${capitalise(m[3])}, ${m[2]} ${uncapitalise(m[1])}${m[4]}` : null;
  },
  (s) => {
    const m = s.match(LEADING);
    return m ? `${capitalise(m[3].replace(/[.!?]$/, ""))} ${m[1].toLowerCase()} ${m[2]}${m[4]}` : null;
  },
  (s) => (/, said [A-Z]/.test(s) ? s.replace(/, said ((?:[A-Z][\w.'-]*\s?){1,4})([.!?])$/, (_, who: string, end: string) => `, ${who.trim()} said${end}`) : null),
  (s) => (/, [A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3} said[.!?]$/.test(s) ? s.replace(/, ((?:[A-Z][\w.'-]* ?){1,4}) said([.!?])$/, (_, who: string, end: string) => `, said ${who.trim()}${end}`) : null),
  (s) => {
    const m = s.match(/^((?:[A-Z][\w.'-]* ){0,3}[A-Z][\w.'-]*|He|She|They|Police|Officials) said (?:that )?(.{20,})([.!?])$/);
    return m ? `${capitalise(m[2])}, ${m[1] === "He" || m[1] === "She" || m[1] === "They" ? m[1].toLowerCase() : m[1]} said${m[3]}` : null;
  },
  (s) => {
    const m = s.match(/^((?:The|A|An) [a-z]+|[A-Z][a-z]+(?: [A-Z][a-z]+)*) (was|were) ([a-z]+ed) by ([^,.;]{3,40})([,.;].*)$/);
    return m ? `${capitalise(m[4])} ${m[3]} ${uncapitalise(m[1])}${m[5]}` : null;
  },
];

function numbers(s: string, r: Random, rate: number): string {
  return s
    .replace(/\b(\d{1,3}),(\d{3})\b/g, (x, a, b) => (r() < rate ? `${a}${b}` : x))
    .replace(/\b(\d+(?:\.\d+)?) ?(?:percent|per cent)\b/g, (x, n) => (r() < rate ? `${n}%` : x))
    .replace(/\b([0-9]|10)\b(?![,.:]\d)/g, (x, n) => (r() < rate ? NUMBER_WORDS[Number(n)] : x))
    .replace(/\b(one|two|three|four|five|six|seven|eight|nine|ten)\b/g, (x) => (r() < rate ? String(NUMBER_WORDS.indexOf(x)) : x));
}

function contractions(s: string, r: Random, rate: number): string {
  for (const [long, short] of CONTRACTIONS) {
    s = s.replace(new RegExp(`\\b${long}\\b`, "g"), (x) => (r() < rate ? short : x));
    s = s.replace(new RegExp(`\\b${short}\\b`, "g"), (x) => (r() < rate ? long : x));
  }
  return s;
}

export function rewriteSpinner(wn: WordNet) {
  const generalise = (word: string): string | null => {
    const reading = wn.read(word)[0];
    if (!reading || reading.pos === "adv" || reading.pos === "adj") return null;
    const sense = wn.sensesOf(reading.pos, reading.lemma)[0];
    const up = wn.hypernym(reading.pos, sense);
    if (up === null) return null;
    const words = wn.synonyms(reading.pos, up).filter((w) => w !== reading.lemma && !w.includes("-"));
    return words.length ? wn.inflect(words[0], reading.pos, reading.form) : null;
  };
  return (text: string, rate: number, r: Random): string => {
    const rewritten = structure(text).map((sentences) =>
      sentences.map((s) => {
        if (r() < rate) {
          for (const op of shuffle(STRUCTURAL, r)) {
            const out = op(s);
            if (out && out !== s) {
              s = out;
              break;
            }
          }
        }
        for (const [pattern, phrase] of PHRASES) s = s.replace(pattern, (x) => (r() < rate ? phrase : x));
        return numbers(contractions(s, r, rate), r, rate);
      }),
    );
    // Content words at the rate go to hypernyms; modifiers in -ly are dropped at half of it.
    const general = replaceWords(join(rewritten), rate, r, generalise).text;
    return general.replace(/ \b[a-z]{4,}ly\b(?=[ ,])/g, (x) => (r() < rate / 2 ? "" : x)).replace(/ {2,}/g, " ");
  };
}

