// A briefing from a corpus: the stored story outputs, their articles and copies, as storydesk/brief@1.

import { explainCopies } from "../copies/index.js";
import type { Brief, Copy, Story } from "../model/index.js";
import { BRIEF_SCHEMA } from "../model/index.js";
import type { Store } from "../store/index.js";
import * as q from "../store/queries.js";
import { articleFromRow } from "../store/codec.js";
import { assembleStored } from "./outputs.js";

export type { BriefFilter } from "../store/queries.js";

export async function briefFromStore(store: Store, filter: q.BriefFilter = {}, options: { now?: Date } = {}): Promise<Brief> {
  const { db, dialect } = store;
  const filtered = Boolean(filter.story || filter.since || filter.until || filter.query);
  const outputs = await q.selectOutputs(db, dialect, filter);
  // A large story's stored output may lag its newest articles (outputs.ts): assemble those afresh, unwritten.
  const fresh = await assembleStored(db, await q.staleStories(db, outputs.map((o) => o.story)));
  const stories = outputs.map((o) => fresh.get(o.story)?.story ?? (JSON.parse(o.json) as Story));
  const rows = await q.articlesOfStories(db, filtered ? outputs.map((o) => o.story) : null);
  const articles = rows.map(articleFromRow);
  const ids = new Set(articles.map((a) => a.id));
  const copies: Copy[] = (filtered ? await q.copiesOf(db, [...ids]) : await q.allCopies(db))
    .filter((c) => ids.has(c.copy))
    .map((c) => ({ copy: c.copy, of: c.of, kind: c.kind as Copy["kind"], similarity: c.similarity }));
  // The copies' evidence is computed from the stored texts, as the batch path does: nothing of it is stored.
  return { schema: BRIEF_SCHEMA, generated: (options.now ?? new Date()).toISOString(), articles, copies: explainCopies(copies, articles), stories, errors: [] };
}
