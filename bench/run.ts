/**
 * `npm run bench`: simulation speed and memory on the optimized-RAG example. The script bundles this
 * file with esbuild and runs it on plain node: the tsx loader adds ~45 MB of RSS (transpiler and
 * source maps) that is no part of the simulator.
 * Prints simulated requests/s, events/s and peak RSS for 1 M and 10 M requests (override with
 * BENCH_REQUESTS=1000000,10000000). Timing lives here, never in pass/fail tests.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtinCatalog } from '../simulation/catalog/catalog';
import { loadPipelineOrThrow } from '../simulation/model/load';
import { Simulation } from '../simulation/engine/simulation';
import { buildResults } from '../simulation/results/build';

const file = fileURLToPath(new URL('../examples/optimized-rag.preflight.json', import.meta.url));
const doc = loadPipelineOrThrow(readFileSync(file, 'utf8'));
const counts = (process.env.BENCH_REQUESTS ?? '1000000,10000000').split(',').map(Number);

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

for (const requests of counts) {
  peakRss = process.memoryUsage().rss;
  const t0 = performance.now();
  const sim = new Simulation(doc, builtinCatalog(), { requests, warmupMs: 0, traceSampleRate: 0, traceSlowest: 0, traceFailed: 0 });
  while (!sim.advance(1_000_000)) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const results = buildResults(sim);
  const seconds = (performance.now() - t0) / 1000;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  console.log(
    [
      `${requests.toLocaleString('en-US')} requests`,
      `${(results.run.requestsArrived / seconds / 1e6).toFixed(2)} M requests/s`,
      `${(results.run.events / seconds / 1e6).toFixed(2)} M events/s`,
      `${seconds.toFixed(2)} s`,
      `peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB`,
      `P99 ${results.headline.p99Ms.toFixed(0)} ms`,
    ].join(' · '),
  );
}
clearInterval(sampler);
