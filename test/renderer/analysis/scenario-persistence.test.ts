import { describe, expect, it } from 'vitest';
import { createAnalysisStore, MAX_SCENARIOS, type AnalysisStore } from '../../../renderer/features/analysis/analysis-store';
import { persistScenarios } from '../../../renderer/features/analysis/compare/scenario-persistence';
import { readScenarioRecord, SCENARIO_RECORD_VERSION } from '../../../renderer/features/analysis/compare/scenario-record';
import { example } from './fixtures';
import { memoryScenarioStorage, type MemoryScenarioStorage } from './memory-scenario-storage';

const { results } = example('optimized-rag', 60_000);
const document = { pipeline: { name: 'RAG' } };
let keys = 0;
let clockMs = 1_700_000_000_000;

/** One app session over `storage`: a fresh store (ids restart), its messages collected. */
async function session(storage: MemoryScenarioStorage | null) {
  const store = createAnalysisStore({ wallClockMs: () => (clockMs += 1000), newKey: () => `k${++keys}` });
  const told: Array<{ tone: string; text: string }> = [];
  const warnings: string[] = [];
  const { loaded } = persistScenarios(store, storage, { notify: (tone, text) => told.push({ tone, text }), warn: (m) => warnings.push(m) }, MAX_SCENARIOS);
  await loaded;
  return { store, told, warnings };
}

/** Lets the storage's promises settle (the fake answers in microtasks). */
const settle = () => new Promise((r) => setTimeout(r, 0));
const save = (store: AnalysisStore, name: string) => store.getState().saveScenario(name, document, results);
const names = (store: AnalysisStore) => store.getState().scenarios.map((s) => s.name);
const storedNames = (storage: MemoryScenarioStorage) => [...storage.values.values()].map((v) => (v as { name: string }).name).sort();

