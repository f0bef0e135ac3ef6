import type { NoteLog } from './import-notes';
import type { FallbackRule, ProxySettings } from './litellm-config-read';
import type { PipelineGraph } from './pipeline-graph';

/** A model group as built: the node requests enter by, and its deployments' LLM and breaker nodes. */
export interface BuiltGroup {
  name: string;
  entry: string;
  llms: string[];
  /** Breakers in deployment order; the last one's `open` port is the group's "all cooling down" exit. */
  breakers: string[];
  /** The usage-based router whose `no_capacity` port is the group's "no deployment has room" exit, or null. */
  noCapacityExit: string | null;
}

/** LLM ports that LiteLLM's three fallback lists map to. */
export type FallbackPort = 'error' | 'context_window' | 'content_policy';

const LISTS: Array<{ port: FallbackPort; field: 'fallbacks' | 'contextWindowFallbacks' | 'contentPolicyFallbacks'; what: string }> = [
  { port: 'context_window', field: 'contextWindowFallbacks', what: 'context-window errors' },
  { port: 'content_policy', field: 'contentPolicyFallbacks', what: 'content-policy refusals' },
  { port: 'error', field: 'fallbacks', what: 'failures after retries' },
];

/**
 * Fallbacks are wiring (SEMANTICS §1): the failing port of every deployment of group A leads to the
 * entry of A's first fallback group B. A list [B, C] also needs B → C; since wiring is per node, that
 * edge serves every request failing at B, so it is added only when B has no fallback of its own, and
 * noted. An edge that would close a cycle (A → B → A) is refused with a warning: the document format
 * forbids unbounded loops, and LiteLLM itself stops after max_fallbacks.
 */
export function wireFallbacks(graph: PipelineGraph, groups: Map<string, BuiltGroup>, settings: ProxySettings, skippedGroups: Set<string>, log: NoteLog): void {
  const resolve = (name: string): string => settings.aliases.get(name) ?? name;
  for (const { port, field, what } of LISTS) {
    const rules = [...settings[field]];
    if (port === 'error' && settings.defaultFallbacks.length) {
      const covered = new Set(rules.map((r) => resolve(r.group)));
      for (const g of groups.keys()) if (!covered.has(g)) rules.push({ group: g, targets: settings.defaultFallbacks, path: 'default_fallbacks' });
    }
    const usable = rules.flatMap((rule) => usableRule(rule, resolve, groups, skippedGroups, log));
    for (const { rule, from, targets } of usable) {
      const target = groups.get(targets[0]!)!;
      const result = connectGroup(graph, from, port, target);
      if (result === 'ok') log.info(rule.path, `${what} of '${from.name}' go to '${target.name}'`);
      else log.warn(rule.path, refusal(result, from.name, target.name, port));
    }
    for (const { rule, targets } of usable) {
      for (let k = 1; k < targets.length; k++) {
        const prev = groups.get(targets[k - 1]!)!;
        const next = groups.get(targets[k]!)!;
        const result = connectGroup(graph, prev, port, next);
        if (result === 'ok') log.info(rule.path, `${what} of '${prev.name}' go to '${next.name}' (fallback ${k + 1} of '${rule.group}'); wiring is per node, so this also applies to requests that reach '${prev.name}' directly`);
        else log.warn(rule.path, `fallback ${k + 1} of '${rule.group}' ('${next.name}') is not wired: ${refusal(result, prev.name, next.name, port)}`);
      }
    }
  }
}

function usableRule(rule: FallbackRule, resolve: (n: string) => string, groups: Map<string, BuiltGroup>, skipped: Set<string>, log: NoteLog) {
  const from = groups.get(resolve(rule.group));
  if (!from) {
    log.warn(rule.path, `'${rule.group}' is ${skipped.has(resolve(rule.group)) ? 'a model group that was left out (see its note)' : 'not a model group of model_list'}; its fallbacks are not wired`);
    return [];
  }
  const targets: string[] = [];
  rule.targets.forEach((t, i) => {
    const name = resolve(t);
    if (name === from.name) log.warn(`${rule.path}[${i}]`, `'${t}' falls back to itself; ignored`);
    else if (!groups.has(name)) log.warn(`${rule.path}[${i}]`, `fallback '${t}' is ${skipped.has(name) ? 'a model group that was left out (see its note)' : 'not a model group of model_list'}; ignored`);
    else if (!targets.includes(name)) targets.push(name);
  });
  return targets.length ? [{ rule, from, targets }] : [];
}

/** The ports through which group `g` gives up for `port`'s reason. */
export function groupExits(g: BuiltGroup, port: FallbackPort): Array<[string, string]> {
  const exits: Array<[string, string]> = g.llms.map((id) => [id, port]);
  const last = g.breakers[g.breakers.length - 1];
  if (port === 'error' && last !== undefined) exits.push([last, 'open']);
  if (port === 'error' && g.noCapacityExit !== null) exits.push([g.noCapacityExit, 'no_capacity']);
  return exits;
}

type Wiring = 'ok' | 'taken' | 'cycle';

function connectGroup(graph: PipelineGraph, from: BuiltGroup, port: FallbackPort, to: BuiltGroup): Wiring {
  const exits = groupExits(from, port).filter(([id, p]) => !graph.isWired(id, p));
  if (exits.length === 0) return 'taken';
  if (exits.some(([id]) => graph.reaches(to.entry, id))) return 'cycle';
  for (const [id, p] of exits) graph.connect(id, p, to.entry);
  return 'ok';
}

function refusal(result: Wiring, from: string, to: string, port: FallbackPort): string {
  return result === 'taken'
    ? `'${from}' already has a fallback for this (its ${port} port is wired); '${to}' is not added`
    : `'${to}' already leads back to '${from}'; wiring '${from}' → '${to}' would make a loop, so it is left out`;
}
