import { useMemo } from 'react';
import { estimateLoad, formatCount } from '../../../simulation/index';
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
      return `This run: mean ${load.meanRps.toFixed(2)} req/s, busiest hour ${load.peakRps.toFixed(2)} req/s ≈ ${formatCount(load.meanRps * 86_400)} requests/day.`;
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
