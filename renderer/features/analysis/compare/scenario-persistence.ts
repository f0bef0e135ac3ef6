import type { AnalysisStore, SavedScenario } from '../analysis-store';
import { readScenarioRecords, SCENARIO_RECORD_VERSION, type ScenarioRecord } from './scenario-record';
import { StorageFullError, type ScenarioStorage } from './scenario-storage';

/**
 * Saved scenarios are kept per machine (per browser profile), not per document: each one carries
 * its own document, the list already mixes pipelines (its rows name theirs), and the point of the
 * panel is comparing variants that are often saved as different files, or not saved at all. Tying
 * them to a file path would hide yesterday's "before" as soon as the "after" is saved under a new
 * name.
 */

export interface PersistenceHooks {
  /** A message for the user (the app's toasts). */
  notify(tone: 'info' | 'error', text: string): void;
  /** A message for developers (console.warn in the app). */
  warn(message: string): void;
}

const toRecord = (s: SavedScenario): ScenarioRecord => ({ version: SCENARIO_RECORD_VERSION, key: s.key, name: s.name, savedAtMs: s.savedAtMs, document: s.document, results: s.results });

const names = (list: SavedScenario[]) => list.map((s) => `“${s.name}”`).join(', ');

export function droppedNote(dropped: SavedScenario[], max: number): string {
  return `Only the ${max} newest scenarios are kept: removed ${names(dropped)} (the oldest).`;
}

function writeFailure(name: string, error: unknown): string {
  const why = error instanceof StorageFullError ? "this browser profile's storage for Preflight is full; remove older scenarios to make room" : `it could not be written to this machine's storage (${error instanceof Error ? error.message : String(error)})`;
  return `Scenario “${name}” is kept for this session only: ${why}.`;
}

/**
 * Loads the stored scenarios into the store, then writes every save, rename and removal through at
 * once (a change is one small transaction; nothing waits for an exit that may never come). Returns
 * `loaded` (settles once start-up reading is over) and `stop`.
 */
export function persistScenarios(store: AnalysisStore, storage: ScenarioStorage | null, hooks: PersistenceHooks, max: number): { loaded: Promise<void>; stop(): void } {
  const state = () => store.getState();
  if (!storage) {
    state().setScenarioStorage({ status: 'session' });
    return { loaded: Promise.resolve(), stop: () => undefined };
  }
  state().setScenarioStorage({ status: 'loading' });
  // What storage holds as far as this window knows: key → the scenario last written (null: stored
  // but not on the list, so to be removed). Comparing objects finds saves and renames alike.
  const written = new Map<string, SavedScenario | null>();
  const notWritten = new Set<string>();
  const told = new Set<string>();
  let ready = false;
  let writing = 0;
  const publish = () => state().setScenarioStorage({ status: 'stored', notWritten: [...notWritten], writing });
  /** Counts a storage request while it runs, so the panel can say "saving…" until it is done. */
  const track = <T,>(request: Promise<T>): Promise<T> => {
    writing++;
    if (ready) publish();
    return request.finally(() => {
      writing--;
      if (ready) publish();
    });
  };
  const listed = (key: string) => state().scenarios.some((s) => s.key === key);

  const write = (s: SavedScenario) => {
    written.set(s.key, s);
    track(storage.put(toRecord(s))).then(
      () => notWritten.delete(s.key) && publish(),
      (error: unknown) => {
        // Forgotten, so the next change of the list tries again (after a removal made room).
        if (written.get(s.key) === s) written.delete(s.key);
        if (!listed(s.key)) return;
        notWritten.add(s.key);
        publish();
        if (!told.has(s.key)) hooks.notify('error', writeFailure(s.name, error));
        told.add(s.key);
      },
    );
  };
  const erase = (key: string) => {
    written.delete(key);
    track(storage.remove(key)).catch((error: unknown) => hooks.notify('error', `A removed scenario could not be deleted from this machine's storage and may come back next time (${error instanceof Error ? error.message : String(error)}).`));
  };
  const sync = (scenarios: SavedScenario[]) => {
    // Removals first: requests run in order, so a retried write finds the room they make.
    const keys = new Set(scenarios.map((s) => s.key));
    for (const key of [...written.keys()]) if (!keys.has(key)) erase(key);
    for (const s of scenarios) if (written.get(s.key) !== s) write(s);
    const before = notWritten.size;
    for (const key of [...notWritten]) if (!keys.has(key)) notWritten.delete(key);
    if (notWritten.size !== before) publish();
  };

  const stop = store.subscribe((now, prev) => {
    if (ready && now.scenarios !== prev.scenarios) sync(now.scenarios);
  });
  const loaded = storage.readAll().then(
    (raws) => {
      const records = readScenarioRecords(raws, hooks.warn);
      const dropped = state().restoreScenarios(records);
      const shown = new Map(state().scenarios.map((s) => [s.key, s]));
      for (const r of records) {
        const s = shown.get(r.key);
        // A stored name that had to change (it clashed with this session's) is written back.
        written.set(r.key, s && s.name === r.name ? s : null);
      }
      if (dropped.length) hooks.notify('info', droppedNote(dropped, max));
      ready = true;
      publish();
      // Scenarios saved while reading, and stored ones over the cap, are written or removed now.
      sync(state().scenarios);
    },
    (error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      hooks.warn(`Preflight: saved scenarios cannot be read or written on this machine (${reason}); they are kept for this session only.`);
      state().setScenarioStorage({ status: 'failed', reason });
    },
  );
  return { loaded, stop };
}
