import { formatParam, getParamText, paramLabel, paramsJsonSchema, type PipelineDocument, type SweepAxis } from '../../../../simulation/index';
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

/** What a model what-if leaves alone: the simulation's note, the one `preflight sweep` and the report print. */
export { modelAxisNote } from '../../../../simulation/index';
