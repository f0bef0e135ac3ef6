import seedrandom from 'seedrandom';

/**
 * A named, independent stream of uniform random numbers.
 *
 * Every draw in the simulator comes from a stream keyed by (run seed, node id, purpose), so changing
 * one node's parameters never shifts another node's draws (common random numbers across what-ifs).
 * The generator is seedrandom's xor4096 (period 2^4096−1), seeded from the key string.
 */
export class RandomStream {
  private readonly prng: () => number;
  private spareNormal = 0;
  private hasSpareNormal = false;

  constructor(readonly key: string) {
    this.prng = seedrandom.xor4096(key);
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    return this.prng();
  }

  /** Uniform in (0, 1]: safe to take the logarithm of. */
  uniformPositive(): number {
    return 1 - this.prng();
  }

  /**
   * Standard normal draw by Marsaglia's polar method (exact; no trigonometry, one logarithm per pair).
   * The second value of each pair is kept for the next call.
   */
  normal(): number {
    if (this.hasSpareNormal) {
      this.hasSpareNormal = false;
      return this.spareNormal;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.prng() - 1;
      v = 2 * this.prng() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * f;
    this.hasSpareNormal = true;
    return u * f;
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return p > 0 && this.prng() < p;
  }
}

/** The key of a stream: a run seed, the node that draws, and what the draws are for. */
export function streamKey(runSeed: number, nodeId: string, purpose: string): string {
  return `preflight/${runSeed}/${nodeId}/${purpose}`;
}

/** Creates the streams of one run. */
export class StreamFactory {
  constructor(readonly runSeed: number) {}

  stream(nodeId: string, purpose: string): RandomStream {
    return new RandomStream(streamKey(this.runSeed, nodeId, purpose));
  }
}
