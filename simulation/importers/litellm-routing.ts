import type { NoteLog } from './import-notes';
import type { ProxyDeployment, ProxySettings } from './litellm-config-read';
import type { ModelMatch } from './litellm-model-match';

export interface GroupRouting {
  strategy: 'weighted' | 'least-busy' | 'latency-based' | 'usage-based';
  /** One weight per deployment (used by the weighted strategy; 1 otherwise). */
  weights: number[];
}

/**
 * The router strategy for a group's deployments, from LiteLLM's `routing_strategy`:
 *  - simple-shuffle (LiteLLM's default) → weighted, weights as LiteLLM picks them: the first of
 *    `weight`, `rpm`, `tpm` that any deployment sets (a deployment without it weighs 0), else equal;
 *  - least-busy → least-busy; latency-based-routing → latency-based;
 *  - usage-based-routing-v2 → usage-based (fewest tokens this minute among deployments whose tpm/rpm
 *    leave room; none → "No deployments available"); the older usage-based-routing is read the same way;
 *  - cost-based-routing → weighted with all weight on the cheapest deployments (others serve only
 *    when those cool down, through the breaker chain).
 * An unknown strategy is reported and treated as simple-shuffle.
 */
export function groupRouting(group: string, deps: ProxyDeployment[], matches: Map<ProxyDeployment, ModelMatch>, settings: ProxySettings, log: NoteLog): GroupRouting {
  const equal = deps.map(() => 1);
  const path = 'router_settings.routing_strategy';
  switch (settings.routingStrategy) {
    case 'least-busy':
      return { strategy: 'least-busy', weights: equal };
    case 'latency-based-routing':
      log.info(path, `group '${group}': latency-based-routing ranks deployments as LiteLLM does, by each call's seconds per output token (time to first token per token when streaming, 1,000 s for a timeout), within their tpm/rpm; routing_strategy_args are not read (lowest_latency_buffer 0: set the router's latency buffer if yours differs)`);
      return { strategy: 'latency-based', weights: equal };
    case 'usage-based-routing':
      log.info(path, `group '${group}': usage-based-routing is simulated with the rules of usage-based-routing-v2, which replaced it (fewest tokens this minute among deployments whose tpm/rpm leave room)`);
      return usageBased(group, deps, log);
    case 'usage-based-routing-v2':
      return usageBased(group, deps, log);
    case 'cost-based-routing': {
      const cost = deps.map((d) => matches.get(d)!.entry).map((m) => m.inputUsdPerToken + m.outputUsdPerToken);
      const cheapest = Math.min(...cost);
      log.warn(path, `group '${group}': cost-based-routing sends everything to the cheapest deployment(s); the others serve only while those cool down`);
      return { strategy: 'weighted', weights: cost.map((c) => (c === cheapest ? 1 : 0)) };
    }
    case 'simple-shuffle':
      return { strategy: 'weighted', weights: shuffleWeights(group, deps, log) };
    default:
      log.warn(path, `unknown routing strategy '${settings.routingStrategy}' (LiteLLM knows simple-shuffle, least-busy, usage-based-routing, usage-based-routing-v2, latency-based-routing, cost-based-routing); simple-shuffle used`);
      return { strategy: 'weighted', weights: shuffleWeights(group, deps, log) };
  }
}

function usageBased(group: string, deps: ProxyDeployment[], log: NoteLog): GroupRouting {
  for (const d of deps) {
    if (d.rpm === 1) log.warn(`${d.path}.rpm`, `group '${group}': with rpm 1 usage-based routing never picks this deployment (LiteLLM skips a deployment when its requests this minute + 1 ≥ rpm)`);
  }
  return { strategy: 'usage-based', weights: deps.map(() => 1) };
}

function shuffleWeights(group: string, deps: ProxyDeployment[], log: NoteLog): number[] {
  for (const metric of ['weight', 'rpm', 'tpm'] as const) {
    const weights = deps.map((d) => d[metric] ?? 0);
    if (Math.max(...weights) > 0) {
      const unset = deps.filter((d) => d[metric] === null);
      if (unset.length) log.warn(unset[0]!.path, `group '${group}' is shuffled by ${metric}, and ${unset.length} deployment(s) set none: like LiteLLM, they get weight 0`);
      return weights;
    }
  }
  return deps.map(() => 1);
}
