import { formatParam, paramLabel, paramsJsonSchema, type PipelineDocument, type SweepAxis } from '../../../../simulation/index';
// Not in simulation/index yet: the text counterpart of getParam, which categorical what-ifs set.
import { getParamText } from '../../../../simulation/analysis/param-path';
import { nodeLabel } from '../../results/node-label';

export type CatalogMode = 'chat' | 'embedding' | 'rerank';

/** A categorical what-if axis: which catalog model a node calls. */
export interface ModelAxis {
  /** nodes[ID].params.KEY, the path `preflight sweep --param` takes. */
  path: string;
  nodeId: string;
  /** The catalog mode of the models the param takes (a chat node is offered chat models only). */
  mode: CatalogMode;
  /** "model of Answer (gpt-5.4-mini) (llm)", "embedding model of Cache (cache)". */
  label: string;
  /** The model the node calls today. */
  today: string;
}

/**
 * Every model a what-if can change: each node param the kind's schema marks as a catalog model (the
 * same marker the Inspector's model picker reads), so no node kind is named here.
 */
export function modelAxes(doc: PipelineDocument): ModelAxis[] {
  return doc.nodes.flatMap((node) => {
    let props: Record<string, { catalogMode?: CatalogMode; title?: string }> = {};
    try {
      props = (paramsJsonSchema(node.kind).properties ?? {}) as typeof props;
    } catch {
      return []; // an unknown kind is the Problems panel's to report
    }
    return Object.entries(props).flatMap(([key, schema]) => {
      if (!schema.catalogMode) return [];
      const path = `nodes[${node.id}].params.${key}`;
      let today: string;
      try {
        today = getParamText(doc, path);
      } catch {
        return [];
      }
      const what = (schema.title ?? 'Model').toLowerCase();
      return [{ path, nodeId: node.id, mode: schema.catalogMode, label: `${what} of ${nodeLabel(doc.nodes, node.id)}`, today }];
    });
  });
}

export function modelAxisFor(doc: PipelineDocument | null, path: string): ModelAxis | null {
  return doc ? (modelAxes(doc).find((a) => a.path === path) ?? null) : null;
}

/** An axis by name: "model of Answer (llm)" for a model, else the parameter's label. */
export function axisLabel(path: string, doc: PipelineDocument | null): string {
  return modelAxisFor(doc, path)?.label ?? paramLabel(path, doc);
}

/** A point's value on an axis: the model id on a categorical axis, the parameter in its unit otherwise. */
export function axisValueText(axis: Pick<SweepAxis, 'path' | 'labels'>, value: number): string {
  return axis.labels ? (axis.labels[value] ?? String(value)) : formatParam(axis.path, value);
}

/** A node's own latency and quality parameters, which a model change does not touch. */
const MODEL_BOUND = /^(latencyMs\w*|ttftMs|timePerOutputTokenMs|quality)$/;

/**
 * What a model what-if leaves alone. For an LLM node these are the words `preflight sweep` prints
 * under its table (simulation/cli/sweep-axis.ts modelAxisNote, kept in step by a test until the
 * simulation exports it); for an embedding or rerank model the node's own latency parameters are
 * named instead of an LLM's, which it does not have.
 */
export function modelAxisNote(axes: Array<Pick<SweepAxis, 'path' | 'labels'>>, doc: PipelineDocument | null): string | null {
  const models = doc ? new Set(modelAxes(doc).map((a) => a.path)) : null;
  const model = axes.find((a) => a.labels && (models ? models.has(a.path) : /\.params\.model$/.test(a.path)));
  if (!model) return null;
  const id = /^nodes\[([^\]]+)\]/.exec(model.path)?.[1] ?? 'the node';
  const params = doc?.nodes.find((n) => n.id === id)?.params as Record<string, unknown> | undefined;
  const own = params ? Object.keys(params).filter((k) => MODEL_BOUND.test(k)) : ['ttftMs', 'timePerOutputTokenMs', 'quality'];
  if (own.length === 0) return `Changing ${model.path} changes prices and context window only.`;
  const list = own.length === 1 ? own[0]! : `${own.slice(0, -1).join(', ')} and ${own.at(-1)!}`;
  const reading = own.includes('quality') ? 'latency or quality' : 'latency';
  const them = own.length === 1 ? 'it' : 'them';
  return `Changing ${model.path} changes prices and context window only: ${id}'s ${list} ${own.length === 1 ? 'is its own parameter' : 'are its own parameters'}. Sweep ${them} as well, or calibrate ${them} from the new model's traces (preflight calibrate), before reading ${reading} from this table.`;
}
