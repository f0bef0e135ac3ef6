import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LevelRoiWithIntervals, LoadSearchResult, ReplicatedResults, ReplicationPlan, RoiAssumptions, RunResults, SweepResult, TornadoBar } from '../../../simulation/index';
import { JobCancelled } from '../../workers/analysis-pool';
import type { AnalysisProgress, AnalysisTask } from '../../workers/analysis-client';
import { DEFAULT_INPUTS, type AnalysisInputs } from './analysis-inputs';
import type { ScenarioRecord } from './compare/scenario-record';

export type ToolId = 'confidence' | 'capacity' | 'maturity' | 'whatif' | 'compare' | 'budget' | 'dashboards';

/** What a result was computed from; it is stale once the document (revision) or seed changes. */
export interface Basis {
  revision: number;
  seed: number;
  pipelineName: string;
}

export interface JobResults {
  replications: { plan: ReplicationPlan; replicated: ReplicatedResults; workers: number };
  loadSearch: LoadSearchResult;
  maturity: { roi: LevelRoiWithIntervals[]; assumptions: RoiAssumptions; replications: number; source: string };
  sweep: SweepResult;
  tornado: { base: RunResults['headline']; bars: TornadoBar[]; spread: number };
}
export type JobKind = keyof JobResults;

export interface JobState<T> {
  status: 'idle' | 'running' | 'done' | 'failed' | 'cancelled';
  progress: AnalysisProgress | null;
  result: T | null;
  error: string | null;
  basis: Basis | null;
  /** Wall-clock time the last finished job took. */
  elapsedMs: number | null;
}

/** A finished run kept under a name, to compare with another or to use as a maturity level. */
export interface SavedScenario {
  /** This session's id (inputs refer to it); `key` names it in storage. */
  id: number;
  key: string;
  name: string;
  savedAtMs: number;
  /** The editor's document as it was when saved. */
  document: unknown;
  results: RunResults;
}

/**
 * How many scenarios are kept: a results JSON is often hundreds of KB, and the browser's quota is
 * shared with the rest of the origin. Saving one more drops the oldest (and says so).
 */
export const MAX_SCENARIOS = 20;

/** Where the scenarios of this window are kept, for the panel's note. */
export type ScenarioStorageState =
  /** No storage (tests, a browser without IndexedDB): this session only. */
  | { status: 'session' }
  | { status: 'loading' }
  /**
   * On this machine; `notWritten`: keys of scenarios a write failed for (kept for the session only);
   * `writing`: writes and removals not yet done (closing the window now could lose them).
   */
  | { status: 'stored'; notWritten: string[]; writing: number }
  | { status: 'failed'; reason: string };

export interface ScenarioChange {
  saved: SavedScenario;
  /** The oldest ones dropped to stay within MAX_SCENARIOS. */
  dropped: SavedScenario[];
}

export interface AnalysisState {
  tool: ToolId;
  jobs: { [K in JobKind]: JobState<JobResults[K]> };
  scenarios: SavedScenario[];
  scenarioStorage: ScenarioStorageState;
  inputs: AnalysisInputs;
  setTool(tool: ToolId): void;
  setInputs<K extends keyof AnalysisInputs>(tool: K, patch: Partial<AnalysisInputs[K]>): void;
  /** Starts a job (replacing one of the same kind still running); its result replaces the last. */
  start<K extends JobKind>(kind: K, basis: Basis, make: (onProgress: (p: AnalysisProgress) => void) => AnalysisTask<JobResults[K]>): void;
  cancel(kind: JobKind): void;
  saveScenario(name: string, document: unknown, results: RunResults): ScenarioChange;
  /** False (and nothing changes) for an empty name; a name another scenario has gets a number. */
  renameScenario(id: number, name: string): boolean;
  removeScenario(id: number): void;
  /** Adds scenarios read from storage before this session's (oldest first); returns those dropped over the cap. */
  restoreScenarios(records: ScenarioRecord[]): SavedScenario[];
  setScenarioStorage(state: ScenarioStorageState): void;
}

/** Clocks and ids from outside, so tests can pin them. */
export interface StoreEnvironment {
  /** For the elapsed time of jobs. */
  now(): number;
  /** Wall-clock time (ms since the epoch) stamped on saved scenarios. */
  wallClockMs(): number;
  newKey(): string;
}

const BROWSER: StoreEnvironment = { now: () => performance.now(), wallClockMs: () => Date.now(), newKey: () => crypto.randomUUID() };

