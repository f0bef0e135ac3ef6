import aiRequestTrace from '../../examples/ai-request-trace.preflight.json';
import fallbackChain from '../../examples/fallback-chain.preflight.json';
import litellmGateway from '../../examples/litellm-gateway.preflight.json';
import naiveRag from '../../examples/naive-rag.preflight.json';
import optimizedRag from '../../examples/optimized-rag.preflight.json';

/** Starting points offered by New: the repository's example pipelines, bundled into the app. */
export interface Template {
  id: string;
  fileName: string;
  title: string;
  description: string;
  document: unknown;
}

function template(id: string, document: { pipeline: { name: string; description?: string } }): Template {
  // `$schema` points at the repository's schema folder, which means nothing next to a user's file.
  const { $schema: _schema, ...rest } = document as Record<string, unknown>;
  return { id, fileName: `${id}.preflight.json`, title: document.pipeline.name, description: document.pipeline.description ?? '', document: rest };
}

export const TEMPLATES: Template[] = [template('optimized-rag', optimizedRag), template('naive-rag', naiveRag), template('ai-request-trace', aiRequestTrace), template('fallback-chain', fallbackChain), template('litellm-gateway', litellmGateway)];

/** What a first-time user sees: the guide's optimized RAG pipeline. */
export const STARTUP_TEMPLATE = TEMPLATES[0]!;
