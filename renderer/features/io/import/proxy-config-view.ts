import type { ImportNote, LiteLlmProxyImport } from '../../../../simulation/index';

export interface ProxyPreview {
  name: string;
  description: string;
  counts: { nodes: number; quotas: number; models: number };
  /** Warnings first (what was approximated or left out), then the rest, each in config order. */
  notes: ImportNote[];
  warningCount: number;
  /** Notes about secrets and environment references: counted so the user sees none were copied. */
  secretCount: number;
}

const SECRET_NOTE = /secret|environment variable|API key/i;

export function proxyPreview(result: LiteLlmProxyImport): ProxyPreview {
  const doc = result.doc;
  const warnings = result.notes.filter((n) => n.severity === 'warning');
  return {
    name: doc.pipeline?.name ?? 'LiteLLM proxy (imported)',
    description: doc.pipeline?.description ?? '',
    counts: { nodes: doc.nodes?.length ?? 0, quotas: doc.quotas?.length ?? 0, models: doc.models?.length ?? 0 },
    notes: [...warnings, ...result.notes.filter((n) => n.severity !== 'warning')],
    warningCount: warnings.length,
    secretCount: result.notes.filter((n) => SECRET_NOTE.test(n.message)).length,
  };
}

/** `proxy-config.yaml` → `proxy-config.preflight.json`: the imported pipeline's name until saved. */
export function importedPipelineFileName(yamlFileName: string): string {
  const base = yamlFileName.replace(/\.(ya?ml)$/i, '').replace(/[^\w.-]+/g, '-') || 'litellm-proxy';
  return `${base}.preflight.json`;
}
