import type { RunResults } from '../../../../simulation/index';

/**
 * The stored form of a saved scenario (one IndexedDB record). `version` is this record's layout;
 * `results.schemaVersion` is the simulation's. A record is read back only when both are ones this
 * build understands, so an old or newer layout is skipped (and left in storage) instead of
 * half-drawn.
 */
export const SCENARIO_RECORD_VERSION = 1;

export interface ScenarioRecord {
  version: typeof SCENARIO_RECORD_VERSION;
  /** Unique across windows and sessions (the numeric ids the UI uses restart at 1 every session). */
  key: string;
  name: string;
  /** Wall-clock time of saving (ms since the epoch): orders the list and picks the oldest to drop. */
  savedAtMs: number;
  document: unknown;
  results: RunResults;
}

export type ReadRecord = { ok: true; record: ScenarioRecord } | { ok: false; reason: string };

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isFiniteNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The figures the scenario list shows for every row; without them the row cannot be drawn. */
const LISTED_FIGURES = ['p99Ms', 'costPerQueryUsd', 'monthlyCostUsd'] as const;

function resultsProblem(results: unknown): string | null {
  if (!isObject(results)) return 'results are missing';
  if (results.schemaVersion !== 1) return `results have schemaVersion ${JSON.stringify(results.schemaVersion)}, this build reads 1`;
  if (!isObject(results.pipeline) || typeof results.pipeline.name !== 'string') return 'results have no pipeline name';
  if (!isObject(results.run) || !isFiniteNumber(results.run.seed)) return 'results have no seed';
  const headline = results.headline;
  if (!isObject(headline)) return 'results have no headline';
  const missing = LISTED_FIGURES.find((k) => !isFiniteNumber(headline[k]));
  return missing ? `results have no ${missing}` : null;
}

/** Checks a value read from storage; the reason names what is wrong for the console warning. */
export function readScenarioRecord(raw: unknown): ReadRecord {
  if (!isObject(raw)) return { ok: false, reason: 'not an object' };
  const key = typeof raw.key === 'string' && raw.key ? raw.key : null;
  const where = key ? `record ${key}` : 'a record without a key';
  const fail = (reason: string): ReadRecord => ({ ok: false, reason: `${where}: ${reason}` });
  if (raw.version !== SCENARIO_RECORD_VERSION) {
    const newer = isFiniteNumber(raw.version) && raw.version > SCENARIO_RECORD_VERSION;
    return fail(newer ? `version ${raw.version} was written by a newer Preflight` : `unknown version ${JSON.stringify(raw.version)}`);
  }
  if (!key) return fail('no key');
  if (typeof raw.name !== 'string' || !raw.name.trim()) return fail('no name');
  if (!isFiniteNumber(raw.savedAtMs)) return fail('no save time');
  if (!isObject(raw.document)) return fail('no document');
  const problem = resultsProblem(raw.results);
  if (problem) return fail(problem);
  return { ok: true, record: { version: SCENARIO_RECORD_VERSION, key, name: raw.name, savedAtMs: raw.savedAtMs, document: raw.document, results: raw.results as unknown as RunResults } };
}

/** The valid records, oldest first; every skipped one is reported (once) through `warn`. */
export function readScenarioRecords(raws: unknown[], warn: (message: string) => void): ScenarioRecord[] {
  const records: ScenarioRecord[] = [];
  for (const raw of raws) {
    const read = readScenarioRecord(raw);
    if (read.ok) records.push(read.record);
    else warn(`Preflight: skipped a saved scenario that cannot be read (${read.reason}); it stays in storage untouched.`);
  }
  return records.sort((a, b) => a.savedAtMs - b.savedAtMs);
}
