import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../simulation/catalog/catalog';
import { runReplications } from '../../../simulation/analysis/replications';
import { searchMaxLoad, type LoadPoint, type LoadSearchResult } from '../../../simulation/analysis/load-search';
import { COST_TYPE_LABELS } from '../../../simulation/metrics/cost-types';
import { keepSmallTables, reportHtml } from '../../../simulation/report/html';
import type { ReportInput } from '../../../simulation/report/report-input';
import { example } from '../../helpers/pipelines';

const doc = example('optimized-rag');
const catalog = builtinCatalog();
const replicated = runReplications(doc, catalog, { durationMs: 300_000, warmupMs: 60_000 }, { replications: 3, confidence: 0.9, stopping: null });
const META: ReportInput['meta'] = { appVersion: '0.1.0', fileHash: 'ab'.repeat(32), fileName: 'optimized-rag.preflight.json', generatedAt: '2026-11-27T12:00:00.000Z', command: 'npx preflight report examples/optimized-rag.preflight.json --out r.pdf' };
const input = (over: Partial<ReportInput> = {}): ReportInput => ({ doc, catalog, results: replicated.representative, replicated, capacity: null, roi: null, whatIfs: null, meta: META, ...over });
const html = reportHtml(input());
const section = (text: string, id: string) => new RegExp(`<section id="${id}">([\\s\\S]*?)</section>`).exec(text)![1]!;

const point = (multiplier: number, p99Ms: number, breaks: string[]): LoadPoint => ({ multiplier, rps: 5 * multiplier, p99Ms, costPerQueryUsd: 0.003, costPerServedQueryUsd: 0.003, errorRate: 0, rateLimitedShare: 0, peakUtilisation: 0.1 * multiplier, limitingQuota: 'openai', breaks, replications: 1, p99HalfWidthMs: null, costPerQueryHalfWidthUsd: null });
const search = (over: Partial<LoadSearchResult>): LoadSearchResult => ({ criteria: { p99Ms: 5000, errorRate: 0.01, rateLimitedShare: 0.01 }, baseRps: 5, bound: 'capacity', maxMultiplier: 0, maxRps: 0, limitedBy: { criterion: null, quota: null, node: null }, points: [], iterations: 0, replications: 1, confidence: 0.95, note: '', ...over });

