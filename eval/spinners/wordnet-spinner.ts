// A thesaurus spinner over WordNet: each chosen word is read (lemma, part of speech, inflection), a sense
// OTHER than the first is picked when the word has one (the way cheap spinners pick blindly, often the
// wrong sense), a different lemma of that sense is taken and inflected like the word it replaces.

import { pick, replaceWords, shuffle, type Random } from "./text.js";
import type { WordNet } from "./wordnet.js";

export function wordnetSpinner(wn: WordNet) {
  return (text: string, rate: number, r: Random): string =>
    replaceWords(text, rate, r, (word) => {
      const reading = wn.read(word)[0];
      if (!reading) return null;
      const senses = wn.sensesOf(reading.pos, reading.lemma);
      const order = senses.length > 1 ? [...shuffle(senses.slice(1), r), senses[0]] : senses;
      for (const sense of order) {
        const others = wn.synonyms(reading.pos, sense).filter((w) => w !== reading.lemma);
        if (others.length) return wn.inflect(pick(others, r), reading.pos, reading.form);
      }
      return null;
    }).text;
}
