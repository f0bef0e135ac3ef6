import { SchemaForm } from '../inspector/SchemaForm';
import { extraSections, SECTIONS } from './section-schemas';

const EXTRA = extraSections();
const EXTRA_KEYS = Object.fromEntries(EXTRA.map((s) => [s.key, [s.key]]));

const P = { pipeline: ['pipeline'], slo: ['slo'], run: ['run'], root: [] as string[] };
const FIXED = ['fixedCosts'];

/** Name and description, SLO targets (the guide's by default), fixed costs, run settings and every other section. */
export function PipelinePanel() {
  return (
    <div className="panel-body" aria-label="Pipeline settings">
      <SchemaForm zod={SECTIONS.pipeline.zod} json={SECTIONS.pipeline.json} docPath={P.pipeline} idPrefix="pipeline" />
      <h3 className="panel-heading">SLO targets</h3>
      <p className="panel-intro muted">Results are coloured against these. Defaults are the targets of the production guide.</p>
      <SchemaForm zod={SECTIONS.slo.zod} json={SECTIONS.slo.json} docPath={P.slo} idPrefix="slo" />
      <div className="panel-heading" />
      <SchemaForm zod={SECTIONS.fixedCosts.zod} json={SECTIONS.fixedCosts.json} docPath={P.root} idPrefix="fixed" only={FIXED} />
      <h3 className="panel-heading">Run settings</h3>
      <SchemaForm zod={SECTIONS.run.zod} json={SECTIONS.run.json} docPath={P.run} idPrefix="run" />
      {EXTRA.length > 0 && <h3 className="panel-heading">More</h3>}
      {EXTRA.map((s) => (
        <SchemaForm key={s.key} zod={s.zod} json={s.json} docPath={P.root} idPrefix={`doc-${s.key}`} only={EXTRA_KEYS[s.key]} />
      ))}
    </div>
  );
}
