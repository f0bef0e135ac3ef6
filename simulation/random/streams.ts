import { zigguratNormal } from './ziggurat';

/**
 * A named, independent stream of uniform random numbers.
 *
 * Every draw in the simulator comes from a stream keyed by (run seed, node id, purpose), so changing
 * one node's parameters never shifts another node's draws (common random numbers across what-ifs).
 * The generator is Richard Brent's xor4096 (period 2^4096−1) exactly as the seedrandom package
 * implements it (`seedrandom.xor4096(key)`, same seeding, same outputs: a test checks it). It is
 * written out here rather than called through seedrandom's per-stream closures because draws are
 * the hottest code of a run: state in an Int32Array on a class V8 can inline cuts their cost.
 */
export class RandomStream {
  /** xor4096 state: 128 words, the Weyl counter and the ring index. */
  private readonly x = new Int32Array(128);
  private w = 0;
  private i = 0;

  constructor(readonly key: string) {
    this.seed(key);
  }

  /** Uniform in [0, 1): seedrandom's `prng()` (a 32-bit draw over 2^32). */
  uniform(): number {
    return this.next();
  }

  /** Uniform in (0, 1]: safe to take the logarithm of. */
  uniformPositive(): number {
    return 1 - this.next();
  }

  /** Standard normal draw (ziggurat: one 32-bit word per draw ~98.8 % of the time). */
  normal(): number {
    return zigguratNormal(this);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return p > 0 && this.next() < p;
  }

  /** One xor4096 step (seedrandom's XorGen.next) as a uniform in [0, 1). */
  private next(): number {
    return (this.nextInt32() >>> 0) / 0x100000000;
  }

  /** One xor4096 step: the 32-bit word seedrandom divides by 2^32, as a signed integer. */
  nextInt32(): number {
    const x = this.x;
    const w = (this.w = (this.w + 0x61c88647) | 0);
    let v = x[(this.i + 34) & 127]!;
    const i = (this.i = (this.i + 1) & 127);
    let t = x[i]!;
    v ^= v << 13;
    t ^= t << 17;
    v ^= v >>> 15;
    t ^= t >>> 12;
    v = x[i] = v ^ t;
    return (v + (w ^ (w >>> 16))) | 0;
  }

  /** seedrandom's xor4096 initialisation from a string seed. */
  private seed(key: string): void {
    const x = this.x;
    const seed = key + '\0';
    const limit = Math.max(128, seed.length);
    let v = 0;
    let w = 0;
    let zeros = 0;
    for (let j = -32; j < limit; ++j) {
      v ^= seed.charCodeAt((j + 32) % seed.length);
      if (j === 0) w = v;
      v ^= v << 10;
      v ^= v >>> 15;
      v ^= v << 4;
      v ^= v >>> 13;
      if (j >= 0) {
        w = (w + 0x61c88647) | 0;
        const t = (x[j & 127]! ^= v + w);
        zeros = t === 0 ? zeros + 1 : 0;
      }
    }
    if (zeros >= 128) x[seed.length & 127] = -1;
    let i = 127;
    for (let j = 4 * 128; j > 0; --j) {
      let a = x[(i + 34) & 127]!;
      i = (i + 1) & 127;
      let t = x[i]!;
      a ^= a << 13;
      t ^= t << 17;
      a ^= a >>> 15;
      t ^= t >>> 12;
      x[i] = a ^ t;
    }
    this.w = w;
    this.i = i;
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
