import { defaultInvestments, defaultQueriesPerDay, loadPipeline, type DefaultInvestment } from '../../../../simulation/index';

export interface LevelDefaults {
  /** The baseline's typical day (its daily curve), as `preflight roi` takes it; null when it does not load. */
  queriesPerDay: number | null;
  /** Each level's investment from its pipeline.maturityLevel (never from its row), with where it comes from. */
  investments: DefaultInvestment[];
}

/** The ROI's defaults for the compared levels: the same functions `preflight roi` uses. */
export function levelDefaults(levels: ReadonlyArray<{ name: string; document: unknown }>): LevelDefaults {
  const loaded = levels.map((l) => loadPipeline(l.document));
  const docs = loaded.flatMap((l) => (l.ok ? [l.doc] : []));
  if (docs.length !== levels.length) {
    const none = { oneTimeInvestmentUsd: 0, monthlyInvestmentUsd: 0, basis: 'a compared pipeline has problems' };
    return { queriesPerDay: loaded[0]?.ok ? defaultQueriesPerDay(loaded[0].doc) : null, investments: levels.map(() => none) };
  }
  return { queriesPerDay: docs.length ? defaultQueriesPerDay(docs[0]!) : null, investments: defaultInvestments(docs) };
}
