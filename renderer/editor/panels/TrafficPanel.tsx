import { useMemo } from 'react';
import { estimateLoad, formatCount, typicalRps } from '../../../simulation/index';
import { useValidation } from '../../app/app-context';
import { SchemaForm } from '../inspector/SchemaForm';
import { SECTIONS } from './section-schemas';

const PATH = ['traffic'];

/** Arrival rate, daily profile, query classes and popularity, with the resulting load in words. */
export function TrafficPanel() {
  const parsed = useValidation((s) => s.validation.parsed);
  const catalog = useValidation((s) => s.validation.catalog);
  const summary = useMemo(() => {
    if (!parsed) return null;
    try {
      const load = estimateLoad(parsed, catalog);
      // The run's window can sit in busy hours; a day and a month (the monthly cost's basis) take the whole daily and weekly curve.
      const typical = typicalRps(parsed);
      return `This run's window: mean ${load.meanRps.toFixed(2)} req/s, busiest hour ${load.peakRps.toFixed(2)} req/s. A typical day: mean ${typical.toFixed(2)} req/s ≈ ${formatCount(typical * 86_400)} requests/day, ${formatCount(typical * 2_592_000)} a month (what monthly figures use).`;
    } catch {
      return null;
    }
  }, [parsed, catalog]);
  return (
    <div className="panel-body" aria-label="Traffic">
      <p className="panel-intro muted">Requests arrive as a Poisson process at the arrival rate × the hour's multiplier. Each request belongs to a query class, which sets its token counts.</p>
      {summary && <p className="panel-summary num">{summary}</p>}
      <SchemaForm zod={SECTIONS.traffic.zod} json={SECTIONS.traffic.json} docPath={PATH} idPrefix="traffic" />
    </div>
  );
}
