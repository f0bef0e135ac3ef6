import { getParam, loadPipeline, type Catalog, type PipelineDocument, type ReplicationPlan, type SweepAxis, type SweepPlan } from '../../../simulation/index';
import type { AppServices } from '../../app/app-context';
import { loadSearch, maturity, replicate, sweepPoints, tornadoBars, type LoadSearchPlan } from '../../workers/analysis-client';
import type { AnalysisPool } from '../../workers/analysis-pool';
import type { AnalysisInputs } from './analysis-inputs';
import { MAX_SCENARIOS, type AnalysisStore, type Basis } from './analysis-store';
import { criteriaFor, loadCriteria } from './capacity/criteria';
import { droppedNote } from './compare/scenario-persistence';
import { MATURITY_TEMPLATES } from './maturity-templates';
import { levelDefaults } from './maturity/level-defaults';
import { defaultTornadoPaths, parseValues, suggestValues } from '../../../simulation/index';

export interface AnalysisActions {
  runReplications(): void;
  searchLoad(): void;
  runMaturity(): void;
  runSweep(): void;
  runTornado(): void;
  /** Runs the pipeline (the Run button) and comes back here when it finishes. */
  runPipeline(): void;
  /** Keeps the last run under a name (for Compare and as a maturity level). */
  saveScenario(name: string): void;
  /** The level documents a maturity comparison would run (templates, or the document + scenarios). */
  maturityLevels(inputs: AnalysisInputs['maturity']): Array<{ name: string; document: unknown }>;
}

interface Current {
  document: unknown;
  parsed: PipelineDocument;
  catalog: Catalog;
  basis: Basis;
}

/** The app's confidence level: the Confidence tool's (its fixed or stopping setting, 95 % by default). */
export function appConfidence(i: AnalysisInputs): number {
  return i.confidence.mode === 'fixed' ? i.confidence.confidence : i.confidence.stoppingConfidence;
}

/** Replications per sweep point at the app's confidence; none for a single run per point. */
export function sweepPlan(i: AnalysisInputs): { plan?: SweepPlan } {
  const replications = i.whatif.sweepReplications;
  if (replications <= 1) return {};
  return { plan: { replications, confidence: appConfidence(i) } };
}

/** Replications per load point of the max-load search at the app's confidence; none for one seed. */
export function loadSearchPlan(i: AnalysisInputs): { plan?: LoadSearchPlan } {
  const replications = i.capacity.replications;
  if (replications <= 1) return {};
  return { plan: { replications, confidence: appConfidence(i) } };
}

