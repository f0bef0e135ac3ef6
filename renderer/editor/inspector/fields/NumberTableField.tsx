import { useState } from 'react';
import { formatPercent } from '../../../../simulation/index';
import { Icon } from '../../../app/icons';
import type { Json } from '../../../stores/document/json-ops';
import { FieldShell } from '../FieldShell';
import { useForm } from '../form-context';
import { fieldId, fieldValue, isSet } from '../form-values';
import { NumberInput } from '../NumberInput';
import { useInputErrors } from '../use-input-errors';
import type { FieldSpec } from '../schema-fields';
import { interpolateRow, newRow, previewGeometry, siblingThreshold, tableColumns, type TableColumn } from './number-table';

const COLOURS = ['#2f64d8', '#d03c3c', '#17914f', '#7357e8'];
const W = 200;
const H = 72;

const asShare = (c: TableColumn) => c.min === 0 && c.max === 1;
const show = (v: number, c: TableColumn) => (asShare(c) ? formatPercent(v, 2) : String(Number(v.toPrecision(4))));

/** The curve drawn small, with the node's current threshold marked and the values read there. */
function Preview({ rows, columns, threshold }: { rows: number[][]; columns: TableColumn[]; threshold: { key: string; value: number } | null }) {
  if (rows.length < 2) return null;
  const g = previewGeometry(rows, W, H, threshold?.value ?? null);
  const at = threshold ? interpolateRow(rows, threshold.value) : [];
  const mx = threshold && g.xMax > g.xMin ? ((threshold.value - g.xMin) / (g.xMax - g.xMin)) * W : null;
  return (
    <div className="table-preview">
      <svg viewBox={`-4 -4 ${W + 8} ${H + 8}`} width={W + 8} height={H + 8} role="img" aria-label={`${columns.slice(1).map((c) => c.label).join(' and ')} against ${columns[0]?.label ?? 'the first column'}`}>
        <rect x={0} y={0} width={W} height={H} fill="#fafbfc" stroke="#e2e5ea" />
        {mx !== null && <line x1={mx} x2={mx} y1={0} y2={H} stroke="#1c2230" strokeDasharray="3 3" />}
        {g.lines.map((points, k) => (
          <polyline key={k} points={points} fill="none" stroke={COLOURS[k % COLOURS.length]} strokeWidth={1.6} />
        ))}
      </svg>
      <div className="table-preview-text">
        <div className="faint num">
          {columns[0]?.label} {Number(g.xMin.toPrecision(3))} → {Number(g.xMax.toPrecision(3))}; up to {g.yMax === 1 ? '100 %' : Number(g.yMax.toPrecision(3))}
        </div>
        {threshold && (
          <div data-testid="curve-reading">
            At {threshold.key} {threshold.value}:{' '}
            {columns.slice(1).map((c, k) => (
              <span key={c.label} style={{ color: COLOURS[k % COLOURS.length] }}>
                {c.label} <b className="num">{at[k] === undefined ? '—' : show(at[k], c)}</b>
                {k < columns.length - 2 ? '; ' : ''}
              </span>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}

/** A table of number rows (threshold curves): one input per cell, add and remove rows, a live preview. */
export function NumberTableField({ spec }: { spec: FieldSpec }) {
  const form = useForm();
  // Each cell keeps its own refused draft; a refused row added or removed is a message (the table shows the applied rows).
  const { error, report } = useInputErrors();
  const [notice, setNotice] = useState<string | null>(null);
  const columns = tableColumns(spec);
  const value = fieldValue(form, spec);
  const rows = (Array.isArray(value) ? value : []).map((r) => (Array.isArray(r) ? r.map(Number) : []));
  const commit = (next: number[][]) => form.commit(spec.path, next as Json, spec.label);
  const canRemove = spec.minItems === null || rows.length > spec.minItems;
  const id = fieldId(form, spec.path);
  return (
    <FieldShell spec={spec} error={error} notice={notice} wide>
      {/* ↺ to the default curve may show the same numbers: new cells drop their refused drafts. */}
      <table className="number-table" id={id} key={String(isSet(form, spec.path))}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col">
                {c.label}
              </th>
            ))}
            <th aria-label="Remove" />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {columns.map((c, k) => (
                <td key={k}>
                  <NumberInput
                    id={`${id}-${r}-${k}`}
                    ariaLabel={`${spec.label} row ${r + 1}: ${c.label}`}
                    value={row[k]}
                    constraints={{ label: `${spec.label} row ${r + 1}, ${c.label}`, unit: null, nullable: false, integer: c.integer, min: c.min, max: c.max, exclusiveMin: false, exclusiveMax: false }}
                    onError={(message) => report(`${r}-${k}`, message)}
                    onCommit={(v) => commit(rows.map((x, i) => (i === r ? x.map((y, j) => (j === k ? (v ?? 0) : y)) : x)))}
                  />
                </td>
              ))}
              <td>
                <button type="button" className="icon-btn small" aria-label={`Remove ${spec.label} row ${r + 1}`} disabled={!canRemove} onClick={() => setNotice(commit(rows.filter((_, i) => i !== r)))}>
                  <Icon name="trash" size={12} />
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="btn small" onClick={() => setNotice(commit([...rows, newRow(rows, columns.length)]))}>
        <Icon name="plus" size={12} /> Add row
      </button>
      <Preview rows={rows} columns={columns} threshold={siblingThreshold(form.effective, spec)} />
    </FieldShell>
  );
}
