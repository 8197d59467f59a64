// A generated news corpus for the ingest tests: topics with their own places, people, organisations and
// numbers, several outlets reporting each, wire reprints (exact) and lightly edited copies (near).
// Deterministic: the same size and seed give the same files.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SYLLABLES = ["ka", "lo", "mi", "ren", "dra", "vo", "sen", "tu", "bel", "zar", "in", "ost", "mar", "qui", "el", "don", "pra", "gue"];
const NOUNS = ["bridge", "budget", "harbour", "railway", "vaccine", "reservoir", "election", "strike", "merger", "wildfire", "flood", "tariff", "festival", "trial", "satellite", "pipeline"];
const VERBS = ["approved", "opened", "rejected", "delayed", "announced", "suspended", "expanded", "investigated"];
const FUNCTION = "the of and to in for on with as by at from that which after before while but also".split(" ");
const FILLER = (
  "officials residents council ministry engineers report analysts plan funding contract project district region " +
  "committee schedule statement inspectors workers families company shareholders vote protest court hearing " +
  "evidence agency weather season market prices supply demand hospital schools transport network safety " +
  "rain river coast farmers traders drivers nurses teachers pupils tourists rescue fire police army bank " +
  "loan debt tax fuel power grid water bread wheat cattle fishing mining steel cement timber cargo port " +
  "airport runway tunnel highway bus train ferry bicycle museum library stadium theatre concert exhibition"
).split(" ");

export interface GeneratedCorpus {
  dir: string;
  files: string[];
}

/** Writes `size` article files into `dir` (00001.txt …) and returns their paths in reading order. */
export function writeCorpus(dir: string, size: number, seed = 11): GeneratedCorpus {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const name = () => {
    let s = "";
    for (let i = 0, n = 2 + Math.floor(rand() * 2); i < n; i++) s += pick(SYLLABLES);
    return s[0].toUpperCase() + s.slice(1);
  };
  mkdirSync(dir, { recursive: true });
  const topics = Array.from({ length: Math.max(4, Math.ceil(size / 12)) }, (_, i) => ({
    place: name(),
    person: `${name()} ${name()}`,
    org: `${name()} ${pick(["Authority", "Council", "Group", "Ministry"])}`,
    noun: pick(NOUNS),
    verb: pick(VERBS),
    amount: 10 + Math.floor(rand() * 900),
    day: Date.UTC(2021, 0, 1) + i * 3 * 86400000,
    bodies: [] as string[],
  }));
  const files: string[] = [];
  for (let i = 0; i < size; i++) {
    const t = pick(topics);
    const date = new Date(t.day + Math.floor(rand() * 3) * 86400000).toISOString().slice(0, 10);
    let outlet = `outlet${Math.floor(rand() * 60)}.example`;
    const roll = rand();
    let title = `${t.org} ${t.verb} ${t.noun} plan in ${t.place}`;
    let body: string;
    if (t.bodies.length > 0 && roll < 0.08) {
      body = pick(t.bodies); // a wire reprint under another outlet's name (never the same article twice)
      outlet = `reprints${i}.example`;
    } else if (t.bodies.length > 0 && roll < 0.25) {
      const paragraphs = pick(t.bodies).split("\n\n");
      paragraphs.splice(1 + Math.floor(rand() * (paragraphs.length - 1)), 1); // a paragraph dropped
      body = paragraphs.join("\n\n").replace(/ officials /, " authorities ");
      title = `${title}, sources say`;
    } else {
      const sentences = [
        `The ${t.org} ${t.verb} the ${t.amount} million ${t.noun} plan in ${t.place} on ${weekday(date)}, ${t.person} said.`,
        `${t.person}, who leads the ${t.org}, told reporters in ${t.place} that the ${t.noun} would cost ${t.amount} million.`,
      ];
      for (let k = 0, n = 4 + Math.floor(rand() * 6); k < n; k++) {
        // Free word order and function words: independent reports must not look like rewordings of each other.
        const words = Array.from({ length: 9 + Math.floor(rand() * 9) }, () => (rand() < 0.4 ? pick(FUNCTION) : pick(FILLER)));
        if (rand() < 0.3) words.splice(Math.floor(rand() * words.length), 0, String(Math.floor(rand() * 5000)));
        sentences.push(`${cap(words.join(" "))}.`);
      }
      sentences.push(`"We will keep working on the ${t.noun}," ${t.person} said.`);
      const paragraphs: string[] = [];
      for (let k = 0; k < sentences.length; k += 3) paragraphs.push(sentences.slice(k, k + 3).join(" "));
      body = paragraphs.join("\n\n");
      t.bodies.push(body);
    }
    const file = join(dir, `${String(i + 1).padStart(5, "0")}.txt`);
    writeFileSync(file, `title: ${title}\ndate: ${date}\nsource: ${outlet}\n\n${body}\n`);
    files.push(file);
  }
  return { dir, files };
}

function weekday(date: string): string {
  return ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][new Date(date).getUTCDay()];
}

function cap(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}
