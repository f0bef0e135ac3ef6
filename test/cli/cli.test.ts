import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../simulation/cli/main';

const root = fileURLToPath(new URL('../..', import.meta.url));
const example = join(root, 'examples/optimized-rag.preflight.json');

function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('preflight CLI', () => {
  it('run prints a readable summary with the headline figures', () => {
    const r = cli('run', example, '--duration', '10m', '--warmup', '1m', '--seed', '7');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Latency (served)');
    expect(r.stdout).toMatch(/end-to-end\s+[\d.]+ (ms|s)/);
    expect(r.stdout).toContain('per query');
    expect(r.stdout).toContain('SLO');
  });

  it('run --json prints the full results, identical for the same seed', () => {
    const a = cli('run', example, '--duration', '5m', '--json', '--seed', '3');
    const b = cli('run', example, '--duration', '5m', '--json', '--seed', '3');
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const results = JSON.parse(a.stdout);
    expect(results.schemaVersion).toBe(1);
    expect(results.run.seed).toBe(3);
    expect(results.run.durationMs).toBe(300_000);
    expect(Object.keys(results.headline)).toEqual(['p50Ms', 'p95Ms', 'p99Ms', 'ttftP50Ms', 'ttftP95Ms', 'errorRate', 'availability', 'costPerQueryUsd', 'monthlyCostUsd', 'cacheHitRate', 'peakQuotaUtilisation', 'throughputRps']);
  });

  it('--requests stops after that many measured requests', () => {
    const r = cli('run', example, '--requests', '2000', '--json');
    expect(JSON.parse(r.stdout).run.requestsMeasured).toBe(2000);
  });

  it('validate accepts the examples', () => {
    const r = cli('validate', example);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('valid pipeline "Optimized RAG (retrieve 20, rerank to 5)" (7 nodes, 9 edges, 1 quota)');
  });

  it('exits 2 with every problem listed for an invalid file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'preflight-'));
    const file = join(dir, 'bad.preflight.json');
    const doc = JSON.parse(readFileSync(example, 'utf8'));
    doc.nodes[2].params.topK = 0;
    doc.traffic.rps = -1;
    writeFileSync(file, JSON.stringify(doc));
    for (const command of ['validate', 'run']) {
      const r = cli(command, file);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('is not a valid pipeline (2 problems)');
      expect(r.stderr).toContain('$.nodes[2].params.topK: got 0, expected a number ≥ 1');
      expect(r.stderr).toContain('$.traffic.rps: got -1, expected a number > 0');
    }
  });

  it('exits 2 for a missing file, bad flags and unknown commands', () => {
    expect(cli('run', 'nope.json')).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot read nope.json: no such file') });
    expect(cli('run', example, '--duration', '5x')).toMatchObject({ code: 2, stderr: expect.stringContaining('--duration: got "5x", expected a duration') });
    expect(cli('run', example, '--seed', '-3')).toMatchObject({ code: 2 });
    expect(cli('run', example, '--duration', '1h', '--requests', '5')).toMatchObject({ code: 2, stderr: expect.stringContaining('alternatives') });
    expect(cli('run', example, '--bogus')).toMatchObject({ code: 2, stderr: expect.stringContaining("Unknown option '--bogus'") });
    expect(cli('launch')).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "launch"') });
  });

  it('works as `npx preflight` from the checkout', () => {
    const r = spawnSync('npx', ['--no-install', 'preflight', 'validate', 'examples/naive-rag.preflight.json'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('valid pipeline');
  });
});
