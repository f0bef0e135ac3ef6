import type { RandomStream } from '../../random/streams';

/** LiteLLM's max_latency_list_size, and the penalty sample a timed-out call adds (seconds). */
const LIST_SIZE = 10;
const TIMEOUT_PENALTY_S = 1000;

/**
 * LiteLLM's lowest-latency routing (router_strategy/lowest_latency.py), per route = deployment:
 *  - each successful call adds its seconds per output token (response time ÷ completion tokens) to a
 *    latency list, and for a streaming request its time to first token ÷ completion tokens to a TTFT
 *    list; a timed-out call adds a 1,000 s penalty; other failures add nothing;
 *  - a list keeps up to 10 samples; once full, LiteLLM keeps the first 9 and replaces the last;
 *  - a route never used counts as latency 0; a streaming request ranks by the TTFT samples (their sum
 *    divided, as LiteLLM does, by the length of the latency list) when there are any;
 *  - a route whose successes this minute leave no room under its tpm/rpm is skipped; of the rest, any
 *    within `buffer` × the lowest latency is picked at random (buffer 0: the lowest, ties at random).
 */
export class LowestLatency {
  private readonly latency: Float64Array[];
  private readonly ttft: Float64Array[];
  private readonly latencyCount: Int32Array;
  private readonly ttftCount: Int32Array;
  private readonly scratch: number[] = [];
  private readonly means: number[] = [];

  constructor(
    routes: number,
    private readonly buffer: number,
    private readonly rng: RandomStream,
  ) {
    this.latency = Array.from({ length: routes }, () => new Float64Array(LIST_SIZE));
    this.ttft = Array.from({ length: routes }, () => new Float64Array(LIST_SIZE));
    this.latencyCount = new Int32Array(routes);
    this.ttftCount = new Int32Array(routes);
  }

  /** A call down `route` succeeded after `durationMs` (first token at `ttftMs` when the request streams, else null). */
  success(route: number, durationMs: number, outputTokens: number, ttftMs: number | null): void {
    if (outputTokens <= 0) return; // LiteLLM divides by completion tokens; with none its logger fails and records nothing
    push(this.latency[route]!, this.latencyCount, route, durationMs / 1000 / outputTokens);
    if (ttftMs !== null) push(this.ttft[route]!, this.ttftCount, route, ttftMs / 1000 / outputTokens);
  }

  timeout(route: number): void {
    push(this.latency[route]!, this.latencyCount, route, TIMEOUT_PENALTY_S);
  }

  /** The route for a request among `pool`, or −1 when none has room (`hasRoom`). */
  choose(pool: readonly number[], streaming: boolean, hasRoom: (route: number) => boolean): number {
    const candidates = this.scratch;
    const means = this.means;
    candidates.length = 0;
    means.length = 0;
    let lowest = Infinity;
    for (const i of pool) {
      if (!hasRoom(i)) continue;
      const mean = this.mean(i, streaming);
      candidates.push(i);
      means.push(mean);
      if (mean < lowest) lowest = mean;
    }
    if (candidates.length === 0) return -1;
    const limit = lowest + this.buffer * lowest;
    let valid = 0;
    for (let k = 0; k < candidates.length; k++) if (means[k]! <= limit) candidates[valid++] = candidates[k]!;
    return candidates[Math.min(valid - 1, Math.floor(this.rng.uniform() * valid))]!;
  }

  private mean(route: number, streaming: boolean): number {
    const n = this.latencyCount[route]!;
    if (n === 0) return 0;
    const useTtft = streaming && this.ttftCount[route]! > 0;
    const list = useTtft ? this.ttft[route]! : this.latency[route]!;
    const count = useTtft ? this.ttftCount[route]! : n;
    let sum = 0;
    for (let k = 0; k < count; k++) sum += list[k]!;
    return sum / n;
  }
}

function push(list: Float64Array, counts: Int32Array, route: number, value: number): void {
  const n = counts[route]!;
  if (n < LIST_SIZE) {
    list[n] = value;
    counts[route] = n + 1;
  } else list[LIST_SIZE - 1] = value;
}
