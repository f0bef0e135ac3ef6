import { evaluateAlerts, SEVERITIES } from '../../analysis/alerts';
import { costAnomalies } from '../../analysis/anomalies';
import { bottleneckAdvice } from '../../analysis/advice';
import { modelOfFor, premiumNodes } from '../../analysis/budget';
import { faultTargetName, nodeLabel } from '../../results/node-label';
import { formatDurationMs } from '../../units/duration';
import { formatMs, formatPercent, formatUsd } from '../../units/format';
import { esc } from '../html-escape';
import type { ReportInput } from '../report-input';
import type { RunResults } from '../../results/types';
import { timeSteps } from '../svg/axis';
import { histogramChart, lineChart } from '../svg/charts';

const minuteLabels = (points: number, bucketMs: number) => Array.from({ length: points }, (_, i) => (i === 0 ? '0 min' : formatDurationMs(i * bucketMs)));

/** Latency charts, reliability (breakers, fallbacks, faults), quality, alerts that would fire, anomalies and advice. */
export function reliabilitySection(input: ReportInput): string {
  const r = input.results;
  const s = r.series;
  const labels = minuteLabels(s.points, s.bucketMs);
  const steps = timeSteps(s.bucketMs);
  const shade = [{ from: 0, to: s.warmupEndMs / s.bucketMs, label: 'warm-up', color: '#9ca3af' }, ...r.reliability.faults.map((f) => ({ from: f.startMs / s.bucketMs, to: f.endMs / s.bucketMs, label: `${f.type}: ${faultTargetName(r.nodes, f)}`, color: '#ef4444' }))];
  const rel = r.reliability;
  const breakers = rel.breakers.map((b) => `<tr><th>${esc(nodeLabel(r.nodes, b.nodeId))}</th><td>${esc(b.flavour)}</td><td>${esc(b.protects === null ? '—' : nodeLabel(r.nodes, b.protects))}</td><td>${b.timesOpened}</td><td>${esc(formatDurationMs(b.timeOpenMs))}</td><td>${b.shortCircuited.toLocaleString('en-US')}</td><td>${formatUsd(b.moneySavedUsd)}</td></tr>`);
  const d = rel.fallbackDepth;
  const alerts = evaluateAlerts(r);
  const anomalies = costAnomalies(r, premiumNodes(r, modelOfFor(input.doc, input.catalog)));
  const advice = bottleneckAdvice(r);
  return `<section id="latency"><h2>Latency and errors over time</h2>
${histogramChart({ title: 'End-to-end latency of served requests', bins: r.latency.histogram, format: formatMs, markers: latencyMarkers(r) })}
${lineChart({ title: 'Latency percentiles per interval', series: [{ name: 'P50', values: s.latencyP50Ms }, { name: 'P95', values: s.latencyP95Ms }, { name: 'P99', values: s.latencyP99Ms }], xLabels: labels, xSteps: steps, format: formatMs, yDuration: true, shade })}
${lineChart({ title: 'Error rate and fallback share per interval', series: [{ name: 'error rate', values: s.errorRate, color: '#ef4444' }, { name: 'fallback share', values: s.fallbacks.map((f, i) => (s.served[i]! > 0 ? f / s.served[i]! : null)), color: '#e8743b' }], xLabels: labels, xSteps: steps, format: (v) => formatPercent(v, 0), shade })}
</section>
<section id="reliability"><h2>Reliability</h2>
<table class="figures"><tbody>
<tr><th>Availability (requests)</th><td data-figure="availability" data-value="${r.outcomes.availability}">${formatPercent(r.outcomes.availability, 3)}</td><th>Downtime</th><td data-figure="downtimeMinutes" data-value="${r.outcomes.downtimeMinutes}">${r.outcomes.downtimeMinutes} of ${r.outcomes.measuredMinutes} min</td></tr>
<tr><th>Retry rate</th><td>${formatPercent(r.outcomes.retryRate, 2)}</td><th>Fallback depth (served)</th><td>0: ${d.none.toLocaleString('en-US')} · 1: ${d.one.toLocaleString('en-US')} · 2: ${d.two.toLocaleString('en-US')} · 3+: ${d.threeOrMore.toLocaleString('en-US')}</td></tr>
</tbody></table>
${breakers.length ? `<table><thead><tr><th>Breaker</th><th>Flavour</th><th>Protects</th><th>Opened</th><th>Time open</th><th>Short-circuited</th><th>Saved on doomed calls</th></tr></thead><tbody>${breakers.join('')}</tbody></table>` : '<p class="note">No circuit breakers.</p>'}
${rel.faults.length ? `<p>Fault scenario: ${rel.faults.map((f) => `${esc(f.type)} on ${esc(faultTargetName(r.nodes, f))} ${esc(formatDurationMs(f.startMs))}–${esc(formatDurationMs(f.endMs))}${f.mitigated ? ' (ended by mitigation)' : ''}`).join('; ')}.</p>` : ''}
<h3>Quality</h3><p>Faithfulness ${formatPercent(r.quality.faithfulness)} · escalation to humans ${formatPercent(r.quality.escalationRate)}${r.quality.modelEscalationRate ? ` · gate escalations ${formatPercent(r.quality.modelEscalationRate)}` : ''}</p>
<table><thead><tr><th>Answer path</th><th>Share</th><th>Quality</th><th>Cost/query</th><th>P95</th></tr></thead><tbody>${r.quality.paths.map((p) => `<tr><th>${esc(nodeLabel(r.nodes, p.nodeId))}</th><td>${formatPercent(p.share)}</td><td>${formatPercent(p.quality)}</td><td>${formatUsd(p.costPerQueryUsd)}</td><td>${formatMs(p.p95Ms)}</td></tr>`).join('')}</tbody></table>
</section>
<section id="alerts"><h2>Alerts that would fire</h2>
${alerts.length ? alerts.map((a) => `<div class="alert ${a.rule.severity}"><strong>${esc(a.rule.severity.toUpperCase())} · ${esc(a.rule.title)}</strong> — ${esc(SEVERITIES[a.rule.severity].responseTime)}; fired for ${a.firingMinutes} min${a.firstAtMs !== null ? ` from ${esc(formatDurationMs(a.firstAtMs))}` : ''}. <em>Runbook (${a.rule.runbookSource === 'seed' ? 'from the guide' : 'suggested'}):</em><ol>${a.rule.runbook.map((x) => `<li>${esc(x)}</li>`).join('')}</ol></div>`).join('') : '<p>No alert rule fires on this run.</p>'}
<h3>Cost anomaly rules</h3><table><thead><tr><th>Rule</th><th>Detection</th><th>Result</th><th>Response</th></tr></thead><tbody>${anomalies.map((a) => `<tr><th>${esc(a.rule)}</th><td>${esc(a.detection)}</td><td>${a.evaluated ? (a.fired ? '<span class="bad">fired</span> ' : '<span class="ok">quiet</span> ') : 'not evaluated: '}${esc(a.detail)}</td><td>${esc(a.response)}</td></tr>`).join('')}</tbody></table>
<h3>Bottlenecks and advice</h3><ul>${advice.map((a) => `<li><strong>${esc(a.area)}:</strong> ${esc(a.finding)} — ${esc(a.suggestion)}</li>`).join('')}</ul>
</section>`;
}

/** P50 and P99 markers on the latency histogram (none when no request was served). */
function latencyMarkers(r: RunResults): Array<{ value: number; label: string }> {
  const { p50Ms, p99Ms } = r.headline;
  return p50Ms === null || p99Ms === null ? [] : [{ value: p50Ms, label: 'P50' }, { value: p99Ms, label: 'P99' }];
}
