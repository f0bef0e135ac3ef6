import type { PipelineDocument } from '../model/document-schema';
import type { StreamFactory, RandomStream } from '../random/streams';
import { RateProfile } from './rate-profile';
import type { CompiledTraffic } from './traffic';

/**
 * One Poisson arrival stream: the pipeline traffic (split among the sources without a rate of their
 * own, by share) or one source's own stream. Each has its own random streams, so adding a batch source
 * leaves the user traffic's arrivals unchanged.
 */
export class ArrivalStream {
  /** Node indices of the sources this stream feeds and the cumulative shares to pick one. */
  readonly sourceNodes: number[];
  private readonly cumulative: Float64Array;
  private readonly rngGap: RandomStream;
  private readonly rngSource: RandomStream;
  readonly rngClass: RandomStream;
  readonly rngQuery: RandomStream;
  readonly rngQueryTokens: RandomStream;
  readonly realtime: boolean[];

  constructor(
    readonly profile: RateProfile,
    sources: Array<{ index: number; share: number; realtime: boolean }>,
    streams: StreamFactory,
    streamId: string,
  ) {
    this.sourceNodes = sources.map((s) => s.index);
    this.realtime = sources.map((s) => s.realtime);
    const total = sources.reduce((s, x) => s + x.share, 0);
    let acc = 0;
    this.cumulative = Float64Array.from(sources, (s) => (acc += s.share / total));
    this.rngGap = streams.stream(streamId, 'arrivals');
    this.rngSource = streams.stream(streamId, 'source');
    this.rngClass = streams.stream(streamId, 'class');
    this.rngQuery = streams.stream(streamId, 'query');
    this.rngQueryTokens = streams.stream(streamId, 'query-tokens');
  }

  next(afterMs: number): number {
    return this.profile.nextArrival(afterMs, -Math.log(this.rngGap.uniformPositive()));
  }

  /** Position of the source (in sourceNodes) a new arrival enters by. */
  pickSource(): number {
    const cum = this.cumulative;
    if (cum.length === 1) return 0;
    const u = this.rngSource.uniform();
    for (let i = 0; i < cum.length - 1; i++) if (u < cum[i]!) return i;
    return cum.length - 1;
  }
}

/** The pipeline traffic stream (id `$traffic`) and one stream per source with its own rate. */
export function arrivalStreams(doc: PipelineDocument, traffic: CompiledTraffic, streams: StreamFactory): ArrivalStream[] {
  const shared: Array<{ index: number; share: number; realtime: boolean }> = [];
  const own: ArrivalStream[] = [];
  doc.nodes.forEach((n, index) => {
    if (n.kind !== 'source') return;
    const p = n.params;
    if (p.rps === null) {
      shared.push({ index, share: p.share, realtime: p.realtime });
      return;
    }
    const profile = ownProfile(doc, p.rps, p.hourlyMultipliers);
    own.push(new ArrivalStream(profile, [{ index, share: 1, realtime: p.realtime }], streams, `$source/${n.id}`));
  });
  return shared.length ? [new ArrivalStream(traffic.profile, shared, streams, '$traffic'), ...own] : own;
}

/** A source with its own rate: the traffic's profile at that rate (its own daily curve if it has one), without bursts or ramps. */
function ownProfile(doc: PipelineDocument, rps: number, hourlyMultipliers: number[] | null): RateProfile {
  return new RateProfile({ ...doc.traffic, rps, hourlyMultipliers: hourlyMultipliers ?? doc.traffic.hourlyMultipliers, bursts: [], ramps: [] });
}

/**
 * Mean arrival rate over a typical week of the daily and weekly profile (no bursts or ramps), req/s,
 * summed over the sources: the rate monthly figures are based on (a run's window may be busier).
 */
export function typicalRps(doc: PipelineDocument): number {
  let rps = 0;
  let shared = false;
  for (const n of doc.nodes) {
    if (n.kind !== 'source') continue;
    if (n.params.rps === null) shared = true;
    else rps += ownProfile(doc, n.params.rps, n.params.hourlyMultipliers).meanRps;
  }
  return shared ? rps + new RateProfile(doc.traffic).meanRps : rps;
}

/**
 * typicalRps by source id: a source with its own rate at its own curve's mean, the sources sharing
 * the pipeline traffic at its mean × their share. A month of one team's traffic, whatever hours the
 * run's window covered (a night batch has none in a daytime hour).
 */
export function typicalRpsBySource(doc: PipelineDocument): Map<string, number> {
  const sources = doc.nodes.filter((n) => n.kind === 'source');
  const sharedTotal = sources.reduce((s, n) => s + (n.params.rps === null ? n.params.share : 0), 0);
  const trafficRps = sharedTotal > 0 ? new RateProfile(doc.traffic).meanRps : 0;
  return new Map(sources.map((n) => [n.id, n.params.rps === null ? (trafficRps * n.params.share) / sharedTotal : ownProfile(doc, n.params.rps, n.params.hourlyMultipliers).meanRps]));
}

/**
 * The arrival window: the run's streams, open until their next arrival falls past `endMs` (a
 * duration run) or the run stops them (a request-count run reached its count). When the last one
 * closes, arrivals stop; the run then drains (or ends) from `stopMs`.
 */
export class ArrivalWindow {
  private readonly open: boolean[];
  openCount: number;
  /** When arrivals stopped: the end of the window, or the moment the last stream was closed. */
  stopMs = 0;

  constructor(
    readonly streams: ArrivalStream[],
    /** Warm-up + duration, or Infinity for a request-count run. */
    readonly endMs: number,
  ) {
    this.open = streams.map(() => true);
    this.openCount = streams.length;
  }

  /** Stream k's next arrival after `fromMs`, or null when it falls past the window (the stream closes). */
  next(k: number, fromMs: number): number | null {
    const t = this.streams[k]!.next(fromMs);
    if (t < this.endMs && t !== Infinity) return t;
    this.close(k, Math.min(fromMs, this.endMs));
    return null;
  }

  /** Stops every stream at `atMs`. */
  closeAll(atMs: number): void {
    for (let k = 0; k < this.streams.length; k++) this.close(k, atMs);
  }

  private close(k: number, atMs: number): void {
    if (!this.open[k]) return;
    this.open[k] = false;
    this.openCount--;
    if (this.openCount === 0) this.stopMs = this.endMs !== Infinity ? this.endMs : atMs;
  }
}
