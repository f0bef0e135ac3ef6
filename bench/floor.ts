/**
 * `npm run bench:floor`: the optimized-RAG example through one loop written for that pipeline alone
 * (source → embed → search → rerank → LLM → answer) — a yardstick for the engine's speed, not a
 * second engine, and not results.
 *
 * The loop is built from the engine's own parts: xor4096 streams, the samplers (ziggurat normals,
 * lognormals, uniforms), the event queue, the histograms and the series. It makes the same 13 draws
 * per served request and keeps a subset of the metrics: per-node and per-class latency histograms,
 * TTFT, latency and cost series, a cost ledger, and one quota's concurrency and per-minute RPM/TPM
 * with reserve and refund. It does less than the engine: no retries (a failure ends at once), no quota
 * wait queue or Retry-After, faults, traces, observers, deadlines, shadow/colour slices, per-source or
 * per-path figures, warm-up, prompt-cache or context-window checks. With the same five events per
 * request, its speed is what an engine keeping these parts and this much bookkeeping could reach at
 * most. Parameters (distributions, limits, prices) come from examples/optimized-rag.preflight.json.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtinCatalog } from '../simulation/catalog/catalog';
import { EventQueue } from '../simulation/engine/event-queue';
import { LogHistogram } from '../simulation/metrics/log-histogram';
import { QuantileSeries, SeriesClock, SumSeries } from '../simulation/metrics/series';
import { loadPipelineOrThrow } from '../simulation/model/load';
import { compileDistribution, type DistributionSpec } from '../simulation/random/distributions';
import { StreamFactory } from '../simulation/random/streams';

const file = fileURLToPath(new URL('../examples/optimized-rag.preflight.json', import.meta.url));
const doc = loadPipelineOrThrow(readFileSync(file, 'utf8'));
const requests = Number((process.env.BENCH_REQUESTS ?? '1000000').split(',')[0]);

type Params = Record<string, unknown>;
const paramsOf = (id: string): Params => doc.nodes.find((n) => n.id === id)!.params as Params;
const dist = (id: string, key: string) => compileDistribution(paramsOf(id)[key] as DistributionSpec);
const [embed, search, rerank, llm] = ['embed', 'search', 'rerank', 'llm'].map(paramsOf) as [Params, Params, Params, Params];
const model = (id: unknown) => builtinCatalog().get(id as string)!;
const embedModel = model(embed.model);
const rerankModel = model(rerank.model);
const llmModel = model(llm.model);
const quota = doc.quotas[0]!;
const { traffic } = doc;

const streams = new StreamFactory(1);
const rng = (node: string, purpose: string) => streams.stream(node, purpose);
const [rGap, rClass, rQuery, rOutput] = ['gap', 'class', 'query-tokens', 'output-tokens'].map((p) => rng('users', p)) as [ReturnType<typeof rng>, ReturnType<typeof rng>, ReturnType<typeof rng>, ReturnType<typeof rng>];
const rEmbed = rng('embed', 'latency'), rEmbedFail = rng('embed', 'failures');
const rSearch = rng('search', 'latency'), rChunks = rng('search', 'chunk-tokens');
const rRerank = rng('rerank', 'latency');
const rTtft = rng('llm', 'ttft'), rTpot = rng('llm', 'tpot'), rLlmFail = rng('llm', 'failures'), rQuality = rng('llm', 'quality');
const queryTokens = traffic.classes.map((c) => compileDistribution(c.queryTokens));
const outputTokens = traffic.classes.map((c) => compileDistribution(c.outputTokens));
const totalShare = traffic.classes.reduce((s, c) => s + c.share, 0);
let runningShare = 0;
const cumulativeShares = Float64Array.from(traffic.classes, (c) => (runningShare += c.share) / totalShare);
const [dEmbed, dSearch, dChunks, dRerank, dTtft, dTpot] = [dist('embed', 'latencyMs'), dist('search', 'latencyMs'), dist('search', 'chunkTokens'), dist('rerank', 'latencyMs'), dist('llm', 'ttftMs'), dist('llm', 'timePerOutputTokenMs')];
const topK = search.topK as number, topN = rerank.topN as number, perDocMs = rerank.latencyMsPerDocument as number;
const systemTokens = llm.systemPromptTokens as number, maxTokens = llm.maxTokens as number, timeoutMs = llm.timeoutMs as number;
const ttftPer1k = llm.ttftMsPer1kInputTokens as number, quality = llm.quality as number;

class Request {
  enteredMs: number;
  chunkTokens = 0;
  firstTokenMs = -1;
  reservedTokens = 0;
  admittedMinute = -1;
  constructor(readonly arrivalMs: number, readonly classIndex: number, readonly queryTokens: number, readonly outputTokens: number) {
    this.enteredMs = arrivalMs;
  }
}

const clock = new SeriesClock();
const nodeLatency = [0, 1, 2, 3].map(() => new LogHistogram());
const nodeCostSeries = [0, 1, 2, 3].map(() => clock.register(new SumSeries(clock)));
const arrivalSeries = clock.register(new SumSeries(clock));
const latencySeries = clock.register(new QuantileSeries(clock));
const classLatency = traffic.classes.map(() => new LogHistogram());
const ttft = new LogHistogram();
const ledgerUsd = new Float64Array(4 * traffic.classes.length);
const ledgerTokens = new Float64Array(4);
const classCount = traffic.classes.length;
/** One quota: concurrency and fixed-minute RPM/TPM with reserve and refund; no wait queue (a full pool fails). */
class Quota {
  inUse = 0;
  minute = -1;
  minuteRequests = 0;
  minuteTokens = 0;
  peakTokenShare = 0;
  constructor(readonly rpm: number, readonly tpm: number, readonly slots: number) {}

