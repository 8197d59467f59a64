// Thresholds of the facts stage, in one place.

export const FACTS_DEFAULTS = {
  /** A quote needs this many words; shorter quoted bits are scare quotes ("so-called 'reforms'"). */
  minQuoteWords: 3,
  /**
   * A short quoted phrase inside a sentence with nobody named as saying it ("agreed to 'consult in good
   * faith'") is a term being quoted, not a statement; it is kept only when a speaker is found.
   */
  minUnattributedPhraseWords: 6,
  /** How far after a closing quote mark the attribution ("…," Petrov said) is looked for, in characters. */
  attributionAfterChars: 120,
  /** How far before an opening quote mark the attribution (Petrov said: "…") is looked for. */
  attributionBeforeChars: 160,
  /** "He said" looks this many sentences back for the person it refers to. */
  pronounLookbackSentences: 4,
  /** Non-initial capitalised function words that mark a headline-style Title Case line. */
  titleCaseStopwords: 2,
  /** Share of all-caps words that marks a shouted line (acronyms there are not trusted). */
  allCapsShare: 0.7,
  /** Longest run of capitalised words taken as one name; longer runs are headlines or lists. */
  maxNameWords: 7,
} as const;
