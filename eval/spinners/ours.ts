// Our own spinner (the one the copy evaluation always had): a small synonym table, else a random word of
// the split's vocabulary; a few function words dropped; ~10% of sentences merged into the previous one.

import { STOPWORDS } from "../../src/text/tokens.js";
import { pick, replaceWords, structure, join, type Random } from "./text.js";

const SYNONYMS: Record<string, string[]> = {
  said: ["stated", "remarked"], company: ["firm", "business"], big: ["large", "huge"], bought: ["purchased"],
  help: ["assist"], quickly: ["swiftly"], people: ["individuals", "folks"], killed: ["slain"], police: ["cops"],
  new: ["fresh"], announced: ["declared", "revealed"], show: ["display"], also: ["additionally"],
};
const MERGE_RATE = 0.1;

export function oursSpinner(vocabulary: string[]) {
  return (text: string, rate: number, r: Random): string => {
    const swapped = replaceWords(text, rate, r, (w) => (SYNONYMS[w] && r() < 0.7 ? pick(SYNONYMS[w], r) : pick(vocabulary, r) + (r() < 0.1 ? ` ${pick(vocabulary, r)}` : ""))).text;
    const dropped = swapped.replace(/\b[a-z]+\b ?/g, (w) => (STOPWORDS.has(w.trim()) && r() < 0.05 ? "" : w));
    return join(
      structure(dropped).map((sentences) => {
        const merged: string[] = [];
        for (const s of sentences) {
          if (merged.length && r() < MERGE_RATE) merged[merged.length - 1] = `${merged[merged.length - 1].replace(/[.!?]$/, "")}, and ${s[0].toLowerCase()}${s.slice(1)}`;
          else merged.push(s);
        }
        return merged;
      }),
    );
  };
}
