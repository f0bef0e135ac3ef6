import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LevelRoiWithIntervals, LoadSearchResult, ReplicatedResults, ReplicationPlan, RoiAssumptions, RunResults, SweepResult, TornadoBar } from '../../../simulation/index';
import { JobCancelled } from '../../workers/analysis-pool';
import type { AnalysisProgress, AnalysisTask } from '../../workers/analysis-client';
import { DEFAULT_INPUTS, type AnalysisInputs } from './analysis-inputs';

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
  id: number;
  name: string;
  /** The editor's document as it was when saved. */
  document: unknown;
  results: RunResults;
}

export interface AnalysisState {
  tool: ToolId;
  jobs: { [K in JobKind]: JobState<JobResults[K]> };
  scenarios: SavedScenario[];
  inputs: AnalysisInputs;
  setTool(tool: ToolId): void;
  setInputs<K extends keyof AnalysisInputs>(tool: K, patch: Partial<AnalysisInputs[K]>): void;
  /** Starts a job (replacing one of the same kind still running); its result replaces the last. */
  start<K extends JobKind>(kind: K, basis: Basis, make: (onProgress: (p: AnalysisProgress) => void) => AnalysisTask<JobResults[K]>): void;
  cancel(kind: JobKind): void;
  saveScenario(name: string, document: unknown, results: RunResults): SavedScenario;
  removeScenario(id: number): void;
}

export type AnalysisStore = StoreApi<AnalysisState>;

const idle = <T>(): JobState<T> => ({ status: 'idle', progress: null, result: null, error: null, basis: null, elapsedMs: null });

export function createAnalysisStore(now: () => number = () => performance.now()): AnalysisStore {
  const tasks = new Map<JobKind, { task?: AnalysisTask<unknown> }>();
  let nextScenario = 1;
  return createStore<AnalysisState>()((set, get) => {
    const patchJob = <K extends JobKind>(kind: K, patch: Partial<JobState<JobResults[K]>>) => set({ jobs: { ...get().jobs, [kind]: { ...get().jobs[kind], ...patch } } });
    return {
      tool: 'confidence',
      jobs: { replications: idle(), loadSearch: idle(), maturity: idle(), sweep: idle(), tornado: idle() },
      scenarios: [],
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
        // Names label table rows and maturity levels, so a repeated name gets a number.
        const taken = new Set(get().scenarios.map((x) => x.name));
        let unique = name;
        for (let n = 2; taken.has(unique); n++) unique = `${name} (${n})`;
        const scenario: SavedScenario = { id: nextScenario++, name: unique, document, results };
        set({ scenarios: [...get().scenarios, scenario] });
        return scenario;
      },
      removeScenario: (id) => set({ scenarios: get().scenarios.filter((s) => s.id !== id) }),
    };
  });
}
