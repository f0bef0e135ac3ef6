import { useMemo } from 'react';
import { formatMs, formatUsd, formatShare, type Explanation, type LoadSearchResult, type PipelineDocument } from '../../../../simulation/index';
import { ExplainPopover } from '../../results/ExplainPopover';
import { formatMultiplier } from '../../../../simulation/index';
import { loadCurveOption, loadPointsText, loadValueText, offChartText } from '../../../charts/options/load-curve';
import { appConfidence } from '../analysis-actions';
import { nodeLabel } from '../../results/node-label';
import { useValidation } from '../../../app/app-context';
import { useAnalysisServices } from '../analysis-context';
import { useAnalysis } from '../analysis-registry';
import { Chart } from '../Chart';
import { FieldErrorScope } from '../field-errors';
import { NumberField } from '../fields';
import { JobControls } from '../JobControls';
import { CRITERIA, criteriaFor, criterionText } from './criteria';
import { capacityCommand, LOAD_REPLICATIONS_FIELD, loadReplicationsHint } from './load-replications';

const upperFirst = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
const rpsText = (v: number) => `${v.toLocaleString('en-US', { maximumSignificantDigits: 3 })} req/s`;

function CriteriaForm({ doc }: { doc: PipelineDocument }) {
  const { store } = useAnalysisServices();
  const input = useAnalysis((s) => s.inputs.capacity.criteria);
  const criteria = criteriaFor(input, doc);
  const set = (key: (typeof CRITERIA)[number]['key'], patch: Partial<{ enabled: boolean; value: number }>) => store.getState().setInputs('capacity', { criteria: { ...criteria, [key]: { ...criteria[key], ...patch } } });
  return (
    <div className="a-form-row">
      {CRITERIA.map((c) => (
        <div key={c.key} className="criterion">
          <label className="a-checks-inline">
            <input type="checkbox" checked={criteria[c.key].enabled} onChange={(e) => set(c.key, { enabled: e.target.checked })} aria-label={`Use ${c.label.replace(' at most', '')}`} />
          </label>
          <NumberField label={c.label} unit={c.unit === 'share' ? '%' : 'ms'} value={criteria[c.key].value} scale={c.unit === 'share' ? 100 : 1} min={0} onChange={(value) => set(c.key, { value, enabled: true })} width={84} />
        </div>
      ))}
      {input && (
        <button className="btn small" onClick={() => store.getState().setInputs('capacity', { criteria: null })} title="P99 and error rate from the document's SLOs, 429s per request 1 %">
          Reset to the SLOs
        </button>
      )}
    </div>
  );
}

/** Why a search ended below today's traffic, in the launch report's words: at the lightest load the limit is the pipeline itself. */
function belowToday(search: LoadSearchResult): string {
  const lightest = search.points.find((p) => p.breaks.length > 0) ?? search.points[0];
  const target = search.criteria.p99Ms;
  const at = lightest ? ` even at ${formatMultiplier(lightest.multiplier).replace(/×$/, '')} of the traffic (${rpsText(lightest.rps)})` : '';
  // A replicated point's P99 is a mean: said so, with its ±, as everywhere else the points are shown.
  const p99 = lightest ? `${loadValueText(lightest, 'p99Ms', formatMs)}${search.replications > 1 ? `, ${loadPointsText(search)}` : ''}` : '';
  if (search.limitedBy.criterion === 'p99Ms' && lightest && target) return `P99 misses its ${formatMs(target)} target (${p99})${at}, where nothing queues: the pipeline's own latency, not capacity, is what breaks the SLO. Make the pipeline faster (model, answer length, streaming) before sizing it for load.`;
  return `Today's traffic already breaks it${at}. Relax the criterion or change the pipeline (see what limits it above).`;
}

function explainSearch(search: LoadSearchResult): Explanation {
  const broke = search.points.filter((p) => p.breaks.length > 0 && p.multiplier > search.maxMultiplier).sort((a, b) => a.multiplier - b.multiplier)[0];
  return {
    title: 'Max sustainable load',
    formula: search.bound === 'latency' ? `none: ${search.note}` : `${formatMultiplier(search.maxMultiplier)} ${rpsText(search.baseRps)} = ${rpsText(search.maxRps)} of arrivals`,
    details: [
      `the largest traffic multiplier at which every criterion held: ${Object.entries(search.criteria).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => `${criterionText(k)} ≤ ${k.endsWith('Ms') ? formatMs(v as number) : formatShare(v as number)}`).join(', ')}`,
      broke ? `just above it, at ${formatMultiplier(broke.multiplier)}, ${broke.breaks.map(criterionText).join(' and ')} broke (P99 ${loadValueText(broke, 'p99Ms', formatMs)}, 429s per request ${formatShare(broke.rateLimitedShare)})` : '',
      search.replications > 1
        ? `${search.points.length} loads × ${search.replications} runs = ${search.points.length * search.replications} runs (${search.iterations} steps), ${loadPointsText(search)}; ${search.note}`
        : `${search.points.length} runs with the same seed (${search.iterations} steps); ${search.note}`,
      `the multiplier scales every arrival rate, keeping the daily profile and query mix; ${rpsText(search.baseRps)} is today's rate as measured over the run (traffic.rps through the time-of-day curve), so the file's traffic.rps for this load is traffic.rps × ${Number(search.maxMultiplier.toPrecision(3))}`,
    ],
  };
}