  /** False is a 429 or a full pool. */
  admit(now: number, tokens: number): boolean {
    const w = Math.floor(now / 60_000);
    if (w !== this.minute) {
      this.peakTokenShare = Math.max(this.peakTokenShare, this.minuteTokens / this.tpm);
      this.minute = w;
      this.minuteRequests = this.minuteTokens = 0;
    }
    if (this.minuteRequests + 1 > this.rpm || this.minuteTokens + tokens > this.tpm || this.inUse >= this.slots) return false;
    this.minuteRequests++;
    this.minuteTokens += tokens;
    this.inUse++;
    return true;
  }
}

function leaveNode(req: Request, node: number, now: number, usd: number, tokens: number): void {
  const latencyMs = now - req.enteredMs;
  nodeLatency[node]!.record(latencyMs);
  if (usd !== 0) {
    nodeCostSeries[node]!.add(now, usd);
    ledgerUsd[node * classCount + req.classIndex]! += usd;
    ledgerTokens[node]! += tokens;
  }
  req.enteredMs = now;
}

interface Figures {
  arrived: number;
  served: number;
  correct: number;
  failed: number;
  events: number;
}

/** The whole run in one function: its state in locals, as an optimizing compiler likes it. */
function simulate(): Figures {
  const quotaState = new Quota(quota.rpm!, quota.tpm!, quota.maxParallelRequests!);
  const queue = new EventQueue<Request>();
  const { rps, startHour } = traffic;
  const hourly = Float64Array.from(traffic.hourlyMultipliers);
  const embedFailure = embed.errorProbability as number;
  const llmFailure = llm.errorProbability as number;
  const embedUsdPerToken = embedModel.inputUsdPerToken;
  const rerankUsdPerToken = rerankModel.inputUsdPerToken;
  const inputUsdPerToken = llmModel.inputUsdPerToken;
  const outputUsdPerToken = llmModel.outputUsdPerToken;
  let arrived = 0, served = 0, correct = 0, failed = 0, events = 0;
  let ratePerMs = 0, hourEndMs = -1;
  queue.push(0, 0, 0, null, 0);
  while (queue.size > 0) {
    queue.pop();
    const now = queue.time;
    events++;
    const stage = queue.target;
    if (stage === 0) {
      arrived++;
      const u = rClass.uniform();
      let c = 0;
      while (c < cumulativeShares.length - 1 && u >= cumulativeShares[c]!) c++;
      const wanted = Math.max(1, Math.round(outputTokens[c]!.sample(rOutput)));
      const req = new Request(now, c, Math.max(1, Math.round(queryTokens[c]!.sample(rQuery))), Math.min(maxTokens, wanted));
      arrivalSeries.add(now, 1);
      if (!quotaState.admit(now, req.queryTokens)) failed++;
      else if (rEmbedFail.chance(embedFailure)) {
        quotaState.inUse--;
        failed++;
      } else queue.push(now + dEmbed.sample(rEmbed), 1, 0, req, 0);
      if (arrived < requests) {
        if (now >= hourEndMs) {
          // The rate of the current hour, recomputed once an hour as the engine's rate profile does.
          const hour = Math.floor(now / 3_600_000);
          ratePerMs = (rps * hourly[(hour + startHour) % 24]!) / 1000;
          hourEndMs = (hour + 1) * 3_600_000;
        }
        queue.push(now - Math.log(rGap.uniformPositive()) / ratePerMs, 0, 0, null, 0);
      }
      continue;
    }
    const req = queue.payload!;
    if (stage === 1) {
      quotaState.inUse--;
      leaveNode(req, 0, now, req.queryTokens * embedUsdPerToken, req.queryTokens);
      req.chunkTokens = Math.round(dChunks.sample(rChunks));
      queue.push(now + dSearch.sample(rSearch), 2, 0, req, 0);
    } else if (stage === 2) {
      leaveNode(req, 1, now, 0, 0);
      queue.push(now + dRerank.sample(rRerank) + perDocMs * topK, 3, 0, req, 0);
    } else if (stage === 3) {
      const rerankTokens = req.queryTokens + topK * req.chunkTokens;
      leaveNode(req, 2, now, rerankTokens * rerankUsdPerToken, rerankTokens);
      const inputTokens = systemTokens + req.queryTokens + topN * req.chunkTokens;
      req.reservedTokens = inputTokens + maxTokens;
      if (!quotaState.admit(now, req.reservedTokens)) {
        failed++;
        continue;
      }
      req.admittedMinute = quotaState.minute;
      if (rLlmFail.chance(llmFailure)) {
        quotaState.inUse--;
        failed++;
        continue;
      }
      const firstMs = dTtft.sample(rTtft) + (ttftPer1k * inputTokens) / 1000;
      req.firstTokenMs = now + firstMs;
      queue.push(now + Math.min(timeoutMs, firstMs + req.outputTokens * dTpot.sample(rTpot)), 4, 0, req, 0);
    } else {
      quotaState.inUse--;
      const inputTokens = systemTokens + req.queryTokens + topN * req.chunkTokens;
      // Refund unused max_tokens to the window the call was admitted in, as the engine's quota does.
      if (req.admittedMinute === quotaState.minute) quotaState.minuteTokens = Math.max(0, quotaState.minuteTokens - (req.reservedTokens - inputTokens - req.outputTokens));
      leaveNode(req, 3, now, inputTokens * inputUsdPerToken + req.outputTokens * outputUsdPerToken, inputTokens + req.outputTokens);
      served++;
      if (rQuality.uniform() < quality) correct++;
      const latencyMs = now - req.arrivalMs;
      classLatency[req.classIndex]!.record(latencyMs);
      ttft.record(req.firstTokenMs - req.arrivalMs);
      latencySeries.record(now, latencyMs);
    }
  }
  return { arrived, served, correct, failed, events };
}

const t0 = performance.now();
const { arrived, served, correct, failed, events } = simulate();
const seconds = (performance.now() - t0) / 1000;
console.log(
  `purpose-built loop (a yardstick: failures end at once, no retries) · ${requests.toLocaleString('en-US')} requests · ${(arrived / seconds / 1e6).toFixed(2)} M requests/s · ` +
    `${(events / seconds / 1e6).toFixed(2)} M events/s · ${seconds.toFixed(2)} s · served ${served.toLocaleString('en-US')} (${((100 * correct) / served).toFixed(1)} % faithful), failed ${failed} · P99 ${classLatency[1]!.quantile(0.99).toFixed(0)} ms (complex)`,
);
