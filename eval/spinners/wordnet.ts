// A reader for Debian's wordnet-base files (/usr/share/wordnet), enough for two spinners: a word's lemma,
// part of speech and inflection (the .exc lists and WordNet's detachment rules), its senses, each sense's
// synonyms and first hypernym, and the inflection of a replacement to match the word it replaces.
// Read once per process (about half a second); nothing of it is copied into the repository.

import { existsSync, readFileSync } from "node:fs";

export const WORDNET_DIR = "/usr/share/wordnet";

export type Pos = "noun" | "verb" | "adj" | "adv";
/** How a word is inflected: plural or third person (-s), past (-ed), gerund (-ing), or the lemma itself. */
export type Form = "base" | "s" | "ed" | "ing";

export interface Reading {
  lemma: string;
  pos: Pos;
  form: Form;
}

const POS: Pos[] = ["noun", "verb", "adj", "adv"];
const DETACH: Record<Form, [string, string][]> = {
  base: [],
  s: [["ies", "y"], ["ches", "ch"], ["shes", "sh"], ["xes", "x"], ["sses", "ss"], ["s", ""]],
  ed: [["ied", "y"], ["ed", "e"], ["ed", ""]],
  ing: [["ying", "ie"], ["ing", "e"], ["ing", ""]],
};

export class WordNet {
  private senses = new Map<Pos, Map<string, number[]>>();
  private data = new Map<Pos, Buffer>();
  /** Irregular form → lemma, and lemma → its irregular forms (for re-inflection). */
  private irregular = new Map<Pos, Map<string, string>>();
  private forms = new Map<Pos, Map<string, string[]>>();

  constructor(dir = WORDNET_DIR) {
    if (!existsSync(`${dir}/index.noun`)) throw new Error(`WordNet not found in ${dir} (Debian package wordnet-base)`);
    for (const pos of POS) {
      const index = new Map<string, number[]>();
      for (const line of readFileSync(`${dir}/index.${pos}`, "latin1").split("\n")) {
        if (!line || line.startsWith(" ")) continue;
        const f = line.trim().split(" ");
        const pointers = Number(f[3]);
        const senses = Number(f[2]);
        index.set(f[0], f.slice(4 + pointers + 2, 4 + pointers + 2 + senses).map(Number));
      }
      this.senses.set(pos, index);
      this.data.set(pos, readFileSync(`${dir}/data.${pos}`));
      const irregular = new Map<string, string>();
      const forms = new Map<string, string[]>();
      for (const line of readFileSync(`${dir}/${pos}.exc`, "latin1").split("\n")) {
        const [form, lemma] = line.split(" ");
        if (!form || !lemma) continue;
        irregular.set(form, lemma);
        (forms.get(lemma) ?? forms.set(lemma, []).get(lemma)!).push(form);
      }
      this.irregular.set(pos, irregular);
      this.forms.set(pos, forms);
    }
  }

  private known(pos: Pos, lemma: string): boolean {
    return this.senses.get(pos)!.has(lemma);
  }

  /** The readings of a lowercase word, most senses first. */
  read(word: string): Reading[] {
    const out: Reading[] = [];
    for (const pos of POS) {
      if (this.known(pos, word)) out.push({ lemma: word, pos, form: "base" });
      const irregular = this.irregular.get(pos)!.get(word);
      if (irregular && this.known(pos, irregular)) out.push({ lemma: irregular, pos, form: pos === "verb" ? (word.endsWith("ing") ? "ing" : "ed") : "s" });
      const forms: Form[] = pos === "noun" ? ["s"] : pos === "verb" ? ["s", "ed", "ing"] : [];
      for (const form of forms) {
        for (const [suffix, repl] of DETACH[form]) {
          if (!word.endsWith(suffix) || word.length <= suffix.length + 1) continue;
          const lemma = word.slice(0, -suffix.length) + repl;
          if (this.known(pos, lemma)) {
            out.push({ lemma, pos, form });
            break;
          }
          // Doubled consonant: "stopped" → "stop".
          const undoubled = lemma.slice(0, -1);
          if (repl === "" && /(.)\1$/.test(lemma) && this.known(pos, undoubled)) {
            out.push({ lemma: undoubled, pos, form });
            break;
          }
        }
      }
    }
    const weight = (r: Reading) => this.senses.get(r.pos)!.get(r.lemma)!.length + (r.form !== "base" ? 100 : 0);
    return out.sort((x, y) => weight(y) - weight(x));
  }

  /** Synset offsets of a lemma, in WordNet's order (the first is the most frequent sense). */
  sensesOf(pos: Pos, lemma: string): number[] {
    return this.senses.get(pos)!.get(lemma) ?? [];
  }

  private line(pos: Pos, offset: number): string[] {
    const data = this.data.get(pos)!;
    return data.toString("latin1", offset, data.indexOf(10, offset)).split(" ");
  }

  /** The words of a synset (multi-word lemmas with spaces, adjective markers dropped). */
  synonyms(pos: Pos, offset: number): string[] {
    const f = this.line(pos, offset);
    const count = parseInt(f[3], 16);
    const words: string[] = [];
    for (let k = 0; k < count; k++) words.push(f[4 + 2 * k].replace(/\(.*\)$/, "").replace(/_/g, " ").toLowerCase());
    return words;
  }

  /** The first hypernym synset of a synset, or null. */
  hypernym(pos: Pos, offset: number): number | null {
    const f = this.line(pos, offset);
    const at = 4 + 2 * parseInt(f[3], 16);
    const pointers = Number(f[at]);
    for (let k = 0; k < pointers; k++) {
      const [symbol, target, targetPos] = f.slice(at + 1 + 4 * k, at + 4 + 4 * k);
      if ((symbol === "@" || symbol === "@i") && (targetPos === pos[0])) return Number(target);
    }
    return null;
  }

  /** `lemma` (its last word, for multi-word lemmas) inflected to `form`. */
  inflect(lemma: string, pos: Pos, form: Form): string {
    if (form === "base") return lemma;
    const words = lemma.split(" ");
    // A verb phrase inflects its first word ("take over" → "took over"); a noun compound its last.
    const at = pos === "verb" ? 0 : words.length - 1;
    words[at] = this.inflectWord(words[at], pos, form);
    return words.join(" ");
  }

  private inflectWord(word: string, pos: Pos, form: Form): string {
    const irregular = this.forms.get(pos)!.get(word)?.find((f) => (form === "ing" ? f.endsWith("ing") : form === "s" ? f.endsWith("s") : !f.endsWith("ing")));
    if (irregular && form !== "s") return irregular;
    if (pos === "noun" && irregular) return irregular;
    if (form === "s") return /(s|x|z|ch|sh)$/.test(word) ? `${word}es` : /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`;
    if (form === "ed") return word.endsWith("e") ? `${word}d` : /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ied` : `${word}ed`;
    return word.endsWith("ie") ? `${word.slice(0, -2)}ying` : /[^e]e$/.test(word) ? `${word.slice(0, -1)}ing` : `${word}ing`;
  }
}