/** Names label table rows and maturity levels, so a repeated name gets a number. */
function uniqueName(name: string, others: SavedScenario[]): string {
  const taken = new Set(others.map((x) => x.name));
  let unique = name;
  for (let n = 2; taken.has(unique); n++) unique = `${name} (${n})`;
  return unique;
}

/** The newest MAX_SCENARIOS (the list is oldest first) and the ones that do not fit. */
function capped(list: SavedScenario[]): { kept: SavedScenario[]; dropped: SavedScenario[] } {
  const over = Math.max(0, list.length - MAX_SCENARIOS);
  return { kept: list.slice(over), dropped: list.slice(0, over) };
}

export type AnalysisStore = StoreApi<AnalysisState>;

const idle = <T>(): JobState<T> => ({ status: 'idle', progress: null, result: null, error: null, basis: null, elapsedMs: null });

export function createAnalysisStore(env: Partial<StoreEnvironment> = {}): AnalysisStore {
  const { now, wallClockMs, newKey } = { ...BROWSER, ...env };
  const tasks = new Map<JobKind, { task?: AnalysisTask<unknown> }>();
  let nextScenario = 1;
  return createStore<AnalysisState>()((set, get) => {
    const patchJob = <K extends JobKind>(kind: K, patch: Partial<JobState<JobResults[K]>>) => set({ jobs: { ...get().jobs, [kind]: { ...get().jobs[kind], ...patch } } });
    return {
      tool: 'confidence',
      jobs: { replications: idle(), loadSearch: idle(), maturity: idle(), sweep: idle(), tornado: idle() },
      scenarios: [],
      scenarioStorage: { status: 'session' },
      inputs: DEFAULT_INPUTS,
      setTool: (tool) => set({ tool }),
      setInputs: (tool, patch) => set({ inputs: { ...get().inputs, [tool]: { ...get().inputs[tool], ...patch } } }),
      start(kind, basis, make) {
        tasks.get(kind)?.task?.cancel();
        const started = now();
        // A token, not the task: progress can arrive while `make` is still returning the task.
        const token: { task?: AnalysisTask<unknown> } = {};
        tasks.set(kind, token);
        const current = () => tasks.get(kind) === token;
        patchJob(kind, { status: 'running', progress: null, error: null });
        const task = make((progress) => current() && patchJob(kind, { progress }));
        token.task = task;
        // The previous result stays on screen until the new one replaces it.
        task.promise.then(
          (result) => {
            if (!current()) return;
            tasks.delete(kind);
            patchJob(kind, { status: 'done', result, basis, progress: null, elapsedMs: now() - started });
          },
          (error: unknown) => {
            if (!current()) return;
            tasks.delete(kind);
            const cancelled = error instanceof JobCancelled;
            patchJob(kind, { status: cancelled ? 'cancelled' : 'failed', error: cancelled ? null : error instanceof Error ? error.message : String(error), progress: null });
          },
        );
      },
      cancel(kind) {
        tasks.get(kind)?.task?.cancel();
      },
      saveScenario(name, document, results) {
        const saved: SavedScenario = { id: nextScenario++, key: newKey(), name: uniqueName(name, get().scenarios), savedAtMs: wallClockMs(), document, results };
        const { kept, dropped } = capped([...get().scenarios, saved]);
        set({ scenarios: kept });
        return { saved, dropped };
      },
      renameScenario(id, name) {
        const trimmed = name.trim();
        const target = get().scenarios.find((s) => s.id === id);
        if (!trimmed || !target) return false;
        if (trimmed === target.name) return true;
        const renamed = { ...target, name: uniqueName(trimmed, get().scenarios.filter((s) => s.id !== id)) };
        set({ scenarios: get().scenarios.map((s) => (s.id === id ? renamed : s)) });
        return true;
      },
      removeScenario: (id) => set({ scenarios: get().scenarios.filter((s) => s.id !== id) }),
      restoreScenarios(records) {
        const session = get().scenarios;
        const known = new Set(session.map((s) => s.key));
        const restored: SavedScenario[] = [];
        for (const r of records) {
          if (known.has(r.key)) continue;
          // This session's scenarios keep their names; a stored one that clashes gets the number.
          restored.push({ id: nextScenario++, key: r.key, name: uniqueName(r.name, [...session, ...restored]), savedAtMs: r.savedAtMs, document: r.document, results: r.results });
        }
        const { kept, dropped } = capped([...restored, ...session].sort((a, b) => a.savedAtMs - b.savedAtMs));
        set({ scenarios: kept });
        return dropped;
      },
      setScenarioStorage: (scenarioStorage) => set({ scenarioStorage }),
    };
  });
}
