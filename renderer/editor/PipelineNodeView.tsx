import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { FlowNode } from './flow-mapping';

/**
 * The one node component for every kind: the kind's metadata (title, group, ports) and its own
 * `summarize` drive what is drawn, so kinds added to the registry need no renderer change.
 */
function PipelineNodeViewInner({ data, selected }: NodeProps<FlowNode>) {
  const hasErrors = data.errors.length > 0;
  const hasWarnings = data.warnings.length > 0;
  const problemTitle = [...data.errors, ...data.warnings].join('\n');
  return (
    <div
      className={`pnode group-${data.group}${selected ? ' selected' : ''}${hasErrors ? ' has-error' : hasWarnings ? ' has-warning' : ''}`}
      data-testid={`node-${data.nodeId}`}
    >
      {data.acceptsInput && <Handle type="target" position={Position.Left} id="in" className="port-in" aria-label={`Input of ${data.name}`} data-testid={`port-${data.nodeId}-in`} />}
      <div className="pnode-head">
        <span className="pnode-kind">{data.kindTitle}</span>
        {(hasErrors || hasWarnings) && (
          <span className={`badge ${hasErrors ? 'error' : 'warning'}`} title={problemTitle} aria-label={`${data.errors.length + data.warnings.length} problem(s): ${problemTitle}`}>
            {hasErrors ? '!' : '⚠'} {data.errors.length + data.warnings.length}
          </span>
        )}
      </div>
      <div className="pnode-name" title={data.nodeId}>
        {data.name}
      </div>
      {data.summary.length > 0 && (
        <ul className="pnode-summary">
          {data.summary.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
      {data.figures && (
        <div className={`pnode-figures${data.figures.stale ? ' stale' : ''}`} title={data.figures.stale ? 'From the last run; the pipeline changed since' : 'From the last run: time inside this node (P95) and its share of usage cost'} data-testid={`node-figures-${data.nodeId}`}>
          <span>
            P95 <b className="num">{data.figures.p95}</b>
          </span>
          <span>
            cost <b className="num">{data.figures.costShare}</b>
          </span>
        </div>
      )}
      {data.ports.length > 0 && (
        <div className="pnode-ports">
          {data.ports.map((p) => (
            <div key={p.name} className={`pnode-port${p.isError ? ' error-port' : ''}${p.required && !p.connected ? ' unwired' : ''}`} title={p.description}>
              <span>{p.name}</span>
              <Handle type="source" position={Position.Right} id={p.name} aria-label={`Output ${p.name} of ${data.name}`} data-testid={`port-${data.nodeId}-${p.name}`} />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

export const PipelineNodeView = memo(PipelineNodeViewInner);
