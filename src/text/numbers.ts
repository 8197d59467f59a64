// Numbers as written in news ("14", "1,200", "fourteen", "2.5 million"), for comparing what sources say.

export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, dozen: 12,
};

const NUMBER_TOKEN = new RegExp(String.raw`\b(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|${Object.keys(NUMBER_WORDS).join("|")})\b`, "gi");

/** The value of a number token ("1,200" → 1200, "Fourteen" → 14), or null. */
export function numberValue(token: string): number | null {
  const word = NUMBER_WORDS[token.toLowerCase()];
  if (word !== undefined) return word;
  const n = Number(token.replace(/,/g, ""));
  return Number.isFinite(n) ? n : null;
}

/** The numbers a text states. */
export function numbersIn(text: string): Set<number> {
  const out = new Set<number>();
  for (const m of text.match(NUMBER_TOKEN) ?? []) {
    const n = numberValue(m);
    if (n !== null) out.add(n);
  }
  return out;
}

/**
 * Whether two sentences can be citing the same fact as far as their numbers go: one states no number, or
 * the numbers of one are all in the other. "14 countries signed" and "12 countries signed" do not agree.
 */
export function numbersAgree(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  if (a.size === 0 || b.size === 0) return true;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const n of small) if (!large.has(n)) return false;
  return true;
}