describe('launch report as printed', () => {
  it('says what was run: the replications, their seeds and the confidence level — not "one run"', () => {
    const assumptions = section(html, 'assumptions');
    expect(assumptions).toContain(`3 independent replications with seeds ${replicated.seeds.join(', ')}`);
    expect(assumptions).toContain('90 % Student-t confidence intervals');
    expect(assumptions).toContain('replication 1 of 3');
    const visible = html.replace(/<script[\s\S]*<\/script>/, '');
    expect(visible).not.toMatch(/no replications|one run/i);
    const single = reportHtml(input({ replicated: null }));
    expect(section(single, 'assumptions')).toContain(`One run with seed ${doc.run.seed} (no replications: no confidence intervals).`);
  });

  it('breaks only command lines and hashes anywhere, never ordinary words', () => {
    expect(html).not.toContain('break-all');
    expect(html).toContain('footer code,footer [data-file-hash]{overflow-wrap:anywhere}');
  });

  it('names cost types for people, with the unit in the heading', () => {
    const cost = section(html, 'cost');
    for (const label of Object.values(COST_TYPE_LABELS)) expect(cost).toContain(`>${label}</th>`);
    expect(cost).toContain('Cached input');
    expect(cost).toContain('Per-request fees');
    expect(cost).not.toMatch(/<th[^>]*>(cachedInput|cacheWrite|request)<\/th>/);
    expect(cost).toContain('Usage cost by node (USD a month)');
  });

  it('keeps headings with what follows, small tables whole and status cells on one line', () => {
    expect(html).toContain('h2,h3{break-after:avoid;page-break-after:avoid}');
    expect(html).toMatch(/table\.keep,tr,svg[^{]*\{break-inside:avoid/);
    expect(keepSmallTables('<table><tr><td>a</td></tr></table><table class="params"><tr><td>b</td></tr></table>')).toBe('<table class="keep"><tr><td>a</td></tr></table><table class="params keep"><tr><td>b</td></tr></table>');
    const long = `<table>${'<tr><td>row</td></tr>'.repeat(30)}</table>`;
    expect(keepSmallTables(long)).toBe(long);
    expect(section(html, 'checklist')).toMatch(/<td class="status" data-check="[^"]+" data-value="missing"><span class="bad">✗ missing<\/span><\/td>/);
    expect(html).toContain('td.status,.nowrap{white-space:nowrap}');
  });

  it('prints prices per 1M tokens with their significant digits, and no output price for embedding and rerank models', () => {
    const rows = (text: string) => Object.fromEntries([...section(text, 'assumptions').matchAll(/<tr><th>([^<]+)<\/th>((?:<td[^>]*>[^<]*<\/td>){4})/g)].map((m) => [m[1], [...m[2]!.matchAll(/>([^<]*)<\/td>/g)].map((c) => c[1])]));
    const prices = rows(html);
    expect(prices['text-embedding-3-small']).toEqual(['$0.02', '—', '—', '—']);
    expect(prices['voyage/rerank-2.5']).toEqual(['$0.05', '—', '—', '—']);
    expect(prices['gpt-5.4-mini']).toEqual(['$0.75', '$4.50', '$0.075', '—']);
    const embed = catalog.get('text-embedding-3-small')!;
    const tiny = reportHtml(input({ catalog: catalog.with([{ ...embed, inputUsdPerToken: 1.5e-11 }]) }));
    expect(rows(tiny)['text-embedding-3-small']![0]).toBe('$0.000015');
    expect(tiny).not.toContain('$0.000<');
  });

  it('12-month projection: every month labelled, in order', () => {
    const months = [...section(html, 'cost').matchAll(/>(M\d+)<\/text>/g)].map((m) => m[1]);
    expect(months).toEqual(Array.from({ length: 12 }, (_, i) => `M${i + 1}`));
  });
});

describe('capacity section', () => {
  const capacity = (cap: LoadSearchResult) => section(reportHtml(input({ capacity: cap })), 'capacity');

  it('latency-bound: no sustainable load, and why — not a tiny req/s', () => {
    const text = capacity(search({ bound: 'latency', limitedBy: { criterion: 'p99Ms', quota: null, node: 'llm' }, points: [point(1 / 16, 7310, ['p99Ms']), point(1 / 8, 7400, ['p99Ms']), point(1 / 4, 7500, ['p99Ms']), point(1 / 2, 7600, ['p99Ms']), point(1, 7700, ['p99Ms'])], note: 'P99 over target even at 1/16 of the traffic' }));
    expect(text).toContain('Max sustainable load: <span data-figure="maxSustainableRps" data-value="0">none</span>');
    expect(text).toContain("P99 misses its 5 s target (7.31 s) even at 1/16 of the traffic (0.313 req/s), where nothing queues: the pipeline's own latency, not capacity, is what breaks the SLO");
    expect(text).toContain('slowest node Answer (gpt-5.4-mini) (llm)');
    expect(text).toContain('>1/16×</text>');
    expect(text).toContain('P99 target 5 s');
  });

  it('a real latency-bound search (the example at its 5 s P99 target) reads as none, with data-value 0', () => {
    const cap = searchMaxLoad(doc, catalog, { p99Ms: 5000, rateLimitedShare: 0.01 }, { durationMs: 300_000, warmupMs: 60_000 });
    expect(cap.bound).toBe('latency');
    const text = capacity(cap);
    expect(text).toContain('Max sustainable load: <span data-figure="maxSustainableRps" data-value="0">none</span>');
    expect(text).toContain('even at 1/16 of the traffic');
    expect(text).not.toMatch(/\d\.\d{4,}×|0\.00\d+ req\/s/);
  });

  it('unbounded: no break up to the top of the search, with the rate it means', () => {
    const points = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024].map((k) => point(k, 3000, []));
    const text = capacity(search({ bound: 'none', maxMultiplier: 1024, maxRps: 5120, points, note: 'no break up to 1,024× the traffic' }));
    expect(text).toContain('Max sustainable load: at least <span data-figure="maxSustainableRps" data-value="5120">5,120 req/s</span>');
    expect(text).toContain('no break up to 1,024× the traffic');
    expect(text).toContain('>1,024×</text>');
  });

  it('capacity-bound: the rate, the multiplier and what broke; tick labels readable', () => {
    const points = [point(1, 3000, []), point(2, 3200, []), point(4, 9000, ['p99Ms', 'rateLimitedShare']), point(3, 4000, []), point(3.5, 6000, ['p99Ms'])];
    const text = capacity(search({ bound: 'capacity', maxMultiplier: 3, maxRps: 15, limitedBy: { criterion: 'p99Ms', quota: 'openai', node: 'llm' }, points, note: 'bisection to 2 % with one seed (common random numbers)' }));
    expect(text).toContain(`<span data-figure="maxSustainableRps" data-value="15">15 req/s</span></strong> (3× today's 5 req/s of arrivals, measured over the run), limited by P99 latency; busiest quota openai; slowest node Answer (gpt-5.4-mini) (llm).`);
    expect(text).not.toMatch(/\d\.\d{4,}×/);
  });
});
