import type { PipelineDocument } from '../model/document-schema';
import { paramsJsonSchema } from '../nodes/params-json-schema';
import type { SweepAxis } from './sweep';

/** A node's own latency and quality parameters, which a change of its model does not touch. */
const MODEL_BOUND = /^(latencyMs\w*|ttftMs|timePerOutputTokenMs|quality)$/;

/** Whether `path` is a node parameter its kind's schema marks as a catalog model (the Inspector's model picker). */
export function isModelParam(doc: PipelineDocument, path: string): boolean {
  const m = /^nodes\[([^\]]+)\]\.params\.(\w+)$/.exec(path);
  const node = m ? doc.nodes.find((n) => n.id === m[1]) : undefined;
  if (!m || !node) return false;
  try {
    const props = (paramsJsonSchema(node.kind).properties ?? {}) as Record<string, { catalogMode?: string }>;
    return Boolean(props[m[2]!]?.catalogMode);
  } catch {
    return false;
  }
}

/** The node's own latency and quality parameters (those it has), which its model does not set. */
export function modelBoundParams(doc: PipelineDocument, nodeId: string): string[] {
  const params = doc.nodes.find((n) => n.id === nodeId)?.params as Record<string, unknown> | undefined;
  return params ? Object.keys(params).filter((k) => MODEL_BOUND.test(k)) : [];
}

/**
 * What a model what-if leaves alone, said under its table in `sweep`, the report and the app: prices
 * and the context window follow the model; the node's own latency and quality parameters (an LLM's
 * ttftMs, timePerOutputTokenMs and quality; an embedding's or reranker's latencyMs…) do not.
 */
export function modelAxisNote(axes: ReadonlyArray<Pick<SweepAxis, 'path' | 'labels'>>, doc: PipelineDocument): string | null {
  const model = axes.find((a) => a.labels && isModelParam(doc, a.path));
  if (!model) return null;
  const id = /^nodes\[([^\]]+)\]/.exec(model.path)?.[1] ?? 'the node';
  const own = modelBoundParams(doc, id);
  if (own.length === 0) return `Changing ${model.path} changes prices and context window only.`;
  const list = own.length === 1 ? own[0]! : `${own.slice(0, -1).join(', ')} and ${own.at(-1)!}`;
  const reading = own.includes('quality') ? 'latency or quality' : 'latency';
  const them = own.length === 1 ? 'it' : 'them';
  return `Changing ${model.path} changes prices and context window only: ${id}'s ${list} ${own.length === 1 ? 'is its own parameter' : 'are its own parameters'}. Sweep ${them} as well, or calibrate ${them} from the new model's traces (preflight calibrate), before reading ${reading} from this table.`;
}
