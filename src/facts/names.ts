// Name keys: the same name in different spellings (transliterations, diacritics) gets the same key.

const DIACRITICS = /\p{M}+/gu;
const NON_LETTERS = /[^a-z]/g;
const DOUBLES = /(.)\1+/g;
const INNER_VOWELS = /(?<=.)[aeiou](?=.)/g;
const INITIAL = /^\p{L}\.?$/u;

/** Spelling rewrites applied in order; each folds a common transliteration choice. */
const REWRITES: [RegExp, string][] = [
  [/tch/g, "ch"], // Tchaikovsky / Chaikovsky
  [/ks/g, "x"], // Aleksandr / Alexander
  [/kh/g, "h"], // Khodorkovsky / Hodorkovsky
  [/ph/g, "f"],
  [/w/g, "v"], // Wladimir / Vladimir
  [/[yj]/g, "i"], // Yuri / Iouri, Sergey / Sergei
  [/q/g, "k"],
];

/**
 * A phonetic-ish key for one name part: "Aleksandr" and "Alexander" → "alxndr", "Zelenskyy" and
 * "Zelensky" → "zlnski". Inner vowels are dropped (transliterations disagree mostly on vowels), but the
 * first and last letters are kept so that "Maria" and "Mario" stay apart.
 */
export function partKey(part: string): string {
  let s = foldName(part).replace(NON_LETTERS, "");
  for (const [from, to] of REWRITES) s = s.replace(from, to);
  s = s.replace(DOUBLES, "$1");
  return s.replace(INNER_VOWELS, "").replace(DOUBLES, "$1");
}

/** The parts of a name that identify it: words, without initials ("John F. Kennedy" → John, Kennedy). */
export function nameParts(name: string): string[] {
  return name.split(/\s+/).filter((p) => p && !INITIAL.test(p));
}

/** A name with case and accents folded away: "GENEVA" and "Genève" → "geneve"/"geneva". */
export function foldName(name: string): string {
  return name.normalize("NFD").replace(DIACRITICS, "").toLowerCase();
}

/** The key of a whole name: its parts' keys joined. */
export function nameKey(name: string): string {
  return nameParts(name).map(partKey).join(" ");
}

/** The initials of a name's capitalised words ("World Health Organization" → "WHO"). */
export function initials(name: string): string {
  let out = "";
  for (const p of name.split(/[\s-]+/)) if (/^\p{Lu}/u.test(p)) out += p[0];
  return out;
}

const ACRONYM = /^(?:\p{Lu}\.?){2,6}$/u;

/** True for "WHO", "NATO", "U.N.". */
export function isAcronym(word: string): boolean {
  return ACRONYM.test(word);
}
