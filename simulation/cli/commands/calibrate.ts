import { readFileSync, writeFileSync } from 'node:fs';
import { applyCalibration, fitCalibration } from '../../importers/calibration';
import { parseCalibrationInput } from '../../importers/calibration-observations';
import type { LognormalFit } from '../../importers/lognormal-fit';
import { formatMs, formatPercent } from '../../units/format';
import { EXIT, UsageError, onePositional, parse } from '../args';
import type { CliIo } from '../io';
import { loadFile } from '../load-file';
import { table } from '../summary';

const fitText = (f: LognormalFit | null, fmt: (v: number) => string) => (f ? `${fmt(f.median)} · p99 ${fmt(f.p99)} · σ ${f.sigma.toFixed(2)} · KS D ${f.ks.d.toFixed(3)} (p ${f.ks.pValue < 0.001 ? '< 0.001' : f.ks.pValue.toFixed(3)}) · n ${f.n}` : '—');

/**
 * preflight calibrate <traces.json | spend-logs.json> [--group-by model|model_group]
 *                     [--apply pipeline.json --node ID [--model NAME] [--empirical] [--output-tokens] [--out file]]
 * Fits per-model TTFT, time per output token and token counts (lognormal, with a KS goodness of fit),
 * and optionally writes them into one LLM node of a pipeline.
 */
export function calibrateCommand(argv: string[], io: CliIo): number {
  const { values, positionals } = parse(argv, { 'group-by': { type: 'string' }, apply: { type: 'string' }, node: { type: 'string' }, model: { type: 'string' }, empirical: { type: 'boolean' }, 'output-tokens': { type: 'boolean' }, out: { type: 'string' }, json: { type: 'boolean' } });
  const file = onePositional(positionals, '<file>');
  const groupBy = values['group-by'] ?? 'model';
  if (groupBy !== 'model' && groupBy !== 'model_group') throw new UsageError(`--group-by: got "${groupBy}", expected model or model_group`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    io.stderr(`preflight: cannot read ${file}: ${(e as Error).message}`);
    return EXIT.badInput;
  }
  let report;
  try {
    report = fitCalibration(parseCalibrationInput(text, { groupBy }));
  } catch (e) {
    io.stderr(`preflight: ${file}: ${(e as Error).message}`);
    return EXIT.badInput;
  }
  if (!values.apply) {
    if (values.json) {
      io.stdout(JSON.stringify(report, null, 2));
      return EXIT.ok;
    }
    io.stdout(`Calibration from ${file} (${report.format}): ${report.models.length} model(s)${report.skipped.length ? `, ${report.skipped.length} record(s) skipped` : ''}`);
    io.stdout(table(['Model', 'calls', 'cache hits', 'TTFT (median · p99 · σ · fit)', 'time per output token'], report.models.map((m) => [m.model, String(m.calls), formatPercent(m.cacheHitShare), fitText(m.ttftMs, formatMs), fitText(m.timePerOutputTokenMs, (v) => `${v.toFixed(2)} ms`)])));
    for (const n of report.notes) io.stderr(`note: ${n}`);
    return EXIT.ok;
  }
  const applyTo = values.apply;
  if (!values.node) throw new UsageError('--apply needs --node <id> (the LLM node to calibrate)');
  const pipeline = loadFile(applyTo, io);
  if (!pipeline) return EXIT.badInput;
  const node = pipeline.doc.nodes.find((n) => n.id === values.node);
  if (!node || node.kind !== 'llm') throw new UsageError(`--node: "${values.node}" is not an LLM node of ${applyTo} (LLM nodes: ${pipeline.doc.nodes.filter((n) => n.kind === 'llm').map((n) => n.id).join(', ')})`);
  const wanted = values.model ?? String(node.params.model);
  const calibration = report.models.find((m) => m.model === wanted) ?? (report.models.length === 1 ? report.models[0] : undefined);
  if (!calibration) throw new UsageError(`--model: no observations for "${wanted}"; models in the file: ${report.models.map((m) => m.model).join(', ')}`);
  const updated = applyCalibration(pipeline.doc, node.id, calibration, { use: values.empirical ? 'empirical' : 'lognormal', outputTokens: Boolean(values['output-tokens']) });
  const out = JSON.stringify(updated, null, 2);
  if (values.out) {
    writeFileSync(values.out, out + '\n');
    io.stdout(`wrote ${values.out}: node ${node.id} calibrated from ${calibration.calls} calls of ${calibration.model}`);
  } else io.stdout(out);
  return EXIT.ok;
}
