import { exampleText } from '../helpers';

/**
 * The finance trial's multi-team pipeline: the optimized RAG example with its traffic split between
 * a "support" and a "sales" source (the sales source's id is its label), and a night "reporting"
 * batch (01:00–05:00, not real-time) that a one-hour daytime run never sees.
 */
export function multiTeamDocument(): Record<string, unknown> {
  const doc = JSON.parse(exampleText('optimized-rag')) as { pipeline: { name: string }; nodes: Array<Record<string, unknown>>; edges: Array<Record<string, unknown>> };
  doc.pipeline.name = 'Multi-team RAG';
  const users = doc.nodes.find((n) => n.id === 'users')!;
  users.params = { share: 0.6, label: 'support' };
  const night = Array.from({ length: 24 }, (_, h) => (h >= 1 && h <= 4 ? 6 : 0));
  doc.nodes.push(
    { id: 'sales', kind: 'source', name: 'Sales', position: { x: 0, y: 240 }, params: { share: 0.4, label: 'sales' } },
    { id: 'batch', kind: 'source', name: 'Nightly batch', position: { x: 0, y: 360 }, params: { label: 'reporting', rps: 2, hourlyMultipliers: night, realtime: false } },
  );
  doc.edges.push({ from: 'sales', port: 'out', to: 'embed' }, { from: 'batch', port: 'out', to: 'embed' });
  return doc;
}
