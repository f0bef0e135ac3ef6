import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../simulation/cli/main';

const root = fileURLToPath(new URL('../..', import.meta.url));
const example = join(root, 'examples/optimized-rag.preflight.json');

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('preflight CLI', async () => {
  it('run prints a readable summary with the headline figures', async () => {
    const r = await cli('run', example, '--duration', '10m', '--warmup', '1m', '--seed', '7');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Latency (served)');
    expect(r.stdout).toMatch(/end-to-end\s+[\d.]+ (ms|s)/);
    expect(r.stdout).toContain('per query');
    expect(r.stdout).toContain('SLO');
  });

  it('run --json prints the full results, identical for the same seed', async () => {
    const a = await cli('run', example, '--duration', '5m', '--json', '--seed', '3');
    const b = await cli('run', example, '--duration', '5m', '--json', '--seed', '3');
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const results = JSON.parse(a.stdout);
    expect(results.schemaVersion).toBe(1);
    expect(results.run.seed).toBe(3);
    expect(results.run.durationMs).toBe(300_000);
    expect(Object.keys(results.headline)).toEqual(['p50Ms', 'p95Ms', 'p99Ms', 'ttftP50Ms', 'ttftP95Ms', 'errorRate', 'availability', 'costPerQueryUsd', 'monthlyCostUsd', 'cacheHitRate', 'peakQuotaUtilisation', 'throughputRps']);
  });

  it('--requests stops after that many measured requests', async () => {
    const r = await cli('run', example, '--requests', '2000', '--json');
    expect(JSON.parse(r.stdout).run.requestsMeasured).toBe(2000);
  });

  it('validate accepts the examples', async () => {
    const r = await cli('validate', example);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('valid pipeline "Optimized RAG (retrieve 20, rerank to 5)" (7 nodes, 9 edges, 1 quota)');
  });

  it('exits 2 with every problem listed for an invalid file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'preflight-'));
    const file = join(dir, 'bad.preflight.json');
    const doc = JSON.parse(readFileSync(example, 'utf8'));
    doc.nodes[2].params.topK = 0;
    doc.traffic.rps = -1;
    writeFileSync(file, JSON.stringify(doc));
    for (const command of ['validate', 'run']) {
      const r = await cli(command, file);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('is not a valid pipeline (2 problems)');
      expect(r.stderr).toContain('$.nodes[2].params.topK: got 0, expected a number ≥ 1');
      expect(r.stderr).toContain('$.traffic.rps: got -1, expected a number > 0');
    }
  });

  it('exits 2 for a missing file, bad flags and unknown commands', async () => {
    expect(await cli('run', 'nope.json')).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot read nope.json: no such file') });
    expect(await cli('run', example, '--duration', '5x')).toMatchObject({ code: 2, stderr: expect.stringContaining('--duration: got "5x", expected a duration') });
    expect(await cli('run', example, '--seed', '-3')).toMatchObject({ code: 2, stderr: expect.stringContaining("preflight: --seed: got a value starting with '-', and it cannot be negative") });
    expect(await cli('run', example, '--duration', '1h', '--requests', '5')).toMatchObject({ code: 2, stderr: expect.stringContaining('alternatives') });
    expect(await cli('run', example, '--bogus')).toMatchObject({ code: 2, stderr: expect.stringContaining("Unknown option '--bogus'") });
    expect(await cli('launch')).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "launch"') });
    expect(await cli('run', example, '--duration', '0')).toMatchObject({ code: 2, stderr: expect.stringContaining('--duration: got "0", expected a duration longer than 0') });
    // A usage error shows the message, that command's usage and where the options are, not the whole help.
    const bad = await cli('run', example, '--seed', 'abc');
    expect(bad.stderr.split('\n')[0]).toBe('preflight: --seed: got "abc", expected a whole number from 0 to 2,147,483,647');
    expect(bad.stderr).toContain('  preflight run <file> [--seed N]');
    expect(bad.stderr).not.toContain('preflight capacity');
    expect(bad.stderr).toContain("Run 'preflight run --help' for every option.");
  });

  it('models lists the price catalog with each price\'s source and date, by mode, and as JSON', async () => {
    const chat = await cli('models', '--mode', 'chat');
    expect(chat.code).toBe(0);
    expect(chat.stdout).toMatch(/gpt-5\.4-mini\s+openai\s+chat\s+\$0\.75 \/ \$4\.5 per 1M\s+\$0\.075 per 1M\s+400K\s+\d{4}-\d{2}-\d{2}\s+https:\/\/openai\.com\/api\/pricing\//);
    expect(chat.stdout).not.toContain('voyage/rerank-2.5');
    const all = JSON.parse((await cli('models', '--json')).stdout) as Array<{ id: string; source: string; asOf: string }>;
    expect(all.length).toBeGreaterThanOrEqual(15);
    expect(all.every((m) => m.source.startsWith('http') && /^\d{4}-\d{2}-\d{2}$/.test(m.asOf))).toBe(true);
    expect((await cli('models', '--mode', 'vision')).code).toBe(2);
  });

  it('prints each command\'s help and the version', async () => {
    const help = await cli('check', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout.startsWith('Usage:\n  preflight check <file>')).toBe(true);
    expect(help.stdout).toContain('--no-drain           stop at the horizon');
    expect(help.stdout).not.toContain('preflight roi');
    expect((await cli('run', '-h')).stdout).toContain('preflight run <file> … --otlp traces.json');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(await cli('--version')).toMatchObject({ code: 0, stdout: `preflight ${pkg.version}` });
  });

  it('works as `npx preflight` from the checkout', async () => {
    const r = spawnSync('npx', ['--no-install', 'preflight', 'validate', 'examples/naive-rag.preflight.json'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('valid pipeline');
  });
});

describe('planning commands', () => {
  const naive = join(root, 'examples/naive-rag.preflight.json');

  it('run --replications prints intervals; workers give the same figures as one thread', async () => {
    const one = await cli('run', example, '--duration', '5m', '--replications', '3', '--json');
    const two = await cli('run', example, '--duration', '5m', '--replications', '3', '--workers', '2', '--json');
    expect(one.code).toBe(0);
    expect(JSON.parse(two.stdout)).toEqual(JSON.parse(one.stdout));
    const r = JSON.parse(one.stdout);
    expect(r.seeds).toHaveLength(3);
    expect(r.headline.p99Ms.n).toBe(3);
    const text = await cli('run', example, '--duration', '5m', '--replications', '3');
    expect(text.stdout).toContain('95 % confidence intervals');
    expect(text.stdout).toMatch(/P99 latency\s+[\d.]+ s\s+± /);
  });

  it('run --until stops when the relative half-width is reached', async () => {
    const r = JSON.parse((await cli('run', example, '--duration', '5m', '--until', '5%', '--json')).stdout);
    expect(r.stoppingMet).toBe(true);
    expect(r.seeds.length).toBeGreaterThanOrEqual(5);
    // The table's intervals are at 95 %; the rule is judged at 99 %: the header says both.
    const text = (await cli('run', example, '--duration', '5m', '--until', '5%')).stdout.split('\n')[0];
    expect(text).toContain('· 95 % confidence intervals (Student t) · stopping rule met (P50/P95/P99 and cost per query within ±5 % at 99 %)');
  });

  it('sweep, tornado, compare, capacity and roi answer', async () => {
    const sweep = await cli('sweep', example, '--param', 'nodes[rerank].params.topN=3,5', '--duration', '5m');
    expect(sweep.code).toBe(0);
    expect(sweep.stdout).toContain('nodes[rerank].params.topN');
    expect((await cli('sweep', example, '--tornado', 'traffic.rps,nodes[llm].params.maxTokens', '--duration', '5m')).stdout).toContain('swing');
    // A model what-if: the model ids as they are; a model not in the catalog is that point's problem; the note says what does not change.
    const models = await cli('sweep', example, '--param', 'nodes[llm].params.model=gpt-5.4-mini,gpt-4.1,nope', '--duration', '5m', '--json');
    const points = (JSON.parse(models.stdout) as { axes: Array<{ labels: string[] }>; base: number[]; points: Array<{ headline: { monthlyCostUsd: number } | null; problem: string | null }> });
    expect(points.axes[0]!.labels).toEqual(['gpt-5.4-mini', 'gpt-4.1', 'nope']);
    expect(points.base).toEqual([0]);
    // gpt-4.1 lists at $2/$8 per M tokens against gpt-5.4-mini's $0.75/$4.50: a dearer month.
    expect(points.points[1]!.headline!.monthlyCostUsd).toBeGreaterThan(points.points[0]!.headline!.monthlyCostUsd * 1.5);
    expect(points.points[2]!.problem).toContain("model 'nope' is not in the price catalog");
    expect((await cli('sweep', example, '--param', 'nodes[llm].params.model=gpt-5.4-mini,gpt-4.1', '--duration', '5m')).stdout).toMatch(/gpt-4\.1\s+[\d.]+ s[\s\S]*changes prices and context window only: llm's ttftMs, timePerOutputTokenMs and quality/);
    const replicated = (await cli('sweep', example, '--param', 'nodes[llm].params.maxTokens=256,1024', '--duration', '5m', '--replications', '2')).stdout;
    // P50 then P99, each with its ± (a P50 is "same in all 2 runs" when both seeds' medians share a histogram bucket).
    expect(replicated).toMatch(/1024\s+[\d.]+ s (?:same in all 2 runs|± [\d.]+ m?s)\s+[\d.]+ s ± [\d.]+ m?s/);
    expect(replicated).toContain('2 replications per point (the same seeds at every point)');
    expect((await cli('sweep', example, '--param', 'nodes[nope].params.topN=1'))).toMatchObject({ code: 2, stderr: expect.stringContaining('no item with id or name "nope"') });
    const md = await cli('compare', naive, example, '--duration', '5m', '--format', 'markdown');
    expect(md.stdout).toContain('**Monthly cost will decrease by');
    const cap = await cli('capacity', example, '--duration', '10m', '--slo', 'p99=15s,429=1%');
    expect(cap.stdout).toContain('Max sustainable load');
    expect(cap.stdout).toContain('openai');
    const capReplicated = await cli('capacity', example, '--duration', '5m', '--replications', '2');
    expect(capReplicated.stdout).toMatch(/[\d.]+ s ± [\d.]+ m?s/);
    expect(capReplicated.stdout).toContain('Each point: the mean of 2 runs');
    expect(await cli('capacity', example, '--until', '5%')).toMatchObject({ code: 2, stderr: expect.stringContaining('--until is not available for capacity') });
    const roi = await cli('roi', '--seed-example');
    expect(roi.stdout).toContain('$108,750');
    expect(roi.stdout).toContain('0.48 months');
  });
});

describe('launch gate and reports', () => {
  const naive = join(root, 'examples/naive-rag.preflight.json');

  it('check exits 0 when every target holds, 1 on a breach, 2 on bad input', async () => {
    const ok = await cli('check', example, '--duration', '5m', '--replications', '3', '--slo', 'p50=5s,p95=10s,p99=20s,ttft=3s,error=1%', '--budget', '100000/month');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('✓ all checks passed');
    const breach = await cli('check', example, '--duration', '5m', '--replications', '3', '--slo', 'p99=1s');
    expect(breach.code).toBe(1);
    expect(breach.stdout).toMatch(/P99 latency\s+< 1 s\s+.*FAIL/);
    // What the pipeline has is gated too: its quota here (no cache), and what is not gated is named.
    expect(breach.stdout).toMatch(/Peak quota utilisation\s+< 80 %\s+.*pass/);
    expect(breach.stdout).not.toContain('Cache hit rate');
    expect(breach.stdout).toContain('Not gated: faithfulness and escalation rate');
    const cache = await cli('check', join(root, 'examples/fallback-chain.preflight.json'), '--duration', '5m', '--replications', '2', '--slo', 'cache=95%');
    expect(cache.stdout).toMatch(/Cache hit rate\s+> 95 %\s+.*FAIL/);
    expect((await cli('check', example, '--slo', 'p99=fast')).code).toBe(2);
    expect((await cli('check', example, '--budget', 'lots')).code).toBe(2);
    expect((await cli('check', 'nope.json')).code).toBe(2);
    const json = JSON.parse((await cli('check', example, '--duration', '5m', '--replications', '3', '--budget', '1/month', '--json')).stdout);
    expect(json.passed).toBe(false);
    expect(json.checks.find((c: { gate: string }) => c.gate === 'Monthly cost').status).toBe('fail');
  });

  it('check: a typo never switches a gate off, --confidence is honoured, a miss says by how much, and too short a run is refused', async () => {
    // error=1 would be 100 %: refused, with the way to write 1 %; a key check does not gate is refused; a key twice; a zero duration.
    const typo = await cli('check', example, '--slo', 'error=1');
    expect(typo).toMatchObject({ code: 2, stderr: expect.stringContaining('a bare number is a share from 0 to 1 (0.01 = 1 %), so 1 would mean 100 %; write 1% for 1 percent') });
    expect((await cli('check', example, '--slo', '429=1%')).stderr).toContain('key one of p50, p95, p99, ttft, error, availability, cache, quota');
    expect((await cli('check', example, '--slo', 'p99=5s,p99=3s')).stderr).toContain('p99 is given twice');
    expect((await cli('check', example, '--slo', 'p99=0ms')).stderr).toContain('a duration above 0');
    // A bare duration would be seconds (p99=500 is 8.3 min); two '='; targets a strict gate never meets.
    expect((await cli('check', example, '--slo', 'p99=500')).stderr).toContain('expected a duration with its unit, such as 500ms or 500s');
    expect((await cli('check', example, '--slo', 'p99=5s=7')).stderr).toContain('expected one key=value');
    expect((await cli('check', example, '--slo', 'error=0')).stderr).toContain("error=0 can never be met: the gate is 'error < target'");
    expect((await cli('check', example, '--slo', 'availability=100%')).stderr).toContain("can never be met: the gate is 'availability > target'");
    expect((await cli('check', example, '--slo', 'availability=1')).stderr).toContain('give the lowest share you accept, e.g. 99.9%');
    expect((await cli('check', example, '--confidence', '1')).stderr).toContain('expected a level from 50% to 99.9%');
    expect((await cli('check', example, '--duration', '1ms')).stderr).toContain('too few to gate percentiles or rates');
    expect((await cli('diff', example, example, '--replications', '3')).stderr).toContain('runs each side once with the same seed');
    const tiny = (await cli('run', example, '--duration', '1ms')).stdout;
    expect(tiny).toContain('! Only 0 measured requests');
    expect(tiny).toContain('Latency: no request was served, so there is no latency to report.');
    expect(tiny).not.toMatch(/end-to-end\s+0 ms/);
    const strict = await cli('check', example, '--duration', '5m', '--replications', '3', '--confidence', '99%', '--slo', 'p99=1s', '--budget', '1/month', '--json');
    const report = JSON.parse(strict.stdout);
    expect(report.confidence).toBe(0.99);
    expect(report.seeds).toHaveLength(3);
    const table = await cli('check', example, '--duration', '5m', '--replications', '3', '--slo', 'p99=1s,error=1%', '--budget', '1000/month');
    expect(table.stdout).toMatch(/Monthly cost\s+< \$1,000\s+\$[\d,]+ ± \$[\d,]+\s+FAIL: over by \$[\d,]+ \(\+\d+ %\)/);
    expect(table.stdout).toMatch(/P99 latency\s+< 1 s\s+.*FAIL: over by [\d.]+ s \(\+\d+ %\)/);
  });

  it('a pipeline that serves nothing has no latency: latency targets fail, they do not pass at 0 ms', async () => {
    const doc = JSON.parse(readFileSync(example, 'utf8'));
    const llm = doc.nodes.find((n: { id: string }) => n.id === 'llm');
    llm.params.errorProbability = 1;
    llm.params.retry = { numRetries: 0 };
    const file = join(mkdtempSync(join(tmpdir(), 'preflight-allfail-')), 'allfail.json');
    writeFileSync(file, JSON.stringify(doc));
    const run = JSON.parse((await cli('run', file, '--requests', '2000', '--json')).stdout);
    expect(run.outcomes.served).toBe(0);
    expect([run.headline.p50Ms, run.headline.p95Ms, run.headline.p99Ms, run.headline.ttftP50Ms, run.headline.ttftP95Ms]).toEqual([null, null, null, null, null]);
    const p99 = run.slo.checks.find((c: { metric: string }) => c.metric === 'p99Ms');
    expect(p99).toMatchObject({ actual: null, pass: false });
    expect((await cli('run', file, '--requests', '2000')).stdout).toMatch(/✗ P99 latency < 5 s: no request served/);
    const check = await cli('check', file, '--requests', '2000', '--replications', '2', '--slo', 'p99=5s,error=100%');
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/P99 latency\s+< 5 s\s+no request served in 2 of 2 replications\s+FAIL/);
    const json = JSON.parse((await cli('check', file, '--requests', '2000', '--replications', '2', '--json')).stdout);
    expect(json.checks.find((c: { figure: string }) => c.figure === 'p50Ms')).toMatchObject({ mean: null, status: 'fail' });
  });

  it('roi refuses a horizon that cuts the month of incidents short instead of understating downtime', async () => {
    const cut = await cli('roi', '--requests', '10000', '--replications', '2');
    expect(cut.code).toBe(2);
    expect(cut.stderr).toMatch(/the run stopped taking requests at [\d.]+ h \(warm-up included\), before its fault scenario's last incident ends at 5\.75 h/);
    expect(cut.stderr).toContain('(--duration 335m)');
    expect((await cli('roi', '--duration', '334m', '--replications', '2')).code).toBe(2);
    const whole = await cli('roi', '--duration', '335m', '--replications', '2');
    expect(whole.code).toBe(0);
    expect(whole.stdout).toContain('Maturity ROI');
  });

  it("a quota's tokens per query and monthly query capacity do not depend on the run's length", async () => {
    const tokens = async (...horizon: string[]) => JSON.parse((await cli('run', example, ...horizon, '--json')).stdout).quotas[0].tokensPerQuery as number;
    const [short, long] = [await tokens('--requests', '2000'), await tokens('--duration', '1h')];
    // Both are estimates of one mean (~1,720 tokens); a short run used to lose its partial minutes (+18 % capacity).
    expect(Math.abs(short / long - 1)).toBeLessThan(0.02);
  });

  it('says when failed LLM attempts are billed, and stops saying it when billFailedAttempts is off', async () => {
    const doc = JSON.parse(readFileSync(example, 'utf8'));
    const llm = doc.nodes.find((n: { id: string }) => n.id === 'llm');
    llm.params.errorProbability = 0.05;
    const dir = mkdtempSync(join(tmpdir(), 'preflight-billing-'));
    writeFileSync(join(dir, 'on.json'), JSON.stringify(doc));
    llm.params.billFailedAttempts = false;
    writeFileSync(join(dir, 'off.json'), JSON.stringify(doc));
    const on = JSON.parse((await cli('run', join(dir, 'on.json'), '--requests', '3000', '--json')).stdout);
    const node = on.nodes.find((n: { id: string }) => n.id === 'llm');
    const failed = node.attempts - node.ok - node.rateLimited;
    expect(failed).toBeGreaterThan(0);
    expect(on.notes).toContain(`Failed LLM attempts (5xx, timeouts; ${failed.toLocaleString('en-US')} at llm) are billed for their input tokens (and a timeout for the output generated so far), as billFailedAttempts is on; many providers do not charge for 5xx errors: set it off on the node to leave them out. 429s are never billed.`);
    const off = JSON.parse((await cli('run', join(dir, 'off.json'), '--requests', '3000', '--json')).stdout);
    expect(off.notes.some((n: string) => n.startsWith('Failed LLM attempts'))).toBe(false);
    expect(off.cost.monthlyUsd).toBeLessThan(on.cost.monthlyUsd);
  });

  it('diff prints an Infracost-style Markdown comment for a known pair', async () => {
    const r = await cli('diff', naive, example, '--duration', '5m', '--seed', '2');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('### Preflight: Naive RAG (retrieve 20, send 20) → Optimized RAG (retrieve 20, rerank to 5)');
    expect(r.stdout).toMatch(/\*\*Monthly cost will decrease by \$[\d,]+\*\* — \$[\d,]+ → \$[\d,]+ \(−\d+(\.\d+)? %\)/);
    expect(r.stdout).toContain('| Rerank 20 → 5 (rerank) (added) | usage | $0 |');
    expect(r.stdout).toContain('| Fixed cost / month | $2,000 | $2,000 | ±$0 |');
    expect(r.stdout).toMatch(/\| Peak quota utilisation \| [\d.]+ % \| [\d.]+ % \| −[\d.]+ pp \|/);
    // The other way round the head pipeline overloads its TPM quota: the comment says so.
    const back = await cli('diff', example, naive, '--duration', '5m', '--seed', '2');
    expect(back.stdout).toMatch(/\| Peak quota utilisation \| [\d.]+ % \| [\d.]+ % \| \+[\d.]+ pp \|/);
    expect(back.stdout).toContain('**Warnings for Naive RAG (retrieve 20, send 20):**');
    expect(back.stdout).toMatch(/- ⚠ quota 'openai' is offered \d+ % of its tpm(-reserved)? capacity/);
    expect(r.stdout).not.toContain('**Warnings for');
  });

  it('report writes a self-contained HTML file and CSV/JSON beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'preflight-report-'));
    const out = join(dir, 'report.html');
    const r = await cli('report', example, '--out', out, '--duration', '5m', '--replications', '2', '--no-capacity', '--csv', join(dir, 'run'));
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Optimized RAG (retrieve 20, rerank to 5) — launch report');
    expect(readFileSync(join(dir, 'run-headline.csv'), 'utf8')).toContain('p99Ms,');
    expect(JSON.parse(readFileSync(join(dir, 'run-results.json'), 'utf8')).replicated.seeds).toHaveLength(2);
    expect((await cli('report', example, '--out', join(dir, 'r.docx'))).code).toBe(2);
    // check's targets judge the report's verdict too, and they are in the command that reproduces it.
    const judged = join(dir, 'judged.html');
    expect((await cli('report', example, '--out', judged, '--duration', '5m', '--replications', '2', '--no-capacity', '--slo', 'p99=10s', '--budget', '30k', '--csv', join(dir, 'judged'))).code).toBe(0);
    const results = JSON.parse(readFileSync(join(dir, 'judged-results.json'), 'utf8')).results;
    expect(results.slo.checks.find((c: { metric: string }) => c.metric === 'p99Ms').target).toBe(10_000);
    expect(results.slo.checks.find((c: { metric: string }) => c.metric === 'monthlyBudgetUsd').target).toBe(30_000);
    expect(readFileSync(judged, 'utf8')).toContain('--slo p99=10s --budget 30k');
    expect((await cli('report', example, '--out', judged, '--slo', 'error=1')).code).toBe(2);
    // A model what-if in the report says what the model change leaves alone, as sweep does.
    const models = join(dir, 'models.html');
    expect((await cli('report', example, '--out', models, '--duration', '5m', '--replications', '2', '--no-capacity', '--param', 'nodes[llm].params.model=gpt-5.4-mini,gpt-4.1')).code).toBe(0);
    expect(readFileSync(models, 'utf8')).toContain('Changing nodes[llm].params.model changes prices and context window only: llm&#39;s ttftMs, timePerOutputTokenMs and quality are its own parameters');
  });

  it('report recomputes what-ifs: a two-parameter sweep from two --heatmap flags, a tornado at --spread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'preflight-report-'));
    const out = join(dir, 'report.html');
    const r = await cli('report', example, '--out', out, '--duration', '5m', '--replications', '2', '--no-capacity', '--heatmap', 'traffic.rps=5,10', '--heatmap', 'nodes[llm].params.maxTokens=256,512', '--tornado', 'nodes[llm].params.maxTokens', '--spread', '50%');
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('What-if: traffic · arrival rate × Answer (gpt-5.4-mini) (llm) · max tokens');
    expect(html).toContain('512 tokens → 1,536 tokens'); // maxTokens 1024 ± 50 %
    expect(html).toContain('<h3>Sensitivity (±50 %)</h3>');
    // A replicated sweep: each point's mean with its ±, as the app's what-if section shows it.
    const replicated = await cli('report', example, '--out', out, '--duration', '5m', '--replications', '2', '--no-capacity', '--param', 'nodes[llm].params.maxTokens=256,1024', '--sweep-replications', '3');
    expect(replicated.code).toBe(0);
    const planning = readFileSync(out, 'utf8');
    expect(planning).toContain('Mean of 3 runs per point (the same seeds at every point), ± the 95 % interval.');
    expect(planning).toMatch(/<td>[\d.]+ s <span class="ci">± [\d.]+ m?s<\/span><\/td>/);
    expect((await cli('report', example, '--out', out, '--sweep-replications', '3')).code).toBe(2);
    expect((await cli('report', example, '--out', out, '--heatmap', 'traffic.rps=5,10')).stderr).toMatch(/--heatmap: give it exactly twice/);
    expect((await cli('report', example, '--out', out, '--spread', '30%')).code).toBe(2);
  });
});

describe('formats in and out', () => {
  const fixtures = join(root, 'test/fixtures');

  it('imports a LiteLLM price map and proxy config, exports OTLP and calibrates from it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'preflight-io-'));
    const prices = await cli('import', 'litellm-prices', join(fixtures, 'litellm/model-prices-edge-cases.json'), '--recorded-on', '2026-11-27', '--out', join(dir, 'models.json'));
    expect(prices.code).toBe(0);
    expect(prices.stderr).toMatch(/imported \d+ models/);
    expect(JSON.parse(readFileSync(join(dir, 'models.json'), 'utf8')).every((m: { asOf: string }) => m.asOf === '2026-11-27')).toBe(true);
    const config = await cli('import', 'litellm-config', join(fixtures, 'litellm/proxy-config.yaml'), '--out', join(dir, 'imported.preflight.json'));
    expect(config.code).toBe(0);
    expect((await cli('validate', join(dir, 'imported.preflight.json'))).code).toBe(0);
    const otlp = join(dir, 'traces.json');
    expect((await cli('run', example, '--duration', '10m', '--otlp', otlp, '--otlp-start', '2026-01-01T00:00:00Z')).code).toBe(0);
    const exported = JSON.parse(readFileSync(otlp, 'utf8'));
    expect(exported.resourceSpans).toHaveLength(1);
    const cal = await cli('calibrate', otlp);
    expect(cal.code).toBe(0);
    expect(cal.stdout).toContain('gpt-5.4-mini');
    expect((await cli('calibrate', otlp, '--apply', example, '--node', 'llm', '--out', join(dir, 'calibrated.json'))).code).toBe(0);
    expect((await cli('validate', join(dir, 'calibrated.json'))).code).toBe(0);
    expect((await cli('import', 'something', example)).code).toBe(2);
  });
});