export function createAnalysisActions(s: AppServices, store: AnalysisStore, pool: () => AnalysisPool): AnalysisActions {
  let returnHere = false;
  // wiring.ts shows Results when a run finishes; a run started here comes back to the workspace.
  s.runs.subscribe((state, prev) => {
    if (state.status === prev.status || !returnHere) return;
    if (state.status !== 'running') returnHere = false;
    if (state.status === 'done') s.ui.getState().setView('analysis');
  });

  /** The document as it is now, or null (with a toast) when it cannot run. */
  const current = (): Current | null => {
    const v = s.validation.flush();
    if (!v.ok || !v.parsed) {
      s.ui.getState().toast('error', `Cannot analyse: the pipeline has ${v.errorCount} problem${v.errorCount === 1 ? '' : 's'} (see the editor).`);
      return null;
    }
    const { doc, revision } = s.documents.getState();
    return { document: doc, parsed: v.parsed, catalog: v.catalog, basis: { revision, seed: v.parsed.run.seed, pipelineName: v.parsed.pipeline.name } };
  };
  const inputs = () => store.getState().inputs;
  const fail = (text: string) => s.ui.getState().toast('error', text);

  const maturityLevels = (m: AnalysisInputs['maturity']) => {
    if (m.source === 'templates') return MATURITY_TEMPLATES;
    const { doc } = s.documents.getState();
    const scenarios = store.getState().scenarios;
    const picked = m.scenarioIds.map((id) => scenarios.find((x) => x.id === id)).filter((x) => x !== undefined);
    // A scenario's saved name labels its row (variants of one pipeline often share the pipeline name).
    const named = (document: unknown, name: string) => ({ name, document: { ...(document as object), pipeline: { ...((document as { pipeline?: object }).pipeline ?? {}), name } } });
    const currentName = `${(doc.pipeline as { name?: string } | undefined)?.name ?? 'Pipeline'} (current)`;
    return [named(doc, currentName), ...picked.map((x) => named(x.document, x.name))];
  };

  return {
    runReplications() {
      const c = current();
      if (!c) return;
      const i = inputs().confidence;
      const plan: ReplicationPlan =
        i.mode === 'fixed'
          ? { replications: i.replications, confidence: i.confidence, stopping: null }
          : { replications: 0, confidence: i.stoppingConfidence, stopping: { confidence: i.stoppingConfidence, relativeHalfWidth: i.relativeHalfWidth, minReplications: i.minReplications, maxReplications: i.maxReplications, figures: i.figures } };
      const workers = pool().size;
      store.getState().start('replications', c.basis, (onProgress) => {
        const task = replicate(pool(), { document: c.document, options: {}, plan, baseSeed: c.parsed.run.seed }, onProgress);
        return { promise: task.promise.then((replicated) => ({ plan, replicated, workers })), cancel: task.cancel };
      });
    },
    searchLoad() {
      const c = current();
      if (!c) return;
      const criteria = loadCriteria(criteriaFor(inputs().capacity.criteria, c.parsed));
      if (Object.values(criteria).every((v) => v === null)) return fail('Turn on at least one criterion for the search.');
      store.getState().start('loadSearch', c.basis, (onProgress) => loadSearch(pool(), { document: c.document, options: {}, criteria, tolerance: inputs().capacity.tolerance, ...loadSearchPlan(inputs()) }, onProgress));
    },
    runMaturity() {
      const m = inputs().maturity;
      const levels = maturityLevels(m);
      if (levels.length < 2) return fail('Pick at least one saved scenario to compare with the current document.');
      const first = loadPipeline(levels[0]!.document);
      if (!first.ok) return fail(`${levels[0]!.name} has problems: ${first.problems[0]?.message ?? ''}`);
      // The defaults the Maturity form shows: the first level's typical day, each level's own investment.
      const defaults = levelDefaults(levels);
      const assumptions = { queriesPerDay: m.queriesPerDay ?? Math.round(defaults.queriesPerDay ?? first.doc.traffic.rps * 86_400), lostRevenuePerDowntimeHourUsd: m.lostRevenuePerDowntimeHourUsd, daysPerMonth: 30 };
      const requests = levels.map((l, k) => {
        const { oneTimeInvestmentUsd, monthlyInvestmentUsd } = m.investments[k] ?? defaults.investments[k]!;
        return { document: l.document, oneTimeInvestmentUsd, monthlyInvestmentUsd };
      });
      const basis = { revision: s.documents.getState().revision, seed: first.doc.run.seed, pipelineName: levels[0]!.name };
      store.getState().start('maturity', basis, (onProgress) => {
        const task = maturity(pool(), { levels: requests, assumptions, replications: m.replications, options: {} }, onProgress);
        return { promise: task.promise.then(({ roi }) => ({ roi, assumptions, replications: m.replications, source: m.source })), cancel: task.cancel };
      });
    },
    runSweep() {
      const c = current();
      if (!c) return;
      const axes: SweepAxis[] = [];
      for (const a of inputs().whatif.axes) {
        // A model axis: the ticked models, each point the index of its model (a categorical axis).
        if (a.models) {
          if (a.models.length < 2) return fail('Tick at least two models to compare.');
          axes.push({ path: a.path, values: a.models.map((_, i) => i), labels: a.models });
          continue;
        }
        // An empty box means the values its placeholder shows (around today's value).
        const text = a.valuesText.trim() || (() => {
          try {
            return suggestValues(a.path, getParam(c.parsed, a.path, c.catalog));
          } catch {
            return '';
          }
        })();
        const values = parseValues(a.path, text);
        if (typeof values === 'string') return fail(values);
        axes.push({ path: a.path, values });
      }
      store.getState().start('sweep', c.basis, (onProgress) => sweepPoints(pool(), { document: c.document, options: {}, axes, ...sweepPlan(inputs()) }, onProgress));
    },
    runTornado() {
      const c = current();
      if (!c) return;
      const w = inputs().whatif;
      const paths = w.tornadoPaths ?? defaultTornadoPaths(c.parsed);
      if (!paths.length) return fail('Tick at least one parameter for the tornado.');
      store.getState().start('tornado', c.basis, (onProgress) => tornadoBars(pool(), { document: c.document, options: {}, paths, spread: w.spread }, onProgress));
    },
    runPipeline() {
      returnHere = true;
      s.actions.run();
      if (s.runs.getState().status !== 'running') returnHere = false;
    },
    saveScenario(name) {
      const results = s.runs.getState().results;
      if (!results) return fail('Run the pipeline first: a scenario is a run kept under a name.');
      const revision = s.runs.getState().resultsRevision;
      const doc = s.documents.getState();
      // The document of the run: the current one if unchanged since, else the run's is gone.
      if (revision !== doc.revision) return fail('The pipeline changed since the last run: run it again, then save the scenario.');
      const { saved, dropped } = store.getState().saveScenario(name.trim() || results.pipeline.name, JSON.parse(JSON.stringify(doc.doc)), results);
      s.ui.getState().toast('success', `Saved scenario “${saved.name}”`);
      if (dropped.length) s.ui.getState().toast('info', droppedNote(dropped, MAX_SCENARIOS));
    },
    maturityLevels,
  };
}
