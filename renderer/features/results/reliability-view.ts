import { formatCount, formatMs, formatUsd, type RunResults } from '../../../simulation/index';
import type { Figure } from './figures';
import { minuteLabel } from './figures';
import { checkStatus } from './headline-cards';
import { faultTargetName, nodeName } from './node-label';
import { formatShare } from '../analysis/precision';

type BreakerResult = RunResults['reliability']['breakers'][number];
type FaultWindow = RunResults['reliability']['faults'][number];

const nameOf = (r: RunResults, id: string | null) => (id === null ? '—' : nodeName(r.nodes, id));

/** Retries ÷ first attempts over every call node, the counts behind the run's retry rate. */
function firstAttempts(r: RunResults): number {
  return r.nodes.reduce((s, n) => s + Math.max(0, n.attempts - n.retries), 0);
}

/** The reliability figures of issue #4 beside the headline: availability, downtime, retries, fallbacks, breakers. */
export function reliabilityFigures(r: RunResults): Figure[] {
  const o = r.outcomes;
  const rel = r.reliability;
  const finished = o.served + o.failed + o.escalated;
  const availability = r.slo.checks.find((c) => c.metric === 'availability');
  const first = firstAttempts(r);
  const servedWithFallback = rel.fallbackDepth.one + rel.fallbackDepth.two + rel.fallbackDepth.threeOrMore;
  const openMs = rel.breakers.reduce((s, b) => s + b.timeOpenMs, 0);
  const opened = rel.breakers.reduce((s, b) => s + b.timesOpened, 0);
  const figures: Figure[] = [
    {
      key: 'availability',
      label: 'Availability',
      value: formatShare(o.availability),
      sub: `${formatCount(o.failed)} of ${formatCount(finished)} finished requests failed`,
      tone: checkStatus(availability),
      explanation: {
        title: 'Availability (request-based)',
        formula: `(served + escalated) ÷ finished = ${formatCount(o.served + o.escalated)} ÷ ${formatCount(finished)} = ${formatShare(o.availability)}`,
        details: ['A request handed to a human (escalated) still got an answer; a failed one did not.', availability ? `Target: > ${formatShare(availability.target)}.` : 'No availability target.'],
      },
    },
    {
      key: 'downtime',
      label: 'Downtime',
      value: `${o.downtimeMinutes} min`,
      sub: `of ${o.measuredMinutes} measured minutes`,
      tone: o.downtimeMinutes > 0 ? 'fail' : 'pass',
      explanation: {
        title: 'Downtime minutes',
        formula: `measured minutes with error rate > 50 % = ${o.downtimeMinutes} of ${o.measuredMinutes}`,
        details: ['The seed\'s "system down": a minute in which more than half of the finished requests failed.', 'A fault whose fallback keeps answering does not count as downtime: that is what a fallback chain buys.'],
      },
    },
    {
      key: 'retryRate',
      label: 'Retry rate',
      value: formatShare(o.retryRate),
      sub: `${formatCount(o.retries)} retries`,
      tone: 'none',
      explanation: {
        title: 'Retry rate',
        formula: `retries ÷ first attempts = ${formatCount(o.retries)} ÷ ${formatCount(first)} = ${formatShare(o.retryRate)}`,
        details: ['Over every call node; each retry pays again and counts against the quota.', ...r.nodes.filter((n) => n.retries > 0).map((n) => `${n.name}: ${formatCount(n.retries)} retries of ${formatCount(n.attempts)} attempts`)],
      },
    },
    {
      key: 'fallbackShare',
      label: 'Fallback share',
      value: formatShare(rel.fallbackShare),
      sub: `${formatCount(servedWithFallback)} of ${formatCount(o.served)} served`,
      tone: 'none',
      explanation: {
        title: 'Share of answers from a fallback',
        formula: `served after ≥ 1 fallback step ÷ served = ${formatCount(servedWithFallback)} ÷ ${formatCount(o.served)} = ${formatShare(rel.fallbackShare)}`,
        details: ['A fallback step is an error port or a breaker\'s open port taken on the way to the answer.', `Depth: 1 step ${formatCount(rel.fallbackDepth.one)}, 2 steps ${formatCount(rel.fallbackDepth.two)}, 3 or more ${formatCount(rel.fallbackDepth.threeOrMore)}.`],
      },
    },
  ];
  if (rel.breakers.length) {
    figures.push({
      key: 'breakerOpen',
      label: 'Breaker open time',
      value: formatMs(openMs),
      sub: `opened ${opened}× in all`,
      tone: 'none',
      explanation: {
        title: 'Time breakers spent open',
        formula: `Σ time open within the measured window = ${rel.breakers.map((b) => `${nameOf(r, b.nodeId)} ${formatMs(b.timeOpenMs)}`).join(' + ')} = ${formatMs(openMs)}`,
        details: ['While open, requests take the open (degraded) port without calling the protected node; half-open time (trial calls) is not included.', ...rel.breakers.map((b) => `${nameOf(r, b.nodeId)}: half-open ${formatMs(b.timeHalfOpenMs)}, ${b.stateAtEnd} at the end`)],
      },
    });
  }
  if (rel.servedAfterDeadline > 0) {
    figures.push({
      key: 'servedAfterDeadline',
      label: 'Answers after the deadline',
      value: formatCount(rel.servedAfterDeadline),
      sub: 'counted as deadline_exceeded errors',
      tone: 'fail',
      explanation: { title: 'Answers that arrived after the request deadline', formula: `answers later than the traffic class's deadline = ${formatCount(rel.servedAfterDeadline)}`, details: ['The user had given up: the answer was paid for but counts as a failure.'] },
    });
  }
  return figures;
}