describe('saved scenarios survive a restart', () => {
  it('saves, renames and removals are written at once and read back by the next session, oldest first', async () => {
    const storage = memoryScenarioStorage();
    const first = await session(storage);
    save(first.store, 'top_n 5');
    save(first.store, 'top_n 3');
    save(first.store, 'scratch');
    await settle();
    expect(storedNames(storage)).toEqual(['scratch', 'top_n 3', 'top_n 5']);
    const [a, , c] = first.store.getState().scenarios;
    expect(first.store.getState().renameScenario(a!.id, 'top_n 5, cache on')).toBe(true);
    first.store.getState().removeScenario(c!.id);
    await settle();
    expect(storedNames(storage)).toEqual(['top_n 3', 'top_n 5, cache on']);

    const second = await session(storage);
    expect(names(second.store)).toEqual(['top_n 5, cache on', 'top_n 3']);
    expect(second.store.getState().scenarios[0]!.results.headline.p99Ms).toBe(results.headline.p99Ms);
    expect(second.store.getState().scenarioStorage).toEqual({ status: 'stored', notWritten: [], writing: 0 });
    expect(second.told).toEqual([]);
  });

  it('an empty name is refused and a taken one gets a number, as when saving', async () => {
    const { store } = await session(memoryScenarioStorage());
    save(store, 'A');
    const b = save(store, 'B').saved;
    expect(store.getState().renameScenario(b.id, '  ')).toBe(false);
    expect(store.getState().renameScenario(b.id, 'A')).toBe(true);
    expect(names(store)).toEqual(['A', 'A (2)']);
  });

  it('skips old, newer or corrupt records with a console warning and leaves them in storage', async () => {
    const storage = memoryScenarioStorage();
    const good = { version: SCENARIO_RECORD_VERSION, key: 'good', name: 'Good', savedAtMs: 1, document, results };
    storage.values.set('good', good);
    storage.values.set('newer', { ...good, key: 'newer', version: 2 });
    storage.values.set('old-results', { ...good, key: 'old-results', results: { ...results, schemaVersion: 0 } });
    storage.values.set('no-headline', { ...good, key: 'no-headline', results: { ...results, headline: { p99Ms: 'slow' } } });
    storage.values.set('junk', 'not a record');
    const { store, warnings } = await session(storage);
    expect(names(store)).toEqual(['Good']);
    expect(warnings).toHaveLength(4);
    expect(warnings.join('\n')).toMatch(/record newer: version 2 was written by a newer Preflight/);
    expect(warnings.join('\n')).toMatch(/record no-headline: results have no p99Ms/);
    expect(storage.values.size).toBe(5);
  });

  it('keeps the newest MAX_SCENARIOS: saving one more drops the oldest, from storage too', async () => {
    const storage = memoryScenarioStorage();
    const { store } = await session(storage);
    for (let i = 1; i <= MAX_SCENARIOS; i++) expect(save(store, `run ${i}`).dropped).toEqual([]);
    const { dropped } = save(store, 'one more');
    expect(dropped.map((s) => s.name)).toEqual(['run 1']);
    await settle();
    expect(storage.values.size).toBe(MAX_SCENARIOS);
    expect(names(store)[0]).toBe('run 2');
  });

  it('a full quota tells the user, marks the scenario session-only and retries after a removal', async () => {
    const storage = memoryScenarioStorage();
    const { store, told } = await session(storage);
    save(store, 'small enough');
    await settle();
    storage.quotaChars = JSON.stringify([...storage.values.values()][0]).length * 1.5;
    const big = save(store, 'too much').saved;
    await settle();
    expect(told).toEqual([{ tone: 'error', text: expect.stringMatching(/^Scenario “too much” is kept for this session only: this browser profile's storage for Preflight is full; remove older scenarios/) }]);
    expect(store.getState().scenarioStorage).toEqual({ status: 'stored', notWritten: [big.key], writing: 0 });
    store.getState().removeScenario(store.getState().scenarios[0]!.id);
    await settle();
    expect(storedNames(storage)).toEqual(['too much']);
    expect(store.getState().scenarioStorage).toEqual({ status: 'stored', notWritten: [], writing: 0 });
  });

  it('scenarios saved while storage is being read are kept beside the stored ones and written', async () => {
    const storage = memoryScenarioStorage();
    storage.values.set('earlier', { version: SCENARIO_RECORD_VERSION, key: 'earlier', name: 'Baseline', savedAtMs: 1, document, results });
    const store = createAnalysisStore({ wallClockMs: () => (clockMs += 1000), newKey: () => `k${++keys}` });
    const { loaded } = persistScenarios(store, storage, { notify: () => undefined, warn: () => undefined }, MAX_SCENARIOS);
    save(store, 'Baseline');
    await loaded;
    await settle();
    // This session's keeps its name; the stored one, saved earlier, comes first and gets the number.
    expect(names(store)).toEqual(['Baseline (2)', 'Baseline']);
    expect(storedNames(storage)).toEqual(['Baseline', 'Baseline (2)']);
  });

  it('over the cap at start-up (two windows saved meanwhile): the oldest go, with a note', async () => {
    const storage = memoryScenarioStorage();
    for (let i = 1; i <= MAX_SCENARIOS + 2; i++) storage.values.set(`s${i}`, { version: SCENARIO_RECORD_VERSION, key: `s${i}`, name: `run ${i}`, savedAtMs: i, document, results });
    const { store, told } = await session(storage);
    await settle();
    expect(store.getState().scenarios).toHaveLength(MAX_SCENARIOS);
    expect(told).toEqual([{ tone: 'info', text: `Only the ${MAX_SCENARIOS} newest scenarios are kept: removed “run 1”, “run 2” (the oldest).` }]);
    expect(storage.values.has('s1') || storage.values.has('s2')).toBe(false);
  });

  it('without usable storage the scenarios are kept for the session, and the state says why', async () => {
    const storage = memoryScenarioStorage();
    storage.failRead = new Error('IndexedDB is blocked by another Preflight tab');
    const { store, warnings } = await session(storage);
    save(store, 'A');
    await settle();
    expect(store.getState().scenarioStorage).toEqual({ status: 'failed', reason: 'IndexedDB is blocked by another Preflight tab' });
    expect(storage.values.size).toBe(0);
    expect(warnings[0]).toMatch(/kept for this session only/);
    expect((await session(null)).store.getState().scenarioStorage).toEqual({ status: 'session' });
  });

  it('reads a record only when it has what the list draws', () => {
    const good = { version: 1, key: 'k', name: 'A', savedAtMs: 5, document, results };
    expect(readScenarioRecord(good).ok).toBe(true);
    expect(readScenarioRecord({ ...good, name: ' ' })).toEqual({ ok: false, reason: 'record k: no name' });
    expect(readScenarioRecord({ ...good, key: undefined })).toEqual({ ok: false, reason: 'a record without a key: no key' });
    expect(readScenarioRecord({ ...good, document: null })).toEqual({ ok: false, reason: 'record k: no document' });
  });
});
