import { useMemo } from 'react';
import { formatPercent, type RunResults } from '../../../../simulation/index';
import { quotaUtilisationOption } from '../../../charts/options/dashboards';
import { errorSeriesOption, latencySeriesOption } from '../../../charts/options/time-series';
import { useServices } from '../../../app/app-context';
import { AlertsAdvice } from '../../results/AlertsAdvice';
import { SloChecks } from '../../results/RunNotes';
import '../../results/reliability.css';
import { Chart } from '../Chart';

/** For on-call: error rate, latency percentiles, limit utilisation and the alerts that would fire. */
export function Operational({ results }: { results: RunResults }) {
  const { ui } = useServices();
  const p99Target = results.slo.checks.find((c) => c.metric === 'p99Ms')?.target ?? null;
  const errors = useMemo(() => errorSeriesOption(results), [results]);
  const latency = useMemo(() => latencySeriesOption(results, p99Target), [results, p99Target]);
  const quotas = useMemo(() => quotaUtilisationOption(results, (v) => formatPercent(v, 0)), [results]);
  const editTargets = () => {
    ui.getState().setView('editor');
    ui.getState().setSideTab('pipeline');
  };
  return (
    <>
      <div className="tool-grid">
        <section className="result-section" aria-label="Error rate">
          <h2>Error rate per minute</h2>
          <Chart option={errors} label="Failed requests and error rate per simulated minute" testId="ops-errors" />
        </section>
        <section className="result-section" aria-label="Latency percentiles">
          <h2>Latency percentiles per minute</h2>
          <Chart option={latency} label="P50, P95 and P99 per simulated minute with the P99 target" testId="ops-latency" />
        </section>
        <section className="result-section" aria-label="Rate limit utilisation">
          <h2>Rate limit utilisation per minute</h2>
          {Object.keys(results.series.quotas).length ? <Chart option={quotas} label="Utilisation of each quota per simulated minute, with the 70 % scaling trigger and the 80 % target" testId="ops-quotas" /> : <p className="muted">No quotas in the pipeline.</p>}
        </section>
        <div>
          <SloChecks results={results} />
          <button className="btn small" style={{ marginTop: 6 }} onClick={editTargets} title="SLO targets are the document's (defaults from the seed); edit them in the Pipeline tab">
            Edit SLO targets
          </button>
        </div>
      </div>
      <AlertsAdvice results={results} />
    </>
  );
}
