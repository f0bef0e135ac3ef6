import { NODE_GROUPS, NODE_KINDS } from '../../simulation/nodes/registry';
import { paramsJsonSchema } from '../../simulation/nodes/params-json-schema';

type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; default?: unknown; description?: string; unit?: string; title?: string; enum?: unknown[]; type?: string | string[]; anyOf?: Schema[]; $ref?: string };

function defaultText(v: unknown): string {
  if (v === undefined) return '—';
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

function rows(props: Record<string, Schema>, prefix = ''): string[] {
  const out: string[] = [];
  for (const [name, s] of Object.entries(props)) {
    const type = s.distribution ? 'distribution' : s.enum ? s.enum.map((x) => `\`${String(x)}\``).join(' \\| ') : Array.isArray(s.type) ? s.type.join(' \\| ') : (s.type ?? (s.anyOf ? s.anyOf.map((a) => a.type ?? 'object').join(' \\| ') : 'object'));
    const help = [s.title && s.title !== name ? `**${s.title}.**` : '', s.description ?? ''].filter(Boolean).join(' ').replace(/\|/g, '\\|').replace(/\n/g, ' ');
    out.push(`| \`${prefix}${name}\` | ${type} | ${s.unit ?? ''} | \`${defaultText(s.default).replace(/\|/g, '\\|')}\` | ${help} |`);
    const nested = s.properties ?? (s.anyOf?.find((a) => a.properties)?.properties as Record<string, Schema> | undefined);
    if (nested && !s.distribution) out.push(...rows(nested, `${prefix}${name}.`));
  }
  return out;
}

/** The node reference in Markdown. */
export function nodeKindsMarkdown(): string {
  const parts = [
    '# Node kinds',
    '',
    'Generated from the node registry by `npm run docs` — every parameter, its default, unit and meaning. Distributions are objects such as `{"type": "lognormal", "median": 450, "p99": 1500}` (types: constant, exponential, uniform, uniformInt, lognormal by median+sigma or median+p99, empirical quantile table, pareto).',
    '',
  ];
  for (const g of NODE_GROUPS) {
    const kinds = NODE_KINDS.filter((k) => k.group === g.group);
    if (!kinds.length) continue;
    parts.push(`## ${g.title}`, '');
    for (const k of kinds) {
      parts.push(`### ${k.title} (\`${k.kind}\`)`, '', k.description, '');
      const ports = k.outputs.length ? k.outputs.map((p) => `\`${p.name}\`${p.required ? ' (required)' : ''}${p.isError ? ' (error path)' : ''}: ${p.description}`) : k.outputsFor ? ['one port per route, named by `routes[].name`'] : ['none (terminal)'];
      parts.push(`Outputs: ${ports.join('; ')}`, '');
      const schema = paramsJsonSchema(k.kind) as Schema;
      const props = schema.properties ?? {};
      if (Object.keys(props).length) parts.push('| Parameter | Type | Unit | Default | Meaning |', '|---|---|---|---|---|', ...rows(props), '');
    }
  }
  return parts.join('\n');
}
