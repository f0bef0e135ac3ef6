import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../simulation/catalog/catalog';
import { runReplications } from '../../../simulation/analysis/replications';
import { searchMaxLoad } from '../../../simulation/analysis/load-search';
import { reportHtml } from '../../../simulation/report/html';
import { headlineCsv, nodesCsv, seriesCsv, toCsv } from '../../../simulation/report/csv';
import { sha256Hex } from '../../../simulation/util/sha256';
import { example, exampleText } from '../../helpers/pipelines';

const doc = example('optimized-rag');
const catalog = builtinCatalog();
const replicated = runReplications(doc, catalog, { durationMs: 600_000, warmupMs: 60_000 }, { replications: 3, confidence: 0.95, stopping: null });
const capacity = searchMaxLoad(doc, catalog, { p99Ms: 20_000, rateLimitedShare: 0.01 }, { durationMs: 300_000, warmupMs: 60_000 });
const html = reportHtml({
  doc,
  catalog,
  results: replicated.representative,
  replicated,
  capacity,
  roi: null,
  whatIfs: null,
  meta: { appVersion: '0.1.0', fileHash: sha256Hex(exampleText('optimized-rag')), fileName: 'optimized-rag.preflight.json', generatedAt: '2026-11-27T12:00:00.000Z', command: 'npx preflight report examples/optimized-rag.preflight.json --out r.html' },
});

/** Reads `data-figure` cells back out of the HTML. */
function figures(text: string): Map<string, { value: number; low?: number; high?: number }> {
  const out = new Map<string, { value: number; low?: number; high?: number }>();
  for (const m of text.matchAll(/data-figure="([^"]+)" data-value="([^"]*)"(?: data-low="([^"]*)" data-high="([^"]*)")?/g)) {
    if (!out.has(m[1]!) && m[2] !== '') out.set(m[1]!, { value: Number(m[2]), ...(m[3] !== undefined ? { low: Number(m[3]), high: Number(m[4]) } : {}) });
  }
  return out;
}

describe('launch report (HTML)', () => {
  it('carries the figures of the run it claims, with their intervals', () => {
    const f = figures(html);
    for (const key of ['p50Ms', 'p95Ms', 'p99Ms', 'errorRate', 'costPerQueryUsd', 'monthlyCostUsd'] as const) {
      const ci = replicated.headline[key]!;
      expect(f.get(key)!.value).toBe(ci.mean);
      expect(f.get(key)!.low).toBe(ci.low);
      expect(f.get(key)!.high).toBe(ci.high);
    }
    const embedded = JSON.parse(/<script type="application\/json" id="preflight-results">(.*?)<\/script>/s.exec(html)![1]!);
    expect(embedded.results.headline).toEqual(replicated.representative.headline);
    expect(embedded.meta.fileHash).toBe(sha256Hex(exampleText('optimized-rag')));
  });

  it('is one self-contained file: inline SVG charts and styles, no scripts or external resources', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script(?![^>]*type="application\/json")/);
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect((html.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(6);
  });

  it('has every section a launch review needs', () => {
    for (const id of ['summary', 'pipeline', 'cost', 'capacity', 'latency', 'reliability', 'alerts', 'checklist', 'assumptions']) expect(html).toContain(`<section id="${id}">`);
    expect(html).toContain('Max sustainable load');
    expect(html).toContain(`data-figure="maxSustainableRps" data-value="${capacity.maxRps}"`);
    expect(html).toContain('Fallback chain configured');
    expect(html).toContain('https://openai.com/api/pricing/');
    expect(html).toContain(`seed ${doc.run.seed}`);
    expect(html).toContain('SHA-256');
    expect(html).toContain('3 independent replications');
  });
});

describe('CSV exports', () => {
  it('quote fields that need it', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', null]])).toBe('a,"b,c","say ""hi""",\r\n');
  });

  it('hold the headline with intervals, per-node figures and the series', () => {
    const h = headlineCsv(replicated.representative, replicated).trim().split('\r\n');
    expect(h[0]).toBe('figure,value,ci_low,ci_high,confidence,replications');
    expect(h.find((l) => l.startsWith('p99Ms,'))).toBe(`p99Ms,${replicated.headline.p99Ms!.mean},${replicated.headline.p99Ms!.low},${replicated.headline.p99Ms!.high},0.95,3`);
    expect(nodesCsv(replicated.representative).split('\r\n')).toHaveLength(doc.nodes.length + 2);
    const series = seriesCsv(replicated.representative).trim().split('\r\n');
    expect(series).toHaveLength(replicated.representative.series.points + 1);
    expect(series[0]).toContain('openai_utilisation');
  });
});
