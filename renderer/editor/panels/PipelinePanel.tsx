import { SchemaForm } from '../inspector/SchemaForm';
import { SECTIONS } from './section-schemas';

const P = { pipeline: ['pipeline'], slo: ['slo'], run: ['run'], root: [] as string[] };
const FIXED = ['fixedCosts'];

/** Name and description, SLO targets (the seed's by default), fixed monthly costs and run settings. */
export function PipelinePanel() {
  return (
    <div className="panel-body" aria-label="Pipeline settings">
      <SchemaForm zod={SECTIONS.pipeline.zod} json={SECTIONS.pipeline.json} docPath={P.pipeline} idPrefix="pipeline" />
      <h3 className="panel-heading">SLO targets</h3>
      <p className="panel-intro muted">Results are coloured against these. Defaults are the targets of the production guide.</p>
      <SchemaForm zod={SECTIONS.slo.zod} json={SECTIONS.slo.json} docPath={P.slo} idPrefix="slo" />
      <h3 className="panel-heading">Fixed costs</h3>
      <SchemaForm zod={SECTIONS.fixedCosts.zod} json={SECTIONS.fixedCosts.json} docPath={P.root} idPrefix="fixed" only={FIXED} />
      <h3 className="panel-heading">Run settings</h3>
      <SchemaForm zod={SECTIONS.run.zod} json={SECTIONS.run.json} docPath={P.run} idPrefix="run" />
    </div>
  );
}