export interface DepthBar {
  label: string;
  count: number;
  share: number;
}

/** Served requests by fallback steps taken, with each bucket's share of the served. */
export function fallbackDepthBars(r: RunResults): DepthBar[] {
  const d = r.reliability.fallbackDepth;
  const total = d.none + d.one + d.two + d.threeOrMore;
  const bar = (label: string, count: number) => ({ label, count, share: total ? count / total : 0 });
  return [bar('no fallback', d.none), bar('1 step', d.one), bar('2 steps', d.two), bar('3 or more', d.threeOrMore)];
}

export interface BreakerRow extends BreakerResult {
  name: string;
  protectsName: string;
  /** timeOpenMs ÷ the measured window. */
  openShare: number;
  savedFormula: string;
}

export function breakerRows(r: RunResults): BreakerRow[] {
  return r.reliability.breakers.map((b) => ({
    ...b,
    name: nameOf(r, b.nodeId),
    protectsName: nameOf(r, b.protects),
    openShare: r.run.durationMs > 0 ? b.timeOpenMs / r.run.durationMs : 0,
    savedFormula: `${formatCount(b.shortCircuited)} short-circuited × ${formatUsd(b.meanDoomedCallUsd)} mean cost of a failed call = ${formatUsd(b.moneySavedUsd)}`,
  }));
}

export interface FaultRow extends FaultWindow {
  targetName: string;
  durationMs: number;
  when: string;
}

export function faultRows(r: RunResults): FaultRow[] {
  return r.reliability.faults.map((f) => ({
    ...f,
    targetName: faultTargetName(r.nodes, f),
    durationMs: f.endMs - f.startMs,
    when: `${minuteLabel(f.startMs)} – ${Number((f.endMs / 60_000).toFixed(1))}`,
  }));
}

/** Runs of consecutive buckets in which a share is above zero: [first bucket, last bucket]. */
export function openRuns(shares: readonly number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  shares.forEach((v, i) => {
    if (!(v > 0)) return;
    const last = runs[runs.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else runs.push([i, i]);
  });
  return runs;
}

export interface TimelineEvent {
  atMs: number;
  text: string;
  tone: 'fault' | 'breaker' | 'down';
}

/**
 * What happened when, in words, under the timeline: faults starting and ending, breakers open, down
 * minutes. A screen-reader user (and the e2e test) reads the breaker opening here.
 */
export function timelineEvents(r: RunResults): TimelineEvent[] {
  const s = r.series;
  const events: TimelineEvent[] = [];
  for (const f of r.reliability.faults) {
    const target = faultTargetName(r.nodes, f);
    events.push({ atMs: f.startMs, tone: 'fault', text: `${f.type} on ${target} starts (${f.id})` });
    events.push({ atMs: f.endMs, tone: 'fault', text: `${f.type} on ${target} ends${f.mitigated ? ', mitigated by the team (detection + mitigation time)' : ''}` });
  }
  for (const [id, lines] of Object.entries(s.breakers)) {
    for (const [from, to] of openRuns(lines.openShare ?? [])) {
      const shorted = (lines.shortCircuited ?? []).slice(from, to + 1).reduce((a, b) => a + b, 0);
      events.push({ atMs: from * s.bucketMs, tone: 'breaker', text: `circuit breaker ${nameOf(r, id)} opens; open until ${minuteLabel((to + 1) * s.bucketMs)} at the latest, ${formatCount(shorted)} requests short-circuited to its open path` });
    }
  }
  const down = openRuns(s.errorRate.map((e, i) => (i * s.bucketMs >= s.warmupEndMs && (e ?? 0) > 0.5 ? 1 : 0)));
  for (const [from, to] of down) events.push({ atMs: from * s.bucketMs, tone: 'down', text: `system down (error rate > 50 %) until ${minuteLabel((to + 1) * s.bucketMs)}` });
  return events.sort((a, b) => a.atMs - b.atMs);
}
