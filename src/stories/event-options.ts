// Every threshold of the events step (splitEvents), in one place, with the reason for its default.

export interface EventOptions {
  /** Articles whose event dates lie further apart than this (in days) belong to different events. */
  gapDays: number;
  /** A change of main place splits only across at least this many days: same-day reports from several towns stay one event. */
  placeGapDays: number;
  /** Sentences read for an article's event date, main place, actors and words. */
  leadSentences: number;
  /** A lead-sentence date further than this from publication is background ("last July's summit"), not the event. */
  nearDays: number;
  /** Event titles taken from a first sentence are cut to this length. */
  titleMaxChars: number;
  /**
   * An undated article joins the event it fits best when placeWeight × (same main place) + actorWeight ×
   * (share of the names in its lead that the event's leads name) + wordWeight × (share of its lead's words
   * the event uses, each by its rarity within the story) reaches `undatedJoin`; else it opens an undated
   * event. Time plays no part: an undated article may report the follow-up months later as well as the
   * first event. Set on the regional-desk example; on eval dev, where every undated article must stay
   * alone, the best wrong candidate scores 0.26.
   */
  undatedJoin: number;
  placeWeight: number;
  actorWeight: number;
  wordWeight: number;
  /**
   * Events an undated article is compared with, per place, name or word of its lead (the most recent that
   * share it): bounds the cost per article in a story of thousands of events.
   */
  candidateScan: number;
  /** People and organisations listed per event. */
  maxActors: number;
}

export const EVENT_DEFAULTS: Readonly<EventOptions> = {
  gapDays: 4,
  placeGapDays: 3,
  leadSentences: 3,
  nearDays: 30,
  titleMaxChars: 100,
  undatedJoin: 0.35,
  placeWeight: 0.2,
  actorWeight: 0.3,
  wordWeight: 0.6,
  candidateScan: 32,
  maxActors: 5,
};
