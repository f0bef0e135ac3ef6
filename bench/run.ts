/**
 * `npm run bench`: simulation speed and memory on the optimized-RAG example. The script bundles this
 * file with esbuild and runs it on plain node: the tsx loader adds ~45 MB of RSS (transpiler and
 * source maps) that is no part of the simulator.
 * Prints simulated requests/s, events/s and peak RSS for 1 M and 10 M requests (override with
 * BENCH_REQUESTS=1000000,10000000), then the throughput of one run per core in parallel — how
 * replications run in the app and `preflight check` (BENCH_PARALLEL=0 skips it). Timing lives here,
 * never in pass/fail tests.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { builtinCatalog } from '../simulation/catalog/catalog';
import { loadPipelineOrThrow } from '../simulation/model/load';
import { Simulation } from '../simulation/engine/simulation';
import { buildResults } from '../simulation/results/build';

const file = fileURLToPath(new URL('../examples/optimized-rag.preflight.json', import.meta.url));
const doc = loadPipelineOrThrow(readFileSync(file, 'utf8'));

interface RunFigures {
  requests: number;
  events: number;
  p99Ms: number | null;
}

/** One run with every metric on and tracing off; `onTick` is called between chunks of events. */
function simulate(requests: number, seed: number, onTick: () => void = () => {}): RunFigures {
  const sim = new Simulation(doc, builtinCatalog(), { requests, seed, warmupMs: 0, traceSampleRate: 0, traceSlowest: 0, traceFailed: 0 });
  while (!sim.advance(1_000_000)) onTick();
  const results = buildResults(sim);
  return { requests: results.run.requestsArrived, events: results.run.events, p99Ms: results.headline.p99Ms };
}

function perSecond(n: number, seconds: number): string {
  return `${(n / seconds / 1e6).toFixed(2)} M`;
}

function sequential(counts: number[]): void {
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  for (const requests of counts) {
    peakRss = process.memoryUsage().rss;
    const t0 = performance.now();
    const r = simulate(requests, 1, () => (peakRss = Math.max(peakRss, process.memoryUsage().rss)));
    const seconds = (performance.now() - t0) / 1000;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    console.log(
      [
        `${requests.toLocaleString('en-US')} requests`,
        `${perSecond(r.requests, seconds)} requests/s`,
        `${perSecond(r.events, seconds)} events/s`,
        `${seconds.toFixed(2)} s`,
        `peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB`,
        `P99 ${r.p99Ms === null ? "—" : r.p99Ms.toFixed(0)} ms`,
      ].join(' · '),
    );
  }
  clearInterval(sampler);
}

/** One run per core at once (seeds 1…n), as replications run: combined simulated requests per second. */
async function parallel(requests: number): Promise<void> {
  const cores = availableParallelism();
  const t0 = performance.now();
  const runs = await Promise.all(
    Array.from({ length: cores }, (_, k) => new Promise<RunFigures>((resolve, reject) => {
      const worker = new Worker(new URL(import.meta.url), { workerData: { requests, seed: k + 1 } });
      worker.once('message', (r: RunFigures) => {
        resolve(r);
        void worker.terminate();
      });
      worker.once('error', reject);
    })),
  );
  const seconds = (performance.now() - t0) / 1000;
  const total = runs.reduce((s, r) => s + r.requests, 0);
  const events = runs.reduce((s, r) => s + r.events, 0);
  console.log(`${cores} × ${requests.toLocaleString('en-US')} requests in parallel (one run per core, seeds 1–${cores}) · ${perSecond(total, seconds)} requests/s combined · ${perSecond(events, seconds)} events/s · ${seconds.toFixed(2)} s`);
}

if (!isMainThread) {
  const { requests, seed } = workerData as { requests: number; seed: number };
  parentPort!.postMessage(simulate(requests, seed));
} else {
  const counts = (process.env.BENCH_REQUESTS ?? '1000000,10000000').split(',').map(Number);
  sequential(counts);
  if (process.env.BENCH_PARALLEL !== '0') await parallel(counts[0]!);
}