/** Max sustainable load: bisection on the traffic multiplier with one seed (or N per point), until a criterion breaks. */
export function LoadSearchSection() {
  const { store, actions } = useAnalysisServices();
  const replications = useAnalysis((s) => s.inputs.capacity.replications);
  const confidence = useAnalysis((s) => appConfidence(s.inputs));
  const doc = useValidation((s) => s.validation.parsed);
  const job = useAnalysis((s) => s.jobs.loadSearch);
  const search = job.result;
  const target = search?.criteria.p99Ms ?? null;
  const p99 = useMemo(() => (search ? loadCurveOption(search, 'p99Ms', formatMs, rpsText, target) : null), [search, target]);
  const cost = useMemo(() => (search ? loadCurveOption(search, 'costPerQueryUsd', formatUsd, rpsText, null) : null), [search]);
  const limited = search?.limitedBy;
  // Charts are images to a screen reader: the label says when the points carry error bars.
  const bars = search && search.replications > 1 ? ` (${loadPointsText(search)}, drawn as error bars)` : '';
  const nodes = doc?.nodes ?? [];
  return (
    <section className="result-section" aria-label="Max sustainable load">
      <h2>Max sustainable load</h2>
      <p className="section-note">
        Scales every arrival rate by a multiplier — doubling until a criterion breaks, then bisecting to 2 % — with the same seed at every step (common random numbers), so neighbouring loads differ by the load, not by luck. With replications every load runs the same N seeds and is judged on their means. Same search as <span className="mono" data-testid="capacity-command">{capacityCommand(replications, confidence)}</span>.
      </p>
      <FieldErrorScope>
        {doc ? <CriteriaForm doc={doc} /> : <p className="field-error">Fix the pipeline's problems in the editor first.</p>}
        <JobControls kind="loadSearch" label="Search max load" unit="runs" onStart={actions.searchLoad} disabled={doc ? null : 'The pipeline has problems.'}>
          <NumberField {...LOAD_REPLICATIONS_FIELD} value={replications} width={70} onChange={(value) => store.getState().setInputs('capacity', { replications: value })} hint={loadReplicationsHint(replications, confidence)} testId="load-replications" />
        </JobControls>
      </FieldErrorScope>
      {search && limited && (
        <>
          <div className="big-figures" style={{ marginTop: 12 }}>
            <div className="big-figure" data-testid="max-load">
              <span className="label">
                Max sustainable load
                <ExplainPopover explanation={explainSearch(search)} label="the max sustainable load" />
              </span>
              <span className="value num">{search.bound === 'latency' ? 'none' : search.bound === 'none' ? `at least ${rpsText(search.maxRps)}` : rpsText(search.maxRps)}</span>
              <span className="sub num">
                {/* Latency-bound: the Limited-by card says why, in the launch report's words. */}
                {search.bound === 'latency' ? `latency-bound at any load (today's arrivals: ${rpsText(search.baseRps)})` : `${formatMultiplier(search.maxMultiplier)} today's ${rpsText(search.baseRps)} of arrivals${doc ? ` (traffic.rps ${rpsText(doc.traffic.rps)} → ${rpsText(doc.traffic.rps * search.maxMultiplier)})` : ''} · ${search.note}`}
              </span>
            </div>
            <div className={`big-figure${search.maxMultiplier < 1 ? ' bad' : ''}`} data-testid="limited-by">
              <span className="label">Limited by</span>
              <span className="value">{limited.criterion ? criterionText(limited.criterion) : 'nothing within 1,024×'}</span>
              <span className="sub">
                {limited.quota && `busiest quota ${limited.quota}`}
                {limited.quota && limited.node && ' · '}
                {limited.node && `slowest node ${nodeLabel(nodes, limited.node)}`}
              </span>
              {search.maxMultiplier < 1 && <span className="sub">{belowToday(search)}</span>}
            </div>
          </div>
          <div className="tool-grid" style={{ marginTop: 12 }}>
            <div>
              <h3>P99 against load</h3>
              {p99 && <Chart option={p99} label={`P99 latency at each load the search ran${bars}${offChartText(search, 'p99Ms', target, formatMs)}`} testId="p99-vs-load" />}
            </div>
            <div>
              <h3>Cost per query against load</h3>
              {cost && <Chart option={cost} label={`Cost per query at each load the search ran${bars}`} testId="cost-vs-load" />}
            </div>
          </div>
          <p className="muted small-note" data-testid="load-plan">
            {search.replications > 1 ? `${upperFirst(loadPointsText(search))} (the error bars; the same seeds at every load).` : 'One seed, common random numbers: no interval.'}
          </p>
          <details className="offered">
            <summary>
              Every load the search ran ({search.points.length}
              {search.replications > 1 && ` · ${loadPointsText(search)}`})
            </summary>
            <table className="data-table compact" data-testid="load-table">
              <thead>
                <tr>
                  <th className="r">× today</th>
                  <th className="r">Load</th>
                  <th className="r">P99</th>
                  <th className="r">Cost per query</th>
                  <th className="r">Error rate</th>
                  <th className="r">429s per request</th>
                  <th className="r">Busiest quota</th>
                  <th>Breaks</th>
                </tr>
              </thead>
              <tbody>
                {search.points.map((p) => (
                  <tr key={p.multiplier}>
                    <td className="r num">{formatMultiplier(p.multiplier)}</td>
                    <td className="r num">{rpsText(p.rps)}</td>
                    <td className="r num">{loadValueText(p, 'p99Ms', formatMs)}</td>
                    <td className="r num">{loadValueText(p, 'costPerQueryUsd', formatUsd)}</td>
                    <td className="r num">{formatShare(p.errorRate)}</td>
                    <td className="r num">{formatShare(p.rateLimitedShare)}</td>
                    <td className="r num">{p.limitingQuota ? `${p.limitingQuota} ${formatShare(p.peakUtilisation)}` : '—'}</td>
                    <td className={p.breaks.length ? 'bad' : 'ok'}>{p.breaks.length ? p.breaks.map(criterionText).join(', ') : 'sustainable'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
